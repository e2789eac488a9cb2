"""Register tests run on SQLite always and on PostgreSQL when ZHIFA_TEST_PG names a server
database (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test): each test then gets a fresh
database, dropped afterwards. Without ZHIFA_TEST_PG the PostgreSQL variants skip, saying why."""
from __future__ import annotations

import itertools
import os
import uuid

import pytest
import sqlalchemy as sa

from router.register.register import Register

PG = os.environ.get("ZHIFA_TEST_PG")
_names = itertools.count()


def fresh_db(request, folder):
    """A new register database on request.param's backend: a file in `folder` for SQLite, a new
    database (dropped when the generator is closed) for PostgreSQL."""
    if request.param == "sqlite":
        yield str(folder / "register.sqlite3")
        return
    engine, url = request.getfixturevalue("pg_admin")
    name = f"zhifa_t_{os.getpid()}_{next(_names)}_{uuid.uuid4().hex[:6]}"
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    yield from fresh_db(request, tmp_path)


@pytest.fixture
def reg(db_url, router):
    r = Register(db_url, router=router, user="测试员")
    yield r
    r.close()
