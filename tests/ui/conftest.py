"""The real app, offscreen, driven through its widgets (pytest-qt)."""
from __future__ import annotations

import os
import sys
import time

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSWORD = "password123"

if sys.version_info < (3, 12):
    # PySide6 6.12 on Python 3.11 drops a reference to None on every call of a Qt method that
    # returns nothing (None is immortal from 3.12 on). Tests that lay out and render screens
    # thousands of times would bring None's count to zero and abort the run: pin it.
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


@pytest.fixture(scope="session", autouse=True)
def gc_on_the_gui_thread(qapp):
    """As the app does (app.ui.app): cycles are collected on the GUI thread only, never from
    a lane, where destroying a Qt object crashes the process. The full collections are each
    test's own, at its end (make_app), not timed ones in the middle of a measured step."""
    import gc

    from app.ui.tasks import GuiThreadGC

    keeper = GuiThreadGC(qapp, full_every=None)
    yield keeper
    keeper._timer.stop()
    gc.enable()


def settle(qtbot, backend, timeout: int = 30_000) -> None:
    """Wait until both lanes are idle (all submitted work delivered)."""
    qtbot.waitUntil(lambda: not backend.ledger.busy and not backend.chain.busy, timeout=timeout)


class LagMeter:
    """Measures the GUI thread's responsiveness: the longest gap between 5 ms timer ticks."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.worst = 0.0
        self._last = None

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.worst = max(self.worst, now - self._last)
        self._last = now

    def __enter__(self):
        self._last = None
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.stop()


@pytest.fixture
def make_app(qtbot, tmp_path):
    """Open the app on a profile; returns (window, backend). Closes it afterwards."""
    from PySide6.QtCore import QSettings

    from app.core.keys import KeyCustody
    from app.core.services import Services
    from app.ui import i18n, theme
    from app.ui.backend import Backend
    from app.ui.main_window import MainWindow

    opened = []

    def make(lang: str = "en", demo: bool = True, before=None, data_dir=None,
             demo_wallet: bool = False, scale: float = 1.0):
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        prefs = QSettings(str(tmp_path / f"prefs-{len(opened)}.ini"), QSettings.Format.IniFormat)
        theme.apply(app, False, scale)
        languages = i18n.Languages(app)
        languages.set(lang)
        directory = data_dir or tmp_path / f"profile-{len(opened)}"
        if before is not None:  # prepare the profile before the app opens it
            svc = Services.open(directory, demo_wallet=demo_wallet)
            svc.admin.init(demo=demo)
            before(svc)
            svc.close()

        def open_services(d):
            return Services.open(d, custody=KeyCustody(scrypt_n=2**12), demo_wallet=demo_wallet)

        backend = Backend(directory, demo=demo, open_services=open_services, parent=app,
                          demo_wallet=demo_wallet)
        window = MainWindow(backend, languages, prefs)
        window.resize(1280, 860)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.home_painted, timeout=30_000):
            backend.start()
        settle(qtbot, backend)
        opened.append((window, backend, languages))
        return window, backend

    yield make
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    from app.ui import fmt

    fmt.set_private(False)  # privacy mode is module state: never carried into the next test
    for window, backend, languages in opened:
        window.close()
        languages.set("en")
        window.deleteLater()
        backend.deleteLater()
        languages.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()  # here, in the GUI thread, not later in some worker thread
