"""`zhifa route --batch FILE --register`: a hotline export registered in one go, exactly once.

The key is (source, id): rows whose id is already in the register are reported as existing and
not routed again, so re-running the same file registers nothing twice (and a run killed half-way
resumes by simply running again: each chunk is one transaction).
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Iterator

from router.decide.batch import read_cases
from router.model.errors import InputError, ZhifaError

from .services import Outcome, existing_numbers, register_items, stored_decision

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
    order (the same numbers as a single process would give)."""
    if workers < 1:
        raise InputError(f"--workers 应为正整数，实际为 {workers}", field="workers")
    summary = BatchSummary()

    def write(part: list[tuple[int, Any, str | None]], routed: list[dict | str] | None) -> None:
        outs = register_items(reg, [(r, i) for r, i, _ in part], source=source,
                              ids=[k for _, _, k in part], now=now, routed=routed)
        for out, (_, item, key) in zip(outs, part):
            out.key = key
            summary.add(out)
            if on_row is not None:
                on_row(out)

    if workers == 1:
        for part in _chunks(keyed_rows(path), chunk):
            write(part, None)
        return summary
    reg.router  # noqa: B018 - built once here, inherited by the forked workers
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
    return summary


def _write_routed(write, part, todo, pending) -> None:
    by_row = dict(zip((r for r, _, _ in todo), pending.get()))
    write(part, [by_row.get(r, "") for r, _, _ in part])  # known rows: not routed, found as existing


_WORKER: dict[str, Any] = {}


def _init_worker(router, catalog_root: str | None, now: datetime | None) -> None:
    from router.decide.route import Router
    _WORKER["router"] = router if router is not None else Router(catalog_root=catalog_root)
    _WORKER["now"] = now


def _route_part(part: list[tuple[int, Any, str | None]]) -> list[dict | str]:
    """In a worker: each row's decision as stored (or its error message)."""
    router, now = _WORKER["router"], _WORKER["now"]
    routed: list[dict | str] = []
    for _, item, _ in part:
        if isinstance(item, ZhifaError):
            routed.append(str(item))
            continue
        try:
            routed.append(stored_decision(router.route(item, now=now)))
        except ZhifaError as exc:
            routed.append(str(exc))
    return routed


def _chunks(rows, size: int):
    part = []
    for row in rows:
        part.append(row)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part
