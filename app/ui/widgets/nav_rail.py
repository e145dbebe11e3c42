"""The navigation rail: one button per page, icon above label."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QLabel, QToolButton, QVBoxLayout, QWidget

from app.ui import icons, theme


class NavRail(QFrame):
    selected = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Rail")
        self.setFixedWidth(96)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 14, 8, 14)
        self._layout.setSpacing(6)
        self.logo = QLabel()
        self.logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._layout.addWidget(self.logo)
        self._layout.addSpacing(10)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self.selected.emit)
        self._buttons: list[tuple[QToolButton, str]] = []
        self._tail = QVBoxLayout()
        self._layout.addStretch(1)
        self._layout.addLayout(self._tail)
        self.restyle()

    def add(self, icon_name: str) -> QToolButton:
        b = QToolButton()
        b.setObjectName("RailButton")
        b.setCheckable(True)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        b.setIconSize(QSize(24, 24))
        b.setFixedWidth(80)
        b.setCursor(Qt.CursorShape.PointingHandCursor)
        self._group.addButton(b, len(self._buttons))
        self._layout.insertWidget(2 + len(self._buttons), b)
        self._buttons.append((b, icon_name))
        self.restyle()
        return b

    def add_bottom(self, widget: QWidget) -> None:
        self._tail.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)

    def set_current(self, index: int) -> None:
        self._buttons[index][0].setChecked(True)

    def set_text(self, index: int, text: str) -> None:
        self._buttons[index][0].setText(text)

    def restyle(self) -> None:
        c = theme.colors()
        self.logo.setPixmap(icons.pixmap("logo", c.accent, 40))
        for b, name in self._buttons:
            b.setIcon(icons.icon(name, c.muted, c.accent, 24))
