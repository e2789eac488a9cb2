"""Rules policy staff can read and change safely: every rule says why (理由) and quotes the
sentence of the document it implements; rules that must exclude each other are proved to at
load time; jurisdiction has one source (the jurisdiction rules) that routing, `catalog list`,
`catalog show` and `catalog diff` all follow; assumptions the program applies are catalog data."""
import json
import re
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from cli import EXIT_CATALOG, EXIT_OK, main
from router.catalog.load import load_catalog
from router.decide.generate import generate_cases
from router.decide.jurisdiction import Jurisdiction
from router.decide.route import Router
from router.engine.driver import Engine
from router.engine.rules import load_rules
from router.files.locations import ENV_RULES
from router.model.errors import CatalogError
from router.policy.diff import compare
from router.policy.fixtures import FIXTURE_NOW
from router.policy.lint import check_catalog
from router.policy.listing import list_catalog, show_matter

ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "华龙法政办〔2021〕13号"
SHIPPED_SEED = ROOT / "rules" / "documents" / f"{SEED_NAME}.txt"
# The project's copy of the mechanism document, where the project keeps it (not in CI).
ORIGINAL_SEED = ROOT.parents[1] / "shared" / "seed" / "000_5630a91210d6891d.txt"
NOW = datetime.fromisoformat(FIXTURE_NOW)


@pytest.fixture
def rules_copy(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---- 理由 and source ----------------------------------------------------------------------------
def test_every_rule_has_a_reason_and_quotes_the_seed_word_for_word():
    seed = SHIPPED_SEED.read_text(encoding="utf-8")
    rules = load_rules()
    assert rules
    for rule in rules:
        assert rule.reason and any("\u4e00" <= ch <= "\u9fff" for ch in rule.reason), rule.name
        assert rule.source, rule.name
        for s in rule.source:
            assert s.doc == SEED_NAME and s.quote in seed, (rule.name, s.quote)
        assert rule.clause in {s.clause for s in rule.source}


@pytest.mark.skipif(not ORIGINAL_SEED.exists(), reason="the original seed is kept outside the repository")
def test_the_shipped_document_is_the_seed():
    assert SHIPPED_SEED.read_bytes() == ORIGINAL_SEED.read_bytes()


def test_a_quote_not_in_the_document_is_a_load_error(rules_copy):
    _edit(rules_copy / "referral.yaml", "应当在24小时内移送有管辖权的一方处理。", "应当在12小时内移送有管辖权的一方处理。")
    with pytest.raises(CatalogError) as exc:
        load_rules(rules_copy)
    assert any(p.key.endswith(".quote") and "找不到" in p.message and "referral.within_24_hours_urgent" in p.entry
               for p in exc.value.problems)


def test_a_rule_without_reason_is_a_load_error(rules_copy):
    text = (rules_copy / "escalation.yaml").read_text(encoding="utf-8")
    start = text.index("  理由: 部门只对已下放")
    end = text.index("\n", start) + 1
    (rules_copy / "escalation.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_rules(rules_copy)
    assert [(p.key, p.message) for p in exc.value.problems] == [("理由", "缺少必填的键")]


def test_explain_shows_the_reason_and_the_quoted_source(router):
    out = router.route({"matter": "SR-05", "place": "岳村镇", "reported_by": "城管局",
                        "at": "2025-06-03T10:00"}, explain=True)
    by_rule = {f["rule"]: f for f in out["trace"]}
    fired = by_rule["referral.within_3_working_days"]
    assert fired["reason"].startswith("一般情形3个工作日内移送")
    assert fired["source"] == [{"doc": SEED_NAME, "clause": "四（一）1",
                                "quote": router.engine.rule("referral.within_3_working_days").source[0].quote}]


def test_the_trace_table_has_a_reason_column(capsys):
    code = main(["route", "--matter", "SR-05", "--place", "岳村镇", "--by", "城管局", "--at",
                 "2025-06-03T10:00", "--explain"])
    assert code == EXIT_OK and "理由" in capsys.readouterr().out


# ---- mutual exclusivity, proved at load time -------------------------------------------------
def test_the_shipped_rules_are_proved_exclusive():
    load_rules()  # raises on an overlapping pair


def test_overlapping_rules_are_named_at_load_time_and_in_catalog_check(rules_copy, monkeypatch, capsys):
    # Loosen the 3-working-day rule so it no longer excludes the urgent rule.
    _edit(rules_copy / "referral.yaml", "      urgent: false\n      any: [{channel: inspection}", "      any: [{channel: inspection}")
    with pytest.raises(CatalogError) as exc:
        load_rules(rules_copy)
    messages = [(p.entry, p.message) for p in exc.value.problems]
    assert any(e == "referral.within_3_working_days" and "referral.within_24_hours_urgent" in m
               and "referral" in m for e, m in messages), messages
    monkeypatch.setenv(ENV_RULES, str(rules_copy))
    report = check_catalog(notices=False)
    assert any("referral.within_24_hours_urgent" in p.message for p in report.errors)
    assert main(["catalog", "check"]) == EXIT_CATALOG
    assert "可能同时成立" in capsys.readouterr().out


# ---- one source of jurisdiction --------------------------------------------------------------
def test_catalog_list_show_and_routing_follow_an_edit_of_the_jurisdiction_rules(rules_copy, monkeypatch, capsys):
    """Policy decides that streets hold the statutory planning powers too: one edit of
    rules/jurisdiction.yaml, and `catalog list`, `catalog show` and routing all follow."""
    cat = load_catalog()
    before = list_catalog(cat, as_of="2026-03-01", body="中原路街道")
    assert "GH-01" not in [h.matter for h in before.holdings]
    _edit(rules_copy / "jurisdiction.yaml",
          "    - {t: jurisdiction, matter: $matter.matter, body: $matter.department, holder_kind: department, basis: department, batch: \"\"}\n\n- name: jurisdiction.department",
          "    - {t: jurisdiction, matter: $matter.matter, body: $case.place_body, holder_kind: township, basis: statutory, batch: \"\"}\n\n- name: jurisdiction.department")
    after = list_catalog(cat, as_of="2026-03-01", body="中原路街道", rules=rules_copy)
    assert {"GH-01", "GH-06"} <= {h.matter for h in after.holdings}
    view = show_matter("GH-01", cat, as_of="2026-03-01", rules=rules_copy)
    assert ("中原路街道", "中原路街道办事处", "statutory", None) in view.holders

    monkeypatch.setenv(ENV_RULES, str(rules_copy))
    assert main(["catalog", "list", "--body", "中原路街道", "--as-of", "2026-03-01", "--json"]) == EXIT_OK
    listed = json.loads(capsys.readouterr().out)
    assert "GH-01" in [h["matter"] for h in listed["holdings"]]
    router = Router(catalog=cat, engine=Engine(load_rules(rules_copy)))
    out = router.route({"matter": "GH-01", "place": "中原路街道", "reported_by": "中原路街道", "at": "2026-03-01T10:00"})
    assert out["decisions"][0]["jurisdiction"]["body"] == "中原路街道办事处"
    assert out["decisions"][0]["action"] == "handle"


def test_catalog_diff_takes_jurisdiction_from_the_same_rules(rules_copy):
    cat = load_catalog()
    _edit(rules_copy / "jurisdiction.yaml",
          "    - {t: jurisdiction, matter: $matter.matter, body: $matter.department, holder_kind: department, basis: department, batch: \"\"}\n\n- name: jurisdiction.department",
          "    - {t: jurisdiction, matter: $matter.matter, body: $case.place_body, holder_kind: township, basis: statutory, batch: \"\"}\n\n- name: jurisdiction.department")
    same = compare(cat, cat, as_of=date(2026, 3, 1), rules=rules_copy)
    assert same.holder_changes == []  # one rule set on both sides: no change from the catalog


def test_a_jurisdiction_rule_that_reads_more_than_place_and_matter_is_refused(rules_copy):
    _edit(rules_copy / "jurisdiction.yaml", "    case: {t: case, place_kind: township}\n    matter: {t: matter, delegated: true}",
          "    case: {t: case, place_kind: township, channel: inspection}\n    matter: {t: matter, delegated: true}")
    with pytest.raises(CatalogError) as exc:
        Jurisdiction(load_rules(rules_copy))
    assert "channel" in exc.value.problems[0].message


def test_routing_and_holder_on_agree_on_generated_cases(router):
    juris, cat = router.jurisdiction, router.catalog
    n = 0
    for raw in generate_cases(cat, 1500, seed=21):
        out = router.route_safe(raw, now=NOW)
        if "error" in out or out["place"]["kind"] != "township":
            continue
        township = cat.townships[out["place"]["name"]]
        for d in out["decisions"]:
            day = date.fromisoformat(d["jurisdiction"]["as_of"])  # the opening day when given
            h = juris.holder_on(cat, d["matter"], township, day)
            assert (d["jurisdiction"]["body"], d["jurisdiction"]["basis"]) == (h.body, h.basis), raw
            n += 1
    assert n > 1000


# ---- assumptions the program applies are catalog data ----------------------------------------
def test_no_assumption_id_in_the_library():
    # An assumption id written as a literal beside assumptions/推定 (as `"A5" in cat.assumptions`
    # once was); cell names such as "A3" in the sheet writer are not assumption ids.
    ids = "|".join(load_catalog().assumptions)
    hits = [f"{p.relative_to(ROOT).as_posix()}: {line.strip()}"
            for p in (ROOT / "router").rglob("*.py") for line in p.read_text(encoding="utf-8").splitlines()
            if re.search(rf"[\"'](?:{ids})[\"']", line) and re.search("assumption|推定", line)]
    assert hits == []


def test_the_a5_note_comes_from_the_batch_data(tmp_path):
    case = {"matter": "SR-05", "place": "王助镇", "reported_by": "王助镇", "at": "2026-01-05T10:00"}
    shipped = Router().route(case)
    assert any("推定 A5" in w for w in shipped["warnings"])
    root = tmp_path / "catalog"
    shutil.copytree(ROOT / "catalog", root)
    _edit(root / "batches.yaml", "      ends: {finished_by: township, assumption: A5}\n", "")
    edited = Router(catalog=load_catalog(root)).route(case)
    assert not any("A5" in w for w in edited["warnings"])
    assert any("曾由批次 HL-2023 下放王助镇" in w for w in edited["warnings"])


def test_open_cases_are_checked(tmp_path):
    root = tmp_path / "catalog"
    shutil.copytree(ROOT / "catalog", root)
    _edit(root / "batches.yaml", "ends: {finished_by: township, assumption: A5}",
          "ends: {finished_by: nobody, assumption: A9}")
    with pytest.raises(CatalogError) as exc:
        load_catalog(root)
    keys = {p.key for p in exc.value.problems}
    assert {"open_cases.ends.finished_by", "open_cases.ends.assumption"} <= keys
