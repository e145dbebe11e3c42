"""Send / cash out: destination and amount → every check and warning → password → progress
until the transaction is confirmed."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.keys import Secret
from app.core.money import plain_amount
from app.ui import fmt
from app.ui.backend import LEDGER, WALLET
from app.ui.errors import explain
from app.ui.models.wallet_models import status_text
from app.ui.widgets.common import StatusLine, amount_row, button, clear_layout, label, muted
from app.ui.widgets.reflow import at_least, scrolled
from app.ui.widgets.wrapping import WrappingCheckBox

GAS = Decimal(10**18)


class SendDialog(QDialog):
    def __init__(self, backend, contacts, parent=None):
        super().__init__(parent)
        self.backend = backend
        self._plan = None
        self._tx = None
        self.setWindowTitle(self.tr("Send MLK"))
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 20, 24, 18)
        at_least(self, 520)
        self.steps = QStackedWidget()
        box.addWidget(scrolled(self.steps))

        # 1. where and how much
        first = QWidget()
        f = QVBoxLayout(first)
        f.addWidget(label(self.tr("Send or cash out MLK"), "SectionTitle"))
        f.addWidget(
            muted(
                self.tr(
                    "Choose a saved destination — exchange deposit addresses "
                    "come first — or paste an address."
                ),
                wrap=True,
            )
        )
        self.destination = QComboBox()
        self.destination.setEditable(True)
        self.destination.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Enter: Review
        self.destination.lineEdit().setPlaceholderText("0x…")
        for c in contacts:
            if c.kind == "own":
                continue
            name = f"{c.label} · {c.exchange}" if c.exchange and c.exchange != c.label else c.label
            self.destination.addItem(f"{name} — {c.address}", c.address)
        self.destination.setCurrentIndex(0 if self.destination.count() else -1)
        destination_caption = muted(self.tr("To"))
        destination_caption.setBuddy(self.destination)  # names it for screen readers
        f.addWidget(destination_caption)
        f.addWidget(self.destination)
        row, self.amount, self.max_button = amount_row("MLK", self.tr("Max"))
        f.addLayout(row)
        self.problem1 = StatusLine()
        f.addWidget(self.problem1)
        self.next_button = button(self.tr("Review"), primary=True)
        f.addWidget(self.next_button)
        self.steps.addWidget(first)

        # 2. review, warnings, password
        second = QWidget()
        s = QVBoxLayout(second)
        s.addWidget(label(self.tr("Check before you send"), "SectionTitle"))
        self.review = QGridLayout()
        s.addLayout(self.review)
        self.warnings_box = QVBoxLayout()
        s.addLayout(self.warnings_box)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        demo = self.backend.demo_password()
        self.password.setPlaceholderText(self.tr("Demo password: {}").format(demo) if demo
                                         else self.tr("Wallet password"))
        self.password.setAccessibleName(self.tr("Wallet password"))
        s.addWidget(self.password)
        self.problem2 = StatusLine()
        s.addWidget(self.problem2)
        row = QHBoxLayout()
        self.back_button = button(self.tr("Back"))
        self.send_button = button(self.tr("Sign and send"), primary=True)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.send_button)
        s.addLayout(row)
        self.steps.addWidget(second)

        # 3. progress
        third = QWidget()
        t = QVBoxLayout(third)
        self.progress_title = label("", "SectionTitle", wrap=True)
        self.progress_text = muted(wrap=True)
        self.progress_text.setTextInteractionFlags(
            self.progress_text.textInteractionFlags() | self.progress_text.textInteractionFlags()
        )
        self.close_button = button(self.tr("Close"), primary=True)
        self.copy_hash = button(self.tr("Copy transaction hash"), link=True)
        self.explorer_link = label()
        self.explorer_link.setOpenExternalLinks(True)
        self.explorer_link.hide()
        t.addWidget(self.progress_title)
        t.addWidget(self.progress_text)
        t.addWidget(self.copy_hash)
        t.addWidget(self.explorer_link)
        t.addStretch(1)
        t.addWidget(self.close_button)
        self.steps.addWidget(third)

        self.next_button.clicked.connect(self._prepare)
        self.max_button.clicked.connect(self._max)
        self.back_button.clicked.connect(lambda: self.steps.setCurrentIndex(0))
        self.send_button.clicked.connect(self._send)
        self.close_button.clicked.connect(self.accept)
        self.copy_hash.clicked.connect(self._copy_hash)
        # Enter runs the step's main button: Review, Sign and send, Close
        self.next_button.setDefault(True)
        self.steps.currentChanged.connect(lambda step: (
            self.next_button, self.send_button, self.close_button)[step].setDefault(True))
        self._poll = QTimer(self, interval=1500)
        self._poll.timeout.connect(self._check)

    def _destination(self) -> str:
        data = self.destination.currentData()
        text = self.destination.currentText()
        return data if data and text.endswith(data) else text

    def _max(self) -> None:
        def balance(svc):
            return svc.wallet.balances().mlk_onchain

        self.backend.run(
            balance,
            lambda units: self.amount.setText(plain_amount("MLK", units)),
            lambda e: self.problem1.error(explain(e)),
            lane="chain",
        )

    def _prepare(self) -> None:
        to, amount = self._destination(), self.amount.text()
        self.problem1.progress(self.tr("Checking…"))
        self.next_button.setEnabled(False)
        self.backend.run(
            lambda svc: svc.sending.prepare(to, amount),
            self._prepared,
            self._prepare_failed,
            lane="chain",
        )

    def _prepare_failed(self, error) -> None:
        self.next_button.setEnabled(True)
        self.problem1.error(explain(error))

    def _prepared(self, plan) -> None:
        self.next_button.setEnabled(True)
        self.problem1.clear()
        self._plan = plan
        clear_layout(self.review)
        who = f"{plan.label}\n{plan.recipient}" if plan.label else plan.recipient
        rows = [
            (self.tr("To"), who),
            (self.tr("Amount"), fmt.mlk(plan.amount, None)),
            (self.tr("Network"), plan.network),
            (
                self.tr("Network fee (at most)"),
                f"{Decimal(plan.max_gas_cost) / GAS:.6f} {plan.gas_coin}",
            ),
        ]
        if plan.krw_estimate is not None:
            caption = (
                self.tr("Cash-out value on {}").format(plan.exchange)
                if plan.exchange
                else self.tr("Value")
            )
            rows.append((caption, "≈ " + fmt.krw(plan.krw_estimate)))
        for i, (k, v) in enumerate(rows):
            self.review.addWidget(muted(k), i, 0)
            self.review.addWidget(label(v, wrap=True, selectable=True), i, 1)
        clear_layout(self.warnings_box)
        self._acks = []
        for w in plan.warnings:
            check = WrappingCheckBox(self.tr("I understand: {}").format(
                _warning_text(self, w, plan)))
            check.setStyleSheet("QCheckBox { font-weight: 600; }")
            check.setProperty("code", w.code)
            self.warnings_box.addWidget(check)
            if w.code == "lookalike" and w.known:
                self.warnings_box.addWidget(_lookalike_view(self, plan.recipient, w))
            self._acks.append(check)
        self.problem2.clear()
        self.password.clear()
        self.steps.setCurrentIndex(1)

    def _send(self) -> None:
        acknowledged = {c.property("code") for c in self._acks if c.isChecked()}
        if len(acknowledged) < len(self._acks):
            self.problem2.error(self.tr("Tick every warning to confirm you have read it."))
            return
        plan, password = self._plan, Secret(self.password.text())
        self.send_button.setEnabled(False)
        self.problem2.progress(self.tr("Signing…"))
        self.backend.run(
            lambda svc: svc.sending.send(plan, password, acknowledged),
            self._sent,
            self._send_failed,
            changes=(WALLET,),
            lane="chain",
        )

    def _send_failed(self, error) -> None:
        self.send_button.setEnabled(True)
        self.problem2.error(explain(error))

    def _sent(self, tx) -> None:
        self._tx = tx
        self.steps.setCurrentIndex(2)
        self._show_progress(tx)
        self._poll.start()
        self.backend.run(lambda svc: svc.chain.config.tx_url(tx.tx_hash), self._explorer,
                         lambda _e: None, lane="chain")

    def _explorer(self, url: str | None) -> None:
        """A link to the network's explorer, when the network has one."""
        self.explorer_link.setVisible(bool(url))
        if url:
            text = self.tr("See it on the explorer")
            self.explorer_link.setText(f"<a href='{url}'>{text}</a>")

    def _check(self) -> None:
        tx_id = self._tx.id

        def refresh(svc):
            svc.chain.tracker().refresh(tx_id)
            return svc.chain.tracker().get(tx_id)

        self.backend.run(refresh, self._show_progress, lambda e: None, lane="chain")

    def _destination_name(self) -> str:
        plan = self._plan
        return plan.label or f"{plan.recipient[:6]}…{plan.recipient[-4:]}"

    def _copy_hash(self) -> None:
        QGuiApplication.clipboard().setText(self._tx.tx_hash)
        self.copy_hash.setText(self.tr("Copied"))

    def _show_progress(self, tx) -> None:
        self._tx = tx
        if tx.status == "confirmed":
            self.progress_title.setText(
                self.tr("Sent {amount} to {to} — confirmed.").format(
                    amount=fmt.mlk(tx.amount, None), to=self._destination_name())
            )
            self._poll.stop()
            self.backend.notify(WALLET, LEDGER)
        elif tx.is_open:
            self.progress_title.setText(self.tr("Sending {amount} to {to}: waiting for the "
                                                "network to confirm…").format(
                amount=fmt.mlk(tx.amount, None), to=self._destination_name()))
        else:
            self.progress_title.setText(self.tr("The transaction did not go through."))
            self._poll.stop()
            self.backend.notify(WALLET)
        self.progress_text.setText(
            self.tr("Status: {status}\nTransaction: {hash}").format(
                status=status_text(tx), hash=tx.tx_hash
            )
        )


def _warning_text(widget, w, plan) -> str:
    texts = {
        "token_contract": QCoreApplication.translate(
            "SendDialog", "this is the MLK token contract; MLK sent to it is lost."
        ),
        "contract": QCoreApplication.translate(
            "SendDialog", "this address is a smart contract, not a personal wallet."
        ),
        "self": QCoreApplication.translate("SendDialog", "this is your own address."),
        "lookalike": QCoreApplication.translate(
            "SendDialog",
            "this address looks like one you paid or saved before but is different — a common "
            "scam. Compare the marked characters below.",
        ),
        "first_time": QCoreApplication.translate(
            "SendDialog", "you have never sent to this address. Consider a small test amount first."
        ),
        "travel_rule": QCoreApplication.translate(
            "SendDialog",
            "this cash-out is worth {value}, at or above Korea's travel-rule line: {exchange} "
            "accepts it only from a wallet registered in your name there. Register this "
            "wallet's address with {exchange} first, or the deposit may be held or returned.",
        ).format(value=fmt.krw(plan.krw_estimate), exchange=plan.exchange or ""),
    }
    return texts.get(w.code, w.message)


def _lookalike_view(widget, recipient: str, w):
    """Both addresses, one above the other, the characters that differ marked in red."""
    from html import escape

    from app.ui import theme

    def marked(address: str) -> str:
        bad = set(w.differing)
        return "".join(f"<b style='color:{theme.colors().negative}'>{escape(ch)}</b>"
                       if i in bad else escape(ch) for i, ch in enumerate(address))

    this, known = QCoreApplication.translate("SendDialog", "This address"), \
        QCoreApplication.translate("SendDialog", "The one you know")
    view = label(wrap=True, selectable=True)
    view.setObjectName("Lookalike")
    view.setText(f"<table><tr><td>{escape(this)}</td><td><code>{marked(recipient)}</code>"
                 f"</td></tr><tr><td>{escape(known)}</td><td><code>{marked(w.known)}</code>"
                 "</td></tr></table>")
    view.setProperty("differing", len(w.differing))
    return view
