"""Upgrading a register made by the first revision; batch registration exactly once; ledger
import with row errors by sheet/row/column."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from openpyxl import Workbook

import cli
from router.register.check import check_register
from alembic.script import ScriptDirectory

from router.register.db import MIGRATIONS, Database, current_revision, upgrade
from router.register.due import due
from router.register.ledger import import_ledger
from router.register.register import Register
from router.register.services import show_case

HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()
DECISION = {"at": "2026-03-02T09:30:00+08:00", "reported_by": {"name": "岳村镇人民政府"},
            "decisions": [{"action": "refer", "jurisdiction": {"body": "华龙区水利局"}, "duties": [],
                           "escalations": [], "referral": {"from": "岳村镇人民政府", "to": "华龙区水利局",
                                                           "rule": "3_working_days"}}]}


def test_upgrade_from_first_revision_keeps_data(db_url, router):
    old = Database(db_url, migrate=False)
    upgrade(old.engine, "r0001")
    found = datetime(2026, 3, 2, 1, 30, tzinfo=timezone.utc)
    cases = sa.table("cases", *[sa.column(c) for c in (
        "number", "body", "year", "seq", "source", "external_id", "found_at", "input", "decision", "version",
        "registered_at", "registered_by")])
    with old.engine.begin() as conn:
        conn.execute(sa.insert(cases).values(
            number="岳村镇〔2026〕第1号", body="岳村镇人民政府", year=2026, seq=1, source="", external_id="old-1",
            found_at=found if old.dialect == "postgresql" else found.replace(tzinfo=None),
            input=json.dumps({"matter": "SL-03"}), decision=json.dumps(DECISION), version="v0",
            registered_at=found if old.dialect == "postgresql" else found.replace(tzinfo=None),
            registered_by="甲"))
        conn.execute(sa.text("INSERT INTO counters (body, year, last) VALUES ('岳村镇人民政府', 2026, 1)"))
        conn.execute(sa.text("INSERT INTO events (case_id, kind, at, recorded_at, body, \"user\") "
                             "SELECT id, 'found', found_at, found_at, body, '甲' FROM cases"))
    assert current_revision(old.engine) == "r0001"
    old.close()
    with Register(db_url, router=router) as reg:  # upgrades to head, then derives the duties
        assert current_revision(reg.db.engine) == HEAD
        view = show_case(reg, "岳村镇〔2026〕第1号", at=datetime(2026, 3, 10, tzinfo=timezone.utc))
        assert view["external_id"] == "old-1" and [e["kind"] for e in view["events"]] == ["found"]
        rows = due(reg, at=datetime(2026, 3, 10, tzinfo=timezone.utc))
        assert [(r["case"], r["duty"], r["deadline"]) for r in rows] == [
            ("岳村镇〔2026〕第1号", "refer", "2026-03-05T23:59:59+08:00")]
        assert check_register(reg).ok


def test_batch_register_exactly_once(db_url, tmp_path):
    src = tmp_path / "hotline.jsonl"
    rows = [{"id": f"GD-{i}", "matter": "JT-03", "place": "孟轲乡", "reported_by": "交通运输局",
             "at": "2026-03-02T09:30"} for i in range(7)]
    rows.insert(3, {"id": "GD-bad", "matter": "JT-03", "place": "火星", "reported_by": "交通运输局"})
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    runner = CliRunner()
    args = ["route", "--batch", str(src), "--register", "--source", "12345"]
    first = runner.invoke(cli.cli, args, env={"ZHIFA_DB": db_url})
    assert first.exit_code != 0  # one bad row
    lines = [json.loads(x) for x in first.stdout.splitlines()]
    assert sum(1 for x in lines if x.get("case") and not x["existing"]) == 7
    assert "未知的发生地“火星”" in lines[3]["error"]
    again = runner.invoke(cli.cli, args, env={"ZHIFA_DB": db_url})
    relines = [json.loads(x) for x in again.stdout.splitlines()]
    assert [x.get("case") for x in relines] == [x.get("case") for x in lines]
    assert all(x["existing"] for x in relines if "case" in x)
    check = runner.invoke(cli.cli, ["register", "check", "--json"], env={"ZHIFA_DB": db_url})
    assert json.loads(check.stdout)["cases"] == 7


def _ledger(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "2026年移送台账"
    ws.append(["序号", "发现时间", "发现单位", "发生地", "事项编号", "违法行为", "接收单位", "移送时间", "接收时间",
               "办结时间", "反馈时间", "备注"])
    for r in rows:
        ws.append(r)
    wb.save(path)


GOOD = [1, datetime(2026, 3, 2, 9, 30), "岳村镇", "岳村镇", "SL-03", "河道内倾倒垃圾", "水利局",
        datetime(2026, 3, 4, 10, 0), datetime(2026, 3, 4, 15, 0), datetime(2026, 3, 10, 10, 0),
        datetime(2026, 3, 12, 9, 0), "纸质台账补录"]


def test_ledger_import_all_or_nothing(reg, tmp_path):
    path = tmp_path / "台账.xlsx"
    bad_place = [2, *GOOD[1:3], "火星", *GOOD[4:]]
    bad_order = [3, *GOOD[1:8], datetime(2026, 3, 1, 8, 0), *GOOD[9:]]
    _ledger(path, [GOOD, bad_place, bad_order])
    result = import_ledger(reg, str(path))
    where = [(p.sheet, p.row, p.column) for p in result.problems]
    assert where == [("2026年移送台账", 3, "D（发生地）"), ("2026年移送台账", 4, "I（接收时间）")]
    assert "未知的发生地“火星”" in result.problems[0].message
    assert result.written == 0 and check_register(reg).cases == 0
    result = import_ledger(reg, str(path), skip_bad=True)
    assert (result.written, result.numbers) == (1, ["岳村镇〔2026〕第1号"])
    view = show_case(reg, "岳村镇〔2026〕第1号", at=datetime(2026, 3, 20, tzinfo=timezone.utc))
    assert [e["kind"] for e in view["events"]] == ["found", "sent", "received", "closed", "fed_back"]
    assert view["events"][2]["body"] == "华龙区水利局" and view["duties"] == []
    again = import_ledger(reg, str(path), skip_bad=True)
    assert (again.written, again.existing) == (0, 1)


def test_ledger_needs_xlsx(reg, tmp_path):
    from router.model.errors import InputError
    with pytest.raises(InputError, match="找不到台账文件"):
        import_ledger(reg, str(tmp_path / "none.xlsx"))
