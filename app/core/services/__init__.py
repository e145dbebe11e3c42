"""The façade the GUI and the CLI both call: one place for every use case."""
from __future__ import annotations

import sys
from pathlib import Path

from app.core.clock import Clock
from app.core.keys import KeyCustody
from app.core.ledger.database import Database
from app.core.partners import Catalog
from app.core.prices import PriceBook
from app.core.services.admin import AdminService
from app.core.services.anchor import AnchorService
from app.core.services.backup import BackupService
from app.core.services.bridge import BridgeService
from app.core.services.chain_access import ChainAccess
from app.core.services.context import Context, resolve_data_dir, resolve_database_url
from app.core.services.exchange import ExchangeService
from app.core.services.history import HistoryService
from app.core.services.insights import InsightService
from app.core.services.network import NetworkService
from app.core.services.outbox import Outbox
from app.core.services.partners import PartnerService
from app.core.services.points import PointsService
from app.core.services.reminders import ReminderService
from app.core.services.sending import SendService
from app.core.services.wallet import WalletService
from app.core.settings import Settings


class Services:
    def __init__(self, ctx: Context, custody: KeyCustody | None = None,
                 demo_wallet: bool = False):
        self.ctx = ctx
        self.outbox = Outbox(ctx)
        self.points = PointsService(ctx, self.outbox)
        self.partners = PartnerService(ctx, self.points.sweep_expired, self.outbox)
        self.exchange = ExchangeService(ctx, self.points.sweep_expired, self.outbox,
                                        self.partners.sync)
        self.history = HistoryService(ctx)
        self.admin = AdminService(ctx, self.partners,
                                  seed_wallet=(lambda: self.wallet.seed_demo_wallet())
                                  if demo_wallet else None)
        self.chain = ChainAccess(ctx)
        self.wallet = WalletService(ctx, self.chain, custody)
        self.sending = SendService(self.wallet)
        self.bridge = BridgeService(self.sending)
        self.network = NetworkService(ctx, self.chain)
        self.reminders = ReminderService(ctx, self.points)
        self.insights = InsightService(ctx)
        self.backups = BackupService(ctx)
        self.anchors = AnchorService(ctx, self.chain)
        self.bridge.after_move = self.anchors.anchor_after  # each move anchors the head

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
        self.chain.close()
        inprocess = sys.modules.get("app.core.connectors.inprocess")  # loaded only when used
        if inprocess is not None:
            inprocess.close_in_process(self.ctx.partners_dir)
        self.ctx.db.dispose()


__all__ = ["Services"]
