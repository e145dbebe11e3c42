"""Adding or editing an address book entry. Exchange deposit addresses are cash-out targets,
each bound to the network the exchange gave it for (sending on another is refused)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout

from app.ui.backend import WALLET
from app.ui.errors import explain
from app.ui.widgets.common import StatusLine, button, label
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
        self.network = QComboBox()
        self.network_caption = label(self.tr("Network"))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Exchange"), self.exchange)
        form.addRow(self.network_caption, self.network)
        self.network_caption.setBuddy(self.network)  # names the box for screen readers
        self.network_hint = label(self.tr(
            "The network the exchange's deposit page names for this address. MLK sent on "
            "another network is usually lost."), "Muted", wrap=True)
        box.addLayout(form)
        box.addWidget(self.network_hint)
        self.message = StatusLine()
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
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.backend.run(lambda svc: svc.chain.config, self._networks, lambda _e: None)

    def _kind_changed(self, *_args) -> None:
        exchange = self.kind.currentData() == "exchange"
        for w in (self.exchange, self.network, self.network_caption, self.network_hint):
            w.setVisible(exchange)

    def _networks(self, config) -> None:
        """This wallet's network first (the default), then the networks MLK is known on."""
        from app.core.chain.network import KNOWN_NETWORKS

        self.network.clear()
        self.network.addItem(self.tr("{name} (this wallet's network)").format(
            name=config.name), (config.chain_id, config.name))
        for chain_id, name in sorted(KNOWN_NETWORKS.items(), key=lambda kv: kv[1]):
            if chain_id != config.chain_id:
                self.network.addItem(f"{name} ({chain_id})", (chain_id, name))
        if self.contact is not None and self.contact.chain_id is not None:
            index = next((i for i in range(self.network.count())
                          if self.network.itemData(i)[0] == self.contact.chain_id), -1)
            if index < 0:
                self.network.addItem(f"{self.contact.network} ({self.contact.chain_id})",
                                     (self.contact.chain_id, self.contact.network))
                index = self.network.count() - 1
            self.network.setCurrentIndex(index)

    def _save(self) -> None:
        name, kind, exchange = self.name.text(), self.kind.currentData(), self.exchange.text()
        chain_id, network = self.network.currentData() or (None, None)
        if self.contact:
            cid = self.contact.id

            def work(svc):
                return svc.wallet.book.update(cid, name, kind, exchange, chain_id, network)
        else:
            address = self.address.text()

            def work(svc):
                return svc.wallet.book.add(name, address, kind, exchange, chain_id, network)
        self.backend.run(work, lambda _c: self.accept(),
                         lambda e: self.message.error(explain(e)), changes=(WALLET,))
