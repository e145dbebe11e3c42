"""On-chain side: signed transactions (raw bytes kept before broadcast) and the address book.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

from app.core.ledger.schema import BigAmount

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chain_txs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("chain_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("sender", sa.String(42), nullable=False),
        sa.Column("recipient", sa.String(42), nullable=False),
        sa.Column("amount", BigAmount, nullable=False),
        sa.Column("nonce", sa.Integer, nullable=False),
        sa.Column("gas_limit", sa.Integer, nullable=False),
        sa.Column("max_fee_per_gas", BigAmount, nullable=False),
        sa.Column("max_priority_fee_per_gas", BigAmount, nullable=False),
        sa.Column("raw_tx", sa.Text, nullable=False),
        sa.Column("tx_hash", sa.String(66), nullable=False, unique=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("replaces_id", sa.Integer, sa.ForeignKey("chain_txs.id"), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("block_number", sa.Integer, nullable=True),
        sa.Column("gas_used", sa.Integer, nullable=True),
        sa.Column("ledger_key", sa.String(160), nullable=True),
        sa.Column("krw_estimate", sa.String(40), nullable=True),
        sa.Column("note", sa.String(200), nullable=True),
    )
    op.create_index("ix_chain_txs_status", "chain_txs", ["status"])
    op.create_index("ix_chain_txs_sender_nonce", "chain_txs", ["chain_id", "sender", "nonce"])
    op.create_table(
        "address_book",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label", sa.String(80), nullable=False),
        sa.Column("address", sa.String(42), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("exchange", sa.String(40), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("last_used_at", sa.String(32), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("address_book")
    op.drop_table("chain_txs")
