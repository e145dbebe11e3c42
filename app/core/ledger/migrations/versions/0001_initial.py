"""Initial ledger: accounts, balances, chain head, journal, postings, lots, links, prices,
settings, quotes; append-only triggers on the journal.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

from app.core.ledger.schema import BigAmount

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

GENESIS_HASH = "0" * 64
JOURNAL_TABLES = ("journal_entries", "postings")


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("asset", sa.String(32), nullable=False),
        sa.Column("allow_negative", sa.Boolean, nullable=False),
        sa.UniqueConstraint("owner", "asset", name="uq_accounts_owner_asset"),
    )
    op.create_table(
        "balances",
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id"), primary_key=True),
        sa.Column("amount", BigAmount, nullable=False),
    )
    op.create_table(
        "chain_head",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "journal_entries",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("idem_key", sa.String(160), nullable=False, unique=True),
        sa.Column("params_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("memo", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
    )
    op.create_index("ix_journal_entries_kind", "journal_entries", ["kind"])
    op.create_index("ix_journal_entries_created_at", "journal_entries", ["created_at"])
    op.create_table(
        "lots",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("partner", sa.String(32), nullable=False),
        sa.Column("expires_on", sa.String(10), nullable=False),
        sa.Column("source_ref", sa.String(80), nullable=True),
        sa.Column("created_seq", sa.Integer, nullable=False),
        sa.Column("remaining", BigAmount, nullable=False),
        sa.UniqueConstraint("owner", "partner", "source_ref", name="uq_lots_source"),
    )
    op.create_index("ix_lots_owner_partner_expiry", "lots", ["owner", "partner", "expires_on"])
    op.create_table(
        "postings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.Integer, sa.ForeignKey("journal_entries.seq"), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("amount", BigAmount, nullable=False),
        sa.Column("lot_id", sa.Integer, sa.ForeignKey("lots.id"), nullable=True),
        sa.UniqueConstraint("seq", "idx", name="uq_postings_seq_idx"),
    )
    op.create_index("ix_postings_account_seq", "postings", ["account_id", "seq"])
    op.create_index("ix_postings_lot_id", "postings", ["lot_id"])
    op.create_table(
        "links",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("partner", sa.String(32), nullable=False),
        sa.Column("member_id", sa.String(80), nullable=False),
        sa.Column("linked_at", sa.String(32), nullable=False),
        sa.Column("last_sync_at", sa.String(32), nullable=True),
        sa.Column("last_sync_status", sa.String(200), nullable=True),
        sa.UniqueConstraint("owner", "partner", name="uq_links_owner_partner"),
    )
    op.create_table(
        "prices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("krw_per_mlk", sa.String(40), nullable=False),
        sa.Column("as_of", sa.String(32), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("pinned", sa.Boolean, nullable=False),
    )
    op.create_index("ix_prices_as_of", "prices", ["as_of"])
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "quotes",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("expires_at", sa.String(32), nullable=False),
    )
    op.execute(sa.text(f"INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '{GENESIS_HASH}')"))
    _append_only_triggers()


def _append_only_triggers() -> None:
    """Entries are never updated or deleted; corrections are new entries."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            CREATE FUNCTION milk_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'the MiL.k journal is append-only (% on %)', TG_OP, TG_TABLE_NAME;
            END $$ LANGUAGE plpgsql""")
        for table in JOURNAL_TABLES:
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION milk_append_only()")
        return
    for table in JOURNAL_TABLES:
        for action in ("UPDATE", "DELETE"):
            op.execute(f"""
                CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table}
                BEGIN SELECT RAISE(ABORT, 'the MiL.k journal is append-only'); END""")


def downgrade() -> None:
    raise RuntimeError("the ledger is append-only; there is no downgrade")
