import os

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url


@pytest.fixture(scope="session")
def router():
    # One engine per test session: a durable-rules ruleset name can be registered once per host,
    # and building it again for every test would only slow the suite.
    from router.decide.route import Router
    return Router()


@pytest.fixture(scope="session")
def catalog(router):
    return router.catalog


@pytest.fixture(scope="session")
def matter_names(catalog):
    """id -> official name, from the shipped catalog (its ids and names equal shared/reference's:
    tests/test_catalog.py checks that)."""
    return {m.id: m.name for m in catalog.matters.values()}


@pytest.fixture(scope="session")
def pg_admin():
    """A connection to the PostgreSQL server named by ZHIFA_TEST_PG, for creating and dropping the
    fresh database each register or web test runs on. Without ZHIFA_TEST_PG the PostgreSQL
    variants skip, saying why; a server that is named but unreachable fails them."""
    pg = os.environ.get("ZHIFA_TEST_PG")
    if not pg:
        pytest.skip("PostgreSQL 变体未运行：未设置 ZHIFA_TEST_PG（如 postgresql+psycopg://postgres@127.0.0.1:5432/test）")
    url = make_url(pg).set(drivername="postgresql+psycopg")
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError as exc:
        pytest.fail(f"ZHIFA_TEST_PG={pg} 无法连接：{exc}")
    yield engine, url
    engine.dispose()
