"""A question about a catalog act ("楼道里充电罚多少钱") chooses no matter (it reports no
violation), but says which matter the act would be (MatchResult.asked), and `route` says who
deals with that act at the place and on the date given, with the assumptions it rests on."""
from pathlib import Path

import pytest
import yaml

from router.catalog.load import load_catalog
from router.matching.matcher import Matcher
from router.model.errors import CatalogError

ROOT = Path(__file__).resolve().parents[1]
MATCHING = ROOT / "catalog" / "matching.yaml"


# (written for this test: questions about an act, each naming the act plainly)
QUESTIONS = [
    ("在楼梯间给电瓶车充电，罚多少钱", "XF-01"),
    ("小区里遛狗不牵绳罚多少钱", "WM-01"),
    ("村里往坑塘倒垃圾罚多少", "SR-03"),
    ("在公路上晒粮罚不罚", "JT-03"),
]


@pytest.mark.parametrize("text,matter", QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_a_question_about_an_act_names_the_act_and_chooses_nothing(matcher, text, matter):
    r = matcher.match(text)
    assert r.status == "no_fit" and not r.selected
    assert r.asked[:1] == (matter,)
    assert r.to_json()["asked"][:1] == [matter]
    assert any(n.startswith("所问的行为若属实") and matter in n for n in r.notes)


# a report beside the question is still a report; other closing words ask about no act
NOT_ASKED = [
    "有人在公路上晒粮，这个谁罚？",     # the report is in its own clause: JT-03 chosen
    "经核查，现场未发现违法行为",       # a check report, not a question
    "这个月的例会几点开",               # a question about no act
]


@pytest.mark.parametrize("text", NOT_ASKED)
def test_no_act_is_asked_about_in_a_report_or_a_check(matcher, text):
    assert matcher.match(text).asked == ()


def test_asks_needs_closes(tmp_path):
    data = yaml.safe_load(MATCHING.read_text(encoding="utf-8"))
    topic = data["nofit"]["问是否允许"]
    topic["closes"] = False
    p = tmp_path / "matching.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    names = {m.id: m.name for m in load_catalog(ROOT / "catalog").matters.values()}
    with pytest.raises(CatalogError) as exc:
        Matcher.load(p, names)
    assert any(x.key == "问是否允许.asks" and "closes" in x.message for x in exc.value.problems)


def _route(router, at):
    return router.route({"text": "在楼梯间给电瓶车充电，罚多少钱", "place": "岳村",
                         "reported_by": "岳村镇", "at": at})


@pytest.mark.parametrize("at,body,basis", [
    # XF-01 is exercised by the townships from the 2025 batch (2026-01-01); before, by the department
    ("2025-12-31T23:59", "华龙区消防救援大队", "区直执法部门行使"),
    ("2026-01-01T00:00", "岳村镇人民政府", "下放乡镇街道行使"),
])
def test_route_says_who_deals_with_the_act_asked_about_on_the_day(router, at, body, basis):
    out = _route(router, at)
    assert out["status"] == "no_fit" and out["decisions"] == []
    (asked,) = out["asked_about"]
    assert (asked["matter"], asked["body"], asked["basis_label"]) == ("XF-01", body, basis)
    note = next(w for w in out["warnings"] if w.startswith("这是咨询"))
    assert asked["note"] == note and out["warnings"].count(note) == 1   # (renderers lead with it)
    assert f"由{body}执法" in note and f"向{body}咨询" in note
    # the matcher's shorter note is replaced by this one, not repeated
    assert not any(w.startswith("所问的行为若属实") for w in out["warnings"])


def test_the_assumptions_behind_the_answer_are_shown_with_it(router):
    out = _route(router, "2026-06-01T10:00")
    (asked,) = out["asked_about"]
    assert asked["notes"] and all(n.startswith("XF-01：") for n in asked["notes"])
    assert all(n in out["warnings"] for n in asked["notes"])
    assert any("推定" in n for n in asked["notes"])


def test_a_report_has_nothing_asked_about(router):
    out = router.route({"text": "楼道里有人给电动车充电", "place": "岳村", "reported_by": "岳村镇",
                        "at": "2026-06-01T10:00"})
    assert out["asked_about"] == [] and [d["matter"] for d in out["decisions"]] == ["XF-01"]
