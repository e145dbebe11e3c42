"""Asking for the wallet password (never stored; handed to the core as a Secret)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout

from app.core.keys import Secret
from app.ui.widgets.common import StatusLine, label, muted
from app.ui.widgets.password_fields import NewPasswordFields
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


class ChangePasswordDialog(QDialog):
    """The current password, then the new one twice (with its strength): one dialog."""

    def __init__(self, on_passwords, parent=None):
        super().__init__(parent)
        self._on_passwords = on_passwords
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(400)
        box = QVBoxLayout(self)
        box.setContentsMargins(22, 20, 22, 18)
        box.addWidget(label(self.tr("Change password"), "SectionTitle"))
        box.addWidget(muted(self.tr("Your key is encrypted again with the new password. The "
                                    "recovery phrase stays the same."), wrap=True))
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setPlaceholderText(self.tr("Current password"))
        self.current.setAccessibleName(self.tr("Current password"))
        box.addWidget(self.current)
        self.new = NewPasswordFields()
        box.addWidget(self.new)
        self.message = StatusLine()
        box.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Change password"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.current.returnPressed.connect(self.new.focus)
        self.new.submitted.connect(self._submit)
        box.addWidget(buttons)

    def _submit(self) -> None:
        new = self.new.password()
        if new is None:
            self.message.error(self.tr("The two new passwords differ."))
            return
        self.ok.setEnabled(False)
        self.message.progress(self.tr("Encrypting your key again…"))
        self._on_passwords(Secret(self.current.text()), new)

    def failed(self, text: str) -> None:
        self.ok.setEnabled(True)
        self.message.error(text)

    def done_ok(self) -> None:
        self.current.clear()
        self.new.clear()
        self.accept()


class ForgetKeyDialog(QDialog):
    """Removing the wallet's key from the keyring, on purpose: the address is typed back."""

    def __init__(self, address: str, on_confirmed, parent=None):
        super().__init__(parent)
        self.address, self._on_confirmed = address, on_confirmed
        self.setWindowTitle(self.tr("Remove the key from this computer"))
        box = QVBoxLayout(self)
        box.setContentsMargins(22, 20, 22, 18)
        at_least(self, 440)  # and wider when its content (in presenter type) needs it
        box.addWidget(label(self.tr("Remove the key from this computer"), "SectionTitle"))
        box.addWidget(muted(self.tr(
            "The key of {address} is removed from this computer's keyring. The profile keeps "
            "its history and goes on watching the address, but cannot send. You get the key "
            "back only from your recovery phrase, the private key or a keystore backup — make "
            "sure you have one.").format(address=address), wrap=True))
        self.typed = QLineEdit()
        self.typed.setPlaceholderText(self.tr("Type {tail} to confirm").format(
            tail=address[-6:]))
        self.typed.setAccessibleName(self.tr("The address's last 6 characters"))
        box.addWidget(self.typed)
        self.message = StatusLine()
        box.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.remove = buttons.addButton(self.tr("Remove key"),
                                        QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        buttons.rejected.connect(self.reject)
        self.remove.clicked.connect(lambda: self._on_confirmed(self.typed.text()))
        box.addWidget(buttons)

    def failed(self, text: str) -> None:
        self.message.error(text)
