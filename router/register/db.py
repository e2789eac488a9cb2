"""Opening a register: where it lives, engine set-up per database, migrations on open.

SQLite (default): a file in the user's data directory, WAL journal, foreign keys on, a busy
timeout, and every write transaction started with BEGIN IMMEDIATE so that two clerks' writes
queue instead of failing half-way. PostgreSQL: `--db postgresql://…` or ZHIFA_DB, through
psycopg 3. Alembic migrations shipped in this package bring any register to `head` on open.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import orjson
import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from .routing import InputError

ENV_DB = "ZHIFA_DB"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_READ = "zhifa_read_only"
_PG_LOCK = 0x7A686966  # advisory lock id held while migrating ("zhif")


def default_path() -> Path:
    """<XDG_DATA_HOME or the platform's user data dir>/zhifa/register.sqlite3"""
    base = os.environ.get("XDG_DATA_HOME")
    folder = Path(base) / "zhifa" if base else platformdirs.user_data_path("zhifa", appauthor=False)
    return folder / "register.sqlite3"


def resolve_url(db: str | None = None) -> str:
    """A SQLAlchemy URL from --db / ZHIFA_DB / the default file. Plain paths mean SQLite files;
    postgresql:// means PostgreSQL through psycopg 3."""
    value = db or os.environ.get(ENV_DB) or ""
    if not value:
        path = default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in value:
        Path(value).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    try:
        url = make_url(value)
    except ArgumentError:
        raise InputError(f"无法识别的数据库地址“{value}”：可用 SQLite 文件路径，或 postgresql://用户@主机:端口/库名",
                         field="db", value=value) from None
    if url.get_backend_name() == "postgresql":
        return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    if url.get_backend_name() == "sqlite":
        return value
    raise InputError(f"不支持的数据库“{url.get_backend_name()}”（{value}）：可用 SQLite 文件路径，"
                     "或 postgresql://用户@主机:端口/库名", field="db", value=value)


def _json(value) -> str:
    return orjson.dumps(value).decode()


def make_engine(url: str) -> Engine:
    json_args = {"json_serializer": _json, "json_deserializer": orjson.loads}
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 60}, **json_args)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **json_args)


def _sqlite_connect(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # transactions are begun in _sqlite_begin
    cur = dbapi_conn.cursor()
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=60000", "synchronous=NORMAL"):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


def _sqlite_begin(conn) -> None:
    read_only = conn.get_execution_options().get(_READ)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def alembic_config(connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the register to `revision` (one migration at a time; concurrent openers wait)."""
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    with engine.execution_options(**{_READ: True}).connect() as conn:
        if revision == "head" and MigrationContext.configure(conn).get_current_revision() == head:
            return
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
        command.upgrade(alembic_config(conn), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.execution_options(**{_READ: True}).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


class Database:
    """An engine and two session factories: writes (BEGIN IMMEDIATE on SQLite) and reads."""

    def __init__(self, db: str | None = None, *, migrate: bool = True):
        self.url = resolve_url(db)
        self.engine = make_engine(self.url)
        if migrate:
            upgrade(self.engine)
        self._write = sessionmaker(self.engine, expire_on_commit=False)
        self._read = sessionmaker(self.engine.execution_options(**{_READ: True}), expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._write.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
