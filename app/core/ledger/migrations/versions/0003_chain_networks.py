"""Exchange deposit entries bound to a network; transaction states that follow the nonce (issue 9).

Revision ID: 0003
Revises: 0002
"""

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    raise RuntimeError("the ledger is append-only; there is no downgrade")
