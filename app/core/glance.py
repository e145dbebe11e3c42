"""Home's figures at start-up, read from the profile's SQLite file with the standard library.

Opening a profile imports SQLAlchemy, its ORM and the schema: about 0.3 s on the ledger
lane after the window's first frame, which would be the whole wait for Home's figures. This
read needs none of it: a read-only sqlite3 connection and the same reads and composition as
`PointsService.overview` (app.core.overview), in one transaction, so the figures are the
ones the full read shows a moment later. It writes nothing; a lot past its expiry date
counts for nothing here either (the full read's sweep returns it to its issuer).

It answers None whenever it cannot be sure, and Home simply waits for the full read: no
ledger file yet, a ledger in PostgreSQL, a schema this build would migrate first, a profile
not initialised, an Upbit price due for a fetch, or any error reading the file.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from app.core.clock import Clock
from app.core.errors import MilkError
from app.core.ledger import accounts as acct
from app.core.ledger.revisions import known_revisions
from app.core.overview import Overview, compose
from app.core.partners import Catalog
from app.core.prices import LATEST_SQL, fetch_due, fit_to_quote, recorded
from app.core.profile_dir import DATABASE_URL_ENV, DB_FILE
from app.core.settings import ALL_SQL, with_defaults


def glance(data_dir: Path, catalog: Catalog, clock: Clock | None = None) -> Overview | None:
    """The profile's overview as the full read would compute it now, or None (see above)."""
    path = Path(data_dir) / DB_FILE
    if os.environ.get(DATABASE_URL_ENV) or not path.is_file():
        return None
    clock = clock or Clock()
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               isolation_level=None, timeout=0.5, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        conn.execute("BEGIN")  # one snapshot for every read

        def query(sql: str, params: dict) -> list[tuple]:
            return conn.execute(sql, params).fetchall()

        revision = query("SELECT version_num FROM alembic_version", {})
        if revision != [(known_revisions()[-1],)]:
            return None
        settings = with_defaults(query(ALL_SQL, {}))
        if not settings.get("profile.created_at"):
            return None
        now, feed = clock.now(), settings["price.feed"]
        row = query(LATEST_SQL, {"feed": feed})
        price = recorded(row[0][0], row[0][1], feed, bool(row[0][2]), now) if row else None
        if fetch_due(price, feed, now, int(settings["price.refresh_seconds"])):
            return None  # the full read asks Upbit first
        problem = None
        try:
            price = fit_to_quote(price, now, int(settings["price.stale_seconds"]))
        except MilkError as exc:
            price, problem = None, exc
        return compose(query, catalog, acct.user(), clock.today(), price, problem)
    except (sqlite3.Error, ValueError, TypeError, IndexError):
        return None  # unreadable here: the full read opens it properly and says why
    finally:
        conn.close()
