"""Every path of the dialogs a person meets, by clicks and keys: the address book entry, the
password change, send (paste, Max, Back, a wrong password, success), deposit, and the file
choosers behind export keystore, back up, restore and export activity."""
from __future__ import annotations

import json
import re
import secrets

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.core.money import MLK_UNIT
from app.ui.main_window import ACTIVITY, SETTINGS, WALLET
from tests.ui.conftest import PASSWORD, settle
from tests.ui.drive import choose_file, click, question, shown_button

WATCHED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
FRIEND = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"


def wallet_page(qtbot, window, backend):
    window.show_page(WALLET)
    settle(qtbot, backend)
    page = window.wallet
    qtbot.waitUntil(lambda: page.wallet_box.isVisible(), timeout=20_000)
    return page


def with_key(qtbot, window, backend, mlk: str | None = "40"):
    """A signing wallet (a fresh key in the real keyring) with some on-chain MLK."""
    from eth_account import Account

    key = secrets.token_hex(32)
    svc = backend.services
    svc.wallet.import_private_key(key, PASSWORD)
    if mlk:
        svc.bridge.withdraw(mlk)
    backend.notify("wallet", "ledger")
    settle(qtbot, backend)
    return Account.from_key(key).address


def forget(backend) -> None:
    svc = backend.services
    svc.wallet.custody.delete(svc.wallet.status().address)


def test_address_book_entry_add_edit_remove_and_refusals(make_app, qtbot):
    window, backend = make_app(before=lambda svc: svc.wallet.watch(WATCHED))
    page = wallet_page(qtbot, window, backend)
    model = page.book_model

    click(qtbot, page.add_contact)
    dialog = page.dialog
    click(qtbot, shown_button(dialog, "Cancel"))  # nothing saved
    settle(qtbot, backend)
    assert len(backend.services.wallet.book.entries()) == 1

    click(qtbot, page.add_contact)
    dialog = page.dialog
    qtbot.keyClicks(dialog.name, "Upbit")
    qtbot.keyClicks(dialog.address, FRIEND.lower()[:-1])  # 39 hex digits
    click(qtbot, shown_button(dialog, "Save"))
    qtbot.waitUntil(lambda: "40" in dialog.message.text(), timeout=10_000)
    dialog.address.clear()
    qtbot.keyClicks(dialog.address, WATCHED)  # already the wallet's own entry
    click(qtbot, shown_button(dialog, "Save"))
    qtbot.waitUntil(lambda: "already in the address book" in dialog.message.text(),
                    timeout=10_000)
    dialog.address.clear()
    qtbot.keyClicks(dialog.address, FRIEND)
    click(qtbot, shown_button(dialog, "Save"))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    row = next(r for r in range(model.rowCount()) if model.item(r).label == "Upbit")
    assert model.index(row, 1).data() == "Exchange deposit · Upbit · MiL.k demo chain"

    page.book.selectRow(row)
    click(qtbot, page.edit_contact)
    dialog = page.dialog
    assert dialog.address.isReadOnly()
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Upbit KRW")
    click(qtbot, shown_button(dialog, "Save"))
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: any(c.label == "Upbit KRW" for c in model.items), timeout=10_000)

    own = next(r for r in range(model.rowCount()) if model.item(r).kind == "own")
    page.book.selectRow(own)
    assert not page.remove_contact.isEnabled()  # the wallet's own entry stays
    row = next(r for r in range(model.rowCount()) if model.item(r).label == "Upbit KRW")
    page.book.selectRow(row)
    click(qtbot, page.remove_contact)
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)


def test_change_password_wrong_current_mismatch_then_success(make_app, qtbot, secret_service):
    window, backend = make_app()
    with_key(qtbot, window, backend, mlk=None)
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    settings = window.settings
    qtbot.waitUntil(lambda: settings.change_password.isEnabled(), timeout=20_000)
    click(qtbot, settings.change_password)
    dialog = settings.dialog
    qtbot.keyClicks(dialog.current, "not-the-password")
    qtbot.keyClicks(dialog.new.first, "new-password-456")
    qtbot.keyClicks(dialog.new.second, "new-password-457")
    click(qtbot, dialog.ok)
    assert dialog.message.text() == "The two new passwords differ."
    dialog.new.second.clear()
    qtbot.keyClicks(dialog.new.second, "new-password-456")
    qtbot.keyClick(dialog.new.second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.text() == "The password is not right.",
                    timeout=20_000)
    assert dialog.isVisible() and dialog.message.role == "Error"
    dialog.current.clear()
    qtbot.keyClicks(dialog.current, PASSWORD)
    click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: settings.security_message.text() == "Password changed.",
                    timeout=20_000)
    assert not dialog.isVisible() and settings.security_message.role == "Positive"
    svc = backend.services
    svc.wallet.unlock("new-password-456")  # the new one opens the key
    forget(backend)


def test_send_paste_max_back_wrong_password_then_send(make_app, qtbot, secret_service):
    window, backend = make_app()
    me = with_key(qtbot, window, backend)
    page = wallet_page(qtbot, window, backend)
    qtbot.waitUntil(lambda: page.send_button.isEnabled(), timeout=20_000)
    click(qtbot, page.send_button)
    send = page.dialog
    send.destination.lineEdit().clear()
    qtbot.keyClicks(send.destination.lineEdit(), FRIEND)
    click(qtbot, send.max_button)
    qtbot.waitUntil(lambda: send.amount.text() == "40", timeout=20_000)
    send.amount.clear()
    qtbot.keyClicks(send.amount, "2.5")
    click(qtbot, send.next_button)
    qtbot.waitUntil(lambda: send.steps.currentIndex() == 1, timeout=20_000)
    click(qtbot, send.back_button)
    assert send.steps.currentIndex() == 0 and send.amount.text() == "2.5"
    click(qtbot, send.next_button)
    qtbot.waitUntil(lambda: send.steps.currentIndex() == 1, timeout=20_000)
    for check in send._acks:
        check.setChecked(True)
    qtbot.keyClicks(send.password, "wrong-password")
    click(qtbot, send.send_button)
    qtbot.waitUntil(lambda: send.problem2.text() == "The password is not right.",
                    timeout=20_000)
    svc = backend.services
    assert svc.chain.client().mlk_balance(FRIEND) == 0  # nothing left
    send.password.clear()
    qtbot.keyClicks(send.password, PASSWORD)
    click(qtbot, send.send_button)
    assert send.problem2.role == "Muted"  # "Signing…"
    qtbot.waitUntil(lambda: "confirmed" in send.progress_title.text(), timeout=30_000)
    assert "0xfB69…d359" in send.progress_title.text()  # says where it went
    click(qtbot, send.copy_hash)
    assert QGuiApplication.clipboard().text() == send._tx.tx_hash
    assert svc.chain.client().mlk_balance(FRIEND) == 5 * MLK_UNIT // 2
    assert svc.chain.client().mlk_balance(me) == 75 * MLK_UNIT // 2
    click(qtbot, send.close_button)
    settle(qtbot, backend)
    forget(backend)


def test_deposit_wrong_password_then_credited(make_app, qtbot, secret_service):
    window, backend = make_app()
    with_key(qtbot, window, backend)
    svc = backend.services
    in_app = svc.points.balance("MLK")
    page = wallet_page(qtbot, window, backend)
    qtbot.waitUntil(lambda: page.deposit_button.isEnabled(), timeout=20_000)
    click(qtbot, page.deposit_button)
    dialog = page.dialog
    qtbot.keyClicks(dialog.amount, "10")
    qtbot.keyClicks(dialog.password, "wrong-password")
    click(qtbot, dialog.go)
    qtbot.waitUntil(lambda: dialog.message.text() == "The password is not right.",
                    timeout=20_000)
    assert svc.points.balance("MLK") == in_app
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    click(qtbot, dialog.go)
    qtbot.waitUntil(lambda: dialog.message.role == "Positive", timeout=30_000)
    settle(qtbot, backend)
    svc.bridge.settle()
    assert svc.points.balance("MLK") == in_app + 10 * MLK_UNIT
    forget(backend)


def test_export_keystore_through_the_file_chooser(make_app, qtbot, secret_service, tmp_path,
                                                  monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    window, backend = make_app()
    address = with_key(qtbot, window, backend, mlk=None)
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    settings = window.settings
    qtbot.waitUntil(lambda: settings.export_keystore.isEnabled(), timeout=20_000)
    click(qtbot, settings.export_keystore)
    target = tmp_path / "my-keystore.json"
    choose_file(qtbot, settings, target.name)
    prompt = settings.dialog
    qtbot.keyClicks(prompt.field, PASSWORD)
    qtbot.keyClick(prompt.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Keystore saved" in settings.security_message.text(),
                    timeout=20_000)
    doc = json.loads(target.read_text())
    assert doc["address"].lower() == address.lower().removeprefix("0x")
    forget(backend)


def test_back_up_and_restore_through_the_file_choosers(make_app, qtbot, tmp_path, monkeypatch):
    from tests.ui.test_pages import convert

    monkeypatch.setenv("HOME", str(tmp_path))
    window, backend = make_app()
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    settings = window.settings
    at_backup = backend.services.admin.verify().head_hash
    click(qtbot, settings.backup)
    backup = tmp_path / "ledger-backup.sqlite3"
    choose_file(qtbot, settings, backup.name)
    try:
        qtbot.waitUntil(lambda: settings.verify_result.text().startswith("Backed up"),
                        timeout=20_000)
    except Exception:
        raise AssertionError(settings.verify_result.text()) from None
    assert settings.verify_result.role == "Positive" and backup.exists()
    convert(qtbot, window, backend, "YANOLJA", "MLK", "2000")
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    click(qtbot, settings.restore)
    choose_file(qtbot, settings, backup.name)
    box = question(qtbot, settings)
    click(qtbot, shown_button(box, "Take back and restore"))  # the conversion came after
    qtbot.waitUntil(lambda: settings.verify_result.text().startswith("Restored"),
                    timeout=30_000)
    settle(qtbot, backend)
    assert backend.services.admin.verify().head_hash == at_backup


def test_export_activity_through_the_file_chooser(make_app, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    window, backend = make_app()
    window.show_page(ACTIVITY)
    settle(qtbot, backend)
    page = window.activity
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    click(qtbot, page.export_button)
    target = tmp_path / "activity.csv"
    choose_file(qtbot, page, target.name)
    qtbot.waitUntil(lambda: page.status.text().startswith("Exported"), timeout=20_000)
    assert target.read_text(encoding="utf-8").count("\n") > 1


def test_about_shows_version_licences_and_opens_the_folders(make_app, qtbot, tmp_path,
                                                            monkeypatch):
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtGui import QDesktopServices

    from app.ui.dialogs.about import version

    class Opened(QObject):  # where the desktop would have opened a file manager
        def __init__(self):
            super().__init__()
            self.urls = []

        @Slot("QUrl")
        def open(self, url):
            self.urls.append(url.toLocalFile())

    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    monkeypatch.setenv("MILK_LOG_DIR", str(tmp_path / "logs"))
    try:
        window, backend = make_app()
        window.show_page(SETTINGS)
        settle(qtbot, backend)
        click(qtbot, window.settings.about)
        about = window.settings.dialog
        assert about.version.text() == f"Version {version()}"
        notices = about.notices.toPlainText()
        assert "PySide6_Essentials" in notices and "LGPL" in notices and "pytest" not in notices
        assert str(backend.data_dir) in about.data_line.text()
        click(qtbot, about.open_logs)
        click(qtbot, about.open_data)
        assert opened.urls == [str(tmp_path / "logs"), str(backend.data_dir)]
        click(qtbot, shown_button(about, "Close"))
    finally:
        QDesktopServices.unsetUrlHandler("file")


def test_remove_the_key_from_this_computer_after_typing_the_address(make_app, qtbot,
                                                                    secret_service):
    window, backend = make_app()
    address = with_key(qtbot, window, backend, mlk=None)
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    settings = window.settings
    qtbot.waitUntil(lambda: settings.forget_key.isEnabled(), timeout=20_000)
    click(qtbot, settings.forget_key)
    dialog = settings.dialog
    assert address in " ".join(lab.text() for lab in dialog.findChildren(type(settings.title)))
    click(qtbot, shown_button(dialog, "Cancel"))
    assert backend.services.wallet.custody.exists(address)  # Cancel removed nothing
    click(qtbot, settings.forget_key)
    dialog = settings.dialog
    qtbot.keyClicks(dialog.typed, "abcdef")
    click(qtbot, dialog.remove)
    qtbot.waitUntil(lambda: "Nothing was removed" in dialog.message.text(), timeout=20_000)
    assert backend.services.wallet.custody.exists(address)
    dialog.typed.clear()
    qtbot.keyClicks(dialog.typed, address[-6:])
    click(qtbot, dialog.remove)
    qtbot.waitUntil(lambda: "watch-only" in settings.security_message.text(), timeout=20_000)
    assert not backend.services.wallet.custody.exists(address)
    status = backend.services.wallet.status()
    assert status.address == address and status.watch_only  # history kept, no key


def test_an_exchange_address_saved_for_another_network_is_refused(make_app, qtbot,
                                                                  secret_service):
    window, backend = make_app()
    with_key(qtbot, window, backend)
    page = wallet_page(qtbot, window, backend)
    click(qtbot, page.add_contact)
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.network.count() > 1, timeout=10_000)
    assert dialog.network.currentText() == "MiL.k demo chain (this wallet's network)"
    qtbot.keyClicks(dialog.name, "Upbit ARB")
    qtbot.keyClicks(dialog.address, FRIEND)
    dialog.network.setCurrentIndex(next(i for i in range(dialog.network.count())
                                        if dialog.network.itemText(i).startswith("Arbitrum")))
    click(qtbot, shown_button(dialog, "Save"))
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: page.send_button.isEnabled(), timeout=20_000)
    click(qtbot, page.send_button)
    send = page.dialog
    send.destination.setCurrentIndex(0)  # exchange entries come first
    assert "Upbit ARB" in send.destination.currentText()
    qtbot.keyClicks(send.amount, "1")
    click(qtbot, send.next_button)
    qtbot.waitUntil(lambda: send.problem1.role == "Error", timeout=20_000)
    assert "Arbitrum One" in send.problem1.text() and "MiL.k demo chain" in \
        send.problem1.text() and "Nothing was sent" in send.problem1.text()
    assert send.steps.currentIndex() == 0
    forget(backend)


def test_travel_rule_and_look_alike_warnings_show_what_to_check(make_app, qtbot,
                                                                 secret_service):
    from decimal import Decimal

    window, backend = make_app()
    with_key(qtbot, window, backend)
    svc = backend.services
    svc.prices.set_static(Decimal(30_000))  # 40 MLK = ₩1,200,000
    svc.wallet.book.add("Upbit", FRIEND, "exchange", "Upbit")
    twin = FRIEND[:6] + "0" * 32 + FRIEND[-4:]  # same first and last 4 hex digits
    from app.core.chain.addresses import to_checksum

    twin = to_checksum(twin)
    page = wallet_page(qtbot, window, backend)
    qtbot.waitUntil(lambda: page.send_button.isEnabled(), timeout=20_000)
    click(qtbot, page.send_button)
    send = page.dialog
    qtbot.keyClicks(send.amount, "40")
    click(qtbot, send.next_button)
    qtbot.waitUntil(lambda: send.steps.currentIndex() == 1, timeout=20_000)
    texts = [c.text() for c in send._acks]
    assert any("travel-rule" in t and "₩1,200,000" in t and "Upbit" in t for t in texts), texts
    click(qtbot, send.back_button)
    send.destination.lineEdit().clear()
    qtbot.keyClicks(send.destination.lineEdit(), twin)
    send.amount.clear()
    qtbot.keyClicks(send.amount, "1")
    click(qtbot, send.next_button)
    qtbot.waitUntil(lambda: send.steps.currentIndex() == 1, timeout=20_000)
    codes = [c.property("code") for c in send._acks]
    assert "lookalike" in codes
    view = next(w for w in send.findChildren(type(send.progress_title))
                if w.objectName() == "Lookalike")
    from app.core.chain.addresses import differences

    differing = differences(twin, FRIEND)
    assert view.isVisible() and view.property("differing") == len(differing) > 20
    assert view.text().count("<b ") == 2 * len(differing)  # marked in both addresses
    assert 0 not in differing and 41 not in differing  # the look-alike's trick: same ends
    send.reject()
    forget(backend)


def test_a_pending_deposit_shows_its_confirmations(make_app, qtbot, secret_service):
    window, backend = make_app()
    with_key(qtbot, window, backend)
    svc = backend.services
    svc.settings.set("network.confirmations", "3")
    svc.chain.reset()
    svc.bridge.deposit("10", PASSWORD)
    backend.notify("wallet")
    page = wallet_page(qtbot, window, backend)
    # 1 of 3, or 2 once the ledger's automatic anchor after the deposit was mined too
    pending = re.compile(r"Pending deposit: 10 MLK, [12] of 3 confirmations")
    qtbot.waitUntil(lambda: bool(pending.search(page.network_note.text())), timeout=20_000)
    assert svc.bridge.pending_deposits()  # not credited before the third
    forget(backend)


def test_settings_anchors_the_ledger_and_shows_the_last_anchor(make_app, qtbot):
    window, backend = make_app()
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    settings = window.settings
    assert settings.anchor_state.text().startswith("Public anchor: not yet")
    assert settings.anchor_auto.isChecked()  # on by default on the demo chain
    click(qtbot, settings.anchor_now)
    qtbot.waitUntil(lambda: settings.verify_result.text().startswith("Anchored entry"),
                    timeout=30_000)
    settle(qtbot, backend)
    last = backend.services.anchors.last()
    qtbot.waitUntil(lambda: f"block {last.block}" in settings.anchor_state.text(),
                    timeout=10_000)
    assert f"#{last.seq:,}" in settings.anchor_state.text()
    click(qtbot, settings.anchor_auto)  # off
    settle(qtbot, backend)
    assert not backend.services.anchors.auto
