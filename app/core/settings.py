"""Profile settings, kept in the ledger database beside the data they govern."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (DEFAULTS is read before SQLAlchemy is loaded: app.core.glance)
    from app.core.ledger.database import Database

DEFAULTS: dict[str, str] = {
    "price.feed": "static",  # static | upbit
    "price.upbit_url": "https://api.upbit.com",
    "price.stale_seconds": "300",
    "price.timeout_seconds": "5",
    "price.refresh_seconds": "10",  # how long a fetched Upbit price is reused
    "quote.ttl_seconds": "30",
    "quote.slippage_bps": "50",
    "profile.demo": "0",
}


ALL_SQL = "SELECT key, value FROM settings"


def with_defaults(rows) -> dict[str, str]:
    """Every setting: the stored (key, value) rows over the defaults."""
    return {**DEFAULTS, **dict(rows)}


class Settings:
    def __init__(self, db: Database):
        self._db = db
        self._local = threading.local()  # .snapshot: this thread's settings read once

    @contextmanager
    def snapshot(self):
        """Within: every setting is read once (one query) and kept for the block — a
        conversion reads the price feed, freshness and quote settings many times. Also
        holds what the block derives from them (`memo`). Nested blocks share the outer one."""
        if getattr(self._local, "snapshot", None) is not None:
            yield
            return
        self._local.snapshot = {}
        try:
            yield
        finally:
            self._local.snapshot = None

    def memo(self) -> dict | None:
        """The open snapshot's scratch space for values derived from settings (None when
        there is no snapshot)."""
        snap = getattr(self._local, "snapshot", None)
        if snap is None:
            return None
        return snap.setdefault("\0memo", {})

    def get(self, key: str) -> str:
        snap = getattr(self._local, "snapshot", None)
        if snap is not None:
            if "\0all" not in snap:
                snap.update(self.all())
                snap["\0all"] = True
            return snap.get(key, DEFAULTS.get(key, ""))
        from app.core.ledger.schema import Setting

        with self._db.read() as s:
            row = s.get(Setting, key)
        return row.value if row is not None else DEFAULTS.get(key, "")

    def get_int(self, key: str) -> int:
        return int(self.get(key))

    def get_bool(self, key: str) -> bool:
        return self.get(key) == "1"

    def set(self, key: str, value: str | int | bool) -> None:
        from app.core.ledger.schema import Setting

        text = ("1" if value else "0") if isinstance(value, bool) else str(value)
        with self._db.write() as s:
            s.merge(Setting(key=key, value=text))
        snap = getattr(self._local, "snapshot", None)
        if snap is not None:
            snap.clear()  # read again, as written

    def all(self) -> dict[str, str]:
        from sqlalchemy import text

        with self._db.read() as s:
            return with_defaults(s.execute(text(ALL_SQL)).all())
