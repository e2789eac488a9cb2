"""The batch path's own writes: rows inserted straight through the driver are stored exactly as
the engine stores them, and a batch killed part-way leaves the register consistent, with a
re-run registering each remaining row once."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from router.register.batch import register_batch
from router.register.check import check_register
from router.register.models import Case, Event
from router.register.services import COPY_MIN, insert_rows, register_case

ROOT = Path(__file__).resolve().parents[2]
VICTIM = Path(__file__).with_name("batch_victim.py")
CST = timezone(timedelta(hours=8))
CASE = {"matter": "JT-03", "place": "孟轲乡", "reported_by": "交通运输局", "at": "2026-03-02T09:30"}


def _stored(conn, ids: list[int]) -> list[list[str | None]]:
    """The events' stored values as the database's own text (not as SQLAlchemy reads them back)."""
    cols = [c.name for c in Event.__table__.columns if c.name != "id"]
    text = "quote({})" if conn.dialect.name == "sqlite" else "{}::text"
    sql = f"SELECT {', '.join(text.format(chr(34) + c + chr(34)) for c in cols)} FROM events WHERE id = :i"
    return [list(conn.execute(sa.text(sql), {"i": i}).one()) for i in ids]


def test_driver_inserts_store_what_the_engine_stores(reg):
    """Low level: raw rows, so the daily counts and duties are not kept here (register check
    would rightly complain); only the stored values are compared."""
    number = register_case(reg, dict(CASE)).number
    with reg.db.read() as s:
        case_id = s.scalar(sa.select(Case.id).where(Case.number == number))
    at = datetime(2026, 3, 2, 9, 30, 15, 250, tzinfo=CST)
    rows = [{"case_id": case_id, "kind": "sent", "at": at, "recorded_at": at + timedelta(hours=1, microseconds=7),
             "body": "华龙区交通运输局", "user": "测试员", "note": "纸质“台账”补录", "reason": None, "supersedes": None,
             "payload": payload} for payload in (None, {"letter": "referral", "编号": "交通〔2026〕1号", "n": [1, 2.5]})]
    with reg.db.write() as s:
        conn = s.connection()
        last = conn.execute(sa.text("SELECT max(id) FROM events")).scalar_one()
        ids = iter(range(last + 1, last + 100))
        by_engine = [dict(r, id=next(ids)) for r in rows]
        conn.execute(sa.insert(Event.__table__), by_engine)
        few = [dict(r, id=next(ids)) for r in rows]
        insert_rows(conn, Event.__table__, few)  # executemany
        many = [dict(rows[i % 2], id=next(ids)) for i in range(COPY_MIN)]
        insert_rows(conn, Event.__table__, many)  # COPY on PostgreSQL
    with reg.db.read() as s:
        conn = s.connection()
        expected = _stored(conn, [r["id"] for r in by_engine])
        assert _stored(conn, [r["id"] for r in few]) == expected
        assert _stored(conn, [r["id"] for r in many[:2]]) == expected
        back = s.execute(sa.select(Event).where(Event.id.in_([few[0]["id"], few[1]["id"]])).order_by(Event.id)).scalars().all()
    assert [(e.at, e.recorded_at, e.payload) for e in back] == [(r["at"], r["recorded_at"], r["payload"]) for r in rows]


def test_killed_batch_leaves_a_consistent_register_and_a_rerun_completes_it(db_url, router, tmp_path):
    from router.register.register import Register
    n, chunk = 400, 5
    path = tmp_path / "hotline.jsonl"
    path.write_text("".join(json.dumps(dict(CASE, id=f"GD-{i}", reported_by="交通运输局" if i % 2 else "岳村镇"),
                                       ensure_ascii=False) + "\n" for i in range(n)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(VICTIM), db_url, str(path), "2", str(chunk)],
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        for _ in range(2 * chunk):  # two chunks committed, then the writer and its workers are killed
            assert proc.stdout.readline(), proc.stderr.read()
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    with Register(db_url, router=router, user="甲") as reg:
        first = check_register(reg)
        assert first.ok, first.problems
        assert 2 * chunk <= first.cases < n  # killed part-way …
        assert first.cases % chunk == 0  # … between chunks: a chunk is one transaction
        summary = register_batch(reg, str(path), source="12345", chunk=16, workers=2)
        assert (summary.existing, summary.registered, summary.failed) == (first.cases, n - first.cases, 0)
        report = check_register(reg)  # numbers gapless per body and year, duties as recomputed
        assert report.ok, report.problems
        with reg.db.read() as s:
            assert s.scalar(sa.select(sa.func.count(sa.distinct(Case.external_id)))) == n == report.cases


def test_a_registered_case_gives_the_whole_route_json(reg, router):
    """`zhifa case new --json` is {"case", "existing"} and the route JSON as `zhifa route --json`
    gives it (with the matcher's candidates), though the register stores the decision without them."""
    raw = {"text": "国道边上摆摊卖西瓜，占了半条道", "place": "孟轲乡", "reported_by": "交通运输局", "at": "2026-03-02T09:30"}
    out = register_case(reg, dict(raw), external_id="X-1", source="desk")
    assert out.to_json() == {"case": out.number, "existing": False} | router.route(dict(raw))
    assert "match" in out.result
    with reg.db.read() as s:
        stored = s.scalar(sa.select(Case.decision).where(Case.number == out.number))
    assert "match" not in stored and stored["at"] == out.result["at"]


def test_batch_lookups_use_the_whole_key_on_postgresql(db_url, router, tmp_path):
    """A fresh register's first import: the batch keeps the planner's statistics up to date, so
    looking ids up goes through the (source, external_id) index instead of reading every row of
    the source (what the planner does on a table grown since it was last analysed)."""
    if not db_url.startswith("postgresql"):
        pytest.skip("只在 PostgreSQL 上有意义：SQLite 的查询计划不依赖统计信息")
    from router.register.register import Register
    n = 400
    path = tmp_path / "hotline.jsonl"
    path.write_text("".join(json.dumps(dict(CASE, id=f"GD-{i}"), ensure_ascii=False) + "\n" for i in range(n)),
                    encoding="utf-8")
    with Register(db_url, router=router, user="甲") as reg:
        assert register_batch(reg, str(path), source="12345", chunk=50).registered == n
        with reg.db.read() as s:
            # a table of 400 rows is read whole more cheaply than through any index: compare the
            # index plans only (at 100,000 rows the planner makes the same choice unprompted)
            s.execute(sa.text("SET LOCAL enable_seqscan = off"))
            ids = ", ".join(f"'GD-{i}'" for i in range(0, n, 20))
            plan = s.execute(sa.text("EXPLAIN (FORMAT JSON) SELECT number FROM cases "
                                     f"WHERE source = '12345' AND external_id IN ({ids})")).scalar_one()
    conds = json.dumps(plan, ensure_ascii=False)
    assert "external_id" in "".join(_index_conds(plan[0]["Plan"])), conds


def _index_conds(node: dict) -> list[str]:
    return [node.get("Index Cond", "")] + [c for child in node.get("Plans", ()) for c in _index_conds(child)]


@pytest.mark.parametrize("count", [1, COPY_MIN])
def test_a_duplicate_id_raises_the_engines_integrity_error(reg, count):
    """Another process registered the same id meanwhile: register_items retries on SQLAlchemy's
    IntegrityError, so the driver inserts raise that (not the driver's own) on both databases."""
    number = register_case(reg, dict(CASE), external_id="dup", source="race").number
    with reg.db.read() as s:
        row = s.execute(sa.select(Case.__table__).where(Case.number == number)).mappings().one()
    clash = [dict(row, id=10_000 + i, number=f"x{i}", seq=1000 + i, external_id="dup" if i == count - 1 else f"o{i}")
             for i in range(count)]
    with pytest.raises(sa.exc.IntegrityError):
        with reg.db.write() as s:
            insert_rows(s.connection(), Case.__table__, clash)
    assert check_register(reg).ok
