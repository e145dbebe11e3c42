"""Help → Keyboard shortcuts: every shortcut of the window, as the window registered them."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QVBoxLayout, QWidget

from app.ui.widgets.common import label, muted
from app.ui.widgets.reflow import scrolled


class ShortcutsDialog(QDialog):
    def __init__(self, shortcuts: list[tuple[QKeySequence, str]], parent=None):
        """`shortcuts`: (key sequence, what it does), in the order to list them."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 20, 24, 18)
        box.setSpacing(12)
        box.addWidget(label(self.windowTitle(), "SectionTitle"))
        table = QWidget()
        grid = QGridLayout(table)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        for row, (keys, what) in enumerate(shortcuts):
            grid.addWidget(label(keys.toString(QKeySequence.SequenceFormat.NativeText),
                                 "Chip"), row, 0)
            grid.addWidget(label(what), row, 1)
        grid.setColumnStretch(1, 1)
        box.addWidget(scrolled(table), 1)  # on a short screen the list scrolls
        box.addWidget(muted(self.tr("Tab and Shift+Tab move between controls; Enter runs the "
                                    "main action of a form or dialog; Esc closes a dialog."),
                            wrap=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setDefault(True)  # Enter or Esc closes it
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
