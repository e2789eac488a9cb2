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
def matcher():
    """The shipped catalog's matcher, without the rule engine (a module that needs another
    matcher, on an edited copy or with other matter names, defines its own `matcher`)."""
    from pathlib import Path

    from router.catalog.load import load_catalog
    return load_catalog(Path(__file__).resolve().parents[1] / "catalog").matcher


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


# The slowest modules (worker-seconds on the 2-core CI machine, measured with --durations=0) go
# first, the rest after in collection order. With -n, --dist loadscope hands out whole modules, so
# a slow module handed out last would keep one worker busy while the other idles; pytest.ini_options
# turns xdist's own reordering (modules with the most tests first) off so that this order is used.
SLOW_FIRST = [
    "tests/test_yamlio_parsers.py",
    "tests/web/test_browser.py",
    "tests/test_fuzz.py",
    "tests/test_import_export.py",
    "tests/test_kill.py",
    "tests/test_safety.py",
    "tests/test_wheel.py",
    "tests/test_match.py",
    "tests/test_check_scale.py",
    "tests/test_crosscheck.py",
    "tests/register/test_letters.py",
    "tests/test_cache.py",
    "tests/test_batch.py",
    "tests/test_engine_driver.py",
    "tests/test_lint.py",
    "tests/web/test_permissions.py",
    "tests/letters/test_render.py",
    "tests/test_issue12_rules.py",
    "tests/web/test_accounts.py",
    "tests/register/test_concurrency.py",
    "tests/register/test_scenarios.py",
]


def pytest_collection_modifyitems(config, items):
    rank = {module: i for i, module in enumerate(SLOW_FIRST)}
    # a stable sort: each module's own order (and its fixtures' grouping) is kept
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))
