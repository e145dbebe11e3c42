"""Each page driven as a user would: link, see it on Home, convert every way, find the entry
in Activity, export it, switch language; refusals explained and changing nothing."""
from __future__ import annotations

import csv
import sqlite3
from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from app.ui.main_window import ACTIVITY, EXCHANGE, HOME, PARTNERS, SETTINGS
from tests.ui.conftest import LagMeter, settle
from tests.ui.drive import shown_code


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def head(backend):
    return backend.services.admin.verify().head_hash


def test_home_shows_every_partner_value_and_what_expires(make_app):
    window, backend = make_app()
    home = window.home
    assert home.total.text() == "₩632,100"
    cards = [home.grid.itemAt(i).widget() for i in range(home.grid.count())]
    assert [c.code for c in cards] == ["YANOLJA", "SSG_DUTYFREE", "AIRPORT_LIMO"]
    assert home.banner.isVisible() and "expire" in home.banner.text.text()
    assert "Shinsegae Duty Free" in home.banner.text.text()


def test_link_a_partner_and_see_it_on_home(make_app, qtbot):
    window, backend = make_app()
    window.show_page(PARTNERS)
    settle(qtbot, backend)
    page = window.partners
    delicar = next(p for p in backend.services.ctx.catalog if p.code == "DELICAR")
    dialog = page.open_link(delicar)
    qtbot.keyClicks(dialog.member, "minji-77")
    click(qtbot, dialog.send_code)
    qtbot.waitUntil(lambda: dialog.code.isEnabled())
    qtbot.keyClicks(dialog.code, shown_code(dialog))
    click(qtbot, dialog.link)
    qtbot.waitUntil(lambda: "Linked" in dialog.message.text(), timeout=10_000)
    assert dialog.message.role == "Positive" and "shown in MiL.k" in dialog.message.text()
    settle(qtbot, backend)
    window.show_page(HOME)
    qtbot.waitUntil(lambda: window.home.grid.count() == 4, timeout=10_000)


def convert(qtbot, window, backend, src, dst, amount, exact_out=False):
    window.show_page(EXCHANGE)
    settle(qtbot, backend)
    page = window.exchange
    page.from_box.setCurrentIndex(page.from_box.findData(src))
    page.to_box.setCurrentIndex(page.to_box.findData(dst))
    (page.get_mode if exact_out else page.pay_mode).setChecked(True)
    page.amount.clear()
    qtbot.keyClicks(page.amount, amount)
    qtbot.waitUntil(lambda: page.review.isEnabled(), timeout=10_000)
    click(qtbot, page.review)
    confirm = page.dialog
    assert confirm.isVisible()
    click(qtbot, confirm.confirm)
    qtbot.waitUntil(lambda: page.result.isVisible(), timeout=10_000)
    settle(qtbot, backend)
    return page


def test_convert_both_ways_and_point_to_point(make_app, qtbot):
    window, backend = make_app()
    svc = backend.services
    ya, mlk = svc.points.balance("YANOLJA"), svc.points.balance("MLK")
    page = convert(qtbot, window, backend, "YANOLJA", "MLK", "2000")
    assert "9.85 MLK" in page.result_text.text() and "Ledger entry #" in page.result_entry.text()
    assert svc.points.balance("YANOLJA") == ya - 2000
    assert svc.points.balance("MLK") == mlk + 9_850_000_000_000_000_000
    limo = svc.points.balance("AIRPORT_LIMO")
    convert(qtbot, window, backend, "MLK", "AIRPORT_LIMO", "1000", exact_out=True)
    assert svc.points.balance("AIRPORT_LIMO") == limo + 1000
    convert(qtbot, window, backend, "SSG_DUTYFREE", "AIRPORT_LIMO", "5000")
    entries = svc.history.page(limit=20)
    assert [e.kind for e in entries if e.kind in ("sell", "buy", "swap")][:3] == [
        "swap", "buy", "sell"]
    assert entries[0].kind == "issue"  # the swap's last leg: the partner added the points
    assert svc.admin.verify().ok


def test_the_entry_appears_in_activity_and_exports(make_app, qtbot, tmp_path):
    window, backend = make_app()
    convert(qtbot, window, backend, "YANOLJA", "MLK", "2000")
    window.show_page(ACTIVITY)
    settle(qtbot, backend)
    page = window.activity
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    # held in the ledger, then paid once Yanolja redeemed the points
    booked, held = page.model.rows[0], page.model.rows[1]
    assert (held.kind, held.changes) == ("sell", {"YANOLJA": -2000})
    assert (booked.kind, booked.changes) == ("redeem", {"MLK": 9_850_000_000_000_000_000})
    page.table.selectRow(0)
    assert booked.detail.hash in page.details.toPlainText()
    assert "Yanolja took 2,000 pts from your account there" in page.details.toPlainText()
    page.kind.setCurrentIndex(page.kind.findData("conversions"))
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    out = tmp_path / "activity.csv"
    page.export_to(out)  # the statement: one row per entry, for a person
    settle(qtbot, backend)
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 2 and {r["Partner"] for r in rows} == {"Yanolja"}
    assert [(r["You gave"], r["You received"]) for r in rows] == [("", "9.85 MLK"),
                                                                   ("2,000 pts", "")]
    assert "Exported 2 entries" in page.status.text()
    ledger = tmp_path / "ledger.csv"
    page.export_to(ledger, ledger=True)  # the raw postings, for an auditor
    settle(qtbot, backend)
    postings = list(csv.DictReader(ledger.open(encoding="utf-8")))
    assert {r["kind"] for r in postings} == {"sell", "redeem"} and len(postings) > 1
    assert sum(int(r["units"]) for r in postings if r["asset"] == "MLK") == 0


def test_language_switches_live(make_app, qtbot):
    window, backend = make_app(lang="en")
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    settings = window.settings
    settings.language.setCurrentIndex(settings.language.findData("ko"))
    assert window.home.title.text() == "홈"
    assert window.rail._buttons[1][0].text() == "교환"
    window.show_page(HOME)
    settle(qtbot, backend)
    assert window.home.total.text() == "632,100원"
    settings.language.setCurrentIndex(settings.language.findData("en"))
    assert window.home.title.text() == "Home"


def test_refusals_on_the_exchange_page_explain_and_change_nothing(make_app, qtbot):
    window, backend = make_app()
    window.show_page(EXCHANGE)
    settle(qtbot, backend)
    page = window.exchange
    before = head(backend)

    def attempt(src, dst, amount):
        page.from_box.setCurrentIndex(page.from_box.findData(src))
        page.to_box.setCurrentIndex(page.to_box.findData(dst))
        page.amount.clear()
        qtbot.keyClicks(page.amount, amount)
        qtbot.waitUntil(lambda: page.problem.text() != "", timeout=10_000)
        assert not page.review.isEnabled()
        return page.problem.text()

    assert "whole numbers" in attempt("YANOLJA", "MLK", "1.5")
    assert page.amount.property("invalid") is True
    assert "Not enough" in attempt("MLK", "YANOLJA", "5000")  # 100 MLK in the app
    assert "smallest exchange" in attempt("YANOLJA", "MLK", "999")
    backend.services.prices.set_static(Decimal(200), backend.services.ctx.clock.now() -
                                       timedelta(hours=1))
    assert "out of date" in attempt("YANOLJA", "MLK", "2000")
    assert head(backend) == before


def test_verify_ledger_from_settings(make_app, qtbot):
    window, backend = make_app()
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    click(qtbot, window.settings.verify)
    qtbot.waitUntil(lambda: "verified" in window.settings.verify_result.text())


def test_gui_thread_stays_responsive_while_converting_and_loading_history(make_app, qtbot):
    window, backend = make_app()
    with LagMeter() as lag:
        convert(qtbot, window, backend, "YANOLJA", "MLK", "3000")
        window.show_page(ACTIVITY)
        settle(qtbot, backend)
    assert lag.worst < 0.100, f"the GUI thread stalled {lag.worst * 1000:.0f} ms"


def test_confirm_dialog_buttons(make_app, qtbot):
    window, backend = make_app()
    window.show_page(EXCHANGE)
    settle(qtbot, backend)
    page = window.exchange
    page.from_box.setCurrentIndex(page.from_box.findData("YANOLJA"))
    page.to_box.setCurrentIndex(page.to_box.findData("MLK"))
    qtbot.keyClicks(page.amount, "2000")
    qtbot.waitUntil(lambda: page.review.isEnabled(), timeout=10_000)
    before = head(backend)
    click(qtbot, page.review)
    cancel = next(b for b in page.dialog.findChildren(QPushButton) if b.text() == "Cancel")
    click(qtbot, cancel)
    settle(qtbot, backend)
    assert head(backend) == before  # nothing is sent until confirmed
    assert page.dialog.findChild(QDialogButtonBox) is not None


def test_milk_simulate_in_another_process_appears_live(make_app, qtbot, tmp_path):
    from tests.support.cli import MilkCLI

    window, backend = make_app(data_dir=tmp_path / "shared-profile")
    window.show_page(ACTIVITY)
    settle(qtbot, backend)
    page = window.activity
    rows_before = page.model.rowCount()
    total_before = window.home.total.text()
    run = MilkCLI(tmp_path / "shared-profile")("simulate", "--conversions", "6", "--seed", "3")
    assert run.code == 0, run.stderr
    # No click: the window notices the other process's entries on its own.
    qtbot.waitUntil(lambda: page.model.rowCount() > rows_before, timeout=15_000)
    assert page.model.rows[0].detail.seq == backend.services.admin.verify().head_seq
    window.show_page(HOME)  # a hidden page refreshes when it is shown
    qtbot.waitUntil(lambda: window.home.total.text() != total_before, timeout=15_000)


def test_back_up_and_restore_from_settings(make_app, qtbot, tmp_path):
    window, backend = make_app()
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    settings = window.settings
    backup = tmp_path / "backup.sqlite3"
    settings.backup_to(backup)
    settle(qtbot, backend)
    assert "Backed up 9 entries" in settings.verify_result.text()
    at_backup = head(backend)
    at_backup_seq = backend.services.admin.verify().head_seq
    convert(qtbot, window, backend, "YANOLJA", "MLK", "2000")
    after = head(backend)
    after_seq = backend.services.admin.verify().head_seq
    window.show_page(SETTINGS)

    # A file that is not a verified ledger is refused, and the ledger stays as it is.
    tampered = tmp_path / "tampered.sqlite3"
    tampered.write_bytes(backup.read_bytes())
    db = sqlite3.connect(tampered)
    db.execute("DROP TRIGGER IF EXISTS postings_no_update")
    db.execute("UPDATE postings SET amount = '1' WHERE seq = 5 AND idx = 0")
    db.commit()
    db.close()
    settings.ask_restore(tampered)
    qtbot.waitUntil(lambda: settings.verify_result.role == "Error", timeout=20_000)
    settle(qtbot, backend)
    assert head(backend) == after

    # Restoring asks first — naming the entries it takes back; Cancel changes nothing.
    from tests.ui.drive import question, shown_button

    settings.ask_restore(backup)
    box = question(qtbot, settings)
    assert f"takes back entries #{at_backup_seq + 1}–#{after_seq}" in box.text()
    click(qtbot, shown_button(box, "Cancel"))
    settle(qtbot, backend)
    assert head(backend) == after
    settings.ask_restore(backup)
    click(qtbot, shown_button(question(qtbot, settings), "Take back and restore"))
    qtbot.waitUntil(lambda: "Restored from" in settings.verify_result.text(), timeout=20_000)
    settle(qtbot, backend)
    assert head(backend) == at_backup  # the conversion is gone from the ledger in use
    kept = list(backend.data_dir.glob("ledger-before-restore-*.sqlite3"))
    assert len(kept) == 1 and kept[0].name in settings.verify_result.text()
    copy = sqlite3.connect(kept[0])  # nothing is lost: the replaced ledger, conversion and all
    assert copy.execute("SELECT hash FROM chain_head").fetchone()[0] == after
    copy.close()
    window.show_page(HOME)
    qtbot.waitUntil(lambda: window.home.total.text() == "₩632,100", timeout=10_000)


def test_demo_badge_and_reset_demo(make_app, qtbot):
    window, backend = make_app()
    assert window.demo_badge.isVisible() and window.demo_badge.text() == "DEMO"
    fresh = backend.services.admin.verify()
    convert(qtbot, window, backend, "YANOLJA", "MLK", "2000")
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    settings = window.settings
    click(qtbot, settings.reset_demo)
    settings.dialog.button(settings.dialog.StandardButton.Cancel).click()
    settle(qtbot, backend)
    assert backend.services.admin.verify().entries == fresh.entries + 2  # Cancel kept it
    click(qtbot, settings.reset_demo)
    next(b for b in settings.dialog.buttons() if b.text() == "Reset demo").click()
    qtbot.waitUntil(lambda: settings.verify_result.text() == "Demo reset.", timeout=30_000)
    settle(qtbot, backend)
    assert backend.services.admin.verify().entries == fresh.entries
    window.show_page(HOME)
    qtbot.waitUntil(lambda: window.home.total.text() == "₩632,100", timeout=10_000)


def test_a_real_profile_has_no_demo_badge_or_reset(make_app, qtbot):
    window, backend = make_app(demo=False)
    assert not window.demo_badge.isVisible()
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    assert not window.settings.reset_demo.isVisible()
    window.show_page(HOME)
    settle(qtbot, backend)
    assert window.home.empty_box.isVisibleTo(window)  # nothing linked yet: says how to start


def test_a_conversion_the_partner_has_not_answered_is_pending_until_a_sync(make_app, qtbot):
    """The partner applied the redeem but its answer was lost: the receipt and Home say
    'pending at Yanolja', no MLK arrives; Sync all (F5) asks again and the conversion
    completes once."""
    from tests.partner.lossy import lossy

    window, backend = make_app()
    svc = backend.services
    mlk = svc.points.balance("MLK")
    _, heal = lossy(svc, "YANOLJA", deliver=True)
    page = convert(qtbot, window, backend, "YANOLJA", "MLK", "2000")
    assert "pending at Yanolja" in page.result_text.text()
    assert svc.points.balance("MLK") == mlk  # never MLK without the partner's redeem
    window.show_page(HOME)
    settle(qtbot, backend)
    texts = lambda: " ".join(w.text() for w in window.home.findChildren(QLabel))  # noqa: E731
    assert "2,000 pts leaving: pending at Yanolja" in texts()
    heal()
    window.show_page(PARTNERS)
    click(qtbot, window.partners.sync_all)  # what F5 does
    qtbot.waitUntil(lambda: svc.points.balance("MLK") > mlk, timeout=20_000)
    settle(qtbot, backend)
    window.show_page(HOME)
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: "pending at Yanolja" not in texts(), timeout=10_000)
    assert svc.partners.reconcile("YANOLJA").agrees
