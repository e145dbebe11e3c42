"""Is the ledger file itself sound? Damage is named, never papered over.

At open (cheap): a SQLite ledger that is missing while its checkpoint is there, empty after
it was written, truncated (not a whole number of pages, or fewer pages than its header
says), or not a SQLite file at all is refused before anything touches it; files up to
QUICK_CHECK_MAX_BYTES also get `PRAGMA quick_check` (about 1.3 s per million entries, so a
bigger ledger leaves it to `verify` and to SQLite's own checks on every page it reads).
In `verify`: `PRAGMA integrity_check`, on a thread of its own beside the walk.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from app.core.errors import ExternalError
from app.core.ledger import checkpoint

MAGIC = b"SQLite format 3\x00"
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024  # ~0.15 s of quick_check
GUARD_REFUSAL = "MiL.k ledger guard"  # the prefix of the ledger triggers' refusals
DAMAGE_WORDS = ("malformed", "not a database", "disk i/o error", "database corruption")


def is_damage(reason: str) -> bool:
    low = reason.lower()
    return any(word in low for word in DAMAGE_WORDS)


def check_file(path: Path, beside: Path) -> None:
    """Refuse (exit 4) a ledger file that is missing, empty, truncated or not SQLite, when
    the profile shows it was written (its checkpoint is there). A file that never held data
    (no checkpoint, not there or 0 bytes) is left for SQLite to create."""
    written = checkpoint.read(beside) is not None
    if not path.exists():
        if written:
            raise damaged(path, beside, "is missing", "ledger_missing")
        return
    if path.stat().st_size == 0:
        if written:
            raise damaged(path, beside, "is empty (0 bytes)", "ledger_empty")
        return
    if not os.access(path.parent, os.W_OK):  # SQLite's journal and the checkpoint live there
        raise ExternalError(f"The profile folder {path.parent} is read-only; the ledger needs to "
                            "write beside itself (its journal and checkpoint). Nothing was "
                            "changed.", code="read_only", details={"path": str(path.parent)})
    problem = file_problem(path)
    if problem:
        raise damaged(path, beside, problem[1], problem[0])


def file_problem(path: Path) -> tuple[str, str] | None:
    """(code, what) when a non-empty file is not a whole SQLite database."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(MAGIC):
        return "ledger_not_a_database", "is not a SQLite database (overwritten or damaged)"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    pages_valid = pages > 0 and header[24:28] == header[92:96]
    if page_size < 512 or size % page_size or (pages_valid and size < pages * page_size):
        expected = f" of {pages * page_size:,}" if pages_valid else ""
        return "ledger_truncated", f"is truncated (it holds {size:,}{expected} bytes)"
    return None


def quick_check(db, beside: Path) -> None:
    """`PRAGMA quick_check` on ledgers small enough for it to be cheap."""
    path = Path(db.engine.url.database or "")
    if not path.is_file() or path.stat().st_size > QUICK_CHECK_MAX_BYTES:
        return
    try:
        with db.engine.connect() as conn:
            rows = [r[0] for r in conn.execute(text("PRAGMA quick_check"))]
    except Exception as exc:  # the driver's own "malformed" / "not a database", or no access
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        if is_damage(reason):
            raise damaged(path, beside, f"cannot be read ({reason})", "ledger_damaged") from None
        raise ExternalError(f"The ledger database {path} cannot be opened: {reason}.",
                            code="database") from None
    if rows != ["ok"]:
        raise damaged(path, beside, f"is damaged (SQLite: {rows[0]})", "ledger_damaged")


INTEGRITY_CHECK = "PRAGMA integrity_check(20)"


def integrity_problems(session) -> list[str]:
    """What `PRAGMA integrity_check` finds in a SQLite ledger (nothing elsewhere)."""
    if session.get_bind().dialect.name != "sqlite":
        return []
    return _damage_found([r[0] for r in session.execute(text(INTEGRITY_CHECK))])


def _damage_found(rows: list) -> list[str]:
    return [] if rows == ["ok"] else [f"the database file is damaged (SQLite: {r})"
                                      for r in rows[:5]]


@contextmanager
def integrity_alongside(db) -> Iterator[Callable[[Session], list[str]]]:
    """`integrity_problems`, started at once on a pooled connection of its own when the ledger
    is a SQLite file: SQLite runs the whole check without Python's lock, so on a second core
    it costs `verify` nothing while the walk of the chain (Python) goes on; on a million
    entries each takes seconds. Yields the step that waits for it and returns what it found
    (its DBAPIError raised there, as the step in the session would). Anywhere else
    (PostgreSQL, an in-memory database whose connections are not shared between threads)
    or if the connection cannot be had, the step is `integrity_problems` in the session.
    Leaving early interrupts the check; the thread is always joined and the connection
    returned."""
    if db.dialect != "sqlite" or not isinstance(db.engine.pool, QueuePool):
        yield integrity_problems
        return
    try:
        conn = db.engine.connect()
    except DBAPIError:  # the step in the session meets it again and names it
        yield integrity_problems
        return
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["rows"] = [r[0] for r in conn.exec_driver_sql(INTEGRITY_CHECK)]
        except BaseException as exc:  # noqa: BLE001 - handed to the step in the caller
            outcome["error"] = exc

    def step(_session) -> list[str]:
        worker.join()
        if "error" in outcome:
            raise outcome["error"]
        return _damage_found(outcome["rows"])

    worker = threading.Thread(target=run, name="ledger-integrity-check", daemon=True)
    try:
        worker.start()
        yield step
    finally:
        if worker.is_alive():  # the walk stopped early: stop the check too
            conn.connection.driver_connection.interrupt()
        if worker.ident is not None:
            worker.join()
        conn.close()


def damaged(path: Path, beside: Path, what: str, code: str) -> ExternalError:
    return ExternalError(f"The ledger file {path} {what}. Nothing was changed and nothing was "
                         f"re-created. {restore_hint(beside)} (To start a new profile instead, "
                         f"move {path.parent} away.)", code=code, details={"path": str(path)})


def restore_hint(beside: Path) -> str:
    """Where the last backup is, as the checkpoint remembers it."""
    data = checkpoint.read(beside)
    try:
        backup = checkpoint.decode(data).backup if data else None
    except checkpoint.CheckpointDamaged:
        backup = None
    if backup and isinstance(backup.get("path"), str):
        return (f"Your last backup is {backup['path']} (entry #{backup.get('seq')}, "
                f"{str(backup.get('at', ''))[:10]}): restore it with "
                f"`milk restore \"{backup['path']}\"`.")
    return "Restore your last backup with `milk restore FILE`."
