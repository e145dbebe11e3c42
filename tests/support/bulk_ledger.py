"""Build a big, valid ledger fast (for the history model and the benchmarks): real schema,
real canonical hashes, rows inserted in bulk instead of one transaction per entry."""
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
    conn.executemany("INSERT INTO accounts (id, owner, asset, allow_negative) VALUES (?,?,?,?)",
                     [(1, "bridge", "MLK", 1), (2, POOL, "MLK", 0), (3, USER, "MLK", 0)])
    start = datetime(2024, 1, 1, tzinfo=UTC)
    prev, pool, user = GENESIS_HASH, 0, 0
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
        digest = chain_hash(prev, entry_bytes(seq, kind, f"bulk:{seq}", "p", at, memo_text,
                                              [line[:4] for line in lines]))
        rows.append((seq, kind, f"bulk:{seq}", "p", at, memo_text, prev, digest))
        postings += [(seq, i, line[4], str(line[2]), None) for i, line in enumerate(lines)]
        for owner, _a, amount, _l, _i in lines:
            if owner == POOL:
                pool += amount
            elif owner == USER:
                user += amount
        prev = digest
        if len(rows) >= batch or seq == entries:
            conn.executemany("INSERT INTO journal_entries (seq, kind, idem_key, params_hash, "
                             "created_at, memo, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)", rows)
            conn.executemany("INSERT INTO postings (seq, idx, account_id, amount, lot_id) "
                             "VALUES (?,?,?,?,?)", postings)
            rows, postings = [], []
    conn.executemany("INSERT INTO balances (account_id, amount) VALUES (?, ?)",
                     [(1, str(-10**30)), (2, str(pool)), (3, str(user))])
    conn.execute("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1", (entries, prev))
    conn.execute("INSERT INTO settings (key, value) VALUES ('profile.created_at', ?)",
                 (iso(start),))
    conn.commit()
    conn.close()
    return path
