"""Guidance outside the catalog that names the generic kind of basic-level government (乡镇人民
政府, 街道办事处) is that place's own government at a place of the district: route names it, so the
clerk can tell the caller which office to go to. Elsewhere (a place outside the district, guidance
naming only other bodies) nothing is added."""
import pytest

from router.decide.route import Router


@pytest.fixture(scope="module")
def router():
    return Router()


def _route(router, text, place):
    return router.route({"text": text, "place": place, "reported_by": "岳村镇",
                         "at": "2026-06-01T10:00"})


@pytest.mark.parametrize("place,body", [("孟轲", "孟轲乡人民政府"), ("胜利路街道", "胜利路街道办事处")])
def test_the_local_government_is_named_at_the_place(router, place, body):
    out = _route(router, "村里的路灯坏了好几天没人修", place)
    local = [g for g in out["guidance"] if g.get("here")]
    assert local and {g["here"] for g in local} == {body}
    assert any(w.endswith(f"即{body}") and "指引中的" in w for w in out["warnings"])


def test_guidance_naming_other_bodies_gets_no_local_government(router):
    out = _route(router, "小区门口有人打架", "胜利路街道")
    assert out["guidance"] and not any(g.get("here") for g in out["guidance"])
    assert not any(w.startswith("指引中的") for w in out["warnings"])


def test_a_place_outside_the_district_gets_no_local_government(router):
    out = _route(router, "村里的路灯坏了好几天没人修", "新习镇")
    assert out["place"]["kind"] == "outside"
    # the same guidance as inside the district, naming the generic kind, but no place's own
    assert any("乡镇人民政府" in g["body"] for g in out["guidance"])
    assert not any(g.get("here") for g in out["guidance"])
    assert not any(w.startswith("指引中的") for w in out["warnings"])
