"""Setting up the wallet: create (words → recovery phrase → confirm words → password), import
(a phrase — with its BIP-39 passphrase and account if any —, a private key or a keystore
file → password), watch an address, or start the demo; and backing up the phrase of an
existing wallet later (phrase → confirm words).

Nothing is stored until the last step: a wizard closed half-way leaves no key behind. Closing
while a recovery phrase is on screen asks first."""
from __future__ import annotations

import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.keys import Secret
from app.ui.backend import SETTINGS, WALLET
from app.ui.errors import explain
from app.ui.widgets.common import (
    Card,
    StatusLine,
    ask,
    button,
    clear_layout,
    label,
    muted,
    pick_file,
)
from app.ui.widgets.password_fields import NewPasswordFields
from app.ui.widgets.reflow import at_least, scrolled

CHOOSE, CREATE, PHRASE, CONFIRM, PASSWORD, IMPORT, WATCH, DONE = range(8)
CONFIRM_WORDS = 3
BACKUP_PENDING = "wallet.backup_pending"  # "1" until the phrase was confirmed written down


class FirstRunWizard(QDialog):
    demo_requested = Signal()

    def __init__(self, backend, parent=None, start: str = "choose", offer_demo: bool = False,
                 phrase: Secret | None = None):
        super().__init__(parent)
        self.backend = backend
        self._flow = "create"  # create | import | backup
        self._phrase: list[str] = []
        self._import_plan = None  # ("secret", secret, passphrase, index) | ("keystore", ...)
        self._skipped_check = False
        self._closing_asked = False
        self.back_buttons = []
        self.setWindowTitle(self.tr("Welcome to MiL.k Wallet"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(26, 22, 26, 20)
        at_least(self, 560)
        self.pages = QStackedWidget()
        self.pages.currentChanged.connect(self._primary_is_default)
        outer.addWidget(scrolled(self.pages))  # a 24-word phrase scrolls on a small screen
        self.message = StatusLine()
        outer.addWidget(self.message)
        self._build_choose(offer_demo)
        self._build_create()
        self._build_phrase()
        self._build_confirm()
        self._build_password()
        self._build_import()
        self._build_watch()
        self._build_done()
        if start == "backup" and phrase is not None:
            self._flow = "backup"
            self._show_phrase(phrase)
        else:
            self._flow = "import" if start == "import" else "create"
            self.go({"create": CREATE, "import": IMPORT, "watch": WATCH}.get(start, CHOOSE))

    # -- navigation ------------------------------------------------------------------------
    def go(self, page: int) -> None:
        self.message.clear()
        self.pages.setCurrentIndex(page)
        focus = {IMPORT: self.secret, WATCH: self.watch_address}.get(page)
        if page == PASSWORD:
            self.password_fields.focus()
        elif focus is not None:
            focus.setFocus()

    def _primary_is_default(self, index: int) -> None:
        """Enter runs the step's main (primary) button; Esc closes."""
        primary = [b for b in self.pages.widget(index).findChildren(QPushButton)
                   if b.objectName() == "Primary"]
        if primary:
            primary[0].setDefault(True)

    def _page(self, title: str, text: str = "") -> tuple[QVBoxLayout, QWidget]:
        w = QWidget()
        box = QVBoxLayout(w)
        box.setSpacing(12)
        box.setContentsMargins(0, 0, 0, 0)
        heading = label(title, "PageTitle", wrap=True)
        box.addWidget(heading)
        if text:
            box.addWidget(muted(text, wrap=True))
        self.pages.addWidget(w)
        return box, heading

    def _nav(self, back, next_text: str, next_action) -> tuple[QHBoxLayout, object]:
        """Back (to a page, or by a callable that picks one) on the left, the step's primary
        action on the right; the primary one is the default button (Enter)."""
        row = QHBoxLayout()
        if back is not None:
            back_button = button(self.tr("Back"))
            back_button.clicked.connect(lambda: self.go(back() if callable(back) else back))
            row.addWidget(back_button)
            self.back_buttons.append(back_button)
        row.addStretch(1)
        go = button(next_text, primary=True)
        go.setDefault(True)
        go.clicked.connect(next_action)
        row.addWidget(go)
        return row, go

    # -- welcome -----------------------------------------------------------------------------
    def _build_choose(self, offer_demo: bool) -> None:
        box, _ = self._page(self.tr("Welcome to MiL.k Wallet"), self.tr(
            "See every alliance partner's points in one place, convert them through TICA, and "
            "keep your MLK in a wallet whose key stays in this computer's keyring."))
        choices = [
            (self.tr("Create a new wallet"), self.tr("A fresh key with a 12 or 24-word "
                                                     "recovery phrase."), self._start_create),
            (self.tr("Import a wallet"), self.tr("From a recovery phrase or a private "
                                                 "key."), self._start_import),
            (self.tr("Watch an address"), self.tr("See balances without a key."),
             lambda: self.go(WATCH))]
        if offer_demo:
            choices.append((self.tr("Start the demo"), self.tr(
                "A ready-made profile with linked partners and demo MLK."), self._demo))
        for title, text, action in choices:
            box.addWidget(self._choice(title, text, action))
        box.addStretch(1)

    def _choice(self, title, text, action) -> Card:
        card = Card(margins=14, spacing=4)
        row = QHBoxLayout()
        col = QVBoxLayout()
        col.addWidget(label(title, "SectionTitle"))
        col.addWidget(muted(text, wrap=True))
        row.addLayout(col, 1)
        go = button(self.tr("Choose"))
        go.setAccessibleName(title)
        # `clicked` passes `checked` first: it must not reach a defaulted parameter.
        go.clicked.connect(lambda _checked=False: action())
        row.addWidget(go)
        card.layout_.addLayout(row)
        return card

    def _demo(self) -> None:
        self.demo_requested.emit()
        self.accept()

    # -- create: words → phrase → confirm → password ----------------------------------------
    def _start_create(self) -> None:
        self._flow = "create"
        self.go(CREATE)

    def _build_create(self) -> None:
        box, _ = self._page(self.tr("Create a wallet"), self.tr(
            "Your wallet gets a recovery phrase: a list of words that is the only way to get "
            "your MLK back if this computer is lost. Choose how many words."))
        self.words12, self.words24 = QRadioButton(), QRadioButton()
        self.words12.setText(self.tr("12 words (standard)"))
        self.words24.setText(self.tr("24 words (extra strong)"))
        self.words12.setChecked(True)
        group = QButtonGroup(self)
        for radio in (self.words12, self.words24):
            group.addButton(radio)
            box.addWidget(radio)
        box.addStretch(1)
        row, self.create_next = self._nav(CHOOSE, self.tr("Show my recovery phrase"),
                                          self._make_phrase)
        box.addLayout(row)

    def _make_phrase(self) -> None:
        words = 24 if self.words24.isChecked() else 12
        self.message.progress(self.tr("Making your recovery phrase…"))

        def work(_svc):
            from app.core.keys.mnemonic import generate

            return generate(words)

        self.backend.run(work, self._show_phrase, self._failed, lane="chain")

    def _show_phrase(self, phrase: Secret) -> None:
        self._phrase = phrase.reveal().split()
        _fill_words(self.words_grid, self._phrase)
        self._skipped_check = False
        self.phrase_back.setVisible(self._flow == "create")
        self.go(PHRASE)

    def _build_phrase(self) -> None:
        box, _ = self._page(self.tr("Your recovery phrase"), self.tr(
            "Write these words on paper, in order, and keep them offline. Anyone with them owns "
            "your wallet; without them a lost computer means lost MLK. Never type them into a "
            "website or send them to anyone."))
        host = QWidget()
        self.words_grid = QGridLayout(host)
        self.words_grid.setHorizontalSpacing(24)
        box.addWidget(host)
        box.addStretch(1)
        row, self.written_button = self._nav(CREATE, self.tr("I have written them down"),
                                             self._ask_words)
        self.phrase_back = self.back_buttons[-1]
        box.addLayout(row)

    def _build_confirm(self) -> None:
        box, _ = self._page(self.tr("Confirm your phrase"), self.tr(
            "Type the words at these positions, from your paper."))
        self.confirm_fields: list[tuple[int, QLineEdit]] = []
        self.confirm_box = QVBoxLayout()
        box.addLayout(self.confirm_box)
        box.addStretch(1)
        self.skip_button = button(self.tr("Check later"), link=True)
        self.skip_button.clicked.connect(self._skip_check)
        skip_row = QHBoxLayout()
        skip_row.addWidget(self.skip_button)
        skip_row.addStretch(1)
        box.addLayout(skip_row)
        row, self.confirm_button = self._nav(PHRASE, self.tr("Confirm"), self._confirm)
        box.addLayout(row)

    def _ask_words(self) -> None:
        clear_layout(self.confirm_box)
        self.confirm_fields = []
        for position in sorted(random.sample(range(len(self._phrase)), CONFIRM_WORDS)):
            field = QLineEdit()
            field.setPlaceholderText(self.tr("Word {n}").format(n=position + 1))
            field.setAccessibleName(self.tr("Word {n}").format(n=position + 1))
            field.returnPressed.connect(self._confirm)
            self.confirm_box.addWidget(field)
            self.confirm_fields.append((position, field))
        self.skip_button.setVisible(self._flow == "create")
        self.go(CONFIRM)
        self.confirm_fields[0][1].setFocus()

    def _confirm(self) -> None:
        wrong = [p + 1 for p, f in self.confirm_fields
                 if f.text().strip().lower() != self._phrase[p]]
        if wrong:
            positions = ", ".join(str(n) for n in wrong)
            self.message.error(self.tr("Word {n} does not match. Check your paper.").format(
                n=positions) if len(wrong) == 1 else self.tr(
                "Words {n} do not match. Check your paper.").format(n=positions))
            for p, f in self.confirm_fields:
                f.setProperty("invalid", p + 1 in wrong)
                f.style().polish(f)
            return
        if self._flow == "backup":
            self._backup_confirmed()
        else:
            self._to_password()

    def _skip_check(self) -> None:
        def skip():
            self._skipped_check = True
            self._to_password()

        ask(self, self.tr("Check later?"), self.tr(
            "Without the check you may have a mistake on your paper and not know it. The Wallet "
            "page will remind you until you confirm the phrase."), self.tr("Check later"), skip)

    # -- the password (create and import) ---------------------------------------------------
    def _to_password(self) -> None:
        self.password_button.setText(self.tr("Import wallet") if self._flow == "import"
                                     else self.tr("Create wallet"))
        self.go(PASSWORD)

    def _build_password(self) -> None:
        box, self.password_heading = self._page(self.tr("Protect it with a password"))
        box.addWidget(muted(self.tr(
            "The password encrypts your key inside this computer's keyring; you need it to send "
            "MLK. It cannot be recovered — your recovery phrase can restore the wallet."),
            wrap=True))
        self.password_fields = NewPasswordFields()
        self.password_fields.submitted.connect(lambda: self.password_button.click())
        box.addWidget(self.password_fields)
        box.addStretch(1)
        row, self.password_button = self._nav(
            lambda: IMPORT if self._flow == "import" else CONFIRM, self.tr("Create wallet"),
            self._store)
        box.addLayout(row)

    def _store(self) -> None:
        password = self.password_fields.password()
        if password is None:
            self.message.error(self.tr("The two passwords differ."))
            return
        self.password_button.setEnabled(False)
        if self._flow == "import":
            how = self._import_plan
            self.message.progress(self.tr("Importing…"))

            def work(svc):
                if how[0] == "keystore":
                    _kind, path, keystore_password = how
                    return svc.wallet.import_keystore_file(path, keystore_password, password)
                _kind, secret, passphrase, index = how
                return svc.wallet.import_secret(secret, password, passphrase, index)
        else:
            phrase = Secret(" ".join(self._phrase))
            pending = self._skipped_check
            self.message.progress(self.tr("Creating your key…"))

            def work(svc):
                address = svc.wallet.import_mnemonic(phrase, password)
                svc.settings.set(BACKUP_PENDING, pending)
                return address

        self.backend.run(work, self._finish, self._store_failed, changes=(WALLET, SETTINGS),
                         lane="chain")

    def _store_failed(self, error) -> None:
        self.password_button.setEnabled(True)
        self._failed(error)

    # -- import --------------------------------------------------------------------------------
    def _start_import(self) -> None:
        self._flow = "import"
        self.go(IMPORT)

    def _build_import(self) -> None:
        box, _ = self._page(self.tr("Import a wallet"))
        self.from_secret, self.from_keystore = QRadioButton(), QRadioButton()
        self.from_secret.setText(self.tr("Recovery phrase or private key"))
        self.from_keystore.setText(self.tr("Keystore file (JSON)"))
        self.from_secret.setChecked(True)
        kinds = QButtonGroup(self)
        kinds_row = QHBoxLayout()
        for radio in (self.from_secret, self.from_keystore):
            kinds.addButton(radio)
            kinds_row.addWidget(radio)
        kinds_row.addStretch(1)
        box.addLayout(kinds_row)
        # a phrase or a key
        self.secret_box = QWidget()
        sb = QVBoxLayout(self.secret_box)
        sb.setContentsMargins(0, 0, 0, 0)
        sb.addWidget(muted(self.tr("Type or paste your 12 or 24-word recovery phrase, or a "
                                   "private key (64 hex digits)."), wrap=True))
        self.secret = QPlainTextEdit()
        self.secret.setFixedHeight(90)
        self.secret.setTabChangesFocus(True)
        self.secret.setAccessibleName(self.tr("Recovery phrase or private key"))
        sb.addWidget(self.secret)
        self.advanced = QCheckBox(self.tr("The phrase has a passphrase, or the wallet is "
                                          "another account"))
        sb.addWidget(self.advanced, 0, Qt.AlignmentFlag.AlignLeft)
        self.advanced_box = QWidget()
        ab = QHBoxLayout(self.advanced_box)
        ab.setContentsMargins(0, 0, 0, 0)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("BIP-39 passphrase (optional)"))
        self.passphrase.setAccessibleName(self.tr("BIP-39 passphrase"))
        self.account = QLineEdit()  # m/44'/60'/0'/0/<account>
        self.account.setValidator(QIntValidator(0, 2**31 - 1, self.account))
        self.account.setPlaceholderText(self.tr("Account 0"))
        self.account.setAccessibleName(self.tr("Account index"))
        self.account.setMaximumWidth(self.account.fontMetrics().horizontalAdvance("0" * 14))
        ab.addWidget(self.passphrase, 1)
        ab.addWidget(self.account)
        self.advanced_box.hide()
        sb.addWidget(self.advanced_box)
        box.addWidget(self.secret_box)
        # a keystore file
        self.keystore_box = QWidget()
        kb = QVBoxLayout(self.keystore_box)
        kb.setContentsMargins(0, 0, 0, 0)
        kb.addWidget(muted(self.tr("A keystore v3 file, e.g. this app's own export, or one "
                                   "made by MetaMask, geth or ethers, and the password it was "
                                   "saved with."), wrap=True))
        file_row = QHBoxLayout()
        self.keystore_file = label(self.tr("No file chosen"), "Muted", wrap=True)
        self.choose_keystore = button(self.tr("Choose file…"))
        file_row.addWidget(self.keystore_file, 1)
        file_row.addWidget(self.choose_keystore)
        kb.addLayout(file_row)
        self.keystore_password = QLineEdit()
        self.keystore_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keystore_password.setPlaceholderText(self.tr("The keystore's password"))
        self.keystore_password.setAccessibleName(self.tr("The keystore's password"))
        self.keystore_password.returnPressed.connect(self._check_secret)
        kb.addWidget(self.keystore_password)
        self.keystore_box.hide()
        box.addWidget(self.keystore_box)
        self._keystore_path = None
        box.addStretch(1)
        row, self.import_next = self._nav(CHOOSE, self.tr("Next"), self._check_secret)
        box.addLayout(row)
        self.from_keystore.toggled.connect(self._import_kind)
        self.advanced.toggled.connect(self.advanced_box.setVisible)
        self.choose_keystore.clicked.connect(self._pick_keystore)

    def _import_kind(self, keystore: bool) -> None:
        self.secret_box.setVisible(not keystore)
        self.keystore_box.setVisible(keystore)
        self.message.clear()

    def _pick_keystore(self) -> None:
        from pathlib import Path

        def chosen(path) -> None:
            self._keystore_path = path
            self.keystore_file.setText(str(path))
            self.keystore_password.setFocus()

        self.file_dialog = pick_file(self, self.tr("Choose a keystore file"), str(Path.home()),
                                     chosen, save=False,
                                     name_filter=self.tr("Keystore files (*.json *)"))

    def _check_secret(self) -> None:
        """Check what was given before asking for a password: a wrong word, key or keystore
        password is said on this step."""
        if self.from_keystore.isChecked():
            path, keystore_password = self._keystore_path, Secret(self.keystore_password.text())
            if path is None:
                self.message.error(self.tr("Choose the keystore file first."))
                return

            def work(_svc):
                from app.core.keys.custody import read_keystore
                from app.core.services.wallet import read_keystore_file

                read_keystore(read_keystore_file(path), keystore_password)
                return ("keystore", path, keystore_password)
        else:
            secret = Secret(self.secret.toPlainText())
            passphrase = Secret(self.passphrase.text()) if self.advanced.isChecked() else None
            index = int(self.account.text() or 0) if self.advanced.isChecked() else 0

            def work(_svc):
                from app.core.keys import parse_private_key
                from app.core.keys.mnemonic import check

                if _looks_like_key(secret.reveal()):
                    parse_private_key(secret)
                    return ("secret", secret, None, 0)
                return ("secret", check(secret), passphrase, index)

        self.message.progress(self.tr("Checking…"))
        self.import_next.setEnabled(False)
        self.backend.run(work, self._secret_ok, self._check_failed, lane="chain")

    def _check_failed(self, error) -> None:
        self.import_next.setEnabled(True)
        if self.from_keystore.isChecked() and getattr(error, "code", "") == "wrong_password":
            self.message.error(self.tr("The keystore's password is not right."))
            return
        self._failed(error)

    def _secret_ok(self, plan) -> None:
        self.import_next.setEnabled(True)
        self._import_plan = plan
        self._to_password()

    # -- watch ---------------------------------------------------------------------------------
    def _build_watch(self) -> None:
        box, _ = self._page(self.tr("Watch an address"), self.tr(
            "Balances and history only. You can import the key later to send."))
        self.watch_address = QLineEdit()
        self.watch_address.setPlaceholderText("0x…")
        self.watch_address.setAccessibleName(self.tr("Address to watch"))
        self.watch_address.returnPressed.connect(self._watch)
        box.addWidget(self.watch_address)
        box.addStretch(1)
        row, self.watch_button = self._nav(CHOOSE, self.tr("Watch"), self._watch)
        box.addLayout(row)

    def _watch(self) -> None:
        address = self.watch_address.text()
        self.message.progress(self.tr("Checking…"))
        self.backend.run(lambda svc: svc.wallet.watch(address), self._finish, self._failed,
                         changes=(WALLET,), lane="chain")

    # -- the end -------------------------------------------------------------------------------
    def _build_done(self) -> None:
        box, self.done_heading = self._page(self.tr("Your wallet is ready"))
        self.done_text = muted(wrap=True)
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.done_text)
        box.addStretch(1)
        row, self.open_button = self._nav(None, self.tr("Open the wallet"), self.accept)
        box.addLayout(row)

    def _finish(self, result) -> None:
        """`result` is the address, or what an import did (adopted, upgraded)."""
        self._forget_secrets()
        address = getattr(result, "address", result)
        self.done_heading.setText(self.tr("Your wallet is ready"))
        text = self.tr("Address: {}").format(address)
        if getattr(result, "upgraded", False):
            text += "\n\n" + self.tr("The address you watched can now send: its key is in "
                                     "this computer's keyring.")
        elif getattr(result, "adopted", False):
            text += "\n\n" + self.tr("This key was already in this computer's keyring (from "
                                     "an earlier profile); your password opened it, and it is "
                                     "this profile's wallet now.")
        if self._skipped_check:
            text += "\n\n" + self.tr("Remember to confirm your recovery phrase: the Wallet page "
                                     "shows a reminder until you do.")
        self.done_text.setText(text)
        self.go(DONE)
        self.open_button.setFocus()

    def _backup_confirmed(self) -> None:
        self._forget_secrets()
        self.backend.run(lambda svc: svc.settings.set(BACKUP_PENDING, False), None,
                         self._failed, changes=(SETTINGS, WALLET))
        self.done_heading.setText(self.tr("Recovery phrase confirmed"))
        self.done_text.setText(self.tr("Keep the paper somewhere safe and offline."))
        self.open_button.setText(self.tr("Done"))
        self.go(DONE)

    def _failed(self, error) -> None:
        self.message.error(explain(error))

    def _forget_secrets(self) -> None:
        self._phrase = []
        self._import_plan = None
        clear_layout(self.words_grid)
        self.secret.clear()
        self.passphrase.clear()
        self.keystore_password.clear()
        self.password_fields.clear()
        for _p, field in self.confirm_fields:
            field.clear()

    # -- closing -------------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc or the close button: ask first while a recovery phrase is in play."""
        holding = self.pages.currentIndex() in (PHRASE, CONFIRM, PASSWORD) and \
            self._flow in ("create", "backup") and bool(self._phrase)
        if not holding or self._closing_asked:
            self._forget_secrets()
            super().reject()
            return
        text = self.tr("Close without creating the wallet? These words will be discarded "
                       "and nothing is saved.") if self._flow == "create" else self.tr(
            "Close without confirming your recovery phrase? The Wallet page will keep "
            "reminding you.")

        def close():
            self._closing_asked = True
            self.reject()

        self.close_question = ask(self, self.tr("Close the set-up?"), text, self.tr("Close"),
                                  close)


def _looks_like_key(text: str) -> bool:
    """One token is a private key (a phrase has at least 12 words): a mistyped key is then
    reported as a key, not as a one-word phrase."""
    return len(text.split()) == 1


def _fill_words(grid: QGridLayout, words: list[str]) -> None:
    clear_layout(grid)
    columns = 3 if len(words) <= 12 else 4
    rows = (len(words) + columns - 1) // columns
    for i, word in enumerate(words):
        cell = label(f"{i + 1:>2}. {word}", "MidNumber")
        cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        cell.setProperty("word", word)
        grid.addWidget(cell, i % rows, i // rows)
