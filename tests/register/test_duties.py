"""Duties against the document, on the pure function `derive` (no database): the police steps of
国务院令第310号第5条 and the referral an ongoing case still owes (四（一）1–2)."""
from __future__ import annotations

from datetime import datetime, timedelta

from router.model.clock import CST
from router.register.duties import CaseFacts, EventFact, derive

T0 = datetime(2026, 7, 1, 9, 0, tzinfo=CST)  # Wednesday
FINDER = "孟轲乡人民政府"


def deadline(rule: str, start: datetime) -> datetime:
    """A stand-in for compute_deadline: 3 calendar days (enough to tell the rules apart)."""
    if rule == "immediately":
        return start
    if rule == "24_hours":
        return start + timedelta(hours=24)
    return datetime.combine(start.date() + timedelta(days=3), datetime.max.time().replace(microsecond=0), CST)


def crime(*events) -> dict:
    facts = CaseFacts(FINDER, T0, ({"action": "handle", "jurisdiction": {"body": FINDER},
                                    "escalations": [{"kind": "police_transfer", "to": "濮阳市公安局华龙分局"}]},))
    evs = [EventFact(1, "found", T0, FINDER)] + [EventFact(i + 2, k, at, FINDER) for i, (k, at) in enumerate(events)]
    return {d.duty: d for d in derive(facts, evs, deadline)}


def at(day: int, hour: int = 0) -> datetime:
    return datetime(2026, 7, day, hour, 0, tzinfo=CST)


def test_police_without_a_recorded_report_counts_from_discovery():
    duties = crime()
    approve, transfer = duties["police_approve"], duties["police"]
    # 自接到报告之日起3日内: 07-01 not counted; 07-02, 03, 04 → ends 07-04 24:00
    assert approve.deadline == datetime(2026, 7, 4, 23, 59, 59, tzinfo=CST) and approve.start == T0
    assert transfer.deadline == approve.deadline + timedelta(hours=24)
    assert "推定" in approve.note and "推定" in transfer.note
    assert approve.overdue(at(5)) and not approve.overdue(at(4, 23))


def test_police_report_then_approval_then_transfer():
    duties = crime(("police_report", at(2, 16)), ("police_approved", at(6, 10)), ("police", at(7, 11)))
    approve, transfer = duties["police_approve"], duties["police"]
    assert approve.start == at(2, 16) and approve.deadline == datetime(2026, 7, 5, 23, 59, 59, tzinfo=CST)
    assert approve.done_at == at(6, 10) and approve.overdue(at(8))  # decided a day late
    assert (transfer.start, transfer.deadline) == (at(6, 10), at(7, 10))  # 24 hours from the approval
    assert transfer.done_at == at(7, 11) and transfer.overdue(at(8))  # an hour late


def test_police_not_approved_owes_no_transfer():
    duties = crime(("police_report", at(2, 16)), ("police_declined", at(3, 9)))
    assert duties["police_approve"].done_at == at(3, 9) and "police" not in duties


def test_an_ongoing_case_owes_the_written_notice_and_the_referral():
    ref = {"from": "华龙区交通运输局", "to": FINDER, "rule": "immediately"}
    facts = CaseFacts("华龙区交通运输局", T0, ({"action": "refer", "referral": ref, "duties": [], "escalations": []},),
                      ongoing=True)
    notified = EventFact(2, "notified", T0 + timedelta(minutes=30), "华龙区交通运输局")
    duties = {d.duty: d for d in derive(facts, [EventFact(1, "found", T0, "华龙区交通运输局"), notified], deadline)}
    assert duties["written_notice"].done_at == notified.at
    refer = duties["refer"]
    assert refer.done_at is None and refer.deadline == deadline("3_working_days", T0) and "另行移送" in refer.note
    urgent = CaseFacts(facts.finder, T0, facts.decisions, ongoing=True, urgent=True)
    refer = {d.duty: d for d in derive(urgent, [EventFact(1, "found", T0, facts.finder)], deadline)}["refer"]
    assert refer.deadline == T0 + timedelta(hours=24)


def test_daily_counts_follow_every_write(reg):
    """Registering, appending events (and so rewriting duties) and correcting keep the daily
    counts equal to a recount; a count changed behind the register's back is found by check."""
    import sqlalchemy as sa

    from router.register.check import check_register
    from router.register.counts import differences, done_counts
    from router.register.services import add_event, register_case

    out = register_case(reg, {"matter": "SL-03", "place": "岳村镇", "reported_by": "岳村镇", "at": "2026-03-02T09:30"})
    sent = add_event(reg, out.number, "sent", by="岳村镇", at="2026-03-04T10:00")
    add_event(reg, out.number, "sent", by="岳村镇", at="2026-03-06T10:00", supersedes=sent["event"]["id"])
    add_event(reg, out.number, "received", by="水利局", at="2026-03-06T15:00")
    with reg.db.read() as s:
        assert differences(s.connection()) == []
        rows = s.execute(sa.select(done_counts)).all()
    # the corrected sending (03-06, late: due 03-05) replaced the first in the counts
    assert sorted((r.day, r.duty, r.on_time, r.hours, r.n) for r in rows if r.n) == [
        (20260306, "receive", 0, -1, 1), (20260306, "refer", 0, 96, 1)]
    assert check_register(reg).ok
    with reg.db.write() as s:
        s.execute(sa.update(done_counts).values(n=done_counts.c.n + 1))
    assert any("已办义务日计数" in p for p in check_register(reg).problems)


def test_written_notice_as_a_decision_duty():
    """The rules since issue 12: an ongoing case keeps the 3-working-day referral and carries the
    written notice (及时) and the dissuasion (立即) as duties of the decision."""
    ref = {"from": "华龙区交通运输局", "to": FINDER, "rule": "3_working_days"}
    items = [{"kind": "written_notice", "by": "华龙区交通运输局", "to": FINDER, "due": "promptly", "after": "found"},
             {"kind": "dissuade_on_the_spot", "by": "华龙区交通运输局", "to": "当事人", "due": "immediately"}]
    facts = CaseFacts("华龙区交通运输局", T0, ({"action": "refer", "referral": ref, "duties": items, "escalations": []},),
                      ongoing=True)
    sent = EventFact(2, "sent", T0 + timedelta(days=1), "华龙区交通运输局")
    duties = {d.duty: d for d in derive(facts, [EventFact(1, "found", T0, "华龙区交通运输局"), sent], deadline)}
    assert set(duties) == {"dissuade", "written_notice", "refer", "receive"}
    assert duties["written_notice"].deadline == T0 and duties["written_notice"].done_at == sent.at
    assert duties["refer"].deadline == deadline("3_working_days", T0) and not duties["refer"].overdue(T0 + timedelta(days=9))


def test_input_events_in_every_form():
    from router.register.duties import event_names

    assert event_names(["major_hazard", "notified_refused@2026-05-08T16:45",
                        {"kind": "written_materials", "at": "2026-05-08T17:00"}]) == (
        "major_hazard", "notified_refused", "written_materials")
    assert event_names("major_hazard，notified_refused") == ("major_hazard", "notified_refused")
    assert event_names(None) == ()


def test_a_refused_notice_without_a_major_hazard_is_a_dispute():
    """四（四） reports to 区政府 only a refused notice of a major hazard; any other refusal is a
    jurisdiction dispute (四（五）): negotiate, then 区政府 decides."""
    ref = {"from": FINDER, "to": "华龙区水利局", "rule": "3_working_days"}
    esc = [{"kind": "dispute_negotiation", "to": "华龙区水利局", "trigger": "notified_refused"}]
    decision = ({"action": "refer", "referral": ref, "duties": [], "escalations": esc},)
    refused = EventFact(3, "refused", T0 + timedelta(hours=5), "华龙区水利局")
    events = [EventFact(1, "found", T0, FINDER), EventFact(2, "sent", T0 + timedelta(hours=1), FINDER), refused]
    plain = CaseFacts(FINDER, T0, decision, input_events=("notified_refused",))
    duties = {(d.duty, d.start) for d in derive(plain, events, deadline)}
    assert ("dispute", T0) in duties and ("dispute", refused.at) in duties and not any(k == "report" for k, _ in duties)
    hazard = CaseFacts(FINDER, T0, decision, input_events=("major_hazard", "notified_refused"))
    assert ("report", refused.at) in {(d.duty, d.start) for d in derive(hazard, events, deadline)}
