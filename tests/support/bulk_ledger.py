"""Build a big, valid ledger fast (for the history model and the benchmarks): real schema,
real canonical hashes (format 2, running balances included), rows inserted in bulk instead of
one transaction per entry — with the append guards set aside for the load and put back as
they were, since they admit one entry after the head at a time."""
from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.clock import iso
from app.core.ledger import Database, sqlite_url
from app.core.ledger.canonical import GENESIS_HASH, canonical_json, chain_hash, entry_bytes

USER, POOL = "user:local", "tica:pool"


def build(path: Path, entries: int, batch: int = 20_000) -> Path:
    """A ledger with `entries` conversions between the user and TICA's pool (MLK <-> MLK
    reward-like transfers that keep every balance non-negative)."""
    path = Path(path)
    db = Database(sqlite_url(path))
    db.migrate()
    db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA journal_mode=WAL")
    guards = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _sql in guards:
        conn.execute(f"DROP TRIGGER {name}")
    conn.executemany("INSERT INTO accounts (id, owner, asset, allow_negative) VALUES (?,?,?,?)",
                     [(1, "bridge", "MLK", 1), (2, POOL, "MLK", 0), (3, USER, "MLK", 0)])
    start = datetime(2024, 1, 1, tzinfo=UTC)
    prev, balance = GENESIS_HASH, {1: 0, 2: 0, 3: 0}
    rows, postings = [], []
    for seq in range(1, entries + 1):
        at = iso(start + timedelta(seconds=seq))
        if seq == 1:
            kind, memo, lines = "genesis", {"reason": "bench"}, [
                ("bridge", "MLK", -10**30, None, 1), (POOL, "MLK", 10**30, None, 2)]
        else:
            amount = 10**17 + seq
            kind, memo, lines = "reward", {"n": seq}, [
                (POOL, "MLK", -amount, None, 2), (USER, "MLK", amount, None, 3)]
        memo_text = canonical_json(memo)
        after = []
        for _owner, _asset, amount, _lot, account in lines:
            balance[account] += amount
            after.append(balance[account])
        digest = chain_hash(prev, entry_bytes(
            seq, kind, f"bulk:{seq}", "p", at, memo_text,
            [(*line[:4], after[i], None, None) for i, line in enumerate(lines)]))
        rows.append((seq, kind, f"bulk:{seq}", "p", at, memo_text, prev, digest, 2))
        postings += [(seq, i, line[4], str(line[2]), None, str(after[i]))
                     for i, line in enumerate(lines)]
        prev = digest
        if len(rows) >= batch or seq == entries:
            conn.executemany("INSERT INTO journal_entries (seq, kind, idem_key, params_hash, "
                             "created_at, memo, prev_hash, hash, format) "
                             "VALUES (?,?,?,?,?,?,?,?,?)", rows)
            conn.executemany("INSERT INTO postings (seq, idx, account_id, amount, lot_id, "
                             "balance_after) VALUES (?,?,?,?,?,?)", postings)
            rows, postings = [], []
    conn.executemany("INSERT INTO balances (account_id, amount) VALUES (?, ?)",
                     [(account, str(amount)) for account, amount in balance.items()])
    conn.execute("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1", (entries, prev))
    conn.execute("INSERT INTO settings (key, value) VALUES ('profile.created_at', ?)",
                 (iso(start),))
    for _name, sql in guards:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path
