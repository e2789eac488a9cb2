"""`zhifa due`: open duties due or overdue as of a time, from the stored (derived) duties.

Two indexed reads, no scan of the register: duties still open now (partial index on deadline
where done_at IS NULL), and duties done only after `at` (index on done_at; empty when `at` is
now), both limited to deadlines up to `at + within`.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from .kinds import DUTIES
from .models import Case, Duty
from .routing import InputError
from .services import iso, resolve_body, utcnow

if TYPE_CHECKING:
    from .register import Register

MAX_WITHIN = 3660


def due(reg: "Register", *, body: str | None = None, at: datetime | None = None,
        within: float = 0) -> list[dict[str, Any]]:
    if not 0 <= within <= MAX_WITHIN:
        raise InputError(f"--within 应为 0 到 {MAX_WITHIN} 之间的天数，实际为 {within}", field="within", value=within)
    at = at or utcnow()
    horizon = at + timedelta(days=within)
    name = resolve_body(reg, body, "body") if body is not None else None
    base = (select(Case.number, Duty.duty, Duty.body, Duty.deadline)
            .join(Case, Case.id == Duty.case_id)
            .where(Duty.deadline.isnot(None), Duty.deadline <= horizon, Duty.start <= at))
    if name is not None:
        base = base.where(Duty.body == name)
    with reg.db.read() as s:
        rows = s.execute(base.where(Duty.done_at.is_(None))).all()
        last_done = s.scalar(select(func.max(Duty.done_at)))
        if last_done is not None and last_done > at:  # only when looking back in time
            rows += s.execute(base.where(Duty.done_at > at)).all()
    rows.sort(key=lambda r: (r[3], r[0], r[1]))
    return [{"case": number, "duty": duty, "label": DUTIES[duty][0], "body": owner, "deadline": iso(deadline),
             "overdue": at > deadline, "cite": list(DUTIES[duty][1])}
            for number, duty, owner, deadline in rows]
