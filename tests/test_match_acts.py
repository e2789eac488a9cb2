"""Code requests of round 83: how the acts of one report are told apart (clauses, words inside
words, whole-text words). Sentences of my own, each failing before its change."""
from __future__ import annotations

import pytest


# An exclusion said where a "，还…" clause tells an act outside the catalog (a dead animal thrown
# away, a theft) does not knock out a matter told whole in another clause: the matter stands on
# its own clause's cues. Told only in the excluded clause, it is still excluded; an exclusion that
# reaches over both clauses (the extinguisher that expired, the property company that does not
# replace it) is still one thing.
OUTSIDE_ACT_APART = [
    ("有人在河堤上盖了间小屋，还往河里扔死鸡", {"SL-03"}),
    ("村民在水库坝上垒了个猪圈，还往水库里扔死羊", {"SL-03"}),
    ("有人在干渠堤上挖土，还往渠里撂死羊", {"SL-03"}),
    ("有人往干渠里扔死鸡，还在渠堤上挖土", {"SL-03"}),
    ("机井房叫人砸了，井里的水泵也叫偷走了", {"GH-04"}),
    ("俺村有人往渠里扔死猪，还有人在渠边打牌", set()),
    ("往渠里扔死猪", set()),
    ("楼道灭火器过期两年了，物业也不换", set()),
]


@pytest.mark.parametrize("text,expected", OUTSIDE_ACT_APART, ids=[t for t, _ in OUTSIDE_ACT_APART])
def test_an_exclusion_told_with_an_act_outside_the_catalog_stays_in_its_clause(matcher, text, expected):
    assert set(matcher.match(text).selected) == expected


def test_the_matter_kept_says_why(matcher):
    r = matcher.match("有人在河堤上盖了间小屋，还往河里扔死鸡")
    reasons = next(c.reasons for c in r.candidates if c.matter == "SL-03")
    assert any("目录外的另一件事" in x for x in reasons), reasons
    assert "动物防疫" in r.outside


# A word that must be the whole text, written ^甲$ without `re:` (matching.yaml's header): looked up
# as the text (spaces and punctuation around it aside) or as what a framed report says, never
# searched inside a text, and no regular expression.
ONLY_SYNTHETIC = """
version: 1
concepts:
  摊: [摊子, 摊儿]
matters:
  SR-05:
    keywords: ["^(摊子|摊儿)$", 占道经营]
  JT-03:
    keywords: [^国道上$]
"""


@pytest.fixture()
def only(tmp_path):
    from router.matching.matcher import Matcher
    p = tmp_path / "matching.yaml"
    p.write_text(ONLY_SYNTHETIC, encoding="utf-8")
    return Matcher.load(p, {"SR-05": "SR-05", "JT-03": "JT-03"})


@pytest.mark.parametrize("text,expected", [
    ("摊子", ("SR-05",)), ("摊儿。", ("SR-05",)), ("  摊子？？", ("SR-05",)),
    ("今天上午，摊子", ("SR-05",)), ("摊子，谢谢！", ("SR-05",)),
    ("国道上", ("JT-03",)),
    ("收摊子了", ()), ("有摊子", ()), ("摊子摊子", ()), ("国道上有摊子", ()),
])
def test_a_whole_text_word_is_the_whole_text(only, text, expected):
    assert only.match(text).selected == expected


def test_a_whole_text_word_is_no_regular_expression(only):
    assert only._regex_src == ()
    r = only.match("今天上午，摊子")
    span = next(c.spans for c in r.candidates if c.matter == "SR-05")
    assert [s.text for s in span] == ["摊子"]


@pytest.mark.parametrize("bad", ["^摊子", "摊子$", "^摊…子$", "^摊子$$", "^$", "^，$", "^re:摊子$"])
def test_a_whole_text_word_written_wrong_is_reported(tmp_path, bad):
    from router.matching.matcher import Matcher
    from router.model.errors import CatalogError
    p = tmp_path / "matching.yaml"
    p.write_text(ONLY_SYNTHETIC.replace("占道经营", f'"{bad}"'), encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        Matcher.load(p, {"SR-05": "SR-05", "JT-03": "JT-03"})
    assert "整句词" in str(exc.value)


def test_a_whole_text_word_rewritten_by_a_typo_is_flagged(tmp_path):
    from router.matching.matcher import Matcher
    p = tmp_path / "matching.yaml"
    p.write_text("typos:\n  摊儿: 摊子\n" + ONLY_SYNTHETIC.replace('"^(摊子|摊儿)$"', "^摊儿$"), encoding="utf-8")
    m = Matcher.load(p, {"SR-05": "SR-05", "JT-03": "JT-03"})
    assert ("^摊儿$", "^摊子$") in [(w, f) for w, f, _ in m.typo_rewritten_words()]


# The catalog's stall family on a bare 摊子 (dev175: the whole text), not on 收摊子了.
@pytest.mark.parametrize("text,offered", [("摊子", True), ("摊子。", True), ("今天上午，摊子", True),
                                          ("【12345】市民来电反映：摊子", True),
                                          ("收摊子了", False), ("有摊子吗", False)])
def test_a_bare_stall_offers_the_street_family(matcher, text, offered):
    r = matcher.match(text)
    assert (r.status == "ambiguous" and set(r.ambiguous[0]) == {"SR-05", "JT-03", "DL-01"}) == offered, r


# A list item is its own report for exclusions: a place word of one item (县道) does not exclude a
# matter told whole in another item, the items split by a semicolon or numbered (一是…，二是…,
# 1.…;2.…). Without a list (a comma only) the exclusion still reaches; so does one said before
# the matter's item when that item goes on with 还/也/又 (it may tell more of the same thing).
LIST_ITEMS = [
    ("坑塘边搭了个鸭棚；国道边有人晒玉米", {"JT-03", "GH-06"}),
    ("坑塘边私搭了个羊圈；县道上有人晒麦子", {"JT-03", "GH-06"}),
    ("一是坑塘边私搭了个羊圈，二是县道上有人晒麦子", {"JT-03", "GH-06"}),
    ("1.村里坑塘边搭建简易鸭棚;2.乡道路肩晾晒玉米", {"JT-03", "GH-06"}),
    ("坑塘边搭了个鸭棚，国道边有人晒玉米", {"JT-03"}),
    ("县道边的坑塘边私搭鸭棚", {"JT-04"}),
    ("某小区门前的树被一家饭店砍了两棵；饭店老板还把树枝堆在广场边上", {"LH-01", "SR-05"}),
]


@pytest.mark.parametrize("text,expected", LIST_ITEMS, ids=[t for t, _ in LIST_ITEMS])
def test_an_exclusion_stays_in_its_list_item(matcher, text, expected):
    assert set(matcher.match(text).selected) == expected
