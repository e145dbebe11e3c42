"""The navigation rail: one button per page, icon above label; tool buttons (Help) and badges
at the bottom. Sizes follow the type scale (presenter mode), and the buttons answer the
keyboard: Tab reaches them, Enter or Space opens the page, Up and Down move along the rail."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QLabel, QToolButton, QVBoxLayout, QWidget

from app.ui import icons, theme

RAIL_WIDTH, BUTTON_WIDTH, ICON = 96, 84, 24


class RailButton(QToolButton):
    def __init__(self, icon_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.icon_name = icon_name
        self.setObjectName("RailButton")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click does not leave a ring behind

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.animateClick()
        elif event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            rail = self.parentWidget()
            buttons = [b for b in rail.findChildren(RailButton) if b.isVisible()]
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            buttons[(buttons.index(self) + step) % len(buttons)].setFocus(
                Qt.FocusReason.TabFocusReason)
        else:
            super().keyPressEvent(event)


class NavRail(QFrame):
    selected = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Rail")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 10, 6, 10)
        self._layout.setSpacing(4)
        self.logo = QLabel()
        self.logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._layout.addWidget(self.logo)
        self._layout.addSpacing(6)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self.selected.emit)
        self._buttons: list[tuple[QToolButton, str]] = []
        self._tools: list[RailButton] = []
        self._tail = QVBoxLayout()
        self._tail.setSpacing(6)
        self._layout.addStretch(1)
        self._layout.addLayout(self._tail)
        self.restyle()

    def add(self, icon_name: str) -> QToolButton:
        b = RailButton(icon_name)
        b.setCheckable(True)
        self._group.addButton(b, len(self._buttons))
        self._layout.insertWidget(2 + len(self._buttons), b, 0, Qt.AlignmentFlag.AlignHCenter)
        self._buttons.append((b, icon_name))
        self.restyle()
        return b

    def add_tool(self, icon_name: str) -> QToolButton:
        """A button at the bottom of the rail that is not a page (Help)."""
        b = RailButton(icon_name)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)  # named by its tooltip
        b.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._tools.append(b)
        self._tail.addWidget(b, 0, Qt.AlignmentFlag.AlignHCenter)
        self.restyle()
        return b

    def add_bottom(self, widget: QWidget) -> None:
        self._tail.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)

    def set_current(self, index: int) -> None:
        self._buttons[index][0].setChecked(True)

    def set_text(self, index: int, text: str) -> None:
        self._buttons[index][0].setText(text)

    def restyle(self) -> None:
        c, scale = theme.colors(), theme.scale()
        self.setFixedWidth(round(RAIL_WIDTH * scale))
        self.logo.setPixmap(icons.pixmap("logo", c.accent, round(36 * scale)))
        for b in [b for b, _ in self._buttons] + self._tools:
            b.setFixedWidth(round(BUTTON_WIDTH * scale))
            b.setIconSize(QSize(round(ICON * scale), round(ICON * scale)))
            b.setIcon(icons.icon(b.icon_name, c.muted, c.accent, round(ICON * scale)))
