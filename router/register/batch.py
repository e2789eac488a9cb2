"""`zhifa route --batch FILE --register`: a hotline export registered in one go, exactly once.

The key is (source, id): rows whose id is already in the register are reported as existing and
not routed again, so re-running the same file registers nothing twice (and a run killed half-way
resumes by simply running again: each chunk is one transaction).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Iterator

from .routing import InputError, read_cases
from .services import Outcome, register_items

if TYPE_CHECKING:
    from .register import Register

CHUNK = 500
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


def _keyed(source: str) -> Iterator[tuple[int, Any, str | None]]:
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
                   chunk: int = CHUNK) -> BatchSummary:
    summary = BatchSummary()
    pending: list[tuple[int, Any, str | None]] = []

    def flush() -> None:
        outs = register_items(reg, [(r, i) for r, i, _ in pending], source=source,
                              ids=[k for _, _, k in pending], now=now)
        for out, (_, item, key) in zip(outs, pending):
            out.key = key
            summary.add(out)
            if on_row is not None:
                on_row(out)
        pending.clear()

    for entry in _keyed(path):
        pending.append(entry)
        if len(pending) >= chunk:
            flush()
    if pending:
        flush()
    return summary
