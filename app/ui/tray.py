"""The app beside the clock: a tray icon with OS notifications before points expire and when a
sync finds a balance changed — also while the window is closed to the tray, when the app keeps
syncing in the background."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from app.ui import fmt, icons, theme
from app.ui.backend import LEDGER, PARTNERS

CHECK_MS = 30 * 60 * 1000  # look for due reminders and sync this often
KEEP_IN_TRAY = "tray"  # QSettings key: close the window to the tray


class Tray(QObject):
    notified = Signal(str, str)  # title, text (also when the system has no tray to show it)
    open_requested = Signal()

    def __init__(self, backend, prefs, parent: QObject | None = None):
        super().__init__(parent)
        self.backend, self.prefs = backend, prefs
        self.history: list[tuple[str, str]] = []
        self.icon = QSystemTrayIcon(icons.icon("logo", theme.colors().accent), self)
        self.icon.setToolTip("MiL.k Wallet")
        self.menu = QMenu()
        self.open_action, self.quit_action = QAction(self.menu), QAction(self.menu)
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.open_action.triggered.connect(self.open_requested.emit)
        self.quit_action.triggered.connect(QApplication.instance().quit)
        self.icon.activated.connect(self._activated)
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.sync_in_background)  # a changed ledger then checks
        backend.ready.connect(self._start)
        backend.changed.connect(self._changed)
        self.retranslate()

    @property
    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    @property
    def keep_running(self) -> bool:
        """Closing the window leaves the app in the tray (only where there is a tray)."""
        return self.available and self.prefs.value(KEEP_IN_TRAY, "1") == "1"

    def set_keep_running(self, on: bool) -> None:
        self.prefs.setValue(KEEP_IN_TRAY, "1" if on else "0")
        QApplication.instance().setQuitOnLastWindowClosed(not self.keep_running)

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("Open MiL.k Wallet"))
        self.quit_action.setText(self.tr("Quit"))

    def _start(self) -> None:
        if self.available:
            self.icon.show()
        QApplication.instance().setQuitOnLastWindowClosed(not self.keep_running)
        self._timer.start()
        QTimer.singleShot(0, self.check)  # after what the pages ask for at the same moment

    def _activated(self, reason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def _changed(self, areas: frozenset) -> None:
        if LEDGER in areas or PARTNERS in areas:
            QTimer.singleShot(0, self.check)

    # -- reminders -----------------------------------------------------------------------------
    def check(self) -> None:
        """Due expiry reminders, now (on the ledger lane; nothing shown twice)."""
        def due(svc):
            reminders = svc.reminders.due()
            svc.reminders.mark_sent(reminders)
            return reminders

        if self.backend.is_ready:
            self.backend.run(due, self._show, lambda _e: None)

    def sync_in_background(self) -> None:
        """Every half hour, also while only the tray is left: bring partners up to date and
        say what changed."""
        def sync(svc):
            return svc.reminders.after_sync(svc.partners.sync_all())

        if self.backend.is_ready:
            self.backend.run(sync, self._show, lambda _e: None, changes=(LEDGER, PARTNERS))

    def _show(self, reminders) -> None:
        for r in reminders:
            name = fmt.asset_name(r.partner)
            if r.kind == "expiry":
                title = self.tr("{partner} points expire soon").format(partner=name)
                text = (self.tr("{points} expire tomorrow. Convert them in MiL.k now.")
                        if r.days_left <= 1 else self.tr(
                            "{points} expire on {day}, in {n} days. Convert them before they "
                            "expire.")).format(points=fmt.points(r.points),
                                               day=fmt.day(r.expires_on), n=r.days_left)
            else:
                title = self.tr("{partner} balance changed").format(partner=name)
                text = self.tr("{change} since the last sync.").format(
                    change=fmt.signed(r.partner, r.points))
            self.notify(title, text)

    def notify(self, title: str, text: str) -> None:
        self.history.append((title, text))
        if self.available and self.icon.isVisible():
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information)
        self.notified.emit(title, text)

    def hide(self) -> None:
        self._timer.stop()
        self.icon.hide()
