"""Partner operations through a durable outbox (issue 11).

`partner_ops`: one row per operation a conversion asks a partner for (a redeem or an issue),
written in the same database transaction as the ledger entry that holds what is in flight
(`hold_seq`). The row is the work queue; what the operation is (partner, member, kind,
points) is read from the hold entry, which the hash chain covers, and the row must agree with
it. `state` goes waiting (a swap's issue, until its redeem is applied) -> open (asked, or
about to be asked) -> done, with `outcome` applied or voided and `done_seq` the entry that
booked it. Rows change (state, attempts, the last error), so they are not insert-only; the
booking entries' keys make every outcome happen once whatever a row says.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner_ops",
        sa.Column("key", sa.String(128), primary_key=True),
        sa.Column("conversion", sa.String(40), nullable=False),
        sa.Column("leg", sa.Integer, nullable=False),
        sa.Column("partner", sa.String(32), nullable=False),
        sa.Column("member_id", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("points", sa.BigInteger, nullable=False),
        sa.Column("hold_seq", sa.Integer, sa.ForeignKey("journal_entries.seq"),
                  nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("outcome", sa.String(8), nullable=True),
        sa.Column("done_seq", sa.Integer, sa.ForeignKey("journal_entries.seq"),
                  nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.String(300), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.CheckConstraint("kind IN ('redeem', 'issue')", name="ck_partner_ops_kind"),
        sa.CheckConstraint("state IN ('waiting', 'open', 'done')", name="ck_partner_ops_state"),
        sa.CheckConstraint("points > 0", name="ck_partner_ops_points"),
    )
    op.create_index("ix_partner_ops_conversion", "partner_ops", ["conversion", "leg"],
                    unique=True)
    op.create_index("ix_partner_ops_state", "partner_ops", ["state", "partner"])


def downgrade() -> None:
    raise RuntimeError("the ledger is append-only; there is no downgrade")
