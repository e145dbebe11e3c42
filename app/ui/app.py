"""`milk-wallet`: start the desktop app.

  milk-wallet [--data-dir DIR] [--demo [--tour]] [--presenter] [--lang ko|en]
              [--theme light|dark] [--screenshot DIR [--size WxH]] [--exit-after-paint]
              [--startup-trace]

The window appears first; the profile opens in the background (web3 and py-evm load only
when the wallet is first used)."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

_ENTERED = time.perf_counter()  # the entry module's import: start-up marks count from here


class StartupTrace:
    """`--startup-trace`: one line on stderr per start-up milestone, in ms since the process
    started (from /proc where there is one, else since this module was imported)."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._offset = _process_age_at_entry() if enabled else 0.0
        self._seen: set[str] = set()
        if enabled:
            self._print("entry module imported", 0.0)

    def mark(self, milestone: str) -> None:
        if self.enabled and milestone not in self._seen:
            self._seen.add(milestone)
            self._print(milestone, time.perf_counter() - _ENTERED)

    def _print(self, milestone: str, since_entry: float) -> None:
        ms = (self._offset + since_entry) * 1000
        print(f"startup-trace {ms:9.1f} ms  {milestone}", file=sys.stderr, flush=True)


def _process_age_at_entry() -> float:
    """Seconds from the process's start to the entry module's import (clock-tick resolution,
    10 ms on Linux); 0 where /proc cannot tell."""
    try:
        with open("/proc/self/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        with open("/proc/uptime", "rb") as f:
            uptime = float(f.read().split()[0])
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime
    except (OSError, ValueError, IndexError):
        return 0.0
    return max(0.0, uptime - started - (time.perf_counter() - _ENTERED))


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="milk-wallet", description="MiL.k Wallet")
    p.add_argument("--data-dir", help="profile directory (default: the user data dir)")
    p.add_argument("--demo", action="store_true", help="open the seeded demo profile")
    p.add_argument("--presenter", action="store_true", help="larger type for a projector")
    p.add_argument("--lang", choices=["ko", "en"])
    p.add_argument("--theme", choices=["light", "dark"])
    p.add_argument("--screenshot", metavar="DIR", help="render every page to PNG and exit")
    p.add_argument("--size", metavar="WxH", type=_size,
                   help="the window's size in logical pixels, e.g. 960x540")
    p.add_argument("--tour", action="store_true",
                   help="with --demo: a hands-free guided tour for a partner meeting")
    p.add_argument("--exit-after-paint", action="store_true",
                   help="exit 0 after the first populated paint of Home (start-up timing)")
    p.add_argument("--startup-trace", action="store_true",
                   help="print each start-up milestone with ms since the process started")
    return p.parse_args(argv)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 960x540") from None
    if width < 1 or height < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: both sides must be positive")
    return width, height


def profile_dir(args) -> Path:
    from app.core.profile_dir import resolve_data_dir

    if args.demo and not args.data_dir:
        return resolve_data_dir(None).with_name(resolve_data_dir(None).name + " Demo")
    return resolve_data_dir(args.data_dir)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    trace = StartupTrace(args.startup_trace)
    from PySide6.QtCore import QEvent, QSettings, QSize, QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui import i18n, theme
    from app.ui.backend import Backend
    from app.ui.display import PRESENTER_SCALE
    from app.ui.logs import start_logging
    from app.ui.main_window import MainWindow

    trace.mark("imports done")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("MiL.k Wallet")
    app.setOrganizationName("MiLk")
    from app.ui.tasks import GuiThreadGC

    GuiThreadGC(app)
    prefs = QSettings("MiLk", "MiL.k Wallet")
    dark = (args.theme or prefs.value("theme", "light")) == "dark"
    presenter = args.presenter or prefs.value("presenter", "0") == "1"
    theme.apply(app, dark, PRESENTER_SCALE if presenter else 1.0)
    languages = i18n.Languages(app)
    languages.set(args.lang or prefs.value("language") or i18n.system_language())

    backend = Backend(profile_dir(args), demo=args.demo, parent=app)  # Qt owns it, not the GC
    window = MainWindow(backend, languages, prefs)
    if args.size:
        window.resize(QSize(*args.size))
    else:
        window.resize_within_screen(QSize(1600, 1000) if args.presenter else QSize(1280, 860))
    if args.presenter:  # for this run, without changing the saved choice
        window.display.set_presenter(True, remember=False)
    if args.screenshot:
        from app.ui.screenshots import Screenshots

        shots = Screenshots(window, languages, Path(args.screenshot))
        backend.ready.connect(shots.start)
    elif args.tour and args.demo:
        from app.ui.tour import Tour

        tour = Tour(window)
        window.home_painted.connect(tour.start)
    elif args.exit_after_paint:
        window.home_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    else:
        backend.ready.connect(lambda: _first_run(window, backend))
    # The log starts once the window has painted (or the profile is open, if sooner): the
    # GUI thread has nothing to do before the first frame but paint it.
    logging_started = []
    for ready in (window.first_painted, backend.ready, backend.open_failed):
        ready.connect(lambda *_: logging_started or logging_started.append(start_logging()))
    backend.open_failed.connect(lambda e: _fatal(window, e))
    if trace.enabled:
        backend.ready.connect(lambda: trace.mark("profile open"))
        window.first_painted.connect(lambda: trace.mark("first frame painted"))
        window.home_painted.connect(lambda: trace.mark("Home populated"))
    window.show()
    trace.mark("window shown")
    QTimer.singleShot(0, backend.start)  # after the window is up
    code = app.exec()
    backend.close()
    # Tear the window down here, in the GUI thread, rather than leave it to the garbage
    # collector at exit (which may run anywhere, in any order).
    window.hide()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return code


def _first_run(window, backend) -> None:
    """Offer the wallet set-up once, on a real (non-demo) profile without a wallet."""
    if backend.demo:
        return

    def check(svc) -> bool:
        first = svc.settings.get("ui.first_run_done") != "1"
        svc.settings.set("ui.first_run_done", "1")
        return first and not svc.wallet.status().exists

    def offer(needed: bool) -> None:
        if needed:
            from app.ui.dialogs.first_run import FirstRunWizard

            wizard = FirstRunWizard(backend, window, offer_demo=True)
            wizard.demo_requested.connect(lambda: _relaunch_demo(window))
            wizard.open()

    backend.run(check, offer)


def _relaunch_demo(window) -> None:
    import subprocess

    subprocess.Popen([sys.executable, "-m", "app", "--demo"])
    window.close()


def _fatal(window, error) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.ui.errors import explain

    QMessageBox.critical(window, "MiL.k Wallet", explain(error))
    window.close()
