"""Fixtures shared by the whole suite. Integration components (PostgreSQL, anvil, the
Secret Service) live in tests/support/ and start only when a test asks for them."""
from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest

pytest_plugins = ["tests.support.postgres", "tests.support.secret_service", "tests.support.anvil",
                  "tests.support.rpc_proxy"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_addoption(parser):
    parser.addoption("--screens-dir", metavar="DIR",
                     help="save every screen tests/ui/test_screen_fit.py renders as PNG in DIR")


@pytest.fixture
def clock():
    from app.core.clock import FixedClock

    return FixedClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """Each ledger test runs on SQLite and on a real PostgreSQL."""
    if request.param == "sqlite":
        from app.core.ledger import sqlite_url

        return sqlite_url(tmp_path / "ledger.sqlite3")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def services(tmp_path, clock, db_url):
    """A demo profile on a fixed clock, on each database."""
    from app.core.services import Services

    svc = Services.open(tmp_path / "profile", database_url=db_url, clock=clock)
    svc.admin.init(demo=True)
    yield svc
    svc.close()
