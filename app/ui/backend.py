"""The GUI's handle on the core: opens the profile off the GUI thread, runs every use case on
a lane, and tells pages what changed so they refresh (the way Anki's operations report their
changes). Pages never touch the database, the chain or the keyring themselves."""
from __future__ import annotations

import shutil
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.ui.tasks import Lane

LEDGER, PARTNERS, PRICES, WALLET, SETTINGS, NETWORK = (
    "ledger", "partners", "prices", "wallet", "settings", "network")
ALL = (LEDGER, PARTNERS, PRICES, WALLET, SETTINGS, NETWORK)
POLL_MS = 2000  # notice other processes' ledger writes (e.g. `milk simulate`)


class Backend(QObject):
    ready = Signal()
    open_failed = Signal(object)
    changed = Signal(frozenset)  # which areas changed
    glanced = Signal(object)  # Home's figures read before the profile is open (Overview)

    def __init__(self, data_dir: Path, demo: bool, parent: QObject | None = None,
                 open_services: Callable | None = None, demo_wallet: bool = True):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.demo = demo
        self._wants_demo_wallet = demo and demo_wallet  # tests of other things skip it
        self._open_services = open_services  # tests pass a faster key-derivation setting
        self.services = None
        self.demo_wallet = None  # the presenter's wallet, once seeded (demo profiles)
        self.ledger = Lane("ledger", self)
        self.chain = Lane("chain", self)
        self._head: tuple | None = None
        self._seeded = False  # seed_demo_wallet asked for, since the profile opened
        self._before_ready: list | None = []  # use cases asked for before the first opening
        self._opening = None  # the services the lane opened, until the GUI thread has them
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check_head)

    # -- opening ---------------------------------------------------------------------------
    def start(self) -> None:
        self.ledger.submit(self._glance, self._glanced, lambda _e: None)
        self.ledger.submit(self._open, self._opened, self.open_failed.emit)

    def _glance(self):
        """Home's figures from the file itself, before opening the profile loads SQLAlchemy
        (app.core.glance); None when they cannot be read that way."""
        from app.core.glance import glance
        from app.core.partners import Catalog

        catalog = Catalog.load()
        return catalog, glance(self.data_dir, catalog)

    def _glanced(self, result) -> None:
        catalog, overview = result
        if overview is not None and self.services is None:
            from app.ui import fmt

            fmt.set_catalog(catalog)
            self.glanced.emit(overview)

    def _open(self):
        from app.core.services import Services

        svc = (self._open_services or partial(Services.open,
                                              demo_wallet=self._wants_demo_wallet))(self.data_dir)
        self._opening = svc
        if self.demo or not svc.admin.is_initialized():
            svc.admin.init(demo=self.demo)
        # The head the pages will load from; any later write (another process) is news.
        self._head = _ledger_head(svc)
        return svc

    def _opened(self, svc) -> None:
        from app.ui import fmt

        fmt.set_catalog(svc.ctx.catalog)
        self.services, self._opening = svc, None
        self._poll.start()
        waiting, self._before_ready = self._before_ready or [], None
        self.ready.emit()
        for args in waiting:
            self.run(*args)

    def demo_password(self) -> str | None:
        """The demo wallet's password, shown on screen in demo mode (None: no demo key)."""
        wallet = self.demo_wallet
        return wallet.password if wallet is not None and not wallet.watch_only else None

    def seed_demo_wallet(self) -> None:
        """The demo profile's wallet with its demo-only key, once per opening, on the chain
        lane. The window asks once Home shows its figures (or another page is opened first):
        seeding may start the demo chain, a second of imports Home need not wait behind.
        Asked before the profile is open, it runs once it is (`run`)."""
        if not self._wants_demo_wallet or self._seeded:
            return
        self._seeded = True

        def seeded(wallet) -> None:
            self.demo_wallet = wallet
            self.changed.emit(frozenset({WALLET}))

        def seed(svc):
            from app.core.services.wallet import DEMO_KIND, DEMO_PASSWORD, DemoWallet

            status = svc.wallet.status()
            if status.kind == DEMO_KIND:  # seeded by init: nothing to do, no chain to start
                return DemoWallet(status.address, False, None, DEMO_PASSWORD)
            return svc.wallet.seed_demo_wallet()  # e.g. a keyring that is usable now

        self.run(seed, seeded, lambda _e: None, lane="chain")

    @property
    def is_ready(self) -> bool:
        return self.services is not None

    # -- running use cases --------------------------------------------------------------------
    def run(self, fn: Callable, on_done: Callable | None = None,
            on_error: Callable | None = None, changes: tuple[str, ...] = (),
            lane: str = LEDGER) -> None:
        """Run fn(services) on a lane; on success report `changes` and call on_done. Asked
        before the profile is first open (Home showing figures it glanced), it runs once it
        is."""
        if self._before_ready is not None:
            self._before_ready.append((fn, on_done, on_error, changes, lane))
            return

        def done(result):
            if changes:
                self.changed.emit(frozenset(changes))
            if on_done:
                on_done(result)

        def call():
            svc = self.services
            if svc is None:  # closed since (the app quitting, a reset): nothing to run on
                from app.core.errors import ExternalError

                raise ExternalError("The profile is closed.", code="profile_closed")
            return fn(svc)

        (self.chain if lane == "chain" else self.ledger).submit(call, done, on_error)

    def notify(self, *areas: str) -> None:
        self.changed.emit(frozenset(areas))

    def _check_head(self) -> None:
        if self.ledger.busy or self.services is None:
            return

        def compare(value):
            if self._head is not None and value != self._head:
                self.changed.emit(frozenset({LEDGER, PARTNERS}))
            self._head = value

        self.ledger.submit(lambda: _ledger_head(self.services), compare, lambda _e: None)

    # -- demo ---------------------------------------------------------------------------------
    def reset_demo(self, on_done: Callable[[], None]) -> None:
        """Close everything, delete the demo profile, and open a fresh one."""
        def reset():
            svc, self.services = self.services, None
            if svc is not None:
                try:  # Reset demo removes the demo key from the keyring too
                    svc.wallet.forget_demo_wallet()
                except Exception:  # noqa: BLE001 - a missing keyring must not stop a reset
                    pass
                svc.close()
            shutil.rmtree(self.data_dir, ignore_errors=True)
            return self._open()

        def reopened(svc):
            self.services = svc
            self.demo_wallet = None
            self.changed.emit(frozenset(ALL))
            self._seeded = False
            self.seed_demo_wallet()
            on_done()

        self._poll.stop()
        self.chain.submit(lambda: None, lambda _r: self.ledger.submit(
            reset, lambda svc: (reopened(svc), self._poll.start()), self.open_failed.emit))

    def restore(self, source: Path, on_done: Callable, on_error: Callable,
                rollback: tuple[int, int] | None = None) -> None:
        """Replace the SQLite ledger with a backup that passes every check (the current one is
        kept beside it), then reopen the profile. A backup behind this profile's head needs
        `rollback`, the entries the user agreed to take back. on_done gets the kept copy."""
        def work():
            from app.core.services.backup import restore_ledger

            if self.services.ctx.db.dialect != "sqlite":
                from app.core.errors import RuleError

                raise RuleError("Restore a PostgreSQL ledger with the server's own tools.",
                                code="backup_unsupported")
            svc, self.services = self.services, None
            now = svc.ctx.clock.now()
            svc.close()
            try:
                kept = restore_ledger(self.data_dir, Path(source), now, rollback).kept
            except BaseException:
                self.services = self._open()  # refused: the profile as it was
                raise
            return self._open(), kept

        def reopened(result):
            self.services, kept = result
            self._poll.start()
            self.changed.emit(frozenset(ALL))
            on_done(kept)

        def failed(error):
            self._poll.start()
            on_error(error)

        # Let the chain lane finish what it holds before the profile closes under it.
        self._poll.stop()
        self.chain.submit(lambda: None, lambda _r: self.ledger.submit(work, reopened, failed))

    def close(self) -> None:
        self._poll.stop()
        svc, self.services = self.services, None
        self.chain.stop()
        self.ledger.stop()
        # Opened on the lane but never delivered (e.g. a quit while Home showed glanced figures)
        svc = svc or self._opening
        if svc is not None:
            svc.close()


def _ledger_head(svc) -> tuple:
    from sqlalchemy import text

    with svc.ctx.db.read() as s:
        return tuple(s.execute(text("SELECT seq, hash FROM chain_head")).one())
