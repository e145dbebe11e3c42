"""Settings — language, theme, network, price feed, security, and the data itself."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
)

from app.ui import fmt, theme
from app.ui.backend import NETWORK, PRICES, SETTINGS, WALLET
from app.ui.dialogs.password import PasswordDialog
from app.ui.errors import explain
from app.ui.pages.base import Page
from app.ui.widgets.common import Card, ask, button, label, muted
from app.ui.widgets.reflow import Columns, Flow


class SettingsPage(Page):
    areas = frozenset({SETTINGS, NETWORK, PRICES, WALLET})
    theme_changed = Signal()

    def __init__(self, backend, languages, prefs, parent=None):
        super().__init__(backend, parent)
        self.languages, self.prefs = languages, prefs
        self._info = None
        self.dialog = None
        grid = Columns(min_width=360, max_columns=3, spacing=16)
        self.content.addLayout(grid)

        # appearance
        look = Card()
        self.look_title = label("", "SectionTitle")
        self.language = QComboBox()
        self.language.addItem("한국어", "ko")
        self.language.addItem("English", "en")
        self.theme = QComboBox()
        look_form = QFormLayout()
        self.language_caption, self.theme_caption = muted(), muted()
        look_form.addRow(self.language_caption, self.language)
        look_form.addRow(self.theme_caption, self.theme)
        self.language_caption.setBuddy(self.language)  # names the boxes for screen readers
        self.theme_caption.setBuddy(self.theme)
        look.layout_.addWidget(self.look_title)
        look.layout_.addLayout(look_form)
        look.layout_.addStretch(1)
        grid.addWidget(look, 0, 0)

        # price
        price = Card()
        self.price_title = label("", "SectionTitle")
        self.price_state = muted(wrap=True)
        self.static_value = QLineEdit()
        self.set_static = button()
        self.upbit_url = QLineEdit()
        self.use_upbit = button()
        price.layout_.addWidget(self.price_title)
        price.layout_.addWidget(self.price_state)
        price.layout_.addLayout(_row(self.static_value, self.set_static))
        price.layout_.addLayout(_row(self.upbit_url, self.use_upbit))
        self.price_message = label("", "Error", wrap=True)
        price.layout_.addWidget(self.price_message)
        price.layout_.addStretch(1)
        grid.addWidget(price, 0, 1)

        # network
        network = Card()
        self.network_title = label("", "SectionTitle")
        self.network_state = muted(wrap=True)
        self.network_state.setTextInteractionFlags(self.network_state.textInteractionFlags())
        self.rpc_url, self.chain_id, self.token, self.treasury = (QLineEdit() for _ in range(4))
        self.use_rpc, self.use_demo = button(), button()
        net_form = QFormLayout()
        self.rpc_caption, self.chain_caption, self.token_caption, self.treasury_caption = (
            muted(), muted(), muted(), muted())
        net_form.addRow(self.rpc_caption, self.rpc_url)
        net_form.addRow(self.chain_caption, self.chain_id)
        net_form.addRow(self.token_caption, self.token)
        net_form.addRow(self.treasury_caption, self.treasury)
        for caption, field in ((self.rpc_caption, self.rpc_url), (self.chain_caption,
                               self.chain_id), (self.token_caption, self.token),
                               (self.treasury_caption, self.treasury)):
            caption.setBuddy(field)
        network.layout_.addWidget(self.network_title)
        network.layout_.addWidget(self.network_state)
        network.layout_.addLayout(net_form)
        network.layout_.addLayout(_row(self.use_rpc, self.use_demo, stretch=True))
        self.network_message = label("", "Error", wrap=True)
        network.layout_.addWidget(self.network_message)
        network.layout_.addStretch(1)
        grid.addWidget(network, 1, 0)

        # security
        security = Card()
        self.security_title = label("", "SectionTitle")
        self.keyring_state = muted(wrap=True)
        self.change_password, self.export_keystore, self.reveal = button(), button(), button()
        security.layout_.addWidget(self.security_title)
        security.layout_.addWidget(self.keyring_state)
        security.layout_.addLayout(_row(self.change_password, self.export_keystore, self.reveal,
                                        stretch=True))
        self.security_message = label("", "Error", wrap=True)
        security.layout_.addWidget(self.security_message)
        security.layout_.addStretch(1)
        grid.addWidget(security, 1, 1)

        # data
        data = Card()
        self.data_title = label("", "SectionTitle")
        self.data_state = muted(wrap=True)
        self.verify, self.backup, self.restore, self.reset_demo = (button(), button(), button(),
                                                                   button())
        self.reset_demo.setVisible(backend.demo)
        self.verify_result = label("", wrap=True)
        data.layout_.addWidget(self.data_title)
        data.layout_.addWidget(self.data_state)
        data.layout_.addLayout(_row(self.verify, self.backup, self.restore, self.reset_demo,
                                    stretch=True))
        data.layout_.addWidget(self.verify_result)
        grid.addWidget(data, 2, 0, 1, 2)
        self.content.addStretch(1)

        self.language.currentIndexChanged.connect(self._language_chosen)
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        self.set_static.clicked.connect(self._set_static)
        self.use_upbit.clicked.connect(self._use_upbit)
        self.use_rpc.clicked.connect(self._use_rpc)
        self.use_demo.clicked.connect(self._use_demo)
        self.change_password.clicked.connect(self._change_password)
        self.export_keystore.clicked.connect(self._export_keystore)
        self.reveal.clicked.connect(self._reveal)
        self.verify.clicked.connect(self.run_verify)
        self.backup.clicked.connect(self._backup)
        self.restore.clicked.connect(self._restore)
        self.reset_demo.clicked.connect(self._reset_demo)
        # Enter in a field runs the button beside or below it
        self.static_value.returnPressed.connect(self.set_static.click)
        self.upbit_url.returnPressed.connect(self.use_upbit.click)
        for field in (self.rpc_url, self.chain_id, self.token, self.treasury):
            field.returnPressed.connect(self.use_rpc.click)
        self.retranslate()

    # -- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        self.look_title.setText(self.tr("Appearance"))
        self.language_caption.setText(self.tr("Language"))
        self.theme_caption.setText(self.tr("Theme"))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(self.language.findData(fmt.i18n.current()))
        self.language.blockSignals(False)
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(self.theme.findData(self.prefs.value("theme", "light")))
        self.theme.blockSignals(False)
        self.price_title.setText(self.tr("MLK price"))
        self.static_value.setPlaceholderText(self.tr("KRW per MLK, e.g. 200"))
        self.static_value.setAccessibleName(self.tr("MLK price in KRW"))
        self.upbit_url.setAccessibleName(self.tr("Upbit API address"))
        self.set_static.setText(self.tr("Use this price"))
        self.upbit_url.setPlaceholderText("https://api.upbit.com")
        self.use_upbit.setText(self.tr("Use Upbit"))
        self.network_title.setText(self.tr("Network"))
        self.rpc_caption.setText(self.tr("RPC URL"))
        self.chain_caption.setText(self.tr("Chain id"))
        self.token_caption.setText(self.tr("MLK token"))
        self.treasury_caption.setText(self.tr("TICA treasury"))
        self.rpc_url.setPlaceholderText("http://127.0.0.1:8545")
        self.use_rpc.setText(self.tr("Use this node"))
        self.use_demo.setText(self.tr("Use the demo chain"))
        self.security_title.setText(self.tr("Security"))
        self.change_password.setText(self.tr("Change password"))
        self.export_keystore.setText(self.tr("Export keystore"))
        self.reveal.setText(self.tr("Show recovery phrase"))
        self.data_title.setText(self.tr("Data"))
        self.verify.setText(self.tr("Verify ledger"))
        self.backup.setText(self.tr("Back up"))
        self.restore.setText(self.tr("Restore"))
        self.reset_demo.setText(self.tr("Reset demo"))
        if self._info:
            self._render(self._info)

    # -- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.backend.run(_load, self._render, lambda e: self.price_state.setText(explain(e)),
                         lane="chain")

    def _render(self, info) -> None:
        self._info = info
        price, problem = info["price"], info["price_problem"]
        if price is not None:
            age = max(0, int((info["now"] - price.as_of).total_seconds() // 60))
            source = self.tr("Upbit") if price.source == "upbit" else self.tr("fixed price")
            self.price_state.setText(self.tr("1 MLK = {price} · {source} · {age} min old · "
                                             "fresh").format(price=fmt.krw(price.krw_per_mlk, 2),
                                                             source=source, age=age))
        else:
            self.price_state.setText(explain(problem))
        self.upbit_url.setText(info["upbit_url"])
        net = info.get("network")
        if net is not None:
            self.network_state.setText(self.tr(
                "Now: {kind} · chain id {chain} · block {block}\nMLK token {token}").format(
                kind=self.tr("demo chain") if net.config.kind == "demo" else net.config.label,
                chain=net.chain_id, block=net.block, token=net.token))
        else:
            self.network_state.setText(info.get("network_problem", ""))
        keyring = info["keyring"]
        self.keyring_state.setText(self.tr("Keyring in use: {name} ({verdict})").format(
            name=keyring.name.rsplit(".", 2)[-2], verdict=self.tr("secure") if keyring.accepted
            else self.tr("not usable: it would keep secrets in a file or nowhere. Install and "
                         "unlock GNOME Keyring or KWallet to create a wallet")))
        signing = info["wallet"].exists and not info["wallet"].watch_only
        for b in (self.change_password, self.export_keystore, self.reveal):
            b.setEnabled(signing)
        self.data_state.setText(self.tr("Profile: {dir}").format(dir=info["data_dir"]))

    # -- appearance -----------------------------------------------------------------------------
    def _language_chosen(self) -> None:
        lang = self.language.currentData()
        self.prefs.setValue("language", lang)
        self.languages.set(lang)

    def _theme_chosen(self) -> None:
        mode = self.theme.currentData()
        if mode is None:
            return
        self.prefs.setValue("theme", mode)
        theme.apply(QApplication.instance(), mode == "dark",
                    float(self.prefs.value("scale", 1.0)))
        self.theme_changed.emit()

    # -- price and network ----------------------------------------------------------------------
    def _set_static(self) -> None:
        text = self.static_value.text()

        def work(svc):
            from app.core.money import parse_krw

            return svc.prices.set_static(parse_krw(text))

        self.backend.run(work, lambda _p: self.price_message.setText(""),
                         lambda e: self.price_message.setText(explain(e)), changes=(PRICES,))

    def _use_upbit(self) -> None:
        url = self.upbit_url.text().strip() or "https://api.upbit.com"
        self.backend.run(lambda svc: svc.prices.use_feed("upbit", url),
                         lambda _r: self.price_message.setText(""),
                         lambda e: self.price_message.setText(explain(e)), changes=(PRICES,))

    def _use_rpc(self) -> None:
        url, chain, token, treasury = (self.rpc_url.text(), self.chain_id.text().strip(),
                                       self.token.text().strip(), self.treasury.text().strip())
        if not chain.isdigit():
            self.network_message.setText(self.tr("A chain id is a whole number."))
            return
        self.network_message.setText(self.tr("Checking the node…"))
        self.backend.run(lambda svc: svc.network.use_rpc(url, int(chain), token or None,
                                                         treasury or None),
                         lambda _i: self.network_message.setText(""),
                         lambda e: self.network_message.setText(explain(e)),
                         changes=(NETWORK, WALLET), lane="chain")

    def _use_demo(self) -> None:
        self.backend.run(lambda svc: svc.network.use_demo(),
                         lambda _i: self.network_message.setText(""),
                         lambda e: self.network_message.setText(explain(e)),
                         changes=(NETWORK, WALLET), lane="chain")

    # -- security -------------------------------------------------------------------------------
    def _change_password(self) -> None:
        def with_old(old):
            def with_new(new):
                self.backend.run(lambda svc: svc.wallet.change_password(old, new),
                                 lambda _r: self.security_message.setText(
                                     self.tr("Password changed.")),
                                 lambda e: self.security_message.setText(explain(e)),
                                 lane="chain")

            self.dialog = PasswordDialog.request(self, self.tr("New password"),
                                                 self.tr("At least 8 characters."), with_new)

        self.dialog = PasswordDialog.request(self, self.tr("Current password"), "", with_old)

    def _export_keystore(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export keystore"),
                                              str(Path.home() / "milk-keystore.json"),
                                              "JSON (*.json)")
        if path:
            self.dialog = PasswordDialog.request(self, self.tr("Export keystore"), self.tr(
                "The keystore file is encrypted with your password. Keep it as a backup."),
                lambda password: self.export_keystore_to(Path(path), password))

    def export_keystore_to(self, path: Path, password) -> None:
        def work(svc):
            import json
            import os

            doc = svc.wallet.export_keystore(password)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as fh:
                json.dump(doc, fh)

        self.backend.run(work, lambda _r: self.security_message.setText(
            self.tr("Keystore saved to {}").format(path)),
            lambda e: self.security_message.setText(explain(e)), lane="chain")

    def _reveal(self) -> None:
        def show(password):
            self.backend.run(lambda svc: svc.wallet.reveal_mnemonic(password),
                             self._show_phrase,
                             lambda e: self.security_message.setText(explain(e)), lane="chain")

        self.dialog = PasswordDialog.request(self, self.tr("Show recovery phrase"), self.tr(
            "Make sure nobody can see your screen."), show)

    def _show_phrase(self, phrase) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Recovery phrase"))
        box.setText(phrase.reveal())
        box.setInformativeText(self.tr("Anyone with these words owns your wallet."))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()

    # -- data -----------------------------------------------------------------------------------
    def run_verify(self) -> None:
        self.verify_result.setText(self.tr("Verifying…"))
        self.backend.run(lambda svc: svc.admin.verify(), self._verified,
                         lambda e: self.verify_result.setText(explain(e)))

    def _verified(self, report) -> None:
        if report.ok:
            self.verify_result.setObjectName("Positive")
            self.verify_result.setText(self.tr(
                "Ledger verified: {n} entries, every hash and balance checks out. Head #{seq} "
                "{hash}").format(n=f"{report.entries:,}", seq=report.head_seq,
                                 hash=report.head_hash[:16] + "…"))
        else:
            self.verify_result.setObjectName("Error")
            self.verify_result.setText(self.tr(
                "The ledger has been altered: {n} problem(s), first at entry #{seq}.").format(
                n=len(report.problems), seq=report.first_bad_seq))
        self.verify_result.style().polish(self.verify_result)

    def _backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Back up the ledger"),
                                              str(Path.home() / "milk-ledger-backup.sqlite3"))
        if path:
            self.backup_to(Path(path))

    def backup_to(self, path: Path) -> None:
        self.backend.run(lambda svc: svc.admin.backup(path),
                         lambda r: self.verify_result.setText(
                             self.tr("Backed up {n} entries to {path}").format(
                                 n=f"{r.entries:,}", path=path)),
                         lambda e: self.verify_result.setText(explain(e)))

    def _restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore the ledger"), str(Path.home()))
        if path:
            self.ask_restore(Path(path))

    def ask_restore(self, path: Path) -> QMessageBox:
        """Restoring replaces today's ledger: say so, and go on only when the user agrees."""
        self.dialog = ask(self, self.tr("Restore the ledger"), self.tr(
            "Replace the ledger with the backup {name}? Entries made after that backup will no "
            "longer be shown; the current ledger is kept as a copy in the profile.").format(
            name=path.name), self.tr("Restore"), lambda: self.restore_from(path))
        return self.dialog

    def restore_from(self, path: Path) -> None:
        self.verify_result.setText(self.tr("Checking the backup…"))
        self.backend.restore(path, lambda kept: self.verify_result.setText(
            self.tr("Restored from {path}. The ledger it replaced is kept as {kept}.").format(
                path=path, kept=kept.name)),
            lambda e: self.verify_result.setText(explain(e)))

    def _reset_demo(self) -> None:
        self.dialog = ask(self, self.tr("Reset demo"), self.tr(
            "Start the demo again from the beginning? Everything done in it so far is "
            "cleared."), self.tr("Reset demo"), self.reset_demo_now)

    def reset_demo_now(self) -> None:
        self.verify_result.setText(self.tr("Resetting the demo…"))
        self.backend.reset_demo(lambda: self.verify_result.setText(self.tr("Demo reset.")))


def _load(svc) -> dict:
    info = {"price": None, "price_problem": None, "now": svc.ctx.clock.now(),
            "upbit_url": svc.settings.get("price.upbit_url"), "keyring": svc.wallet.keyring(),
            "wallet": svc.wallet.status(), "data_dir": str(svc.ctx.data_dir)}
    try:
        info["price"] = svc.prices.current()
    except Exception as exc:
        info["price_problem"] = exc
    try:
        info["network"] = svc.network.show()
    except Exception as exc:
        info["network_problem"] = explain(exc)
    return info


def _row(*widgets, stretch: bool = False) -> QHBoxLayout | Flow:
    if stretch:  # a row of buttons: wraps onto a second line when the card is narrow
        row = Flow()
        for w in widgets:
            row.addWidget(w)
        return row
    row = QHBoxLayout()
    for w in widgets:
        row.addWidget(w, 1 if isinstance(w, QLineEdit) else 0)
    return row

