"""A QR code of an address (segno), drawn crisp at any size."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget


class QrCode(QWidget):
    def __init__(self, parent: QWidget | None = None, size: int = 168):
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self.setFixedSize(size, size)

    def set_text(self, text: str | None) -> None:
        if not text:
            self._matrix = []
        else:
            import segno

            code = segno.make(text, error="m")
            self._matrix = [[bool(v) for v in row] for row in code.matrix_iter(border=2)]
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        if not self._matrix:
            return
        n = len(self._matrix)
        cell = min(self.width(), self.height()) / n
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#111111"))
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(x * cell, y * cell, cell + 0.4, cell + 0.4))
