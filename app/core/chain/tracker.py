"""Following the transactions the app signed until they are final.

A transaction is recorded with its raw bytes before broadcast. `refresh` reads receipts and
the sender's nonce to settle each open transaction: confirmed (status 1 and the matching
Transfer log), failed, replaced (another transaction took its nonce: a speed-up or a
cancel), or dropped (the node forgot it and the nonce is still free). `recover` re-sends
the stored bytes of anything that may not have reached the node before a crash.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select

from app.core.chain.client import ChainClient, Fees
from app.core.chain.records import (
    CONFIRMED,
    DROPPED,
    FAILED,
    OPEN_STATES,
    PENDING,
    REPLACED,
    SIGNED,
    ChainTx,
)
from app.core.clock import Clock, iso
from app.core.errors import MilkError
from app.core.keys import SignedTx
from app.core.ledger.database import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TxView:
    id: int
    kind: str
    chain_id: int
    sender: str
    recipient: str
    amount: int
    nonce: int
    tx_hash: str
    status: str
    created_at: str
    updated_at: str
    block_number: int | None
    confirmations: int
    fee_cap_wei: int  # gas limit x max fee: the most this transaction can cost in gas coin
    replaces_id: int | None
    ledger_key: str | None
    krw_estimate: str | None
    note: str | None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES


class TxTracker:
    def __init__(self, db: Database, client: ChainClient, clock: Clock):
        self.db, self.client, self.clock = db, client, clock

    # -- recording and sending --
    def record(self, kind: str, tx: dict, signed: SignedTx, recipient: str, amount: int,
               ledger_key: str | None = None, krw_estimate: str | None = None,
               replaces_id: int | None = None, note: str | None = None) -> int:
        """Store a signed transaction (status `signed`) before it is broadcast."""
        with self.db.write() as s:
            return self.record_in(s, kind, tx, signed, recipient, amount, ledger_key,
                                  krw_estimate, replaces_id, note)

    def record_in(self, s, kind: str, tx: dict, signed: SignedTx, recipient: str, amount: int,
                  ledger_key: str | None = None, krw_estimate: str | None = None,
                  replaces_id: int | None = None, note: str | None = None) -> int:
        """`record` inside the caller's write transaction (e.g. with a ledger hold)."""
        now = iso(self.clock.now())
        row = ChainTx(chain_id=tx["chainId"], kind=kind, sender=tx["from"],
                      recipient=recipient, amount=amount, nonce=tx["nonce"],
                      gas_limit=tx["gas"], max_fee_per_gas=tx["maxFeePerGas"],
                      max_priority_fee_per_gas=tx["maxPriorityFeePerGas"],
                      raw_tx=signed.raw.hex(), tx_hash=signed.tx_hash.lower(), status=SIGNED,
                      replaces_id=replaces_id, created_at=now, updated_at=now,
                      ledger_key=ledger_key, krw_estimate=krw_estimate, note=note)
        s.add(row)
        s.flush()
        return row.id

    def broadcast(self, tx_id: int) -> TxView:
        with self.db.read() as s:
            row = s.get(ChainTx, tx_id)
            raw = bytes.fromhex(row.raw_tx)
        self.client.broadcast(raw)
        self._set(tx_id, status=PENDING)
        return self.get(tx_id)

    def recover(self) -> list[TxView]:
        """After a restart: re-send stored bytes that may never have left, then refresh."""
        for tx in self.open():
            if tx.status == SIGNED or not self.client.knows(tx.tx_hash):
                try:
                    self.broadcast(tx.id)
                except MilkError as exc:  # e.g. its nonce was used meanwhile: refresh decides
                    log.info("re-broadcast of tx %s refused: %s", tx.id, exc.message)
        return self.refresh()

    # -- settling --
    def refresh(self, tx_id: int | None = None) -> list[TxView]:
        """Settle open transactions from receipts and nonces; returns those that changed."""
        changed = []
        targets = [self.get(tx_id)] if tx_id is not None else self.open()
        for tx in targets:
            if tx is None or not tx.is_open or tx.chain_id != self.client.chain_id:
                continue
            new = self._settle(tx)
            if new is not None:
                changed.append(new)
        return changed

    def _settle(self, tx: TxView) -> TxView | None:
        receipt = self.client.receipt(tx.tx_hash)
        if receipt is not None:
            ok = receipt.get("status") == 1 and (
                tx.kind in ("cancel", "gas") or self.client.transfer_logged(
                    receipt, tx.sender, tx.recipient, tx.amount))
            self._set(tx.id, status=CONFIRMED if ok else FAILED,
                      block_number=int(receipt["blockNumber"]), gas_used=int(receipt["gasUsed"]),
                      note=None if ok else "reverted or no matching Transfer event")
            self._retire_siblings(tx)
            return self.get(tx.id)
        if self.client.mined_nonce(tx.sender) > tx.nonce:
            # Its nonce is spent but not by this hash: a sibling or an outside transaction won.
            winner = self._mined_sibling(tx)
            self._set(tx.id, status=REPLACED,
                      note=f"replaced by transaction #{winner}" if winner else
                      "its nonce was used by another transaction")
            return self.get(tx.id)
        if tx.status == PENDING and not self.client.knows(tx.tx_hash):
            self._set(tx.id, status=DROPPED, note="the node no longer has this transaction")
            return self.get(tx.id)
        return None

    def _mined_sibling(self, tx: TxView) -> int | None:
        for other in self._siblings(tx):
            if other.status == CONFIRMED or other.status == FAILED:
                return other.id
            if self.client.receipt(other.tx_hash) is not None:
                self._settle(other)
                return other.id
        return None

    def _retire_siblings(self, tx: TxView) -> None:
        for other in self._siblings(tx):
            if other.is_open or other.status == DROPPED:
                self._set(other.id, status=REPLACED, note=f"replaced by transaction #{tx.id}")

    def _siblings(self, tx: TxView) -> list[TxView]:
        with self.db.read() as s:
            rows = s.execute(select(ChainTx).where(
                ChainTx.chain_id == tx.chain_id, ChainTx.sender == tx.sender,
                ChainTx.nonce == tx.nonce, ChainTx.id != tx.id)).scalars()
            return [self._view(r, None) for r in rows]

    # -- reads --
    def get(self, tx_id: int) -> TxView | None:
        with self.db.read() as s:
            row = s.get(ChainTx, tx_id)
            return self._view(row, self._head()) if row else None

    def by_hash(self, tx_hash: str) -> TxView | None:
        with self.db.read() as s:
            row = s.execute(select(ChainTx).where(ChainTx.tx_hash == tx_hash.lower()
                                                  )).scalar_one_or_none()
            return self._view(row, self._head()) if row else None

    def open(self) -> list[TxView]:
        with self.db.read() as s:
            rows = s.execute(select(ChainTx).where(ChainTx.status.in_(OPEN_STATES))
                             .order_by(ChainTx.id)).scalars()
            return [self._view(r, None) for r in rows]

    def page(self, before_id: int | None = None, limit: int = 50) -> list[TxView]:
        with self.db.read() as s:
            q = select(ChainTx).where(ChainTx.chain_id == self.client.chain_id)
            if before_id is not None:
                q = q.where(ChainTx.id < before_id)
            rows = list(s.execute(q.order_by(ChainTx.id.desc()).limit(limit)).scalars())
            head = self._head() if rows else None
            return [self._view(r, head) for r in rows]

    def fees_of(self, tx_id: int) -> Fees:
        with self.db.read() as s:
            row = s.get(ChainTx, tx_id)
            return Fees(row.max_fee_per_gas, row.max_priority_fee_per_gas)

    def _head(self) -> int | None:
        try:
            return self.client.block_number()
        except MilkError:
            return None

    def _set(self, tx_id: int, **values) -> None:
        with self.db.write() as s:
            row = s.get(ChainTx, tx_id)
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_at = iso(self.clock.now())

    @staticmethod
    def _view(row: ChainTx, head: int | None) -> TxView:
        confirmations = 0
        if row.status == CONFIRMED and row.block_number is not None and head is not None:
            confirmations = max(0, head - row.block_number + 1)
        return TxView(row.id, row.kind, row.chain_id, row.sender, row.recipient, row.amount,
                      row.nonce, row.tx_hash, row.status, row.created_at, row.updated_at,
                      row.block_number, confirmations, row.gas_limit * row.max_fee_per_gas,
                      row.replaces_id, row.ledger_key, row.krw_estimate, row.note)
