"""Exchange deposit entries bound to a network; transaction states that follow the nonce (issue 9).

- address_book gets `chain_id` and `network`: an exchange entry records the chain it belongs
  to. Entries saved before are bound to the network the profile uses now (the one they were
  saved under, unless the user switched networks since).
- chain_txs.chain_id becomes a 64-bit integer (the demo chain's id does not fit 32 bits on
  PostgreSQL).
- chain_txs.status_note says why a transaction is in its state (`note` stays its purpose).
- chain_txs.booked marks the withdrawals and deposits whose outcome the ledger has booked.
- `dropped` was final too early (its signed bytes could still be mined): such rows are
  pending again, and the tracker re-sends them until their nonce is used.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DEMO_CHAIN_ID = 131277322940537  # app.core.chain.network.DEMO_CHAIN_ID, frozen here


def upgrade() -> None:
    with op.batch_alter_table("address_book") as batch:
        batch.add_column(sa.Column("chain_id", sa.BigInteger, nullable=True))
        batch.add_column(sa.Column("network", sa.String(60), nullable=True))
    with op.batch_alter_table("chain_txs") as batch:
        batch.add_column(sa.Column("booked", sa.Boolean, nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("status_note", sa.String(200), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("chain_txs", "chain_id", type_=sa.BigInteger)
    bind = op.get_bind()
    settings = dict(bind.execute(sa.text(
        "SELECT key, value FROM settings WHERE key IN "
        "('network.kind', 'network.chain_id')")).all())
    kind = settings.get("network.kind") or "demo"
    chain_id = DEMO_CHAIN_ID if kind == "demo" else (
        int(settings["network.chain_id"]) if settings.get("network.chain_id") else None)
    if chain_id is not None:  # the name is left to the app (network_name of the id)
        bind.execute(sa.text("UPDATE address_book SET chain_id = :c WHERE kind = 'exchange'"),
                     {"c": chain_id})
    bind.execute(sa.text("UPDATE chain_txs SET status = 'pending', status_note = :note "
                         "WHERE status = 'dropped'"),
                 {"note": "not seen by the node — re-broadcasting"})


def downgrade() -> None:
    raise RuntimeError("the ledger is append-only; there is no downgrade")
