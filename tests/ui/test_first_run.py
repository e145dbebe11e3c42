"""The wallet set-up wizard, driven as a person does: clicks on the visible buttons, typing
into the fields, Enter and Esc. Every path: create (words → phrase → confirm → password),
check later and the backup reminder, closing on the phrase, import a phrase or a private key,
watch (and upgrade a watch-only wallet), the demo, and Back from each step."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from app.ui.dialogs import first_run as fr
from tests.ui.conftest import PASSWORD, settle
from tests.ui.drive import (
    choose_file,
    choose_password,
    click,
    heading,
    phrase_on_screen,
    question,
    show_phrase,
    shown_button,
    step_button,
    type_words,
)


def choice_button(wizard, title: str) -> QPushButton:
    """The "Choose" button on the welcome card titled `title`."""
    from app.ui.widgets.common import Card

    for card in wizard.pages.widget(fr.CHOOSE).findChildren(Card):
        if any(lab.text() == title for lab in card.findChildren(QLabel)):
            return card.findChild(QPushButton)
    raise AssertionError(f"no card '{title}'")


def open_wizard(qtbot, window, backend, **kw):
    wizard = fr.FirstRunWizard(backend, window, **kw)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


@pytest.mark.parametrize("title,page_title", [
    ("Create a new wallet", "Create a wallet"),
    ("Import a wallet", "Import a wallet"),
    ("Watch an address", "Watch an address"),
])
def test_each_welcome_choice_opens_its_step_and_back_returns(make_app, qtbot, title,
                                                              page_title):
    window, backend = make_app(demo=False)
    wizard = open_wizard(qtbot, window, backend, offer_demo=True)
    click(qtbot, choice_button(wizard, title))
    assert heading(wizard) == page_title
    click(qtbot, step_button(wizard, "Back"))
    assert wizard.pages.currentIndex() == fr.CHOOSE
    settle(qtbot, backend)


def no_secret_in(folders, words: list[str], password: str) -> None:
    """No run of 3 phrase words and not the password, in any file below `folders`."""
    needles = [" ".join(words[i:i + 3]).encode() for i in range(len(words) - 2)]
    needles.append(password.encode())
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert not any(n in data for n in needles), f"a secret is in {path}"


def test_create_a_wallet_step_by_step(make_app, qtbot, secret_service, tmp_path, monkeypatch):
    import logging

    from app.ui.logs import start_logging

    monkeypatch.setenv("MILK_LOG_DIR", str(tmp_path / "logs"))
    logs = start_logging()
    window, backend = make_app(demo=False)
    wizard = open_wizard(qtbot, window, backend)
    click(qtbot, choice_button(wizard, "Create a new wallet"))

    # 24 words, then Back and 12: a new phrase each time, nothing stored yet
    click(qtbot, wizard.words24)
    click(qtbot, step_button(wizard, "Show my recovery phrase"))
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.PHRASE, timeout=20_000)
    assert len(phrase_on_screen(wizard)) == 24
    click(qtbot, step_button(wizard, "Back"))
    assert wizard.pages.currentIndex() == fr.CREATE
    click(qtbot, wizard.words12)
    click(qtbot, step_button(wizard, "Show my recovery phrase"))
    qtbot.waitUntil(lambda: len(phrase_on_screen(wizard)) == 12, timeout=20_000)
    words = phrase_on_screen(wizard)
    assert not backend.services.wallet.status().exists

    # confirm: a wrong word is named; Back shows the phrase again
    click(qtbot, step_button(wizard, "I have written them down"))
    assert heading(wizard) == "Confirm your phrase"
    asked = [p + 1 for p, _f in wizard.confirm_fields]
    type_words(qtbot, wizard, words, wrong={asked[1]})
    click(qtbot, step_button(wizard, "Confirm"))
    assert wizard.message.text() == f"Word {asked[1]} does not match. Check your paper."
    assert wizard.message.role == "Error"
    assert wizard.pages.currentIndex() == fr.CONFIRM
    click(qtbot, step_button(wizard, "Back"))
    assert phrase_on_screen(wizard) == words
    click(qtbot, step_button(wizard, "I have written them down"))
    type_words(qtbot, wizard, words)
    click(qtbot, step_button(wizard, "Confirm"))

    # password: strength meter, show toggle, mismatch refused, Back returns to the check
    assert heading(wizard) == "Protect it with a password"
    fields = wizard.password_fields
    qtbot.keyClicks(fields.first, "abc")
    assert fields.verdict.text() == "Too short"
    qtbot.keyClicks(fields.first, "defgh")
    weak = fields.meter.value()
    fields.first.clear()
    qtbot.keyClicks(fields.first, "Tq7#vLx9!pZr2@wM")
    assert fields.meter.value() > weak and fields.verdict.text() == "Strong"
    assert fields.first.echoMode() == fields.first.EchoMode.Password
    click(qtbot, fields.show_toggle)
    assert fields.first.echoMode() == fields.first.EchoMode.Normal
    click(qtbot, step_button(wizard, "Back"))
    assert wizard.pages.currentIndex() == fr.CONFIRM
    click(qtbot, step_button(wizard, "Confirm"))
    choose_password(qtbot, wizard, PASSWORD, PASSWORD + "x")
    click(qtbot, step_button(wizard, "Create wallet"))
    assert wizard.message.text() == "The two passwords differ."
    assert not backend.services.wallet.status().exists
    choose_password(qtbot, wizard)
    qtbot.keyClick(fields.second, Qt.Key.Key_Return)  # Enter creates
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.DONE, timeout=30_000)

    address = backend.services.wallet.status().address
    assert address in wizard.done_text.text()
    from eth_account import Account

    Account.enable_unaudited_hdwallet_features()
    assert Account.from_mnemonic(" ".join(words)).address == address  # the words on screen
    assert not wizard.words_grid.count()  # the phrase is gone from the dialog
    click(qtbot, step_button(wizard, "Open the wallet"))
    assert not wizard.isVisible()
    settle(qtbot, backend)
    logging.getLogger("app").error("a failure the log keeps")  # the log is written to
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "a failure the log keeps" in (logs / "milk-wallet.log").read_text()
    no_secret_in([logs, backend.data_dir], words, PASSWORD)
    backend.services.wallet.custody.delete(address)
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", "").startswith(str(logs)):
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_check_later_leaves_a_reminder_until_the_phrase_is_confirmed(make_app, qtbot,
                                                                     secret_service):
    from app.ui.main_window import WALLET

    window, backend = make_app(demo=False)
    window.show_page(WALLET)
    settle(qtbot, backend)
    page = window.wallet
    click(qtbot, page.create_button)
    wizard = page.dialog
    words = show_phrase(qtbot, wizard)
    click(qtbot, step_button(wizard, "Check later"))
    box = question(qtbot, wizard)
    click(qtbot, shown_button(box, "Cancel"))  # not yet
    assert wizard.pages.currentIndex() == fr.CONFIRM
    click(qtbot, step_button(wizard, "Check later"))
    click(qtbot, shown_button(question(qtbot, wizard), "Check later"))
    assert wizard.pages.currentIndex() == fr.PASSWORD
    choose_password(qtbot, wizard)
    click(qtbot, step_button(wizard, "Create wallet"))
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.DONE, timeout=30_000)
    assert "reminder" in wizard.done_text.text()
    click(qtbot, step_button(wizard, "Open the wallet"))
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: page.backup_banner.isVisible(), timeout=20_000)
    assert "Back up your recovery phrase" in page.backup_banner.text.text()

    # Back up now: password → the same phrase → the check → the reminder is gone
    click(qtbot, page.backup_banner.action)
    prompt = page.dialog
    qtbot.keyClicks(prompt.field, PASSWORD)
    qtbot.keyClick(prompt.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(page.dialog, fr.FirstRunWizard), timeout=20_000)
    backup = page.dialog
    assert phrase_on_screen(backup) == words
    assert not any(b.text() == "Back" for b in backup.pages.currentWidget()
                   .findChildren(QPushButton) if b.isVisible())
    click(qtbot, step_button(backup, "I have written them down"))
    assert not backup.skip_button.isVisible()
    type_words(qtbot, backup, words)
    click(qtbot, step_button(backup, "Confirm"))
    assert heading(backup) == "Recovery phrase confirmed"
    click(qtbot, step_button(backup, "Done"))
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: not page.backup_banner.isVisible(), timeout=20_000)
    backend.services.wallet.custody.delete(backend.services.wallet.status().address)


def test_closing_on_the_phrase_asks_first_and_then_keeps_nothing(make_app, qtbot):
    window, backend = make_app(demo=False)
    wizard = open_wizard(qtbot, window, backend)
    click(qtbot, choice_button(wizard, "Create a new wallet"))
    click(qtbot, step_button(wizard, "Show my recovery phrase"))
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.PHRASE, timeout=20_000)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    box = question(qtbot, wizard)
    assert "discarded" in box.text()
    click(qtbot, shown_button(box, "Cancel"))
    assert wizard.isVisible() and wizard.pages.currentIndex() == fr.PHRASE
    wizard.close()  # the window's close button asks as well
    click(qtbot, shown_button(question(qtbot, wizard), "Close"))
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
    assert wizard._phrase == []
    settle(qtbot, backend)
    assert not backend.services.wallet.status().exists


def test_import_a_recovery_phrase(make_app, qtbot, secret_service):
    from eth_account import Account

    from app.core.keys.mnemonic import generate

    phrase = generate(12).reveal()
    Account.enable_unaudited_hdwallet_features()
    expected = Account.from_mnemonic(phrase).address
    window, backend = make_app(demo=False)
    wizard = open_wizard(qtbot, window, backend)
    click(qtbot, choice_button(wizard, "Import a wallet"))
    qtbot.keyClicks(wizard.secret, "  " + phrase.upper().replace(" ", "   "))
    qtbot.keyClick(wizard.secret, Qt.Key.Key_Return)  # a pasted phrase often ends in one
    click(qtbot, step_button(wizard, "Next"))
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.PASSWORD, timeout=20_000)
    click(qtbot, step_button(wizard, "Back"))  # back to the phrase, still there
    assert wizard.pages.currentIndex() == fr.IMPORT and wizard.secret.toPlainText()
    click(qtbot, step_button(wizard, "Next"))
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.PASSWORD, timeout=20_000)
    choose_password(qtbot, wizard)
    click(qtbot, step_button(wizard, "Import wallet"))
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.DONE, timeout=30_000)
    assert expected in wizard.done_text.text()
    assert backend.services.wallet.status().address == expected
    assert not wizard.secret.toPlainText()
    backend.services.wallet.custody.delete(expected)


def test_import_a_private_key_and_refusals_on_the_import_step(make_app, qtbot, secret_service):
    import secrets

    from eth_account import Account

    key = secrets.token_hex(32)
    expected = Account.from_key(key).address
    window, backend = make_app(demo=False)
    wizard = open_wizard(qtbot, window, backend)
    click(qtbot, choice_button(wizard, "Import a wallet"))
    for bad, says in ((key[:-1], "A private key is 64 hex digits."),  # a mistyped key
                      ("g" + key[1:], "A private key contains only 0-9 and a-f."),
                      ("abandon " * 11 + "zzz", "Word 12 is not in the recovery word list.")):
        wizard.secret.clear()
        qtbot.keyClicks(wizard.secret, bad)
        click(qtbot, step_button(wizard, "Next"))
        qtbot.waitUntil(lambda s=says: wizard.message.text() == s, timeout=20_000)
        assert wizard.pages.currentIndex() == fr.IMPORT and wizard.message.role == "Error"
    wizard.secret.clear()
    qtbot.keyClicks(wizard.secret, "0x" + key)
    click(qtbot, step_button(wizard, "Next"))
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.PASSWORD, timeout=20_000)
    choose_password(qtbot, wizard, "short", "short")
    click(qtbot, step_button(wizard, "Import wallet"))
    qtbot.waitUntil(lambda: "at least 8" in wizard.message.text(), timeout=20_000)
    choose_password(qtbot, wizard)
    click(qtbot, step_button(wizard, "Import wallet"))
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.DONE, timeout=30_000)
    assert backend.services.wallet.status().address == expected
    assert backend.services.wallet.status().kind == "private_key"
    backend.services.wallet.custody.delete(expected)


def test_watch_an_address_then_upgrade_it_by_importing_its_key(make_app, qtbot,
                                                              secret_service):
    import secrets

    from eth_account import Account

    from app.ui.main_window import WALLET

    key = secrets.token_hex(32)
    address = Account.from_key(key).address
    window, backend = make_app(demo=False)
    wizard = open_wizard(qtbot, window, backend)
    click(qtbot, choice_button(wizard, "Watch an address"))
    qtbot.keyClicks(wizard.watch_address, address[:-1])
    click(qtbot, step_button(wizard, "Watch"))
    qtbot.waitUntil(lambda: "40" in wizard.message.text(), timeout=20_000)
    wizard.watch_address.clear()
    qtbot.keyClicks(wizard.watch_address, address)
    qtbot.keyClick(wizard.watch_address, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.DONE, timeout=20_000)
    click(qtbot, step_button(wizard, "Open the wallet"))
    settle(qtbot, backend)
    assert backend.services.wallet.status().watch_only

    window.show_page(WALLET)
    page = window.wallet
    qtbot.waitUntil(lambda: page.import_key_button.isVisible(), timeout=20_000)
    assert not page.send_button.isEnabled()
    click(qtbot, page.import_key_button)
    upgrade = page.dialog
    assert upgrade.pages.currentIndex() == fr.IMPORT
    qtbot.keyClicks(upgrade.secret, key)
    click(qtbot, step_button(upgrade, "Next"))
    qtbot.waitUntil(lambda: upgrade.pages.currentIndex() == fr.PASSWORD, timeout=20_000)
    choose_password(qtbot, upgrade)
    click(qtbot, step_button(upgrade, "Import wallet"))
    qtbot.waitUntil(lambda: upgrade.pages.currentIndex() == fr.DONE, timeout=30_000)
    click(qtbot, step_button(upgrade, "Open the wallet"))
    settle(qtbot, backend)
    status = backend.services.wallet.status()
    assert status.address == address and not status.watch_only
    qtbot.waitUntil(lambda: not page.import_key_button.isVisible() and
                    page.send_button.isEnabled(), timeout=20_000)
    backend.services.wallet.custody.delete(address)


def test_start_the_demo_from_the_welcome_page(make_app, qtbot):
    window, backend = make_app(demo=False)
    wizard = open_wizard(qtbot, window, backend, offer_demo=True)
    with qtbot.waitSignal(wizard.demo_requested, timeout=2000):
        click(qtbot, choice_button(wizard, "Start the demo"))
    assert not wizard.isVisible()
    without = open_wizard(qtbot, window, backend)
    with pytest.raises(AssertionError):
        choice_button(without, "Start the demo")


def test_import_a_keystore_file_made_elsewhere(make_app, qtbot, secret_service, tmp_path,
                                               monkeypatch):
    import json
    import secrets

    from eth_account import Account

    key = secrets.token_hex(32)
    account = Account.from_key(key)
    keystore = Account.encrypt(key, "keystore-pass", kdf="scrypt", iterations=2**12)
    (tmp_path / "UTC--wallet.json").write_text(json.dumps(keystore))
    monkeypatch.setenv("HOME", str(tmp_path))
    window, backend = make_app(demo=False)
    wizard = open_wizard(qtbot, window, backend)
    click(qtbot, choice_button(wizard, "Import a wallet"))
    click(qtbot, wizard.from_keystore)
    assert wizard.keystore_box.isVisible() and not wizard.secret_box.isVisible()
    click(qtbot, step_button(wizard, "Next"))
    assert wizard.message.text() == "Choose the keystore file first."
    click(qtbot, wizard.choose_keystore)
    choose_file(qtbot, wizard, "UTC--wallet.json")
    assert wizard.keystore_file.text().endswith("UTC--wallet.json")
    qtbot.keyClicks(wizard.keystore_password, "not-it")
    click(qtbot, step_button(wizard, "Next"))
    qtbot.waitUntil(lambda: wizard.message.text() == "The keystore's password is not right.",
                    timeout=30_000)
    assert wizard.pages.currentIndex() == fr.IMPORT
    wizard.keystore_password.clear()
    qtbot.keyClicks(wizard.keystore_password, "keystore-pass")
    qtbot.keyClick(wizard.keystore_password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.PASSWORD, timeout=30_000)
    choose_password(qtbot, wizard)
    click(qtbot, step_button(wizard, "Import wallet"))
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.DONE, timeout=30_000)
    assert account.address in wizard.done_text.text()
    status = backend.services.wallet.status()
    assert status.address == account.address and status.kind == "keystore"
    backend.services.wallet.unlock(PASSWORD)  # stored under the password chosen here
    backend.services.wallet.custody.delete(account.address)


def test_import_a_phrase_with_passphrase_and_another_account(make_app, qtbot, secret_service):
    from eth_account import Account

    from app.core.keys.mnemonic import generate

    phrase = generate(12).reveal()
    Account.enable_unaudited_hdwallet_features()
    expected = Account.from_mnemonic(phrase, passphrase="extra words",
                                     account_path="m/44'/60'/0'/0/3").address
    window, backend = make_app(demo=False)
    wizard = open_wizard(qtbot, window, backend)
    click(qtbot, choice_button(wizard, "Import a wallet"))
    qtbot.keyClicks(wizard.secret, phrase)
    assert not wizard.advanced_box.isVisible()
    click(qtbot, wizard.advanced)
    qtbot.keyClicks(wizard.passphrase, "extra words")
    qtbot.keyClicks(wizard.account, "3")
    click(qtbot, step_button(wizard, "Next"))
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.PASSWORD, timeout=20_000)
    choose_password(qtbot, wizard)
    click(qtbot, step_button(wizard, "Import wallet"))
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.DONE, timeout=30_000)
    assert backend.services.wallet.status().address == expected
    backend.services.wallet.custody.delete(expected)


def test_a_key_already_in_the_keyring_is_adopted_once_its_password_opens_it(
        make_app, qtbot, secret_service):
    import secrets

    from eth_account import Account

    key = secrets.token_hex(32)
    address = Account.from_key(key).address
    first, first_backend = make_app(demo=False)
    first_backend.services.wallet.import_private_key(key, PASSWORD)  # a profile since lost
    window, backend = make_app(demo=False)
    wizard = open_wizard(qtbot, window, backend)
    click(qtbot, choice_button(wizard, "Import a wallet"))
    qtbot.keyClicks(wizard.secret, key)
    click(qtbot, step_button(wizard, "Next"))
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.PASSWORD, timeout=20_000)
    choose_password(qtbot, wizard, "another-password", "another-password")
    click(qtbot, step_button(wizard, "Import wallet"))
    qtbot.waitUntil(lambda: "another password" in wizard.message.text(), timeout=30_000)
    choose_password(qtbot, wizard)
    click(qtbot, step_button(wizard, "Import wallet"))
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == fr.DONE, timeout=30_000)
    assert "already in this computer's keyring" in wizard.done_text.text()
    assert backend.services.wallet.status().address == address
    backend.services.wallet.custody.delete(address)
