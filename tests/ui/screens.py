"""Every page and every dialog of the app, each opened in a realistic state on a demo profile.

A screen is a function that takes an `Env` (the running app) and returns the top-level widget
to look at: the main window showing a page, or a dialog, opened as a person would (clicks on
visible widgets) where the state can be reached that way offscreen, otherwise by the same
methods the app calls. The geometry test (test_screen_fit.py) renders each at every size, in
both languages and themes; the accessibility test (test_accessibility.py) walks each one.

To add a screen:

    @screen("about")
    def _about(env: Env) -> QWidget:
        env.show_page(HOME)
        env.click(env.window.help_button)
        ...
        return dialog

Screens run in the order they are registered, on one app per language: a screen may change
the profile (convert, withdraw), so one that needs a pristine state comes first or opens
`env.fresh` (a real profile with no partner and no wallet)."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

from app.ui.main_window import ACTIVITY, EXCHANGE, HOME, PARTNERS, SETTINGS, WALLET
from tests.ui.conftest import settle


@dataclass(frozen=True)
class Screen:
    name: str
    open: Callable[[Env], QWidget]


SCREENS: dict[str, Screen] = {}


def screen(name: str):
    """Register a screen under `name` (pages as `page.*`, dialogs as `dialog.*`)."""
    def register(fn: Callable[[Env], QWidget]) -> Callable[[Env], QWidget]:
        assert name not in SCREENS, f"two screens called {name}"
        SCREENS[name] = Screen(name, fn)
        return fn
    return register


class Env:
    """The running app in one language: the demo profile (`window`), on demand a fresh real
    profile (`fresh`), and helpers to drive them."""

    def __init__(self, make_app, qtbot, lang: str, scale: float = 1.0):
        self.make_app, self.qtbot, self.lang, self.scale = make_app, qtbot, lang, scale
        self.window, self.backend = make_app(lang=lang, scale=scale)
        self._fresh = None
        self._wallet_ready = False
        self._left_open: list[QWidget] = []

    def leave_open(self, widget: QWidget) -> None:
        """Something a screen opened besides the one it returns: closed with it."""
        self._left_open.append(widget)

    @property
    def fresh(self):
        """(window, backend) on a real profile: nothing linked, no wallet."""
        if self._fresh is None:
            self._fresh = self.make_app(lang=self.lang, demo=False, scale=self.scale)
        return self._fresh

    @property
    def windows(self) -> list[QWidget]:
        return [self.window] + ([self._fresh[0]] if self._fresh else [])

    def settle(self, backend=None) -> None:
        settle(self.qtbot, backend or self.backend)

    def show_page(self, index: int, window=None, backend=None) -> QWidget:
        window = window or self.window
        window.show_page(index)
        self.settle(backend or (self.backend if window is self.window else self.fresh[1]))
        return window.pages[index]

    def click(self, widget: QWidget) -> None:
        assert widget.isVisible() and widget.isEnabled(), widget
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def type(self, widget: QWidget, text: str) -> None:
        widget.clear()
        self.qtbot.keyClicks(widget, text)

    def wait(self, condition, timeout: int = 20_000) -> None:
        self.qtbot.waitUntil(condition, timeout=timeout)

    def with_wallet(self) -> None:
        """A wallet with history: watch the demo chain's funded user, an Upbit deposit address
        in the book, one conversion and one withdrawal (as --screenshot does)."""
        if self._wallet_ready:
            return
        svc = self.backend.services
        node = svc.chain.demo_node
        if not svc.wallet.status().exists:
            svc.wallet.watch(node.demo_user_address)
        if not any(c.kind == "exchange" for c in svc.wallet.book.entries()):
            svc.wallet.book.add("Upbit", node.exchange_address, "exchange", "Upbit")
        svc.exchange.convert("SSG_DUTYFREE", "MLK", "20000", key="screens")
        svc.bridge.withdraw("40", key="screens")
        from app.ui.backend import ALL

        self.backend.notify(*ALL)
        self.settle()
        self._wallet_ready = True

    def close(self, top: QWidget) -> None:
        """Close a dialog a screen opened (the windows stay for the next screen), and what
        the screen left open behind it (`leave_open`)."""
        for extra in self._left_open:
            extra.hide()
            if isinstance(extra, QDialog):
                extra.done(QDialog.DialogCode.Rejected)
        self._left_open = []
        if top in self.windows:
            return
        self._settle_all()  # what the dialog asked for arrives while it is still there
        from shiboken6 import isValid

        if not isValid(top):  # a question that deletes itself once answered
            return
        if isinstance(top, QDialog):
            top.done(QDialog.DialogCode.Rejected)  # no "are you sure?" on the way out
        top.close()
        top.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self._settle_all()

    def _settle_all(self) -> None:
        for _window, backend in [(self.window, self.backend)] + ([self._fresh] if self._fresh
                                                                else []):
            settle(self.qtbot, backend)


def open_dialog(env: Env, owner, button: QWidget) -> QDialog:
    """Click `button` and return the dialog the page opened (pages keep it in `dialog`)."""
    env.click(button)
    dialog = owner.dialog
    env.wait(lambda: dialog.isVisible())
    return dialog


def visible_button(parent: QWidget, text: str) -> QPushButton:
    return next(b for b in parent.findChildren(QPushButton) if b.isVisible() and b.text() == text)


# -- pages -------------------------------------------------------------------------------------
@screen("page.home")
def _home(env: Env) -> QWidget:
    env.show_page(HOME)
    env.wait(lambda: env.window.home.banner.isVisible())
    return env.window


def fresh_page(env: Env, index: int, shown: Callable[[QWidget], QWidget]) -> QWidget:
    """A page of the fresh profile's window, once `shown(window)` is on screen."""
    window, backend = env.fresh
    env.show_page(index, window, backend)
    env.wait(lambda: shown(window).isVisible())
    return window


@screen("page.home.nothing_linked")
def _home_empty(env: Env) -> QWidget:
    return fresh_page(env, HOME, lambda window: window.home.empty_box)


@screen("page.exchange.quote")
def _exchange_quote(env: Env) -> QWidget:
    page = env.show_page(EXCHANGE)
    page.prefill("SSG_DUTYFREE", 45_100)
    env.wait(lambda: page.review.isEnabled())
    return env.window


def fill_exchange(env: Env, src: str, dst: str, amount: str, exact_out: bool = False):
    """The Exchange form filled in as a person does; returns the page."""
    page = env.show_page(EXCHANGE)
    page.from_box.setCurrentIndex(page.from_box.findData(src))
    page.to_box.setCurrentIndex(page.to_box.findData(dst))
    env.click(page.get_mode if exact_out else page.pay_mode)
    env.type(page.amount, amount)
    return page


@screen("page.exchange.refused")
def _exchange_refused(env: Env) -> QWidget:
    page = fill_exchange(env, "MLK", "AIRPORT_LIMO", "5000")
    env.wait(lambda: page.problem.text() != "")
    return env.window


@screen("page.exchange.converted")
def _exchange_converted(env: Env) -> QWidget:
    page = fill_exchange(env, "SSG_DUTYFREE", "AIRPORT_LIMO", "5000")
    env.wait(lambda: page.review.isEnabled())
    dialog = open_dialog(env, page, page.review)
    env.click(dialog.confirm)
    env.wait(lambda: page.result.isVisible())
    env.settle()
    return env.window


@screen("page.wallet.setup")
def _wallet_setup(env: Env) -> QWidget:
    return fresh_page(env, WALLET, lambda window: window.wallet.setup)


@screen("page.wallet")
def _wallet(env: Env) -> QWidget:
    env.with_wallet()
    page = env.show_page(WALLET)
    env.wait(lambda: page.wallet_box.isVisible() and page.tx_model.rowCount() > 0)
    page.txs.selectRow(0)
    return env.window


@screen("page.activity")
def _activity(env: Env) -> QWidget:
    page = env.show_page(ACTIVITY)
    env.wait(lambda: page.model.rowCount() > 0)
    page.table.selectRow(0)
    return env.window


@screen("page.partners")
def _partners(env: Env) -> QWidget:
    page = env.show_page(PARTNERS)
    env.wait(lambda: page.grid.count() == 4)
    return env.window


@screen("page.settings")
def _settings(env: Env) -> QWidget:
    page = env.show_page(SETTINGS)
    env.click(page.verify)
    env.wait(lambda: "#" in page.verify_result.text())
    return env.window


# -- dialogs -----------------------------------------------------------------------------------
def _wizard(env: Env, start: str = "choose"):
    from app.ui.dialogs.first_run import FirstRunWizard

    window, backend = env.fresh
    wizard = FirstRunWizard(backend, window, start=start, offer_demo=start == "choose")
    wizard.open()
    return wizard


@screen("dialog.first_run.choose")
def _wizard_choose(env: Env) -> QWidget:
    return _wizard(env)


@screen("dialog.first_run.create")
def _wizard_create(env: Env) -> QWidget:
    return _wizard(env, "create")


def _phrase_shown(env: Env):
    from app.core.keys import mnemonic
    from app.ui.dialogs.first_run import PHRASE, _fill_words

    wizard = _wizard(env, "create")
    wizard._phrase = mnemonic.generate(24).reveal().split()  # the longest phrase there is
    _fill_words(wizard.words_grid, wizard._phrase)
    wizard.go(PHRASE)
    return wizard


@screen("dialog.first_run.phrase")
def _wizard_phrase(env: Env) -> QWidget:
    return _phrase_shown(env)


@screen("dialog.first_run.confirm")
def _wizard_confirm(env: Env) -> QWidget:
    wizard = _phrase_shown(env)
    env.click(visible_button(wizard, wizard.tr("I have written them down")))
    wizard.message.setText(wizard.tr("One of the words does not match. Check your paper."))
    return wizard


@screen("dialog.first_run.import")
def _wizard_import(env: Env) -> QWidget:
    return _wizard(env, "import")


@screen("dialog.first_run.watch")
def _wizard_watch(env: Env) -> QWidget:
    return _wizard(env, "watch")


@screen("dialog.first_run.done")
def _wizard_done(env: Env) -> QWidget:
    wizard = _wizard(env, "watch")
    wizard._finish(env.backend.services.chain.demo_node.demo_user_address)
    return wizard


def _confirm(env: Env, src: str, dst: str, amount: str, exact_out: bool = False) -> QWidget:
    page = fill_exchange(env, src, dst, amount, exact_out)
    env.wait(lambda: page.review.isEnabled())
    return open_dialog(env, page, page.review)


@screen("dialog.confirm_convert")
def _confirm_points_to_mlk(env: Env) -> QWidget:
    return _confirm(env, "YANOLJA", "MLK", "2000")


@screen("dialog.confirm_convert.point_to_point")
def _confirm_point_to_point(env: Env) -> QWidget:
    return _confirm(env, "SSG_DUTYFREE", "AIRPORT_LIMO", "4000", exact_out=True)


@screen("dialog.link_partner")
def _link(env: Env) -> QWidget:
    page = env.show_page(PARTNERS)
    env.wait(lambda: page.grid.count() == 4)
    delicar = next(p for p in env.backend.services.ctx.catalog if p.code == "DELICAR")
    return page.open_link(delicar)


@screen("dialog.link_partner.code_sent")
def _link_code_sent(env: Env) -> QWidget:
    dialog = _link(env)
    env.type(dialog.member, "minji-77")
    env.click(dialog.send_code)
    env.wait(lambda: dialog.code.isEnabled())
    return dialog


@screen("dialog.contact.new")
def _contact_new(env: Env) -> QWidget:
    env.with_wallet()
    page = env.show_page(WALLET)
    env.wait(lambda: page.add_contact.isVisible())
    return open_dialog(env, page, page.add_contact)


@screen("dialog.contact.edit")
def _contact_edit(env: Env) -> QWidget:
    env.with_wallet()
    page = env.show_page(WALLET)
    env.wait(lambda: page.book_model.rowCount() > 0)
    page.book.selectRow(page.book_model.rowCount() - 1)
    return open_dialog(env, page, page.edit_contact)


@screen("dialog.password.reveal_phrase")
def _password(env: Env) -> QWidget:
    page = env.show_page(SETTINGS)
    page._reveal()  # the button is off for a watch-only wallet; the dialog is the same
    return page.dialog


@screen("dialog.recovery_phrase")
def _phrase_box(env: Env) -> QWidget:
    from app.core.keys import mnemonic

    page = env.show_page(SETTINGS)
    page._show_phrase(mnemonic.generate(24))
    return page.dialog


@screen("dialog.withdraw")
def _withdraw(env: Env) -> QWidget:
    env.with_wallet()
    page = env.show_page(WALLET)
    return open_dialog(env, page, page.withdraw_button)


@screen("dialog.withdraw.sent")
def _withdraw_sent(env: Env) -> QWidget:
    dialog = _withdraw(env)
    env.type(dialog.amount, "1.5")
    env.click(dialog.go)
    env.wait(lambda: dialog.go.isHidden(), timeout=30_000)
    return dialog


@screen("dialog.deposit")
def _deposit(env: Env) -> QWidget:
    env.with_wallet()
    page = env.show_page(WALLET)
    page._move("deposit")  # the button is off for a watch-only wallet; the dialog is the same
    return page.dialog


def _send_dialog(env: Env):
    env.with_wallet()
    page = env.show_page(WALLET)
    page._send()  # the button is off for a watch-only wallet; the dialog is the same
    return page.dialog


@screen("dialog.send.destination")
def _send_destination(env: Env) -> QWidget:
    dialog = _send_dialog(env)
    env.type(dialog.amount, "12.5")
    return dialog


def _send_review(env: Env, to: str) -> QWidget:
    """The review step for a plan the core made (signing aside, which needs the key)."""
    dialog = _send_dialog(env)
    svc = env.backend.services
    plan = svc.sending.prepare(to, "12.5", sender=svc.chain.demo_node.demo_user_address)
    dialog._prepared(plan)
    return dialog


@screen("dialog.send.review.token_contract")
def _send_review_contract(env: Env) -> QWidget:
    env.with_wallet()
    return _send_review(env, env.backend.services.chain.client().token_address)


@screen("dialog.send.review.lookalike")
def _send_review_lookalike(env: Env) -> QWidget:
    from eth_utils import to_checksum_address

    upbit = env.backend.services.chain.demo_node.exchange_address.lower()
    return _send_review(env, to_checksum_address(upbit[:6] + "0" * 32 + upbit[-4:]))


@screen("dialog.send.progress")
def _send_progress(env: Env) -> QWidget:
    dialog = _send_review(env, env.backend.services.wallet.book.entries()[0].address)
    tx = env.backend.services.chain.tracker().page(limit=1)[0]
    dialog._tx = tx
    dialog.steps.setCurrentIndex(2)
    dialog._show_progress(dataclasses.replace(tx, status="pending"))
    return dialog


@screen("dialog.ask.restore")
def _ask_restore(env: Env) -> QWidget:
    """A backup older than the profile: the question names the entries it takes back."""
    from PySide6.QtWidgets import QMessageBox

    svc = env.backend.services
    backup = env.backend.data_dir.parent / f"screens-backup-{env.lang}.sqlite3"
    if not backup.exists():
        svc.backups.backup(backup)
        svc.exchange.convert("YANOLJA", "MLK", "1000", key=f"screens-after-{env.lang}")
    page = env.show_page(SETTINGS)
    page.dialog = None  # the question comes once the backup was checked
    page.ask_restore(backup)
    env.wait(lambda: isinstance(page.dialog, QMessageBox) and page.dialog.isVisible())
    return page.dialog


@screen("dialog.ask.reset_demo")
def _ask_reset(env: Env) -> QWidget:
    page = env.show_page(SETTINGS)
    return open_dialog(env, page, page.reset_demo)


@screen("dialog.first_run.password")
def _wizard_password(env: Env) -> QWidget:
    from app.ui.dialogs.first_run import PASSWORD

    wizard = _phrase_shown(env)
    wizard.go(PASSWORD)
    env.type(wizard.password_fields.first, "correct horse battery")
    return wizard


@screen("dialog.first_run.import.keystore")
def _wizard_import_keystore(env: Env) -> QWidget:
    wizard = _wizard(env, "import")
    env.click(wizard.from_keystore)
    return wizard


@screen("dialog.first_run.import.passphrase")
def _wizard_import_passphrase(env: Env) -> QWidget:
    wizard = _wizard(env, "import")
    env.click(wizard.advanced)
    return wizard


@screen("dialog.first_run.close_question")
def _wizard_close_question(env: Env) -> QWidget:
    from PySide6.QtWidgets import QMessageBox

    wizard = _phrase_shown(env)
    wizard.reject()  # Esc or the close button, with a phrase on screen
    env.wait(lambda: wizard.close_question.isVisible())
    env.leave_open(wizard)
    assert isinstance(wizard.close_question, QMessageBox)
    return wizard.close_question


@screen("dialog.change_password")
def _change_password(env: Env) -> QWidget:
    page = env.show_page(SETTINGS)
    page.change_password.setEnabled(True)  # off for a watch-only wallet; the dialog is the same
    return open_dialog(env, page, page.change_password)


@screen("dialog.forget_key")
def _forget_key(env: Env) -> QWidget:
    from app.ui.dialogs.password import ForgetKeyDialog

    page = env.show_page(SETTINGS)
    dialog = ForgetKeyDialog(env.backend.services.chain.demo_node.demo_user_address,
                             lambda _typed: None, page)
    dialog.open()
    return dialog


@screen("dialog.about")
def _about(env: Env) -> QWidget:
    env.show_page(HOME)
    env.window.about_action.trigger()  # Help → About
    return env.window.settings.dialog


@screen("page.exchange.unlinked")
def _exchange_unlinked(env: Env) -> QWidget:
    page = fill_exchange(env, "MLK", "DELICAR", "2000", True)
    env.wait(lambda: page.link_button.isVisible())
    return env.window


@screen("dialog.ask.manual_price")
def _ask_manual_price(env: Env) -> QWidget:
    window, backend = env.fresh
    page = env.show_page(SETTINGS, window, backend)
    env.type(page.static_value, "210")
    return open_dialog(env, page, page.set_static)


@screen("dialog.keyboard_shortcuts")
def _shortcuts(env: Env) -> QWidget:
    env.show_page(HOME)
    env.window.shortcuts_action.trigger()  # Help → Keyboard shortcuts
    return env.window.dialog


@screen("page.home.tour_caption")
def _tour_caption(env: Env) -> QWidget:
    from app.ui.tour import Tour

    env.show_page(HOME)
    tour = Tour(env.window)
    tour.caption.say(tour.tr("Points about to expire are converted to MLK before they are "
                             "lost: TICA quotes at market value, 1.5% per leg."))
    env.leave_open(tour.caption)
    return env.window


def open_all(env: Env, visit: Callable[[str, QWidget], None],
             names: list[str] | None = None) -> None:
    """Open each screen in turn, hand it to `visit`, close it."""
    for name in names or list(SCREENS):
        top = SCREENS[name].open(env)
        QApplication.processEvents()
        try:
            visit(name, top)
        finally:
            env.close(top)

