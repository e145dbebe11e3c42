"""First run: create a wallet (phrase shown, then confirmed), import one, watch an address,
or start the demo."""
from __future__ import annotations

import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.keys import Secret
from app.ui.backend import WALLET
from app.ui.errors import explain
from app.ui.widgets.common import Card, button, clear_layout, label, muted
from app.ui.widgets.reflow import at_least, scrolled

CHOOSE, CREATE, PHRASE, CONFIRM, IMPORT, WATCH, DONE = range(7)


class FirstRunWizard(QDialog):
    demo_requested = Signal()

    def __init__(self, backend, parent=None, start: str = "choose", offer_demo: bool = False):
        super().__init__(parent)
        self.backend = backend
        self._phrase: list[str] = []
        self._address = ""
        self.setWindowTitle(self.tr("Welcome to MiL.k Wallet"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(26, 22, 26, 20)
        at_least(self, 560)
        self.pages = QStackedWidget()
        self.pages.currentChanged.connect(self._primary_is_default)
        outer.addWidget(scrolled(self.pages))
        self.message = label("", "Error", wrap=True)
        outer.addWidget(self.message)
        self._build_choose(offer_demo)
        self._build_create()
        self._build_phrase()
        self._build_confirm()
        self._build_import()
        self._build_watch()
        self._build_done()
        self.go({"create": CREATE, "import": IMPORT, "watch": WATCH}.get(start, CHOOSE))

    def go(self, page: int) -> None:
        self.message.setText("")
        self.pages.setCurrentIndex(page)

    def _primary_is_default(self, index: int) -> None:
        """Enter runs the step's main (primary) button; Esc closes."""
        primary = [b for b in self.pages.widget(index).findChildren(QPushButton)
                   if b.objectName() == "Primary"]
        if primary:
            primary[0].setDefault(True)

    def _page(self, title: str, text: str = "") -> QVBoxLayout:
        w = QWidget()
        box = QVBoxLayout(w)
        box.setSpacing(12)
        box.addWidget(label(title, "PageTitle"))
        if text:
            box.addWidget(muted(text, wrap=True))
        self.pages.addWidget(w)
        return box

    def _build_choose(self, offer_demo: bool) -> None:
        box = self._page(self.tr("Welcome to MiL.k Wallet"), self.tr(
            "See every alliance partner's points in one place, convert them through TICA, and "
            "keep your MLK in a wallet whose key stays in this computer's keyring."))
        for title, text, target in (
                (self.tr("Create a new wallet"), self.tr("A fresh key with a 12-word recovery "
                                                         "phrase."), CREATE),
                (self.tr("Import a wallet"), self.tr("From a recovery phrase or a private "
                                                     "key."), IMPORT),
                (self.tr("Watch an address"), self.tr("See balances without a key."), WATCH)):
            # `clicked` passes `checked` first: it must not land in a defaulted parameter.
            box.addWidget(self._choice(title, text, lambda _checked=False, t=target: self.go(t)))
        if offer_demo:
            box.addWidget(self._choice(self.tr("Start the demo"), self.tr(
                "A ready-made profile with linked partners and demo MLK."),
                self._demo))
        box.addStretch(1)

    def _choice(self, title, text, action) -> Card:
        card = Card(margins=14, spacing=4)
        row = QHBoxLayout()
        col = QVBoxLayout()
        col.addWidget(label(title, "SectionTitle"))
        col.addWidget(muted(text, wrap=True))
        row.addLayout(col, 1)
        go = button(self.tr("Choose"))
        go.clicked.connect(action)
        row.addWidget(go)
        card.layout_.addLayout(row)
        return card

    def _demo(self) -> None:
        self.demo_requested.emit()
        self.accept()

    def _passwords(self, box: QVBoxLayout) -> tuple[QLineEdit, QLineEdit]:
        first, second = QLineEdit(), QLineEdit()
        for field, hint in ((first, self.tr("Password (at least 8 characters)")),
                            (second, self.tr("Repeat the password"))):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setPlaceholderText(hint)
            field.setAccessibleName(hint)
            box.addWidget(field)
        return first, second

    def _build_create(self) -> None:
        box = self._page(self.tr("Create a wallet"), self.tr(
            "Choose a password. It encrypts your key inside the keyring; you need it to send "
            "MLK. It cannot be recovered — your recovery phrase can."))
        self.create_pw, self.create_pw2 = self._passwords(box)
        box.addStretch(1)
        box.addLayout(self._nav(CHOOSE, self.tr("Create"), self._create))

    def _nav(self, back: int, next_text: str, next_action) -> QHBoxLayout:
        row = QHBoxLayout()
        back_button = button(self.tr("Back"))
        back_button.clicked.connect(lambda: self.go(back))
        row.addWidget(back_button)
        row.addStretch(1)
        go = button(next_text, primary=True)
        go.clicked.connect(next_action)
        row.addWidget(go)
        return row

    def _check_pair(self, a: QLineEdit, b: QLineEdit) -> Secret | None:
        if a.text() != b.text():
            self.message.setText(self.tr("The two passwords differ."))
            return None
        return Secret(a.text())

    def _create(self) -> None:
        password = self._check_pair(self.create_pw, self.create_pw2)
        if password is None:
            return
        self.message.setText(self.tr("Creating your key…"))
        self.backend.run(lambda svc: svc.wallet.create(password), self._created, self._failed,
                         changes=(WALLET,), lane="chain")

    def _created(self, result) -> None:
        self._address, phrase = result
        self._phrase = phrase.reveal().split()
        _fill_words(self.words_grid, self._phrase)
        self.go(PHRASE)

    def _failed(self, error) -> None:
        self.message.setText(explain(error))

    def _build_phrase(self) -> None:
        box = self._page(self.tr("Your recovery phrase"), self.tr(
            "Write these words on paper, in order, and keep them offline. Anyone with them owns "
            "your wallet; without them a lost computer means lost MLK. They are shown only "
            "now."))
        host = QWidget()
        self.words_grid = QGridLayout(host)
        box.addWidget(host)
        box.addStretch(1)
        go = button(self.tr("I have written them down"), primary=True)
        go.clicked.connect(self._ask_words)
        box.addWidget(go, 0, Qt.AlignmentFlag.AlignRight)

    def _build_confirm(self) -> None:
        box = self._page(self.tr("Confirm your phrase"), self.tr(
            "Enter the words at these positions."))
        self.confirm_fields: list[tuple[int, QLineEdit]] = []
        self.confirm_box = QVBoxLayout()
        box.addLayout(self.confirm_box)
        box.addStretch(1)
        box.addLayout(self._nav(PHRASE, self.tr("Confirm"), self._confirm))

    def _ask_words(self) -> None:
        clear_layout(self.confirm_box)
        self.confirm_fields = []
        for position in sorted(random.sample(range(len(self._phrase)), 3)):
            field = QLineEdit()
            field.setPlaceholderText(self.tr("Word {n}").format(n=position + 1))
            field.setAccessibleName(field.placeholderText())
            self.confirm_box.addWidget(field)
            self.confirm_fields.append((position, field))
        self.go(CONFIRM)

    def _confirm(self) -> None:
        if all(f.text().strip().lower() == self._phrase[p] for p, f in self.confirm_fields):
            self._phrase = []
            self._finish(self._address)
        else:
            self.message.setText(self.tr("One of the words does not match. Check your paper."))

    def _build_import(self) -> None:
        box = self._page(self.tr("Import a wallet"), self.tr(
            "Type or paste your 12 or 24-word recovery phrase, or a private key (64 hex "
            "digits)."))
        self.secret = QPlainTextEdit()
        self.secret.setFixedHeight(90)
        self.secret.setTabChangesFocus(True)  # Tab moves on to the password, not into the text
        self.secret.setAccessibleName(self.tr("Recovery phrase or private key"))
        box.addWidget(self.secret)
        self.import_pw, self.import_pw2 = self._passwords(box)
        box.addStretch(1)
        box.addLayout(self._nav(CHOOSE, self.tr("Import"), self._import))

    def _import(self) -> None:
        password = self._check_pair(self.import_pw, self.import_pw2)
        if password is None:
            return
        secret = Secret(self.secret.toPlainText())
        text = secret.reveal().strip()
        digits = text[2:] if text.lower().startswith("0x") else text
        is_key = len(text.split()) == 1 and all(c in "0123456789abcdefABCDEF" for c in digits)

        def work(svc):
            return svc.wallet.import_private_key(secret, password) if is_key else \
                svc.wallet.import_mnemonic(secret, password)

        self.message.setText(self.tr("Importing…"))
        self.backend.run(work, self._finish, self._failed, changes=(WALLET,), lane="chain")

    def _build_watch(self) -> None:
        box = self._page(self.tr("Watch an address"), self.tr(
            "Balances and history only. You can import the key later to send."))
        self.watch_address = QLineEdit()
        self.watch_address.setPlaceholderText("0x…")
        self.watch_address.setAccessibleName(self.tr("Address to watch"))
        box.addWidget(self.watch_address)
        box.addStretch(1)
        box.addLayout(self._nav(CHOOSE, self.tr("Watch"), self._watch))

    def _watch(self) -> None:
        address = self.watch_address.text()
        self.backend.run(lambda svc: svc.wallet.watch(address), self._finish, self._failed,
                         changes=(WALLET,), lane="chain")

    def _build_done(self) -> None:
        box = self._page(self.tr("Your wallet is ready"))
        self.done_text = muted(wrap=True)
        box.addWidget(self.done_text)
        box.addStretch(1)
        go = button(self.tr("Open the wallet"), primary=True)
        go.clicked.connect(self.accept)
        box.addWidget(go, 0, Qt.AlignmentFlag.AlignRight)

    def _finish(self, address: str) -> None:
        self.secret.clear()
        for field in (self.create_pw, self.create_pw2, self.import_pw, self.import_pw2):
            field.clear()
        self.done_text.setText(self.tr("Address: {}").format(address))
        self.go(DONE)


def _fill_words(grid: QGridLayout, words: list[str]) -> None:
    clear_layout(grid)
    columns = 3
    rows = (len(words) + columns - 1) // columns
    for i, word in enumerate(words):
        cell = label(f"{i + 1:>2}. {word}", "MidNumber")
        cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(cell, i % rows, i // rows)
