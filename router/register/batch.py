"""`zhifa route --batch FILE --register`: a hotline export registered in one go, exactly once.

The key is (source, id): rows whose id is already in the register are reported as existing and
not routed again, so re-running the same file registers nothing twice (and a run killed half-way
resumes by simply running again: each chunk is one transaction).

With `workers` > 1 the worker processes route the rows and prepare them for insertion (decision
and input serialised, duties derived); the one writing process allocates the numbers and ids
and inserts each chunk in file order, so the numbers are those one process would give.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections import deque
from contextlib import contextmanager
from dataclasses import field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Iterator

from sqlalchemy import text

from router.decide.batch import read_cases
from router.decide.route import Router
from router.model.errors import InputError, ZhifaError
from router.model.lazydc import dataclass

from .duties import WorkDeadlines
from .services import Outcome, Prepared, existing_numbers, prepare, register_items

if TYPE_CHECKING:
    from .register import Register

CHUNK = 1000
MAX_ERRORS = 20


@dataclass
class BatchSummary:
    total: int = 0
    registered: int = 0
    existing: int = 0
    failed: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    def add(self, out: Outcome) -> None:
        self.total += 1
        if out.error is not None and not out.existing:
            self.failed += 1
            if len(self.errors) < MAX_ERRORS:
                self.errors.append((out.row, out.error))
        elif out.existing:
            self.existing += 1
        else:
            self.registered += 1

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "registered": self.registered, "existing": self.existing,
                "failed": self.failed, "errors": [{"row": r, "error": e} for r, e in self.errors]}


def keyed_rows(source: str) -> Iterator[tuple[int, Any, str | None]]:
    for row, item in read_cases(source):
        if isinstance(item, dict):
            case_id = item.get("id")
            if case_id is None or (isinstance(case_id, str) and not case_id.strip()):
                item = InputError("批量登记时每行须有编号（id、工单号）：编号是只登记一次的依据", field="id")
                yield row, item, None
                continue
            yield row, item, str(case_id).strip()
        else:
            yield row, item, None


def register_batch(reg: "Register", path: str, *, source: str = "", now: datetime | None = None,
                   on_row: Callable[[Outcome], None] | None = None,
                   chunk: int = CHUNK, workers: int = 1) -> BatchSummary:
    """Register every row of `path`. With `workers` > 1, rows are routed in that many worker
    processes while this process writes the routed chunks, each in one transaction, in file
    order (the same numbers as a single process would give); their Outcomes then carry no
    `result` (the decision is not sent back, only what is inserted)."""
    if workers < 1:
        raise InputError(f"--workers 应为正整数，实际为 {workers}", field="workers")
    summary = BatchSummary()
    stats = _Statistics(reg)

    def write(part: list[tuple[int, Any, str | None]], prepared: list[Prepared | str | None] | None) -> None:
        outs = register_items(reg, [(r, i) for r, i, _ in part], source=source,
                              ids=[k for _, _, k in part], now=now, prepared=prepared)
        for out, (_, item, key) in zip(outs, part):
            out.key = key
            summary.add(out)
            if on_row is not None:
                on_row(out)
        stats.grown(summary.registered)

    reg.router  # noqa: B018 - built once here (and inherited by forked workers)
    with _long_lived_frozen():
        if workers == 1:
            for part in _chunks(keyed_rows(path), chunk):
                write(part, None)
        else:
            _pooled(reg, path, source, chunk, workers, now, write)
    return summary


def _pooled(reg: "Register", path: str, source: str, chunk: int, workers: int, now: datetime | None, write) -> None:
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    ahead: deque = deque()  # chunks being routed, oldest first (written in file order)
    with ctx.Pool(workers, initializer=_init_worker, initargs=(reg.router if ctx.get_start_method() == "fork"
                                                               else None, str(reg.catalog_dir), now)) as pool:
        for part in _chunks(keyed_rows(path), chunk):
            with reg.db.read() as s:  # rows registered by an earlier run are not routed again
                known = set(existing_numbers(s, source, [k for _, _, k in part if k is not None]))
            todo = [entry for entry in part if entry[2] is None or entry[2] not in known]
            ahead.append((part, todo, pool.apply_async(_route_part, (todo,))))
            while len(ahead) > 2 * workers:
                _write_routed(write, *ahead.popleft())
        while ahead:
            _write_routed(write, *ahead.popleft())


class _Statistics:
    """PostgreSQL: the planner's statistics of `cases` kept up with a bulk registration.

    Each chunk looks its ids up by (source, external_id). On a table that has grown fast since it
    was last analysed (a fresh register's first import: autovacuum has not caught up), the planner
    takes the default 0.5 % for `source = …` and scans every row of the source through the index
    on source alone, filtering the ids: each lookup then reads the whole source (~0.1 s at 100,000
    cases, twice a chunk). So the batch analyses the table when the rows it registered since the
    last ANALYZE reach the rows it had then (after the first chunk, then at each doubling: a
    handful of ANALYZEs, each a sample of at most 30,000 rows) — as PostgreSQL's guide on
    populating a database advises after bulk loads."""

    def __init__(self, reg: "Register"):
        self.reg = reg
        self.on = reg.db.dialect == "postgresql"
        self.at = 0  # rows registered by this batch at the last ANALYZE
        self.base: int | None = None  # rows in the table then

    def grown(self, registered: int) -> None:
        if not self.on or registered == self.at:
            return
        if self.base is not None and registered - self.at < max(self.base, 1):
            return
        with self.reg.db.engine.connect() as conn:
            conn.execute(text("ANALYZE cases"))
            self.base = conn.execute(text("SELECT reltuples::bigint FROM pg_class WHERE relname = 'cases'")).scalar()
            conn.commit()
        self.at = registered


@contextmanager
def _long_lived_frozen():
    """For the length of a batch: the objects alive now (catalog, matcher, engine, …) left out
    of garbage collection and collections of young objects made rarer; restored afterwards."""
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    gc.freeze()
    gc.set_threshold(*WORKER_GC)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if not frozen:  # a caller's own freeze is left as it was
            gc.unfreeze()


def _write_routed(write, part, todo, pending) -> None:
    by_row = dict(zip((r for r, _, _ in todo), pending.get()))
    write(part, [by_row.get(r) for r, _, _ in part])  # known rows: not routed, found as existing


_WORKER: dict[str, Any] = {}


def _init_worker(router, catalog_root: str | None, now: datetime | None) -> None:
    _WORKER["router"] = router if router is not None else Router(catalog_root=catalog_root)
    _WORKER["deadline"] = WorkDeadlines(_WORKER["router"].catalog.calendar)
    _WORKER["now"] = now
    # The catalog, matcher and engine are long-lived: moved out of the collector's reach, so
    # the many short-lived objects of routing do not make every full collection walk them
    # (and pages shared with the parent after fork are not written to by the collector).
    gc.freeze()
    gc.set_threshold(*WORKER_GC)


WORKER_GC = (10_000, 20, 20)  # generation-0 threshold raised: routing allocates much, keeps little


def _route_part(part: list[tuple[int, Any, str | None]]) -> list[Prepared | str]:
    """In a worker: each row prepared for insertion (or its error message)."""
    router, deadline, now = _WORKER["router"], _WORKER["deadline"], _WORKER["now"]
    out: list[Prepared | str] = []
    for _, item, _ in part:
        if isinstance(item, ZhifaError):
            out.append(str(item))
            continue
        try:
            out.append(prepare(item, router.route(item, now=now), deadline, keep=False))
        except ZhifaError as exc:
            out.append(str(exc))
    return out


def _chunks(rows, size: int):
    part = []
    for row in rows:
        part.append(row)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part
