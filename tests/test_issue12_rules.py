"""Issue 12, the parts in rules and catalog data: a correction opinion and nothing else (三（二）),
reporters mapped to the body they belong to (bodies.yaml `units`), cases opened around a batch
boundary (rules/transitions.yaml, batch open_cases), duty texts that do not repeat their body.
The clerk-level expectations are fixtures in tests/cases; these are the checks around them."""
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from router.catalog.load import load_catalog
from router.decide.generate import generate_cases
from router.decide.route import Router
from router.engine.rules import load_rules
from router.model.errors import CatalogError, InputError
from router.policy.fixtures import FIXTURE_NOW

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime.fromisoformat(FIXTURE_NOW)


def _copy(tmp_path, name):
    target = tmp_path / name
    shutil.copytree(ROOT / name, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---- 三（二）: the correction opinion is all a department's error report produces ----------------
def test_an_error_report_never_produces_a_referral_materials_or_feedback(router):
    n = 0
    for raw in generate_cases(router.catalog, 3000, seed=12):
        raw["events"] = list(dict.fromkeys([*raw.get("events", []), "enforcement_error"]))
        out = router.route_safe(raw, now=NOW)
        if "error" in out or out["reported_by"]["kind"] != "department":
            continue
        for d in out["decisions"]:
            if d["jurisdiction"]["basis"] in ("delegated", "statutory") and d["jurisdiction"]["body"] != out["reported_by"]["name"]:
                assert d["action"] == "township_error", raw
                assert d["referral"] is None and d["duties"] == [], raw
                kinds = {e["kind"] for e in d["escalations"]}
                assert kinds <= {"correction_opinion", "police_transfer", "dispute_decision"}, raw
                n += 1
    assert n > 100


# ---- duty texts ---------------------------------------------------------------------------------
def test_no_duty_text_repeats_its_body(router):
    seen = 0
    for raw in generate_cases(router.catalog, 3000, seed=7):
        out = router.route_safe(raw, now=NOW)
        for d in out.get("decisions", []):
            for duty in d["duties"]:
                assert duty["kind"] and duty["body"] not in duty["text"], (raw, duty)
                seen += 1
    assert seen > 1000


def test_a_duty_text_naming_its_body_is_a_load_error(tmp_path):
    rules = _copy(tmp_path, "rules")
    _edit(rules / "complaints.yaml", 'text: "向{case.reporter}反馈调查处理结果"',
          'text: "{a.holder}向{case.reporter}反馈调查处理结果"')
    with pytest.raises(CatalogError) as exc:
        load_rules(rules)
    assert any("不应重复其履行单位" in p.message for p in exc.value.problems)


# ---- reporters mapped to the body they belong to ------------------------------------------------
def test_units_map_a_reporter_and_the_answer_says_so(router):
    cat = router.catalog
    for typed, body in [("派出所", "濮阳市公安局华龙分局"), ("中原路派出所", "濮阳市公安局华龙分局"),
                        ("胜利路消防救援站", "华龙区消防救援大队"), ("岳村国土所", "华龙区自然资源局")]:
        rep = cat.resolve_reporter(typed)
        assert (rep.name, rep.kind, rep.internal_unit, rep.mapped_by) == (body, "department", typed, "unit")
    assert cat.resolve_reporter("城管局执法中队").mapped_by == "suffix"
    assert cat.resolve_reporter("公安分局").mapped_by is None
    out = router.route({"matter": "ZS-02", "place": "岳村镇", "reported_by": "派出所", "at": "2026-03-02T10:00"})
    assert out["reported_by"] == {"name": "濮阳市公安局华龙分局", "kind": "department",
                                  "as_typed": "派出所", "mapped_by": "unit"}
    assert any("按其所属的濮阳市公安局华龙分局处理" in w for w in out["warnings"])


def test_units_are_checked_by_the_strict_loader(tmp_path):
    root = _copy(tmp_path, "catalog")
    bodies = root / "bodies.yaml"
    _edit(bodies, "units: [水政监察大队]", "units: [派出所, 执法大队, '']")
    with pytest.raises(CatalogError) as exc:
        load_catalog(root)
    messages = [(p.key, p.message) for p in exc.value.problems]
    assert any(k == "units" and "列表中的每一项都应为非空文本" in m for k, m in messages), messages
    _edit(bodies, "units: [派出所, 执法大队, '']", "units: [派出所, 执法大队]")
    with pytest.raises(CatalogError) as exc:
        load_catalog(root)
    messages = [(p.key, p.message) for p in exc.value.problems]
    assert any(k == "units" and "“派出所”重复" in m for k, m in messages), messages
    assert any(k == "units" and "internal_unit_suffixes" in m for k, m in messages), messages


def test_a_catalog_without_units_still_loads_and_an_unknown_unit_is_an_input_error(tmp_path):
    root = _copy(tmp_path, "catalog")
    _edit(root / "bodies.yaml", "\n     units: [派出所, 交警大队, 交通警察大队, 治安大队]", "")
    cat = load_catalog(root)
    with pytest.raises(InputError):
        cat.resolve_reporter("中原路派出所")


# ---- transitions: the open_cases data drives the notices ------------------------------------------
def test_the_finishing_notice_follows_the_batch_data(tmp_path):
    case = {"matter": "SR-05", "place": "岳村镇", "reported_by": "岳村镇", "at": "2025-12-30T10:00",
            "events": [{"kind": "case_opened", "at": "2025-12-31T09:00"}]}
    root = _copy(tmp_path, "catalog")
    _edit(root / "batches.yaml", "      ends: {finished_by: township, assumption: A5}\n", "")
    out = Router(catalog=load_catalog(root)).route(case)
    (d,) = out["decisions"]
    assert any("目录未规定此前已立案的案件由谁办结" in n for n in d["notices"])
    assert not any("A5" in w for w in out["warnings"])
    assert "transition.finisher_not_set" in {f["rule"] for f in
                                             Router(catalog=load_catalog(root)).route(case, explain=True)["trace"]}


def test_an_opening_with_no_change_around_it_adds_nothing(router):
    out = router.route({"matter": "XF-03", "place": "中原路街道", "reported_by": "中原路街道", "at": "2026-03-02T10:00",
                        "events": [{"kind": "case_opened", "at": "2026-03-04T10:00"}]})
    (d,) = out["decisions"]
    assert d["notices"] == [] and d["jurisdiction"]["as_of"] == "2026-03-04"
    assert d["jurisdiction"]["as_of_event"] == "case_opened"
    assert not any("case_opened" in w for w in out["warnings"])


def test_engines_agree_on_openings_around_every_boundary(router):
    """Cases found on the days around 2023-06-01 and 2026-01-01 and opened 0–3 days later, through
    both engines (the durable driver and the pure-Python oracle)."""
    import random
    from datetime import date, timedelta

    from router.engine.crosscheck import CrossChecker

    rng = random.Random(12)
    cat = router.catalog
    reporters = ["岳村镇", "孟轲乡", "中原路街道", "城管局", "交通局", "水利局", "消防大队", "派出所"]
    cases = []
    for boundary in (date(2023, 6, 1), date(2026, 1, 1)):
        for i in range(150):
            found = boundary + timedelta(days=rng.randint(-3, 1))
            opened = found + timedelta(days=rng.randint(0, 3))
            events = [{"kind": "case_opened", "at": f"{opened.isoformat()}T09:00"}]
            if rng.random() < 0.2:
                events.append("enforcement_error")
            cases.append({"matter": rng.sample(list(cat.matters), k=rng.choice([1, 2])),
                          "place": rng.choice(["岳村镇", "孟轲乡", "王助镇", "中原路街道"]),
                          "reported_by": rng.choice(reporters), "at": f"{found.isoformat()}T08:00",
                          "channel": rng.choice(["inspection", "complaint"]), "events": events})
    n, bad = CrossChecker(router).check(cases, now=NOW)
    assert n == len(cases) and not bad, bad[:1]
    routed = [router.route(c, now=NOW) for c in cases]
    notes = [n for o in routed for d in o["decisions"] for n in d["notices"]]
    assert any("已在此之后" in n for n in notes) and any("继续办结" in n for n in notes)
