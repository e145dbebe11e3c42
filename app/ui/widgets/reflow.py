"""Layouts that reflow with the width they get, so a page fits 960×540 and uses 1920×1080.

`Columns` puts its widgets (cards) in as many equal columns as fit, row after row: one column
on a narrow window, up to `max_columns` on a wide one. `Flow` lays widgets (buttons, filters)
side by side at their natural width and wraps them onto the next line when the line is full,
giving the room left on a line to the widgets that expand (a search field).

Both answer heightForWidth, so the scroll area around a page knows how tall the page becomes.
`addWidget` takes and ignores a grid position or stretch, so they replace a QGridLayout or
QHBoxLayout without touching the code that fills them."""
from __future__ import annotations

from math import ceil

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from app.ui import theme

GROWING = (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)


class _Reflow(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 14):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._heights: dict[int, int] = {}
        self.setSpacing(spacing)

    # -- the QLayout contract ----------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def addWidget(self, widget: QWidget, *_position_or_stretch) -> None:
        super().addWidget(widget)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height_for(width)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        width = self._preferred_width()
        return QSize(width, self._height_for(width))

    # -- shared helpers ------------------------------------------------------------------------
    def _height_for(self, width: int) -> int:
        if width not in self._heights:
            self._heights[width] = self._arrange(QRect(0, 0, width, 0), apply=False)
        return self._heights[width]

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _inner(self, rect: QRect) -> QRect:
        m = self.contentsMargins()
        return rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())

    def _margins(self) -> tuple[int, int]:
        m = self.contentsMargins()
        return m.left() + m.right(), m.top() + m.bottom()

    @staticmethod
    def _height(item: QLayoutItem, width: int) -> int:
        natural = item.heightForWidth(width) if item.hasHeightForWidth() else \
            item.sizeHint().height()
        return max(natural, item.minimumSize().height())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        raise NotImplementedError

    def _preferred_width(self) -> int:
        raise NotImplementedError


class Columns(_Reflow):
    """Cards in equal columns, at least `min_width` logical pixels wide (and as wide as the
    widest card's minimum), at most `max_columns` of them."""

    def __init__(self, parent: QWidget | None = None, min_width: int = 280,
                 max_columns: int = 3, spacing: int = 14):
        super().__init__(parent, spacing)
        self.min_width, self.max_columns = min_width, max_columns

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def _column_min(self) -> int:
        return max([ceil(self.min_width * theme.scale())] +
                   [item.minimumSize().width() for item in self._shown()])

    def columns_for(self, width: int) -> int:
        """How many columns fit in `width` (the room inside the margins)."""
        column, gap = self._column_min(), self.spacing()
        return max(1, min(self.max_columns, (width + gap) // (column + gap)))

    def minimumSize(self) -> QSize:
        across, down = self._margins()
        tallest = max((item.minimumSize().height() for item in self._shown()), default=0)
        return QSize(self._column_min() + across, tallest + down)

    def _preferred_width(self) -> int:
        n = min(self.max_columns, max(1, len(self._shown())))
        return n * self._column_min() + (n - 1) * self.spacing() + self._margins()[0]

    def _arrange(self, rect: QRect, apply: bool) -> int:
        inner, gap = self._inner(rect), self.spacing()
        items = self._shown()
        if not items:
            return self._margins()[1]
        n = self.columns_for(inner.width())
        width = (inner.width() - (n - 1) * gap) // n
        y = inner.y()
        for start in range(0, len(items), n):
            row = items[start:start + n]
            height = max(self._height(item, width) for item in row)
            if apply:
                for i, item in enumerate(row):
                    item.setGeometry(QRect(inner.x() + i * (width + gap), y, width, height))
            y += height + gap
        return y - gap - inner.y() + self._margins()[1]


class Flow(_Reflow):
    """Widgets side by side at their natural width, wrapping onto further lines; the room
    left on a line goes to the widgets that expand horizontally. Widgets shorter than their
    line sit in its middle, or at its foot with `bottom` (fields under captions)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8, bottom: bool = False):
        super().__init__(parent, spacing)
        self.bottom = bottom

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def minimumSize(self) -> QSize:
        across, down = self._margins()
        items = self._shown()
        return QSize(max((i.minimumSize().width() for i in items), default=0) + across,
                     max((i.minimumSize().height() for i in items), default=0) + down)

    def _preferred_width(self) -> int:
        items = self._shown()
        return sum(i.sizeHint().width() for i in items) + \
            self.spacing() * max(0, len(items) - 1) + self._margins()[0]

    @staticmethod
    def _expands(item: QLayoutItem) -> bool:
        widget = item.widget()
        return widget is not None and widget.sizePolicy().horizontalPolicy() in GROWING

    def _lines(self, width: int) -> list[list[tuple[QLayoutItem, int]]]:
        lines: list[list[tuple[QLayoutItem, int]]] = [[]]
        used = 0
        for item in self._shown():
            w = min(max(item.sizeHint().width(), item.minimumSize().width()), width)
            if lines[-1] and used + self.spacing() + w > width:
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + w
            lines[-1].append((item, w))
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, apply: bool) -> int:
        inner, gap = self._inner(rect), self.spacing()
        y = inner.y()
        lines = self._lines(inner.width())
        for line in lines:
            spare = inner.width() - sum(w for _, w in line) - gap * (len(line) - 1)
            growing = [item for item, _ in line if self._expands(item)]
            height = max(self._height(item, w) for item, w in line)
            x = inner.x()
            for item, w in line:
                if item in growing:
                    w += spare // len(growing)
                if apply:
                    h = min(height, self._height(item, w))
                    top = y + (height - h if self.bottom else (height - h) // 2)
                    item.setGeometry(QRect(x, top, w, h))
                x += w + gap
            y += height + gap
        return (y - gap if lines else y) - inner.y() + self._margins()[1]


class _DownScroll(QScrollArea):
    """Scrolls down only: as wide as its content needs, as tall as the window allows."""

    def _bar(self) -> int:
        return self.verticalScrollBar().sizeHint().width()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content's needs changed: so do this area's
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.widget().minimumSizeHint().width() + self._bar(),
                     super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        content = self.widget()
        width = content.sizeHint().width()
        height = content.heightForWidth(width) if content.hasHeightForWidth() else \
            content.sizeHint().height()
        return QSize(width + self._bar(), max(height, content.minimumSizeHint().height()))


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless area that scrolls down when the window is too short for it (a
    dialog on a 540-pixel-high screen) and keeps its width, so its layout reflows."""
    area = _DownScroll()
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls; they scroll in
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def at_least(window: QWidget, width: int) -> None:
    """`window` is at least `width` wide, and wider whenever its content needs more. (A window's
    own setMinimumWidth replaces what its layout asks for, and Qt then lets it be narrower
    than its content once that grows, as a dialog's next step does.)"""
    layout = window.layout()
    m = layout.contentsMargins()
    layout.addItem(QSpacerItem(width - m.left() - m.right(), 0, QSizePolicy.Policy.Fixed,
                               QSizePolicy.Policy.Fixed))
