"""Guarded projections, running balances and signed checkpoints of the ledger head (issue 10).

Adds the format-2 columns (an entry's canonical format; each posting's running balance and
lot remainder, covered by the entry's hash) and triggers on every ledger table, so that the
only writes the database accepts are the ones the append path makes:
- journal_entries / postings: inserted only as the entry after the chain head (UPDATE and
  DELETE were already refused by 0001);
- balances: a balance must equal its account's last hashed running balance;
- lots: created empty by the entry being appended; `remaining` must equal the lot's last
  hashed remainder; nothing else ever changes;
- chain_head: must point at the last entry; accounts: never changed or deleted, and only
  issuers and the bridge may go negative.
Entries written before keep verifying under format 1. Nothing existing is rewritten.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

from app.core.ledger.schema import BigAmount

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

REFUSED = "MiL.k ledger guard"  # the app recognises its own triggers' refusals by this

# (name, event, table, WHEN condition, message) — SQLite spelling.
SQLITE_GUARDS = [
    ("accounts_no_update", "UPDATE", "accounts", None, "accounts never change"),
    ("accounts_no_delete", "DELETE", "accounts", None, "accounts are never deleted"),
    ("accounts_guard_insert", "INSERT", "accounts",
     "NEW.allow_negative IS NOT (NEW.owner = 'bridge' OR NEW.owner GLOB 'issuer:*')",
     "only issuers and the bridge may go negative"),
    ("balances_guard_insert", "INSERT", "balances",
     "NEW.amount IS NOT (SELECT p.balance_after FROM postings p WHERE p.account_id = "
     "NEW.account_id ORDER BY p.seq DESC, p.id DESC LIMIT 1)",
     "a balance must equal its last hashed running balance"),
    ("balances_guard_update", "UPDATE", "balances",
     "NEW.account_id IS NOT OLD.account_id OR NEW.amount IS NOT (SELECT p.balance_after FROM "
     "postings p WHERE p.account_id = NEW.account_id ORDER BY p.seq DESC, p.id DESC LIMIT 1)",
     "a balance must equal its last hashed running balance"),
    ("balances_no_delete", "DELETE", "balances", None, "balances are never deleted"),
    ("lots_guard_insert", "INSERT", "lots",
     "NEW.remaining IS NOT '0' OR NEW.created_seq IS NOT "
     "(SELECT seq + 1 FROM chain_head WHERE id = 1)",
     "a lot is created empty by the entry being appended"),
    ("lots_guard_update", "UPDATE", "lots",
     "NEW.id IS NOT OLD.id OR NEW.owner IS NOT OLD.owner OR NEW.partner IS NOT OLD.partner "
     "OR NEW.expires_on IS NOT OLD.expires_on OR NEW.source_ref IS NOT OLD.source_ref "
     "OR NEW.created_seq IS NOT OLD.created_seq OR NEW.remaining IS NOT (SELECT p.lot_after "
     "FROM postings p WHERE p.lot_id = NEW.id ORDER BY p.id DESC LIMIT 1)",
     "a lot's points must equal its last hashed remainder"),
    ("lots_no_delete", "DELETE", "lots", None, "lots are never deleted"),
    ("chain_head_guard_update", "UPDATE", "chain_head",
     "NEW.id IS NOT 1 OR NEW.seq IS NOT (SELECT MAX(seq) FROM journal_entries) "
     "OR NEW.hash IS NOT (SELECT hash FROM journal_entries WHERE seq = NEW.seq)",
     "the chain head must point at the last entry"),
    ("chain_head_no_insert", "INSERT", "chain_head", None, "there is one chain head"),
    ("chain_head_no_delete", "DELETE", "chain_head", None, "there is one chain head"),
    ("journal_entries_guard_insert", "INSERT", "journal_entries",
     "NEW.seq IS NOT (SELECT seq + 1 FROM chain_head WHERE id = 1) "
     "OR NEW.prev_hash IS NOT (SELECT hash FROM chain_head WHERE id = 1) "
     "OR NEW.format < (SELECT format FROM journal_entries WHERE seq = NEW.seq - 1)",
     "entries are appended after the chain head"),
    ("postings_guard_insert", "INSERT", "postings",
     "NEW.seq IS NOT (SELECT seq + 1 FROM chain_head WHERE id = 1) OR (NEW.balance_after IS "
     "NULL AND (SELECT format FROM journal_entries WHERE seq = NEW.seq) >= 2)",
     "postings belong to the entry being appended"),
]

POSTGRES_GUARDS = """
CREATE FUNCTION milk_guard_accounts() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'MiL.k ledger guard: accounts never change (% on accounts)', TG_OP;
    END IF;
    IF NEW.allow_negative IS DISTINCT FROM (NEW.owner = 'bridge' OR NEW.owner LIKE 'issuer:%')
    THEN
        RAISE EXCEPTION 'MiL.k ledger guard: only issuers and the bridge may go negative';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION milk_guard_balances() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.account_id <> OLD.account_id) THEN
        RAISE EXCEPTION 'MiL.k ledger guard: balances are never deleted or moved';
    END IF;
    IF NEW.amount IS DISTINCT FROM (SELECT p.balance_after FROM postings p
            WHERE p.account_id = NEW.account_id ORDER BY p.seq DESC, p.idx DESC LIMIT 1) THEN
        RAISE EXCEPTION 'MiL.k ledger guard: a balance must equal its last hashed running '
                        'balance (account %)', NEW.account_id;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION milk_guard_lots() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'MiL.k ledger guard: lots are never deleted';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.remaining <> 0
                OR NEW.created_seq IS DISTINCT FROM (SELECT seq + 1 FROM chain_head WHERE id = 1)
        THEN
            RAISE EXCEPTION 'MiL.k ledger guard: a lot is created empty by the entry being '
                            'appended';
        END IF;
        RETURN NEW;
    END IF;
    IF (NEW.id, NEW.owner, NEW.partner, NEW.expires_on, NEW.created_seq)
            IS DISTINCT FROM (OLD.id, OLD.owner, OLD.partner, OLD.expires_on, OLD.created_seq)
            OR NEW.source_ref IS DISTINCT FROM OLD.source_ref
            OR NEW.remaining IS DISTINCT FROM (SELECT p.lot_after FROM postings p
                WHERE p.lot_id = NEW.id ORDER BY p.id DESC LIMIT 1) THEN
        RAISE EXCEPTION 'MiL.k ledger guard: a lot''s points must equal its last hashed '
                        'remainder (lot %)', NEW.id;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION milk_guard_chain_head() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.id <> 1
            OR NEW.seq IS DISTINCT FROM (SELECT MAX(seq) FROM journal_entries)
            OR NEW.hash IS DISTINCT FROM (SELECT hash FROM journal_entries WHERE seq = NEW.seq)
    THEN
        RAISE EXCEPTION 'MiL.k ledger guard: the chain head must point at the last entry';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION milk_guard_entry_insert() RETURNS trigger AS $$
BEGIN
    IF NEW.seq IS DISTINCT FROM (SELECT seq + 1 FROM chain_head WHERE id = 1)
            OR NEW.prev_hash IS DISTINCT FROM (SELECT hash FROM chain_head WHERE id = 1)
            OR NEW.format < (SELECT format FROM journal_entries WHERE seq = NEW.seq - 1) THEN
        RAISE EXCEPTION 'MiL.k ledger guard: entries are appended after the chain head';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE FUNCTION milk_guard_posting_insert() RETURNS trigger AS $$
BEGIN
    IF NEW.seq IS DISTINCT FROM (SELECT seq + 1 FROM chain_head WHERE id = 1)
            OR (NEW.balance_after IS NULL
                AND (SELECT format FROM journal_entries WHERE seq = NEW.seq) >= 2) THEN
        RAISE EXCEPTION 'MiL.k ledger guard: postings belong to the entry being appended';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER accounts_guard BEFORE INSERT OR UPDATE OR DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION milk_guard_accounts();
CREATE TRIGGER balances_guard BEFORE INSERT OR UPDATE OR DELETE ON balances
    FOR EACH ROW EXECUTE FUNCTION milk_guard_balances();
CREATE TRIGGER lots_guard BEFORE INSERT OR UPDATE OR DELETE ON lots
    FOR EACH ROW EXECUTE FUNCTION milk_guard_lots();
CREATE TRIGGER chain_head_guard BEFORE INSERT OR UPDATE OR DELETE ON chain_head
    FOR EACH ROW EXECUTE FUNCTION milk_guard_chain_head();
CREATE TRIGGER journal_entries_guard_insert BEFORE INSERT ON journal_entries
    FOR EACH ROW EXECUTE FUNCTION milk_guard_entry_insert();
CREATE TRIGGER postings_guard_insert BEFORE INSERT ON postings
    FOR EACH ROW EXECUTE FUNCTION milk_guard_posting_insert();
"""


def upgrade() -> None:
    op.add_column("journal_entries",
                  sa.Column("format", sa.Integer, nullable=False, server_default="1"))
    op.add_column("postings", sa.Column("balance_after", BigAmount, nullable=True))
    op.add_column("postings", sa.Column("lot_after", BigAmount, nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_GUARDS)
        return
    for name, event, table, when, message in SQLITE_GUARDS:
        condition = f" WHEN {when}" if when else ""
        quoted = f"{REFUSED}: {message}".replace("'", "''")
        op.execute(f"CREATE TRIGGER {name} BEFORE {event} ON {table}{condition} "
                   f"BEGIN SELECT RAISE(ABORT, '{quoted}'); END")


def downgrade() -> None:
    raise RuntimeError("the ledger is append-only; there is no downgrade")
