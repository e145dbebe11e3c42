"""The façade the GUI and the CLI both call: one place for every use case.

What opening a profile and showing Home need is built with the façade; the other services
(and their modules) are built on first use, which keeps them off the desktop app's start-up."""
from __future__ import annotations

import sys
import threading
from pathlib import Path

from app.core.clock import Clock
from app.core.keys import KeyCustody
from app.core.ledger.database import Database
from app.core.partners import Catalog
from app.core.prices import PriceBook
from app.core.services.admin import AdminService
from app.core.services.context import Context, resolve_data_dir, resolve_database_url
from app.core.services.insights import InsightService
from app.core.services.outbox import Outbox
from app.core.services.partners import PartnerService
from app.core.services.points import PointsService
from app.core.services.reminders import ReminderService
from app.core.settings import Settings


class _built_on_first_use:
    """A service made the first time it is used, once, whichever lane asks first (the GUI's
    ledger and chain lanes may ask at the same moment; functools.cached_property stopped
    locking in Python 3.12)."""

    _lock = threading.RLock()  # a service may be made of others (the bridge of sending)

    def __init__(self, make):
        self.make = make

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, svc, owner=None):
        if svc is None:
            return self
        with self._lock:
            if self.name not in svc.__dict__:
                svc.__dict__[self.name] = self.make(svc)
        return svc.__dict__[self.name]


class Services:
    def __init__(self, ctx: Context, custody: KeyCustody | None = None,
                 demo_wallet: bool = False):
        self.ctx = ctx
        self.outbox = Outbox(ctx)
        self.points = PointsService(ctx, self.outbox)
        self.partners = PartnerService(ctx, self.points.sweep_expired, self.outbox)
        self.admin = AdminService(ctx, self.partners,
                                  seed_wallet=(lambda: self.wallet.seed_demo_wallet())
                                  if demo_wallet else None)
        self._custody = custody
        self.reminders = ReminderService(ctx, self.points)
        self.insights = InsightService(ctx)

    @_built_on_first_use
    def chain(self):
        from app.core.services.chain_access import ChainAccess

        return ChainAccess(self.ctx)

    @_built_on_first_use
    def wallet(self):
        from app.core.services.wallet import WalletService

        return WalletService(self.ctx, self.chain, self._custody)

    @_built_on_first_use
    def exchange(self):
        from app.core.services.exchange import ExchangeService

        return ExchangeService(self.ctx, self.points.sweep_expired, self.outbox,
                               self.partners.sync)

    @_built_on_first_use
    def history(self):
        from app.core.services.history import HistoryService

        return HistoryService(self.ctx)

    @_built_on_first_use
    def sending(self):
        from app.core.services.sending import SendService

        return SendService(self.wallet)

    @_built_on_first_use
    def bridge(self):
        from app.core.services.bridge import BridgeService

        bridge = BridgeService(self.sending)
        bridge.after_move = self.anchors.anchor_after  # each move anchors the head
        return bridge

    @_built_on_first_use
    def network(self):
        from app.core.services.network import NetworkService

        return NetworkService(self.ctx, self.chain)

    @_built_on_first_use
    def backups(self):
        from app.core.services.backup import BackupService

        return BackupService(self.ctx)

    @_built_on_first_use
    def anchors(self):
        from app.core.services.anchor import AnchorService

        return AnchorService(self.ctx, self.chain)

    @property
    def prices(self) -> PriceBook:
        return self.ctx.prices

    @property
    def settings(self) -> Settings:
        return self.ctx.settings

    @classmethod
    def open(cls, data_dir: str | Path | None = None, database_url: str | None = None,
             clock: Clock | None = None, catalog: Catalog | None = None,
             custody: KeyCustody | None = None, demo_wallet: bool = False) -> Services:
        """Open (creating the directory and migrating the schema if needed) a profile. A
        damaged or missing ledger file is reported, never re-created (Database.open_profile).
        With `demo_wallet`, `init --demo` also seeds the presenter's wallet (the `milk` and
        `milk-wallet` entry points ask for it; a library user or a test opts in)."""
        directory = resolve_data_dir(data_dir)
        directory.mkdir(parents=True, exist_ok=True)
        db = Database.open_profile(directory, resolve_database_url(directory, database_url))
        clock = clock or Clock()
        settings = Settings(db)
        ctx = Context(directory, db, catalog or Catalog.load(), clock, settings,
                      PriceBook(db, settings, clock))
        return cls(ctx, custody, demo_wallet)

    def simulate(self, conversions: int, seed: int | None = None, bulk: bool = False):
        from app.core.services.simulate import simulate

        return simulate(self, conversions, seed, bulk)

    def close(self) -> None:
        if "chain" in self.__dict__:  # (built on first use: nothing to close otherwise)
            self.chain.close()
        inprocess = sys.modules.get("app.core.connectors.inprocess")  # loaded only when used
        if inprocess is not None:
            inprocess.close_in_process(self.ctx.partners_dir)
        self.ctx.db.dispose()


__all__ = ["Services"]
