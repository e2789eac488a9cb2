"""Token revocation and listing, and password changes (CLI and the user's own page)."""
from __future__ import annotations

import json

import pytest

from click.testing import CliRunner
from sqlalchemy import select

from cli import cli
from router.model.errors import InputError
from router.web import auth
from router.web.models import AuditEntry, WebSession

from .conftest import PASSWORD, csrf_of, login

NEW_PASSWORD = "a-new-password-2026"


def _run(*args, stdin=None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture()
def own_world(tmp_path, router):
    """A world in a register file of its own (the CLI commands open it by path), and that path."""
    from .conftest import make_world
    db = str(tmp_path / "r.sqlite3")
    w = make_world(db, router)
    yield w, db
    w.reg.close()


def test_revoked_token_is_refused_with_a_chinese_error(own_world):
    w, db = own_world
    t = w.client("token_a")
    case = {"text": "国道边上摆摊卖西瓜", "place": "孟轲乡"}
    assert t.post("/api/route", json=case).status_code == 200  # the token is cached as valid now
    out = _run("token", "revoke", "热线A", "--db", db)
    assert out.exit_code == 0 and "已停用接口令牌“热线A”" in out.output
    # the CLI ran in this process, so the cache entry is gone at once (other processes: ≤ 5 s)
    r = t.post("/api/route", json=case)
    body = r.json()
    assert r.status_code == 401 and body["ok"] is False
    assert "热线A" in body["error"] and "已于" in body["error"] and "停用" in body["error"]
    # an unknown token still gets the generic answer (nothing says which names exist)
    r = w.client().post("/api/route", json=case, headers={"authorization": "Bearer zf_nonsense"})
    assert r.status_code == 401 and "停用" not in r.json()["error"]
    # the other token works; revoking twice or an unknown name is an input error
    assert w.client("token_b").post("/api/route", json=case).status_code == 200
    with w.reg.db.read() as s:
        assert "token.revoke" in set(s.scalars(select(AuditEntry.action)))


def test_revoke_reaches_other_processes_after_the_cache_time(sqlite_world, monkeypatch):
    """A revocation made elsewhere (another worker, the CLI on another machine) is seen once the
    cached lookup is older than TOKEN_CACHE_SECONDS."""
    db = sqlite_world.reg.db
    new = auth.add_token(db, sqlite_world.reg.router.catalog, "缓存测试", body="岳村镇")
    assert auth.token_actor(db, new.token).body == "岳村镇人民政府"
    auth.revoke_token(db, "缓存测试")
    auth._token_cache[auth.digest(new.token)] = (0.0, auth.Actor("token", "x", "x", "岳村镇人民政府", "api"), None)
    clock = [1.0]
    monkeypatch.setattr(auth.time, "monotonic", lambda: clock[0])
    assert auth.token_actor(db, new.token) is not None  # still cached (1 s old)
    clock[0] = 1.0 + auth.TOKEN_CACHE_SECONDS
    try:
        auth.token_actor(db, new.token)
    except auth.TokenRevoked as exc:
        assert exc.name == "缓存测试"
    else:
        raise AssertionError("the revoked token was accepted after the cache time")


def test_token_list_and_revoke_errors(own_world):
    w, db = own_world
    _run("token", "revoke", "热线B", "--db", db)
    listing = json.loads(_run("token", "list", "--json", "--db", db).output)
    by_name = {t["name"]: t for t in listing}
    assert set(by_name) == {"热线A", "热线B"}
    assert by_name["热线A"]["revoked_at"] is None and by_name["热线B"]["revoked_at"]
    assert by_name["热线A"]["body"] == "孟轲乡人民政府" and by_name["热线A"]["prefix"].startswith("zf_")
    assert all(w.tokens["token_a"] not in json.dumps(t) for t in listing)  # never the token itself
    text = _run("token", "list", "--db", db).output
    assert "热线A" in text and "有效" in text and "已停用" in text
    with pytest.raises(InputError, match="已于"):
        _run("token", "revoke", "热线B", "--db", db)
    with pytest.raises(InputError, match="没有名为"):
        _run("token", "revoke", "没有这个", "--db", db)


def test_user_passwd_from_the_cli_ends_sessions(own_world):
    w, db = own_world
    c = w.client("clerk_a")
    assert c.get("/", follow_redirects=False).status_code == 200
    out = _run("user", "passwd", "mk", "--password-stdin", "--db", db, stdin=NEW_PASSWORD + "\n")
    assert out.exit_code == 0 and "结束会话 1 个" in out.output
    r = c.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    fresh = w.client()
    token = csrf_of(fresh)
    assert fresh.post("/login", data={"login": "mk", "password": PASSWORD, "csrftoken": token}).status_code == 401
    login(fresh, "mk", NEW_PASSWORD)
    with pytest.raises(InputError, match="没有登录名"):
        _run("user", "passwd", "nobody", "--password-stdin", "--db", db, stdin=NEW_PASSWORD + "\n")


def test_change_own_password_page(own_world):
    w, db = own_world
    here, elsewhere = w.client("clerk_d"), w.client("clerk_d")
    page = here.get("/account/password")
    assert page.status_code == 200 and "原密码" in page.text
    token = csrf_of(here, "/account/password")
    form = {"old": PASSWORD, "new": NEW_PASSWORD, "repeat": NEW_PASSWORD}
    # no CSRF token: refused before anything is checked
    assert here.post("/account/password", data=form).status_code == 403
    # the old password is required
    r = here.post("/account/password", data=form | {"old": "wrong-password-x", "csrftoken": token})
    assert r.status_code == 422 and "原密码不正确" in r.text
    r = here.post("/account/password", data=form | {"repeat": "something-else-1", "csrftoken": token})
    assert r.status_code == 422 and "不一致" in r.text
    r = here.post("/account/password", data=form | {"new": "short", "repeat": "short", "csrftoken": token})
    assert r.status_code == 422 and "至少 10 个字符" in r.text
    r = here.post("/account/password", data=form | {"csrftoken": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/account/password?done=1"
    assert "密码已修改" in here.get("/account/password?done=1").text
    # this session stays, the other one (another computer) ends
    assert here.get("/", follow_redirects=False).status_code == 200
    assert elsewhere.get("/", follow_redirects=False).status_code == 303
    login(w.client(), "jt", NEW_PASSWORD)
    with w.reg.db.read() as s:
        rows = s.execute(select(AuditEntry.actor, AuditEntry.action, AuditEntry.detail)
                         .where(AuditEntry.action.like("user.passwd%")).order_by(AuditEntry.id)).all()
        live = s.scalar(select(WebSession.id).where(WebSession.revoked_at.is_(None)).limit(1))
    assert [(a, k) for a, k, _ in rows] == [("jt", "user.passwd.failed"), ("jt", "user.passwd")]
    assert "jt" in rows[-1][2] and live is not None
    assert NEW_PASSWORD not in str(rows)


def test_wrong_old_passwords_are_throttled(own_world):
    w, db = own_world
    c = w.client("clerk_b")
    token = csrf_of(c, "/account/password")
    form = {"new": NEW_PASSWORD, "repeat": NEW_PASSWORD, "csrftoken": token}
    for _ in range(5):
        r = c.post("/account/password", data=form | {"old": "guess-password-x"})
        assert r.status_code == 422 and "原密码不正确" in r.text
    # the right password is refused too until the window has passed
    r = c.post("/account/password", data=form | {"old": PASSWORD})
    assert r.status_code == 422 and "次数过多" in r.text
    login(w.client(), "yc")  # the password did not change
