"""Asking for the wallet password (never stored; handed to the core as a Secret)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from app.core.keys import Secret
from app.ui.widgets.common import label, muted
from app.ui.widgets.reflow import at_least


class PasswordDialog(QDialog):
    def __init__(self, title: str, explanation: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        box = QVBoxLayout(self)
        box.setContentsMargins(22, 20, 22, 18)
        at_least(self, 380)
        box.addWidget(label(title, "SectionTitle"))
        if explanation:
            box.addWidget(muted(explanation, wrap=True))
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("Wallet password"))
        self.field.setAccessibleName(self.tr("Wallet password"))
        box.addWidget(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continue"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)  # Enter
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def secret(self) -> Secret:
        return Secret(self.field.text())

    @classmethod
    def request(cls, parent, title: str, explanation: str, on_secret) -> PasswordDialog:
        """Open (without blocking) and call on_secret(Secret) if the user continues."""
        dialog = cls(title, explanation, parent)
        dialog.setObjectName("PasswordDialog")
        dialog.accepted.connect(lambda: on_secret(dialog.secret()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
