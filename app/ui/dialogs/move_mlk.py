"""Moving MLK between the app's ledger and the wallet: withdraw (TICA's treasury sends it to
your address) or deposit (your key sends it to the treasury; credited after confirmations)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QVBoxLayout

from app.core.keys import Secret
from app.core.money import plain_amount
from app.ui import fmt
from app.ui.backend import LEDGER, WALLET
from app.ui.errors import explain
from app.ui.models.wallet_models import status_text
from app.ui.widgets.common import StatusLine, amount_row, button, label, muted
from app.ui.widgets.reflow import at_least


class MoveMlkDialog(QDialog):
    def __init__(self, backend, direction: str, state, parent=None):
        super().__init__(parent)
        self.backend, self.direction = backend, direction
        withdraw = direction == "withdraw"
        balances = state.get("balances") if state else None
        self.available = (balances.mlk_in_app if withdraw else balances.mlk_onchain) \
            if balances else 0
        self.setWindowTitle(self.tr("Withdraw MLK") if withdraw else self.tr("Deposit MLK"))
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 20, 24, 18)
        at_least(self, 460)
        box.addWidget(label(self.windowTitle(), "SectionTitle"))
        box.addWidget(muted(self.tr(
            "In-app MLK goes to your wallet on the chain. TICA's treasury sends it; the amount "
            "is held until the network confirms the transfer.") if withdraw else self.tr(
            "MLK in your wallet goes into the app, where TICA can convert it. It is credited "
            "once the network has confirmed it."), wrap=True))
        row, self.amount, self.max_button = amount_row("MLK", self.tr("Max"))
        box.addLayout(row)
        self.available_label = muted()
        box.addWidget(self.available_label)
        self._show_available()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        demo = self.backend.demo_password()
        self.password.setPlaceholderText(self.tr("Demo password: {}").format(demo) if demo
                                         else self.tr("Wallet password"))
        self.password.setAccessibleName(self.tr("Wallet password"))
        self.password.setVisible(not withdraw)
        box.addWidget(self.password)
        self.message = StatusLine()
        box.addWidget(self.message)
        actions = QHBoxLayout()
        self.go = button(self.tr("Withdraw") if withdraw else self.tr("Deposit"), primary=True)
        self.close_button = button(self.tr("Close"))
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        actions.addWidget(self.go)
        box.addLayout(actions)
        self.max_button.clicked.connect(
            lambda: self.amount.setText(plain_amount("MLK", self.available)))
        self.go.setDefault(True)  # Enter withdraws or deposits, Esc closes
        self.go.clicked.connect(self._go)
        self.close_button.clicked.connect(self.reject)

    def _go(self) -> None:
        amount = self.amount.text()
        self.go.setEnabled(False)
        self.message.progress(self.tr("Sending…") if self.direction == "withdraw"
                              else self.tr("Signing…"))
        if self.direction == "withdraw":
            def work(svc):
                return svc.bridge.withdraw(amount)
        else:
            password = Secret(self.password.text())

            def work(svc):
                return svc.bridge.deposit(amount, password)
        self.backend.run(work, self._done, self._failed, changes=(WALLET, LEDGER), lane="chain")

    def _show_available(self) -> None:
        self.available_label.setText(self.tr("Available: {}").format(
            fmt.mlk(self.available, None)))

    def _done(self, result) -> None:
        tx = result.tx
        self.message.success(self.tr("{amount}: {status}. Transaction {hash}").format(
            amount=fmt.mlk(tx.amount, None), status=status_text(tx), hash=tx.tx_hash))
        if not result.replayed:
            self.available -= tx.amount
            self._show_available()
        self.amount.clear()
        self.amount.setEnabled(False)
        self.max_button.setEnabled(False)
        self.go.hide()
        self.close_button.setText(self.tr("Done"))
        self.close_button.setDefault(True)

    def _failed(self, error) -> None:
        self.go.setEnabled(True)
        self.message.error(explain(error))
