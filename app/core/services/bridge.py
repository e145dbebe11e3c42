"""Moving MLK between the app's ledger and the chain.

Withdraw: TICA's treasury sends on-chain MLK; the ledger holds the in-app amount in
`bridge:pending` from the moment the transaction is signed (hold entry and stored raw
transaction are written in ONE database transaction), then settles it into `bridge` when the
receipt proves the transfer, or returns it to the user if the transaction failed or was
dropped.

Deposit: the user's key sends MLK to the treasury; the ledger credits it once, after the
network's number of confirmations.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from app.core.chain.records import CONFIRMED, DROPPED, FAILED, REPLACED, ChainTx
from app.core.chain.tracker import TxView
from app.core.errors import InputError, RuleError
from app.core.keys import Secret
from app.core.ledger import Journal, Line
from app.core.ledger import accounts as acct
from app.core.ledger.canonical import params_digest
from app.core.money import MLK, format_mlk, parse_mlk
from app.core.services.sending import SendService


@dataclass(frozen=True)
class BridgeResult:
    tx: TxView
    replayed: bool  # the same idempotency key was used before: nothing new was sent


class BridgeService:
    def __init__(self, sending: SendService):
        self.sending = sending
        self.wallet = sending.wallet
        self.ctx = sending.ctx
        self.chain = sending.chain

    # -- withdraw --
    def withdraw(self, amount: str | int, to: str | None = None,
                 key: str | None = None) -> BridgeResult:
        units = amount if isinstance(amount, int) else parse_mlk(amount)
        recipient = self.sending.resolve(to) if to else self.wallet.require_address()
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
                            details={"available": have, "needed": units})
        client = self.chain.client()
        client.check_chain()
        treasury = self.chain.treasury_signer()
        available = client.mlk_balance(treasury.address)
        if units > available:
            raise RuleError(f"TICA's treasury holds {format_mlk(available)} on chain, less than "
                            "this withdrawal. Nothing was moved.", code="treasury_short")
        gas = client.estimate_transfer_gas(treasury.address, recipient, units)
        fees = client.fees()
        tx = client.transfer_tx(treasury.address, recipient, units,
                                self.sending._next_nonce(treasury.address), gas, fees)
        signed = treasury.sign_transaction(tx)
        with self.ctx.db.write() as s:
            journal = Journal(s)
            if journal.replay(ledger_key, params):  # a concurrent retry got here first
                return BridgeResult(self._tx_for(ledger_key), replayed=True)
            journal.append("withdraw", ledger_key, params, [
                Line(self.ctx.user, MLK, -units), Line(acct.PENDING_WITHDRAWALS, MLK, units),
            ], {"to": recipient, "amount": str(units), "tx_hash": signed.tx_hash},
                self.ctx.clock.now())
            tx_id = self.chain.tracker().record_in(s, "withdraw", tx, signed, recipient, units,
                                                   ledger_key=ledger_key)
        self.chain.tracker().broadcast(tx_id)
        self.settle()
        return BridgeResult(self.chain.tracker().get(tx_id), replayed=False)

    # -- deposit --
    def deposit(self, amount: str | int, password: Secret | str,
                key: str | None = None) -> BridgeResult:
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
        return BridgeResult(self.chain.tracker().get(tx.id), replayed=False)

    # -- settling --
    def recover(self) -> int:
        """After a restart: re-send stored transactions that may not have left, re-check
        the pending ones, and book their outcomes. Nothing is signed again."""
        self.chain.tracker().recover()
        return self.settle()

    def settle(self) -> int:
        """Refresh open transactions, then book what their outcome means for the ledger.
        Idempotent: every booking has its own key."""
        tracker = self.chain.tracker()
        tracker.refresh()
        needed = self.chain.config.confirmations
        booked = 0
        with self.ctx.db.read() as s:
            rows = list(s.execute(select(ChainTx).where(
                ChainTx.ledger_key.is_not(None), ChainTx.kind.in_(("withdraw", "deposit")),
                ChainTx.chain_id == self.chain.client().chain_id)).scalars())
        families: dict[str, list[ChainTx]] = {}
        for row in rows:
            families.setdefault(row.ledger_key, []).append(row)
        for ledger_key, txs in families.items():
            booked += self._settle_family(ledger_key, txs, needed)
        return booked

    def _settle_family(self, ledger_key: str, txs: list[ChainTx], needed: int) -> int:
        tracker = self.chain.tracker()
        views = [tracker.get(t.id) for t in txs]
        winner = next((v for v in views if v.status == CONFIRMED), None)
        finished = all(v.status in (CONFIRMED, FAILED, DROPPED, REPLACED) for v in views)
        kind = txs[0].kind
        if kind == "withdraw":
            if winner:
                return self._book(f"{ledger_key}:settled", "withdraw_settle", [
                    Line(acct.PENDING_WITHDRAWALS, MLK, -winner.amount),
                    Line(acct.BRIDGE, MLK, winner.amount)], winner)
            if finished:
                last = views[-1]
                return self._book(f"{ledger_key}:reversed", "withdraw_reverse", [
                    Line(acct.PENDING_WITHDRAWALS, MLK, -last.amount),
                    Line(self.ctx.user, MLK, last.amount)], last)
            return 0
        if winner and winner.confirmations >= needed:
            return self._book(ledger_key, "deposit", [
                Line(acct.BRIDGE, MLK, -winner.amount), Line(self.ctx.user, MLK, winner.amount)],
                winner)
        return 0

    def _book(self, key: str, kind: str, lines: list[Line], tx: TxView) -> int:
        params = params_digest({"op": kind, "tx": tx.tx_hash})
        with self.ctx.db.write() as s:
            journal = Journal(s)
            if journal.replay(key, params):
                return 0
            journal.append(kind, key, params, lines,
                           {"tx_hash": tx.tx_hash, "amount": str(tx.amount),
                            "block": tx.block_number, "chain_id": tx.chain_id},
                           self.ctx.clock.now())
        return 1

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


def _key(key: str | None) -> str:
    if key is None:
        return str(uuid.uuid4())
    key = key.strip()
    if not 1 <= len(key) <= 100 or not key.isprintable():
        raise InputError("An idempotency key is 1 to 100 printable characters.", code="bad_key")
    return key

