"""The wallet against a real JSON-RPC node (anvil): sends, failures, replacement, bridging."""
from __future__ import annotations

import pytest
from eth_account import Account

from app.core.errors import InputError, RuleError
from app.core.money import MLK, MLK_UNIT, TICA_POOL_MLK
from app.core.services import Services
from tests.support.anvil import CHAIN_ID

PASSWORD = "password123"


def onchain(svc, address):
    return svc.chain.client().mlk_balance(address)


def in_app(svc):
    return svc.points.balance(MLK)


def test_deployed_token_treasury_and_wallet_balances(anvil_profile, anvil_fresh):
    svc = anvil_profile
    info = svc.network.show()
    assert info.chain_id == CHAIN_ID and info.decimals == 18
    assert onchain(svc, anvil_fresh.addresses[1]) == TICA_POOL_MLK
    b = svc.wallet.balances()
    assert b.mlk_onchain == 1000 * MLK_UNIT
    assert b.gas_wei > 0 and b.chain_id == CHAIN_ID


def test_send_needs_acknowledged_warnings_then_confirms_with_transfer_log(anvil_profile,
                                                                           anvil_fresh):
    svc = anvil_profile
    to = anvil_fresh.addresses[3]
    before = onchain(svc, to)
    plan = svc.sending.prepare(to, "5")
    assert [w.code for w in plan.warnings] == ["first_time"]
    assert plan.krw_estimate == 1000  # 5 MLK at the demo price of 200 KRW
    with pytest.raises(RuleError) as refused:
        svc.sending.send(plan, PASSWORD)
    assert refused.value.code == "needs_confirmation"
    assert onchain(svc, to) == before and svc.chain.tracker().page() == []

    tx = svc.sending.wait(svc.sending.send(plan, PASSWORD, {"first_time"}).id)
    assert tx.status == "confirmed" and tx.confirmations >= 1
    assert onchain(svc, to) == before + 5 * MLK_UNIT
    receipt = svc.chain.client().receipt(tx.tx_hash)
    assert svc.chain.client().transfer_logged(receipt, tx.sender, to, 5 * MLK_UNIT)
    # Second time: no longer a first-time recipient.
    assert svc.sending.prepare(to, "1").warnings == ()


def test_wrong_password_signs_nothing(anvil_profile, anvil_fresh):
    svc = anvil_profile
    plan = svc.sending.prepare(anvil_fresh.addresses[3], "1")
    nonce = svc.chain.client().pending_nonce(plan.sender)
    with pytest.raises(InputError) as e:
        svc.sending.send(plan, "not-the-password", {"first_time"})
    assert e.value.code == "wrong_password"
    assert svc.chain.client().pending_nonce(plan.sender) == nonce


def test_a_transfer_that_reverts_on_chain_is_failed_not_confirmed(anvil_profile, anvil_fresh):
    svc = anvil_profile
    me = svc.wallet.status().address
    to = anvil_fresh.addresses[3]
    plan = svc.sending.prepare(to, "600")
    # Between the checks and the signature, 500 MLK leave the wallet by another route.
    _raw_transfer(svc, anvil_fresh.keys[2], anvil_fresh.addresses[0], 500 * MLK_UNIT)
    tx = svc.sending.wait(svc.sending.send(plan, PASSWORD, {"first_time"}).id)
    assert tx.status == "failed"
    assert onchain(svc, me) == 500 * MLK_UNIT


def test_speed_up_replaces_a_pending_send(anvil_profile, anvil_fresh):
    svc = anvil_profile
    to = anvil_fresh.addresses[3]
    before = onchain(svc, to)
    anvil_fresh.set_automine(False)
    slow = svc.sending.send(svc.sending.prepare(to, "7"), PASSWORD, {"first_time"})
    assert svc.chain.tracker().refresh(slow.id) == [] and svc.chain.tracker().get(
        slow.id).status == "pending"
    fast = svc.sending.speed_up(slow.id, PASSWORD)
    assert fast.nonce == slow.nonce and fast.replaces_id == slow.id
    old_fees, new_fees = (svc.chain.tracker().fees_of(t.id) for t in (slow, fast))
    assert new_fees.max_fee_per_gas > old_fees.max_fee_per_gas
    anvil_fresh.mine()
    svc.chain.tracker().refresh()
    assert svc.chain.tracker().get(fast.id).status == "confirmed"
    assert svc.chain.tracker().get(slow.id).status == "replaced"
    assert onchain(svc, to) == before + 7 * MLK_UNIT  # exactly once


def test_cancel_takes_the_nonce_back(anvil_profile, anvil_fresh):
    svc = anvil_profile
    to = anvil_fresh.addresses[3]
    before = onchain(svc, to)
    anvil_fresh.set_automine(False)
    pending = svc.sending.send(svc.sending.prepare(to, "9"), PASSWORD, {"first_time"})
    cancel = svc.sending.cancel(pending.id, PASSWORD)
    assert cancel.kind == "cancel" and cancel.nonce == pending.nonce
    anvil_fresh.mine()
    svc.chain.tracker().refresh()
    assert svc.chain.tracker().get(cancel.id).status == "confirmed"
    assert svc.chain.tracker().get(pending.id).status == "replaced"
    assert onchain(svc, to) == before
    with pytest.raises(RuleError) as e:
        svc.sending.cancel(pending.id, PASSWORD)
    assert e.value.code == "not_pending"


def test_a_transaction_the_node_forgot_is_resent_not_given_up(anvil_profile, anvil_fresh):
    svc = anvil_profile
    anvil_fresh.set_automine(False)
    tx = svc.sending.send(svc.sending.prepare(anvil_fresh.addresses[3], "2"), PASSWORD,
                          {"first_time"})
    anvil_fresh.drop_transaction(tx.tx_hash)
    svc.chain.tracker().refresh()
    view = svc.chain.tracker().get(tx.id)
    assert view.status == "pending"
    assert view.status_note == "not seen by the node — re-broadcasting"
    assert svc.chain.client().knows(tx.tx_hash)  # the very same bytes are back in the pool


def test_withdraw_and_deposit_move_mlk_through_the_ledger(anvil_profile, anvil_fresh):
    svc = anvil_profile
    me = svc.wallet.status().address
    assert svc.chain.config.confirmations == 2  # a local node: two confirmations
    app0, chain0 = in_app(svc), onchain(svc, me)

    w = svc.bridge.withdraw("10", key="w-1")
    assert w.tx.status == "confirmed"
    assert in_app(svc) == app0 - 10 * MLK_UNIT and onchain(svc, me) == chain0 + 10 * MLK_UNIT
    again = svc.bridge.withdraw("10", key="w-1")  # a retry sends nothing new
    assert again.replayed and again.tx.id == w.tx.id
    assert onchain(svc, me) == chain0 + 10 * MLK_UNIT

    d = svc.bridge.deposit("4", PASSWORD, key="d-1")
    assert d.tx.status == "confirmed" and d.tx.confirmations == 1
    assert in_app(svc) == app0 - 10 * MLK_UNIT  # not yet: needs 2 confirmations
    anvil_fresh.mine()
    assert svc.bridge.settle() == 1
    assert in_app(svc) == app0 - 6 * MLK_UNIT
    assert svc.bridge.settle() == 0 and svc.bridge.deposit("4", PASSWORD, key="d-1").replayed
    assert in_app(svc) == app0 - 6 * MLK_UNIT  # credited once
    assert svc.admin.verify().ok


def test_a_cancelled_withdrawal_is_returned_to_the_user_once(anvil_profile, anvil_fresh):
    svc = anvil_profile
    app0 = in_app(svc)
    anvil_fresh.set_automine(False)
    w = svc.bridge.withdraw("10")
    assert in_app(svc) == app0 - 10 * MLK_UNIT  # held while on its way
    anvil_fresh.drop_transaction(w.tx.tx_hash)
    svc.bridge.settle()
    assert in_app(svc) == app0 - 10 * MLK_UNIT  # forgotten by the node, still mineable: held
    svc.sending.cancel(w.tx.id)
    anvil_fresh.mine(2)  # the cancel, two confirmations deep
    svc.bridge.settle()
    assert svc.chain.tracker().get(w.tx.id).status == "replaced"
    assert in_app(svc) == app0
    kinds = [row.kind for row in svc.history.page(limit=3)]
    assert kinds[:2] == ["withdraw_reverse", "withdraw"]
    assert svc.admin.verify().ok


def test_refused_withdrawal_changes_nothing(anvil_profile):
    svc = anvil_profile
    app0, head = in_app(svc), svc.admin.verify().head_seq
    with pytest.raises(RuleError) as e:
        svc.bridge.withdraw("100000")  # more than the 100 MLK in the app
    assert e.value.code == "insufficient_balance"
    assert in_app(svc) == app0 and svc.admin.verify().head_seq == head
    assert svc.chain.tracker().page() == []


def test_restart_resends_a_signed_but_unsent_transaction_once(anvil_profile, anvil_fresh,
                                                              tmp_path):
    svc = anvil_profile
    to = anvil_fresh.addresses[3]
    before = onchain(svc, to)
    plan = svc.sending.prepare(to, "3")
    # Crash between storing the signed bytes and broadcasting them:
    signer = svc.wallet.unlock(PASSWORD)
    client = svc.chain.client()
    tx = client.transfer_tx(plan.sender, to, plan.amount, client.pending_nonce(plan.sender),
                            plan.gas_limit, plan.fees)
    tx_id = svc.chain.tracker().record("send", tx, signer.sign_transaction(tx), to, plan.amount)
    data_dir = svc.ctx.data_dir
    svc.close()

    reopened = Services.open(data_dir, custody=svc.wallet.custody)
    try:
        reopened.bridge.recover()
        assert reopened.chain.tracker().get(tx_id).status == "confirmed"
        reopened.bridge.recover()  # nothing is sent twice
        assert onchain(reopened, to) == before + 3 * MLK_UNIT
        assert len(reopened.chain.tracker().page()) == 1
    finally:
        reopened.close()


def _raw_transfer(svc, key: str, to: str, units: int) -> None:
    client = svc.chain.client()
    account = Account.from_key(key)
    tx = client.transfer_tx(account.address, to, units, client.pending_nonce(account.address),
                            100_000, client.fees())
    signed = account.sign_transaction({k: v for k, v in tx.items() if k != "from"})
    client.w3.eth.wait_for_transaction_receipt(client.broadcast(signed.raw_transaction))


def test_a_node_on_another_chain_is_refused_before_signing(anvil_profile, anvil_fresh):
    svc = anvil_profile
    with pytest.raises(RuleError) as e:  # choosing it: nothing is saved
        svc.network.use_rpc(anvil_fresh.url, 999, svc.chain.config.token)
    assert e.value.code == "wrong_chain"
    assert svc.chain.config.chain_id == CHAIN_ID
    svc.settings.set("network.chain_id", "999")  # a pinned id the node no longer matches
    svc.chain.reset()
    nonce = svc.chain.client().pending_nonce(svc.wallet.status().address)
    with pytest.raises(RuleError) as e:
        svc.sending.prepare(anvil_fresh.addresses[3], "1")
    assert e.value.code == "wrong_chain"
    assert svc.chain.client().pending_nonce(svc.wallet.status().address) == nonce


def test_no_key_or_phrase_reaches_any_file(anvil_fresh, tmp_path, secret_service, monkeypatch,
                                           caplog):
    """A full session (create, send, speed-up, withdraw, export) leaves no secret in the
    data dir or the logs."""
    import logging

    from app.core.keys import KeyCustody

    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("MILK_DEPLOYER_PRIVATE_KEY", anvil_fresh.keys[0])
    monkeypatch.setenv("MILK_TREASURY_PRIVATE_KEY", anvil_fresh.keys[1])
    svc = Services.open(tmp_path / "profile", custody=KeyCustody(scrypt_n=2**12))
    try:
        svc.admin.init(demo=True)
        svc.network.use_rpc(anvil_fresh.url, CHAIN_ID, treasury=anvil_fresh.addresses[1])
        svc.network.deploy_token()
        address, phrase = svc.wallet.create(PASSWORD)
        key_hex = svc.wallet.unlock(PASSWORD)._account.key.hex().removeprefix("0x")
        _raw_eth(svc, anvil_fresh.keys[0], address, 10**18)
        from tests.support.anvil import _give_mlk

        _give_mlk(svc, anvil_fresh, address, 50 * MLK_UNIT)
        anvil_fresh.set_automine(False)
        tx = svc.sending.send(svc.sending.prepare(anvil_fresh.addresses[3], "5"), PASSWORD,
                              {"first_time"})
        svc.sending.speed_up(tx.id, PASSWORD)
        anvil_fresh.mine()
        anvil_fresh.set_automine(True)
        svc.bridge.withdraw("10")
        (svc.ctx.data_dir / "backup.json").write_text(
            __import__("json").dumps(svc.wallet.export_keystore(PASSWORD)))
    finally:
        svc.close()
    words = phrase.reveal().split()
    needles = [key_hex.lower(), key_hex.upper(), phrase.reveal()]
    needles += [" ".join(words[i:i + 3]) for i in range(len(words) - 2)]
    files = [p for p in (tmp_path / "profile").rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"ledger.sqlite3", "backup.json"}
    for path in files:
        data = path.read_bytes()
        assert bytes.fromhex(key_hex) not in data, f"the raw key in {path.name}"
        for needle in needles:
            assert needle.encode() not in data, f"secret material in {path.name}"
    for needle in needles:
        assert needle not in caplog.text


def _raw_eth(svc, key: str, to: str, wei: int) -> None:
    client = svc.chain.client()
    account = Account.from_key(key)
    tx = client.plain_tx(account.address, to, wei, client.pending_nonce(account.address),
                         client.fees())
    signed = account.sign_transaction({k: v for k, v in tx.items() if k != "from"})
    client.w3.eth.wait_for_transaction_receipt(client.broadcast(signed.raw_transaction))


def test_wallet_deposit_returns_at_once_and_is_credited_once_at_n_confirmations(anvil_profile,
                                                                                anvil_fresh):
    """On a quiet chain (nothing mines the second block) `wallet deposit` returns after the
    broadcast, `wallet balance` shows the pending deposit, and the credit comes once, at two
    confirmations, in a later process (a restart)."""
    import time

    from tests.support.cli import MilkCLI

    svc = anvil_profile
    app0 = in_app(svc)
    cli = MilkCLI(svc.ctx.data_dir, {"MILK_PASSWORD": PASSWORD})
    started = time.monotonic()
    run = cli("wallet", "deposit", "3")
    assert run.code == 0, run.stderr
    assert time.monotonic() - started < 30  # no minute-long wait for a block that never comes
    assert (run.json["credited"], run.json["confirmations"],
            run.json["needed_confirmations"]) == (False, 1, 2)
    run = cli("wallet", "balance", json_out=False)
    assert "Pending deposit: 3 MLK, 1 of 2 confirmations" in run.stdout
    assert in_app(svc) == app0
    anvil_fresh.mine()
    run = cli("wallet", "balance")  # a new process: credited at two confirmations
    assert run.json["pending_deposits"] == []
    assert int(run.json["mlk_in_app"]["units"]) == app0 + 3 * MLK_UNIT
    anvil_fresh.mine()
    assert svc.bridge.settle() == 0 and in_app(svc) == app0 + 3 * MLK_UNIT  # once


def test_a_network_names_its_gas_coin_and_links_its_explorer(anvil_profile, anvil_fresh):
    svc = anvil_profile
    token = svc.chain.config.token
    with pytest.raises(InputError) as e:
        svc.network.use_rpc(anvil_fresh.url, CHAIN_ID, token, explorer="https://x.io/tx/")
    assert e.value.code == "bad_explorer"
    assert svc.chain.config.explorer is None and svc.chain.config.gas_coin == "ETH"
    info = svc.network.use_rpc(anvil_fresh.url, CHAIN_ID, token, anvil_fresh.addresses[1],
                               name="Local anvil", gas_coin="tETH",
                               explorer="https://scan.example/tx/{tx}")
    cfg = info.config
    assert (cfg.name, cfg.gas_coin) == ("Local anvil", "tETH")
    assert cfg.tx_url("0xab") == "https://scan.example/tx/0xab"
    assert svc.wallet.balances().gas_coin == "tETH"
    assert svc.sending.prepare(anvil_fresh.addresses[3], "1").gas_coin == "tETH"
