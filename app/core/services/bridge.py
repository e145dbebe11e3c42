"""Moving MLK between the app's ledger and the chain.

Withdraw: TICA's treasury sends on-chain MLK; the ledger holds the in-app amount in
`bridge:pending` from the moment the transaction is signed (hold entry and stored raw
transaction are written in ONE database transaction), then settles it into `bridge` once the
transfer is confirmed as deep as the network's confirmations, or returns it to the user only
when the withdrawal can no longer be mined: another transaction (a cancel) has used its nonce
that deep, or it failed on chain. A withdrawal the node forgot is re-sent, never reversed.

Deposit: the user's key sends MLK to the treasury; the ledger credits it once, after the
network's number of confirmations (re-checked against the chain, so a reorg that removes
the deposit first credits nothing).

The stored status of a transaction is a cache that whoever holds the data files can edit:
before the ledger credits a deposit or returns a withdrawal, the node is asked again (the
deposit's receipt must carry the token's Transfer from this wallet to the treasury, deep
enough; a withdrawal is returned only if none of its transfers succeeded on chain).

Invariant (tested under faults): on-chain MLK of every address plus in-app MLK is conserved,
and every payout and every credit happens exactly once (idempotency keys on each booking).
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import select, update

from app.core.chain.records import CONFIRMED, OPEN_STATES, ChainTx
from app.core.chain.tracker import TxView
from app.core.errors import InputError, MilkError, RuleError
from app.core.keys import Secret
from app.core.ledger import Journal, Line
from app.core.ledger import accounts as acct
from app.core.ledger.canonical import params_digest
from app.core.money import MLK, format_mlk, parse_mlk
from app.core.services.sending import SendService, refuse_zero_address

log = logging.getLogger(__name__)
FAMILY_KINDS = ("withdraw", "deposit")


@dataclass(frozen=True)
class BridgeResult:
    tx: TxView
    replayed: bool  # the same idempotency key was used before: nothing new was sent


@dataclass(frozen=True)
class PendingDeposit:
    """A deposit on its way into the app: credited at `needed` confirmations."""

    tx: TxView
    amount: int
    confirmations: int
    needed: int


class BridgeService:
    def __init__(self, sending: SendService):
        self.sending = sending
        self.wallet = sending.wallet
        self.ctx = sending.ctx
        self.chain = sending.chain
        # Called with "withdraw" or "deposit" after MLK moved (AnchorService.anchor_after:
        # the ledger's head goes on chain too); it never fails the move it follows.
        self.after_move = None

    # -- withdraw --
    def withdraw(self, amount: str | int, to: str | None = None,
                 key: str | None = None) -> BridgeResult:
        units = amount if isinstance(amount, int) else parse_mlk(amount)
        recipient = self.sending.resolve(to) if to else self.wallet.require_address()
        refuse_zero_address(recipient)
        ledger_key = f"withdraw:{_key(key)}"
        params = params_digest({"op": "withdraw", "user": self.ctx.user, "to": recipient,
                                "amount": str(units)})
        done = self._existing(ledger_key, params)
        if done:
            return BridgeResult(done, replayed=True)
        with self.ctx.db.read() as s:
            have = Journal(s).balance(self.ctx.user, MLK)
        if units > have:  # refuse before signing anything
            raise RuleError(f"Not enough MLK in the app: you have {format_mlk(have)}, this "
                            f"withdraws {format_mlk(units)}.", code="insufficient_balance",
                            details={"asset": MLK, "available": have, "needed": units})
        client = self.chain.client()
        client.check_chain()
        treasury = self.chain.treasury_signer()
        available = client.mlk_balance(treasury.address)
        if units > available:
            raise RuleError(f"TICA's treasury holds {format_mlk(available)} on chain, less than "
                            "this withdrawal. Nothing was moved.", code="treasury_short",
                            details={"asset": MLK, "available": available, "needed": units})
        gas = client.estimate_transfer_gas(treasury.address, recipient, units)
        fees = client.fees()
        tx = client.transfer_tx(treasury.address, recipient, units,
                                self.sending.next_nonce(treasury.address), gas, fees)
        signed = treasury.sign_transaction(tx)
        tracker = self.chain.tracker()
        with self.ctx.db.write() as s:
            journal = Journal(s)
            if journal.replay(ledger_key, params):  # a concurrent retry got here first
                return BridgeResult(self._tx_for(ledger_key), replayed=True)
            journal.append("withdraw", ledger_key, params, [
                Line(self.ctx.user, MLK, -units), Line(acct.PENDING_WITHDRAWALS, MLK, units),
            ], {"to": recipient, "amount": str(units), "tx_hash": signed.tx_hash},
                self.ctx.clock.now())
            tx_id = tracker.record_in(s, "withdraw", tx, signed, recipient, units,
                                      ledger_key=ledger_key)
        try:
            tracker.broadcast(tx_id)
        except MilkError as exc:
            raise type(exc)(f"{exc.message} The withdrawal is recorded as transaction #{tx_id} "
                            "and is sent again automatically; its MLK stays held until it is "
                            "mined or cancelled.", code=exc.code,
                            details={**exc.details, "tx": tx_id}) from None
        self.settle()
        self._moved("withdraw")
        return BridgeResult(tracker.get(tx_id), replayed=False)

    # -- deposit --
    def deposit(self, amount: str | int, password: Secret | str,
                key: str | None = None) -> BridgeResult:
        """Send on-chain MLK to the treasury. Returns after broadcast; the credit follows at
        the network's confirmations (see `pending_deposits` and `settle`)."""
        units = amount if isinstance(amount, int) else parse_mlk(amount)
        ledger_key = f"deposit:{_key(key)}"
        done = self._tx_for(ledger_key)
        if done:
            if done.amount != units:
                raise InputError(f"The key was already used for a deposit of "
                                 f"{format_mlk(done.amount)}.", code="idempotency_conflict")
            self.settle()
            return BridgeResult(self.chain.tracker().get(done.id), replayed=True)
        treasury = self.chain.treasury_address()
        plan = self.sending.prepare(treasury, units, check_warnings=False)
        tx = self.sending.send(plan, password, kind="deposit", ledger_key=ledger_key)
        self.settle()
        self._moved("deposit")
        return BridgeResult(self.chain.tracker().get(tx.id), replayed=False)

    def _moved(self, kind: str) -> None:
        if self.after_move is not None:
            self.after_move(kind)

    def pending_deposits(self) -> list[PendingDeposit]:
        """Deposits sent but not yet credited, with their confirmations so far (no node
        writes: call `settle` first for fresh figures)."""
        needed = self.chain.config.confirmations
        rows = self.chain.tracker().where(ChainTx.kind == "deposit",
                                          ChainTx.booked.is_(False))
        out = []
        for tx in rows:
            if tx.status in OPEN_STATES or tx.status == CONFIRMED:
                out.append(PendingDeposit(tx, tx.amount, tx.confirmations, needed))
        return out

    # -- settling --
    def recover(self) -> int:
        """After a restart: re-send stored transactions the node lacks, re-check the rest,
        and book their outcomes. Nothing is signed again."""
        return self.settle()

    def settle(self) -> int:
        """Refresh the transactions (chain id first), then book what their outcome means for
        the ledger. Idempotent: every booking has its own key."""
        tracker = self.chain.tracker()
        tracker.refresh()
        needed = self.chain.config.confirmations
        families: dict[str, list[TxView]] = {}
        for tx in tracker.where(ChainTx.ledger_key.is_not(None), ChainTx.booked.is_(False)):
            families.setdefault(tx.ledger_key, []).append(tx)
        booked = 0
        for ledger_key, txs in families.items():
            kinds = {t.kind for t in txs} & set(FAMILY_KINDS)
            if len(kinds) == 1:
                booked += self._settle_family(ledger_key, kinds.pop(), txs, needed)
        return booked

    def _settle_family(self, ledger_key: str, kind: str, txs: list[TxView], needed: int) -> int:
        transfers = [t for t in txs if t.kind == kind]
        winner = next((t for t in transfers if t.status == CONFIRMED), None)
        if winner is not None:
            if winner.confirmations < needed:
                return 0
            if kind == "deposit":
                if not self._deposit_on_chain(winner, needed):
                    return 0
                return self._book(ledger_key, "deposit", [
                    Line(acct.BRIDGE, MLK, -winner.amount),
                    Line(self.ctx.user, MLK, winner.amount)], winner, txs)
            if self._booked(f"{ledger_key}:reversed"):
                # A withdrawal reversed by an older version while it could still be mined,
                # and mined after all: take the returned MLK back (once).
                return self._book(f"{ledger_key}:reclaimed", "withdraw_reclaim", [
                    Line(self.ctx.user, MLK, -winner.amount),
                    Line(acct.BRIDGE, MLK, winner.amount)], winner, txs)
            return self._book(f"{ledger_key}:settled", "withdraw_settle", [
                Line(acct.PENDING_WITHDRAWALS, MLK, -winner.amount),
                Line(acct.BRIDGE, MLK, winner.amount)], winner, txs)
        if not all(t.is_final(needed) for t in txs):
            return 0  # still pending, or its outcome is not deep enough yet
        if kind == "deposit":
            self._mark_booked(txs)  # failed or replaced: nothing arrived, nothing to credit
            return 0
        last = transfers[-1]
        if any(self._succeeded_on_chain(t) for t in transfers):
            log.warning("withdrawal %s is stored as not mined, but the node has it mined: "
                        "not returned", ledger_key)
            return 0
        return self._book(f"{ledger_key}:reversed", "withdraw_reverse", [
            Line(acct.PENDING_WITHDRAWALS, MLK, -last.amount),
            Line(self.ctx.user, MLK, last.amount)], last, txs)

    def _deposit_on_chain(self, tx: TxView, needed: int) -> bool:
        """The node's own word that `tx` moved `tx.amount` MLK from this wallet to the
        treasury, at least `needed` blocks deep."""
        client = self.chain.client()
        receipt = client.receipt(tx.tx_hash)
        wallet = self.wallet.status().address
        ok = (receipt is not None and int(receipt.get("status", 0)) == 1
              and wallet is not None and tx.sender.lower() == wallet.lower()
              and tx.recipient.lower() == self.chain.treasury_address().lower()
              and client.block_number() - int(receipt["blockNumber"]) + 1 >= needed
              and client.transfer_logged(receipt, tx.sender, tx.recipient, tx.amount))
        if not ok:
            log.warning("deposit %s is stored as confirmed but the node does not confirm it: "
                        "not credited", tx.tx_hash)
        return ok

    def _succeeded_on_chain(self, tx: TxView) -> bool:
        receipt = self.chain.client().receipt(tx.tx_hash)
        return receipt is not None and int(receipt.get("status", 0)) == 1

    def _book(self, key: str, kind: str, lines: list[Line], tx: TxView,
              family: list[TxView]) -> int:
        params = params_digest({"op": kind, "tx": tx.tx_hash})
        try:
            with self.ctx.db.write() as s:
                journal = Journal(s)
                written = 0
                if not _exists(journal, key, params):
                    journal.append(kind, key, params, lines,
                                   {"tx_hash": tx.tx_hash, "amount": str(tx.amount),
                                    "block": tx.block_number, "chain_id": tx.chain_id},
                                   self.ctx.clock.now())
                    written = 1
                _flag_booked(s, family)
        except RuleError as exc:  # e.g. a reclaim the user's balance cannot cover
            log.warning("could not book %s for %s: %s", kind, tx.tx_hash, exc.message)
            return 0
        return written

    def _booked(self, key: str) -> bool:
        with self.ctx.db.read() as s:
            return _exists(Journal(s), key)

    def _mark_booked(self, family: list[TxView]) -> None:
        with self.ctx.db.write() as s:
            _flag_booked(s, family)

    def _existing(self, ledger_key: str, params: str) -> TxView | None:
        with self.ctx.db.read() as s:
            entry = Journal(s).replay(ledger_key, params)
        if entry is None:
            return None
        self.settle()
        return self._tx_for(ledger_key)

    def _tx_for(self, ledger_key: str) -> TxView | None:
        with self.ctx.db.read() as s:
            row = s.execute(select(ChainTx).where(ChainTx.ledger_key == ledger_key)
                            .order_by(ChainTx.id.desc()).limit(1)).scalar_one_or_none()
        return self.chain.tracker().get(row.id) if row else None


def _exists(journal: Journal, key: str, params: str = "") -> bool:
    """Whether an entry was booked under `key` (for whichever transaction of the family)."""
    try:
        return journal.replay(key, params) is not None
    except InputError:  # booked under the same key with other parameters
        return True


def _flag_booked(s, family: list[TxView]) -> None:
    s.execute(update(ChainTx).where(ChainTx.id.in_([t.id for t in family]))
              .values(booked=True))


def _key(key: str | None) -> str:
    if key is None:
        return str(uuid.uuid4())
    key = key.strip()
    if not 1 <= len(key) <= 100 or not key.isprintable():
        raise InputError("An idempotency key is 1 to 100 printable characters.", code="bad_key")
    return key

