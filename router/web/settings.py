"""Settings of the web service: one object, built by `zhifa serve` (or a test) and handed to
create_app(); nothing is read at import time.

The signing secret (session cookie, CSRF token) comes from, in order: the `secret` given,
ZHIFA_SECRET, or a random secret kept in a 0600 file beside the default register
(<user data dir>/zhifa/web-secret), made on first use, so that sessions survive a restart and
every worker process of one server signs alike. There is no built-in default secret.
"""
from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, field, replace
from pathlib import Path

from router.model.errors import InputError
from router.model.lazydc import dataclass
from router.register.db import default_path

ENV_SECRET = "ZHIFA_SECRET"
ENV_SETTINGS = "ZHIFA_WEB_SETTINGS"  # JSON of WebSettings, for uvicorn worker processes
MIN_SECRET = 32


@dataclass(frozen=True)
class WebSettings:
    db: str | None = None             # register database (as `zhifa case --db`)
    catalog: str | None = None        # catalog folder (default: the shipped one)
    secret: str | None = None
    https: bool = False               # cookies marked Secure (served over https or behind a TLS proxy)
    session_hours: float = 10.0       # a working day; sessions end at logout or when disabled
    throttle_failures: int = 5        # failed logins per login within throttle_minutes before refusing
    throttle_address_failures: int = 20  # failed logins from one address within throttle_minutes
    throttle_minutes: int = 15
    due_soon_days: int = 3            # the inbox's "due soon" horizon
    page_rows: int = 50               # rows per inbox section
    batch_limit: int = 1000           # cases per API batch
    # seconds an unchanged register's inbox page is reused (app.Service.inbox); 0: never.
    # ZHIFA_INBOX_CACHE_SECONDS sets it for `zhifa serve` (read when the settings are made)
    inbox_cache_seconds: float = field(default_factory=lambda: float(os.environ.get("ZHIFA_INBOX_CACHE_SECONDS", "10")))
    demo_logins: tuple[tuple[str, str, str, str], ...] = field(default=())  # shown on the demo login page

    def with_secret(self) -> "WebSettings":
        return replace(self, secret=resolve_secret(self.secret, self.db))

    def to_env(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_env(cls) -> "WebSettings":
        raw = os.environ.get(ENV_SETTINGS)
        if not raw:
            return cls()
        data = json.loads(raw)
        data["demo_logins"] = tuple(tuple(x) for x in data.get("demo_logins") or ())
        return cls(**data)


def resolve_secret(given: str | None, db: str | None = None) -> str:
    value = given or os.environ.get(ENV_SECRET)
    if value:
        if len(value) < MIN_SECRET:
            raise InputError(f"签名密钥（{ENV_SECRET}）太短：至少 {MIN_SECRET} 个字符，"
                             "可用 python -c \"import secrets; print(secrets.token_urlsafe(48))\" 生成",
                             field="secret")
        return value
    path = secret_path()
    try:
        text = path.read_text(encoding="ascii").strip()
        if len(text) >= MIN_SECRET:
            return text
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, value.encode("ascii"))
    finally:
        os.close(fd)
    return value


def secret_path() -> Path:
    return default_path().parent / "web-secret"
