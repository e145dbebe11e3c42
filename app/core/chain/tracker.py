"""Following the transactions the app signed until they are final.

A transaction is final only when its nonce is. It is recorded with its raw bytes before
broadcast; `refresh` then settles each nonce family (the transactions of one sender sharing
one nonce: an original and its speed-ups or cancel) from receipts and the sender's mined
nonce:
- a member with a receipt is confirmed (status 1 and the matching Transfer log) or failed,
  and the others are replaced;
- no receipt but the nonce is used: another transaction took it, all are replaced;
- no receipt and the nonce free: the family is still pending. If the node has none of its
  members, the one with the highest fees is re-sent byte for byte ("not seen by the node —
  re-broadcasting"): the same signed bytes can never pay twice, and until the nonce is used
  they could still be mined, so nothing is given up on.
Outcomes are re-checked until they are `confirmations` blocks deep, so a reorg that removes a
block reopens what it settled. Every refresh first checks the node's chain id: answers from
another chain never change stored state.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import and_, or_, select

from app.core.chain.client import ChainClient, Fees
from app.core.chain.records import (
    CONFIRMED,
    FAILED,
    OPEN_STATES,
    PENDING,
    REPLACED,
    SETTLED_STATES,
    SIGNED,
    ChainTx,
)
from app.core.clock import Clock, iso
from app.core.errors import MilkError
from app.core.keys import SignedTx
from app.core.ledger.database import Database

log = logging.getLogger(__name__)

NOT_SEEN = "not seen by the node — re-broadcasting"


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
    note: str | None  # what it is for (the recipient's label, "speed-up", ...)
    depth: int = 0  # blocks since the outcome (any settled state), 0 while open
    status_note: str | None = None  # why it is in its state ("not seen by the node — ...")

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES

    def is_final(self, needed: int) -> bool:
        """Settled and deep enough that a reorg is no longer expected to undo it."""
        return self.status in SETTLED_STATES and self.depth >= needed


class TxTracker:
    def __init__(self, db: Database, client: ChainClient, clock: Clock, confirmations: int = 1):
        self.db, self.client, self.clock = db, client, clock
        self.confirmations = max(1, confirmations)

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
        """Send the stored bytes. If the node refuses or its answer is lost, the row stays
        `signed` (with the reason) and the error goes to the caller; refresh re-sends it."""
        with self.db.read() as s:
            row = s.get(ChainTx, tx_id)
            raw = bytes.fromhex(row.raw_tx)
        try:
            self.client.broadcast(raw)
        except MilkError as exc:
            self._set(tx_id, status_note=f"not accepted by the node yet: {exc.message}"[:200])
            raise
        self._set(tx_id, status=PENDING, status_note=None)
        return self.get(tx_id)

    def recover(self) -> list[TxView]:
        """After a restart: the same as refresh (which re-sends what the node lacks)."""
        return self.refresh()

    # -- settling --
    def refresh(self, tx_id: int | None = None) -> list[TxView]:
        """Settle open (and not yet final) transactions; returns those that changed.
        Checks the node's chain id first: on a mismatch nothing is changed."""
        self.client.check_chain()
        head = self.client.block_number()
        if tx_id is not None:
            tx = self.get(tx_id)
            families = [(tx.sender, tx.nonce)] if tx and tx.chain_id == self.client.chain_id \
                else []
        else:
            families = self._unsettled_families(head)
        changed: dict[int, None] = {}
        for sender, nonce in families:
            for changed_id in self._settle_family(sender, nonce, head):
                changed[changed_id] = None
        return [self.get(i) for i in changed]

    def _unsettled_families(self, head: int) -> list[tuple[str, int]]:
        shallow = head - self.confirmations + 1  # settled at or below this block is final
        with self.db.read() as s:
            rows = s.execute(select(ChainTx.sender, ChainTx.nonce).where(
                ChainTx.chain_id == self.client.chain_id,
                or_(ChainTx.status.in_(OPEN_STATES),
                    and_(ChainTx.status.in_(SETTLED_STATES),
                         or_(ChainTx.block_number.is_(None),
                             ChainTx.block_number > shallow))))
                .order_by(ChainTx.id)).all()
        return list(dict.fromkeys((r.sender, r.nonce) for r in rows))

    def _family(self, sender: str, nonce: int) -> list[ChainTx]:
        with self.db.read() as s:
            rows = list(s.execute(select(ChainTx).where(
                ChainTx.chain_id == self.client.chain_id, ChainTx.sender == sender,
                ChainTx.nonce == nonce).order_by(ChainTx.id)).scalars())
            s.expunge_all()
        return rows

    def _settle_family(self, sender: str, nonce: int, head: int,
                       resent: bool = False) -> list[int]:
        members = self._family(sender, nonce)
        changed: list[int] = []

        def update(row: ChainTx, **values) -> None:
            if any(getattr(row, k) != v for k, v in values.items()):
                self._set(row.id, **values)
                changed.append(row.id)

        for row in members:
            receipt = self.client.receipt(row.tx_hash)
            if receipt is None:
                continue
            block = int(receipt["blockNumber"])
            ok = receipt.get("status") == 1 and (
                row.kind in ("cancel", "gas") or self.client.transfer_logged(
                    receipt, row.sender, row.recipient, row.amount))
            update(row, status=CONFIRMED if ok else FAILED, block_number=block,
                   gas_used=int(receipt["gasUsed"]),
                   status_note=None if ok else "reverted or no matching Transfer event")
            for other in members:
                if other.id != row.id:
                    update(other, status=REPLACED, block_number=block,
                           status_note=f"replaced by transaction #{row.id}")
            return changed  # one nonce is mined once: the family is settled
        if self.client.mined_nonce(sender) > nonce:
            for row in members:
                if row.status != REPLACED:
                    update(row, status=REPLACED, block_number=head,
                           status_note="its nonce was used by another transaction")
            return changed
        # The nonce is free: whatever was settled was undone by a reorg; all are pending.
        known = [row for row in members if self.client.knows(row.tx_hash)]
        for row in members:
            if row.status in SETTLED_STATES:
                update(row, status=PENDING, block_number=None, gas_used=None,
                       status_note="its block was reorganised away — waiting to be mined "
                       "again")
            elif row in known and row.status == SIGNED:
                update(row, status=PENDING)
        if known:
            return changed
        best = max(members, key=lambda r: (r.max_fee_per_gas, r.id))
        try:
            self.client.broadcast(bytes.fromhex(best.raw_tx))
        except MilkError as exc:  # e.g. its nonce got used meanwhile: the next refresh sees it
            log.info("re-broadcast of tx %s refused: %s", best.id, exc.message)
            update(best, status_note=f"{NOT_SEEN} (the node said: {exc.message})"[:200])
            return changed
        update(best, status=PENDING, status_note=NOT_SEEN)
        if resent:
            return changed
        # A node that mines at once (the demo chain, automine) has settled it already.
        return changed + self._settle_family(sender, nonce, self.client.block_number(), True)

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

    def where(self, *conditions) -> list[TxView]:
        """Transactions of this chain matching SQLAlchemy conditions on ChainTx, oldest first."""
        with self.db.read() as s:
            rows = list(s.execute(select(ChainTx).where(
                ChainTx.chain_id == self.client.chain_id, *conditions)
                .order_by(ChainTx.id)).scalars())
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
        depth = 0
        if row.status in SETTLED_STATES and row.block_number is not None and head is not None:
            depth = max(0, head - row.block_number + 1)
        confirmations = depth if row.status == CONFIRMED else 0
        return TxView(row.id, row.kind, row.chain_id, row.sender, row.recipient, row.amount,
                      row.nonce, row.tx_hash, row.status, row.created_at, row.updated_at,
                      row.block_number, confirmations, row.gas_limit * row.max_fee_per_gas,
                      row.replaces_id, row.ledger_key, row.krw_estimate, row.note, depth,
                      row.status_note)
