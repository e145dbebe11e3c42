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


def test_the_guided_tour_runs_to_the_end_on_its_own(make_app, qtbot):
    from app.ui.tour import Tour

    window, backend = make_app()
    before = backend.services.points.overview()
    tour = Tour(window, pace_ms=40)
    with qtbot.waitSignal(tour.finished, timeout=120_000) as done:
        tour.start()
    assert done.args == [True], tour.problem
    assert window.stack.currentIndex() == HOME  # it ends on Home
    assert len(tour.captions) >= 6 and not tour.caption.isVisible()
    after = backend.services.points.overview()
    linked = {h.partner.code for h in after.holdings if h.linked}
    assert "DELICAR" in linked  # it linked a partner
    assert after.mlk_in_app > before.mlk_in_app  # and rescued expiring points into MLK
    def expiring(ov, code):
        return next(h.expiring for h in ov.holdings if h.partner.code == code)

    assert expiring(after, "SSG_DUTYFREE") < expiring(before, "SSG_DUTYFREE")  # the rescued
    assert backend.services.admin.verify().ok
