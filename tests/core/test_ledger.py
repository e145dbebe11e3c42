"""The journal itself, on SQLite and on a real PostgreSQL: balance, chain, tampering, schema."""
from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from app.core.errors import ExternalError, RuleError
from app.core.ledger import Database, Journal, Line, NewLot
from app.core.ledger import accounts as acct
from app.core.ledger.canonical import GENESIS_HASH
from app.core.ledger.database import known_revisions
from app.core.ledger.verify import verify

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
    """Format 2 hashes each posting's running balance, the lot's remainder after it and the
    terms of a lot it creates, besides owner, asset, amount and lot."""
    seed(db, 4)
    with db.read() as s:
        rows = s.execute(text("SELECT seq, kind, idem_key, params_hash, created_at, memo, "
                              "prev_hash, hash, format FROM journal_entries ORDER BY seq")).all()
        postings = s.execute(text(
            "SELECT p.seq, a.owner, a.asset, p.amount, p.lot_id, p.balance_after, p.lot_after, "
            "l.created_seq, l.expires_on, l.source_ref FROM postings p "
            "JOIN accounts a ON a.id = p.account_id LEFT JOIN lots l ON l.id = p.lot_id "
            "ORDER BY p.seq, p.idx")).all()
    prev, running = GENESIS_HASH, {}
    for seq, kind, key, params, at, memo, prev_hash, digest, fmt in rows:
        assert fmt == 2
        doc = []
        for q, owner, asset, x, lot, after, lot_after, created, expires, ref in postings:
            if q != seq:
                continue
            running[(owner, asset)] = running.get((owner, asset), 0) + int(x)
            assert int(after) == running[(owner, asset)]
            doc.append([owner, asset, str(int(x)), lot, str(int(after)),
                        None if lot_after is None else str(int(lot_after)),
                        [expires, ref] if created == seq else None])
        body = json.dumps({"v": 2, "seq": seq, "kind": kind, "key": key, "params": params,
                           "at": at, "memo": memo, "postings": doc}, sort_keys=True,
                          separators=(",", ":"), ensure_ascii=False).encode()
        expected = hashlib.sha256(bytes.fromhex(prev) + body).hexdigest()
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
            rows = c.execute(text("SELECT tgname, tgrelid::regclass::text FROM pg_trigger "
                                  "WHERE NOT tgisinternal")).all()
            for name, table in rows:
                c.execute(text(f"DROP TRIGGER {name} ON {table}"))
        else:
            for (name,) in c.execute(text("SELECT name FROM sqlite_master "
                                          "WHERE type = 'trigger'")).all():
                c.execute(text(f"DROP TRIGGER {name}"))


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


GUARDED = [  # (statement, what it tries) — every ledger table, outside the append path
    ("UPDATE balances SET amount = {big} WHERE account_id = {user_mlk}", "inflate a balance"),
    ("DELETE FROM balances WHERE account_id = {user_mlk}", "drop a balance"),
    ("INSERT INTO balances (account_id, amount) VALUES (9999, {big})", "invent a balance"),
    ("UPDATE lots SET remaining = {big}", "inflate a lot"),
    ("UPDATE lots SET expires_on = '2099-01-01'", "extend a lot"),
    ("DELETE FROM lots", "drop a lot"),
    ("INSERT INTO lots (owner, partner, expires_on, created_seq, remaining) "
     "VALUES ('user:local', 'YANOLJA', '2099-01-01', 1, {big})", "invent a lot"),
    ("UPDATE chain_head SET seq = 1", "move the head back"),
    ("DELETE FROM chain_head", "drop the head"),
    ("UPDATE accounts SET allow_negative = {true} WHERE owner = 'user:local'",
     "let the user go negative"),
    ("DELETE FROM accounts WHERE owner = 'user:local'", "drop an account"),
    ("INSERT INTO accounts (owner, asset, allow_negative) VALUES ('user:x', 'MLK', {true})",
     "open a negative user account"),
    ("INSERT INTO journal_entries (seq, kind, idem_key, params_hash, created_at, memo, "
     "prev_hash, hash, format) VALUES (99, 'x', 'x', 'p', 'now', '{{}}', 'p', 'h', 2)",
     "insert an entry out of sequence"),
    ("INSERT INTO postings (seq, idx, account_id, amount) VALUES (2, 9, {user_mlk}, {big})",
     "add a posting to an old entry"),
    ("UPDATE postings SET balance_after = {big} WHERE seq = 3",
     "rewrite a running balance"),
]


def test_every_ledger_table_refuses_changes_outside_the_append_path(db):
    seed(db, 3)
    with db.read() as s:
        user_mlk = s.execute(text("SELECT id FROM accounts WHERE owner = 'user:local' AND "
                                  "asset = 'MLK'")).scalar()
    for statement, attempt in GUARDED:
        sql = statement.format(big=amount_sql(db, 10**24), user_mlk=user_mlk,
                               true="true" if db.dialect == "postgresql" else "1")
        with pytest.raises(Exception) as e, db.engine.begin() as c:
            c.execute(text(sql))
        assert "MiL.k ledger guard" in str(e.value) or "append-only" in str(e.value), attempt
    assert verify_ok(db).entries == 3


def test_an_edited_balance_is_reported_and_refuses_writes_on_that_account(db):
    seed(db, 3)
    drop_guards(db)
    with db.engine.begin() as c:
        c.execute(text("UPDATE balances SET amount = " + amount_sql(db, 10**24) +
                       " WHERE account_id = (SELECT id FROM accounts WHERE owner = 'user:local'"
                       " AND asset = 'MLK')"))
    report = verify_once(db)
    assert not report.ok and report.first_bad_seq is None
    assert any("user:local MLK" in p.what for p in report.problems)
    with pytest.raises(ExternalError) as e, db.write() as s:  # spend the forged balance
        Journal(s).append("withdraw", "spend", "p", [Line(ME, "MLK", -10**23),
                                                     Line(acct.PENDING_WITHDRAWALS, "MLK", 10**23)],
                          {}, NOW)
    assert e.value.code == "ledger_tampered" and e.value.exit_code == 4
    assert "user:local MLK" in e.value.message
    assert verify_once(db).head_seq == 3  # nothing was written


@pytest.mark.parametrize("tamper, named", [
    ("UPDATE lots SET remaining = {big}", "lot 1"),
    ("UPDATE chain_head SET seq = 2, hash = (SELECT hash FROM journal_entries WHERE seq = 2)",
     "chain head"),
    # a running balance and its projection edited together, the entry left un-hashed
    ("UPDATE postings SET balance_after = {big} WHERE seq = 3 AND idx = 0; "
     "UPDATE balances SET amount = {big} WHERE account_id = (SELECT account_id FROM postings "
     "WHERE seq = 3 AND idx = 0)", "entry #3"),
])
def test_an_append_checks_what_it_builds_on_against_the_hashed_journal(db, tamper, named):
    seed(db, 3)
    drop_guards(db)
    with db.engine.begin() as c:
        for statement in tamper.format(big=amount_sql(db, 10**22)).split("; "):
            c.execute(text(statement))
    with pytest.raises(ExternalError) as e, db.write() as s:
        j = Journal(s)
        lot = s.execute(text("SELECT id FROM lots")).scalar()
        j.append("sell", "k-next", "p", [Line(ME, "YANOLJA", -100, lot),
                                         Line(acct.POOL, "YANOLJA", 100)], {}, NOW)
    assert e.value.code == "ledger_tampered" and named in e.value.message
    assert not verify_once(db).ok


def test_only_issuers_and_the_bridge_go_negative_whatever_the_account_row_says(db):
    seed(db, 3)
    drop_guards(db)
    with db.engine.begin() as c:
        c.execute(text("UPDATE accounts SET allow_negative = " +
                       ("true" if db.dialect == "postgresql" else "1") +
                       " WHERE owner = 'user:local'"))
    with pytest.raises(RuleError) as e, db.write() as s:
        Journal(s).append("x", "neg", "p", [Line(ME, "MLK", -10**19),
                                            Line(acct.POOL, "MLK", 10**19)], {}, NOW)
    assert e.value.code == "insufficient_balance"
    assert any("allowed to go negative" in p.what for p in verify_once(db).problems)


@pytest.mark.parametrize("column, value, says", [
    ("postings.amount", "'12abc'", "posting 1 holds a malformed amount"),
    ("postings.amount", "1.5", "posting 1 holds a malformed amount"),
    ("postings.balance_after", "'-'", "posting 1 holds a malformed amount"),
    ("journal_entries.memo", "x'00ff'", "holds a malformed value"),
    ("journal_entries.prev_hash", "'not hex'", "holds a malformed value"),
    ("journal_entries.format", "'two'", "format"),
])
def test_a_malformed_stored_value_is_named_by_its_sequence_number(tmp_path, column, value,
                                                                   says):
    """What a damaged or hand-edited SQLite file can hold where an amount or a hash should be:
    verify names the entry instead of crashing."""
    from app.core.ledger import sqlite_url

    database = Database(sqlite_url(tmp_path / "ledger.sqlite3"))
    database.migrate()
    seed(database, 3)
    drop_guards(database)
    table, name = column.split(".")
    where = "seq = 2 AND idx = 1" if table == "postings" else "seq = 2"
    with database.engine.begin() as c:
        c.execute(text(f"UPDATE {table} SET {name} = {value} WHERE {where}"))
    report = verify_once(database)
    assert any(p.seq == 2 and says in p.what for p in report.problems), report.problems
    database.dispose()


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


def test_an_operator_role_that_cannot_create_schemas_still_verifies(pg_url, tmp_path, clock):
    """verify builds the expected schema objects in a scratch schema; a role without that
    right gets every other check and a note saying which one it missed."""
    from sqlalchemy import create_engine

    from app.core.services import Services

    svc = Services.open(tmp_path / "admin", database_url=pg_url, clock=clock)
    svc.admin.init(demo=True)
    svc.close()
    admin = create_engine(pg_url)
    database = pg_url.rsplit("/", 1)[1]
    with admin.begin() as c:
        c.execute(text("DROP ROLE IF EXISTS milk_clerk"))
        c.execute(text("CREATE ROLE milk_clerk LOGIN"))
        c.execute(text(f"REVOKE CREATE ON DATABASE {database} FROM PUBLIC"))
        c.execute(text("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public "
                       "TO milk_clerk"))
        c.execute(text("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO milk_clerk"))
    admin.dispose()
    clerk = Services.open(tmp_path / "clerk", clock=clock,
                          database_url=pg_url.replace("//postgres@", "//milk_clerk@"))
    report = clerk.admin.verify()
    assert report.ok, report.problems
    assert any("not compared with the migrations" in n for n in report.notes)
    clerk.close()
