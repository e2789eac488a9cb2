"""Accounts, sessions, API tokens and login throttling, on the register's database.

- Passwords: pwdlib with Argon2id (OWASP's minimum parameters: 19 MiB, 2 passes, 1 lane — a login
  costs ~0.1 s on the district's 2-core machine); hashes made with other parameters are upgraded
  at the next login (verify_and_update). An unknown login is checked against a dummy hash, so the
  answer time does not reveal which logins exist.
- Sessions: a random 256-bit key in a cookie signed by Starlette's SessionMiddleware
  (itsdangerous); only its SHA-256 is stored (`web_sessions`), so a stolen database holds no usable
  session, and logout or `zhifa user disable` ends it at once.
- API tokens: 256 random bits shown once; stored as SHA-256 (a fast hash is right for random
  tokens: nothing to guess, and every API call checks one).
- Throttling: failed logins are counted per login and per address in `login_attempts`; past the
  limit the login is refused without checking the password until the window has passed.

Every account action is written to `audit_log`; what is done to cases goes to the register's event
log with the user (router/web/actions.py).
"""
from __future__ import annotations

import hashlib
import secrets
import time
from datetime import datetime, timedelta, timezone

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from sqlalchemy import func, select, update

from router.model.clock import CST
from router.model.errors import InputError
from router.model.lazydc import dataclass

from .access import ROLES, SUPERVISOR_BODIES, Actor
from .models import ApiToken, AuditEntry, LoginAttempt, User, WebSession

HASHER = PasswordHash((Argon2Hasher(time_cost=2, memory_cost=19456, parallelism=1),))
_DUMMY = HASHER.hash(secrets.token_urlsafe(16))
MIN_PASSWORD = 10
TOKEN_PREFIX = "zf_"
LAST_USED_EVERY = timedelta(minutes=1)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


# ---- bodies ---------------------------------------------------------------------------------------
def body_names(catalog) -> dict[str, str]:
    """Every name or alias a clerk may type for a body → its legal name (the 13 townships by
    their 法定名称, the departments, and the other bodies such as 华龙区司法局)."""
    out: dict[str, str] = {}
    for t in catalog.townships.values():
        for n in (t.name, t.body, *t.aliases):
            out.setdefault(n, t.body)
    for d in catalog.departments.values():
        for n in (d.name, *d.aliases):
            out.setdefault(n, d.name)
    for o in catalog.others.values():
        for n in (o.name, *o.aliases):
            out.setdefault(n, o.name)
    return out


def resolve_body(catalog, text: str, role: str) -> str:
    names = body_names(catalog)
    name = names.get((text or "").strip())
    if name is None:
        raise InputError(f"未知的单位“{text}”：请填写乡镇街道、区直部门或 {'、'.join(SUPERVISOR_BODIES)} 的名称或简称",
                         field="body", value=text)
    workers = {t.body for t in catalog.townships.values()} | set(catalog.departments)
    if role == "supervisor" and name not in SUPERVISOR_BODIES:
        raise InputError(f"监督人员（supervisor）只能属于 {'、'.join(SUPERVISOR_BODIES)}，而不是“{name}”",
                         field="body", value=text)
    if role == "clerk" and name not in workers:
        raise InputError(f"办事员（clerk）应属于乡镇街道或区直执法部门，“{name}”不是", field="body", value=text)
    return name


# ---- users --------------------------------------------------------------------------------------
def check_role(role: str) -> str:
    if role not in ROLES:
        raise InputError(f"未知的角色“{role}”：可用 {'、'.join(f'{k}（{v}）' for k, v in ROLES.items())}",
                         field="role", value=role)
    return role


def check_password(password: str) -> str:
    password = password.rstrip("\r\n")
    if len(password) < MIN_PASSWORD:
        raise InputError(f"密码太短：至少 {MIN_PASSWORD} 个字符", field="password")
    return password


def add_user(db, catalog, login: str, *, body: str, role: str, password: str, name: str = "",
             by: str = "命令行") -> User:
    login = (login or "").strip()
    if not login or len(login) > 80 or any(c.isspace() for c in login):
        raise InputError(f"登录名“{login}”无效：1 到 80 个字符，不含空格", field="login", value=login)
    check_role(role)
    legal = resolve_body(catalog, body, role)
    hashed = HASHER.hash(check_password(password))
    with db.write() as s:
        if s.scalar(select(User.id).where(User.login == login)) is not None:
            raise InputError(f"登录名“{login}”已存在（停用的账号也保留登录名）", field="login", value=login)
        user = User(login=login, name=name or login, body=legal, role=role, password_hash=hashed, active=True,
                    created_at=utcnow())
        s.add(user)
        s.flush()
        _audit(s, by, "", "user.add", f"{login}：{legal}，{ROLES[role]}")
    return user


def disable_user(db, login: str, *, by: str = "命令行") -> int:
    """Disable an account and end its sessions. Returns the sessions ended."""
    now = utcnow()
    with db.write() as s:
        user = s.execute(select(User).where(User.login == login)).scalar_one_or_none()
        if user is None:
            raise InputError(f"没有登录名为“{login}”的账号", field="login", value=login)
        user.active, user.disabled_at = False, now
        ended = s.execute(update(WebSession).where(WebSession.user_id == user.id, WebSession.revoked_at.is_(None))
                          .values(revoked_at=now)).rowcount
        _audit(s, by, "", "user.disable", f"{login}（结束会话 {ended} 个）")
    return ended


def set_password(db, login: str, password: str, *, by: str = "命令行", keep_session: str | None = None,
                 address: str = "") -> int:
    """Give an account a new password and end its other sessions (all of them, unless
    `keep_session` names the key of the session asking). Returns the sessions ended."""
    hashed = HASHER.hash(check_password(password))
    now = utcnow()
    with db.write() as s:
        user = s.execute(select(User).where(User.login == login)).scalar_one_or_none()
        if user is None:
            raise InputError(f"没有登录名为“{login}”的账号", field="login", value=login)
        user.password_hash = hashed
        q = update(WebSession).where(WebSession.user_id == user.id, WebSession.revoked_at.is_(None))
        if keep_session:
            q = q.where(WebSession.key_hash != digest(keep_session))
        ended = s.execute(q.values(revoked_at=now)).rowcount
        _audit(s, by, user.body, "user.passwd", f"{login}（结束其他会话 {ended} 个）", address)
    return ended


def change_own_password(db, actor: Actor, old: str, new: str, repeat: str, *, session_key: str | None,
                        address: str = "", settings=None) -> int:
    """A logged-in user changes their own password: the old one is checked first (a session left
    open on a shared office computer is not enough to take the account over), and wrong old
    passwords are throttled like failed logins (settings.throttle_failures within
    throttle_minutes), so the form cannot be used to guess it."""
    limit = getattr(settings, "throttle_failures", 5)
    minutes = getattr(settings, "throttle_minutes", 15)
    with db.read() as s:
        user = s.get(User, actor.user_id)
        failed = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.actor == actor.login[:120], AuditEntry.action == "user.passwd.failed",
            AuditEntry.at >= utcnow() - timedelta(minutes=minutes)))
    if failed >= limit:
        raise InputError(f"原密码输错次数过多，请 {minutes} 分钟后再试", field="old")
    if user is None or not user.active or not HASHER.verify(old or "", user.password_hash):
        with db.write() as s:
            _audit(s, actor.login, actor.body, "user.passwd.failed", "原密码不正确", address)
        raise InputError("原密码不正确", field="old")
    if new != repeat:
        raise InputError("两次输入的新密码不一致", field="repeat")
    if new == old:
        raise InputError("新密码不能与原密码相同", field="new")
    return set_password(db, user.login, new, by=actor.login, keep_session=session_key, address=address)


def actor_of(user: User) -> Actor:
    return Actor("user", user.login, user.name, user.body, user.role, user.id)


# ---- login and throttling -----------------------------------------------------------------------
class LoginRefused(Exception):
    def __init__(self, message: str, throttled: bool = False):
        super().__init__(message)
        self.throttled = throttled


def authenticate(db, settings, login: str, password: str, address: str) -> User:
    now = utcnow()
    since = now - timedelta(minutes=settings.throttle_minutes)
    login = (login or "").strip()[:80]
    with db.read() as s:
        by_login = s.scalar(select(func.count()).select_from(LoginAttempt)
                            .where(LoginAttempt.login == login, LoginAttempt.at >= since, LoginAttempt.ok.is_(False)))
        by_address = s.scalar(select(func.count()).select_from(LoginAttempt)
                              .where(LoginAttempt.address == address, LoginAttempt.at >= since,
                                     LoginAttempt.ok.is_(False)))
        user = s.execute(select(User).where(User.login == login)).scalar_one_or_none()
    if by_login >= settings.throttle_failures or by_address >= settings.throttle_address_failures:
        with db.write() as s:
            _audit(s, login, "", "login.throttled", None, address)
        raise LoginRefused(f"登录失败次数过多，请 {settings.throttle_minutes} 分钟后再试，或请管理员核实账号。", True)
    if user is None:
        HASHER.verify(password or "", _DUMMY)
        ok, new_hash = False, None
    else:
        ok, new_hash = HASHER.verify_and_update(password or "", user.password_hash)
    ok = ok and user is not None and user.active
    with db.write() as s:
        s.add(LoginAttempt(login=login, address=address, at=now, ok=ok))
        if ok and new_hash:
            s.execute(update(User).where(User.id == user.id).values(password_hash=new_hash))
        _audit(s, login, user.body if user else "", "login" if ok else "login.failed", None, address)
    if not ok:
        raise LoginRefused("登录名或密码不正确（账号停用的也无法登录）。")
    return user


def open_session(db, user: User, address: str, hours: float) -> str:
    key = secrets.token_urlsafe(32)
    now = utcnow()
    with db.write() as s:
        s.add(WebSession(key_hash=digest(key), user_id=user.id, created_at=now,
                         expires_at=now + timedelta(hours=hours), address=address[:64]))
    return key


def session_user(db, key: str | None) -> User | None:
    if not key:
        return None
    now = utcnow()
    with db.read() as s:
        row = s.execute(select(User, WebSession.expires_at, WebSession.revoked_at)
                        .join(WebSession, WebSession.user_id == User.id)
                        .where(WebSession.key_hash == digest(key))).one_or_none()
    if row is None:
        return None
    user, expires, revoked = row
    if revoked is not None or expires <= now or not user.active:
        return None
    return user


def close_session(db, key: str | None, actor: Actor | None, address: str = "") -> None:
    if not key:
        return
    with db.write() as s:
        s.execute(update(WebSession).where(WebSession.key_hash == digest(key), WebSession.revoked_at.is_(None))
                  .values(revoked_at=utcnow()))
        if actor is not None:
            _audit(s, actor.login, actor.body, "logout", None, address)


# ---- API tokens ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class NewToken:
    name: str
    body: str
    token: str  # shown once


def add_token(db, catalog, name: str, *, body: str, by: str = "命令行") -> NewToken:
    name = (name or "").strip()
    if not name or len(name) > 80:
        raise InputError("接口令牌名称不能为空（如 12345热线），最多 80 个字符", field="name", value=name)
    legal = resolve_body(catalog, body, "clerk")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with db.write() as s:
        if s.scalar(select(ApiToken.id).where(ApiToken.name == name)) is not None:
            raise InputError(f"接口令牌“{name}”已存在", field="name", value=name)
        s.add(ApiToken(name=name, body=legal, token_hash=digest(token), prefix=token[:10], created_at=utcnow()))
        _audit(s, by, "", "token.add", f"{name}：{legal}")
    return NewToken(name, legal, token)


@dataclass(frozen=True)
class TokenInfo:
    name: str
    body: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def list_tokens(db) -> list[TokenInfo]:
    """Every API token, revoked ones included (their events name them), oldest first."""
    with db.read() as s:
        rows = s.execute(select(ApiToken).order_by(ApiToken.id)).scalars().all()
        return [TokenInfo(t.name, t.body, t.prefix, t.created_at, t.last_used_at, t.revoked_at) for t in rows]


def revoke_token(db, name: str, *, by: str = "命令行") -> TokenInfo:
    """Revoke an API token at once (this process) and within TOKEN_CACHE_SECONDS in every other
    worker process; the row stays, so the events recorded with it still name it."""
    now = utcnow()
    with db.write() as s:
        tok = s.execute(select(ApiToken).where(ApiToken.name == (name or "").strip())).scalar_one_or_none()
        if tok is None:
            raise InputError(f"没有名为“{name}”的接口令牌：可用 zhifa token list 查看", field="name", value=name)
        if tok.revoked_at is not None:
            raise InputError(f"接口令牌“{name}”已于 {tok.revoked_at.astimezone(CST):%Y-%m-%d %H:%M} 停用",
                             field="name", value=name)
        tok.revoked_at = now
        _audit(s, by, "", "token.revoke", f"{tok.name}：{tok.body}")
        info = TokenInfo(tok.name, tok.body, tok.prefix, tok.created_at, tok.last_used_at, now)
        key = tok.token_hash
    _token_cache.pop(key, None)
    return info


class TokenRevoked(Exception):
    """A token that existed and was revoked (the API says so, in Chinese, instead of 'invalid')."""

    def __init__(self, name: str, at: datetime):
        super().__init__(name)
        self.name, self.at = name, at


TOKEN_CACHE_SECONDS = 5.0
# digest -> (monotonic time, actor or None, revoked (name, at) or None)
_token_cache: dict[str, tuple[float, Actor | None, tuple[str, datetime] | None]] = {}


def token_actor(db, raw: str | None) -> Actor | None:
    """The actor of an API token (None: no such token); TokenRevoked for a revoked one.

    Tokens are 256 random bits, so one SHA-256 is the right check (nothing to guess; argon2 would
    cost ~0.1 s a call for no gain). A lookup is remembered for TOKEN_CACHE_SECONDS per process (a
    hotline system calls many times a second); a token revoked by another process stops working
    within that time, one revoked in this process at once."""
    if not raw or not raw.startswith(TOKEN_PREFIX):
        return None
    key = digest(raw)
    hit = _token_cache.get(key)
    clock = time.monotonic()
    if hit is None or clock - hit[0] >= TOKEN_CACHE_SECONDS:
        now = utcnow()
        with db.read() as s:
            tok = s.execute(select(ApiToken).where(ApiToken.token_hash == key)).scalar_one_or_none()
        actor = None if tok is None or tok.revoked_at is not None else Actor("token", tok.name, tok.name, tok.body, "api")
        revoked = (tok.name, tok.revoked_at) if tok is not None and tok.revoked_at is not None else None
        if actor is not None and (tok.last_used_at is None or now - tok.last_used_at > LAST_USED_EVERY):
            with db.write() as s:
                s.execute(update(ApiToken).where(ApiToken.id == tok.id).values(last_used_at=now))
        if len(_token_cache) > 10000:
            _token_cache.clear()
        hit = _token_cache[key] = (clock, actor, revoked)
    if hit[2] is not None:
        raise TokenRevoked(*hit[2])
    return hit[1]


# ---- audit ----------------------------------------------------------------------------------------
def _audit(s, actor: str, body: str, action: str, detail: str | None, address: str = "") -> None:
    s.add(AuditEntry(at=utcnow(), actor=actor[:120], body=body, action=action, detail=detail, address=address[:64]))


def audit(db, actor: str, body: str, action: str, detail: str | None = None, address: str = "") -> None:
    with db.write() as s:
        _audit(s, actor, body, action, detail, address)
