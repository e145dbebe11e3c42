"""Alembic environment: migrations run on the connection the app hands over (never a URL
from a config file), so they apply to exactly the database the app opened."""
from alembic import context

from app.core.chain import records as _chain_records  # noqa: F401  (registers tables)
from app.core.ledger.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through app.core.ledger.database.Database.migrate()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
