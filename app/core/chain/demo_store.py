"""py-evm's key-value database, kept in one SQLite file so the demo chain survives restarts.

py-evm writes trie nodes, blocks, receipts and the canonical-head pointer as key/value pairs.
Writes collect in memory and are committed in ONE SQLite transaction after each mined block,
so the file always holds a whole chain ending at a whole block: a crash loses at most the
block being mined, never the ability to open the chain. (The wallet stores every raw
transaction before broadcasting it, so such a transaction is simply sent again.)

This module imports py-evm at import time; only `demo_node` imports it, lazily.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from eth.db.atomic import AtomicDB
from eth.db.backends.base import BaseDB

_DELETED = object()


class SqliteKV(BaseDB):
    def __init__(self, path: Path):
        self._conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("CREATE TABLE IF NOT EXISTS kv (k BLOB PRIMARY KEY, v BLOB NOT NULL)"
                           " WITHOUT ROWID")
        self._pending: dict[bytes, object] = {}

    def __getitem__(self, key: bytes) -> bytes:
        value = self._pending.get(key)
        if value is _DELETED:
            raise KeyError(key)
        if value is not None:
            return value  # type: ignore[return-value]
        row = self._conn.execute("SELECT v FROM kv WHERE k = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return row[0]

    def __setitem__(self, key: bytes, value: bytes) -> None:
        self._pending[bytes(key)] = bytes(value)

    def __delitem__(self, key: bytes) -> None:
        if key not in self:
            raise KeyError(key)
        self._pending[bytes(key)] = _DELETED

    def _exists(self, key: bytes) -> bool:
        try:
            self[key]
        except KeyError:
            return False
        return True

    def commit(self) -> None:
        """Make everything written so far durable, all or nothing."""
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        cur = self._conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            cur.executemany("INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)",
                            [(k, v) for k, v in pending.items() if v is not _DELETED])
            cur.executemany("DELETE FROM kv WHERE k = ?",
                            [(k,) for k, v in pending.items() if v is _DELETED])
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            self._pending = {**pending, **self._pending}
            raise

    def discard(self) -> None:
        self._pending.clear()

    def close(self) -> None:
        self._conn.close()


def open_store(path: Path) -> tuple[AtomicDB, SqliteKV]:
    kv = SqliteKV(path)
    return AtomicDB(kv), kv
