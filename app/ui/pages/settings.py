"""Settings — language, theme, network, price feed, security, and the data itself."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
)

from app.ui import fmt, theme
from app.ui.backend import NETWORK, PRICES, SETTINGS, WALLET
from app.ui.dialogs.password import ChangePasswordDialog, ForgetKeyDialog, PasswordDialog
from app.ui.errors import explain
from app.ui.pages.base import Page
from app.ui.widgets.common import Card, StatusLine, ask, button, label, muted, pick_file
from app.ui.widgets.reflow import Columns, Flow


class SettingsPage(Page):
    areas = frozenset({SETTINGS, NETWORK, PRICES, WALLET})
    theme_changed = Signal()

    def __init__(self, backend, languages, prefs, display, tray, parent=None):
        super().__init__(backend, parent)
        self.languages, self.prefs, self.display, self.tray = languages, prefs, display, tray
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
        self.presenter, self.private = QCheckBox(), QCheckBox()
        self.presenter.setChecked(display.presenter)
        self.private.setChecked(display.private)
        self.language_caption.setBuddy(self.language)  # names the boxes for screen readers
        self.theme_caption.setBuddy(self.theme)
        look.layout_.addWidget(self.look_title)
        look.layout_.addLayout(look_form)
        look.layout_.addWidget(self.presenter, 0, Qt.AlignmentFlag.AlignLeft)
        look.layout_.addWidget(self.private, 0, Qt.AlignmentFlag.AlignLeft)
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
        self.price_message = StatusLine()
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
        self.network_message = StatusLine()
        network.layout_.addWidget(self.network_message)
        network.layout_.addStretch(1)
        grid.addWidget(network, 1, 0)

        # security
        security = Card()
        self.security_title = label("", "SectionTitle")
        self.keyring_state = muted(wrap=True)
        self.change_password, self.export_keystore, self.reveal = button(), button(), button()
        self.forget_key = button(link=True)
        security.layout_.addWidget(self.security_title)
        security.layout_.addWidget(self.keyring_state)
        security.layout_.addLayout(_row(self.change_password, self.export_keystore, self.reveal,
                                        stretch=True))
        security.layout_.addWidget(self.forget_key, 0, Qt.AlignmentFlag.AlignLeft)
        self.security_message = StatusLine()
        security.layout_.addWidget(self.security_message)
        security.layout_.addStretch(1)
        grid.addWidget(security, 1, 1)

        # reminders
        reminders = Card()
        self.reminders_title = label("", "SectionTitle")
        self.remind = QCheckBox()
        self.remind_days = QLineEdit()
        self.remind_days_caption = muted()
        self.keep_in_tray = QCheckBox()
        self.save_reminders = button()
        reminders.layout_.addWidget(self.reminders_title)
        reminders.layout_.addWidget(self.remind, 0, Qt.AlignmentFlag.AlignLeft)
        days_row = QHBoxLayout()
        self.remind_days_caption.setBuddy(self.remind_days)
        days_row.addWidget(self.remind_days_caption)
        days_row.addWidget(self.remind_days, 1)
        days_row.addWidget(self.save_reminders)
        reminders.layout_.addLayout(days_row)
        reminders.layout_.addWidget(self.keep_in_tray, 0, Qt.AlignmentFlag.AlignLeft)
        self.reminders_message = StatusLine()
        reminders.layout_.addWidget(self.reminders_message)
        reminders.layout_.addStretch(1)
        grid.addWidget(reminders, 2, 0, 1, 2)

        # data
        data = Card()
        self.data_title = label("", "SectionTitle")
        self.data_state = muted(wrap=True)
        self.verify, self.backup, self.restore, self.reset_demo = (button(), button(), button(),
                                                                   button())
        if not backend.demo:  # (showing a widget that has no parent yet opens it as a window)
            self.reset_demo.hide()
        self.verify_result = StatusLine()
        self.anchor_state = muted(wrap=True)
        self.anchor_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.anchor_now = button()
        self.anchor_auto = QCheckBox()
        data.layout_.addWidget(self.data_title)
        data.layout_.addWidget(self.data_state)
        data.layout_.addLayout(_row(self.verify, self.backup, self.restore, self.reset_demo,
                                    stretch=True))
        data.layout_.addWidget(self.verify_result)
        anchor_row = QHBoxLayout()
        anchor_row.addWidget(self.anchor_state, 1)
        anchor_row.addWidget(self.anchor_now)
        data.layout_.addLayout(anchor_row)
        data.layout_.addWidget(self.anchor_auto, 0, Qt.AlignmentFlag.AlignLeft)
        self.about = button(link=True)
        data.layout_.addWidget(self.about, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(data, 3, 0, 1, 2)
        self.content.addStretch(1)

        self.language.currentIndexChanged.connect(self._language_chosen)
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        self.presenter.toggled.connect(display.set_presenter)
        self.remind.toggled.connect(lambda _on: self._save_reminders())
        self.save_reminders.clicked.connect(self._save_reminders)
        self.remind_days.returnPressed.connect(self._save_reminders)
        self.keep_in_tray.toggled.connect(tray.set_keep_running)
        self.private.toggled.connect(display.set_private)
        display.changed.connect(self._display_changed)
        self.set_static.clicked.connect(self._set_static)
        self.use_upbit.clicked.connect(self._use_upbit)
        self.use_rpc.clicked.connect(self._use_rpc)
        self.use_demo.clicked.connect(self._use_demo)
        self.change_password.clicked.connect(self._change_password)
        self.export_keystore.clicked.connect(self._export_keystore)
        self.reveal.clicked.connect(self._reveal)
        self.forget_key.clicked.connect(self._forget_key)
        self.verify.clicked.connect(self.run_verify)
        self.backup.clicked.connect(self._backup)
        self.restore.clicked.connect(self._restore)
        self.reset_demo.clicked.connect(self._reset_demo)
        self.about.clicked.connect(self.show_about)
        self.anchor_now.clicked.connect(self._anchor)
        self.anchor_auto.toggled.connect(self._anchor_auto)
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
        self.presenter.setText(self.tr("Presenter mode: larger type for a projector ({keys})")
                               .format(keys="Ctrl+Shift+P"))
        self.private.setText(self.tr("Privacy mode: hide balances and addresses ({keys})")
                             .format(keys="Ctrl+Shift+H"))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(self.language.findData(fmt.i18n.current()))
        self.language.blockSignals(False)
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        # The theme in use (a --theme flag may differ from the saved preference).
        self.theme.setCurrentIndex(self.theme.findData(
            "dark" if theme.colors() == theme.DARK else "light"))
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
        self.forget_key.setText(self.tr("Remove the key from this computer…"))
        self.reminders_title.setText(self.tr("Reminders"))
        self.remind.setText(self.tr("Notify me before points expire"))
        self.remind_days_caption.setText(self.tr("Days before"))
        self.remind_days.setPlaceholderText("30, 7, 1")
        self.save_reminders.setText(self.tr("Save"))
        self.keep_in_tray.setText(self.tr("Keep running in the tray when the window is closed, "
                                          "to sync and remind"))
        self.keep_in_tray.setEnabled(self.tray.available)
        self.keep_in_tray.setChecked(self.tray.keep_running)
        self.data_title.setText(self.tr("Data"))
        self.verify.setText(self.tr("Verify ledger"))
        self.backup.setText(self.tr("Back up"))
        self.restore.setText(self.tr("Restore"))
        self.reset_demo.setText(self.tr("Reset demo"))
        self.about.setText(self.tr("About MiL.k Wallet, licences and logs"))
        self.anchor_now.setText(self.tr("Anchor now"))
        self.anchor_auto.setText(self.tr("Anchor the ledger on the chain after each withdrawal "
                                         "and deposit"))
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
                                             "fresh").format(price=fmt.price(price.krw_per_mlk),
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
            name=fmt.keyring_name(keyring), verdict=self.tr("secure") if keyring.accepted
            else self.tr("not usable: it would keep secrets in a file or nowhere. Install and "
                         "unlock GNOME Keyring or KWallet to create a wallet")))
        signing = info["wallet"].exists and not info["wallet"].watch_only
        for b in (self.change_password, self.export_keystore, self.reveal, self.forget_key):
            b.setEnabled(signing)
        self.data_state.setText(self.tr("Profile: {dir}").format(dir=info["data_dir"]))
        self._render_anchor(info)
        self.remind.blockSignals(True)
        self.remind.setChecked(info["reminders"][0])
        self.remind.blockSignals(False)
        self.remind_days.setText(", ".join(str(d) for d in info["reminders"][1]))

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
        theme.apply(QApplication.instance(), mode == "dark", self.display.scale)
        self.theme_changed.emit()

    def _display_changed(self) -> None:
        for box, on in ((self.presenter, self.display.presenter),
                        (self.private, self.display.private)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)

    def _save_reminders(self) -> None:
        on, days = self.remind.isChecked(), self.remind_days.text()
        self.backend.run(lambda svc: svc.reminders.configure(on, days or None),
                         lambda _r: self.reminders_message.success(self.tr("Saved.")),
                         lambda e: self.reminders_message.error(explain(e)), changes=(SETTINGS,))

    # -- price and network ----------------------------------------------------------------------
    def _set_static(self) -> None:
        """On a real profile a typed-in price decides what every conversion pays: ask first."""
        if self.backend.demo:
            self.set_static_now()
            return
        self.dialog = ask(self, self.tr("Use a manual MLK price?"), self.tr(
            "TICA will quote every conversion at {price} per MLK instead of the market price, "
            "and every quote will say \"manual price\". Use it only if you know the price is "
            "right.").format(price=self.static_value.text().strip() or "?"),
            self.tr("Use this price"), self.set_static_now)

    def set_static_now(self) -> None:
        text = self.static_value.text()

        def work(svc):
            from app.core.money import parse_krw

            return svc.prices.set_static(parse_krw(text))

        self.backend.run(work, lambda _p: self.price_message.clear(),
                         lambda e: self.price_message.error(explain(e)), changes=(PRICES,))

    def _use_upbit(self) -> None:
        url = self.upbit_url.text().strip() or "https://api.upbit.com"
        self.backend.run(lambda svc: svc.prices.use_feed("upbit", url),
                         lambda _r: self.price_message.clear(),
                         lambda e: self.price_message.error(explain(e)), changes=(PRICES,))

    def _use_rpc(self) -> None:
        url, chain, token, treasury = (self.rpc_url.text(), self.chain_id.text().strip(),
                                       self.token.text().strip(), self.treasury.text().strip())
        if not chain.isdigit():
            self.network_message.error(self.tr("A chain id is a whole number."))
            return
        self.network_message.progress(self.tr("Checking the node…"))
        self.backend.run(lambda svc: svc.network.use_rpc(url, int(chain), token or None,
                                                         treasury or None),
                         lambda _i: self.network_message.clear(),
                         lambda e: self.network_message.error(explain(e)),
                         changes=(NETWORK, WALLET), lane="chain")

    def _use_demo(self) -> None:
        self.backend.run(lambda svc: svc.network.use_demo(),
                         lambda _i: self.network_message.clear(),
                         lambda e: self.network_message.error(explain(e)),
                         changes=(NETWORK, WALLET), lane="chain")

    # -- security -------------------------------------------------------------------------------
    def _change_password(self) -> None:
        def change(old, new) -> None:
            dialog = self.dialog
            self.backend.run(lambda svc: svc.wallet.change_password(old, new),
                             lambda _r: (dialog.done_ok(), self.security_message.success(
                                 self.tr("Password changed."))),
                             lambda e: dialog.failed(explain(e)), lane="chain")

        self.dialog = ChangePasswordDialog(change, self)
        self.dialog.open()

    def _export_keystore(self) -> None:
        def chosen(path: Path) -> None:
            self.dialog = PasswordDialog.request(self, self.tr("Export keystore"), self.tr(
                "The keystore file is encrypted with your password. Keep it as a backup."),
                lambda password: self.export_keystore_to(path, password))

        self.dialog = pick_file(self, self.tr("Export keystore"),
                                str(Path.home() / "milk-keystore.json"), chosen,
                                name_filter="JSON (*.json)")

    def export_keystore_to(self, path: Path, password) -> None:
        def work(svc):  # the file chooser already asked before replacing a file
            return svc.wallet.export_keystore_file(path, password, force=True)

        self.backend.run(work, lambda _r: self.security_message.success(
            self.tr("Keystore saved to {}").format(path)),
            lambda e: self.security_message.error(explain(e)), lane="chain")

    def _forget_key(self) -> None:
        address = self._info["wallet"].address

        def confirmed(typed: str) -> None:
            dialog = self.dialog
            self.backend.run(lambda svc: svc.wallet.forget(typed), lambda _a: (
                dialog.accept(), self.security_message.success(self.tr(
                    "The key was removed from this computer. The wallet is watch-only now.")),
            ), lambda e: dialog.failed(explain(e)), changes=(WALLET,), lane="chain")

        self.dialog = ForgetKeyDialog(address, confirmed, self)
        self.dialog.open()

    def _reveal(self) -> None:
        def show(password):
            self.backend.run(lambda svc: svc.wallet.reveal_mnemonic(password),
                             self._show_phrase,
                             lambda e: self.security_message.error(explain(e)), lane="chain")

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
        self.verify_result.progress(self.tr("Verifying…"))
        self.backend.run(lambda svc: svc.admin.verify(), self._verified,
                         lambda e: self.verify_result.error(explain(e)))

    def _verified(self, report) -> None:
        if report.ok:
            self.verify_result.success(self.tr(
                "Ledger verified: {n} entries, every hash and balance checks out. Head #{seq} "
                "{hash}").format(n=f"{report.entries:,}", seq=report.head_seq,
                                 hash=report.head_hash[:16] + "…"))
        else:
            self.verify_result.error(self.tr(
                "The ledger has been altered: {n} problem(s), first at entry #{seq}.").format(
                n=len(report.problems), seq=report.first_bad_seq))

    def _backup(self) -> None:
        self.dialog = pick_file(self, self.tr("Back up the ledger"),
                                str(Path.home() / "milk-ledger-backup.sqlite3"), self.backup_to)

    def backup_to(self, path: Path) -> None:  # the file chooser asked before replacing
        self.backend.run(lambda svc: svc.backups.backup(path, force=True),
                         lambda r: self.verify_result.success(
                             self.tr("Backed up {n} entries to {path}").format(
                                 n=f"{r.entries:,}", path=path)),
                         lambda e: self.verify_result.error(explain(e)))

    def _restore(self) -> None:
        self.dialog = pick_file(self, self.tr("Restore the ledger"), str(Path.home()),
                                self.ask_restore, save=False)

    def ask_restore(self, path: Path) -> None:
        """Check the backup first (it is only read), then say what restoring it does — and
        which entries it takes back, if it is behind this profile — and go on only when the
        user agrees."""
        self.verify_result.progress(self.tr("Checking the backup…"))
        self.backend.run(lambda svc: svc.backups.inspect(path), lambda plan: self._ask(plan),
                         lambda e: self.verify_result.error(explain(e)))

    def _ask(self, plan) -> None:
        self.verify_result.clear()
        text = self.tr("Replace the ledger with the backup {name} ({n} entries, up to #{seq})? "
                       "The current ledger is kept as a copy in the profile.").format(
            name=plan.source.name, n=f"{plan.entries:,}", seq=f"{plan.head_seq:,}")
        if plan.rollback:
            first, last = plan.rollback
            text += "\n\n" + self.tr(
                "This backup is older than this profile: restoring it takes back entries "
                "#{first}–#{last} (made after the backup). Restore only if you mean to "
                "undo them.").format(first=f"{first:,}", last=f"{last:,}")
        self.dialog = ask(self, self.tr("Restore the ledger"), text,
                          self.tr("Take back and restore") if plan.rollback
                          else self.tr("Restore"),
                          lambda: self.restore_from(plan.source, plan.rollback))

    def restore_from(self, path: Path, rollback: tuple[int, int] | None = None) -> None:
        self.verify_result.progress(self.tr("Restoring…"))
        self.backend.restore(path, lambda kept: self.verify_result.success(
            self.tr("Restored from {path}. The ledger it replaced is kept as {kept}.").format(
                path=path, kept=kept.name if kept else "—")),
            lambda e: self.verify_result.error(explain(e)), rollback)

    def _render_anchor(self, info) -> None:
        last = info.get("anchor")
        if last is None:
            self.anchor_state.setText(self.tr(
                "Public anchor: not yet. Anchoring writes the ledger's latest hash to the "
                "chain, where nobody holding this computer's files can take it back."))
        else:
            self.anchor_state.setText(self.tr(
                "Public anchor: entry #{seq} in block {block} (transaction {tx}).").format(
                seq=f"{last.seq:,}", block=last.block, tx=f"{last.tx_hash[:18]}…"))
        self.anchor_auto.blockSignals(True)
        self.anchor_auto.setChecked(info.get("anchor_auto", False))
        self.anchor_auto.blockSignals(False)

    def _anchor(self) -> None:
        self.anchor_now.setEnabled(False)
        self.verify_result.progress(self.tr("Writing the ledger's head to the chain…"))

        def done(anchor) -> None:
            self.anchor_now.setEnabled(True)
            self.verify_result.success(self.tr("Anchored entry #{seq} in block {block}.").format(
                seq=f"{anchor.seq:,}", block=anchor.block))

        def failed(error) -> None:
            self.anchor_now.setEnabled(True)
            self.verify_result.error(explain(error))

        self.backend.run(lambda svc: svc.anchors.anchor(), done, failed, changes=(SETTINGS,),
                         lane="chain")

    def _anchor_auto(self, on: bool) -> None:
        self.backend.run(lambda svc: svc.anchors.set_auto(on), None,
                         lambda e: self.verify_result.error(explain(e)), changes=(SETTINGS,))

    def show_about(self) -> None:
        from app.ui.dialogs.about import AboutDialog
        from app.ui.logs import log_dir

        self.dialog = AboutDialog(self.backend.data_dir, log_dir(), self)
        self.dialog.open()

    def _reset_demo(self) -> None:
        self.dialog = ask(self, self.tr("Reset demo"), self.tr(
            "Start the demo again from the beginning? Everything done in it so far is "
            "cleared."), self.tr("Reset demo"), self.reset_demo_now)

    def reset_demo_now(self) -> None:
        self.verify_result.progress(self.tr("Resetting the demo…"))
        self.backend.reset_demo(lambda: self.verify_result.success(self.tr("Demo reset.")))


def _load(svc) -> dict:
    info = {"price": None, "price_problem": None, "now": svc.ctx.clock.now(),
            "upbit_url": svc.settings.get("price.upbit_url"), "keyring": svc.wallet.keyring(),
            "wallet": svc.wallet.status(), "data_dir": str(svc.ctx.data_dir),
            "reminders": (svc.reminders.enabled, svc.reminders.days),
            "anchor": svc.anchors.last(), "anchor_auto": svc.anchors.auto}
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

