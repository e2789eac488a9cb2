"""A description that names another township or street than the case's place gets a note: the
case goes by the place given, and a place typed wrong (the clerk's own township left in the form,
a batch column shifted) would send it to the wrong body. The decision itself never changes."""
import pytest

from router.decide.route import Router

NOTE = "请核实发生地是否填写正确"


@pytest.fixture(scope="module")
def router():
    return Router()


def _route(router, text, place, by="华龙区城市管理局"):
    return router.route({"text": text, "place": place, "reported_by": by, "at": "2026-06-01T10:00"})


def _notes(out):
    return [w for w in out["warnings"] if NOTE in w]


def test_another_township_named_is_pointed_out(router):
    out = _route(router, "岳村镇有人在麦地里盖房", "孟轲乡")
    assert _notes(out) == ["描述中提到“岳村镇”，与发生地“孟轲乡”不同：管辖按发生地认定，请核实发生地是否填写正确"]
    # the decision still goes by the place given
    assert [d["jurisdiction"]["body"] for d in out["decisions"]] == ["孟轲乡人民政府"]


@pytest.mark.parametrize("text", ["胜利路街道办事处辖区内有人在人行道上摆摊卖菜",
                                  "胜利办转来：人行道上有人摆摊卖菜"])
def test_a_street_named_by_its_office_or_alias_counts(router, text):
    out = _route(router, text, "建设路街道")
    assert _notes(out) and "“胜利路街道”" in _notes(out)[0] and "“建设路街道”" in _notes(out)[0]


def test_a_place_in_traditional_characters_counts(router):
    # the description is read folded, as the matcher reads it
    out = _route(router, "勝利路街道辦事處轄區內有人在人行道上擺攤賣菜", "建设路街道")
    assert _notes(out) and "“胜利路街道”" in _notes(out)[0]


def test_several_places_in_the_order_named(router):
    out = _route(router, "王助镇和胡村乡交界的地方有人烧秸秆", "孟轲乡")
    assert "“王助镇”、“胡村乡”" in _notes(out)[0]


def test_a_place_outside_the_district_named(router):
    out = _route(router, "新习镇那边有人在麦地里盖房", "岳村镇")
    assert "“新习镇”" in _notes(out)[0]


@pytest.mark.parametrize("text,place", [
    ("岳村镇有人在麦地里盖房", "岳村镇"),                          # its own place
    ("岳村镇的人跑到孟轲乡来在麦地里盖房", "孟轲乡"),               # the place named beside another
    ("中原路上有人摆摊卖菜，占了半边路", "胜利路街道"),             # a road, not 中原路街道
    ("岳村村委会门口有人在麦地里盖房", "孟轲乡"),                   # 岳村: also a village's name
    ("濮东那边有人在路边烧垃圾", "胜利路街道"),                     # the bare stem of 濮东街道
    ("有人在麦地里盖房", "孟轲乡"),                                 # no place named
])
def test_no_note(router, text, place):
    assert _notes(_route(router, text, place)) == []


def test_the_reporters_own_township_named_is_no_other_place(router):
    # a referral signed by the township that found the case, for a case in another place
    out = _route(router, "王助镇人民政府巡查发现：有人在麦地里盖房", "孟轲乡", by="王助镇")
    assert _notes(out) == []
    out = _route(router, "王助镇人民政府巡查发现：有人在麦地里盖房", "孟轲乡", by="华龙区自然资源局")
    assert "“王助镇”" in _notes(out)[0]


def test_a_case_given_by_matter_without_text_gets_no_note(router):
    out = router.route({"matter": "NY-01", "place": "孟轲乡", "reported_by": "岳村镇",
                        "at": "2026-06-01T10:00"})
    assert _notes(out) == []
