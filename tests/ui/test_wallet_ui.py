"""The Wallet page with a real keyring: create a wallet in the wizard, cash out to an exchange
on the demo chain, refuse a bad address, and speed up a pending send on anvil."""
from __future__ import annotations

from app.core.money import MLK_UNIT
from app.ui.main_window import HOME, WALLET
from tests.support.anvil import CHAIN_ID
from tests.ui.conftest import PASSWORD, LagMeter, settle
from tests.ui.drive import click

EXCHANGE = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


def create_wallet_in_wizard(qtbot, window, backend):
    """Create a wallet the way a person does: words, phrase, the check, a password."""
    from tests.ui.drive import choose_password, show_phrase, step_button, type_words

    window.show_page(WALLET)
    settle(qtbot, backend)
    page = window.wallet
    assert page.setup.isVisible()
    click(qtbot, page.create_button)
    wizard = page.dialog
    words = show_phrase(qtbot, wizard)
    type_words(qtbot, wizard, words)
    click(qtbot, step_button(wizard, "Confirm"))
    choose_password(qtbot, wizard)
    click(qtbot, step_button(wizard, "Create wallet"))
    qtbot.waitUntil(lambda: "Address" in wizard.done_text.text(), timeout=30_000)
    click(qtbot, step_button(wizard, "Open the wallet"))
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: page.wallet_box.isVisible(), timeout=20_000)
    return page


def test_create_a_wallet_and_cash_out_to_an_exchange(make_app, qtbot, secret_service):
    window, backend = make_app()
    page = create_wallet_in_wizard(qtbot, window, backend)
    svc = backend.services
    address = svc.wallet.status().address
    svc.bridge.withdraw("40")  # in-app MLK onto the new wallet
    svc.wallet.book.add("Upbit", EXCHANGE, "exchange", "Upbit")
    backend.notify("wallet")
    settle(qtbot, backend)
    window.show_page(HOME)  # moving MLK from the app to the wallet changes no total
    wallet_stat = window.home.stats[2][1]
    qtbot.waitUntil(lambda: wallet_stat.text() == "40 MLK", timeout=10_000)
    assert window.home.total.text() == "₩632,100"
    window.show_page(WALLET)
    settle(qtbot, backend)

    click(qtbot, page.send_button)
    send = page.dialog
    assert "Upbit" in send.destination.itemText(0)  # exchange deposit addresses first
    with LagMeter() as lag:
        qtbot.keyClicks(send.amount, "12.5")
        click(qtbot, send.next_button)
        qtbot.waitUntil(lambda: send.steps.currentIndex() == 1, timeout=20_000)
        review = " ".join(send.review.itemAt(i).widget().text()
                          for i in range(send.review.count()))
        assert "Cash-out value on Upbit" in review and "₩2,500" in review
        assert [c.property("code") for c in send._acks] == ["first_time"]
        qtbot.keyClicks(send.password, PASSWORD)
        click(qtbot, send.send_button)
        assert "Tick every warning" in send.problem2.text()  # not sent without the tick
        send._acks[0].setChecked(True)
        click(qtbot, send.send_button)
        qtbot.waitUntil(lambda: "confirmed" in send.progress_title.text(), timeout=30_000)
    assert lag.worst < 0.100, f"the GUI thread stalled {lag.worst * 1000:.0f} ms"
    client = svc.chain.client()
    assert client.mlk_balance(EXCHANGE) == 12 * MLK_UNIT + MLK_UNIT // 2
    assert client.mlk_balance(address) == 27 * MLK_UNIT + MLK_UNIT // 2
    send.accept()
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: page.tx_model.rowCount() == 2, timeout=10_000)
    assert page.tx_model.items[0].status == "confirmed"


def test_a_bad_address_is_refused_in_the_send_dialog(make_app, qtbot, secret_service):
    window, backend = make_app()
    page = create_wallet_in_wizard(qtbot, window, backend)
    click(qtbot, page.send_button)
    send = page.dialog
    before = backend.services.admin.verify().head_hash
    send.destination.setEditText(EXCHANGE[:-1] + "D")  # one letter's case flipped
    qtbot.keyClicks(send.amount, "1")
    click(qtbot, send.next_button)
    qtbot.waitUntil(lambda: "checksum" in send.problem1.text(), timeout=20_000)
    assert send.steps.currentIndex() == 0
    send.destination.setEditText(EXCHANGE[:-1])
    click(qtbot, send.next_button)
    qtbot.waitUntil(lambda: "39 hex digits" in send.problem1.text(), timeout=20_000)
    assert backend.services.admin.verify().head_hash == before
    assert backend.services.chain.tracker().page() == []


def test_speed_up_a_pending_send_on_anvil(make_app, qtbot, secret_service, anvil_fresh,
                                          monkeypatch):
    from tests.support.anvil import _give_mlk

    monkeypatch.setenv("MILK_DEPLOYER_PRIVATE_KEY", anvil_fresh.keys[0])

    def on_anvil(svc):
        svc.network.use_rpc(anvil_fresh.url, CHAIN_ID, treasury=anvil_fresh.addresses[1])
        svc.network.deploy_token()

    window, backend = make_app(before=on_anvil)
    page = create_wallet_in_wizard(qtbot, window, backend)
    svc = backend.services
    me = svc.wallet.status().address
    from eth_account import Account

    funder = Account.from_key(anvil_fresh.keys[0])
    client = svc.chain.client()
    tx = client.plain_tx(funder.address, me, 10**18, client.pending_nonce(funder.address),
                         client.fees())
    client.broadcast(funder.sign_transaction({k: v for k, v in tx.items() if k != "from"})
                     .raw_transaction)
    _give_mlk(svc, anvil_fresh, me, 50 * MLK_UNIT)
    anvil_fresh.set_automine(False)
    plan = svc.sending.prepare(anvil_fresh.addresses[3], "5")
    pending = svc.sending.send(plan, PASSWORD, {"first_time"})
    backend.notify("wallet")
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: page.tx_model.rowCount() >= 1, timeout=10_000)
    row = next(i for i, t in enumerate(page.tx_model.items) if t.id == pending.id)
    page.txs.selectRow(row)
    assert page.speed_button.isEnabled()
    wizard = page.dialog
    click(qtbot, page.speed_button)  # asks the core whether a password is needed, then asks
    qtbot.waitUntil(lambda: page.dialog is not wizard and page.dialog.isVisible(),
                    timeout=10_000)
    prompt = page.dialog
    qtbot.keyClicks(prompt.field, PASSWORD)
    prompt.accept()
    settle(qtbot, backend)
    faster = [t for t in svc.chain.tracker().page() if t.replaces_id == pending.id]
    assert len(faster) == 1 and faster[0].nonce == pending.nonce
    anvil_fresh.mine()
    svc.chain.tracker().refresh()
    assert svc.chain.tracker().get(faster[0].id).status == "confirmed"
    assert svc.chain.tracker().get(pending.id).status == "replaced"
    assert client.mlk_balance(anvil_fresh.addresses[3]) == 5 * MLK_UNIT
