"""Tables of the web service, in the register's database (migration r0003_web):

- `users`: a person of one body with one role (clerk / supervisor / policy); the password hash
  (pwdlib, Argon2); disabled accounts stay (their events name them) but cannot log in.
- `web_sessions`: server-side sessions (the signed cookie carries only a random id whose hash is
  stored here), so `zhifa user disable` ends them at once.
- `api_tokens`: per-system API tokens, stored as SHA-256 of 256 random bits (shown once).
- `login_attempts`: for throttling per login and per address.
- `audit_log`: account actions (log in, log out, refused login, user and token changes); what is
  done to a case goes to the register's own event log, with the user.
- `case_parties`: which bodies a case concerns (finder, receiver, holder), read from the stored
  decision; the one index the visibility rule (router/web/access.py) filters on.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from router.register.models import Base, BigId


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    login: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(80), default="")
    body: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    disabled_at: Mapped[datetime | None]


class WebSession(Base):
    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    address: Mapped[str] = mapped_column(String(64), default="")


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    body: Mapped[str] = mapped_column(String(120))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class LoginAttempt(Base):
    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_login_at", "login", "at"),
                      Index("ix_login_attempts_address_at", "address", "at"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    login: Mapped[str] = mapped_column(String(80))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    ok: Mapped[bool] = mapped_column(Boolean)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str] = mapped_column(String(64), default="")


class CaseParty(Base):
    __tablename__ = "case_parties"
    __table_args__ = (Index("ix_case_parties_body_case", "body", "case_id"),)

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    body: Mapped[str] = mapped_column(String(120), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)  # finder | receiver | holder


__all__ = ["User", "WebSession", "ApiToken", "LoginAttempt", "AuditEntry", "CaseParty"]
