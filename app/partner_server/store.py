"""The reference partner's system of record: one SQLite file in its data directory.

Invariants, each held by one write transaction (BEGIN IMMEDIATE: processes sharing the file
queue instead of interleaving):
- Points are conserved. A redeem moves points from the member's lots to TICA's account, an
  issue from TICA's account into a new lot of the member; only `add_points` (the partner's own
  earning) creates points, and only `spend` (the member paying with points at the partner)
  uses them up. `audit` re-derives every balance from the operations.
- An idempotency key is applied at most once (UNIQUE). The same request again gets the stored
  answer; a different request with that key is refused; a voided key never applies.
- A redeem that would overdraw, or an issue TICA cannot cover, is refused before anything is
  written.
- Lots are consumed soonest-expiring first; a lot past its expiry date is not spendable.
Verification codes and member tokens are stored only as hashes.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from app.core.clock import KST, iso
from app.partner_server.problems import Problem

DB_FILE = "partner.sqlite3"
SCHEMA_VERSION = "1"
CODE_TTL = timedelta(minutes=10)
CODE_WINDOW = timedelta(minutes=10)
MAX_CODE_REQUESTS = 5  # per member per window
MAX_CODE_ATTEMPTS = 5  # wrong codes before the code dies

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS members (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
    created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id TEXT NOT NULL REFERENCES members(id),
    points INTEGER NOT NULL CHECK (points > 0),
    points_left INTEGER NOT NULL CHECK (points_left >= 0 AND points_left <= points),
    earned_on TEXT NOT NULL,
    expires_on TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('earned', 'issue')));
CREATE INDEX IF NOT EXISTS lots_by_member ON lots (member_id, expires_on, id);
CREATE TABLE IF NOT EXISTS tica (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    balance INTEGER NOT NULL CHECK (balance >= 0),
    funded INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS operations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('applied', 'voided')),
    kind TEXT CHECK (kind IN ('redeem', 'issue')),
    member_id TEXT REFERENCES members(id),
    points INTEGER CHECK (points > 0),
    digest TEXT,
    at TEXT NOT NULL,
    answer TEXT);
CREATE INDEX IF NOT EXISTS operations_by_time ON operations (at, seq);
CREATE INDEX IF NOT EXISTS operations_by_member ON operations (member_id, seq);
CREATE TABLE IF NOT EXISTS verifications (
    member_id TEXT PRIMARY KEY REFERENCES members(id),
    code_hash TEXT,
    expires_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    window_start TEXT NOT NULL,
    requests INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS spends (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id TEXT NOT NULL REFERENCES members(id),
    points INTEGER NOT NULL CHECK (points > 0),
    at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS member_tokens (
    token_hash TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members(id),
    created_at TEXT NOT NULL,
    revoked_at TEXT);
"""


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _lot_id(row_id: int) -> str:
    return f"L{row_id}"


class Store:
    """One partner's data. Thread-safe (one connection behind a lock) and process-safe."""

    def __init__(self, conn: sqlite3.Connection, partner: str, now: Callable[[], datetime]):
        self._db, self.partner, self._now = conn, partner, now
        self._lock = threading.RLock()

    @classmethod
    def open(cls, data_dir: Path, partner: str | None = None, *, tica_points: int = 0,
             now: Callable[[], datetime] | None = None) -> Store:
        """Open the store in `data_dir`, creating it for `partner` (TICA's account funded with
        `tica_points`) when new. A store belongs to one partner for good."""
        data_dir = Path(data_dir)
        path = data_dir / DB_FILE
        if not path.exists() and not partner:
            raise FileNotFoundError(path)
        data_dir.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")  # an acknowledged operation survives power loss
        conn.execute("PRAGMA foreign_keys=ON")
        conn.row_factory = sqlite3.Row
        store = cls(conn, partner or "", now or (lambda: datetime.now(UTC)))
        with store._write() as db:
            # One by one: executescript() would commit in the middle of the transaction.
            for statement in filter(str.strip, SCHEMA.split(";")):
                db.execute(statement)
            stored = {r["name"]: r["value"] for r in db.execute("SELECT name, value FROM meta")}
            if not stored:
                db.execute("INSERT INTO meta VALUES ('partner', ?), ('schema', ?)",
                           (partner, SCHEMA_VERSION))
                db.execute("INSERT INTO tica (id, balance, funded) VALUES (1, ?, ?)",
                           (tica_points, tica_points))
                stored = {"partner": partner}
        if partner and stored["partner"] != partner:
            conn.close()
            raise ValueError(f"{data_dir} holds {stored['partner']}'s data, not {partner}'s")
        store.partner = stored["partner"]
        return store

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- transactions ------------------------------------------------------------------

    def _write(self):
        """A write transaction; it holds SQLite's write lock from its first statement."""
        return self._transaction("BEGIN IMMEDIATE")

    def _read(self):
        """A consistent snapshot across several SELECTs."""
        return self._transaction("BEGIN")

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute(begin)
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def now(self) -> datetime:
        return self._now()

    def today(self) -> date:
        return self._now().astimezone(KST).date()

    # -- members and their points ------------------------------------------------------

    def add_points(self, member_id: str, points: int, expires_on: date,
                   earned_on: date | None = None) -> dict:
        """The partner credits points it issued itself (a purchase, a stay): a new lot.
        Creates the member on first use."""
        with self._write() as db:
            self._ensure_member(db, member_id)
            self._require_active(db, member_id)
            return self._new_lot(db, member_id, points, earned_on or self.today(), expires_on,
                                 "earned")

    def enrol(self, member_id: str, lots: list[tuple[int, date, date]]) -> bool:
        """Create `member_id` with `lots` (points, earned_on, expires_on) unless it exists."""
        with self._write() as db:
            if self._member(db, member_id) is not None:
                return False
            self._ensure_member(db, member_id)
            for points, earned_on, expires_on in lots:
                self._new_lot(db, member_id, points, earned_on, expires_on, "earned")
            return True

    def spend(self, member_id: str, points: int) -> dict:
        """The member pays with points at the partner (a rental, a stay), soonest-expiring
        lots first: the points are used up, outside MiL.k."""
        with self._write() as db:
            self._require_active(db, member_id)
            lots = self._live_lots(db, member_id)
            available = sum(lot["points_left"] for lot in lots)
            if points > available:
                raise Problem("insufficient-points", f"{member_id} has {available:,} points; "
                              f"{points:,} cannot be spent.", balance=available)
            need = points
            for lot in lots:
                take = min(need, lot["points_left"])
                db.execute("UPDATE lots SET points_left = points_left - ? WHERE id = ?",
                           (take, lot["id"]))
                need -= take
                if not need:
                    break
            db.execute("INSERT INTO spends (member_id, points, at) VALUES (?, ?, ?)",
                       (member_id, points, iso(self.now())))
        return self.balance(member_id)

    def close_member(self, member_id: str) -> None:
        with self._write() as db:
            self._require_member(db, member_id)
            db.execute("UPDATE members SET status = 'closed' WHERE id = ?", (member_id,))

    def member_status(self, member_id: str) -> str | None:
        with self._read() as db:
            row = self._member(db, member_id)
            return row["status"] if row else None

    def balance(self, member_id: str) -> dict:
        """Live balance and lots, soonest-expiring first."""
        with self._read() as db:
            self._require_member(db, member_id)
            lots = self._live_lots(db, member_id)
        return {"member_id": member_id, "balance": sum(lot["points_left"] for lot in lots),
                "lots": [_lot_doc(lot) for lot in lots], "as_of": iso(self.now())}

    def tica_balance(self) -> int:
        with self._read() as db:
            return db.execute("SELECT balance FROM tica WHERE id = 1").fetchone()[0]

    # -- verification and member tokens ------------------------------------------------

    def request_code(self, member_id: str) -> tuple[str, datetime]:
        """A fresh 6-digit code for `member_id` (the previous one dies) and its expiry."""
        now = self.now()
        with self._write() as db:
            self._require_active(db, member_id)
            row = db.execute("SELECT * FROM verifications WHERE member_id = ?",
                             (member_id,)).fetchone()
            window_start, requests = now, 1
            if row is not None and now < _at(row["window_start"]) + CODE_WINDOW:
                window_start, requests = _at(row["window_start"]), row["requests"] + 1
                if requests > MAX_CODE_REQUESTS:
                    wait = (window_start + CODE_WINDOW - now).total_seconds()
                    raise Problem("rate-limited", f"Too many codes requested for {member_id}; "
                                  f"try again in {int(wait) + 1} s.", retry_after=int(wait) + 1)
            code = f"{secrets.randbelow(10**6):06d}"
            expires = now + CODE_TTL
            db.execute("INSERT OR REPLACE INTO verifications VALUES (?, ?, ?, 0, ?, ?)",
                       (member_id, _hash(member_id, code), iso(expires), iso(window_start),
                        requests))
        return code, expires

    def confirm_code(self, member_id: str, code: str) -> str:
        """Check the code; on success a new member token (shown once, stored as a hash)."""
        now = self.now()
        wrong: Problem | None = None
        with self._write() as db:
            self._require_active(db, member_id)
            row = db.execute("SELECT * FROM verifications WHERE member_id = ?",
                             (member_id,)).fetchone()
            if row is None or row["code_hash"] is None or now >= _at(row["expires_at"]):
                raise Problem("code-expired", f"There is no live code for {member_id}: "
                              "request a new one.")
            if row["attempts"] >= MAX_CODE_ATTEMPTS:
                raise Problem("rate-limited", "Too many wrong codes: request a new code.",
                              retry_after=int(CODE_TTL.total_seconds()))
            if not hmac.compare_digest(row["code_hash"], _hash(member_id, code)):
                left = MAX_CODE_ATTEMPTS - row["attempts"] - 1
                db.execute("UPDATE verifications SET attempts = attempts + 1 WHERE "
                           "member_id = ?", (member_id,))
                wrong = Problem("wrong-code", f"That code is not right ({left} attempts left).",
                                attempts_left=left)
            else:
                db.execute("UPDATE verifications SET code_hash = NULL, expires_at = NULL "
                           "WHERE member_id = ?", (member_id,))
                token = secrets.token_urlsafe(32)
                db.execute("INSERT INTO member_tokens VALUES (?, ?, ?, NULL)",
                           (_hash(token), member_id, iso(now)))
        if wrong is not None:  # raised after the commit: the attempt counts
            raise wrong
        return token

    def sign_in(self, member_id: str) -> str:
        """A new member token for an active member, as the partner's own app hands one out
        after its login. Only the in-process demo partners use it (see connectors.inprocess):
        whoever runs them holds this database anyway."""
        with self._write() as db:
            self._require_active(db, member_id)
            token = secrets.token_urlsafe(32)
            db.execute("INSERT INTO member_tokens VALUES (?, ?, ?, NULL)",
                       (_hash(token), member_id, iso(self.now())))
        return token

    def token_valid(self, member_id: str, token: str) -> bool:
        with self._read() as db:
            row = db.execute("SELECT member_id FROM member_tokens WHERE token_hash = ? AND "
                             "revoked_at IS NULL", (_hash(token),)).fetchone()
        return row is not None and hmac.compare_digest(row[0], member_id)

    def revoke_token(self, member_id: str, token: str) -> None:
        with self._write() as db:
            db.execute("UPDATE member_tokens SET revoked_at = ? WHERE token_hash = ? AND "
                       "member_id = ? AND revoked_at IS NULL",
                       (iso(self.now()), _hash(token), member_id))

    # -- operations --------------------------------------------------------------------

    def redeem(self, key: str, member_id: str, points: int,
               reference: str | None) -> tuple[dict, bool]:
        """Move `points` from the member (soonest-expiring lots first) to TICA's account.
        Returns (the operation, whether it is a replay of an earlier answer)."""
        digest = _digest("redeem", member_id, points, None, reference)

        def move(db) -> list[dict]:
            lots = self._live_lots(db, member_id)
            available = sum(lot["points_left"] for lot in lots)
            if points > available:
                raise Problem("insufficient-points", f"{member_id} has {available:,} points; "
                              f"{points:,} cannot be redeemed.", balance=available)
            taken, need = [], points
            for lot in lots:
                take = min(need, lot["points_left"])
                db.execute("UPDATE lots SET points_left = points_left - ? WHERE id = ?",
                           (take, lot["id"]))
                taken.append({"id": _lot_id(lot["id"]), "points": take,
                              "expires_on": lot["expires_on"]})
                need -= take
                if not need:
                    break
            db.execute("UPDATE tica SET balance = balance + ? WHERE id = 1", (points,))
            return taken

        return self._operate(key, "redeem", member_id, points, reference, digest, move)

    def issue(self, key: str, member_id: str, points: int, expires_on: date,
              reference: str | None, requested_expiry: date | None = None) -> tuple[dict, bool]:
        """Move `points` from TICA's account into a new lot of the member (expiring on
        `expires_on`; `requested_expiry` is what the request asked for, if anything)."""
        digest = _digest("issue", member_id, points, requested_expiry, reference)

        def move(db) -> list[dict]:
            tica = db.execute("SELECT balance FROM tica WHERE id = 1").fetchone()[0]
            if points > tica:
                raise Problem("tica-insufficient-points", f"TICA's account holds {tica:,} "
                              f"points; {points:,} cannot be issued.", balance=tica)
            db.execute("UPDATE tica SET balance = balance - ? WHERE id = 1", (points,))
            lot = self._new_lot(db, member_id, points, self.today(), expires_on, "issue")
            return [{"id": lot["id"], "points": points, "expires_on": lot["expires_on"]}]

        return self._operate(key, "issue", member_id, points, reference, digest, move)

    def _operate(self, key, kind, member_id, points, reference, digest, move):
        """One operation in one transaction: the stored answer if `key` was seen, else the
        member checked, `move` applied and the answer recorded under `key`."""
        with self._write() as db:
            replay = self._replay(db, key, digest)
            if replay is not None:
                return replay, True
            self._require_active(db, member_id)
            lots = move(db)
            return self._record(db, key, kind, member_id, points, digest, reference,
                                lots), False

    def operation(self, key: str) -> dict | None:
        with self._read() as db:
            row = db.execute("SELECT status, answer FROM operations WHERE key = ?",
                             (key,)).fetchone()
        if row is None:
            return None
        return json.loads(row["answer"]) if row["status"] == "applied" else _voided(key)

    def void(self, key: str) -> dict:
        """Make sure `key` never applies. Refused (with the operation) if it already did."""
        with self._write() as db:
            row = db.execute("SELECT status, answer FROM operations WHERE key = ?",
                             (key,)).fetchone()
            if row is not None and row["status"] == "applied":
                raise Problem("operation-applied", f"Operation {key} was applied; it cannot "
                              "be voided.", operation=json.loads(row["answer"]))
            if row is None:
                db.execute("INSERT INTO operations (key, status, at) VALUES (?, 'voided', ?)",
                           (key, iso(self.now())))
        return _voided(key)

    def statement(self, start: datetime, end: datetime, after_seq: int = 0,
                  limit: int = 100) -> dict:
        """Applied operations with start <= applied_at < end, in order, one page."""
        span = (iso(start), iso(end))
        with self._read() as db:
            rows = db.execute(
                "SELECT seq, answer FROM operations WHERE status = 'applied' AND at >= ? AND "
                "at < ? AND seq > ? ORDER BY seq LIMIT ?", (*span, after_seq, limit + 1)).fetchall()
            totals = {kind: total for kind, total in db.execute(
                "SELECT kind, SUM(points) FROM operations WHERE status = 'applied' AND at >= ? "
                "AND at < ? GROUP BY kind", span)}
            count = db.execute("SELECT COUNT(*) FROM operations WHERE status = 'applied' AND "
                               "at >= ? AND at < ?", span).fetchone()[0]
        page = rows[:limit]
        return {"from": span[0], "to": span[1],
                "operations": [json.loads(r["answer"]) for r in page],
                "next_cursor": str(page[-1]["seq"]) if len(rows) > limit else None,
                "totals": {"count": count, "redeemed": totals.get("redeem", 0),
                           "issued": totals.get("issue", 0)}}

    # -- views for the page and `member show` -------------------------------------------

    def member_view(self, member_id: str, recent: int = 10) -> dict:
        view = self.balance(member_id)
        with self._read() as db:
            view["status"] = self._member(db, member_id)["status"]
            view["operations"] = [json.loads(r[0]) for r in db.execute(
                "SELECT answer FROM operations WHERE member_id = ? AND status = 'applied' "
                "ORDER BY seq DESC LIMIT ?", (member_id, recent))]
        return view

    def overview(self, members: int = 50, recent: int = 15) -> dict:
        today = self.today().isoformat()
        with self._read() as db:
            rows = db.execute(
                "SELECT m.id, m.status, COALESCE(SUM(CASE WHEN l.expires_on >= ? THEN "
                "l.points_left END), 0) AS balance, MIN(CASE WHEN l.expires_on >= ? AND "
                "l.points_left > 0 THEN l.expires_on END) AS next_expiry FROM members m "
                "LEFT JOIN lots l ON l.member_id = m.id GROUP BY m.id ORDER BY m.created_at, "
                "m.id LIMIT ?", (today, today, members)).fetchall()
            total = db.execute("SELECT COUNT(*) FROM members").fetchone()[0]
            ops = [json.loads(r[0]) for r in db.execute(
                "SELECT answer FROM operations WHERE status = 'applied' ORDER BY seq DESC "
                "LIMIT ?", (recent,))]
            tica = db.execute("SELECT balance FROM tica WHERE id = 1").fetchone()[0]
        return {"partner": self.partner, "tica_balance": tica, "member_count": total,
                "members": [dict(r) for r in rows], "operations": ops,
                "as_of": iso(self.now())}

    def audit(self) -> list[str]:
        """Re-derive every balance from the lots and operations; empty when all holds."""
        faults = []
        with self._read() as db:
            left, earned = db.execute(
                "SELECT COALESCE(SUM(points_left), 0), COALESCE(SUM(CASE WHEN source = "
                "'earned' THEN points END), 0) FROM lots").fetchone()
            tica, funded = db.execute("SELECT balance, funded FROM tica").fetchone()
            moved = dict(db.execute("SELECT kind, COALESCE(SUM(points), 0) FROM operations "
                                    "WHERE status = 'applied' GROUP BY kind").fetchall())
            issued_lots = db.execute("SELECT COALESCE(SUM(points), 0) FROM lots WHERE source "
                                     "= 'issue'").fetchone()[0]
            spent = db.execute("SELECT COALESCE(SUM(points), 0) FROM spends").fetchone()[0]
            per_member = db.execute(
                "SELECT m.id, (SELECT COALESCE(SUM(points_left), 0) FROM lots WHERE member_id "
                "= m.id), (SELECT COALESCE(SUM(points), 0) FROM lots WHERE member_id = m.id), "
                "(SELECT COALESCE(SUM(CASE kind WHEN 'redeem' THEN points ELSE 0 END), 0) FROM "
                "operations WHERE member_id = m.id AND status = 'applied') + (SELECT "
                "COALESCE(SUM(points), 0) FROM spends WHERE member_id = m.id) FROM members m"
            ).fetchall()
        redeemed, issued = moved.get("redeem", 0), moved.get("issue", 0)
        if left + tica + spent != earned + funded:
            faults.append(f"points not conserved: members {left} + TICA {tica} + spent {spent} "
                          f"!= earned {earned} + funded {funded}")
        if tica != funded + redeemed - issued:
            faults.append(f"TICA holds {tica}, operations say {funded + redeemed - issued}")
        if issued_lots != issued:
            faults.append(f"issued lots hold {issued_lots}, issue operations {issued}")
        for member_id, member_left, member_in, member_out in per_member:
            if member_left != member_in - member_out:
                faults.append(f"{member_id}: lots hold {member_left}, operations say "
                              f"{member_in - member_out}")
        return faults

    # -- internals ---------------------------------------------------------------------

    def _replay(self, db, key: str, digest: str) -> dict | None:
        row = db.execute("SELECT status, digest, answer FROM operations WHERE key = ?",
                         (key,)).fetchone()
        if row is None:
            return None
        if row["status"] == "voided":
            raise Problem("operation-voided", f"Idempotency key {key} was voided; this "
                          "operation will never be applied.")
        if not hmac.compare_digest(row["digest"], digest):
            raise Problem("idempotency-conflict", f"Idempotency key {key} was used for a "
                          "different request; nothing was done.")
        return json.loads(row["answer"])

    def _record(self, db, key, kind, member_id, points, digest, reference, lots) -> dict:
        at = iso(self.now())
        seq = db.execute("INSERT INTO operations (key, status, kind, member_id, points, digest, "
                         "at) VALUES (?, 'applied', ?, ?, ?, ?, ?)",
                         (key, kind, member_id, points, digest, at)).lastrowid
        member_after = sum(lot["points_left"] for lot in self._live_lots(db, member_id))
        tica_after = db.execute("SELECT balance FROM tica WHERE id = 1").fetchone()[0]
        answer = {"key": key, "seq": seq, "kind": kind, "status": "applied",
                  "member_id": member_id, "points": points, "reference": reference,
                  "applied_at": at, "lots": lots, "member_balance_after": member_after,
                  "tica_balance_after": tica_after}
        db.execute("UPDATE operations SET answer = ? WHERE seq = ?",
                   (json.dumps(answer, separators=(",", ":")), seq))
        return answer

    def _new_lot(self, db, member_id, points, earned_on: date, expires_on: date,
                 source: str) -> dict:
        row_id = db.execute("INSERT INTO lots (member_id, points, points_left, earned_on, "
                            "expires_on, source) VALUES (?, ?, ?, ?, ?, ?)",
                            (member_id, points, points, earned_on.isoformat(),
                             expires_on.isoformat(), source)).lastrowid
        return {"id": _lot_id(row_id), "points": points, "earned_on": earned_on.isoformat(),
                "expires_on": expires_on.isoformat()}

    def _live_lots(self, db, member_id: str) -> list[sqlite3.Row]:
        return db.execute("SELECT * FROM lots WHERE member_id = ? AND points_left > 0 AND "
                          "expires_on >= ? ORDER BY expires_on, id",
                          (member_id, self.today().isoformat())).fetchall()

    def _member(self, db, member_id: str):
        return db.execute("SELECT * FROM members WHERE id = ?", (member_id,)).fetchone()

    def _ensure_member(self, db, member_id: str) -> None:
        db.execute("INSERT OR IGNORE INTO members (id, created_at) VALUES (?, ?)",
                   (member_id, iso(self.now())))

    def _require_member(self, db, member_id: str):
        row = self._member(db, member_id)
        if row is None:
            raise Problem("unknown-member", f"There is no member {member_id}.")
        return row

    def _require_active(self, db, member_id: str) -> None:
        if self._require_member(db, member_id)["status"] != "active":
            raise Problem("member-closed", f"The membership of {member_id} is closed.")


def _digest(kind, member_id, points, expires_on, reference) -> str:
    body = {"kind": kind, "member_id": member_id, "points": points,
            "expires_on": expires_on.isoformat() if expires_on else None, "reference": reference}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _lot_doc(lot) -> dict:
    return {"id": _lot_id(lot["id"]), "points": lot["points_left"],
            "earned_on": lot["earned_on"], "expires_on": lot["expires_on"]}


def _voided(key: str) -> dict:
    return {"key": key, "status": "voided"}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
