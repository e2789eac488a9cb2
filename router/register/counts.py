"""Daily counts behind `zhifa stats`, kept in the transaction of every write.

A year of a district register is about a million duties and events; `zhifa stats` must not scan
them. Two small tables hold what the statistics add up, per day (Beijing time, as yyyymmdd):

- `done_counts`: duties done, per day of done_at, body, duty, on time or not, and for referrals
  the whole hours it took (the median is read from them); other duties have hours -1.
- `event_counts`: events per day of `at`, body and kind.

Every path that writes duties or events goes through `count_duties` / `count_events` in the
same transaction (registering, appending an event, rewriting a case's duties, drafting a
letter); `rebuild` recomputes both tables from the rows (after a bulk load, in the migration)
and `zhifa register check` compares them with a recomputation.
"""
from __future__ import annotations

from collections import Counter as Tally
from datetime import date, datetime
from typing import Iterable

from sqlalchemy import Column, Integer, String, Table, delete, select, text
from sqlalchemy.dialects import postgresql, sqlite

from router.model.clock import CST

from .models import Base

REFER_HOURS = ("refer",)  # duties whose time taken is kept in hours (the referral median)

done_counts = Table(
    "done_counts", Base.metadata,
    Column("day", Integer, primary_key=True),
    Column("body", String(120), primary_key=True),
    Column("duty", String(40), primary_key=True),
    Column("on_time", Integer, primary_key=True),
    Column("hours", Integer, primary_key=True),
    Column("n", Integer, nullable=False),
)
event_counts = Table(
    "event_counts", Base.metadata,
    Column("day", Integer, primary_key=True),
    Column("body", String(120), primary_key=True),
    Column("kind", String(20), primary_key=True),
    Column("n", Integer, nullable=False),
)


def day_number(moment: datetime | date) -> int:
    """2026-03-02 (Beijing time) -> 20260302."""
    if isinstance(moment, datetime):
        moment = moment.astimezone(CST).date()
    return moment.year * 10000 + moment.month * 100 + moment.day


def _done_key(d: dict) -> tuple | None:
    if d.get("done_at") is None:
        return None
    on_time = 1 if d.get("deadline") is not None and d["done_at"] <= d["deadline"] else 0
    hours = int(d["elapsed_s"]) // 3600 if d["duty"] in REFER_HOURS and d.get("elapsed_s") is not None else -1
    return (day_number(d["done_at"]), d["body"], d["duty"], on_time, hours)


def count_duties(conn, added: Iterable[dict] = (), removed: Iterable[dict] = ()) -> None:
    """Add the done duties in `added` and take away those in `removed` (rows as stored:
    duty, body, deadline, done_at, elapsed_s)."""
    tally: Tally = Tally()
    for d in added:
        key = _done_key(d)
        if key is not None:
            tally[key] += 1
    for d in removed:
        key = _done_key(d)
        if key is not None:
            tally[key] -= 1
    _apply(conn, done_counts, ("day", "body", "duty", "on_time", "hours"), tally)


def count_events(conn, events: Iterable[dict]) -> None:
    """Add appended events (rows as stored: kind, at, body)."""
    tally: Tally = Tally((day_number(e["at"]), e["body"], e["kind"]) for e in events)
    _apply(conn, event_counts, ("day", "body", "kind"), tally)


def _apply(conn, table: Table, keys: tuple[str, ...], tally: Tally) -> None:
    rows = [dict(zip(keys, k)) | {"n": n} for k, n in sorted(tally.items()) if n]  # sorted: no deadlocks
    if not rows:
        return
    ins = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = ins(table)
    stmt = stmt.on_conflict_do_update(index_elements=list(keys), set_={"n": table.c.n + stmt.excluded.n})
    conn.execute(stmt, rows)


# ---- recomputation ------------------------------------------------------------------------
def _day_sql(dialect: str, column: str) -> str:
    if dialect == "postgresql":
        return f"CAST(to_char({column} AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') AS INTEGER)"
    return f"CAST(strftime('%Y%m%d', {column}, '+8 hours') AS INTEGER)"


def _queries(dialect: str) -> tuple[str, str]:
    hours = "(CASE WHEN duty = 'refer' AND elapsed_s IS NOT NULL THEN elapsed_s / 3600 ELSE -1 END)"
    on_time = "(CASE WHEN done_at <= deadline THEN 1 ELSE 0 END)"
    done = (f"SELECT {_day_sql(dialect, 'done_at')} AS day, body, duty, {on_time} AS on_time, {hours} AS hours, "
            f"count(*) AS n FROM duties WHERE done_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5")
    events = (f"SELECT {_day_sql(dialect, 'at')} AS day, body, kind, count(*) AS n FROM events "
              "GROUP BY 1, 2, 3")
    return done, events


def rebuild(conn) -> None:
    """Recompute both tables from the duties and events (one statement each)."""
    done, events = _queries(conn.dialect.name)
    conn.execute(delete(done_counts))
    conn.execute(delete(event_counts))
    conn.execute(text(f"INSERT INTO done_counts (day, body, duty, on_time, hours, n) {done}"))
    conn.execute(text(f"INSERT INTO event_counts (day, body, kind, n) {events}"))


def differences(conn) -> list[str]:
    """What differs between the stored counts and a recomputation (for `zhifa register check`)."""
    done, events = _queries(conn.dialect.name)
    out = []
    for label, table, query, keys in (("已办义务", done_counts, done, 5), ("事件", event_counts, events, 3)):
        stored = {tuple(r[:keys]): r[keys] for r in conn.execute(select(table)) if r[keys]}
        fresh = {tuple(r[:keys]): r[keys] for r in conn.execute(text(query))}
        for key in sorted(set(stored) | set(fresh), key=str)[:1000]:
            if stored.get(key, 0) != fresh.get(key, 0):
                out.append(f"{label}日计数 {'/'.join(map(str, key))} 为 {stored.get(key, 0)}，按记录重新统计为 {fresh.get(key, 0)}")
    return out


__all__ = ["done_counts", "event_counts", "count_duties", "count_events", "rebuild", "differences", "day_number"]
