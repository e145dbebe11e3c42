"""`milk wallet` on the embedded demo chain, as a user runs it: real processes, real keyring."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.support.profiles import demo_profile_without_wallet

PW = "correct-horse-battery"
EXCHANGE = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"  # an EIP-55 example, as "Upbit"


class Milk:
    def __init__(self, env):
        self.env = env

    def __call__(self, *args, stdin: str | None = None):
        out = subprocess.run([sys.executable, "-m", "app.cli", "--json", *args], env=self.env,
                             capture_output=True, text=True, input=stdin, timeout=120)
        doc = json.loads(out.stdout)  # --json: exactly one document, even on errors
        return out.returncode, doc


@pytest.fixture(scope="module")
def demo_wallet(secret_service, tmp_path_factory):
    """A demo profile with a created wallet, 30 MLK withdrawn on chain and an exchange entry."""
    base = tmp_path_factory.mktemp("wallet-cli") / "profile"
    env = {**secret_service.env, "MILK_DATA_DIR": str(base), "MILK_PASSWORD": PW}
    milk = Milk(env)
    demo_profile_without_wallet(base)
    rc, created = milk("wallet", "create")
    assert rc == 0, created
    assert milk("wallet", "withdraw", "30")[0] == 0
    assert milk("wallet", "book", "add", "Upbit", EXCHANGE, "--kind", "exchange",
                "--exchange", "Upbit")[0] == 0
    return base, env, created


@pytest.fixture
def milk(demo_wallet, tmp_path):
    """Each test works on its own copy of the prepared profile."""
    base, env, _ = demo_wallet
    copy = tmp_path / "profile"
    shutil.copytree(base, copy)
    return Milk({**env, "MILK_DATA_DIR": str(copy)})


def snapshot(milk):
    """Everything a refused command must leave alone (read in-process: faster than 3 CLIs)."""
    from app.core.services import Services

    svc = Services.open(milk.env["MILK_DATA_DIR"])
    try:
        b = svc.wallet.balances()
        return (b.mlk_onchain, b.mlk_in_app, b.gas_wei, b.block,
                len(svc.chain.tracker().page()), svc.admin.verify().head_hash)
    finally:
        svc.close()


def test_cash_out_to_an_exchange_then_state_after_restart(milk):
    rc, sent = milk("wallet", "send", "Upbit", "12.5", "--yes")
    assert rc == 0, sent
    assert sent["tx"]["status"] == "confirmed" and sent["exchange"] == "Upbit"
    assert sent["krw_estimate"] == "2500"  # 12.5 MLK at 200 KRW
    assert sent["warnings"] == ["first_time"]
    rc, dep = milk("wallet", "deposit", "4.25")
    assert rc == 0 and dep["tx"]["status"] == "confirmed"
    rc, bal = milk("wallet", "balance")  # a new process: the demo chain was reopened
    assert bal["mlk_onchain"]["amount"] == "13.25"  # 30 - 12.5 - 4.25
    assert bal["mlk_in_app"]["amount"] == "74.25"  # 100 - 30 + 4.25
    rc, txs = milk("wallet", "txs")
    assert [t["kind"] for t in txs["txs"]] == ["deposit", "send", "withdraw"]
    assert all(t["status"] == "confirmed" for t in txs["txs"])
    assert milk("ledger", "verify")[1]["valid"]


def test_warnings_need_yes_and_nothing_is_sent_without_it(milk):
    before = snapshot(milk)
    rc, doc = milk("wallet", "send", "Upbit", "1")
    assert rc == 3 and doc["error"]["code"] == "needs_confirmation"
    assert "--yes" in doc["error"]["message"]
    assert snapshot(milk) == before


@pytest.mark.parametrize("to, amount, code, rc", [
    (EXCHANGE[:-1] + "D", "1", "address_checksum", 2),
    (EXCHANGE[:-1], "1", "address_length", 2),
    (EXCHANGE + "d", "1", "address_length", 2),
    (" " + EXCHANGE, "1", "address_whitespace", 2),
    (EXCHANGE[:8] + "\u200b" + EXCHANGE[8:], "1", "address_whitespace", 2),
    ("0x" + "0" * 40, "1", "zero_address", 3),
    (EXCHANGE, "0", "amount_not_positive", 2),
    (EXCHANGE, "-1", "amount_not_positive", 2),
    (EXCHANGE, "1.0000000000000000001", "amount_too_precise", 2),
    (EXCHANGE, "1e3", "amount_exponent", 2),
    (EXCHANGE, "abc", "amount_not_number", 2),
    (EXCHANGE, "1000000", "insufficient_mlk", 3),
])
def test_refused_sends_explain_and_send_nothing(milk, to, amount, code, rc):
    before = snapshot(milk)
    got_rc, doc = milk("wallet", "send", to, amount, "--yes")
    assert (got_rc, doc["error"]["code"]) == (rc, code), doc
    assert doc["error"]["message"]
    assert snapshot(milk) == before


def test_an_unreachable_node_is_an_outside_failure_and_sends_nothing(milk):
    from app.core.services import Services

    before = snapshot(milk)
    svc = Services.open(milk.env["MILK_DATA_DIR"])
    try:  # point the wallet at a node that is not there
        svc.settings.set("network.kind", "local")
        svc.settings.set("network.rpc_url", "http://127.0.0.1:9")
        svc.settings.set("network.chain_id", "1")
        svc.settings.set("network.token", EXCHANGE)
    finally:
        svc.close()
    rc, doc = milk("wallet", "send", "Upbit", "1", "--yes")
    assert rc == 4 and doc["error"]["code"] == "node_unreachable"
    rc, doc = milk("network", "use", "demo")
    assert rc == 0
    assert snapshot(milk) == before


def test_insufficient_gas_is_refused(milk):
    from app.core.services import Services

    svc = Services.open(milk.env["MILK_DATA_DIR"])
    try:  # spend the wallet's demo gas down to nothing by a direct transfer
        node = svc.chain.demo_node
        me = svc.wallet.status().address
        client = svc.chain.client()
        signer = svc.wallet.unlock(PW)
        fees = client.fees()
        left = client.gas_balance(me) - 21_000 * fees.max_fee_per_gas
        tx = client.plain_tx(me, node.foundation.address, left, client.pending_nonce(me), fees)
        client.broadcast(signer.sign_transaction(tx).raw)
    finally:
        svc.close()
    before = snapshot(milk)
    rc, doc = milk("wallet", "send", "Upbit", "1", "--yes")
    assert (rc, doc["error"]["code"]) == (3, "insufficient_gas"), doc
    assert snapshot(milk) == before


def test_watch_only_wallet_cannot_send(secret_service, tmp_path):
    env = {**secret_service.env, "MILK_DATA_DIR": str(tmp_path / "w"), "MILK_PASSWORD": PW}
    milk = Milk(env)
    demo_profile_without_wallet(tmp_path / "w")
    rc, doc = milk("wallet", "watch", EXCHANGE.lower())
    assert rc == 0 and doc["address"] == EXCHANGE
    rc, doc = milk("wallet", "send", EXCHANGE, "1", "--yes")
    assert rc == 3 and doc["error"]["code"] == "watch_only"


def test_import_reads_the_secret_from_stdin(secret_service, tmp_path):
    env = {**secret_service.env, "MILK_DATA_DIR": str(tmp_path / "i"), "MILK_PASSWORD": PW}
    milk = Milk(env)
    demo_profile_without_wallet(tmp_path / "i")
    rc, doc = milk("wallet", "import",
                   stdin="test test test test test test test test test test test junk\n")
    assert rc == 0 and doc["address"] == "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
    rc, doc = milk("wallet", "reveal-mnemonic")
    assert doc["mnemonic"].endswith("junk")
    import keyring  # leave the shared keyring clean for other tests

    keyring.delete_password("MiL.k Wallet", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")
