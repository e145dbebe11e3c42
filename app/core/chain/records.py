"""Tables for the on-chain side: every transaction the app signs, and the address book.

A transaction is stored, raw bytes included, *before* it is broadcast, so a crash between
signing and sending can always be recovered by re-sending the very same bytes (same nonce,
same hash: it can never be sent twice).
"""
from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from app.core.ledger.schema import Base, BigAmount

# Transaction states. A transaction is final only when its nonce is:
# `signed`: stored, maybe not yet broadcast; `pending`: broadcast, its nonce not yet used (when
# the node no longer has it, it is re-sent byte for byte); `confirmed`: mined with status 1 and
# the matching Transfer log; `failed`: mined but reverted or without the Transfer log;
# `replaced`: another transaction with the same nonce was mined (speed-up, cancel, or one sent
# elsewhere with the same key). Confirmed, failed and replaced are re-checked until they are
# as deep as the network's confirmations, so a reorg can reopen them.
# `dropped` is no longer set (it was final too early); migration 0003 reopened such rows.
SIGNED, PENDING, CONFIRMED, FAILED, DROPPED, REPLACED = (
    "signed", "pending", "confirmed", "failed", "dropped", "replaced")
OPEN_STATES = (SIGNED, PENDING)
SETTLED_STATES = (CONFIRMED, FAILED, REPLACED)
TX_KINDS = ("send", "withdraw", "deposit", "cancel", "gas")


class ChainTx(Base):
    __tablename__ = "chain_txs"
    __table_args__ = (Index("ix_chain_txs_status", "status"),
                      Index("ix_chain_txs_sender_nonce", "chain_id", "sender", "nonce"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chain_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    sender: Mapped[str] = mapped_column(String(42))
    recipient: Mapped[str] = mapped_column(String(42))  # who receives the MLK
    amount: Mapped[int] = mapped_column(BigAmount)  # MLK minor units (0 for a cancel)
    nonce: Mapped[int] = mapped_column(Integer)
    gas_limit: Mapped[int] = mapped_column(Integer)
    max_fee_per_gas: Mapped[int] = mapped_column(BigAmount)
    max_priority_fee_per_gas: Mapped[int] = mapped_column(BigAmount)
    raw_tx: Mapped[str] = mapped_column(Text)
    tx_hash: Mapped[str] = mapped_column(String(66), unique=True)
    status: Mapped[str] = mapped_column(String(16))
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("chain_txs.id"), nullable=True)
    created_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))
    # The block that settled it: its own block, or for `replaced` the head when its nonce was
    # first seen used. Depth below the head decides when the outcome is final.
    block_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    gas_used: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ledger_key: Mapped[str | None] = mapped_column(String(160), nullable=True)
    krw_estimate: Mapped[str | None] = mapped_column(String(40), nullable=True)
    note: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Why it is in its state, e.g. "not seen by the node — re-broadcasting" (the tracker's).
    status_note: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # The ledger has booked this withdrawal's or deposit's outcome (set in the same database
    # transaction as the entry), so settling looks only at families not yet booked.
    booked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class AddressBookEntry(Base):
    __tablename__ = "address_book"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(80))
    address: Mapped[str] = mapped_column(String(42), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # own | exchange | other
    exchange: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # The network an exchange deposit address belongs to (MLK lives on several chains; a
    # deposit on the wrong one is usually lost).
    chain_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    network: Mapped[str | None] = mapped_column(String(60), nullable=True)
    created_at: Mapped[str] = mapped_column(String(32))
    last_used_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
