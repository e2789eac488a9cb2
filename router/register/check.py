"""`zhifa register check`: the register is consistent.

- every event belongs to an existing case; a correction supersedes an event of the same case;
- numbers are gapless per body and year (1..n, and the counter says n); so are the 发文字号 of
  the letters drafted from the register, per sender and year;
- the daily counts behind `zhifa stats` equal a recount of the duties and events;
- the stored duties equal a recomputation from each case's decision and events, on the current
  work calendar (`duties_basis`).
"""
from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from router.model.lazydc import dataclass
from .counts import differences
from .models import Case, Counter, Event, LetterCounter
from .models import Duty as DutyRow
from .services import case_duties

if TYPE_CHECKING:
    from .register import Register

CHUNK = 1000
SHOWN = 50


@dataclass
class CheckReport:
    cases: int = 0
    events: int = 0
    duties: int = 0
    problems: list[str] = field(default_factory=list)
    more: int = 0  # problems found beyond the first SHOWN

    def add(self, message: str) -> None:
        if len(self.problems) < SHOWN:
            self.problems.append(message)
        else:
            self.more += 1

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "cases": self.cases, "events": self.events, "duties": self.duties,
                "problems": self.problems, "more": self.more}


def check_register(reg: "Register") -> CheckReport:
    report = CheckReport()
    with reg.db.read() as s:
        report.cases = s.scalar(select(func.count()).select_from(Case))
        report.events = s.scalar(select(func.count()).select_from(Event))
        report.duties = s.scalar(select(func.count()).select_from(DutyRow))
        _orphans(s, report)
        _numbering(s, report)
        _letter_numbering(s, report)
        for problem in differences(s.connection()):
            report.add(problem)
    _duties(reg, report)
    return report


def _orphans(s, report: CheckReport) -> None:
    rows = s.execute(select(Event.id, Event.case_id).outerjoin(Case, Case.id == Event.case_id)
                     .where(Case.id.is_(None)).limit(SHOWN + 1))
    for eid, cid in rows:
        report.add(f"事件 {eid} 所属的案件（内部序号 {cid}）不存在")
    target = aliased(Event)
    rows = s.execute(select(Event.id, target.id).join(target, target.id == Event.supersedes)
                     .where(target.case_id != Event.case_id).limit(SHOWN + 1))
    for eid, tid in rows:
        report.add(f"事件 {eid} 更正的事件 {tid} 属于另一案件")
    rows = s.execute(select(Event.supersedes, func.count()).where(Event.supersedes.isnot(None))
                     .group_by(Event.supersedes).having(func.count() > 1).limit(SHOWN + 1))
    for tid, n in rows:
        report.add(f"事件 {tid} 被 {n} 个事件更正（应至多 1 个）")


def _numbering(s, report: CheckReport) -> None:
    counters = {(b, y): last for b, y, last in s.execute(select(Counter.body, Counter.year, Counter.last))}
    rows = s.execute(select(Case.body, Case.year, func.count(), func.min(Case.seq), func.max(Case.seq),
                            func.count(func.distinct(Case.seq))).group_by(Case.body, Case.year))
    seen = set()
    for body, year, n, low, high, distinct in rows:
        seen.add((body, year))
        if low != 1 or high != n or distinct != n:
            report.add(f"{body} {year}年的编号不连续：{n} 个案件，序号 {low}–{high}")
        if counters.get((body, year)) != high:
            report.add(f"{body} {year}年的编号计数器为 {counters.get((body, year))}，最大序号为 {high}")
    for key, last in counters.items():
        if key not in seen and last:
            report.add(f"{key[0]} {key[1]}年的编号计数器为 {last}，却没有该年的案件")


def _letter_numbering(s, report: CheckReport) -> None:
    """Letters (`zhifa case letter`): per sender and year, the first drafts carry 1..n and the
    counter says n (a re-drafted letter keeps its number)."""
    counters = {(b, y): last for b, y, last in s.execute(select(LetterCounter.body, LetterCounter.year,
                                                                LetterCounter.last))}
    seqs: dict[tuple[str, int], list[int]] = {}
    for (payload,) in s.execute(select(Event.payload).where(Event.kind == "document")):
        p = payload or {}
        if p.get("letter") and p.get("reissue_of") is None and p.get("seq") is not None:
            seqs.setdefault((p.get("sender"), p.get("year")), []).append(p["seq"])
    for key in sorted(set(seqs) | set(counters), key=str):
        got, last = sorted(seqs.get(key, [])), counters.get(key, 0)
        if got != list(range(1, last + 1)):
            report.add(f"{key[0]} {key[1]}年的发文字号不连续或重复：计数器为 {last}，文书序号为 "
                       f"{'、'.join(map(str, got)) or '无'}")


def _duties(reg: "Register", report: CheckReport) -> None:
    stored_basis = reg.stored_basis()
    if stored_basis != reg.duties_basis:
        report.add(f"义务的计算依据（{stored_basis}）与当前（{reg.duties_basis}）不同：下次打开台账时将重新计算")
    last = 0
    while True:
        with reg.db.read() as s:
            cases = list(s.execute(select(Case).where(Case.id > last).order_by(Case.id).limit(CHUNK)).scalars())
            if not cases:
                return
            ids = [c.id for c in cases]
            stored: dict[int, list[tuple]] = {}
            for row in s.execute(select(DutyRow).where(DutyRow.case_id.in_(ids))).scalars():
                stored.setdefault(row.case_id, []).append(
                    (row.duty, row.body, row.start, row.deadline, row.done_at, row.done_event))
            events: dict[int, list[Event]] = {}
            for e in s.execute(select(Event).where(Event.case_id.in_(ids)).order_by(Event.at, Event.id)).scalars():
                events.setdefault(e.case_id, []).append(e)
            for case in cases:
                fresh = [d.key() for d in case_duties(reg, case, events.get(case.id, []))]
                if sorted(stored.get(case.id, []), key=_order) != sorted(fresh, key=_order):
                    report.add(f"案件“{case.number}”保存的义务与按事件重新计算的结果不一致")
        last = ids[-1]


def _order(key: tuple) -> tuple:
    return tuple("" if v is None else str(v) for v in key)
