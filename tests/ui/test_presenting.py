"""Showing the app to a room: presenter mode and privacy mode, from Settings and by shortcut."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.main_window import ACTIVITY, HOME, SETTINGS, WALLET
from tests.ui.conftest import settle
from tests.ui.drive import click

WATCHED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


def test_privacy_mode_masks_balances_and_addresses_and_comes_back(make_app, qtbot):
    window, backend = make_app(before=lambda svc: svc.wallet.watch(WATCHED))
    window.show_page(HOME)
    settle(qtbot, backend)
    assert window.home.total.text() == "₩632,100"
    qtbot.keyClick(window, Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.display.private
    assert "632" not in window.home.total.text() and "••••" in window.home.total.text()
    assert "1 MLK = ₩200" in window.home.price_line.text()  # the market price is public

    window.show_page(WALLET)
    settle(qtbot, backend)
    page = window.wallet
    qtbot.waitUntil(lambda: page.wallet_box.isVisible(), timeout=20_000)
    assert WATCHED not in page.address.text() and not page.qr.isVisible()
    click(qtbot, page.copy_button)
    assert QApplication.clipboard().text() == WATCHED  # copying still gives the address
    assert all("•" in page.book_model.index(r, 2).data()
               for r in range(page.book_model.rowCount()))

    window.show_page(ACTIVITY)
    settle(qtbot, backend)
    model = window.activity.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    assert all("••••" in model.index(r, 3).data() for r in range(model.rowCount())
               if model.index(r, 3).data())

    window.show_page(SETTINGS)
    settle(qtbot, backend)
    assert window.settings.private.isChecked()
    click(qtbot, window.settings.private)  # off again from Settings
    assert not window.display.private
    assert window.settings.prefs.value("private") == "0"
    window.show_page(HOME)
    settle(qtbot, backend)
    assert window.home.total.text() == "₩632,100"


def test_presenter_mode_from_settings_and_shortcut_enlarges_type(make_app, qtbot):
    window, backend = make_app()
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    normal = QApplication.font().pointSizeF()
    click(qtbot, window.settings.presenter)
    assert window.display.presenter
    assert QApplication.font().pointSizeF() > normal * 1.3
    assert window.settings.prefs.value("presenter") == "1"
    qtbot.keyClick(window, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.display.presenter and not window.settings.presenter.isChecked()
    assert QApplication.font().pointSizeF() == normal


def test_the_guided_tour_runs_to_the_end_on_its_own(make_app, qtbot, secret_service):
    from app.core.services.wallet import DEMO_EXCHANGE_LABEL
    from app.ui.tour import Tour

    window, backend = make_app(demo_wallet=True)
    before = backend.services.points.overview()
    tour = Tour(window, pace_ms=40)
    with qtbot.waitSignal(tour.finished, timeout=120_000) as done:
        tour.start()
    assert done.args == [True], f"{tour.problem} ({tour.stuck_at})"
    assert window.stack.currentIndex() == HOME  # it ends on Home
    assert len(tour.captions) >= 6 and not tour.caption.isVisible()
    after = backend.services.points.overview()
    linked = {h.partner.code for h in after.holdings if h.linked}
    assert "DELICAR" in linked  # it linked a partner
    assert after.mlk_in_app > before.mlk_in_app  # and rescued expiring points into MLK

    def expiring(ov, code):
        return next(h.expiring for h in ov.holdings if h.partner.code == code)

    assert expiring(after, "SSG_DUTYFREE") < expiring(before, "SSG_DUTYFREE")  # the rescued
    svc = backend.services
    upbit = next(c for c in svc.wallet.book.entries() if c.label == DEMO_EXCHANGE_LABEL)
    assert svc.chain.client().mlk_balance(upbit.address) == 100 * 10**18  # and cashed out
    assert svc.admin.verify().ok
    assert svc.wallet.forget_demo_wallet()  # leave the test keyring as it was


def test_the_demo_profile_has_a_wallet_with_a_key_and_its_password_on_screen(
        make_app, qtbot, secret_service):
    from app.core.services.wallet import DEMO_PASSWORD

    window, backend = make_app(demo_wallet=True)
    qtbot.waitUntil(lambda: backend.demo_wallet is not None, timeout=30_000)
    assert not backend.demo_wallet.watch_only
    window.show_page(WALLET)
    settle(qtbot, backend)
    page = window.wallet
    qtbot.waitUntil(lambda: DEMO_PASSWORD in page.kind_note.text(), timeout=20_000)
    assert "Demo wallet" in page.kind_note.text()
    assert "Upbit (demo)" in [c.label for c in page.book_model.items]
    click(qtbot, page.send_button)
    assert page.dialog.password.placeholderText() == f"Demo password: {DEMO_PASSWORD}"
    page.dialog.reject()

    # Reset demo removes the key with the rest, then the fresh demo seeds it again
    svc = backend.services
    address = backend.demo_wallet.address
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    click(qtbot, window.settings.reset_demo)
    next(b for b in window.settings.dialog.buttons() if b.text() == "Reset demo").click()
    qtbot.waitUntil(lambda: window.settings.verify_result.text() == "Demo reset.",
                    timeout=60_000)
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: backend.demo_wallet is not None, timeout=30_000)
    assert backend.services is not svc and backend.demo_wallet.address == address
    assert backend.services.wallet.demo_custody.exists(address)
    assert backend.services.wallet.forget_demo_wallet()


def test_without_a_usable_keyring_the_demo_wallet_is_watch_only_and_says_why(
        make_app, qtbot, keyring_backend_env):
    keyring_backend_env("keyring.backends.fail.Keyring")
    window, backend = make_app(demo_wallet=True)
    qtbot.waitUntil(lambda: backend.demo_wallet is not None, timeout=30_000)
    assert backend.demo_wallet.watch_only and backend.demo_password() is None
    window.show_page(WALLET)
    settle(qtbot, backend)
    page = window.wallet
    qtbot.waitUntil(lambda: "watch-only" in page.kind_note.text(), timeout=20_000)
    assert "No keyring is available" in page.kind_note.text()
    assert not page.send_button.isEnabled()
