"""Adding or editing an address book entry (exchange deposit addresses are cash-out targets)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout

from app.ui.backend import WALLET
from app.ui.errors import explain
from app.ui.widgets.common import button, label
from app.ui.widgets.reflow import at_least


class ContactDialog(QDialog):
    def __init__(self, backend, contact=None, parent=None):
        super().__init__(parent)
        self.backend, self.contact = backend, contact
        self.setWindowTitle(self.tr("Edit address") if contact else self.tr("New address"))
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 20, 24, 18)
        at_least(self, 480)
        box.addWidget(label(self.windowTitle(), "SectionTitle"))
        form = QFormLayout()
        self.name = QLineEdit(contact.label if contact else "")
        self.address = QLineEdit(contact.address if contact else "")
        self.address.setPlaceholderText("0x…")
        self.address.setReadOnly(contact is not None)
        self.kind = QComboBox()
        for key, text in (("exchange", self.tr("Exchange deposit address")),
                          ("other", self.tr("Other")), ("own", self.tr("Own"))):
            self.kind.addItem(text, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(contact.kind if contact else
                                                            "exchange")))
        self.exchange = QLineEdit(contact.exchange or "" if contact else "Upbit")
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Exchange"), self.exchange)
        box.addLayout(form)
        self.message = label("", "Error", wrap=True)
        box.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel, save = button(self.tr("Cancel")), button(self.tr("Save"), primary=True)
        row.addWidget(cancel)
        row.addWidget(save)
        save.setDefault(True)  # Enter saves, Esc cancels
        box.addLayout(row)
        cancel.clicked.connect(self.reject)
        save.clicked.connect(self._save)

    def _save(self) -> None:
        name, kind, exchange = self.name.text(), self.kind.currentData(), self.exchange.text()
        if self.contact:
            cid = self.contact.id

            def work(svc):
                return svc.wallet.book.update(cid, name, kind, exchange)
        else:
            address = self.address.text()

            def work(svc):
                return svc.wallet.book.add(name, address, kind, exchange)
        self.backend.run(work, lambda _c: self.accept(),
                         lambda e: self.message.setText(explain(e)), changes=(WALLET,))
