"""What someone holding a SQLite ledger file can do to it — the careful way: triggers dropped
and put back as they were, running balances, lot remainders, hashes and projections all
recomputed so the file is consistent with itself. The tamper and storage suites use these to
show that only what lives outside the file (the signed checkpoint, the keyring witness, the
public anchor) still tells."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

from app.core.ledger.canonical import chain_hash, entry_bytes


@contextmanager
def forging(path: Path):
    """A connection to the ledger with every trigger dropped; they are put back, unchanged,
    before the commit (so the schema looks untouched)."""
    conn = sqlite3.connect(path)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    try:
        yield conn
        for _name, sql in triggers:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def head(conn) -> int:
    return conn.execute("SELECT seq FROM chain_head").fetchone()[0]


def cut_tail(conn, n: int) -> None:
    """Remove the last n entries, their lots, and make every projection match."""
    last = head(conn) - n
    conn.execute("DELETE FROM postings WHERE seq > ?", (last,))
    conn.execute("DELETE FROM lots WHERE created_seq > ?", (last,))
    conn.execute("DELETE FROM journal_entries WHERE seq > ?", (last,))
    settle(conn, last + 1)


def raise_entry(conn, seq: int, delta: int) -> None:
    """Make entry #seq move `delta` more (credits up, debits down: it still balances)."""
    for pid, amount in conn.execute("SELECT id, amount FROM postings WHERE seq = ?",
                                    (seq,)).fetchall():
        amount = int(amount)
        conn.execute("UPDATE postings SET amount = ? WHERE id = ?",
                     (str(amount + delta if amount > 0 else amount - delta), pid))


def settle(conn, first_changed: int) -> None:
    """After editing the journal: recompute running values, re-hash from `first_changed` on,
    and set balances, lots and the chain head to match."""
    _running_values(conn)
    _rehash(conn, first_changed)
    _projections(conn)


def _running_values(conn) -> None:
    balance, remainder = {}, {}
    rows = conn.execute("SELECT p.id, p.account_id, p.amount, p.lot_id, e.format FROM postings p "
                        "JOIN journal_entries e ON e.seq = p.seq ORDER BY p.seq, p.idx").fetchall()
    for pid, account, amount, lot, fmt in rows:
        balance[account] = balance.get(account, 0) + int(amount)
        if lot is not None:
            remainder[lot] = remainder.get(lot, 0) + int(amount)
        if fmt >= 2:
            conn.execute("UPDATE postings SET balance_after = ?, lot_after = ? WHERE id = ?",
                         (str(balance[account]), None if lot is None else str(remainder[lot]),
                          pid))


def _rehash(conn, first: int) -> None:
    prev = conn.execute("SELECT hash FROM journal_entries WHERE seq = ?", (first - 1,)).fetchone()
    prev = prev[0] if prev else "0" * 64
    lots = {r[0]: r[1:] for r in conn.execute(
        "SELECT id, created_seq, expires_on, source_ref FROM lots")}
    entries = conn.execute("SELECT seq, kind, idem_key, params_hash, created_at, memo, format "
                           "FROM journal_entries WHERE seq >= ? ORDER BY seq", (first,)).fetchall()
    for seq, kind, key, params, at, memo, fmt in entries:
        postings = [(owner, asset, int(amount), lot,
                     None if after is None else int(after),
                     None if lot_after is None else int(lot_after),
                     lots[lot][1:] if lot is not None and lots[lot][0] == seq else None)
                    for owner, asset, amount, lot, after, lot_after in conn.execute(
                        "SELECT a.owner, a.asset, p.amount, p.lot_id, p.balance_after, "
                        "p.lot_after FROM postings p JOIN accounts a ON a.id = p.account_id "
                        "WHERE p.seq = ? ORDER BY p.idx", (seq,))]
        digest = chain_hash(prev, entry_bytes(seq, kind, key, params, at, memo, postings, fmt))
        conn.execute("UPDATE journal_entries SET prev_hash = ?, hash = ? WHERE seq = ?",
                     (prev, digest, seq))
        prev = digest


def _projections(conn) -> None:
    conn.execute("DELETE FROM balances")
    totals: dict[int, int] = {}
    for account, amount in conn.execute("SELECT account_id, amount FROM postings"):
        totals[account] = totals.get(account, 0) + int(amount)
    conn.executemany("INSERT INTO balances (account_id, amount) VALUES (?, ?)",
                     [(a, str(v)) for a, v in totals.items()])
    lots: dict[int, int] = {}
    for lot, amount in conn.execute("SELECT lot_id, amount FROM postings "
                                    "WHERE lot_id IS NOT NULL"):
        lots[lot] = lots.get(lot, 0) + int(amount)
    for (lot_id,) in conn.execute("SELECT id FROM lots").fetchall():
        conn.execute("UPDATE lots SET remaining = ? WHERE id = ?",
                     (str(lots.get(lot_id, 0)), lot_id))
    last = conn.execute("SELECT seq, hash FROM journal_entries "
                        "ORDER BY seq DESC LIMIT 1").fetchone()
    conn.execute("UPDATE chain_head SET seq = ?, hash = ?", last or (0, "0" * 64))
