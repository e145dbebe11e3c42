"""A check box whose text wraps onto further lines, for sentences that must be read in full
(a warning to acknowledge): a plain QCheckBox keeps one line and is cut at the dialog's edge."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QStyle, QStyleOptionButton, QStylePainter

TEXT_FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
PROBE_HEIGHT = 1000  # any height: the style's margins around the text do not depend on it


class WrappingCheckBox(QCheckBox):
    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _option(self, width: int, height: int = PROBE_HEIGHT) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.rect = QRect(0, 0, width, height)
        return option

    def _text_rect(self, option: QStyleOptionButton) -> QRect:
        return self.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, self)

    def _text_height(self, text_width: int) -> int:
        bounds = QRect(0, 0, max(text_width, 1), 100_000)
        return self.fontMetrics().boundingRect(bounds, TEXT_FLAGS, self.text()).height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        option = self._option(width)
        room = self._text_rect(option)
        frame = PROBE_HEIGHT - room.height()  # padding and border above and below the text
        box = super().sizeHint().height()  # one line, or the indicator if taller
        return max(box, self._text_height(room.width()) + frame)

    def sizeHint(self) -> QSize:
        one_line = super().sizeHint()
        width = min(one_line.width(), one_line.width() - self._one_line_text_width() +
                    self.fontMetrics().averageCharWidth() * 48)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        one_line = super().sizeHint()
        width = min(one_line.width(), one_line.width() - self._one_line_text_width() +
                    self.fontMetrics().averageCharWidth() * 16)
        return QSize(width, self.heightForWidth(width))

    def _one_line_text_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self.text())

    def hitButton(self, pos) -> bool:
        return self.rect().contains(pos)  # every line of the text toggles it

    def paintEvent(self, _event) -> None:
        painter = QStylePainter(self)
        option = self._option(self.width(), self.height())
        text, option.text = option.text, ""
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)  # box, frame, focus
        self.style().drawItemText(painter, self._text_rect(option), int(TEXT_FLAGS),
                                  option.palette, self.isEnabled(), text,
                                  QPalette.ColorRole.WindowText)
