"""Profile settings, kept in the ledger database beside the data they govern."""
from __future__ import annotations

from sqlalchemy import select

from app.core.ledger.database import Database
from app.core.ledger.schema import Setting

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


class Settings:
    def __init__(self, db: Database):
        self._db = db

    def get(self, key: str) -> str:
        with self._db.read() as s:
            row = s.get(Setting, key)
        return row.value if row is not None else DEFAULTS.get(key, "")

    def get_int(self, key: str) -> int:
        return int(self.get(key))

    def get_bool(self, key: str) -> bool:
        return self.get(key) == "1"

    def set(self, key: str, value: str | int | bool) -> None:
        text = ("1" if value else "0") if isinstance(value, bool) else str(value)
        with self._db.write() as s:
            s.merge(Setting(key=key, value=text))

    def all(self) -> dict[str, str]:
        with self._db.read() as s:
            stored = {row.key: row.value for row in s.execute(select(Setting)).scalars()}
        return {**DEFAULTS, **stored}
