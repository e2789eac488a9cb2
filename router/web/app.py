"""The web application: create_app(settings) builds everything (no globals at import), used by
`zhifa serve`, the tests and the benchmark alike.

HTML pages (server-rendered Jinja2, Chinese, htmx for small enhancements) authenticate with a
session cookie; the JSON API under /api authenticates only with `Authorization: Bearer <token>`
and never reads cookies. CSRF: asgi-csrf (signed double-submit token, a form field or the
X-CSRFToken header) on every unsafe request with cookies, the login form included; requests a
browser marks as cross-site (Sec-Fetch-Site) are refused before that.
"""
from __future__ import annotations

import copy
import io
import logging
import tempfile
import threading
import time
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import orjson
from asgi_csrf import asgi_csrf
from fastapi import Depends, FastAPI, Form, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from openpyxl import load_workbook
from starlette.middleware.sessions import SessionMiddleware

from router.decide.case import EVENTS
from router.letters import letter_kinds
from router.model.clock import CST
from router.model.errors import InputError, ZhifaError
from router.register.kinds import EVENT_KINDS
from router.register.letters import applicable, draft_case_letter
from router.register.models import Case, Event, Meta
from router.register.register import Register
from router.policy.listing import list_catalog
from router.register.services import add_event, register_case, show_case
from router.register.stats import stats, write_xlsx

from . import auth, catalogdiff, pages
from .catalogdiff import BodyLimit
from .access import PERMISSIONS, Actor, NotVisible, find_case, sync_parties
from .settings import WebSettings
from .supervision import steps_for

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "zhifa_session"
FULL_SYNC_EVERY = 60.0
log = logging.getLogger("zhifa.web")


# ---- errors ---------------------------------------------------------------------------------------
class LoginRequired(Exception):
    pass


class Forbidden(Exception):
    def __init__(self, permission: str):
        super().__init__(permission)
        self.permission = permission


class ApiError(Exception):
    def __init__(self, status: int, message: str, errors: list[dict] | None = None):
        super().__init__(message)
        self.status, self.message, self.errors = status, message, errors or []


def envelope_error(status: int, message: str, errors: list[dict] | None = None) -> JSONResponse:
    """The one error shape of the API: {ok: false, error, errors, status}."""
    return JSONResponse({"ok": False, "error": message, "errors": errors or [], "status": status}, status_code=status)


class FastJSON(JSONResponse):
    """JSON via orjson (the register's serialiser): the route result is a few kB per case."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def ok(data: dict[str, Any] | None = None, status: int = 200) -> JSONResponse:
    return FastJSON({"ok": True, **(data or {})}, status_code=status)


# ---- API schemas (input and output apart from the tables) -----------------------------------------
class CaseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="违法行为描述（中文），与 matter 二选一", max_length=4000)
    matter: list[str] | str | None = Field(None, description="直接指定事项编号，如 JT-03")
    place: str = Field(..., description="发生地：乡镇街道名称或简称", max_length=120)
    reported_by: str | None = Field(None, description="上报单位；省略时为令牌所属单位", max_length=120)
    at: str | None = Field(None, description="发现或受理时间，ISO 格式，无时区按北京时间；省略为现在")
    channel: str | None = Field(None, description="inspection 执法检查（默认）/ complaint 投诉举报")
    urgent: bool = False
    ongoing: bool = False
    suspected_crime: bool = False
    events: list[str] = Field(default_factory=list, description="事件，同 zhifa route --event")
    id: str | None = Field(None, description="外部编号（如 12345 工单号）：同一令牌的同一编号只登记一次", max_length=200)

    def raw(self) -> dict[str, Any]:
        return {k: v for k, v in self.model_dump().items() if v not in (None, [], False)}


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cases: list[CaseIn]


class EventIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str = Field(..., description="事件类型：" + " ".join(k for k in EVENT_KINDS if k not in ("found", "document")))
    at: str | None = Field(None, description="发生时间（默认现在）")
    note: str | None = Field(None, max_length=2000)
    reason: str | None = Field(None, max_length=2000, description="refused、returned 必填")
    supersedes: int | None = Field(None, description="更正：被本事件取代的事件序号")


# ---- the app ------------------------------------------------------------------------------------------
class Service:
    """What the routes share: the register, the router lock, the templates."""

    def __init__(self, settings: WebSettings, register: Register):
        self.settings = settings
        self.reg = register
        self.lock = threading.Lock()  # the rule engine is not shared between threads
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        # compiled once: templates ship with the package (no stat of the file on every render)
        self.templates.env.auto_reload = False
        self.templates.env.globals.update(local=pages.local, kinds=EVENT_KINDS, plain=pages.plain)
        self._last_full = 0.0
        self._synced_upto: int | None = None
        self._inboxes: dict[tuple, tuple[tuple, float, pages.Inbox]] = {}
        catalog = register.router.catalog
        self.places = [(t.name, t.body, t.aliases) for t in catalog.townships.values()]
        self.reporters = ([(t.body, t.name, t.aliases) for t in catalog.townships.values()]
                          + [(d.name, d.field, d.aliases) for d in catalog.departments.values()])
        self.letter_names = letter_kinds()
        # what the route form offers (places, reporters, matters, events): the same on every page
        matters = [(m.id, m.name) for m in catalog.matters.values()]
        self.templates.env.globals.update(places=self.places, reporters=self.reporters, matters=matters,
                                          matter_names=dict(matters), input_events=_input_events())

    @property
    def catalog(self):
        return self.reg.router.catalog

    def as_actor(self, actor: Actor) -> Register:
        """The register acting for this user: its events record them (a shallow copy shares the
        database, router and caches)."""
        r = copy.copy(self.reg)
        r.user = actor.label
        return r

    def sync(self) -> None:
        now = time.monotonic()
        full = now - self._last_full > FULL_SYNC_EVERY
        if full:
            self._last_full = now
        sync_parties(self.reg.db, full=full)

    def state(self) -> tuple:
        """What every derived view depends on, in one round trip: the newest case and event ids
        and the basis of the stored duties (rewritten without new events only by a catalog or
        rules change, which records a new basis)."""
        with self.reg.db.read() as s:
            return tuple(s.execute(select(select(func.max(Case.id)).scalar_subquery(),
                                          select(func.max(Event.id)).scalar_subquery(),
                                          select(Meta.value).where(Meta.key == "duties_basis").scalar_subquery())).one())

    def inbox(self, actor: Actor) -> "pages.Inbox":
        """The inbox of the actor's body, reused while the register is unchanged (same state())
        for at most settings.inbox_cache_seconds: a body with 10,000 cases costs ~20 ms of
        database time to sort out, the state check one indexed round trip. Within that time a
        duty can pass its deadline unnoticed and countdowns can be as many seconds old; any
        case or event written by any process shows at once. 0 turns the reuse off."""
        ttl = self.settings.inbox_cache_seconds
        rows, soon = self.settings.page_rows, self.settings.due_soon_days
        if ttl <= 0:
            self.sync()
            return pages.inbox(self.reg, actor, soon_days=soon, rows=rows)
        state = self.state()
        if state[0] != self._synced_upto or time.monotonic() - self._last_full > FULL_SYNC_EVERY:
            self.sync()
            self._synced_upto = state[0]
        key = (actor.body, soon, rows)
        clock = time.monotonic()
        hit = self._inboxes.get(key)
        if hit is not None and hit[0] == state and clock - hit[1] < ttl:
            return hit[2]
        box = pages.inbox(self.reg, actor, soon_days=soon, rows=rows)
        if len(self._inboxes) > 256:
            self._inboxes.clear()
        self._inboxes[key] = (state, clock, box)
        return box

    def route(self, raw: dict) -> dict:
        with self.lock:
            return self.reg.router.route(raw)

    def route_safe(self, raw: dict) -> dict:
        with self.lock:
            return self.reg.router.route_safe(raw)


def create_app(settings: WebSettings, *, register: Register | None = None) -> FastAPI:
    settings = settings.with_secret()
    reg = register or Register(settings.db, catalog_root=settings.catalog, user="web")
    svc = Service(settings, reg)
    svc.sync()
    app = FastAPI(title="zhifa 执法协作接口", version="1.0",
                  description="华龙区区直执法部门与乡镇街道协调协作（华龙法政办〔2021〕13号）：路由、登记、事件、待办。"
                              "认证：Authorization: Bearer <令牌>（zhifa token add 生成）。",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.svc = svc
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _install_errors(app, svc)
    _html_routes(app, svc)
    _api_routes(app, svc)
    app.add_middleware(SessionMiddleware, secret_key=settings.secret, session_cookie=SESSION_COOKIE,
                       max_age=int(settings.session_hours * 3600), same_site="lax", https_only=settings.https)
    app.add_middleware(CSRFMiddleware, signing_secret=settings.secret, always_protect={"/login"},
                       cookie_secure=settings.https,
                       send_csrf_failed=_csrf_failed)
    app.add_middleware(GuardMiddleware)
    app.add_middleware(BodyLimit, paths=("/catalog/diff",))
    return app


class CSRFMiddleware:
    """asgi-csrf as a Starlette middleware class.

    Multipart bodies (the catalog preview's upload) carry the token in the X-CSRFToken header,
    which asgi-csrf checks first. Without a matching header asgi-csrf 0.11 goes on to parse the
    multipart body with an API python-multipart no longer has (TypeError): that request was not
    validated, so it is answered as a CSRF failure instead of a server error."""

    def __init__(self, app, **options):
        self.app = app
        self.inner = asgi_csrf(app, **options)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            # The API reads no cookie (Bearer tokens only): no CSRF check, and no CSRF cookie,
            # which asgi-csrf would otherwise make and sign on every call (skip_if_scope skips the
            # check only) — 16 random.choice calls and an HMAC per hotline request.
            return await self.app(scope, receive, send)
        if scope["type"] != "http" or not _is_multipart(scope):
            return await self.inner(scope, receive, send)
        started = False

        async def watch(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)
        try:
            await self.inner(scope, receive, watch)
        except TypeError:
            if started:
                raise
            await _csrf_failed(scope, send, None)


def _is_multipart(scope) -> bool:
    return dict(scope.get("headers") or []).get(b"content-type", b"").startswith(b"multipart/form-data")


class GuardMiddleware:
    """Refuse unsafe requests a browser marks cross-site; add the security headers."""

    HEADERS = [(b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"same-origin"),
               (b"content-security-policy",
                b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                b"frame-ancestors 'none'; form-action 'self'; base-uri 'none'")]

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        if scope["method"] not in ("GET", "HEAD", "OPTIONS") and headers.get(b"sec-fetch-site") == b"cross-site":
            await _send_plain(send, 403, "跨站提交已拒绝（CSRF 防护）。请从本系统的页面提交。")
            return

        async def add_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + self.HEADERS
            await send(message)
        await self.app(scope, receive, add_headers)


async def _send_plain(send, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def _csrf_failed(scope, send, message_id) -> None:
    await _send_plain(send, 403, "表单已过期或来源不明（CSRF 校验未通过）。请返回上一页，刷新后重新提交。")


# ---- authentication dependencies --------------------------------------------------------------------
def _address(request: Request) -> str:
    return request.client.host if request.client else ""


def current_actor(request: Request) -> Actor | None:
    svc: Service = request.app.state.svc
    key = request.session.get("sid")
    user = auth.session_user(svc.reg.db, key)
    if user is None:
        if key:
            request.session.clear()
        return None
    return auth.actor_of(user)


def page(permission: str | None):
    """Dependency: the logged-in actor holding `permission` (None: any logged-in actor)."""
    if permission is not None and permission not in PERMISSIONS:
        raise KeyError(permission)

    def dep(request: Request) -> Actor:
        actor = current_actor(request)
        if actor is None:
            raise LoginRequired()
        if permission is not None and not actor.can(permission):
            raise Forbidden(permission)
        return actor
    return dep


def api(permission: str):
    if permission not in PERMISSIONS:
        raise KeyError(permission)

    async def dep(request: Request) -> Actor:  # async: no thread hop (lookups are cached, auth.token_actor)
        svc: Service = request.app.state.svc
        header = request.headers.get("authorization", "")
        raw = header[7:].strip() if header.lower().startswith("bearer ") else None
        try:
            actor = auth.token_actor(svc.reg.db, raw)
        except auth.TokenRevoked as exc:
            raise ApiError(401, f"接口令牌“{exc.name}”已于 {exc.at.astimezone(CST):%Y-%m-%d %H:%M} 停用，"
                                "请向管理员申请新的令牌（zhifa token add）")
        if actor is None:
            raise ApiError(401, "缺少或无效的接口令牌：请在请求头写 Authorization: Bearer <令牌>（zhifa token add 生成）")
        if not actor.can(permission):
            raise ApiError(403, f"该令牌无权{PERMISSIONS[permission]}")
        return actor
    return dep


def _install_errors(app: FastAPI, svc: Service) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden):
        actor = current_actor(request)
        return svc.templates.TemplateResponse(request, "error.html", _base(request, actor) | {
            "title": "无权访问", "message": f"您的账号（{actor.role_label if actor else ''}）无权{PERMISSIONS[exc.permission]}。"
                                          "如需此项权限，请联系本单位管理员。"}, status_code=403)

    @app.exception_handler(NotVisible)
    async def not_visible(request: Request, exc: NotVisible):
        if request.url.path.startswith("/api/"):
            return envelope_error(404, "未找到该案件，或该案件不涉及本单位（请核对案件编号）")
        actor = current_actor(request)
        return svc.templates.TemplateResponse(request, "error.html", _base(request, actor) | {
            "title": "未找到案件", "message": "未找到该案件，或该案件不涉及本单位。请核对案件编号。"},
            status_code=404)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return envelope_error(exc.status, exc.message, exc.errors)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = [{"field": ".".join(str(p) for p in e["loc"][1:]), "error": e["msg"]} for e in exc.errors()]
        if request.url.path.startswith("/api/"):
            return envelope_error(422, "请求内容有误：" + "；".join(f"{e['field']} {e['error']}" for e in errors), errors)
        return HTMLResponse("请求内容有误：" + "；".join(f"{e['field']} {e['error']}" for e in errors), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = {404: "没有这个页面", 405: "不支持此请求方式"}.get(exc.status_code, str(exc.detail))
        if request.url.path.startswith("/api/"):
            return envelope_error(exc.status_code, message)
        return HTMLResponse(f"<!doctype html><meta charset=utf-8><title>{exc.status_code}</title>"
                            f"<p>{message}。<a href='/'>返回首页</a></p>", status_code=exc.status_code)


def _base(request: Request, actor: Actor | None) -> dict[str, Any]:
    token = request.scope.get("csrftoken")
    return {"actor": actor, "nav": actor.nav() if actor else [], "path": request.url.path,
            "csrf": token() if token else "", "now": datetime.now(CST)}


def render(svc: Service, request: Request, actor: Actor | None, template: str, status: int = 200, **ctx):
    return svc.templates.TemplateResponse(request, template, _base(request, actor) | ctx, status_code=status)


# ---- HTML pages -------------------------------------------------------------------------------------
def _form_case(form: dict[str, Any]) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for key in ("text", "place", "reported_by", "at", "matter"):
        value = (form.get(key) or "").strip()
        if value:
            raw[key] = value
    if form.get("channel") == "complaint":
        raw["channel"] = "complaint"
    for flag in ("urgent", "ongoing", "suspected_crime"):
        if form.get(flag):
            raw[flag] = True
    events = [e for e in form.get("events", []) if e]
    if events:
        raw["events"] = events
    return raw


async def _form(request: Request) -> dict[str, Any]:
    data = await request.form()
    out: dict[str, Any] = {k: v for k, v in data.items() if isinstance(v, str)}
    out["events"] = [v for v in data.getlist("events") if isinstance(v, str)]
    return out


def _own_body(svc: Service, actor: Actor, raw: dict[str, Any]) -> dict[str, Any]:
    """A clerk or token registers only what its own body found or received."""
    given = raw.get("reported_by")
    if not given:
        return raw | {"reported_by": actor.body}
    name = svc.catalog.resolve_reporter(given).name
    if name != actor.body:
        raise InputError(f"只能登记本单位（{actor.body}）发现或受理的案件；“{given}”是{name}",
                         field="reported_by", value=given)
    return raw


def _html_routes(app: FastAPI, svc: Service) -> None:
    opts = {"include_in_schema": False, "response_class": HTMLResponse}

    @app.get("/login", **opts)
    def login_form(request: Request, next: str = "/"):
        return render(svc, request, current_actor(request), "login.html", next=_safe_next(next), error=None,
                      demo=svc.settings.demo_logins, login="")

    @app.post("/login", **opts)
    def login(request: Request, login: Annotated[str, Form()] = "", password: Annotated[str, Form()] = "",
              next: Annotated[str, Form()] = "/"):
        try:
            user = auth.authenticate(svc.reg.db, svc.settings, login, password, _address(request))
        except auth.LoginRefused as exc:
            return render(svc, request, None, "login.html", status=429 if exc.throttled else 401,
                          next=_safe_next(next), error=str(exc), demo=svc.settings.demo_logins, login=login)
        request.session.clear()
        request.session["sid"] = auth.open_session(svc.reg.db, user, _address(request), svc.settings.session_hours)
        return RedirectResponse(_safe_next(next), status_code=303)

    @app.post("/logout", **opts)
    def logout(request: Request, actor: Annotated[Actor, Depends(page(None))]):
        auth.close_session(svc.reg.db, request.session.get("sid"), actor, _address(request))
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    @app.get("/account/password", **opts)
    def password_form(request: Request, actor: Annotated[Actor, Depends(page(None))], done: int = 0):
        return render(svc, request, actor, "password.html", error=None, done=done)

    @app.post("/account/password", **opts)
    def password_change(request: Request, actor: Annotated[Actor, Depends(page(None))],
                        old: Annotated[str, Form(max_length=200)] = "", new: Annotated[str, Form(max_length=200)] = "",
                        repeat: Annotated[str, Form(max_length=200)] = ""):
        try:
            auth.change_own_password(svc.reg.db, actor, old, new, repeat, session_key=request.session.get("sid"),
                                     address=_address(request), settings=svc.settings)
        except ZhifaError as exc:
            return render(svc, request, actor, "password.html", status=422, error=str(exc), done=0)
        return RedirectResponse("/account/password?done=1", status_code=303)

    @app.get("/", **opts)
    def home(request: Request, actor: Annotated[Actor, Depends(page(None))]):
        if not actor.can("case.view"):
            return RedirectResponse(actor.nav()[0][0] if actor.nav() else "/login", status_code=303)
        if actor.sees_all:
            return RedirectResponse("/cases", status_code=303)
        return render(svc, request, actor, "inbox.html", inbox=svc.inbox(actor))

    @app.get("/route", **opts)
    def route_form(request: Request, actor: Annotated[Actor, Depends(page("route.use"))]):
        now = datetime.now(CST).strftime("%Y-%m-%dT%H:%M")
        form = {"reported_by": actor.body if actor.can("case.register") else "", "at": now, "events": []}
        return render(svc, request, actor, "route.html", form=form, result=None, error=None)

    @app.post("/route", **opts)
    async def route_case(request: Request, actor: Annotated[Actor, Depends(page("route.use"))]):
        form = await _form(request)
        raw = _form_case(form)
        result, error = None, None
        try:
            result = pages.decision_view(await _in_thread(svc.route, raw))
        except ZhifaError as exc:
            error = str(exc)
        fragment = request.headers.get("hx-request") == "true"
        return render(svc, request, actor, "_decision.html" if fragment else "route.html",
                      status=200 if error is None else 422, form=form | {"events": form["events"]}, result=result,
                      error=error, raw=raw)

    @app.post("/cases", **opts)
    async def register(request: Request, actor: Annotated[Actor, Depends(page("case.register"))]):
        form = await _form(request)
        raw = _form_case(form)
        try:
            raw = _own_body(svc, actor, raw)
            out = await _in_thread(_register, svc, actor, raw)
        except ZhifaError as exc:
            return render(svc, request, actor, "route.html", status=422, form=form, result=None, error=str(exc))
        svc.sync()
        return RedirectResponse(f"/cases/{quote(out.number)}?registered=1", status_code=303)

    @app.get("/cases", **opts)
    def case_list(request: Request, actor: Annotated[Actor, Depends(page("case.view"))], q: str = "",
                  p: Annotated[int, Query(ge=1, le=100000)] = 1):
        svc.sync()
        with svc.reg.db.read() as s:
            rows = pages.recent_cases(s, actor, rows=svc.settings.page_rows, query=q,
                                      offset=(p - 1) * svc.settings.page_rows)
        return render(svc, request, actor, "cases.html", rows=rows, q=q, p=p, more=len(rows) == svc.settings.page_rows)

    @app.get("/cases/{number}", **opts)
    def case_page(request: Request, number: str, actor: Annotated[Actor, Depends(page("case.view"))],
                  registered: int = 0, error: str = ""):
        svc.sync()
        with svc.reg.db.read() as s:
            cv = pages.case_view(svc.reg, s, actor, number)
        plans = applicable(svc.reg, cv.view["case"]) if actor.can("case.act") else {}
        cv.letters = [(k, svc.letter_names[k]) for k, ps in plans.items()
                      if any(p.sender == actor.body for p in ps)]
        return render(svc, request, actor, "case.html", cv=cv, registered=registered, error=error,
                      steps=steps_for(actor, cv.view["events"]))

    @app.post("/cases/{number}/decisions", **opts)
    async def case_decision(request: Request, number: str, actor: Annotated[Actor, Depends(page("case.supervise"))]):
        """A supervising body's own step on a case (router/web/supervision.py), e.g. 区政府's
        decision of a jurisdiction dispute (四（五））, recorded as the register's event."""
        form = await _form(request)
        with svc.reg.db.read() as s:
            find_case(s, actor, number)
        view = await _in_thread(show_case, svc.reg, number)
        kind = form.get("kind", "")
        step = next((st for st in steps_for(actor, view["events"]) if st.kind == kind), None)
        note = (form.get("note") or "").strip()
        try:
            if step is None:
                raise InputError(f"{actor.body}在本案件中没有可记录的“{EVENT_KINDS.get(kind, kind)}”"
                                 "（区政府只在一方提请决定管辖争议后记录决定，四（五））")
            if not step.recordable:
                raise InputError(f"台账尚不能记录“{step.name}”：需要更新台账程序后才能在此记录")
            if not note:
                raise InputError(f"请填写{step.note_label}")
            await _in_thread(add_event, svc.as_actor(actor), number, kind, by=actor.body,
                             at=(form.get("at") or "").strip() or None, note=note[:2000])
        except ZhifaError as exc:
            return render(svc, request, actor, "error.html", status=422, title="未能记录", message=str(exc))
        return RedirectResponse(f"/cases/{quote(number)}#supervision", status_code=303)

    @app.post("/cases/{number}/events", **opts)
    async def case_event(request: Request, number: str, actor: Annotated[Actor, Depends(page("case.act"))]):
        form = await _form(request)
        with svc.reg.db.read() as s:
            find_case(s, actor, number)
        kind = form.get("kind", "")
        at = (form.get("at") or "").strip() or None
        try:
            if kind not in EVENT_KINDS or kind in ("found", "document"):
                raise InputError(f"不能在此登记事件“{kind}”")
            await _in_thread(add_event, svc.as_actor(actor), number, kind, by=actor.body, at=at,
                             note=(form.get("note") or "").strip() or None,
                             reason=(form.get("reason") or "").strip() or None)
        except ZhifaError as exc:
            return RedirectResponse(f"/cases/{quote(number)}?error={quote(str(exc))}#actions", status_code=303)
        return RedirectResponse(f"/cases/{quote(number)}", status_code=303)

    @app.get("/cases/{number}/letters/{kind}", **{**opts, "response_class": Response})
    def letter(request: Request, number: str, kind: str, actor: Annotated[Actor, Depends(page("case.act"))]):
        """The letter drafted by the register (router.register.letters: the same kinds, names,
        gapless 发文字号 and `document` event as `zhifa case letter`), sent as a download."""
        with svc.reg.db.read() as s:
            find_case(s, actor, number)
        plans = applicable(svc.reg, number)
        if not any(p.sender == actor.body for p in plans.get(kind, ())):
            return render(svc, request, actor, "error.html", status=404, title="没有这份文书",
                          message="本案件不需要这份文书，或它不由本单位发出。")
        name = svc.letter_names[kind]
        with tempfile.TemporaryDirectory(prefix="zhifa-letter-") as tmp, svc.lock:
            out = Path(tmp) / "letter.docx"
            draft_case_letter(svc.as_actor(actor), number, kind, out, by=actor.body)
            content = out.read_bytes()
        filename = f"{number}-{name}.docx"
        return Response(content, media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})

    @app.get("/stats", **opts)
    def stats_page(request: Request, actor: Annotated[Actor, Depends(page("stats.view"))],
                   year: Annotated[int | None, Query(ge=2020, le=2100)] = None, body: str = ""):
        year = year or datetime.now(CST).year
        try:
            sv = pages.stats_view(svc.reg, year, body or None)
        except ZhifaError as exc:
            return render(svc, request, actor, "error.html", status=422, title="统计条件有误", message=str(exc))
        chart = pages.bar_chart(sv.months, (("sent", "移送", "#2563eb"), ("on_time", "按期移送", "#16a34a"),
                                            ("overdue", "逾期义务", "#dc2626"), ("feedback", "反馈", "#9333ea")))
        return render(svc, request, actor, "stats.html", sv=sv, chart=chart, bodies=svc.reporters)

    @app.get("/stats.xlsx", **{**opts, "response_class": Response})
    def stats_xlsx(request: Request, actor: Annotated[Actor, Depends(page("stats.view"))],
                   year: Annotated[int | None, Query(ge=2020, le=2100)] = None, body: str = ""):
        year = year or datetime.now(CST).year
        content = _stats_workbook(svc, year, body or None)
        filename = f"协作配合统计-{year}{'-' + body if body else ''}.xlsx"
        return Response(content, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})

    @app.get("/catalog", **opts)
    def catalog_page(request: Request, actor: Annotated[Actor, Depends(page("catalog.view"))],
                     as_of: str = "", body: str = ""):
        error, listing = None, None
        try:
            listing = list_catalog(svc.catalog, as_of=as_of or None, body=body or None)
        except ZhifaError as exc:
            error = str(exc)
        return render(svc, request, actor, "catalog.html", listing=listing, error=error, as_of=as_of, body=body,
                      bodies=svc.reporters)

    @app.get("/catalog/diff", **opts)
    def catalog_diff_form(request: Request, actor: Annotated[Actor, Depends(page("catalog.view"))]):
        return render(svc, request, actor, "catalog_diff.html", pv=None, error=None, as_of="",
                      limits=_preview_limits())

    @app.post("/catalog/diff", **opts)
    async def catalog_diff(request: Request, actor: Annotated[Actor, Depends(page("catalog.view"))]):
        # htmx swaps only 2xx answers: a refused upload is 422 to other clients, 200 to htmx
        refused = 200 if request.headers.get("hx-request") == "true" else 422
        files, as_of = [], ""
        try:
            async with request.form(max_files=catalogdiff.MAX_FILES, max_fields=10, max_part_size=64 * 1024) as form:
                for item in form.getlist("files"):
                    if hasattr(item, "read"):
                        data = await item.read(catalogdiff.MAX_FILE_BYTES + 1)
                        files.append((item.filename or "", data))
                as_of = str(form.get("as_of") or "").strip()
        except StarletteHTTPException:  # the multipart parser's limits (its message is English)
            return render(svc, request, actor, "catalog_diff.html", status=refused if refused == 200 else 400,
                          pv=None, as_of="", limits=_preview_limits(),
                          error=f"上传的内容无法读取：{_preview_limits()}，表单不得有多余的项")
        try:
            pv = await _in_thread(catalogdiff.preview, files, root=svc.settings.catalog, as_of=as_of or None)
        except ZhifaError as exc:
            return render(svc, request, actor, "catalog_diff.html", status=refused, pv=None, error=str(exc),
                          as_of=as_of, limits=_preview_limits())
        return render(svc, request, actor, "catalog_diff.html", status=200 if not pv.problems else refused, pv=pv,
                      error=None, as_of=as_of, limits=_preview_limits())

    @app.get("/healthz", include_in_schema=False)
    def healthz():
        return {"ok": True}


def _preview_limits() -> str:
    return (f"每个文件不超过 {catalogdiff.MAX_FILE_BYTES // 1024 // 1024} MB，"
            f"一次最多 {catalogdiff.MAX_FILES} 个")


def _input_events() -> list[tuple[str, str]]:
    labels = {"written_materials": "投诉人提交了书面材料", "verified_no_violation": "初步核实无违法",
              "dispute_unresolved": "管辖争议协商不成", "notified_refused": "接到通知的部门拒不处理",
              "enforcement_error": "发现乡镇执法错误", "major_lead": "重大案件线索", "major_hazard": "重大治安安全隐患"}
    return [(e, labels.get(e, e)) for e in EVENTS]


async def _in_thread(fn, *args, **kwargs):
    return await run_in_threadpool(fn, *args, **kwargs)


def _register(svc: Service, actor: Actor, raw: dict, source: str = "web", external_id: str | None = None):
    with svc.lock:
        return register_case(svc.as_actor(actor), raw, source=source, external_id=external_id)


def _safe_next(value: str) -> str:
    """Only a path on this site (no //host or scheme): no open redirect after login."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


def _stats_workbook(svc: Service, year: int, body: str | None) -> bytes:
    whole = stats(svc.reg, date(year, 1, 1), date(year, 12, 31), body=body)
    sv = pages.stats_view(svc.reg, year, body)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stats.xlsx"
        write_xlsx(whole, str(path))
        wb = load_workbook(path)
        ws = wb.create_sheet("按月", 1)
        ws.append(["月份", "移送（件）", "按期移送（件）", "逾期义务（件）", "反馈（件）"])
        for m in sv.months:
            ws.append([f"{year}年{m['month']}月", m["sent"], m["on_time"], m["overdue"], m["feedback"]])
        out = io.BytesIO()
        wb.save(out)
    return out.getvalue()


# ---- JSON API ---------------------------------------------------------------------------------------------
def _api_routes(app: FastAPI, svc: Service) -> None:
    tags = ["接口"]

    @app.post("/api/route", tags=tags, summary="路由一个案件（不登记）")
    async def api_route(case: CaseIn, actor: Annotated[Actor, Depends(api("route.use"))]):
        raw = case.raw()
        raw.setdefault("reported_by", actor.body)
        try:
            return ok({"result": svc.route(raw)})
        except ZhifaError as exc:
            raise ApiError(422, str(exc), [_field(exc)])

    @app.post("/api/route/batch", tags=tags, summary="批量路由（不登记），逐个给出结论或错误")
    def api_batch(batch: BatchIn, actor: Annotated[Actor, Depends(api("route.use"))]):
        if len(batch.cases) > svc.settings.batch_limit:
            raise ApiError(413, f"一次最多 {svc.settings.batch_limit} 个案件，本次 {len(batch.cases)} 个")
        results = []
        for c in batch.cases:
            raw = c.raw()
            raw.setdefault("reported_by", actor.body)
            results.append(svc.route_safe(raw))
        return ok({"results": results, "failed": sum(1 for r in results if "error" in r)})

    @app.post("/api/cases", tags=tags, summary="路由并登记一个案件（同一令牌的同一外部编号只登记一次）")
    def api_register(case: CaseIn, actor: Annotated[Actor, Depends(api("case.register"))]):
        try:
            raw = _own_body(svc, actor, case.raw())
            out = _register(svc, actor, raw, source=f"api:{actor.login}", external_id=case.id)
        except ZhifaError as exc:
            raise ApiError(422, str(exc), [_field(exc)])
        svc.sync()
        return ok({"case": out.number, "existing": out.existing, "result": out.result}, 200 if out.existing else 201)

    @app.get("/api/cases/{number}", tags=tags, summary="案件的时间线和待办义务")
    def api_case(number: str, actor: Annotated[Actor, Depends(api("case.view"))]):
        svc.sync()
        with svc.reg.db.read() as s:
            cv = pages.case_view(svc.reg, s, actor, number)
        v = cv.view
        return ok({"case": v["case"], "state": cv.state, "events": v["events"], "duties": v["duties"],
                   "done": v["done"], "decision": v["decision"]})

    @app.post("/api/cases/{number}/events", tags=tags, summary="给案件追加一个事件（以令牌所属单位的名义）")
    def api_event(number: str, event: EventIn, actor: Annotated[Actor, Depends(api("case.act"))]):
        svc.sync()
        with svc.reg.db.read() as s:
            find_case(s, actor, number)
        if event.kind in ("found", "document"):
            raise ApiError(422, f"不能通过接口登记事件“{event.kind}”", [{"field": "kind", "error": "不可用"}])
        try:
            out = add_event(svc.as_actor(actor), number, event.kind, by=actor.body, at=event.at, note=event.note,
                            reason=event.reason, supersedes=event.supersedes)
        except ZhifaError as exc:
            raise ApiError(422, str(exc), [_field(exc)])
        return ok(out, 201)

    @app.get("/api/due", tags=tags, summary="本单位的待办义务：已逾期、待接收、即将到期、待反馈、在办")
    def api_due(actor: Annotated[Actor, Depends(api("case.view"))],
                within: Annotated[int | None, Query(ge=0, le=60)] = None,
                rows: Annotated[int, Query(ge=1, le=500)] = 100):
        svc.sync()
        box = pages.inbox(svc.reg, actor, soon_days=within if within is not None else svc.settings.due_soon_days,
                          rows=rows)
        return ok(box.to_json())


def _field(exc: ZhifaError) -> dict[str, Any]:
    return {"field": getattr(exc, "field", None), "error": str(exc)}


def app_from_env() -> FastAPI:
    """The app a uvicorn worker process builds (`zhifa serve --workers N`): settings from the
    environment variable ZHIFA_WEB_SETTINGS that `zhifa serve` sets."""
    return create_app(WebSettings.from_env())
