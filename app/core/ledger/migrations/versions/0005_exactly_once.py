"""Quotes used once, user keys in their own namespace, crash-safe demo set-up (issue 10).

Revision ID: 0005
Revises: 0004
"""

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    raise RuntimeError("the ledger is append-only; there is no downgrade")
