"""Anchoring the ledger's head outside its file: the signed checkpoint and the keyring witness.

Threat model: someone holds the data files (the database and its -wal, the checkpoint,
backups) and can change them at will, but not the OS keyring. Hash-chaining alone cannot
show them cutting the tail, re-hashing the history, putting back an older copy or another
profile's files. So:
- before every commit that appends entries, a checkpoint (profile, location, the head the
  transaction started from and the head it commits) is signed with the profile's Ed25519
  key and written beside the database (checkpoint.py);
- after the commit, the new head becomes the keyring's witness — at most WITNESS_LAG late,
  and at once when money leaves the app (a withdrawal) and when the profile closes;
- the next write and `verify` require the database's head to be one the checkpoint names,
  the checkpoint to be signed by the key the keyring holds for this location, and the
  chain to contain the witness. A disagreement names what is missing.

What escapes: a rollback to a copy taken less than WITNESS_LAG before the process was killed
(a clean close or a withdrawal makes the witness current); and, where the keyring has no key
for this location (no usable keyring, or never written there with one), anything — such a
ledger is reported as "not anchored outside the file", and the first write with a usable
keyring anchors it (trust on first use).
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.clock import iso
from app.core.errors import ExternalError
from app.core.files import atomic_write_bytes
from app.core.keys import backend as kr
from app.core.ledger import checkpoint
from app.core.ledger.canonical import GENESIS_HASH
from app.core.ledger.checkpoint import Checkpoint, CheckpointDamaged
from app.core.ledger.journal import APPENDED
from app.core.ledger.schema import JournalEntry, Setting
from app.core.ledger.witness import LedgerKey, LedgerKeyring, Witness

log = logging.getLogger(__name__)

WITNESS_LAG = 1.0  # seconds the keyring witness may trail the last commit
MONEY_LEAVES = frozenset({"withdraw"})  # entry kinds after which the witness is written at once
PROFILE_SETTING = "ledger.profile_id"
BASE = "milk_notary_base"  # session.info: (seq, hash, checkpoint, mode) the write started from
BACKUP = "milk_notary_backup"  # session.info: a backup to record in the next checkpoint

SIGNED, ADOPT, RESTART, UNSIGNED = "signed", "adopt", "restart", "unsigned"


@dataclass
class Assessment:
    """What the checkpoint file and the keyring say about the database's head."""

    anchored: bool
    note: str
    mode: str  # how the next write signs: SIGNED, ADOPT, RESTART or UNSIGNED
    checkpoint: Checkpoint | None
    witness_seq: int | None
    problems: list[tuple[int | None, str]] = field(default_factory=list)


class Notary:
    def __init__(self, path: Path, location: str, now=None):
        self.path = Path(path)
        self.location_id = checkpoint.location_id(location)
        self.keyring = LedgerKeyring(self.location_id)
        self._now = now or (lambda: datetime.now(UTC))
        self._loaded = False
        self.key: LedgerKey | None = None
        self.witness: Witness | None = None
        self.keyring_problem: str | None = None
        self._known: bytes | None = None  # the checkpoint file as this process last saw it good
        self._lock = threading.RLock()
        self._unwitnessed: tuple[int, str] | None = None
        self._witnessed_at = float("-inf")
        self._timer: threading.Timer | None = None

    # -- keyring (once per open) ----------------------------------------------------------------
    def load(self) -> None:
        if self._loaded:
            return
        try:
            self.key, self.witness = self.keyring.load()
        except ExternalError as exc:
            self.keyring_problem = exc.message
            if exc.code == "keyring_refused":  # the long how-to is the wallet's to give
                self.keyring_problem = f"no usable keyring ({kr.backend_info().reason.rstrip('.')})"
        self._loaded = True

    # -- the write path ---------------------------------------------------------------------------
    def check_head(self, session: Session, head_seq: int, head_hash: str) -> None:
        """Before the first append of a write transaction: the head must be one the
        checkpoint and the witness allow. Refuses the write (exit 4) otherwise."""
        if BASE in session.info:
            return
        self.load()
        data = checkpoint.read(self.path)
        if data is not None and data == self._known:
            cp = checkpoint.decode(data)
            if (head_seq, head_hash) in _heads(cp):
                session.info[BASE] = (head_seq, head_hash, cp, self._mode())
                return
        found = self.assess(session, data, head_seq, head_hash, writing=True)
        if found.problems:
            seq, what = found.problems[0]
            raise ExternalError(
                f"The ledger does not match its checkpoint: {what}. Nothing was written. Run "
                "`milk ledger verify` for the details; restore your last backup with "
                "`milk restore FILE`.", code="ledger_rolled_back",
                details={"problems": [w for _s, w in found.problems], "seq": seq})
        session.info[BASE] = (head_seq, head_hash, found.checkpoint, found.mode)

    def record_backup(self, session: Session, backup: dict) -> None:
        """Carry `backup` ({"path", "seq", "at"}) in the checkpoint this transaction signs."""
        session.info[BACKUP] = backup

    def seal(self, session: Session) -> None:
        """Just before the commit: sign and write the checkpoint naming the head the
        transaction started from and the head it commits."""
        appended = session.info.get(APPENDED)
        if not appended and BACKUP not in session.info:
            return
        if BASE not in session.info:  # a backup note with nothing appended
            from app.core.ledger.guard import AppendGuard

            head = AppendGuard(session).head()
            self.check_head(session, head.seq, head.hash)
        base_seq, base_hash, previous, mode = session.info[BASE]
        profile = _profile_id(session)
        if profile is None or mode == RESTART:  # RESTART: a new profile at this location
            profile = uuid.uuid4().hex
            session.merge(Setting(key=PROFILE_SETTING, value=profile))
            session.flush()
        new_key = self._new_key(profile, base_seq) if mode in (ADOPT, RESTART) else None
        key = new_key or self.key
        pending = appended[-1][:2] if appended else (None, None)
        cp = Checkpoint(profile, self.location_id, base_seq, base_hash, pending[0], pending[1],
                        iso(self._now()), session.info.get(BACKUP, previous.backup if previous
                                                           else None))
        data = checkpoint.write(self.path, cp.signed_with(key.private_key if key else None))
        if new_key is not None:  # after the file: a key nobody stored signs nothing that counts
            try:
                self.keyring.store_key(new_key)
            except ExternalError as exc:
                log.warning("the ledger could not be anchored in the keyring: %s", exc.message)
                new_key = None
            else:
                self.key, self.witness = new_key, None
        self._known = data

    def committed(self, info: dict) -> None:
        """After the commit: make the new head the keyring's witness — now when money leaves
        or the last witness is WITNESS_LAG old, otherwise by then."""
        appended = info.get(APPENDED)
        if not appended or self.key is None:
            return
        urgent = any(kind in MONEY_LEAVES for _s, _h, kind in appended)
        with self._lock:
            self._unwitnessed = appended[-1][:2]
            due = self._witnessed_at + WITNESS_LAG - time.monotonic()
        if urgent or due <= 0:
            self.flush(strict=urgent)
        else:
            self._schedule(due)

    def flush(self, strict: bool = False) -> None:
        """Write the pending witness now. `strict`: a keyring failure is raised."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._unwitnessed is None or self.key is None:
                return
            seq, digest = self._unwitnessed
            witness = Witness(self.key.profile, seq, digest, iso(self._now()))
            try:
                self.keyring.write_witness(witness)
            except ExternalError as exc:
                if strict:
                    raise
                log.warning("the ledger's keyring witness is behind: %s", exc.message)
                return
            self.witness, self._unwitnessed = witness, None
            self._witnessed_at = time.monotonic()

    def close(self) -> None:
        self.flush()

    # -- backups and restores ---------------------------------------------------------------------
    def sign(self, cp: Checkpoint) -> Checkpoint:
        """`cp` signed with this location's key (unsigned when it has none)."""
        self.load()
        return cp.signed_with(self.key.private_key if self.key else None)

    def backup_checkpoint(self, profile: str, head_seq: int, head_hash: str) -> Checkpoint:
        return self.sign(Checkpoint(profile, self.location_id, head_seq, head_hash, None, None,
                                    iso(self._now())))

    def restored(self, profile: str, head_seq: int, head_hash: str, backup: dict) -> None:
        """After a restore (profile closed): the restored head becomes the checkpoint and,
        the rollback having been confirmed, the witness."""
        cp = self.sign(Checkpoint(profile, self.location_id, head_seq, head_hash, None, None,
                                  iso(self._now()), backup))
        atomic_write_bytes(self.path, cp.encode())
        if self.key is not None:
            self.keyring.write_witness(Witness(self.key.profile, head_seq, head_hash,
                                               iso(self._now())))

    def _mode(self) -> str:
        if self.key is not None:
            return SIGNED
        return UNSIGNED if self.keyring_problem else ADOPT

    def _schedule(self, delay: float) -> None:
        with self._lock:
            if self._timer is None:
                self._timer = threading.Timer(delay, self.flush)
                self._timer.daemon = True
                self._timer.start()

    def _new_key(self, profile: str, anchored_from: int) -> LedgerKey:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        replaces = None
        if self.key is not None and self.key.profile != profile:
            replaces = {"profile": self.key.profile,
                        "witness_seq": self.witness.seq if self.witness else None}
        return LedgerKey(profile, Ed25519PrivateKey.generate(), iso(self._now()),
                         anchored_from, replaces)

    # -- what the files say ---------------------------------------------------------------------
    def assess(self, session: Session, data: bytes | None, head_seq: int, head_hash: str,
               writing: bool = False) -> Assessment:
        """Compare the database's head with the checkpoint `data` and the keyring."""
        self.load()
        problems: list[tuple[int | None, str]] = []
        cp = None
        if data is not None:
            try:
                cp = checkpoint.decode(data)
            except CheckpointDamaged as exc:
                problems.append((None, f"the checkpoint file {self.path} is damaged ({exc})"))
        key, witness, mode = self.key, self.witness, self._mode()
        if key is None:
            if self.keyring_problem is None:
                note = ("not anchored outside the file yet: the keyring holds no key for this "
                        "ledger's location; the next write anchors it")
            else:
                note = f"not anchored outside the file: {self.keyring_problem}"
                if cp is not None and cp.signed:
                    problems.append((None, "the checkpoint is signed with a key kept in the "
                                           "keyring, which cannot be used: "
                                           f"{self.keyring_problem}"))
            label = "the checkpoint beside the ledger"
            evidence = cp
        else:
            evidence, label = cp, "the last signed checkpoint"
            note = (f"anchored since #{key.anchored_from:,}: signed checkpoint "
                    f"#{cp.last_seq if cp else '-'}, keyring witness "
                    f"#{witness.seq if witness else '-'}")
            if key.replaces:
                note += (f" (a new profile replaced profile {key.replaces.get('profile')} at "
                         f"this location on {key.created_at[:10]})")
            db_profile = _profile_id(session)
            if writing and head_seq == 0 and (data is None or (
                    db_profile is None and cp is not None and cp.head_seq == 0)):
                # Nothing was ever committed here, or the very first commit died with the
                # process that signed it (its key and checkpoint outlived it): start afresh
                return Assessment(True, note, RESTART, None, None)
            if data is None:
                problems.append((None, f"the signed checkpoint {self.path} is missing"))
            elif cp is not None and not cp.signature_valid(key.public_key):
                problems.append((None, "the checkpoint beside the ledger was not signed with "
                                       "this profile's key (forged, or another profile's)"))
                evidence = None
            elif cp is not None and (cp.profile != key.profile or
                                     cp.location != self.location_id):
                problems.append((None, "the checkpoint beside the ledger belongs to another "
                                       "profile or location"))
                evidence = None
            if db_profile != key.profile:
                problems.append((None, f"this ledger file belongs to another profile "
                                       f"({db_profile or 'none recorded'}, expected "
                                       f"{key.profile})"))
            if witness is not None and witness.profile != key.profile:
                witness = None  # left by the profile this location held before
        if evidence is not None:
            problems += _against(evidence, head_seq, label, session)
            if witness is not None and witness.seq > evidence.last_seq:
                problems.append((None, f"the checkpoint file is older than the keyring's "
                                       f"witness (#{witness.seq:,}): the ledger files were put "
                                       "back to an older copy"))
        if witness is not None and (evidence is None or not problems):
            problems += _against_witness(witness, head_seq, session)
        return Assessment(key is not None, note, mode, cp, witness.seq if witness else None,
                          problems)

    def audit(self, session: Session, report) -> None:
        """Add what the checkpoint and the witness say to a verify report."""
        found = self.assess(session, checkpoint.read(self.path), report.head_seq,
                            report.head_hash)
        report.anchored, report.anchor_note = found.anchored, found.note
        report.checkpoint_seq = found.checkpoint.last_seq if found.checkpoint else None
        report.witness_seq = found.witness_seq
        for seq, what in found.problems:
            report.add(seq, what)


def _heads(cp: Checkpoint) -> set[tuple[int, str]]:
    heads = {(cp.head_seq, cp.head_hash)}
    if cp.pending_seq is not None:
        heads.add((cp.pending_seq, cp.pending_hash))
    return heads


def _hash_at(session: Session, seq: int) -> str | None:
    if seq == 0:
        return GENESIS_HASH
    return session.execute(select(JournalEntry.hash).where(JournalEntry.seq == seq)).scalar()


def _gone(first: int, last: int, label: str) -> tuple[int, str]:
    what = f"entry #{first:,} is gone" if first == last else \
        f"entries #{first:,}–#{last:,} are gone"
    return first, f"{what}: {label} is #{last:,}"


def _rewritten(seq: int, label: str) -> tuple[int, str]:
    return seq, f"entry #{seq:,} is not the one {label} names: the history up to it was re-written"


def _against(cp: Checkpoint, head_seq: int, label: str, session: Session):
    """A head after any crash is the checkpoint's `head` or its committed `pending`. Below
    `head`, commits were lost: the last one most likely `pending` (a checkpoint is only
    replaced by the next transaction's)."""
    if head_seq < cp.head_seq:
        return [_gone(head_seq + 1, cp.last_seq, label)]
    if _hash_at(session, cp.head_seq) != cp.head_hash:
        return [_rewritten(cp.head_seq, label)]
    if cp.pending_seq is None or head_seq == cp.head_seq:
        top = cp.head_seq
    elif head_seq < cp.pending_seq:
        return [_gone(head_seq + 1, cp.pending_seq, label)]
    elif _hash_at(session, cp.pending_seq) != cp.pending_hash:
        return [_rewritten(cp.pending_seq, label)]
    else:
        top = cp.pending_seq
    if head_seq > top:
        return [(top + 1, f"entries #{top + 1:,}–#{head_seq:,} are not covered by {label} "
                          f"(#{top:,}): they were added outside the app, or the checkpoint "
                          "was put back")]
    return []


def _against_witness(witness: Witness, head_seq: int, session: Session):
    label = "the keyring's witness"
    if head_seq < witness.seq:
        return [_gone(head_seq + 1, witness.seq, label)]
    if _hash_at(session, witness.seq) != witness.hash:
        return [_rewritten(witness.seq, label)]
    return []


def _profile_id(session: Session) -> str | None:
    row = session.get(Setting, PROFILE_SETTING)
    return row.value if row is not None else None
