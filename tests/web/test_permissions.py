"""Every route of the app, tried as every kind of actor: the status, and that a clerk of another
body never sees the case's number or text. The routes are enumerated from the app: a route
without a row in MATRIX fails the test."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute
from starlette.routing import Mount, Route

from .conftest import csrf_of, ago

ACTORS = ("anon", "clerk_a", "clerk_b", "clerk_d", "supervisor", "policy", "token_a", "token_b")
LOGIN = "login"  # 303 to /login: a page that needs a login
# (method, path) -> expected status per actor, in the order of ACTORS. Case pages use case X:
# found by 华龙区交通运输局 (clerk_d), referred to 孟轲乡人民政府 (clerk_a, token_a); 岳村镇 (clerk_b,
# token_b) has nothing to do with it. Tokens send no cookie: on HTML pages they are anonymous;
# users' cookies are no credential for the API.
MATRIX: dict[tuple[str, str], tuple[int | str, ...]] = {
    ("GET", "/login"):                               (200, 200, 200, 200, 200, 200, 200, 200),
    ("POST", "/login"):                              (401, 401, 401, 401, 401, 401, 401, 401),
    ("POST", "/logout"):                             (LOGIN, 303, 303, 303, 303, 303, LOGIN, LOGIN),
    ("GET", "/account/password"):                    (LOGIN, 200, 200, 200, 200, 200, LOGIN, LOGIN),
    ("POST", "/account/password"):                   (LOGIN, 422, 422, 422, 422, 422, LOGIN, LOGIN),
    ("GET", "/"):                                    (LOGIN, 200, 200, 200, 303, 303, LOGIN, LOGIN),
    ("GET", "/route"):                               (LOGIN, 200, 200, 200, 200, 200, LOGIN, LOGIN),
    ("POST", "/route"):                              (LOGIN, 200, 200, 200, 200, 200, LOGIN, LOGIN),
    ("POST", "/cases"):                              (LOGIN, 303, 303, 303, 403, 403, LOGIN, LOGIN),
    ("GET", "/cases"):                               (LOGIN, 200, 200, 200, 200, 403, LOGIN, LOGIN),
    ("GET", "/cases/{number}"):                      (LOGIN, 200, 404, 200, 200, 403, LOGIN, LOGIN),
    ("POST", "/cases/{number}/events"):              (LOGIN, 303, 404, 303, 403, 403, LOGIN, LOGIN),
    ("POST", "/cases/{number}/decisions"):           (LOGIN, 403, 403, 403, 422, 403, LOGIN, LOGIN),
    ("GET", "/cases/{number}/letters/{kind}"):       (LOGIN, 404, 404, 200, 403, 403, LOGIN, LOGIN),
    ("GET", "/stats"):                               (LOGIN, 403, 403, 403, 200, 403, LOGIN, LOGIN),
    ("GET", "/stats.xlsx"):                          (LOGIN, 403, 403, 403, 200, 403, LOGIN, LOGIN),
    ("GET", "/catalog"):                             (LOGIN, 403, 403, 403, 200, 200, LOGIN, LOGIN),
    ("GET", "/catalog/diff"):                        (LOGIN, 403, 403, 403, 200, 200, LOGIN, LOGIN),
    ("POST", "/catalog/diff"):                       (LOGIN, 403, 403, 403, 422, 422, LOGIN, LOGIN),
    ("GET", "/healthz"):                             (200, 200, 200, 200, 200, 200, 200, 200),
    ("GET", "/api/openapi.json"):                    (200, 200, 200, 200, 200, 200, 200, 200),
    ("POST", "/api/route"):                          (401, 401, 401, 401, 401, 401, 200, 200),
    ("POST", "/api/route/batch"):                    (401, 401, 401, 401, 401, 401, 200, 200),
    ("POST", "/api/cases"):                          (401, 401, 401, 401, 401, 401, 201, 201),
    ("GET", "/api/cases/{number}"):                  (401, 401, 401, 401, 401, 401, 200, 404),
    ("POST", "/api/cases/{number}/events"):          (401, 401, 401, 401, 401, 401, 201, 404),
    ("GET", "/api/due"):                             (401, 401, 401, 401, 401, 401, 200, 200),
}
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def app_routes(app) -> set[tuple[str, str]]:
    out = set()
    for r in app.routes:
        if isinstance(r, Mount):
            continue  # /static: vendored files, public
        if isinstance(r, (APIRoute, Route)):
            for m in r.methods or ():
                if m != "HEAD":
                    out.add((m, r.path))
    return out


def test_every_route_has_a_row(sqlite_world):
    routes = app_routes(sqlite_world.app)
    missing = sorted(routes - set(MATRIX))
    assert not missing, f"routes without a permission row in MATRIX: {missing}"
    stale = sorted(set(MATRIX) - routes)
    assert not stale, f"rows for routes the app no longer has: {stale}"


def _request(w, client, actor, method, path):
    url = path.replace("{number}", quote(w.case_x)).replace("{kind}", "referral")
    kw = {"follow_redirects": False}
    if url.startswith("/api/"):
        bodies = {"/api/route": {"text": "国道边上摆摊卖西瓜", "place": "孟轲乡"},
                  "/api/route/batch": {"cases": [{"text": "国道边上摆摊卖西瓜", "place": "孟轲乡"}]},
                  "/api/cases": {"text": "村口空地被人晚上偷偷倒了生活垃圾", "place": "孟轲乡" if actor == "token_a" else "岳村镇",
                                 "at": ago(hours=3)}}
        if method == "POST":
            kw["json"] = bodies.get(url, {"kind": "received", "note": "矩阵测试"})
        return client.request(method, url, **kw)
    if method in UNSAFE:
        token = csrf_of(client, "/login")
        data = {"csrftoken": token}
        if url == "/login":
            data |= {"login": f"nobody-{actor}", "password": "wrong-password-x"}
        elif url == "/route":
            data |= {"text": "渣土车滴撒漏严重，路面全是泥沙", "place": "岳村镇", "reported_by": "岳村镇", "at": ago(hours=2)}
        elif url == "/cases":  # the reporter is the clerk's own body
            data |= {"text": "渣土车滴撒漏严重，路面全是泥沙", "place": "岳村镇", "at": ago(hours=2)}
        elif url.endswith("/events"):
            data |= {"kind": "received" if actor == "clerk_a" else "dissuaded", "note": "矩阵测试"}
        kw["data"] = data
    return client.request(method, url, **kw)


@pytest.mark.parametrize("actor", ACTORS)
def test_matrix(world, actor):
    client = world.client(None if actor == "anon" else actor)
    wrong = []
    for (method, path), expected in MATRIX.items():
        want = expected[ACTORS.index(actor)]
        r = _request(world, client, actor, method, path)
        got = r.status_code
        if got == 303 and r.headers["location"].startswith("/login?next="):
            got = LOGIN
        if got != want:
            wrong.append(f"{method} {path}: {got}, expected {want}: {r.text[:200]}")
        if actor in ("clerk_b", "token_b"):
            assert world.case_x not in r.text and "测试案件甲" not in r.text, \
                f"{actor} saw case X on {method} {path}"
        if method == "POST" and path == "/logout" and r.status_code == 303 and actor != "anon":
            client = world.client(actor)  # logged out: log in again for the remaining rows
    assert not wrong, "\n".join(wrong)


def test_other_bodies_lists_omit_the_case(world):
    """The inbox, case list and due list of an unrelated body do not name case X; the receiving
    body's do."""
    b, a = world.client("clerk_b"), world.client("clerk_a")
    for path in ("/", "/cases", f"/cases?q={quote(world.case_x[:3])}"):
        assert world.case_x not in b.get(path).text
    assert world.case_x in a.get("/").text
    due_b = world.client("token_b").get("/api/due").json()
    assert world.case_x not in str(due_b)
    assert world.case_x in str(world.client("token_a").get("/api/due").json())


def test_out_of_scope_is_indistinguishable_from_missing(world):
    """A case of another body answers exactly like a case that does not exist (404, same body)."""
    b = world.client("clerk_b")
    missing = "不存在〔2026〕第999号"
    page = lambda n: re.sub(r"<footer>.*</footer>", "", b.get(f"/cases/{quote(n)}").text)  # noqa: E731
    assert page(world.case_x) == page(missing)
    t = world.client("token_b")
    one, two = t.get(f"/api/cases/{quote(world.case_x)}"), t.get(f"/api/cases/{quote(missing)}")
    assert (one.status_code, one.json()) == (two.status_code, two.json()) == (404, two.json())
