"""Fixtures of the web tests: a register with a few bodies' users, tokens and cases, the app on
it, and clients acting as each kind of actor.

Tests run on SQLite always and on PostgreSQL when ZHIFA_TEST_PG names a server database (each
test module then gets a fresh database, dropped afterwards), as the register tests do."""
from __future__ import annotations

import itertools
import os
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from router.model.clock import CST
from router.register.register import Register
from router.register.services import add_event, register_case
from router.web import auth
from router.web.app import create_app
from router.web.settings import WebSettings

PG = os.environ.get("ZHIFA_TEST_PG")
PASSWORD = "correct-horse-battery"
SECRET = "test-secret-" + "x" * 40
_names = itertools.count()

# (key, login, body, role)
USERS = [
    ("clerk_a", "mk", "孟轲乡人民政府", "clerk"),          # receives the referral of case X
    ("clerk_b", "yc", "岳村镇人民政府", "clerk"),          # an unrelated township
    ("clerk_d", "jt", "华龙区交通运输局", "clerk"),        # found case X and referred it
    ("supervisor", "sfj", "华龙区司法局", "supervisor"),
    ("policy", "zc", "华龙区司法局", "policy"),
]


def _fresh_db(request, tmp_path_factory, kind: str):
    if kind == "sqlite":
        return str(tmp_path_factory.mktemp("web") / "register.sqlite3"), None
    engine, url = request.getfixturevalue("pg_admin")
    name = f"zhifa_w_{os.getpid()}_{next(_names)}_{uuid.uuid4().hex[:6]}"
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop():
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    return url.set(database=name).render_as_string(hide_password=False), drop


@dataclass
class World:
    reg: Register
    app: object
    db: str
    case_x: str       # found by 华龙区交通运输局, referred to 孟轲乡人民政府 (sent)
    case_y: str       # found by 岳村镇人民政府, handled there
    tokens: dict[str, str]

    def client(self, who: str | None = None, *, https: bool = False) -> TestClient:
        c = TestClient(self.app, base_url="https://127.0.0.1" if https else "http://127.0.0.1")
        if who in dict((u[0], u) for u in USERS):
            login(c, dict((u[0], u[1]) for u in USERS)[who])
        elif who in self.tokens:
            c.headers["authorization"] = f"Bearer {self.tokens[who]}"
        return c


def csrf_of(client: TestClient, path: str = "/login") -> str:
    page = client.get(path)
    m = re.search(r'name="csrftoken" value="([^"]+)"', page.text)
    assert m, f"no CSRF field on {path}"
    return m.group(1)


def login(client: TestClient, login_name: str, password: str = PASSWORD):
    token = csrf_of(client)
    r = client.post("/login", data={"login": login_name, "password": password, "csrftoken": token, "next": "/"},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    return r


def ago(**delta) -> str:
    """A Beijing time some while ago, as a clerk types it."""
    return (datetime.now(CST) - timedelta(**delta)).strftime("%Y-%m-%dT%H:%M")


def make_world(db: str, router, settings: WebSettings | None = None) -> World:
    reg = Register(db, router=router, user="测试")
    cat = router.catalog
    for _, login_name, body, role in USERS:
        auth.add_user(reg.db, cat, login_name, body=body, role=role, password=PASSWORD, name=login_name)
    tokens = {"token_a": auth.add_token(reg.db, cat, "热线A", body="孟轲乡人民政府").token,
              "token_b": auth.add_token(reg.db, cat, "热线B", body="岳村镇人民政府").token}
    x = register_case(reg, {"text": "国道边上摆摊卖西瓜，占了半条道（测试案件甲）", "place": "孟轲乡",
                            "reported_by": "华龙区交通运输局", "at": ago(days=2)}).number
    add_event(reg, x, "sent", by="华龙区交通运输局", at=ago(days=1))
    y = register_case(reg, {"text": "有货车在路口红绿灯旁边倒建筑垃圾，已经堆成堆了", "place": "岳村镇",
                            "reported_by": "岳村镇人民政府", "at": ago(days=2)}).number
    app = create_app(settings or WebSettings(db=db, secret=SECRET), register=reg)
    return World(reg, app, db, x, y, tokens)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request, tmp_path_factory, router):
    db, drop = _fresh_db(request, tmp_path_factory, request.param)
    w = make_world(db, router)
    yield w
    w.reg.close()
    if drop:
        drop()


@pytest.fixture(scope="module")
def sqlite_world(request, tmp_path_factory, router):
    db, _ = _fresh_db(request, tmp_path_factory, "sqlite")
    w = make_world(db, router)
    yield w
    w.reg.close()
