"""Dates and document numbers as official documents write them.

成文日期 in Chinese numerals (二〇二六年五月六日): each digit of the year on its own, with 〇
for zero; month and day read as numbers (十, 十一, 二十, 三十一). Dates inside the text are
written with Arabic numerals (2026年5月6日), as GB/T 9704-2012 7.3.3 prefers for numbers in
the body.

发文字号 (GB/T 9704-2012 7.2.4): 机关代字 + year in full inside 六角括号〔〕 + sequence number
without leading zeros or 第, followed by 号: 岳政移〔2026〕3号.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from .errors import LetterError

_DIGITS = "〇一二三四五六七八九"
BLANK = "________"
BLANK_DATE = "____年__月__日"

_NUMBER = re.compile(r"^\S+〔(\d{4})〕([1-9]\d*)号$")


def chinese_number(n: int) -> str:
    """1..99 as read aloud in dates: 1 一, 10 十, 11 十一, 20 二十, 31 三十一."""
    if not 1 <= n <= 99:
        raise ValueError(f"{n} is outside 1..99")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def chinese_date(day: date | None) -> str:
    """二〇二六年五月六日; a blank date for the clerk when unknown."""
    if day is None:
        return BLANK_DATE
    year = "".join(_DIGITS[int(c)] for c in f"{day.year:04d}")
    return f"{year}年{chinese_number(day.month)}月{chinese_number(day.day)}日"


def arabic_date(day: date | None) -> str:
    """2026年5月6日 (no leading zeros); a blank date when unknown."""
    if day is None:
        return BLANK_DATE
    return f"{day.year}年{day.month}月{day.day}日"


def arabic_moment(moment: date | datetime | None) -> str:
    """2026年5月6日9时30分 for a time, 2026年5月6日 for a day; a blank when unknown."""
    if moment is None:
        return BLANK_DATE
    if not isinstance(moment, datetime):
        return arabic_date(moment)
    text = f"{arabic_date(moment)}{moment.hour}时"
    return text + (f"{moment.minute}分" if moment.minute else "")


def document_number(pattern: str, year: int, sequence: int) -> str:
    """Build a 发文字号 from a body's pattern, e.g. "岳政移〔{year}〕{seq}号" → 岳政移〔2026〕3号.

    The pattern lives in the catalog (one per body and kind of letter); it must contain {year}
    and {seq} once each and produce a number of the GB/T 9704 form."""
    for name in ("{year}", "{seq}"):
        if pattern.count(name) != 1:
            raise LetterError(f"发文字号格式“{pattern}”应当含有一个 {name}（例如：岳政移〔{{year}}〕{{seq}}号）")
    if not 1000 <= year <= 9999:
        raise LetterError(f"发文字号的年份 {year} 应为四位数（年份应标全称）")
    if sequence < 1:
        raise LetterError(f"发文顺序号 {sequence} 应为正整数（从 1 起编，不编虚位）")
    number = pattern.replace("{year}", str(year)).replace("{seq}", str(sequence))
    check_number(number)
    return number


def check_number(number: str) -> None:
    """Refuse a 发文字号 not of the form 机关代字〔2026〕3号 (GB/T 9704-2012 7.2.4)."""
    if _NUMBER.match(number):
        return
    hint = "年份用六角括号〔〕括入，顺序号不编虚位、不加“第”字，后加“号”"
    if re.search(r"[\[\]［］()（）【】]", number):
        hint = "年份应当用六角括号〔〕括入，不用方括号或圆括号"
    raise LetterError(f"发文字号“{number}”不符合 GB/T 9704-2012 7.2.4 的格式（机关代字〔年份〕序号号）：{hint}")
