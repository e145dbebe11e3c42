"""What every page shares: a scrolling body, a title, retranslation and refresh on change."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from app.ui.backend import Backend
from app.ui.widgets.common import label


class Page(QWidget):
    """Subclasses build widgets in __init__, set texts in `retranslate`, load data in
    `refresh`, and list in `areas` which backend changes concern them."""

    areas: frozenset[str] = frozenset()

    def __init__(self, backend: Backend, parent: QWidget | None = None, scroll: bool = True):
        super().__init__(parent)
        self.backend = backend
        self._visible_once = False
        self._stale = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.body = QWidget()
        self.body.setObjectName("PageBody")
        self.content = QVBoxLayout(self.body)
        self.content.setContentsMargins(28, 24, 28, 24)
        self.content.setSpacing(16)
        self.title = label("", "PageTitle")
        self.content.addWidget(self.title)
        if scroll:
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            # Pages reflow to the width they get; should one still not fit (a very narrow
            # window, very large type) it scrolls rather than cut anything off.
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls, which
            # the area scrolls into view
            area.setWidget(self.body)
            outer.addWidget(area)
        else:
            outer.addWidget(self.body)
        backend.changed.connect(self._on_changed)
        backend.ready.connect(self._on_ready)

    def retranslate(self) -> None:
        """Set every visible text; called at start and when the language changes."""

    def refresh(self) -> None:
        """Load this page's data (asynchronously, through the backend)."""

    def _on_ready(self) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh_now()

    def _on_changed(self, areas: frozenset) -> None:
        if areas & self.areas:
            self._stale = True
            if self.isVisible():
                self._refresh_now()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale and self.backend.is_ready:
            self._refresh_now()

    def _refresh_now(self) -> None:
        self._stale = False
        self.refresh()
