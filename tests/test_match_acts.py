"""Code requests of round 83: how the acts of one report are told apart (clauses, words inside
words, whole-text words). Sentences of my own, each failing before its change."""
from __future__ import annotations

from pathlib import Path

import pytest

from router.catalog.load import load_catalog

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def matcher():
    return load_catalog(ROOT / "catalog").matcher


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
