"""The inbox's sections against a plain computation from the duties table: exclusive sections,
true totals, the first rows by deadline (no deadline last), and nothing of another body."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from router.register.models import Duty
from router.register.services import add_event, register_case
from router.web import pages
from router.web.access import Actor

from .conftest import ago


def test_inbox_sections_match_the_duties(world):
    reg = world.reg
    for i, hours in enumerate((80, 50, 30, 6, 2)):
        n = register_case(reg, {"text": f"国道边上摆摊卖西瓜（收件箱测试{i}）", "place": "孟轲乡",
                                "reported_by": "华龙区交通运输局", "at": ago(hours=hours)}).number
        if i % 2 == 0:
            add_event(reg, n, "sent", by="华龙区交通运输局", at=ago(hours=hours - 1))
    actor = Actor("user", "t", "t", "孟轲乡人民政府", "clerk", None)
    full = pages.inbox(reg, actor, rows=1000)
    at = full.as_of
    with reg.db.read() as s:
        open_ = s.execute(select(Duty.case_id, Duty.duty, Duty.deadline)
                          .where(Duty.body == actor.body, Duty.done_at.is_(None), Duty.start <= at)).all()
    assert sum(sec.total for sec in full.sections) == len(open_) > 0
    assert [len(sec.items) for sec in full.sections] == [sec.total for sec in full.sections]
    horizon = at + timedelta(days=3)
    for sec in full.sections:
        for item in sec.items:
            d = item.deadline
            from datetime import datetime
            dl = datetime.fromisoformat(d) if d else None
            expected = ("overdue" if dl and dl < at else "referred" if item.duty == "receive"
                        else "due_soon" if dl and dl <= horizon else
                        "feedback" if item.duty in pages.FEEDBACK_DUTIES else "open")
            assert sec.key == expected, (item, sec.key)
            assert item.body == actor.body
        keys = [(i.deadline is None, i.deadline or "") for i in sec.items]
        assert keys == sorted(keys), sec.key
    short = pages.inbox(reg, actor, rows=1, at=at)
    for a, b in zip(short.sections, full.sections):
        assert a.total == b.total and [i.case for i in a.items] == [i.case for i in b.items[:1]]


def test_inbox_reuse_follows_the_register(tmp_path, router, monkeypatch):
    """The inbox page is reused only while no case or event was written and for at most
    inbox_cache_seconds; a write by anyone shows at the next request."""
    from router.web import app as app_module
    from router.web.settings import WebSettings

    from .conftest import SECRET, make_world
    db = str(tmp_path / "r.sqlite3")
    w = make_world(db, router, WebSettings(db=db, secret=SECRET, inbox_cache_seconds=10))
    try:
        calls = []
        real = pages.inbox
        monkeypatch.setattr(app_module.pages, "inbox", lambda *a, **k: calls.append(1) or real(*a, **k))
        clock = [1000.0]
        monkeypatch.setattr(app_module.time, "monotonic", lambda: clock[0])
        a = w.client("clerk_a")
        first = a.get("/").text
        a.get("/")
        assert len(calls) == 1                      # unchanged register: reused
        n = register_case(w.reg, {"text": "国道边上摆摊卖西瓜（缓存测试）", "place": "孟轲乡",
                                  "reported_by": "华龙区交通运输局", "at": ago(hours=3)}).number
        add_event(w.reg, n, "sent", by="华龙区交通运输局", at=ago(hours=2))
        page = a.get("/").text
        assert len(calls) == 2 and n in page and n not in first
        clock[0] += 10                              # older than inbox_cache_seconds: computed again
        a.get("/")
        assert len(calls) == 3
        # another body's inbox is its own
        assert n not in w.client("clerk_b").get("/").text
    finally:
        w.reg.close()
