import pytest


@pytest.fixture(scope="session")
def router():
    # One engine per test session: a durable-rules ruleset name can be registered once per host,
    # and building it again for every test would only slow the suite.
    from router.route import Router
    return Router()


@pytest.fixture(scope="session")
def catalog(router):
    return router.catalog
