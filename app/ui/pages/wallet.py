"""Wallet — the MLK key in the OS keyring: address, balances, sends and cash-out, moving MLK
between the app and the chain, pending transactions, and the address book."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui import fmt
from app.ui.backend import LEDGER, NETWORK, WALLET
from app.ui.dialogs.contact import ContactDialog
from app.ui.dialogs.first_run import BACKUP_PENDING, FirstRunWizard
from app.ui.dialogs.move_mlk import MoveMlkDialog
from app.ui.dialogs.password import PasswordDialog
from app.ui.dialogs.send import SendDialog
from app.ui.errors import explain
from app.ui.models.wallet_models import ContactsModel, TxModel, contact_name
from app.ui.pages.base import Page
from app.ui.widgets.common import Banner, Card, ask, button, label, muted
from app.ui.widgets.qr import QrCode
from app.ui.widgets.reflow import Columns, Flow

POLL_MS = 3000
GAS = Decimal(10**18)


class WalletPage(Page):
    areas = frozenset({WALLET, NETWORK, LEDGER})

    def __init__(self, backend, parent=None):
        super().__init__(backend, parent)
        self._state = None
        self.dialog = None  # the dialog opened last (non-blocking)
        # -- no wallet yet
        self.setup = Card(spacing=12)
        self.setup_title = label("", "SectionTitle")
        self.setup_text = muted(wrap=True)
        self.create_button, self.import_button, self.watch_button = (
            button(primary=True), button(), button())
        self.setup.layout_.addWidget(self.setup_title)
        self.setup.layout_.addWidget(self.setup_text)
        row = QHBoxLayout()
        for b in (self.create_button, self.import_button, self.watch_button):
            row.addWidget(b)
        row.addStretch(1)
        self.setup.layout_.addLayout(row)
        self.content.addWidget(self.setup)
        # -- the wallet
        top = Columns(min_width=380, max_columns=2, spacing=16)
        self.address_card = Card()
        self.address_title = label("", "SectionTitle")
        self.qr = QrCode(size=156)
        self.address = label("", selectable=True, wrap=True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.address.setFont(mono)
        self.copy_button = button(link=True)
        self.kind_note = muted(wrap=True)
        self.import_key_button = button(link=True)  # watch-only → a signing wallet
        a_row = QHBoxLayout()
        a_row.addWidget(self.qr)
        a_col = QVBoxLayout()
        a_col.addWidget(self.address_title)
        a_col.addWidget(self.address)
        a_col.addWidget(self.copy_button)
        a_col.addWidget(self.kind_note)
        a_col.addWidget(self.import_key_button, 0, Qt.AlignmentFlag.AlignLeft)
        a_col.addStretch(1)
        a_row.addLayout(a_col, 1)
        self.address_card.layout_.addLayout(a_row)
        top.addWidget(self.address_card, 3)

        self.balance_card = Card()
        self.balance_title = label("", "SectionTitle")
        self.balance_card.layout_.addWidget(self.balance_title)
        self.balances = QGridLayout()
        self.balances.setVerticalSpacing(6)
        self.balance_labels = []
        for r in range(4):
            caption, value = muted(), label("—", "MidNumber" if r == 0 else None)
            self.balances.addWidget(caption, r, 0)
            self.balances.addWidget(value, r, 1)
            self.balance_labels.append((caption, value))
        self.balance_card.layout_.addLayout(self.balances)
        self.network_note = muted(wrap=True)
        self.balance_card.layout_.addWidget(self.network_note)
        actions = Flow()
        self.send_button = button(primary=True)
        self.withdraw_button, self.deposit_button = button(), button()
        for b in (self.send_button, self.withdraw_button, self.deposit_button):
            actions.addWidget(b)
        self.balance_card.layout_.addLayout(actions)
        top.addWidget(self.balance_card, 4)
        self.wallet_box = QWidget()
        self.wallet_box.layout_ = QVBoxLayout(self.wallet_box)
        self.wallet_box.layout_.setContentsMargins(0, 0, 0, 0)
        self.wallet_box.layout_.setSpacing(14)
        self.backup_banner = Banner()
        self.backup_banner.hide()
        self.wallet_box.layout_.addWidget(self.backup_banner)
        self.wallet_box.layout_.addLayout(top)

        self.txs_title = label("", "SectionTitle")
        self.txs = QTableView()
        self.tx_model = TxModel(self)
        _table(self.txs, self.tx_model)
        self.speed_button, self.cancel_button = button(), button()
        tx_actions = QHBoxLayout()
        tx_actions.addWidget(self.txs_title)
        tx_actions.addStretch(1)
        tx_actions.addWidget(self.speed_button)
        tx_actions.addWidget(self.cancel_button)
        self.wallet_box.layout_.addLayout(tx_actions)
        self.wallet_box.layout_.addWidget(self.txs)
        self.txs_title.setBuddy(self.txs)  # the titles name the tables for screen readers

        self.book_title = label("", "SectionTitle")
        self.book = QTableView()
        self.book_model = ContactsModel(self)
        _table(self.book, self.book_model)
        self.add_contact, self.edit_contact, self.remove_contact = button(), button(), button()
        book_actions = QHBoxLayout()
        book_actions.addWidget(self.book_title)
        book_actions.addStretch(1)
        for b in (self.add_contact, self.edit_contact, self.remove_contact):
            book_actions.addWidget(b)
        self.wallet_box.layout_.addLayout(book_actions)
        self.wallet_box.layout_.addWidget(self.book)
        self.book_title.setBuddy(self.book)
        self.message = label("", "Error", wrap=True)
        self.wallet_box.layout_.addWidget(self.message)
        self.content.addWidget(self.wallet_box)
        self.content.addStretch(1)

        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._settle)
        self.create_button.clicked.connect(lambda: self._setup("create"))
        self.import_button.clicked.connect(lambda: self._setup("import"))
        self.watch_button.clicked.connect(lambda: self._setup("watch"))
        self.copy_button.clicked.connect(self._copy)
        self.import_key_button.clicked.connect(lambda: self._setup("import"))
        self.backup_banner.action.clicked.connect(self._back_up_phrase)
        self.send_button.clicked.connect(self._send)
        self.withdraw_button.clicked.connect(lambda: self._move("withdraw"))
        self.deposit_button.clicked.connect(lambda: self._move("deposit"))
        self.speed_button.clicked.connect(lambda: self._replace("speed_up"))
        self.cancel_button.clicked.connect(lambda: self._replace("cancel"))
        self.add_contact.clicked.connect(lambda: self._edit_contact(None))
        self.edit_contact.clicked.connect(lambda: self._edit_contact(self._selected_contact()))
        self.remove_contact.clicked.connect(self._remove_contact)
        self.txs.selectionModel().selectionChanged.connect(self._update_buttons)
        self.book.selectionModel().selectionChanged.connect(self._update_buttons)
        self.wallet_box.hide()
        self.setup.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Wallet"))
        self.setup_title.setText(self.tr("Set up your MLK wallet"))
        self.setup_text.setText(self.tr(
            "Your key is kept in this computer's keyring, encrypted with your password — never "
            "in a file. Create a new wallet, import one from its recovery phrase or private key, "
            "or just watch an address."))
        self.create_button.setText(self.tr("Create a wallet"))
        self.import_button.setText(self.tr("Import"))
        self.watch_button.setText(self.tr("Watch an address"))
        self.address_title.setText(self.tr("Your address"))
        self.copy_button.setText(self.tr("Copy address"))
        self.import_key_button.setText(self.tr("Import the key to send"))
        self.backup_banner.text.setText(self.tr(
            "Back up your recovery phrase: you have not yet confirmed that it is written down. "
            "Without it, a lost computer means lost MLK."))
        self.backup_banner.action.setText(self.tr("Back up now"))
        self.balance_title.setText(self.tr("Balances"))
        for (caption, _), text in zip(self.balance_labels, (
                self.tr("MLK in your wallet"), self.tr("MLK in the app"),
                self.tr("On the way"), self.tr("For network fees")), strict=True):
            caption.setText(text)
        self.send_button.setText(self.tr("Send / Cash out"))
        self.withdraw_button.setText(self.tr("Withdraw from the app"))
        self.deposit_button.setText(self.tr("Deposit to the app"))
        self.txs_title.setText(self.tr("Transactions"))
        self.speed_button.setText(self.tr("Speed up"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.book_title.setText(self.tr("Address book"))
        self.add_contact.setText(self.tr("Add"))
        self.edit_contact.setText(self.tr("Edit"))
        self.remove_contact.setText(self.tr("Remove"))
        self.tx_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        self.book_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self._state:
            self._render(self._state)

    # -- data -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.backend.run(_load, self._render, self._failed, lane="chain")

    def _render(self, state) -> None:
        self._state = state
        status = state["status"]
        self.setup.setVisible(not status.exists)
        self.wallet_box.setVisible(status.exists)
        if not status.exists:
            self._poll.stop()
            return
        self.message.setText(state.get("problem", ""))
        self.address.setText(fmt.address(status.address))
        self.qr.set_text(status.address)
        self.qr.setVisible(not fmt.is_private())
        self.kind_note.setText(self._kind_note(status, state))
        self.import_key_button.setVisible(status.watch_only)
        self.backup_banner.setVisible(state.get("backup_pending", False)
                                      and not status.watch_only)
        b = state.get("balances")
        values = ["—"] * 4
        if b is not None:
            gas = "••••" if fmt.is_private() else f"{Decimal(b.gas_wei) / GAS:.6f}"
            values = [fmt.mlk(b.mlk_onchain, 4), fmt.mlk(b.mlk_in_app, 4),
                      fmt.mlk(b.withdrawing, 4), f"{gas} {b.gas_coin}"]
            lines = [self.tr("Network: {net} · block {block}").format(
                net=b.network_name or b.network, block=b.block)]
            lines += [self.tr("Pending deposit: {amount}, {n} of {needed} confirmations")
                      .format(amount=fmt.mlk(d.amount), n=d.confirmations, needed=d.needed)
                      for d in b.pending_deposits]
            self.network_note.setText("\n".join(lines))
        for (_, value), text in zip(self.balance_labels, values, strict=True):
            value.setText(text)
        self.tx_model.labels = {c.address.lower(): contact_name(c) for c in state["contacts"]}
        self.tx_model.set_items(state["txs"])
        self.book_model.set_items(state["contacts"])
        for b_ in (self.send_button, self.deposit_button):
            b_.setEnabled(not status.watch_only)
        pending = bool(b is not None and b.pending_deposits)
        if pending or any(tx.is_open for tx in state["txs"]):  # follow them to the end
            self._poll.start()
        else:
            self._poll.stop()
        self._update_buttons()

    def _kind_note(self, status, state) -> str:
        demo = self.backend.demo_wallet
        if status.kind == "demo":
            return self.tr("Demo wallet: a demo-only key, kept in {keyring}. Demo password: "
                           "{password}").format(keyring=state["keyring"],
                                                password=self.backend.demo_password() or "")
        if status.watch_only and demo is not None and demo.reason:
            return self.tr("The demo wallet is watch-only: {reason}").format(reason=demo.reason)
        if status.watch_only:
            return self.tr("Watch-only: this app can show balances but cannot sign.")
        return self.tr("Key kept in: {}").format(state["keyring"])

    def _failed(self, error) -> None:
        self.message.setText(explain(error))

    def _settle(self) -> None:
        self.backend.run(lambda svc: svc.bridge.settle(), lambda n: self.refresh(),
                         lambda e: None, changes=(LEDGER,), lane="chain")

    # -- actions --------------------------------------------------------------------------------
    def _setup(self, mode: str) -> None:
        self.dialog = FirstRunWizard(self.backend, self, start=mode)
        self.dialog.open()

    def _back_up_phrase(self) -> None:
        """Show the phrase again (after the password) and check it word by word."""
        def show(phrase) -> None:
            self.dialog = FirstRunWizard(self.backend, self, start="backup", phrase=phrase)
            self.dialog.open()

        def reveal(password) -> None:
            self.backend.run(lambda svc: svc.wallet.reveal_mnemonic(password), show,
                             self._failed, lane="chain")

        self.dialog = PasswordDialog.request(self, self.tr("Back up your recovery phrase"),
                                             self.tr("Make sure nobody can see your screen."),
                                             reveal)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._state["status"].address)
        self.copy_button.setText(self.tr("Copied"))
        QTimer.singleShot(1500, self.retranslate)

    def _send(self) -> None:
        self.dialog = SendDialog(self.backend, self._state["contacts"], self)
        self.dialog.open()

    def _move(self, direction: str) -> None:
        self.dialog = MoveMlkDialog(self.backend, direction, self._state, self)
        self.dialog.open()

    def _replace(self, how: str) -> None:
        tx = self._selected_tx()
        if tx is None:
            return
        title = self.tr("Speed up transaction #{}").format(tx.id) if how == "speed_up" else \
            self.tr("Cancel transaction #{}").format(tx.id)

        def go(password=None):
            self.backend.run(lambda svc: getattr(svc.sending, how)(tx.id, password),
                             lambda _tx: self.refresh(), self._failed, changes=(WALLET, LEDGER),
                             lane="chain")

        def ask_for(needs_password: bool) -> None:
            if needs_password:
                self.dialog = PasswordDialog.request(self, title, self.tr(
                    "A replacement with the same nonce and higher fees is signed and sent."), go)
                return
            self.dialog = ask(self, title, self.tr(
                "TICA's treasury signs a replacement of this withdrawal with the same nonce and "
                "higher fees. A cancelled withdrawal returns the MLK to the app once the "
                "cancellation is confirmed."), title, go)

        self.backend.run(lambda svc: svc.sending.needs_password(tx.id), ask_for, self._failed,
                         lane="chain")

    def _edit_contact(self, contact) -> None:
        self.dialog = ContactDialog(self.backend, contact, self)
        self.dialog.open()

    def _remove_contact(self) -> None:
        contact = self._selected_contact()
        if contact is not None:
            self.backend.run(lambda svc: svc.wallet.book.remove(contact.id), None, self._failed,
                             changes=(WALLET,))

    def _selected_tx(self):
        rows = self.txs.selectionModel().selectedRows()
        return self.tx_model.item(rows[0].row()) if rows else None

    def _selected_contact(self):
        rows = self.book.selectionModel().selectedRows()
        return self.book_model.item(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        tx = self._selected_tx()
        mine = tx is not None and self._state and tx.is_open and (
            tx.kind == "withdraw" or  # TICA's treasury signs its replacement
            tx.sender.lower() == (self._state["status"].address or "").lower())
        self.speed_button.setEnabled(bool(mine))
        self.cancel_button.setEnabled(bool(mine))
        contact = self._selected_contact()
        self.edit_contact.setEnabled(contact is not None)
        self.remove_contact.setEnabled(contact is not None and contact.kind != "own")


def _load(svc) -> dict:
    """Everything the page shows, read on the chain lane (the node and keyring live there)."""
    status = svc.wallet.status()
    state = {"status": status, "contacts": svc.wallet.book.entries(), "txs": [],
             "backup_pending": svc.settings.get_bool(BACKUP_PENDING)}
    if not status.exists:
        return state
    try:
        state["keyring"] = fmt.keyring_name(svc.wallet.keyring())
    except Exception as exc:  # a broken keyring must not hide the balances
        state["keyring"] = type(exc).__name__
    try:
        svc.bridge.recover()
        state["balances"] = svc.wallet.balances()
        state["txs"] = svc.chain.tracker().page(limit=100)
    except Exception as exc:
        state["problem"] = explain(exc)
    return state


def _table(view: QTableView, model) -> None:
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setMinimumHeight(170)
