"""Choosing a new password: two fields, a show-password toggle and a strength meter."""
from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from app.core.keys import Secret
from app.ui.widgets.common import label

MIN_LENGTH = 8  # the core refuses shorter passwords; the meter says so first
COMMON = ("password", "qwerty", "123456", "111111", "abc123", "iloveyou", "letmein", "admin",
          "welcome", "monkey", "dragon", "sunshine", "milk", "wallet", "bitcoin")


def strength(password: str) -> int:
    """0 (too short) to 4 (strong): rough entropy from length and character variety, with
    the usual patterns (repeats, runs, common words) counted as what they are."""
    if len(password) < MIN_LENGTH:
        return 0
    pool = sum(size for pattern, size in ((r"[a-z]", 26), (r"[A-Z]", 26), (r"[0-9]", 10),
                                          (r"[^a-zA-Z0-9]", 33)) if re.search(pattern, password))
    unique = len(set(password))
    bits = min(len(password), unique * 2) * math.log2(max(pool, 10))
    lowered = password.lower()
    if any(word in lowered for word in COMMON):
        bits -= 25
    if re.search(r"(.)\1\1", password) or _has_run(lowered):
        bits -= 10
    return 1 if bits < 40 else 2 if bits < 60 else 3 if bits < 80 else 4


def _has_run(text: str, length: int = 4) -> bool:
    runs = ("abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl")
    return any(seq[i:i + length] in text for seq in runs for i in range(len(seq) - length + 1))


class NewPasswordFields(QWidget):
    """Two password fields with a meter; `submitted` on Enter in the second one."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        self.first, self.second = QLineEdit(), QLineEdit()
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            box.addWidget(field)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(6)
        self.verdict = label("", "Muted")
        meter_row = QHBoxLayout()
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.verdict)
        box.addLayout(meter_row)
        self.show_toggle = QCheckBox()
        box.addWidget(self.show_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.first.textChanged.connect(self._rate)
        self.show_toggle.toggled.connect(self._show)
        self.first.returnPressed.connect(self.second.setFocus)
        self.second.returnPressed.connect(self.submitted.emit)
        self.retranslate()

    def retranslate(self) -> None:
        self.first.setPlaceholderText(self.tr("Password (at least 8 characters)"))
        self.second.setPlaceholderText(self.tr("Repeat the password"))
        self.first.setAccessibleName(self.tr("New password"))
        self.second.setAccessibleName(self.tr("Repeat the password"))
        self.show_toggle.setText(self.tr("Show password"))
        self.meter.setAccessibleName(self.tr("Password strength"))
        self._rate(self.first.text())

    def _rate(self, text: str) -> None:
        score = strength(text)
        self.meter.setValue(score)
        self.meter.setProperty("strength", score)
        self.meter.style().polish(self.meter)
        words = (self.tr("Too short"), self.tr("Weak"), self.tr("Fair"), self.tr("Good"),
                 self.tr("Strong"))
        self.verdict.setText(words[score] if text else "")
        self.meter.setAccessibleDescription(words[score])

    def _show(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        for field in (self.first, self.second):
            field.setEchoMode(mode)

    def password(self) -> Secret | None:
        """The chosen password, or None with the reason shown, when the two differ."""
        if self.first.text() != self.second.text():
            return None
        return Secret(self.first.text())

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
        self.show_toggle.setChecked(False)

    def focus(self) -> None:
        self.first.setFocus(Qt.FocusReason.OtherFocusReason)
