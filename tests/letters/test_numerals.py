from datetime import date, datetime

import pytest

from router.letters import BLANK, LetterError, chinese_date, document_number
from router.letters.numerals import (
    BLANK_DATE,
    arabic_moment,
    check_number,
    chinese_number,
)


@pytest.mark.parametrize("day, text", [
    (date(2026, 5, 6), "二〇二六年五月六日"),
    (date(2026, 10, 10), "二〇二六年十月十日"),
    (date(2026, 11, 20), "二〇二六年十一月二十日"),
    (date(2030, 12, 31), "二〇三〇年十二月三十一日"),
    (date(2000, 1, 1), "二〇〇〇年一月一日"),
    (date(2026, 2, 19), "二〇二六年二月十九日"),
])
def test_chinese_date(day, text):
    assert chinese_date(day) == text


def test_chinese_date_uses_ling_not_latin_zero_or_digit_zero():
    text = chinese_date(date(2006, 3, 2))
    assert text == "二〇〇六年三月二日"
    assert "0" not in text and "零" not in text and "O" not in text


def test_unknown_date_is_a_visible_blank():
    assert chinese_date(None) == BLANK_DATE == "____年__月__日"


@pytest.mark.parametrize("n, text", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"),
                                     (21, "二十一"), (30, "三十"), (31, "三十一")])
def test_chinese_number(n, text):
    assert chinese_number(n) == text


@pytest.mark.parametrize("n", [0, 100, -3])
def test_chinese_number_out_of_range(n):
    with pytest.raises(ValueError):
        chinese_number(n)


def test_arabic_moment():
    assert arabic_moment(datetime(2026, 9, 30, 16, 20)) == "2026年9月30日16时20分"
    assert arabic_moment(datetime(2026, 9, 30, 9, 0)) == "2026年9月30日9时"
    assert arabic_moment(date(2026, 1, 5)) == "2026年1月5日"


def test_document_number_from_pattern():
    assert document_number("岳政移〔{year}〕{seq}号", 2026, 3) == "岳政移〔2026〕3号"
    assert document_number("华交移〔{year}〕{seq}号", 2027, 12) == "华交移〔2027〕12号"


@pytest.mark.parametrize("pattern, year, seq, fragment", [
    ("岳政移〔{year}〕号", 2026, 3, "{seq}"),
    ("岳政移〔2026〕{seq}号", 2026, 3, "{year}"),
    ("岳政移[{year}]{seq}号", 2026, 3, "六角括号"),
    ("岳政移〔{year}〕{seq}号", 26, 3, "四位数"),
    ("岳政移〔{year}〕{seq}号", 2026, 0, "正整数"),
])
def test_document_number_refuses(pattern, year, seq, fragment):
    with pytest.raises(LetterError, match=fragment.replace("{", r"\{").replace("}", r"\}")):
        document_number(pattern, year, seq)


@pytest.mark.parametrize("number", ["岳政移〔2026〕03号", "岳政移〔2026〕第3号", "岳政移（2026）3号", "〔2026〕3号", "岳政移〔2026〕3"])
def test_check_number_refuses_non_standard_numbers(number):
    with pytest.raises(LetterError, match="GB/T 9704"):
        check_number(number)


def test_blank_is_visible():
    assert BLANK == "________"
