"""Duties derived from a case's decision and its events: a pure function, never stored by hand.

`derive(facts, events, deadline)` returns every duty the case has had — done or open — with the
body that owes it, the moment it arose, its deadline and the event that discharged it. The
deadline of a working-day or hours rule comes from `deadline(rule, start)`, which callers build
from the project's `compute_deadline` and the catalog's work calendar (so holidays and make-up
working days count exactly as in `zhifa route`).
"""
from __future__ import annotations

import re
from dataclasses import field
from datetime import datetime, time, timedelta
from typing import Any, Callable, Iterable

from router.decide.deadlines import compute_deadline
from router.model.clock import CST
from router.model.lazydc import dataclass

from .kinds import (
    ASSUMED_NOTE,
    DUTIES,
    ESCALATIONS,
    IMMEDIATE_NOTE,
    ONGOING_NOTE,
    POLICE_NOTE,
    POLICE_TRANSFER_NOTE,
    SHARE_NOTE,
)

DeadlineFn = Callable[[str, datetime], datetime]
POLICE_APPROVE_DAYS = 3  # 国务院令第310号第5条
POLICE_TRANSFER = timedelta(hours=24)
HAZARD_EVENTS = ("major_hazard",)  # 四（四）: only a refused notice of a major hazard is reported to 区政府


class WorkDeadlines:
    """compute_deadline on a work calendar, as a DeadlineFn; the working-day count remembered
    per day (it ends at 23:59:59 of its last day whatever the hour of the start)."""

    def __init__(self, calendar):
        self.calendar = calendar
        self._days: dict = {}

    def __call__(self, rule: str, start: datetime) -> datetime:
        if rule != "3_working_days":
            return compute_deadline(rule, start, self.calendar).deadline
        day = start.astimezone(CST).date()
        hit = self._days.get(day)
        if hit is None:
            hit = self._days[day] = compute_deadline(rule, start, self.calendar).deadline
        return hit


@dataclass(frozen=True)
class EventFact:
    id: int
    kind: str
    at: datetime
    body: str
    supersedes: int | None = None


@dataclass(frozen=True)
class CaseFacts:
    """What duties depend on, read from the stored input and decision."""

    finder: str
    found_at: datetime
    decisions: tuple[dict, ...]
    ongoing: bool = False
    input_events: tuple[str, ...] = ()
    urgent: bool = False

    @classmethod
    def of(cls, input_: dict, decision: dict, found_at: datetime) -> "CaseFacts":
        return cls(finder=decision["reported_by"]["name"], found_at=found_at,
                   decisions=tuple(decision.get("decisions") or ()),
                   ongoing=bool(input_.get("ongoing")), urgent=bool(input_.get("urgent")),
                   input_events=event_names(input_.get("events")))


def event_names(raw: Any) -> tuple[str, ...]:
    """The names of a case's input events, in any form the case accepts: a list of names,
    "kind@time" texts, {kind, at} mappings, or text separated by commas."""
    if isinstance(raw, str):
        raw = [e for e in re.split(r"[,，、\s]+", raw) if e]
    if not isinstance(raw, (list, tuple)):
        return ()
    names = []
    for item in raw:
        if isinstance(item, dict) and isinstance(item.get("kind"), str):
            names.append(item["kind"])
        elif isinstance(item, str):
            names.append(item.partition("@")[0].strip())
    return tuple(names)


@dataclass
class Duty:
    duty: str
    body: str
    start: datetime
    deadline: datetime | None
    done_at: datetime | None = None
    done_event: int | None = None
    note: str | None = None

    @property
    def label(self) -> str:
        return DUTIES[self.duty][0]

    @property
    def cite(self) -> list[str]:
        return list(DUTIES[self.duty][1])

    def key(self) -> tuple:
        """What is stored and compared by `register check`."""
        return (self.duty, self.body, self.start, self.deadline, self.done_at, self.done_event)

    def overdue(self, at: datetime) -> bool:
        """Past its deadline at `at` without being done, or done after its deadline."""
        if self.deadline is None:
            return False
        if self.done_at is None:
            return at > self.deadline
        return self.done_at > self.deadline

    def escalation(self, at: datetime) -> dict[str, Any] | None:
        if not self.overdue(at) or self.duty not in ESCALATIONS:
            return None
        text, cites = ESCALATIONS[self.duty]
        return {"text": text, "cite": list(cites)}


@dataclass
class _Timeline:
    events: list[EventFact]
    used: set[int] = field(default_factory=set)

    def first(self, kinds: Iterable[str], body: str | None = None,
              after: datetime | None = None) -> EventFact | None:
        kinds = tuple(kinds)
        for e in self.events:
            if e.kind in kinds and (not body or e.body == body) and (after is None or e.at >= after):
                return e
        return None

    def all(self, kinds: Iterable[str]) -> list[EventFact]:
        kinds = tuple(kinds)
        return [e for e in self.events if e.kind in kinds]


def effective(events: Iterable[EventFact]) -> list[EventFact]:
    """Events in time order, without those a later event supersedes (both stay recorded)."""
    events = list(events)
    replaced = {e.supersedes for e in events if e.supersedes is not None}
    return sorted((e for e in events if e.id not in replaced), key=lambda e: (e.at, e.id))


def derive(facts: CaseFacts, events: Iterable[EventFact], deadline: DeadlineFn) -> list[Duty]:
    tl = _Timeline(effective(events))
    found = tl.first(["found"])
    t0 = found.at if found else facts.found_at
    out: dict[tuple, Duty] = {}

    def add(duty: str, body: str, start: datetime, due: datetime | None, done_kinds: Iterable[str],
            done_body: str | None = None, note: str | None = None) -> None:
        key = (duty, body, start)
        if key in out:
            return
        ev = tl.first(done_kinds, body=done_body if done_body is not None else body, after=start)
        out[key] = Duty(duty, body, start, due, ev.at if ev else None, ev.id if ev else None, note)

    def assumed(start: datetime) -> datetime:
        return _working_days_after(deadline, start)

    if facts.ongoing:
        add("dissuade", facts.finder, t0, deadline("immediately", t0), ["dissuaded"], note=IMMEDIATE_NOTE)
    for d in facts.decisions:
        _decision_duties(d, facts, t0, tl, add, deadline, assumed)
    _refusal_duties(facts, tl, add, deadline, assumed)
    return sorted(out.values(), key=lambda d: (d.start, d.duty, d.body))


def _working_days_after(deadline: DeadlineFn, start: datetime) -> datetime:
    """The assumed period for duties the document gives no time limit (ASSUMED_DAYS = 3 working
    days, the referral rule's own count)."""
    return deadline("3_working_days", start)


def _decision_duties(d: dict, facts: CaseFacts, t0: datetime, tl: _Timeline, add, deadline, assumed) -> None:
    holder = (d.get("jurisdiction") or {}).get("body")
    ref = d.get("referral")
    if d.get("action") == "refer" and ref:
        _referral_duties(ref, facts, t0, tl, add, deadline)
        if not any(i.get("kind") == "feedback_department" for i in d.get("duties") or ()):
            _share_duty(ref, tl, add, assumed)
    elif d.get("action") == "handle" and holder:
        add("handle", holder, t0, None, ["opened", "closed"])
    for item in d.get("duties") or ():
        _decision_duty(item, t0, tl, add, assumed, deadline)
    for e in d.get("escalations") or ():
        _escalation_duty(e, facts, t0, tl, add, deadline, assumed)


def _referral_duties(ref: dict, facts: CaseFacts, t0: datetime, tl: _Timeline, add, deadline) -> None:
    frm, to, rule = ref["from"], ref["to"], ref["rule"]
    if rule == "immediately":
        add("written_notice", frm, t0, deadline("immediately", t0), ["notified", "sent"], note=IMMEDIATE_NOTE)
        period = "24_hours" if facts.urgent else "3_working_days"
        add("refer", frm, t0, deadline(period, t0), ["sent"], note=ONGOING_NOTE)
    else:
        add("refer", frm, t0, deadline(rule, t0), ["sent"])
    sent = tl.first(["sent", "notified"], body=frm)
    if sent is None:
        return
    add("receive", to, sent.at, None, ["received", "refused", "returned"])
    received = tl.first(["received"], body=to, after=sent.at)
    if received is not None:
        add("handle", to, received.at, None, ["opened", "closed"])


def _share_duty(ref: dict, tl: _Timeline, add, assumed) -> None:
    """The receiver tells the referring body the result once it closes the case (四（三）)."""
    closed = tl.first(["closed"], body=ref["to"])
    if closed is not None:
        add("feedback_share", ref["to"], closed.at, assumed(closed.at), ["fed_back"], note=SHARE_NOTE)


_AFTER_FOUND = {"reply_and_register": "answer_reply", "tell_where_to_complain": "answer_where",
                "notify_township_in_writing": "notify_township"}
_AFTER_CLOSED = {"feedback_department": "feedback", "inform_result": "answer_result"}
_DONE_BY = {"answer_reply": "answered", "answer_where": "answered", "answer_transfer": "answered",
            "answer_result": "answered", "notify_township": "notified", "feedback": "fed_back"}


def _decision_duty(item: dict, t0: datetime, tl: _Timeline, add, assumed, deadline) -> None:
    kind, by = item.get("kind"), item.get("by")
    if not by:
        return
    if kind in _AFTER_FOUND:
        name = _AFTER_FOUND[kind]
        add(name, by, t0, assumed(t0), [_DONE_BY[name]], note=ASSUMED_NOTE)
    elif kind in _AFTER_CLOSED:
        closed = tl.first(["closed"], body=by) or tl.first(["closed"])
        if closed is not None:
            name = _AFTER_CLOSED[kind]
            add(name, by, closed.at, assumed(closed.at), [_DONE_BY[name]], note=ASSUMED_NOTE)
    elif kind == "inform_transfer":
        sent = tl.first(["sent"], body=by)
        if sent is not None:
            add("answer_transfer", by, sent.at, assumed(sent.at), ["answered"], note=ASSUMED_NOTE)
    elif kind in _AT_ONCE:  # rules since issue 12: due immediately / promptly after discovery
        add(_AT_ONCE[kind], by, t0, deadline("immediately", t0), ["notified", "sent"], note=IMMEDIATE_NOTE)


# decision duties owed at once (立即) or promptly (及时) from discovery: the written notice of an
# ongoing violation (四（一）1) and the first receiver's notice to the township (四（二）)
_AT_ONCE = {"written_notice": "written_notice", "notify_at_once": "notify_at_once"}


def _escalation_duty(e: dict, facts: CaseFacts, t0: datetime, tl: _Timeline, add, deadline, assumed) -> None:
    kind, finder = e.get("kind"), facts.finder
    if kind == "refusal_report":
        add("report", finder, t0, deadline("immediately", t0), ["reported"], note=IMMEDIATE_NOTE)
    elif kind == "immediate_notice":
        add("notify_hazard", finder, t0, deadline("immediately", t0), ["notified"], note=IMMEDIATE_NOTE)
    elif kind in ("dispute_decision", "dispute_negotiation"):  # 四（五）: negotiate, then 区政府 decides
        add("dispute", finder, t0, assumed(t0), ["disputed"], done_body="", note=ASSUMED_NOTE)
    elif kind == "correction_opinion":
        add("correction", finder, t0, assumed(t0), ["corrected"], note=ASSUMED_NOTE)
    elif kind == "police_transfer":
        _police_duties(finder, t0, tl, add)


def police_approval_deadline(report_at: datetime) -> datetime:
    """国务院令第310号第5条 “自接到报告之日起3日内”: natural days (assumed), the day of the
    report not counted, ending at 24:00 (23:59:59) of the third day, Beijing time."""
    day = report_at.astimezone(CST).date() + timedelta(days=POLICE_APPROVE_DAYS)
    return datetime.combine(day, time(23, 59, 59), CST)


def _police_duties(finder: str, t0: datetime, tl: _Timeline, add) -> None:
    """四（六） and 国务院令第310号第5条: the written report, the head's decision within 3 days of
    it, the transfer within 24 hours of the approval. A report or approval not yet recorded is
    taken at the earliest moment it could have been (discovery; the end of the approval period)."""
    report = tl.first(["police_report"], body=finder)
    start = report.at if report is not None else t0
    approve_by = police_approval_deadline(start)
    add("police_approve", finder, start, approve_by, ["police_approved", "police_declined", "police"],
        note=POLICE_NOTE)
    declined = tl.first(["police_declined"], body=finder, after=start)
    approved = tl.first(["police_approved"], body=finder, after=start)
    if declined is not None and (approved is None or declined.at >= approved.at):
        return  # not approved: the reasons are on record (第5条); no transfer is due
    if approved is not None:
        add("police", finder, approved.at, approved.at + POLICE_TRANSFER, ["police"], note=POLICE_TRANSFER_NOTE)
    else:
        add("police", finder, start, approve_by + POLICE_TRANSFER, ["police"], note=POLICE_TRANSFER_NOTE)


def _refusal_duties(facts: CaseFacts, tl: _Timeline, add, deadline, assumed) -> None:
    """After a refusal or return: report to 区政府 at once where the document says so (四（四）:
    a notified body refusing a major hazard), otherwise the dispute path (四（五）)."""
    notify_path = any(e in facts.input_events for e in HAZARD_EVENTS) or any(
        (d.get("referral") or {}).get("rule") == "immediately" for d in facts.decisions)
    for ev in tl.all(["refused", "returned"]):
        if ev.kind == "refused" and notify_path:
            add("report", facts.finder, ev.at, deadline("immediately", ev.at), ["reported"], note=IMMEDIATE_NOTE)
        else:
            add("dispute", facts.finder, ev.at, assumed(ev.at), ["disputed"], done_body="", note=ASSUMED_NOTE)
