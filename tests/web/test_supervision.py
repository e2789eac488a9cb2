"""The supervising bodies' own step on a case: 华龙区人民政府 records its decision of a
jurisdiction dispute (四（五）) once a party has put the dispute to it — and nobody else does."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from sqlalchemy import select

from router.register.models import Event
from router.register.services import add_event, register_case
from router.web import auth

from .conftest import PASSWORD, ago, csrf_of, login


@pytest.fixture()
def disputed(sqlite_world):
    w = sqlite_world
    n = register_case(w.reg, {"text": "国道边上摆摊卖西瓜（争议测试）", "place": "孟轲乡",
                              "reported_by": "华龙区交通运输局", "at": ago(hours=30)}).number
    add_event(w.reg, n, "sent", by="华龙区交通运输局", at=ago(hours=29))
    add_event(w.reg, n, "returned", by="孟轲乡人民政府", at=ago(hours=20), reason="认为不属下放事项")
    plain = register_case(w.reg, {"text": "国道边上摆摊卖西瓜（无争议）", "place": "孟轲乡",
                                  "reported_by": "华龙区交通运输局", "at": ago(hours=30)}).number
    with w.reg.db.read() as s:
        from router.web.models import User
        if s.scalar(select(User.id).where(User.login == "zf")) is None:
            auth.add_user(w.reg.db, w.reg.router.catalog, "zf", body="华龙区人民政府", role="supervisor",
                          password=PASSWORD, name="zf")
    return n, plain


def _gov(w):
    c = w.client()
    login(c, "zf")
    return c


def _decide(client, number, note="决定由孟轲乡人民政府管辖（华龙政〔2026〕1号）"):
    token = csrf_of(client, f"/cases/{quote(number)}")
    return client.post(f"/cases/{quote(number)}/decisions", data={"csrftoken": token, "kind": "dispute_decided",
                                                                  "note": note}, follow_redirects=False)


def test_offered_only_after_the_dispute_is_put(sqlite_world, disputed):
    w, (n, plain) = sqlite_world, disputed
    gov = _gov(w)
    assert "本单位的决定" not in gov.get(f"/cases/{quote(n)}").text
    r = _decide(gov, n)
    assert r.status_code == 422 and "提请决定管辖争议后" in r.text
    add_event(w.reg, n, "disputed", by="华龙区交通运输局", at=ago(hours=10), note="协商不成")
    page = gov.get(f"/cases/{quote(n)}").text
    assert "本单位的决定" in page and "四（五）" in page
    # 司法局 is a supervisor too, but the decision is not its step; clerks may not at all
    r = _decide(w.client("supervisor"), n)
    assert r.status_code == 422
    assert _decide(w.client("clerk_d"), n).status_code == 403
    assert _decide(gov, plain).status_code == 422


def test_decision_is_recorded(sqlite_world, disputed):
    """The decision is the register's event, by 区政府, naming the user."""
    w, (n, _) = sqlite_world, disputed
    add_event(w.reg, n, "disputed", by="华龙区交通运输局", at=ago(hours=10))
    gov = _gov(w)
    assert "记录区政府对管辖争议的决定" in gov.get(f"/cases/{quote(n)}").text
    r = _decide(gov, n, note="")
    assert r.status_code == 422 and "请填写" in r.text
    r = _decide(gov, n)
    assert r.status_code == 303
    with w.reg.db.read() as s:
        last = s.execute(select(Event.kind, Event.body, Event.user, Event.note).order_by(Event.id.desc()).limit(1)).one()
    assert last == ("dispute_decided", "华龙区人民政府", "zf", "决定由孟轲乡人民政府管辖（华龙政〔2026〕1号）")
    assert "华龙区人民政府决定管辖争议" in gov.get(f"/cases/{quote(n)}").text
