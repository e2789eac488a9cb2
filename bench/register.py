"""Benchmark of the case register (not a test). Prints each figure next to its target.

    python bench/register.py [--batch 100000] [--cases 1000000] [--only batch,due] [--workers N]
                             [--pg URL] [--no-sqlite] [--json FILE]

1. `zhifa route --batch FILE --register --workers N`: N generated hotline cases (free text, ids)
   routed in worker processes and registered by one writer (target ≥ 1,000 cases/s); beside it,
   routing alone in one process (Router.route on the first 5,000 rows: what one core does
   without the register), and (up to 20,000 cases) the register in one process.
2. `due` on a register of M cases × 5 events (target ≤ 200 ms): the register is filled in bulk
   (same tables, derived duties as the register writes them; the stored decision is a stub, since
   `due` and `stats` never read it), then ANALYZE (VACUUM ANALYZE on PostgreSQL) as after a bulk
   import; cases span ~2 years up to now; 30 % of the last 10 days' cases are still open.
3. `stats` for one year on that register (target ≤ 2 s); beside it, a full count of the events.

Databases: a SQLite file in a temporary folder, and PostgreSQL when --pg or ZHIFA_BENCH_PG names
a server database (a fresh database is created on that server and dropped afterwards).
`bench/run.py --only register` runs this script and prints its figures with the others.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from router.register import counts
from router.register.batch import keyed_rows, register_batch
from router.register.due import due
from router.register.models import Case, Counter, Duty, Event
from router.register.register import Register
from router.register.services import bulk_insert
from router.register.stats import stats

CST = timezone(timedelta(hours=8))
REFERENCE_SAMPLE = 5000
SPAN_DAYS, OPEN_DAYS, OPEN_SHARE = 700, 10, 0.3  # cases over ~2 years; 30 % of the last 10 days open
TEXTS = ["国道边上摆摊卖西瓜，占了半条道", "楼道里一排电动车插着电", "河道里有人倾倒建筑垃圾", "人行道上占道经营",
         "小区里有人私搭乱建", "夜里工地施工噪音扰民"]
PLACES = ["岳村镇", "孟轲乡", "王助镇", "胡村乡", "中原路街道", "濮东街道"]
BODIES = ["华龙区交通运输局", "华龙区城市管理局", "华龙区水利局", "岳村镇", "孟轲乡", "中原路街道"]
LEGAL = {"岳村镇": "岳村镇人民政府", "孟轲乡": "孟轲乡人民政府", "中原路街道": "中原路街道办事处"}


def hotline_file(folder: Path, n: int) -> Path:
    rnd = random.Random(7)
    path = folder / f"hotline-{n}.jsonl"
    start = datetime(2026, 1, 5, 8, 0, tzinfo=CST)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            at = start + timedelta(minutes=rnd.randrange(0, 60 * 24 * 300))
            fh.write(json.dumps({"id": f"GD{i:07d}", "text": rnd.choice(TEXTS), "place": rnd.choice(PLACES),
                                 "reported_by": rnd.choice(BODIES), "at": at.isoformat(timespec="minutes")},
                                ensure_ascii=False) + "\n")
    return path


def bench_batch(url: str, folder: Path, n: int, workers: int) -> dict:
    src = hotline_file(folder, n)
    out = {}
    with Register(url, user="bench") as reg:
        reg.router  # noqa: B018 - loaded before timing, as a long-running clerk process would have
        t = time.perf_counter()
        summary = register_batch(reg, str(src), source="bench", workers=workers)
        took = time.perf_counter() - t
        t = time.perf_counter()
        again = register_batch(reg, str(src), source="bench", workers=workers)
        rerun = time.perf_counter() - t
        t = time.perf_counter()
        single = register_batch(reg, str(src), source="bench-1", workers=1) if n <= 20000 else None
        one = time.perf_counter() - t
        sample = [item for _, item, _ in itertools.islice(keyed_rows(str(src)), REFERENCE_SAMPLE)]
        t = time.perf_counter()
        for item in sample:
            reg.router.route(item)
        routing = time.perf_counter() - t
    out = {"n": n, "workers": workers, "seconds": took, "rate": summary.registered / took,
           "registered": summary.registered, "failed": summary.failed, "rerun_seconds": rerun,
           "rerun_new": again.registered, "route_only_rate": len(sample) / routing, "route_sample": len(sample),
           "single_rate": single.registered / one if single else None}
    print(f"  batch register {n:,} cases, {workers} routing processes + 1 writer: {took:.1f} s = "
          f"{out['rate']:,.0f} cases/s ({summary.registered:,} new, {summary.failed} failed) target ≥ 1,000/s "
          f"{'HOLDS' if out['rate'] >= 1000 else 'MISS'}")
    print(f"    reference: routing alone in one process (Router.route, first {len(sample):,} rows): "
          f"{out['route_only_rate']:,.0f} cases/s"
          + (f"; the register in one process: {out['single_rate']:,.0f} cases/s" if single else ""))
    print(f"    re-run of the same file: {rerun:.1f} s, {again.registered} registered again")
    return out


def fill(url: str, m: int) -> None:
    """M cases × 5 events (found, sent, received, closed, fed_back) up to now; 30 % of the last
    10 days' cases still open. Loaded in bulk (COPY on PostgreSQL; on SQLite one executemany per
    chunk with the indexes built afterwards), then ANALYZE, as after a real bulk import."""
    reg = Register(url, user="bench")
    rnd = random.Random(11)
    engine = reg.db.engine
    start = datetime.now(CST) - timedelta(days=SPAN_DAYS)
    seq: dict[tuple[str, int], int] = {}
    chunk = 50000
    t = time.perf_counter()
    sqlite_indexes = _drop_sqlite_indexes(engine)
    for lo in range(0, m, chunk):
        cases, events, duties = [], [], []
        for i in range(lo, min(m, lo + chunk)):
            body, to = LEGAL[rnd.choice(BODIES[3:])], rnd.choice(BODIES[:3])
            found = start + timedelta(minutes=rnd.randrange(0, 60 * 24 * SPAN_DAYS))
            key = (body, found.year)
            seq[key] = seq.get(key, 0) + 1
            cases.append({"id": i + 1, "number": f"{body}〔{found.year}〕第{seq[key]}号", "body": body,
                          "year": found.year, "seq": seq[key], "source": "", "external_id": None, "found_at": found,
                          "input": {}, "decision": {"bench": True}, "version": "bench",
                          "registered_at": found, "registered_by": "bench"})
            recent = found > start + timedelta(days=SPAN_DAYS - OPEN_DAYS)
            _case_rows(i + 1, body, to, found, recent and rnd.random() < OPEN_SHARE, events, duties)
        with engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                _sqlite_rows(conn, Case.__table__, cases)
                _sqlite_rows(conn, Event.__table__, events)
                _sqlite_rows(conn, Duty.__table__, duties)
            else:
                bulk_insert(conn, Case.__table__, cases)
                bulk_insert(conn, Event.__table__, events)
                bulk_insert(conn, Duty.__table__, duties)
    loaded = time.perf_counter() - t
    with engine.begin() as conn:
        for sql in sqlite_indexes:
            conn.exec_driver_sql(sql)
        counts.rebuild(conn)  # the daily counts behind `zhifa stats`, as the migration fills them
        conn.execute(sa.insert(Counter), [{"body": b, "year": y, "last": n} for (b, y), n in seq.items()])
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT setval(pg_get_serial_sequence('events', 'id'), (SELECT max(id) FROM events))"))
            conn.execute(sa.text("SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT max(id) FROM cases))"))
            conn.execute(sa.text("SELECT setval(pg_get_serial_sequence('duties', 'id'), (SELECT max(id) FROM duties))"))
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE"))  # visibility map for index-only scans, statistics
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    reg.close()
    print(f"  filled {m:,} cases × 5 events in {time.perf_counter() - t:.0f} s (rows {loaded:.0f} s)")


def _drop_sqlite_indexes(engine) -> list[str]:
    """SQLite: drop the secondary indexes before a bulk load; returns their CREATE statements."""
    if engine.dialect.name != "sqlite":
        return []
    with engine.begin() as conn:
        found = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                     "AND tbl_name IN ('cases', 'events', 'duties')").all()
        for name, _ in found:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [sql for _, sql in found]


def _sqlite_value(value):
    """As SQLAlchemy stores it on SQLite: naive UTC text for times, JSON text for dicts."""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dict):
        return json.dumps(value)
    return value


def _sqlite_rows(conn, table, rows: list[dict]) -> None:
    if not rows:
        return
    names = [c.name for c in table.columns if c.name in rows[0]]
    sql = f'INSERT INTO {table.name} ({", ".join(chr(34) + n + chr(34) for n in names)}) ' \
          f'VALUES ({", ".join("?" * len(names))})'
    conn.exec_driver_sql(sql, [tuple(_sqlite_value(r[n]) for n in names) for r in rows])


def _case_rows(cid, body, to, found, still_open, events, duties) -> None:
    """Events up to now only (nothing is recorded ahead of time); duties as the register derives them."""
    now = datetime.now(CST)
    steps = [("found", found, body), ("sent", found + timedelta(hours=30), body),
             ("received", found + timedelta(hours=40), to), ("closed", found + timedelta(days=6), to),
             ("fed_back", found + timedelta(days=7), to)]
    steps = steps[:1] if still_open else [s for s in steps if s[1] <= now]
    base = len(events)
    for kind, at, who in steps:
        events.append({"case_id": cid, "kind": kind, "at": at, "recorded_at": at, "body": who, "user": "bench",
                       "note": None, "reason": None, "supersedes": None, "payload": None})
    sent = steps[1][1] if len(steps) > 1 else None
    duties.append({"case_id": cid, "duty": "refer", "body": body, "start": found, "deadline": found + timedelta(days=3),
                   "done_at": sent, "done_event": None if sent is None else base + 2,
                   "elapsed_s": None if sent is None else int((sent - found).total_seconds())})
    if len(steps) > 3:
        closed = steps[3][1]
        fed = steps[4][1] if len(steps) > 4 else None
        duties.append({"case_id": cid, "duty": "feedback_share", "body": to, "start": closed,
                       "deadline": closed + timedelta(days=3), "done_at": fed, "done_event": None,
                       "elapsed_s": 86400 if fed else None})


def timed(fn, runs: int = 5) -> tuple[float, list[float], object]:
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), times, out


def bench_due_stats(url: str, m: int) -> dict:
    fill(url, m)
    with Register(url, user="bench") as reg:
        at = None  # now, as `zhifa due` without --at
        med, runs, rows = timed(lambda: due(reg, at=at))
        out = {"cases": m, "due_ms": med * 1000, "due_runs_ms": [r * 1000 for r in runs], "due_rows": len(rows)}
        print(f"  due (all bodies) on {m:,} cases: median {med * 1000:.0f} ms over {len(runs)} runs "
              f"({len(rows):,} open duties) target ≤ 200 ms {'HOLDS' if med <= 0.2 else 'MISS'}")
        med, runs, rows = timed(lambda: due(reg, at=at, body="岳村镇"))
        out["due_body_ms"] = med * 1000
        print(f"  due --body 岳村镇: median {med * 1000:.0f} ms ({len(rows):,} duties)")
        year = datetime.now(CST).year - 1
        med, runs, result = timed(lambda: stats(reg, date(year, 1, 1), date(year, 12, 31)), runs=3)
        out |= {"stats_s": med, "stats_runs_s": runs, "stats_year": year, "bodies": len(result.bodies),
                "stats_referrals": sum(b["referrals_sent"] for b in result.bodies)}
        print(f"  stats for {year} on {m:,} cases: median {med:.2f} s over {len(runs)} runs "
              f"({len(result.bodies)} bodies, {out['stats_referrals']:,} referrals) target ≤ 2 s "
              f"{'HOLDS' if med <= 2 else 'MISS'}")
        with reg.db.read() as s:
            ref, _, n = timed(lambda: s.execute(sa.text("SELECT count(*) FROM events")).scalar_one(), runs=3)
        out["count_events_s"] = ref
        print(f"    reference: SELECT count(*) FROM events ({n:,} rows): {ref:.2f} s")
    t = time.perf_counter()
    with Register(url, user="bench"):
        pass
    out["open_ms"] = (time.perf_counter() - t) * 1000
    print(f"  opening the register (migration check, duties basis): {out['open_ms']:.0f} ms")
    return out


def pg_database(server: str) -> tuple[str, callable]:
    url = make_url(server).set(drivername="postgresql+psycopg")
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"zhifa_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=100_000)
    ap.add_argument("--cases", type=int, default=1_000_000)
    ap.add_argument("--only", default="batch,due")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--pg", default=os.environ.get("ZHIFA_BENCH_PG"))
    ap.add_argument("--no-sqlite", action="store_true")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    parts = set(args.only.split(","))
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        targets = [] if args.no_sqlite else [("SQLite", lambda name: (str(folder / f"{name}.sqlite3"), lambda: None))]
        if args.pg:
            targets.append(("PostgreSQL", lambda name: pg_database(args.pg)))
        for label, make in targets:
            print(f"== {label}", flush=True)
            figures = results.setdefault(label, {})
            if "batch" in parts:
                url, drop = make("batch")
                try:
                    figures["batch"] = bench_batch(url, folder, args.batch, args.workers)
                finally:
                    drop()
            if "due" in parts or "stats" in parts:
                url, drop = make("due")
                try:
                    figures["due"] = bench_due_stats(url, args.cases)
                finally:
                    drop()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
