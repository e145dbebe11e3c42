"""The chain-fault suite: MLK moves exactly once, on the right chain, whatever the node does.

Real parts only: anvil (its own dropTransaction, automine, snapshot/revert), a second anvil on
another chain id, and a real JSON-RPC proxy (tests/support/rpc_proxy.py) that can lose an
answer after forwarding, refuse, go down, or lead to the other node.

After every case the invariant is asserted (`assert_conserved`): on-chain MLK of the wallet,
the treasury and the recipients plus in-app MLK (the user's, held, the bridge's) add up to
what they were, nothing is left held, the ledger's bridge moved exactly as the treasury did
on chain, and each
payout or credit was booked exactly once (one settle/credit entry per key, the recipient's
on-chain gain equals the amount once). `--chain-faults-long` adds randomised loops.
"""
from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest

from app.core.errors import ExternalError, RuleError
from app.core.ledger import accounts as acct
from app.core.money import MLK, MLK_UNIT
from tests.support.anvil import CHAIN_ID, _forget_existing_key, make_profile
from tests.support.rpc_proxy import RpcProxy

PASSWORD = "password123"


@pytest.fixture
def proxy(anvil_fresh):
    p = RpcProxy(anvil_fresh.url)
    yield p
    p.close()


@pytest.fixture
def svc(anvil_fresh, proxy, tmp_path, monkeypatch, secret_service):
    """A profile on anvil reached through the proxy (the wallet is dev account 2)."""
    s = make_profile(anvil_fresh, proxy.url, tmp_path / "profile", monkeypatch)
    yield s
    _forget_existing_key(s, anvil_fresh.addresses[2])
    s.close()


# -- the invariant ---------------------------------------------------------------------------

class Books:
    """Every balance the invariant speaks of, read from the chain (directly, not through the
    proxy) and from the ledger."""

    def __init__(self, svc, node, others=()):
        self.svc, self.node = svc, node
        self.addresses = [node.addresses[1], node.addresses[2], *others]
        self.start = self.read()

    def onchain(self, address: str) -> int:
        token = self.svc.chain.config.token
        data = "0x70a08231" + address[2:].lower().rjust(64, "0")
        return int(self.node.rpc("eth_call", {"to": token, "data": data}, "latest"), 16)

    def read(self) -> dict:
        from app.core.ledger import Journal

        with self.svc.ctx.db.read() as s:
            j = Journal(s)
            ledger = {"user": j.balance(self.svc.ctx.user, MLK),
                      "pending": j.balance(acct.PENDING_WITHDRAWALS, MLK),
                      "bridge": j.balance(acct.BRIDGE, MLK)}
        return {"chain": {a: self.onchain(a) for a in self.addresses}, **ledger}

    def delta(self, address: str) -> int:
        return self.read()["chain"][address] - self.start["chain"][address]

    def assert_conserved(self, paid_out: int = 0, credited: int = 0) -> None:
        """paid_out: MLK the treasury sent for withdrawals; credited: MLK deposited into the
        app. Both must have happened exactly once."""
        now = self.read()
        # On-chain MLK of every party plus in-app MLK (the user's, held, and the bridge's
        # claim: what left or entered the app) adds up to what it was.
        total = lambda b: (sum(b["chain"].values()) + b["user"] + b["pending"]  # noqa: E731
                           + b["bridge"])
        assert total(now) == total(self.start), "MLK was created or destroyed"
        assert now["pending"] == 0, "a withdrawal is still held"
        treasury = self.node.addresses[1]
        out = self.start["chain"][treasury] - now["chain"][treasury]
        assert out == paid_out - credited, "the treasury moved a different amount"
        assert now["bridge"] - self.start["bridge"] == paid_out - credited, \
            "the ledger's bridge disagrees with the chain"
        assert self.svc.admin.verify().ok


def booked(svc, kind: str) -> list[str]:
    """The idempotency keys of the ledger entries of `kind` (each booking has its own)."""
    from sqlalchemy import select

    from app.core.ledger.schema import JournalEntry

    with svc.ctx.db.read() as s:
        return list(s.execute(select(JournalEntry.idem_key).where(
            JournalEntry.kind == kind)).scalars())


def chain_state(svc) -> tuple:
    """Everything a refused operation must leave as it was."""
    from sqlalchemy import select

    from app.core.chain.records import ChainTx

    with svc.ctx.db.read() as s:
        rows = [(r.id, r.status, r.status_note, r.block_number, r.booked)
                for r in s.execute(select(ChainTx).order_by(ChainTx.id)).scalars()]
    return tuple(rows), svc.admin.verify().head_hash


def raw_of(svc, tx_id: int) -> str:
    from app.core.chain.records import ChainTx

    with svc.ctx.db.read() as s:
        return "0x" + s.get(ChainTx, tx_id).raw_tx


# -- point 1: a transaction is final only when its nonce is ------------------------------------

def test_a_dropped_withdrawal_is_rebroadcast_never_reversed_and_pays_once(svc, anvil_fresh):
    """Regression: the node dropped the withdrawal; it was reversed while its signed bytes
    could still be mined, and re-broadcasting them paid the user twice."""
    me = anvil_fresh.addresses[2]
    books = Books(svc, anvil_fresh)
    anvil_fresh.set_automine(False)
    w = svc.bridge.withdraw("5", key="w-dropped")
    anvil_fresh.drop_transaction(w.tx.tx_hash)
    svc.bridge.settle()  # the node no longer has it: pending, re-sent, never reversed
    tx = svc.chain.tracker().get(w.tx.id)
    assert tx.status == "pending" and "re-broadcasting" in tx.status_note
    assert booked(svc, "withdraw_reverse") == []
    try:  # the same bytes surface again from elsewhere: harmless
        anvil_fresh.rpc("eth_sendRawTransaction", raw_of(svc, w.tx.id))
    except RuntimeError:
        pass  # "already known": the re-broadcast got there first
    anvil_fresh.mine(2)
    svc.bridge.settle()
    assert svc.chain.tracker().get(w.tx.id).status == "confirmed"
    assert books.delta(me) == 5 * MLK_UNIT  # paid once
    assert len(booked(svc, "withdraw_settle")) == 1
    books.assert_conserved(paid_out=5 * MLK_UNIT)


def test_a_dropped_send_stays_pending_and_is_mined_once(svc, anvil_fresh):
    to = anvil_fresh.addresses[3]
    books = Books(svc, anvil_fresh, [to])
    anvil_fresh.set_automine(False)
    tx = svc.sending.send(svc.sending.prepare(to, "2"), PASSWORD, {"first_time"})
    anvil_fresh.drop_transaction(tx.tx_hash)
    changed = svc.chain.tracker().refresh()
    view = svc.chain.tracker().get(tx.id)
    assert view.status == "pending" and view.status_note.startswith("not seen by the node")
    assert [c.id for c in changed] == [tx.id]
    anvil_fresh.mine()
    svc.chain.tracker().refresh()
    assert svc.chain.tracker().get(tx.id).status == "confirmed"
    assert books.delta(to) == 2 * MLK_UNIT
    books.assert_conserved()


def test_a_withdrawal_is_reversed_only_after_a_confirmed_cancel_is_deep_enough(svc, anvil_fresh):
    me = anvil_fresh.addresses[2]
    books = Books(svc, anvil_fresh)
    anvil_fresh.set_automine(False)
    w = svc.bridge.withdraw("7")
    assert svc.sending.needs_password(w.tx.id) is False  # the treasury signs its cancel
    cancel = svc.sending.cancel(w.tx.id)
    anvil_fresh.mine()
    svc.bridge.settle()
    assert svc.chain.tracker().get(w.tx.id).status == "replaced"
    assert booked(svc, "withdraw_reverse") == []  # 1 of 2 confirmations: not yet
    anvil_fresh.mine()
    assert svc.bridge.settle() == 1
    assert svc.bridge.settle() == 0
    assert svc.chain.tracker().get(cancel.id).status == "confirmed"
    assert books.delta(me) == 0 and len(booked(svc, "withdraw_reverse")) == 1
    books.assert_conserved(paid_out=0)


# -- point 2: the chain id comes first ---------------------------------------------------------

def test_a_node_swapped_to_another_chain_changes_nothing(svc, anvil_fresh, anvil_other, proxy,
                                                         tmp_path):
    """Regression: with the URL leading to another chain, `wallet speedup` and `wallet txs`
    marked pending transactions dropped and booked a withdrawal reversal."""
    from tests.support.cli import MilkCLI

    to = anvil_fresh.addresses[3]
    books = Books(svc, anvil_fresh, [to])
    anvil_fresh.set_automine(False)
    send = svc.sending.send(svc.sending.prepare(to, "3"), PASSWORD, {"first_time"})
    w = svc.bridge.withdraw("4")
    before = chain_state(svc)
    proxy.upstream = anvil_other.url  # same URL, another chain (31338), none of our txs

    for operation in (lambda: svc.chain.tracker().refresh(), svc.bridge.settle,
                      svc.bridge.recover, svc.wallet.balances,
                      lambda: svc.sending.speed_up(send.id, PASSWORD),
                      lambda: svc.sending.cancel(w.tx.id),
                      lambda: svc.bridge.deposit("1", PASSWORD),
                      lambda: svc.bridge.withdraw("1"),
                      lambda: svc.sending.prepare(to, "1")):
        with pytest.raises(RuleError) as refused:
            operation()
        assert refused.value.code == "wrong_chain"
        assert chain_state(svc) == before

    cli = MilkCLI(svc.ctx.data_dir, {"MILK_PASSWORD": PASSWORD})
    for args in (("wallet", "txs"), ("wallet", "speedup", str(send.id)),
                 ("wallet", "deposit", "1")):
        run = cli(*args)
        assert run.code == 3 and run.json["error"]["code"] == "wrong_chain", (args, run)
        assert "31338" in run.json["error"]["message"]
    assert chain_state(svc) == before

    proxy.upstream = anvil_fresh.url  # the right node again: both land, once
    anvil_fresh.mine(2)
    svc.bridge.settle()
    assert svc.chain.tracker().get(send.id).status == "confirmed"
    assert svc.chain.tracker().get(w.tx.id).status == "confirmed"
    assert books.delta(to) == 3 * MLK_UNIT
    books.assert_conserved(paid_out=4 * MLK_UNIT)


# -- point 7: every fault, for sends, withdrawals and deposits -----------------------------------

AMOUNT = {"send": 2, "withdraw": 5, "deposit": 4}


def start(flow: str, svc, node):
    """Begin one money movement (a new idempotency key each time); returns its tx id."""
    if flow == "send":
        return svc.sending.send(svc.sending.prepare(node.addresses[3], "2"), PASSWORD,
                                {"first_time"}).id
    if flow == "withdraw":
        return svc.bridge.withdraw("5").tx.id
    return svc.bridge.deposit("4", PASSWORD).tx.id


def finish_and_check(flow: str, svc, node, books, landed: bool = True, started: bool = True,
                     repeat: int = 1) -> None:
    """Mine deep enough, settle, and assert the movement happened exactly once (or, with
    `landed` False, not at all; a withdrawal `started` then came back once) with everything
    conserved. `repeat`: how many such movements the test made in all (with the same key,
    a withdrawal or deposit is a replay; the fault tests use one key per round)."""
    node.mine(2)
    svc.bridge.settle()
    svc.bridge.settle()  # a second settle books nothing more
    units = AMOUNT[flow] * MLK_UNIT if landed else 0
    if flow == "send":
        assert books.delta(node.addresses[3]) == units
        books.assert_conserved()
    elif flow == "withdraw":
        assert books.delta(node.addresses[2]) == units
        assert len(booked(svc, "withdraw_settle")) == (repeat if landed else 0)
        assert len(booked(svc, "withdraw_reverse")) == (0 if landed or not started else 1)
        books.assert_conserved(paid_out=units)
    else:
        assert books.delta(node.addresses[2]) == -units
        assert len(booked(svc, "deposit")) == (repeat if landed else 0)
        assert svc.wallet.pending_deposits() == []
        books.assert_conserved(credited=units)


FLOWS = ["send", "withdraw", "deposit"]


@pytest.mark.parametrize("flow", FLOWS)
def test_dropped_by_the_node(flow, svc, anvil_fresh):
    books = Books(svc, anvil_fresh, [anvil_fresh.addresses[3]])
    anvil_fresh.set_automine(False)
    tx_id = start(flow, svc, anvil_fresh)
    anvil_fresh.drop_transaction(svc.chain.tracker().get(tx_id).tx_hash)
    svc.bridge.settle()
    assert svc.chain.tracker().get(tx_id).status == "pending"
    finish_and_check(flow, svc, anvil_fresh, books)


@pytest.mark.parametrize("flow", FLOWS)
def test_timeout_but_landed(flow, svc, anvil_fresh, proxy):
    """The node accepts the transaction, but its answer is lost on the way back: once (the
    client re-sends the same bytes, the node already has them: success), then on every try
    (the operation fails with exit 4, the transaction stays recorded, recovery finds it)."""
    books = Books(svc, anvil_fresh, [anvil_fresh.addresses[3]])
    proxy.lose_answer("eth_sendRawTransaction", times=1)
    tx_id = start(flow, svc, anvil_fresh)
    svc.chain.tracker().refresh(tx_id)
    assert svc.chain.tracker().get(tx_id).status == "confirmed"
    finish_and_check(flow, svc, anvil_fresh, books)

    books = Books(svc, anvil_fresh, [anvil_fresh.addresses[3]])
    proxy.lose_answer("eth_sendRawTransaction", times=3)  # web3 tries three times
    with pytest.raises(ExternalError) as lost:
        start(flow, svc, anvil_fresh)
    assert lost.value.code == "node_unreachable" and "sent again automatically" in \
        lost.value.message
    tx_id = lost.value.details["tx"]
    assert svc.chain.tracker().get(tx_id).status == "signed"
    svc.bridge.recover()  # the node has it (mined): nothing is sent twice
    assert svc.chain.tracker().get(tx_id).status == "confirmed"
    finish_and_check(flow, svc, anvil_fresh, books, repeat=2)


@pytest.mark.parametrize("flow", FLOWS)
def test_node_down_before_broadcast_changes_nothing(flow, svc, anvil_fresh, proxy):
    books = Books(svc, anvil_fresh, [anvil_fresh.addresses[3]])
    before = chain_state(svc)
    proxy.down()
    with pytest.raises(ExternalError) as down:
        start(flow, svc, anvil_fresh)
    assert down.value.code == "node_unreachable"
    assert chain_state(svc) == before
    proxy.up()
    finish_and_check(flow, svc, anvil_fresh, books, landed=False, started=False)


@pytest.mark.parametrize("flow", FLOWS)
def test_node_down_after_broadcast(flow, svc, anvil_fresh, proxy):
    books = Books(svc, anvil_fresh, [anvil_fresh.addresses[3]])
    anvil_fresh.set_automine(False)
    tx_id = start(flow, svc, anvil_fresh)
    before = chain_state(svc)
    proxy.down()
    anvil_fresh.mine(2)
    for operation in (svc.bridge.settle, svc.wallet.balances,
                      lambda: svc.sending.speed_up(tx_id, PASSWORD)):
        with pytest.raises(ExternalError):
            operation()
        assert chain_state(svc) == before
    proxy.up()
    finish_and_check(flow, svc, anvil_fresh, books)


def _outside_tx(node, key: str, nonce: int) -> None:
    """The same key used elsewhere: a zero-value transfer to itself with `nonce`."""
    from eth_account import Account

    account = Account.from_key(key)
    tx = {"type": 2, "chainId": CHAIN_ID, "to": account.address, "value": 0, "gas": 21_000,
          "nonce": nonce, "maxFeePerGas": 50 * 10**9, "maxPriorityFeePerGas": 10 * 10**9}
    node.rpc("eth_sendRawTransaction", "0x" + bytes(
        account.sign_transaction(tx).raw_transaction).hex().removeprefix("0x"))


@pytest.mark.parametrize("flow", FLOWS)
def test_nonce_used_elsewhere(flow, svc, anvil_fresh):
    """The node drops ours, and the sender's key uses the nonce for something else (nonce
    too low on re-broadcast): ours is replaced, nothing moves, a withdrawal comes back once."""
    books = Books(svc, anvil_fresh, [anvil_fresh.addresses[3]])
    anvil_fresh.set_automine(False)
    tx = svc.chain.tracker().get(start(flow, svc, anvil_fresh))
    anvil_fresh.drop_transaction(tx.tx_hash)
    key = anvil_fresh.keys[1] if flow == "withdraw" else anvil_fresh.keys[2]
    _outside_tx(anvil_fresh, key, tx.nonce)
    anvil_fresh.mine()
    svc.bridge.settle()
    assert svc.chain.tracker().get(tx.id).status == "replaced"
    finish_and_check(flow, svc, anvil_fresh, books, landed=False)


def test_cancelled_deposit_credits_nothing(svc, anvil_fresh):
    books = Books(svc, anvil_fresh)
    anvil_fresh.set_automine(False)
    d = svc.bridge.deposit("4", PASSWORD)
    svc.sending.cancel(d.tx.id, PASSWORD)
    finish_and_check("deposit", svc, anvil_fresh, books, landed=False)


def test_an_underpriced_replacement_is_refused_and_the_original_lands_once(svc, anvil_fresh,
                                                                           proxy):
    books = Books(svc, anvil_fresh, [anvil_fresh.addresses[3]])
    anvil_fresh.set_automine(False)
    tx_id = start("send", svc, anvil_fresh)
    proxy.refuse("eth_sendRawTransaction", "replacement transaction underpriced")
    with pytest.raises(RuleError) as refused:
        svc.sending.speed_up(tx_id, PASSWORD)
    assert refused.value.code == "fee_too_low"
    proxy.refuse("eth_sendRawTransaction", None)
    finish_and_check("send", svc, anvil_fresh, books)
    statuses = sorted(t.status for t in svc.chain.tracker().page())
    assert statuses == ["confirmed", "replaced"]


@pytest.mark.parametrize("mined_again", [False, True])
def test_a_reorg_removes_a_deposit_before_its_confirmations(svc, anvil_fresh, mined_again):
    books = Books(svc, anvil_fresh)
    snap = anvil_fresh.snapshot()
    d = svc.bridge.deposit("4", PASSWORD)
    [pending] = svc.wallet.pending_deposits()
    assert (pending.confirmations, pending.needed) == (1, 2)
    assert booked(svc, "deposit") == []
    anvil_fresh.revert(snap)  # the block with the deposit is gone
    if not mined_again:  # and on the new branch its nonce went to another transaction
        _outside_tx(anvil_fresh, anvil_fresh.keys[2], d.tx.nonce)
    svc.bridge.settle()
    assert booked(svc, "deposit") == []
    view = svc.chain.tracker().get(d.tx.id)
    assert view.status == ("confirmed" if mined_again else "replaced")
    finish_and_check("deposit", svc, anvil_fresh, books, landed=mined_again)


def test_a_killed_withdraw_or_deposit_moves_money_at_most_once(svc, anvil_fresh,
                                                               chain_faults_long):
    """`milk wallet withdraw|deposit` killed (SIGKILL) at a random moment, again and again;
    after recovery every hold is settled or returned once and everything is conserved."""
    from tests.support.cli import MilkCLI

    books = Books(svc, anvil_fresh)
    cli = MilkCLI(svc.ctx.data_dir, {"MILK_PASSWORD": PASSWORD})
    rounds = 16 if chain_faults_long else 2
    rng = random.Random(9)
    for i in range(rounds):
        flow = ("withdraw", "deposit")[i % 2]
        cmd = [sys.executable, "-m", "app.cli", "--json", "wallet", flow, "1", "--key",
               f"kill-{i}"]
        proc = subprocess.Popen(cmd, env=cli.env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.8, 3.5))  # the CLI needs ~1.5 s to start
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    svc.bridge.recover()
    anvil_fresh.mine(2)
    svc.bridge.settle()
    now = books.read()
    out = books.start["chain"][anvil_fresh.addresses[1]] - now["chain"][anvil_fresh.addresses[1]]
    paid = sum(1 for k in booked(svc, "withdraw_settle")) * MLK_UNIT
    credited = sum(1 for k in booked(svc, "deposit")) * MLK_UNIT
    assert out == paid - credited  # every payout and credit booked once, none twice
    books.assert_conserved(paid_out=paid, credited=credited)
    for key in booked(svc, "withdraw"):
        assert (f"{key}:settled" in booked(svc, "withdraw_settle")) != \
            (f"{key}:reversed" in booked(svc, "withdraw_reverse"))
