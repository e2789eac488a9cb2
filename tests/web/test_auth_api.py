"""Accounts, sessions, CSRF, throttling, the event log's user, and the API's shapes."""
from __future__ import annotations

import io
import re
from urllib.parse import quote

from openpyxl import load_workbook
from sqlalchemy import select

from router.register.models import Event
from router.web import auth
from router.web.models import AuditEntry, User

from .conftest import PASSWORD, ago, csrf_of, login


def test_passwords_are_argon2_hashes(sqlite_world):
    with sqlite_world.reg.db.read() as s:
        hashes = list(s.scalars(select(User.password_hash)))
    assert hashes and all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)


def test_session_cookie_flags(sqlite_world):
    c = sqlite_world.client()
    r = login(c, "mk")
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie


def test_secure_cookie_when_https(tmp_path, router):
    from .conftest import make_world
    from router.web.settings import WebSettings
    db = str(tmp_path / "r.sqlite3")
    w = make_world(db, router, WebSettings(db=db, secret="s" * 40, https=True))
    try:
        r = login(w.client(https=True), "mk")
        assert "secure" in r.headers["set-cookie"].lower()
    finally:
        w.reg.close()


def test_csrf_required_on_forms(sqlite_world):
    c = sqlite_world.client("clerk_a")
    r = c.post("/route", data={"text": "国道边上摆摊卖西瓜", "place": "孟轲乡", "reported_by": "孟轲乡"})
    assert r.status_code == 403 and "CSRF" in r.text
    r = c.post("/route", data={"text": "国道边上摆摊卖西瓜", "place": "孟轲乡", "reported_by": "孟轲乡",
                               "csrftoken": "forged"})
    assert r.status_code == 403
    token = csrf_of(c, "/route")
    r = c.post("/route", data={"text": "国道边上摆摊卖西瓜", "place": "孟轲乡", "reported_by": "孟轲乡",
                               "csrftoken": token}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403
    # the login form is protected too (no login CSRF)
    fresh = sqlite_world.client()
    assert fresh.post("/login", data={"login": "mk", "password": PASSWORD}).status_code == 403


def test_login_throttled_after_failures(sqlite_world):
    c = sqlite_world.client()
    for _ in range(5):
        token = csrf_of(c)
        assert c.post("/login", data={"login": "zc", "password": "wrong-password!", "csrftoken": token}).status_code == 401
    token = csrf_of(c)
    r = c.post("/login", data={"login": "zc", "password": PASSWORD, "csrftoken": token}, follow_redirects=False)
    assert r.status_code == 429 and "次数过多" in r.text
    with sqlite_world.reg.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.actor == "zc")))
    assert actions.count("login.failed") == 5 and "login.throttled" in actions


def test_disable_ends_sessions(sqlite_world, router):
    auth.add_user(sqlite_world.reg.db, router.catalog, "temp", body="岳村镇", role="clerk", password=PASSWORD)
    c = sqlite_world.client()
    login(c, "temp")
    assert c.get("/", follow_redirects=False).status_code == 200
    assert auth.disable_user(sqlite_world.reg.db, "temp") == 1
    r = c.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    token = csrf_of(c)
    assert c.post("/login", data={"login": "temp", "password": PASSWORD, "csrftoken": token}).status_code == 401


def test_no_open_redirect_after_login(sqlite_world):
    c = sqlite_world.client()
    token = csrf_of(c)
    r = c.post("/login", data={"login": "yc", "password": PASSWORD, "csrftoken": token, "next": "//evil.example/x"},
               follow_redirects=False)
    assert r.headers["location"] == "/"


def test_events_record_the_user(world):
    """Receiving through the page writes the clerk as the event's user; the API writes the token."""
    a = world.client("clerk_a")
    number = world.case_x
    token = csrf_of(a, f"/cases/{quote(number)}")
    r = a.post(f"/cases/{quote(number)}/events", data={"kind": "opened", "csrftoken": token}, follow_redirects=False)
    assert r.status_code == 303
    t = world.client("token_a")
    r = t.post(f"/api/cases/{quote(number)}/events", json={"kind": "closed", "note": "已办结"})
    assert r.status_code == 201 and r.json()["ok"] is True
    with world.reg.db.read() as s:
        rows = s.execute(select(Event.kind, Event.user, Event.body).order_by(Event.id.desc()).limit(2)).all()
    assert rows[1] == ("opened", "mk", "孟轲乡人民政府")
    assert rows[0] == ("closed", "API:热线A", "孟轲乡人民政府")


def test_refuse_needs_a_reason(sqlite_world):
    w = sqlite_world
    out = w.client("token_a").post("/api/cases", json={"text": "村口空地被人晚上偷偷倒了旧家具和生活垃圾",
                                                       "place": "岳村镇", "at": ago(hours=5)})
    assert out.status_code == 201
    r = w.client("token_a").post(f"/api/cases/{quote(out.json()['case'])}/events", json={"kind": "refused"})
    assert r.status_code == 422 and r.json()["ok"] is False and "理由" in r.json()["error"]


def test_api_error_and_success_shapes(world):
    t = world.client("token_a")
    bad = [t.post("/api/route", json={"place": "火星", "text": "摆摊"}),
           t.post("/api/route", json={"place": "孟轲乡", "nonsense": 1}),
           t.get("/api/cases/" + quote("没有〔2026〕第1号")),
           world.client().get("/api/due")]
    for r in bad:
        body = r.json()
        assert set(body) == {"ok", "error", "errors", "status"} and body["ok"] is False
        assert body["status"] == r.status_code and body["error"]
    good = [t.post("/api/route", json={"place": "孟轲乡", "text": "国道边上摆摊卖西瓜"}),
            t.post("/api/route/batch", json={"cases": [{"place": "孟轲乡", "text": "国道边上摆摊卖西瓜"},
                                                        {"place": "火星", "text": "x"}]}),
            t.get("/api/due")]
    for r in good:
        assert r.status_code == 200 and r.json()["ok"] is True
    batch = good[1].json()
    assert batch["failed"] == 1 and "error" in batch["results"][1]
    assert good[0].json()["result"]["decisions"][0]["jurisdiction"]["body"] == "孟轲乡人民政府"


def test_api_register_exactly_once_and_only_for_own_body(world):
    t = world.client("token_b")
    case = {"id": "GD-20261203-1", "text": "楼道、电线杆、车库门上贴满了办证小广告", "place": "岳村镇", "at": ago(hours=4)}
    first, again = t.post("/api/cases", json=case), t.post("/api/cases", json=case)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["case"] == again.json()["case"] and again.json()["existing"] is True
    other = t.post("/api/cases", json=case | {"id": "GD-2", "reported_by": "孟轲乡"})
    assert other.status_code == 422 and "本单位" in other.json()["error"]


def test_openapi_describes_the_api_only(sqlite_world):
    spec = sqlite_world.client().get("/api/openapi.json").json()
    assert set(spec["paths"]) == {"/api/route", "/api/route/batch", "/api/cases", "/api/cases/{number}",
                                  "/api/cases/{number}/events", "/api/due"}


def test_stats_export_and_letter(sqlite_world):
    w = sqlite_world
    sup = w.client("supervisor")
    page = sup.get("/stats")
    assert page.status_code == 200 and "<svg" in page.text and "华龙区交通运输局" in page.text
    wb = load_workbook(io.BytesIO(sup.get("/stats.xlsx").content))
    assert wb.sheetnames[:2] == ["各单位统计", "按月"] and wb["按月"].max_row == 13
    d = w.client("clerk_d")
    r = d.get(f"/cases/{quote(w.case_x)}/letters/referral")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    from docx import Document
    text = "\n".join(p.text for p in Document(io.BytesIO(r.content)).paragraphs)
    assert "孟轲乡人民政府" in text and "华龙区交通运输局" in text
    with w.reg.db.read() as s:
        last = s.execute(select(Event.kind, Event.user, Event.payload).order_by(Event.id.desc()).limit(1)).one()
    assert last[0] == "document" and last[1] == "jt" and last[2]["letter"] == "referral"
    # the same letter as `zhifa case letter`: a 发文字号 from the register, kept on a second download
    assert re.search(r"〔\d{4}〕1号", last[2]["number"]) and last[2]["number"] in text
    d.get(f"/cases/{quote(w.case_x)}/letters/referral")
    with w.reg.db.read() as s:
        again = s.execute(select(Event.payload).order_by(Event.id.desc()).limit(1)).scalar_one()
    assert again["number"] == last[2]["number"] and again["reissue_of"] is not None


def test_api_answers_set_no_cookie(sqlite_world, monkeypatch):
    """The API authenticates by token only: its answers carry no session or CSRF cookie, and no
    CSRF token is made for them (asgi-csrf signs a fresh random one per request otherwise)."""
    import asgi_csrf
    made = []
    real = asgi_csrf.make_secret
    monkeypatch.setattr(asgi_csrf, "make_secret", lambda n: made.append(n) or real(n))
    t = sqlite_world.client("token_a")
    for r in (t.post("/api/route", json={"place": "孟轲乡", "text": "国道边上摆摊卖西瓜"}), t.get("/api/due"),
              sqlite_world.client().get("/api/due")):
        assert "set-cookie" not in r.headers, r.headers
    assert made == []
    # a page still gets its CSRF cookie
    assert "csrftoken" in sqlite_world.client().get("/login").headers.get("set-cookie", "")
