"""Articles of law a description cites (router/matching/citations.py): read against the matters'
legal bases, they decide where the words found nothing, narrow a choice the words left open, and
never overrule a matter the words chose (a note says so)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from router.catalog.load import load_catalog
from router.matching.citations import Article, Citations, basis_articles, number
from router.model.errors import CatalogError

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text, n", [("118", 118), ("１１８", 118), ("一百一十八", 118), ("十七", 17),
                                     ("二十", 20), ("七十七", 77), ("一百零五", 105), ("两", 2),
                                     ("条", None), ("", None)])
def test_numbers_are_read_in_digits_and_chinese(text, n):
    assert number(text) == n


def test_a_basis_cites_its_articles_and_not_its_explanations():
    assert basis_articles("《消防法》第60条第1款第(五)项（单位5000元以上5万元以下）、第2款（个人警告）、第3款") == [
        Article("消防法", 60, 1, 5), Article("消防法", 60, 2), Article("消防法", 60, 3)]
    assert basis_articles("《公路法》第46条、第77条（可处5000元以下）；农村公路《河南省农村公路条例》第41条") == [
        Article("公路法", 46), Article("公路法", 77), Article("河南省农村公路条例", 41)]
    # an unverified basis lists its candidates in brackets: it cites nothing
    assert basis_articles("未核实（候选：《河南省水利工程管理条例》第29条第3款、第46条）") == []
    assert basis_articles("《中华人民共和国土地管理法》第七十七条") == [Article("土地管理法", 77)]


BASES = {"DQ-01": "《大气污染防治法》第118条第3款（没收烧烤工具）",
         "DQ-02": "《大气污染防治法》第118条第1款",
         "DQ-03": "《大气污染防治法》第118条第2款",
         "ZS-01": "《噪声污染防治法》第77条"}


@pytest.fixture(scope="module")
def cites() -> Citations:
    return Citations(BASES, {"大气污染防治法": ["大气法"], "城市绿化条例": ["绿化条例"]})


@pytest.mark.parametrize("text, matters", [
    ("涉嫌违反《大气污染防治法》第一百一十八条第一款，移交执法", ["DQ-02"]),
    ("违反《中华人民共和国大气污染防治法》第118条第3款", ["DQ-01"]),
    ("大气法第118条", ["DQ-01", "DQ-02", "DQ-03"]),       # no clause: every matter of the article
    ("大气法第一百一十八条第一款第（一）项", ["DQ-02"]),    # an item the basis does not give still agrees
    ("适用噪声污染防治法的第七十七条", ["ZS-01"]),
    ("大气法第119条", []),                               # an article no basis cites
    ("第118条第1款", []),                                # no law named
    ("绿化条例第27条", []),                              # a short name of a law no basis here cites
])
def test_a_description_names_the_matters_whose_basis_it_cites(cites, text, matters):
    found = [m for art, _, _ in cites.find(text) for m in cites.matters(art)]
    assert found == matters


def test_a_cited_article_decides_where_the_words_found_nothing(matcher):
    r = matcher.match("涉嫌违反《大气污染防治法》第一百一十八条第一款，移交执法")
    assert r.status == "matched" and r.selected == ("DQ-02",)
    assert any("第118条第1款" in n and "按所引条文认定" in n for n in r.notes)
    (c,) = [c for c in r.candidates if c.matter == "DQ-02"]
    assert any(sp.text.startswith("《大气污染防治法》") for sp in c.spans)
    assert r.guidance == ()


def test_an_article_of_several_matters_is_offered_as_their_choice(matcher):
    r = matcher.match("大气法第118条")
    assert r.status == "ambiguous" and r.ambiguous == (("DQ-01", "DQ-02", "DQ-03"),)
    assert r.choices[0].question


def test_a_question_about_an_article_is_no_report(matcher):
    assert matcher.match("违反大气法第118条第一款罚多少钱").status == "no_fit"
    assert matcher.match("请问《消防法》第六十条第一款第（五）项下放给街道了吗？").status == "no_fit"


def test_a_matter_the_words_chose_stands_and_a_differing_citation_is_noted(matcher):
    r = matcher.match("饭店油烟直排，违反大气法第一百一十八条第三款")
    assert r.selected == ("DQ-02",)
    assert any("是 DQ-01 的法律依据" in n and "请办事员核实" in n for n in r.notes)


def test_law_names_must_be_a_table_of_lists(tmp_path):
    dst = tmp_path / "catalog"
    shutil.copytree(ROOT / "catalog", dst)
    p = dst / "matching.yaml"
    text = p.read_text(encoding="utf-8")
    p.write_text(text.replace("  大气污染防治法: [", "  大气污染防治法: {简称: [", 1).replace(
        "大气污染法]", "大气污染法]}", 1), encoding="utf-8")
    with pytest.raises(CatalogError) as e:
        load_catalog(dst).matcher
    assert any("law_names" in str(pr) and "应为词语列表" in str(pr) for pr in e.value.problems)
    p.write_text(text.replace("law_names:\n  大气污染防治法:", "law_names: [大气法]\nx:\n  大气污染防治法:", 1),
                 encoding="utf-8")
    with pytest.raises(CatalogError) as e:
        load_catalog(dst).matcher
    assert any("law_names" in str(pr) and "应为键值表" in str(pr) for pr in e.value.problems)


def test_a_choice_the_citation_does_not_touch_stays(matcher):
    # two acts, each left open by the words: the cited article settles one, the other stays a choice
    from router.matching.matcher import Choice, MatchResult
    text = "饭店油烟，还有噪音，违反大气法第118条第1款"
    groups = (("DQ-01", "DQ-02", "DQ-03"), ("ZS-01", "ZS-02", "ZS-03"))
    before = MatchResult(text, "ambiguous", (), (), groups, ("ZS-01、ZS-02、ZS-03 同属“噪音扰民”类",),
                         tuple(Choice(g, None, None) for g in groups))
    r = matcher._cited_reading(text, before, matcher._citations.find(text))
    assert r.status == "ambiguous" and r.selected == ("DQ-02",)
    assert r.ambiguous == (groups[1],) and r.choices == (Choice(groups[1], None, None),)
    assert any(n.startswith("ZS-01、ZS-02、ZS-03") for n in r.notes)
