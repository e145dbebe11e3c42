"""How the window is shown to the room: presenter mode (larger type for a projector) and
privacy mode (balances and addresses masked, for sharing the screen). Both are toggles in
Settings and shortcuts, remembered between runs."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from app.ui import fmt, theme

PRESENTER_SCALE = 1.35


class DisplayModes(QObject):
    changed = Signal()

    def __init__(self, prefs, parent: QObject | None = None):
        super().__init__(parent)
        self.prefs = prefs
        self.presenter = prefs.value("presenter", "0") == "1"
        self.private = prefs.value("private", "0") == "1"
        fmt.set_private(self.private)

    @property
    def scale(self) -> float:
        return PRESENTER_SCALE if self.presenter else 1.0

    def set_presenter(self, on: bool, remember: bool = True) -> None:
        if on == self.presenter:
            return
        self.presenter = on
        if remember:
            self.prefs.setValue("presenter", "1" if on else "0")
        theme.apply(QApplication.instance(), theme.colors() == theme.DARK, self.scale)
        self.changed.emit()

    def set_private(self, on: bool) -> None:
        if on == self.private:
            return
        self.private = on
        self.prefs.setValue("private", "1" if on else "0")
        fmt.set_private(on)
        self.changed.emit()
