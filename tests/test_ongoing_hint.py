"""A description that says the act is going on now, for a case not marked so, gets a note when a
referral is due: an act in progress is stopped on the spot and the competent body told in writing
at once (华龙法政办〔2021〕13号 四（一）1), not referred within 3 working days. The note never marks
the case itself: only the clerk knows whether it still goes on."""
import pytest

from router.decide.route import Router

MARK = "请标记“违法行为正在进行”后重新判断"


@pytest.fixture(scope="module")
def router():
    return Router()


def _route(router, text, ongoing=False, by="孟轲乡"):
    return router.route({"text": text, "place": "孟轲乡", "reported_by": by, "at": "2026-06-01T10:00",
                         "ongoing": ongoing})


def _notes(out):
    return [w for w in out["warnings"] if MARK in w]


@pytest.mark.parametrize("text,word", [("楼下饭店正在往外冒油烟，熏得睡不着", "正在"),
                                       ("那家饭店的油烟机坏了，现在还在往外冒烟", "现在还"),
                                       ("饭店后厨的油烟这会儿直往楼上窜", "这会儿"),
                                       ("樓下飯店油煙還在往外冒，熏得沒法開窗", "还在")])     # read folded
def test_an_act_going_on_is_pointed_out_when_a_referral_is_due(router, text, word):
    out = _route(router, text)
    assert [d["action"] for d in out["decisions"]] == ["refer"]
    assert _notes(out) and _notes(out)[0].startswith(f"描述中说“{word}”")
    # the deadline is still the one for a case not marked: the note does not decide for the clerk
    assert out["decisions"][0]["referral"]["rule"] == "3_working_days"


def test_marked_as_going_on_no_note_and_the_duty_to_stop_it(router):
    out = _route(router, "楼下饭店正在往外冒油烟，熏得睡不着", ongoing=True)
    assert _notes(out) == []
    assert any(d["kind"] == "dissuade_on_the_spot" for d in out["decisions"][0]["duties"])


@pytest.mark.parametrize("text", ["昨天晚上楼下饭店往外冒油烟", "楼下饭店天天往外冒油烟"])
def test_past_or_habitual_acts_get_no_note(router, text):
    out = _route(router, text)
    assert out["decisions"] and _notes(out) == []


def test_no_note_when_the_reporter_handles_the_case_itself(router):
    out = _route(router, "有人正在村里的麦地里盖房")
    assert [d["action"] for d in out["decisions"]] != ["refer"] and _notes(out) == []
