"""What every service needs: the profile's database, catalog, clock, settings, prices, and the
connector to each partner (in-process partners keep their data in `<profile>/partners/CODE`;
member tokens live in the OS keyring under this profile's name)."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.core.clock import Clock
from app.core.connectors import PartnerConnector, connector_for
from app.core.connectors.tokens import KeyringTokens, MemberTokens
from app.core.ledger import Journal, accounts
from app.core.ledger.database import Database, sqlite_url
from app.core.partners import Catalog, Partner
from app.core.prices import PriceBook
from app.core.profile_dir import (  # noqa: F401
    APP_DIR_NAME,
    DATABASE_URL_ENV,
    DB_FILE,
    default_data_dir,
    resolve_data_dir,
)
from app.core.settings import Settings
from app.core.tica import Market


def resolve_database_url(data_dir: Path, explicit: str | None = None) -> str:
    """An explicit URL, else MILK_DATABASE_URL, else SQLite in the data directory."""
    return explicit or os.environ.get(DATABASE_URL_ENV) or sqlite_url(data_dir / DB_FILE)


@dataclass
class Context:
    data_dir: Path
    db: Database
    catalog: Catalog
    clock: Clock
    settings: Settings
    prices: PriceBook
    user: str = accounts.user()
    connector: Callable[[Partner], PartnerConnector] | None = None
    tokens: MemberTokens | None = None

    def __post_init__(self):
        if self.tokens is None:
            self.tokens = KeyringTokens(self._profile_name())
        if self.connector is None:
            self.connector = self.partner_connector

    @property
    def partners_dir(self) -> Path:
        """Where the in-process partners keep their data (`milk-partner --data-dir`)."""
        return self.data_dir / "partners"

    def partner_connector(self, partner: Partner) -> PartnerConnector:
        return connector_for(partner, state_dir=self.partners_dir, tokens=self.tokens,
                             now=self.clock.now,
                             mirror=lambda member: self.mirrored_lots(partner.code, member))

    def mirrored_lots(self, partner: str, member_id: str) -> list[tuple[int, date, date]] | None:
        """The live lots the ledger shows for `member_id` at `partner` as (points, earned_on,
        expires_on), or None when that membership is not linked here."""
        from sqlalchemy import select

        from app.core.ledger.schema import Link, Lot

        with self.db.read() as s:
            linked = s.execute(select(Link.id).where(
                Link.owner == self.user, Link.partner == partner,
                Link.member_id == member_id)).first()
            if linked is None:
                return None
            rows = s.execute(select(Lot.remaining, Lot.expires_on).where(
                Lot.owner == self.user, Lot.partner == partner, Lot.remaining > 0)).all()
        today = self.clock.today()
        return [(int(points), today, date.fromisoformat(expires)) for points, expires in rows
                if int(points) > 0 and date.fromisoformat(expires) >= today]

    def _profile_name(self) -> str:
        """Names this profile's keyring entries: its ledger's location, which the data files
        cannot change (as the ledger's own keyring entries)."""
        from app.core.ledger.checkpoint import location_id
        from app.core.ledger.database import location

        if self.db.notary is not None:
            return self.db.notary.location_id
        return location_id(location(self.db.url, self.data_dir))

    def market(self, journal: Journal) -> Market:
        """TICA's and the user's holdings as seen inside `journal`'s transaction (read once,
        in one query)."""
        held = journal.balances_of((accounts.POOL, self.user))
        return Market(pool_mlk=held.get((accounts.POOL, "MLK"), 0),
                      inventory=lambda code: held.get((accounts.POOL, code), 0),
                      held=lambda asset: held.get((self.user, asset), 0))
