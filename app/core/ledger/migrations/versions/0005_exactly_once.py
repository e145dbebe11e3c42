"""Quotes used once, user keys in their own namespace, crash-safe demo set-up (issue 10).

- `quote_uses`: one row per executed quote (its primary key makes a second execution under
  another idempotency key impossible), written in the conversion's own transaction; insert-only.
- `settings['idempotency.legacy_until']`: the head sequence when this ran on an existing
  ledger. User keys were stored bare before; conversions up to that entry are still found by
  their bare key, so a retry across the upgrade is not booked twice.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quote_uses",
        sa.Column("quote_id", sa.String(40), primary_key=True),
        sa.Column("seq", sa.Integer, sa.ForeignKey("journal_entries.seq"), nullable=False),
    )
    _insert_only("quote_uses")
    op.execute("INSERT INTO settings (key, value) SELECT 'idempotency.legacy_until', "
               "CAST(seq AS TEXT) FROM chain_head WHERE id = 1 AND seq > 0")


def _insert_only(table: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION milk_{table}_insert_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'the MiL.k {table} table is insert-only (%)', TG_OP;
            END $$ LANGUAGE plpgsql""")
        op.execute(f"CREATE TRIGGER {table}_insert_only BEFORE UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION milk_{table}_insert_only()")
        return
    for action in ("UPDATE", "DELETE"):
        op.execute(f"""
            CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table}
            BEGIN SELECT RAISE(ABORT, 'the MiL.k {table} table is insert-only'); END""")


def downgrade() -> None:
    raise RuntimeError("the ledger is append-only; there is no downgrade")
