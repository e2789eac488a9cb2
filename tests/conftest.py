import pytest


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
