"""Tables of the local ledger (the "side chain") and the app's own records.

The journal (`journal_entries` + `postings`) is the truth and is append-only (database
triggers refuse UPDATE and DELETE). `balances`, `lots.remaining` and `chain_head` are
projections kept in the same transaction as each entry; since format 2 each posting carries
the account's running balance and the lot's remaining points inside the hashed bytes, so a
projection can be checked against the hash-covered journal with one indexed read (triggers
refuse any other value, the append guard re-checks it, `verify` re-derives it).
"""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class BigAmount(TypeDecorator):
    """An exact signed integer of up to 78 digits (uint256 and beyond).

    PostgreSQL stores NUMERIC(78,0). SQLite has no exact type that wide (it would fall back
    to a lossy REAL), so there it is decimal text. Python always sees `int`."""

    impl = String(80)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(Numeric(78, 0))
        return dialect.type_descriptor(String(80))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"amounts are int minor units, got {type(value).__name__}")
        return Decimal(value) if dialect.name == "postgresql" else str(value)

    def process_result_value(self, value, dialect):
        return None if value is None else int(value)


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("owner", "asset", name="uq_accounts_owner_asset"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(64))  # user:local, tica:pool, issuer:YANOLJA...
    asset: Mapped[str] = mapped_column(String(32))  # MLK or a partner code
    allow_negative: Mapped[bool] = mapped_column(Boolean)  # issuers and the bridge only


class Balance(Base):
    __tablename__ = "balances"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    amount: Mapped[int] = mapped_column(BigAmount)


class ChainHead(Base):
    """One row. Every writer locks it first, which serializes appends across processes."""

    __tablename__ = "chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class JournalEntry(Base):
    __tablename__ = "journal_entries"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    idem_key: Mapped[str] = mapped_column(String(160), unique=True)
    params_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(32), index=True)  # canonical ISO text
    memo: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    format: Mapped[int] = mapped_column(Integer, default=1)  # canonical bytes version


class Posting(Base):
    __tablename__ = "postings"
    __table_args__ = (
        UniqueConstraint("seq", "idx", name="uq_postings_seq_idx"),
        Index("ix_postings_account_seq", "account_id", "seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(ForeignKey("journal_entries.seq"))
    idx: Mapped[int] = mapped_column(Integer)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    amount: Mapped[int] = mapped_column(BigAmount)
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("lots.id"), nullable=True, index=True)
    # Format 2 (hashed): the account's balance and the lot's remaining points after this
    # posting. NULL on format-1 postings.
    balance_after: Mapped[int | None] = mapped_column(BigAmount, nullable=True)
    lot_after: Mapped[int | None] = mapped_column(BigAmount, nullable=True)


class Lot(Base):
    """A batch of one partner's points held by a user, with its expiry date (KST)."""

    __tablename__ = "lots"
    __table_args__ = (
        Index("ix_lots_owner_partner_expiry", "owner", "partner", "expires_on"),
        UniqueConstraint("owner", "partner", "source_ref", name="uq_lots_source"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(64))
    partner: Mapped[str] = mapped_column(String(32))
    expires_on: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD
    source_ref: Mapped[str | None] = mapped_column(String(80), nullable=True)  # partner lot id
    created_seq: Mapped[int] = mapped_column(Integer)
    remaining: Mapped[int] = mapped_column(BigAmount)


class Link(Base):
    """A partner membership linked to a user of this app."""

    __tablename__ = "links"
    __table_args__ = (UniqueConstraint("owner", "partner", name="uq_links_owner_partner"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(64))
    partner: Mapped[str] = mapped_column(String(32))
    member_id: Mapped[str] = mapped_column(String(80))
    linked_at: Mapped[str] = mapped_column(String(32))
    last_sync_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    last_sync_status: Mapped[str | None] = mapped_column(String(200), nullable=True)


class PriceRecord(Base):
    """Every MLK price the app used or was given, with its time (for freshness and charts)."""

    __tablename__ = "prices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(16))  # static | upbit
    krw_per_mlk: Mapped[str] = mapped_column(String(40))  # Decimal text
    as_of: Mapped[str] = mapped_column(String(32), index=True)
    recorded_at: Mapped[str] = mapped_column(String(32))
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)  # as-of given explicitly


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class QuoteRecord(Base):
    """Quotes handed out, so a later `convert --quote ID` can hold TICA to them."""

    __tablename__ = "quotes"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    body: Mapped[str] = mapped_column(Text)  # JSON
    created_at: Mapped[str] = mapped_column(String(32))
    expires_at: Mapped[str] = mapped_column(String(32))
