"""Tables for the on-chain side: every transaction the app signs, and the address book.

A transaction is stored, raw bytes included, *before* it is broadcast, so a crash between
signing and sending can always be recovered by re-sending the very same bytes (same nonce,
same hash: it can never be sent twice).
"""
from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.ledger.schema import Base, BigAmount

# Transaction states. `signed`: stored, maybe not yet broadcast; `pending`: the node has it;
# `confirmed`: receipt status 1 and the matching Transfer log; `failed`: mined but reverted or
# without the Transfer log; `dropped`: the node forgot it and its nonce is still free;
# `replaced`: another transaction with the same nonce was mined (speed-up, cancel).
SIGNED, PENDING, CONFIRMED, FAILED, DROPPED, REPLACED = (
    "signed", "pending", "confirmed", "failed", "dropped", "replaced")
OPEN_STATES = (SIGNED, PENDING)
TX_KINDS = ("send", "withdraw", "deposit", "cancel", "gas")


class ChainTx(Base):
    __tablename__ = "chain_txs"
    __table_args__ = (Index("ix_chain_txs_status", "status"),
                      Index("ix_chain_txs_sender_nonce", "chain_id", "sender", "nonce"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chain_id: Mapped[int] = mapped_column(Integer)
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
    block_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    gas_used: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ledger_key: Mapped[str | None] = mapped_column(String(160), nullable=True)
    krw_estimate: Mapped[str | None] = mapped_column(String(40), nullable=True)
    note: Mapped[str | None] = mapped_column(String(200), nullable=True)


class AddressBookEntry(Base):
    __tablename__ = "address_book"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(80))
    address: Mapped[str] = mapped_column(String(42), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # own | exchange | other
    exchange: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_at: Mapped[str] = mapped_column(String(32))
    last_used_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
