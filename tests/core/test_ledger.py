"""The journal itself, on SQLite and on a real PostgreSQL: balance, chain, tampering, schema."""
from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from app.core.errors import ExternalError, RuleError
from app.core.ledger import Database, Journal, Line, NewLot, verify
from app.core.ledger import accounts as acct
from app.core.ledger.canonical import GENESIS_HASH, entry_bytes
from app.core.ledger.database import known_revisions

NOW = datetime(2026, 11, 23, tzinfo=UTC)
ME = acct.user()


@pytest.fixture
def db(db_url):
    database = Database(db_url)
    database.migrate()
    yield database
    database.dispose()


def seed(db, n=3):
    """n entries: an import of points, and transfers between the user and the pool."""
    with db.write() as s:
        j = Journal(s)
        j.append("sync", "k0", "p", [Line(acct.issuer("YANOLJA"), "YANOLJA", -10_000),
                                     Line(ME, "YANOLJA", 10_000, NewLot(date(2027, 1, 1), "L1"))],
                 {"note": "import"}, NOW)
        j.append("genesis", "k1", "p", [Line(acct.BRIDGE, "MLK", -10**30),
                                        Line(acct.POOL, "MLK", 10**30)], {}, NOW)
    for i in range(2, n):
        with db.write() as s:
            j = Journal(s)
            lot = s.execute(text("SELECT id FROM lots")).scalar()
            j.append("sell", f"k{i}", "p", [Line(ME, "YANOLJA", -100, lot),
                                            Line(acct.POOL, "YANOLJA", 100),
                                            Line(acct.POOL, "MLK", -5 * 10**17),
                                            Line(ME, "MLK", 5 * 10**17)], {"i": i}, NOW)


def test_entries_chain_by_sha256_of_previous_hash_and_canonical_bytes(db):
    seed(db, 4)
    with db.read() as s:
        rows = s.execute(text("SELECT seq, kind, idem_key, params_hash, created_at, memo, "
                              "prev_hash, hash FROM journal_entries ORDER BY seq")).all()
        postings = s.execute(text(
            "SELECT p.seq, a.owner, a.asset, p.amount, p.lot_id FROM postings p "
            "JOIN accounts a ON a.id = p.account_id ORDER BY p.seq, p.idx")).all()
    prev = GENESIS_HASH
    for seq, kind, key, params, at, memo, prev_hash, digest in rows:
        lines = [(o, a, int(x), lot) for q, o, a, x, lot in postings if q == seq]
        expected = hashlib.sha256(bytes.fromhex(prev) + entry_bytes(
            seq, kind, key, params, at, memo, lines)).hexdigest()
        assert (prev_hash, digest) == (prev, expected)
        prev = digest
    assert [r[0] for r in rows] == [1, 2, 3, 4]


def test_amounts_beyond_64_bits_are_exact(db):
    seed(db, 2)
    with db.read() as s:
        assert Journal(s).balance(acct.POOL, "MLK") == 10**30


def test_an_unbalanced_entry_writes_nothing(db):
    seed(db, 2)
    with pytest.raises(ValueError), db.write() as s:
        Journal(s).append("x", "bad", "p", [Line(ME, "MLK", 5), Line(acct.POOL, "MLK", -4)],
                          {}, NOW)
    assert verify_ok(db).head_seq == 2


def test_no_user_balance_goes_negative(db):
    seed(db, 2)
    with pytest.raises(RuleError) as e, db.write() as s:
        Journal(s).append("x", "neg", "p", [Line(ME, "MLK", -1), Line(acct.POOL, "MLK", 1)],
                          {}, NOW)
    assert e.value.code == "insufficient_balance"
    assert verify_ok(db).head_seq == 2


def test_issuers_and_the_bridge_may_go_negative(db):
    seed(db, 2)
    with db.read() as s:
        assert Journal(s).balance(acct.BRIDGE, "MLK") == -10**30


def test_idempotency_key_is_unique_per_request(db):
    seed(db, 2)
    with db.read() as s:
        assert Journal(s).replay("k1", "p").seq == 2
        with pytest.raises(Exception) as e:
            Journal(s).replay("k1", "other-params")
    assert e.value.code == "idempotency_conflict"


def test_the_database_refuses_updates_and_deletes(db):
    seed(db, 3)
    for sql in ("UPDATE postings SET amount = amount WHERE seq = 3",
                "DELETE FROM journal_entries WHERE seq = 3",
                "UPDATE journal_entries SET memo = '{}' WHERE seq = 3"):
        with pytest.raises(Exception) as e, db.engine.begin() as c:
            c.execute(text(sql))
        assert "append-only" in str(e.value)
    assert verify_ok(db).entries == 3


def drop_guards(db):
    """What an attacker with write access to the database file or server would do first."""
    with db.engine.begin() as c:
        if db.dialect == "postgresql":
            for table in ("journal_entries", "postings"):
                c.execute(text(f"DROP TRIGGER {table}_append_only ON {table}"))
        else:
            for table in ("journal_entries", "postings"):
                for action in ("update", "delete"):
                    c.execute(text(f"DROP TRIGGER {table}_no_{action}"))


def amount_sql(db, value: int) -> str:
    return str(value) if db.dialect == "postgresql" else f"'{value}'"


@pytest.mark.parametrize("tamper, bad_seq", [
    ("UPDATE postings SET amount = {amt} WHERE seq = 3 AND idx = 3", 3),
    ("UPDATE journal_entries SET memo = '[99]' WHERE seq = 4", 4),
    ("UPDATE journal_entries SET created_at = '2020-01-01T00:00:00.000000Z' WHERE seq = 2", 2),
])
def test_edits_are_detected_and_named(db, tamper, bad_seq):
    seed(db, 5)
    drop_guards(db)
    with db.engine.begin() as c:
        c.execute(text(tamper.format(amt=amount_sql(db, 6 * 10**17))))
    report = verify_once(db)
    assert not report.ok and report.first_bad_seq == bad_seq


def test_a_deleted_entry_breaks_the_chain_where_it_was(db):
    seed(db, 5)
    drop_guards(db)
    with db.engine.begin() as c:
        c.execute(text("DELETE FROM postings WHERE seq = 3"))
        c.execute(text("DELETE FROM journal_entries WHERE seq = 3"))
    report = verify_once(db)
    assert not report.ok and report.first_bad_seq == 4  # the next entry no longer links
    assert any("missing" in p.what for p in report.problems)


def test_an_edited_balance_is_reported(db):
    seed(db, 3)
    with db.engine.begin() as c:
        c.execute(text("UPDATE balances SET amount = " + amount_sql(db, 10**6) +
                       " WHERE account_id = (SELECT id FROM accounts WHERE owner = 'user:local'"
                       " AND asset = 'MLK')"))
    report = verify_once(db)
    assert not report.ok and report.first_bad_seq is None
    assert any("user:local MLK" in p.what for p in report.problems)


def test_a_newer_schema_is_refused(db):
    with db.engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(ExternalError) as e:
        db.migrate()
    assert e.value.code == "schema_too_new" and e.value.exit_code == 4


def test_known_revisions_match_alembic():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from app.core.ledger.database import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)
    assert script.get_heads() == [known_revisions()[-1]]
    assert sorted(r.revision for r in script.walk_revisions()) == known_revisions()


def verify_ok(db):
    report = verify_once(db)
    assert report.ok, report.problems
    return report


def verify_once(db):
    with db.read() as s:
        return verify(s)


def test_memo_is_stored_canonically(db):
    seed(db, 3)
    with db.read() as s:
        memo = s.execute(text("SELECT memo FROM journal_entries WHERE seq = 3")).scalar()
    assert memo == json.dumps({"i": 2}, separators=(",", ":"))
