"""How verify reads a SQLite ledger: straight from the driver's cursor, the running values
compared as it goes, `PRAGMA integrity_check` on a connection of its own beside the walk.
Each check still names what it finds, and nothing is left running or checked out."""
from __future__ import annotations

import sqlite3
import threading
from decimal import Decimal
from pathlib import Path

import pytest

from app.core.ledger import Database, sqlite_url
from app.core.ledger import integrity as integrity_module
from app.core.ledger.integrity import check_ledger
from app.core.ledger.verify import Problem, _int, verify
from tests.support.bulk_ledger import build
from tests.support.forge import _rehash, forging, settle


@pytest.fixture
def ledger(tmp_path) -> Path:
    return build(tmp_path / "ledger.sqlite3", 2000)


def walk(path: Path):
    db = Database(sqlite_url(path))
    try:
        with db.read() as s:
            return verify(s)
    finally:
        db.dispose()


def spoil_page(path: Path, page: int) -> None:
    """Give a b-tree page a type byte no page has: SQLite calls it malformed when it reads it."""
    with open(path, "r+b") as f:
        f.seek((page - 1) * 4096 + (100 if page == 1 else 0))
        f.write(b"\xff")


def pages_of(path: Path, name: str) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path",
            (name,))]
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table to find a page by")
    finally:
        conn.close()


def checkers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "ledger-integrity-check"]


def test_a_file_that_gives_out_part_way_is_named_where_the_walk_stopped(ledger):
    leaves = pages_of(ledger, "journal_entries")
    spoil_page(ledger, leaves[len(leaves) // 2])
    report = walk(ledger)
    assert 0 < report.head_seq < 2000 and report.entries == report.head_seq
    assert [(p.seq, p.what.split(":")[0]) for p in report.problems] == [
        (report.head_seq + 1, f"the database cannot be read past entry #{report.head_seq}")]
    assert "malformed" in report.problems[0].what


def test_an_index_the_walk_never_reads_is_checked_beside_it(ledger):
    """One key in an index changed in place (the page stays well-formed): the check lists
    the row the index lost, while the walk itself, which never reads that index, passes."""
    page = pages_of(ledger, "ix_journal_entries_kind")[0]
    with open(ledger, "r+b") as f:
        f.seek((page - 1) * 4096)
        at = f.read(4096).rindex(b"reward")
        f.seek((page - 1) * 4096 + at)
        f.write(b"rewarc")
    db = Database(sqlite_url(ledger))
    report = check_ledger(db)
    assert report.entries == 2000 and report.head_seq == 2000
    assert [p.what for p in report.problems] == [
        "the database file is damaged (SQLite: row 2 missing from index "
        "ix_journal_entries_kind)"]
    assert db.engine.pool.checkedout() == 0 and not checkers()
    db.dispose()


def test_a_check_that_fails_outright_is_reported_as_the_session_would(ledger):
    spoil_page(ledger, pages_of(ledger, "ix_journal_entries_kind")[0])
    db = Database(sqlite_url(ledger))
    report = check_ledger(db)
    assert report.entries == 2000
    assert [p.what for p in report.problems] == [
        "the database cannot be checked: database disk image is malformed"]
    assert db.engine.pool.checkedout() == 0 and not checkers()
    db.dispose()


def test_a_sound_file_passes_and_leaves_nothing_behind(ledger):
    db = Database(sqlite_url(ledger))
    assert check_ledger(db).ok
    assert db.engine.pool.checkedout() == 0 and not checkers()
    db.dispose()


def test_a_walk_that_stops_early_stops_the_check_and_returns_its_connection(ledger,
                                                                            monkeypatch):
    def fails(_session):
        assert checkers(), "the check runs while the walk does"
        raise KeyboardInterrupt

    monkeypatch.setattr(integrity_module, "verify", fails)
    db = Database(sqlite_url(ledger))
    with pytest.raises(KeyboardInterrupt):
        check_ledger(db)
    assert db.engine.pool.checkedout() == 0 and not checkers()
    db.dispose()


def test_an_in_memory_ledger_is_checked_in_its_own_session():
    """Each thread would see a different in-memory database: the check stays in the walk's."""
    db = Database("sqlite://")
    db.migrate()
    report = check_ledger(db)
    assert report.ok and report.entries == 0 and not checkers()
    db.dispose()


def test_a_running_balance_forged_and_re_hashed_is_named_once_on_a_repeated_account(ledger):
    """Entry #10 moves money from the pool to the pool (two postings, one account): its first
    running balance is set to the entry's end value and the chain re-hashed. The walk compares
    as it goes; the message is the one the backward replay gives."""
    with forging(ledger) as conn:
        conn.execute("UPDATE postings SET account_id = 2 WHERE seq = 10 AND idx = 1")
        settle(conn, 10)
        end = conn.execute("SELECT balance_after FROM postings WHERE seq = 10 AND idx = 1"
                           ).fetchone()[0]
        first = conn.execute("SELECT balance_after FROM postings WHERE seq = 10 AND idx = 0"
                             ).fetchone()[0]
        conn.execute("UPDATE postings SET balance_after = ? WHERE seq = 10 AND idx = 0", (end,))
        _rehash(conn, 10)
        conn.execute("UPDATE chain_head SET hash = (SELECT hash FROM journal_entries "
                     "WHERE seq = chain_head.seq)")
    report = walk(ledger)
    assert [(p.seq, p.what) for p in report.problems] == [
        (10, f"the running balance of tica:pool MLK is {end}, the journal gives {first}")]


@pytest.mark.parametrize("stored, exact", [
    ("12", 12), ("-7", -7), (str(10**30), 10**30), (5, 5), (Decimal("40"), 40),
    (Decimal("4E+1"), 40), ("12abc", None), ("", None), ("1.5", None), (1.5, None),
    (b"12", None), (None, None), (True, None), (Decimal("1.5"), None), (Decimal("NaN"), None),
    (Decimal("sNaN"), None), (Decimal("Infinity"), None), (Decimal("-Infinity"), None),
])
def test_a_stored_amount_is_an_exact_integer_or_none(stored, exact):
    """What a row can hold where an amount should be (text on SQLite, NUMERIC on PostgreSQL,
    anything in a forged file): an exact integer, or None — never an exception."""
    assert _int(stored) == exact and type(_int(stored)) is type(exact)


@pytest.mark.parametrize("number", ["'ten'", "x'0a'", "NULL", "1999.5"])
def test_a_posting_whose_entry_number_is_not_one_is_named_not_raised(ledger, number):
    """A forged file can hold text, a blob, a fraction or nothing where a posting's entry
    number should be (SQLite keeps what it is given once its constraints are edited away).
    Both postings of the last entry moved there: they belong to no entry, and the entry has
    none."""
    with forging(ledger) as conn:  # NOT NULL edited out of the table's definition
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_schema SET sql = replace(sql, 'seq INTEGER NOT NULL', "
                     "'seq INTEGER') WHERE name = 'postings'")
    with forging(ledger) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(f"UPDATE postings SET seq = {number} WHERE seq = 2000")
    report = walk(ledger)
    shown = {"'ten'": "'ten'", "x'0a'": "b'\\n'", "NULL": "None", "1999.5": "1999.5"}[number]
    assert [p for p in report.problems if "belongs to no entry" in p.what] == 2 * [
        Problem(None, f"posting belongs to no entry (its entry number reads {shown})")]
    assert Problem(2000, "entry has no postings") in report.problems
    assert report.entries == 2000 and report.first_bad_seq == 2000
