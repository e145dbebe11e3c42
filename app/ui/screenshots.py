"""`milk-wallet --demo --screenshot DIR`: every page, in English and Korean, rendered
offscreen to PNG files, then exit. Each page is captured once its data has loaded."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

PAGE_NAMES = ("home", "exchange", "wallet", "activity", "partners", "settings")
SETTLE_MS = 400
MAX_WAIT_MS = 20000


class Screenshots(QObject):
    def __init__(self, window, languages, directory: Path, langs=("en", "ko")):
        super().__init__(window)
        self.window, self.languages, self.directory = window, languages, Path(directory)
        self.plan = [(lang, i) for lang in langs for i in range(len(PAGE_NAMES))]
        self.saved: list[Path] = []
        self._timer = QTimer(self, interval=100)
        self._timer.timeout.connect(self._poll)
        self._waited = self._quiet = 0

    def start(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self._prepare_wallet()

    def _prepare_wallet(self) -> None:
        """Pages are more telling with a wallet and some activity: on a demo profile, the demo
        wallet (its demo-only key, the Upbit (demo) contact), one conversion and one
        withdrawal (each under a fixed idempotency key, so running this again adds
        nothing)."""
        def ensure(svc):
            if self.window.backend.demo:
                from app.core.errors import MilkError

                svc.wallet.seed_demo_wallet()  # the same wallet the demo always has
                try:
                    svc.exchange.convert("SSG_DUTYFREE", "MLK", "20000", key="screenshots")
                    svc.bridge.withdraw("40", key="screenshots")
                except MilkError:
                    pass  # a profile that moved on: take it as it is

        from app.ui.backend import ALL

        self.window.backend.run(ensure, lambda _r: self._next(), lambda _e: self._next(),
                                changes=ALL, lane="chain")

    def _next(self) -> None:
        if not self.plan:
            QApplication.instance().quit()
            return
        lang, index = self.plan[0]
        if self.languages and lang != _current_lang():
            self.languages.set(lang)
        self.window.show_page(index)
        if PAGE_NAMES[index] == "exchange":  # a live quote says more than an empty form
            self.window.exchange.prefill("SSG_DUTYFREE", 45_100)
        self._waited = self._quiet = 0
        self._timer.start()

    def _poll(self) -> None:
        backend = self.window.backend
        busy = backend.ledger.busy or backend.chain.busy
        self._waited += 100
        self._quiet = 0 if busy else self._quiet + 100
        if self._quiet >= SETTLE_MS or self._waited >= MAX_WAIT_MS:
            self._timer.stop()
            lang, index = self.plan.pop(0)
            path = self.directory / f"{lang}-{PAGE_NAMES[index]}.png"
            self.window.grab().save(str(path))
            self.saved.append(path)
            self._next()


def _current_lang() -> str:
    from app.ui import i18n

    return i18n.current()
