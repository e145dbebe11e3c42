"""Defects seen when the app was used for real (issue 8, §5), one test each, driven through
the widgets a person uses."""
from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.ui.dialogs.link_partner import LinkPartnerDialog
from app.ui.main_window import ACTIVITY, EXCHANGE, HOME, PARTNERS, SETTINGS, WALLET
from tests.ui.conftest import settle
from tests.ui.drive import click, question, shown_button, shown_code
from tests.ui.test_pages import convert

WATCHED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


def exchange_page(qtbot, window, backend):
    window.show_page(EXCHANGE)
    settle(qtbot, backend)
    return window.exchange


def choose(page, src: str, dst: str, amount: str, qtbot, exact_out: bool = False) -> None:
    page.from_box.setCurrentIndex(page.from_box.findData(src))
    page.to_box.setCurrentIndex(page.to_box.findData(dst))
    (page.get_mode if exact_out else page.pay_mode).setChecked(True)
    page.amount.clear()
    qtbot.keyClicks(page.amount, amount)


def test_withdraw_shortfall_names_mlk_not_raw_units_in_points(make_app, qtbot):
    window, backend = make_app(before=lambda svc: svc.wallet.watch(WATCHED))
    window.show_page(WALLET)
    settle(qtbot, backend)
    page = window.wallet
    qtbot.waitUntil(lambda: page.withdraw_button.isVisible(), timeout=20_000)
    click(qtbot, page.withdraw_button)
    dialog = page.dialog
    qtbot.keyClicks(dialog.amount, "999999")
    click(qtbot, dialog.go)
    qtbot.waitUntil(lambda: dialog.message.role == "Error", timeout=20_000)
    text = dialog.message.text()
    assert "MLK" in text and "100 MLK" in text and "pts" not in text, text
    assert "000,000,000" not in text  # no raw 18-decimal units


def test_withdrawal_success_is_green_and_available_moves(make_app, qtbot):
    window, backend = make_app(before=lambda svc: svc.wallet.watch(WATCHED))
    window.show_page(WALLET)
    settle(qtbot, backend)
    page = window.wallet
    qtbot.waitUntil(lambda: page.withdraw_button.isVisible(), timeout=20_000)
    click(qtbot, page.withdraw_button)
    dialog = page.dialog
    assert dialog.available_label.text() == "Available: 100 MLK"
    qtbot.keyClicks(dialog.amount, "30")
    click(qtbot, dialog.go)
    assert dialog.message.role == "Muted"  # "Sending…" is not an error
    qtbot.waitUntil(lambda: "confirmed" in dialog.message.text(), timeout=30_000)
    assert dialog.message.role == "Positive"
    assert dialog.available_label.text() == "Available: 70 MLK"
    settle(qtbot, backend)


def test_link_dialog_clears_the_wrong_code_message_once_linked(make_app, qtbot):
    window, backend = make_app()
    window.show_page(PARTNERS)
    settle(qtbot, backend)
    delicar = next(p for p in backend.services.ctx.catalog if p.code == "DELICAR")
    dialog = window.partners.open_link(delicar)
    qtbot.keyClicks(dialog.member, "minji-77")
    click(qtbot, dialog.send_code)
    qtbot.waitUntil(lambda: dialog.code.isEnabled(), timeout=10_000)
    qtbot.keyClicks(dialog.code, "000000")
    click(qtbot, dialog.link)
    qtbot.waitUntil(lambda: "not right" in dialog.message.text(), timeout=10_000)
    assert dialog.message.role == "Error"
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, shown_code(dialog))
    click(qtbot, dialog.link)
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Linked"), timeout=10_000)
    assert dialog.message.role == "Positive" and "not right" not in dialog.message.text()
    assert "moved into" not in dialog.message.text() and "shown in MiL.k" in \
        dialog.message.text()
    settle(qtbot, backend)


def test_live_quote_never_sticks_on_getting_a_quote_or_shows_a_quote_beside_a_shortfall(
        make_app, qtbot):
    window, backend = make_app()
    page = exchange_page(qtbot, window, backend)
    choose(page, "YANOLJA", "MLK", "12abc", qtbot)
    qtbot.waitUntil(lambda: page.problem.text() != "", timeout=10_000)
    settle(qtbot, backend)
    assert page.quote_hint.text() != "Getting a quote…"
    choose(page, "MLK", "YANOLJA", "5000", qtbot)  # 100 MLK in the app
    qtbot.waitUntil(lambda: "Not enough" in page.problem.text(), timeout=10_000)
    settle(qtbot, backend)
    assert page.receive.text() == "—" and page.details.count() == 0
    assert not page.review.isEnabled()
    backend.services.prices.set_static(Decimal(200), backend.services.ctx.clock.now() -
                                       timedelta(hours=1))
    choose(page, "YANOLJA", "MLK", "2000", qtbot)
    qtbot.waitUntil(lambda: "out of date" in page.problem.text(), timeout=10_000)
    settle(qtbot, backend)
    assert page.quote_hint.text() != "Getting a quote…"


def test_an_unlinked_partner_is_explained_and_linked_from_the_exchange_page(make_app, qtbot):
    """Points move in the member's account at the partner: with Delicar not linked there is
    nothing to review, the page says why, and its button opens Delicar's link dialog."""
    window, backend = make_app()
    page = exchange_page(qtbot, window, backend)
    before = backend.services.admin.verify().head_hash
    choose(page, "MLK", "DELICAR", "2000", qtbot, exact_out=True)
    settle(qtbot, backend)
    assert page.link_hint.isVisible() and "Delicar is not linked" in page.link_hint.text()
    assert not page.review.isEnabled()
    assert backend.services.admin.verify().head_hash == before
    click(qtbot, page.link_button)
    qtbot.waitUntil(lambda: window.partners.isVisible())
    dialogs = [w for w in window.findChildren(LinkPartnerDialog) if w.isVisible()]
    assert [d.partner.code for d in dialogs] == ["DELICAR"]
    dialogs[0].reject()
    choose(page, "MLK", "YANOLJA", "2000", qtbot, exact_out=True)  # a linked partner
    window.show_page(EXCHANGE)
    qtbot.waitUntil(lambda: page.review.isEnabled(), timeout=10_000)
    assert not page.link_hint.isVisible() and not page.link_button.isVisible()


def test_activity_says_when_filters_match_nothing_and_explains_entries_in_words(make_app,
                                                                               qtbot):
    window, backend = make_app()
    convert(qtbot, window, backend, "YANOLJA", "MLK", "2000")
    window.show_page(ACTIVITY)
    settle(qtbot, backend)
    page = window.activity
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    assert [r.kind for r in page.model.rows[:2]] == ["redeem", "sell"]
    page.table.selectRow(1)  # the conversion itself (above it: Yanolja's redeem that paid it)
    details = page.details.toPlainText()
    assert "You gave 2,000 pts (Yanolja) and received 9.85 MLK" in details
    assert '"amount_in"' not in details and "9850000000000000000" not in details
    assert "KST" in page.model.index(0, 0).data()  # times say their zone
    click(qtbot, page.technical_button)
    assert "9850000000000000000" in page.details.toPlainText()  # raw data, on request
    qtbot.keyClicks(page.search, "no-such-thing-anywhere")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and not page.model.canFetchMore(),
                    timeout=10_000)
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: page.status.text() == "No activity matches these filters.",
                    timeout=10_000)


def test_chain_rows_are_titled_once_not_twice(make_app, qtbot):
    from app.ui.models.history_model import chain_kind_name

    window, backend = make_app()
    assert chain_kind_name("send") == "Sent on chain"
    assert "on chain · on chain" not in chain_kind_name("send") + " · "


def test_korean_after_a_live_switch_receipt_own_wallet_and_partner_names(make_app, qtbot):
    from app.core.errors import RuleError
    from app.ui import i18n
    from app.ui.errors import explain

    window, backend = make_app(lang="en", before=lambda svc: svc.wallet.watch(WATCHED))
    page = convert(qtbot, window, backend, "YANOLJA", "MLK", "2000")
    assert page.result_text.text().startswith("Converted")
    window.languages.set("ko")
    settle(qtbot, backend)
    assert "Converted" not in page.result_text.text() and "9.85 MLK" in page.result_text.text()
    message = explain(RuleError("", code="insufficient_balance",
                                details={"asset": "DELICAR", "available": 0, "needed": 1000}))
    assert "DELICAR" not in message and "딜카" in message
    window.show_page(WALLET)
    settle(qtbot, backend)
    model = window.wallet.book_model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=20_000)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["내 지갑"]
    assert i18n.current() == "ko"


def test_charts_have_separated_numbers_a_fitting_range_and_whole_dates(make_app, qtbot):
    from PySide6.QtCharts import QCategoryAxis

    window, backend = make_app()
    window.show_page(HOME)
    settle(qtbot, backend)
    chart = window.home.timeline.chart()
    y = next(a for a in chart.axes(Qt.Orientation.Vertical) if isinstance(a, QCategoryAxis))
    labels = y.categoriesLabels()
    assert any("," in text for text in labels), labels  # 20,000 not 20000
    top = max(sum(s.at(i) for s in chart.series()[0].barSets()) for i in range(8))
    assert top <= y.max() <= top * 1.5, (top, y.max())
    x = chart.axes(Qt.Orientation.Horizontal)[0]
    assert not x.truncateLabels()
    assert not y.truncateLabels()  # drawn before the chart had its size, it read "…"


def test_the_expiry_chart_days_fit_side_by_side_in_korean(make_app, qtbot):
    """'12월 15일' under each of eight bars ran into its neighbours and the first was dropped."""
    window, backend = make_app(lang="ko")
    settle(qtbot, backend)
    x = window.home.timeline.chart().axes(Qt.Orientation.Horizontal)[0]
    days = x.categories()
    assert len(days) == 8 and all(re.fullmatch(r"\d{1,2}/\d{1,2}", d) for d in days), days
    width = window.home.timeline.chart().plotArea().width()
    metrics = window.home.timeline.fontMetrics()
    assert sum(metrics.horizontalAdvance(d) for d in days) < width * 0.8


def test_settings_shows_the_theme_in_use_not_the_saved_one(make_app, qtbot, tmp_path):
    from app.ui import theme

    window, backend = make_app()
    window.settings.prefs.setValue("theme", "dark")  # saved earlier; started with --theme light
    theme.apply(QApplication.instance(), False)
    window.settings.retranslate()
    assert window.settings.theme.currentText() == "Light"


def test_one_partner_is_singular(make_app, qtbot):
    def only_yanolja(svc):
        for code in ("SSG_DUTYFREE", "AIRPORT_LIMO"):
            svc.exchange.convert(code, "MLK", str(svc.points.balance(code)))
            svc.partners.unlink(code)

    window, backend = make_app(before=only_yanolja)
    window.show_page(HOME)
    settle(qtbot, backend)
    notes = [n.text() for _c, _v, n in window.home.stats]
    assert "1 partner" in notes and "1 partners" not in notes


def test_confirmation_is_exact_named_once_and_counts_down(make_app, qtbot):
    from app.ui.dialogs.confirm_convert import ConfirmConvertDialog

    window, backend = make_app()
    backend.services.prices.set_static(Decimal(400))
    page = exchange_page(qtbot, window, backend)
    choose(page, "MLK", "AIRPORT_LIMO", "4000", qtbot, exact_out=True)
    qtbot.waitUntil(lambda: page.review.isEnabled(), timeout=10_000)
    assert page.receive.text() == "20.3045 MLK"  # display: rounded
    click(qtbot, page.review)
    confirm = page.dialog
    texts = [lab.text() for lab in confirm.findChildren(QLabel)]
    assert "20.304568527918781726 MLK" in texts  # the confirmation: every digit
    assert "4,000 pts (Seoul Airport Limousine)" in texts
    assert not any("(MLK)" in t for t in texts)
    assert confirm.countdown.text().startswith("Quote valid for")
    click(qtbot, confirm.cancel)
    quote = page._quote
    late = ConfirmConvertDialog(quote, lambda: quote.expires_at + timedelta(seconds=1), window)
    qtbot.addWidget(late)
    assert not late.confirm.isEnabled() and "expired" in late.countdown.text()


def test_choosing_the_same_asset_on_both_sides_swaps_them(make_app, qtbot):
    window, backend = make_app()
    page = exchange_page(qtbot, window, backend)
    page.from_box.setCurrentIndex(page.from_box.findData("YANOLJA"))
    page.to_box.setCurrentIndex(page.to_box.findData("MLK"))
    page.from_box.setCurrentIndex(page.from_box.findData("MLK"))
    assert (page.from_box.currentData(), page.to_box.currentData()) == ("MLK", "YANOLJA")
    page.to_box.setCurrentIndex(page.to_box.findData("MLK"))
    assert (page.from_box.currentData(), page.to_box.currentData()) == ("YANOLJA", "MLK")


def test_small_mlk_amounts_do_not_show_as_zero():
    from app.ui import fmt

    assert fmt.mlk(10**13) == "< 0.0001 MLK"
    assert fmt.mlk(123456789 * 10**12) == "123.4567 MLK"
    assert fmt.mlk(123456789 * 10**12, None) == "123.456789 MLK"


def test_a_manual_price_on_a_real_profile_asks_and_quotes_say_so(make_app, qtbot):
    def linked(svc):
        challenge = svc.partners.request_code("YANOLJA", "minji-77")
        svc.partners.link("YANOLJA", "minji-77", challenge.demo_code)

    window, backend = make_app(demo=False, before=linked)
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    settings = window.settings
    qtbot.keyClicks(settings.static_value, "1")
    click(qtbot, settings.set_static)
    box = question(qtbot, settings)
    assert "manual price" in box.text()
    click(qtbot, shown_button(box, "Cancel"))
    settle(qtbot, backend)
    assert backend.services.prices.feed == "upbit"  # nothing changed
    click(qtbot, settings.set_static)
    click(qtbot, shown_button(question(qtbot, settings), "Use this price"))
    settle(qtbot, backend)
    assert backend.services.prices.latest().krw_per_mlk == 1
    page = exchange_page(qtbot, window, backend)
    choose(page, "YANOLJA", "MLK", "2000", qtbot)
    qtbot.waitUntil(lambda: page.review.isEnabled(), timeout=10_000)
    rows = [page.details.itemAt(i).widget().text() for i in range(page.details.count())]
    assert any("manual price" in r for r in rows), rows


def test_home_charts_total_value_and_mlk_price_over_time(make_app, qtbot):
    """Issue 8 §6: a chart of the total value over time and of the MLK price, from the
    ledger and the stored prices (a line needs two days or two prices)."""
    from PySide6.QtCharts import QAreaSeries

    from app.core.clock import iso
    from app.core.ledger.schema import PriceRecord

    def trend(home):
        line = next(s for s in home.trend.chart().series() if isinstance(s, QAreaSeries))
        return [p.y() for p in line.upperSeries().points()]

    window, backend = make_app()
    home = window.home
    assert not home.trend_card.isVisible()  # a profile made today: nothing to draw yet
    svc = backend.services
    with svc.ctx.db.write() as s:  # a price recorded a week ago, then today's
        s.add(PriceRecord(source="static", krw_per_mlk="180", pinned=True,
                          as_of=iso(svc.ctx.clock.now() - timedelta(days=7)),
                          recorded_at=iso(svc.ctx.clock.now())))
    svc.prices.set_static(Decimal(250))
    backend.notify("prices", "ledger")
    window.show_page(HOME)
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: home.trend_card.isVisible(), timeout=10_000)
    assert home.show_price.isChecked() and not home.show_value.isEnabled()
    assert trend(home)[-2:] == [200.0, 250.0]
    labels = home.trend.chart().axes(Qt.Orientation.Vertical)[0].categoriesLabels()
    assert all(t.strip("\u200b").startswith("₩") for t in labels), labels


def test_a_withdrawal_is_one_item_with_both_parts(make_app, qtbot):
    """Issue 8 §5: one withdrawal appeared twice (ledger −30 and chain +30)."""
    window, backend = make_app(before=lambda svc: svc.wallet.watch(WATCHED))
    backend.services.bridge.withdraw("30")
    backend.notify("ledger", "wallet")
    window.show_page(ACTIVITY)
    settle(qtbot, backend)
    model = window.activity.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    withdrawals = [r for r in model.rows if r.kind == "withdraw"]
    assert len(withdrawals) == 1 and withdrawals[0].source == "ledger"
    assert withdrawals[0].chain is not None
    row = model.rows.index(withdrawals[0])
    assert model.index(row, 3).data() == "−30 MLK → wallet +30 MLK"
    window.activity.table.selectRow(row)
    details = window.activity.details.toPlainText()
    assert withdrawals[0].chain.tx_hash in details and "confirmed" in details


def test_activity_search_finds_what_is_on_screen(make_app, qtbot):
    """Issue 8 §5: search missed "Shinsegae" and the hash prefix shown on receipts."""
    window, backend = make_app()
    page = convert(qtbot, window, backend, "SSG_DUTYFREE", "MLK", "2000")
    prefix = page._converted_last.entry.hash[:12]
    window.show_page(ACTIVITY)
    settle(qtbot, backend)
    activity = window.activity
    for needle in ("Shinsegae", "신세계", prefix):
        activity.search.clear()
        if needle.isascii():
            qtbot.keyClicks(activity.search, needle)
        else:  # QTest types Latin-1 only: Korean arrives as an input method commits it
            activity.search.insert(needle)
        qtbot.waitUntil(lambda: activity.model.rowCount() >= 1 and not
                        activity.model._loading, timeout=10_000)
        settle(qtbot, backend)
        kinds = {r.kind for r in activity.model.rows}
        assert "sell" in kinds, (needle, kinds)
