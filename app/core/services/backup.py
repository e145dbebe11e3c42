"""Backups you can trust.

A backup is a consistent copy of the SQLite ledger (online backup API), verified before it
is moved into place (temp file, fsync, rename), carrying a checkpoint of its head signed
with this profile's key. Restoring reads the backup file only (it is copied, then checked
and migrated as a copy), and refuses unless the chain and every projection verify, the
schema objects are the ones the migrations make, the checkpoint inside is signed by this
location's key for this profile and names the backup's head, and — when the backup is
behind what this profile has reached (its ledger, checkpoint, keyring witness) — the user
confirmed the rollback by its sequence numbers. The ledger it replaces is kept beside it.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import make_url, select
from sqlalchemy.exc import DBAPIError

from app.core.clock import iso
from app.core.errors import ExternalError, InputError, RuleError
from app.core.files import atomic_write, check_target, fsync_dir
from app.core.ledger import checkpoint, storage
from app.core.ledger.checkpoint import CheckpointDamaged
from app.core.ledger.database import Database, location, sqlite_url
from app.core.ledger.integrity import check_ledger
from app.core.ledger.notary import PROFILE_SETTING, Notary
from app.core.ledger.schema import JournalEntry, Setting
from app.core.services.context import Context, resolve_database_url

BACKUP_CHECKPOINT = "ledger.backup_checkpoint"  # setting inside a backup: its signed head


@dataclass(frozen=True)
class BackupResult:
    path: Path
    entries: int
    head_seq: int
    head_hash: str
    signed: bool  # the checkpoint inside is signed with this profile's key


@dataclass(frozen=True)
class RestorePlan:
    """What restoring `source` would do; every check has passed when one exists."""

    source: Path
    head_seq: int  # the backup's head
    head_hash: str
    entries: int
    reached_seq: int  # the furthest head this profile is known to have had
    signed: bool
    anchored: bool  # this location has a key in the keyring

    @property
    def rollback(self) -> tuple[int, int] | None:
        """The entries restoring would take back, first and last, if any."""
        if self.reached_seq > self.head_seq:
            return (self.head_seq + 1, self.reached_seq)
        return None


@dataclass(frozen=True)
class RestoreResult:
    plan: RestorePlan
    kept: Path | None  # the ledger it replaced


class BackupService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def backup(self, target: Path, force: bool = False) -> BackupResult:
        """A verified copy of the SQLite ledger with its signed checkpoint, written
        atomically to `target`."""
        db = self.ctx.db
        if db.dialect != "sqlite":
            raise RuleError("Back up a PostgreSQL ledger with the server's own tools (pg_dump).",
                            code="backup_unsupported")
        target = check_target(Path(target), force)
        made: dict = {}

        def write(f) -> None:
            # SQLite copies into a scratch file beside the target; that copy is verified and
            # sealed, then streamed into the temp file atomic_write fsyncs and renames.
            with tempfile.TemporaryDirectory(dir=target.parent, prefix=".milk-backup-") as tmp:
                copy = Path(tmp) / "copy.sqlite3"
                raw = db.engine.raw_connection()
                try:
                    dest = sqlite3.connect(copy)
                    try:
                        raw.driver_connection.backup(dest)
                    finally:
                        dest.close()
                finally:
                    raw.close()
                made.update(self._seal_copy(copy))
                with open(copy, "rb") as src:
                    shutil.copyfileobj(src, f)

        atomic_write(target, write)
        with db.write() as s:  # the live checkpoint remembers where the last backup is
            db.notary.record_backup(s, {"path": str(target.resolve()), "seq": made["head_seq"],
                                        "at": iso(self.ctx.clock.now())})
        return BackupResult(target, made["entries"], made["head_seq"], made["head_hash"],
                            made["signed"])

    def _seal_copy(self, copy: Path) -> dict:
        """Verify the copy, check its head against the live checkpoint, and put the signed
        checkpoint of its head inside it."""
        notary = self.ctx.db.notary
        db = Database(sqlite_url(copy))
        try:
            report = check_ledger(db)
            if not report.ok:
                raise ExternalError(f"The backup copy did not verify ({report.problems[0]}); "
                                    "nothing was written.", code="backup_failed")
            with db.read() as s:
                found = notary.assess(s, checkpoint.read(notary.path), report.head_seq,
                                      report.head_hash)
                profile = _setting(s, PROFILE_SETTING) or ""
            if found.problems:
                raise ExternalError(f"The ledger does not match its checkpoint "
                                    f"({found.problems[0][1]}); nothing was backed up.",
                                    code="ledger_rolled_back")
            cp = notary.backup_checkpoint(profile, report.head_seq, report.head_hash)
            with db.write() as s:
                s.merge(Setting(key=BACKUP_CHECKPOINT, value=cp.encode().decode()))
        finally:
            db.dispose()
        return {"entries": report.entries, "head_seq": report.head_seq,
                "head_hash": report.head_hash, "signed": cp.signed}

    def inspect(self, source: Path) -> RestorePlan:
        """Every check a restore makes, without restoring: for the GUI to show the rollback
        range before it asks."""
        return plan_restore(self.ctx.data_dir, source, self.ctx.db.url)


def plan_restore(data_dir: Path, source: Path, database_url: str | None = None) -> RestorePlan:
    staging, plan = _stage(Path(data_dir), Path(source), database_url)
    staging.unlink(missing_ok=True)
    return plan


def restore_ledger(data_dir: Path, source: Path, now: datetime,
                   rollback: tuple[int, int] | None = None,
                   database_url: str | None = None) -> RestoreResult:
    """Replace the profile's SQLite ledger with a backup that passes every check. A backup
    behind this profile's head needs `rollback` = (first, last) of the entries it takes
    back. Call it with the profile closed."""
    data_dir, source = Path(data_dir), Path(source)
    url = resolve_database_url(data_dir, database_url)
    staging, plan = _stage(data_dir, source, url)
    try:
        if plan.rollback is not None and tuple(rollback or ()) != plan.rollback:
            first, last = plan.rollback
            raise RuleError(
                f"This backup ends at entry #{plan.head_seq:,}; this profile has reached "
                f"#{last:,}. Restoring it takes back entries #{first:,}–#{last:,}. To do that "
                f"on purpose: milk restore \"{source}\" --rollback {first}-{last}",
                code="rollback_unconfirmed",
                details={"first": first, "last": last, "backup_seq": plan.head_seq})
        target = _ledger_file(url)
        kept = _keep(target, now)
        for suffix in ("-wal", "-shm"):  # the old ledger's journal must not meet the new file
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(staging, target)
        fsync_dir(target.parent)
    finally:
        staging.unlink(missing_ok=True)
    notary = Notary(data_dir / checkpoint.FILE_NAME, location(url, data_dir))
    notary.restored(_profile_of(target), plan.head_seq, plan.head_hash,
                    {"path": str(source.resolve()), "seq": plan.head_seq, "at": iso(now)})
    return RestoreResult(plan, kept)


def _stage(data_dir: Path, source: Path, database_url: str | None) -> tuple[Path, RestorePlan]:
    """Copy the backup beside the ledger (the backup itself is only read) and check the
    copy; the caller removes the staging file."""
    url = resolve_database_url(data_dir, database_url)
    if not url.startswith("sqlite"):
        raise RuleError("Restore a PostgreSQL ledger with the server's own tools.",
                        code="backup_unsupported")
    if not source.is_file():
        raise InputError(f"There is no backup file {source}.", code="no_file")
    target = _ledger_file(url)
    staging = target.with_name(target.name + ".restoring")
    staging.unlink(missing_ok=True)
    try:
        shutil.copyfile(source, staging)
    except OSError as exc:
        raise ExternalError(f"Could not copy the backup: {exc.strerror or exc}.",
                            code="write_failed") from None
    try:
        return staging, _check(staging, source, data_dir, url)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise


def _check(staging: Path, source: Path, data_dir: Path, url: str) -> RestorePlan:
    if staging.stat().st_size == 0:
        raise InputError(f"{source} is empty: it is not a MiL.k ledger backup.",
                         code="not_a_ledger")
    problem = storage.file_problem(staging)
    if problem:
        raise _refused(source, problem[1])
    db = Database(sqlite_url(staging))
    try:
        try:
            revision = db.schema_revision()
        except DBAPIError as exc:
            raise _refused(source, f"cannot be read ({exc.orig})") from None
        if revision is None:
            raise InputError(f"{source} is not a MiL.k ledger.", code="not_a_ledger")
        db.migrate()  # refuses a newer schema; upgrades the copy of an older one
        report = check_ledger(db)
        if not report.ok:
            raise ExternalError(f"That backup does not verify: {report.problems[0]}. Nothing "
                                "was restored.", code="backup_bad",
                                details={"problems": [str(p) for p in report.problems]})
        notary = Notary(data_dir / checkpoint.FILE_NAME, location(url, data_dir))
        notary.load()
        with db.read() as s:
            signed = _signed_by(notary, s, report.head_seq, report.head_hash, source)
            witness = notary.witness
            if witness is not None and report.head_seq >= witness.seq and _hash_at(
                    s, witness.seq) != witness.hash:
                raise _refused(source, f"has a history that differs from this profile's at "
                                       f"entry #{witness.seq:,} (the keyring's witness)")
    finally:
        db.dispose()
    return RestorePlan(source, report.head_seq, report.head_hash, report.entries,
                       _reached(url, notary), signed, notary.key is not None)


def _signed_by(notary: Notary, s, head_seq: int, head_hash: str, source: Path) -> bool:
    """Whether the backup's checkpoint is this profile's; refuses when the location has a
    key and it is not."""
    text = _setting(s, BACKUP_CHECKPOINT)
    try:
        cp = checkpoint.decode(text.encode()) if text else None
    except CheckpointDamaged:
        cp = None
    if notary.key is None:
        return False
    if cp is None:
        raise _refused(source, "carries no signed checkpoint (made by an older version, or "
                               "it was removed); this profile only restores its own backups")
    if not cp.signature_valid(notary.key.public_key):
        raise _refused(source, "is not signed with this profile's key (forged, or another "
                               "profile's backup)")
    if cp.profile != notary.key.profile or _setting(s, PROFILE_SETTING) != notary.key.profile:
        raise _refused(source, "belongs to another profile")
    if (cp.head_seq, cp.head_hash) != (head_seq, head_hash):
        raise _refused(source, f"does not end where its signed checkpoint says "
                               f"(#{cp.head_seq:,}): its entries were changed or cut")
    return True


def _reached(url: str, notary: Notary) -> int:
    """The furthest head this profile is known to have had: its ledger file, its
    checkpoint and the keyring witness — whichever can be read."""
    reached = [notary.witness.seq] if notary.witness else []
    data = checkpoint.read(notary.path)
    try:
        if data:
            reached.append(checkpoint.decode(data).last_seq)
    except CheckpointDamaged:
        pass
    target = _ledger_file(url)
    if target.is_file() and target.stat().st_size:
        try:
            conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
            try:
                reached.append(conn.execute("SELECT seq FROM chain_head").fetchone()[0])
            finally:
                conn.close()
        except (sqlite3.Error, TypeError):
            pass  # a damaged ledger: the checkpoint and witness still say how far it got
    return max(reached, default=0)


def _keep(target: Path, now: datetime) -> Path | None:
    """A copy of the ledger being replaced, WAL and all (raw bytes if it is damaged)."""
    if not target.exists():
        return None
    kept = target.with_name(f"ledger-before-restore-{now.strftime('%Y%m%dT%H%M%S')}.sqlite3")
    try:
        src, dst = sqlite3.connect(target), sqlite3.connect(kept)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    except sqlite3.Error:
        kept.unlink(missing_ok=True)
        shutil.copyfile(target, kept)
    return kept


def _profile_of(path: Path) -> str:
    db = Database(sqlite_url(path))
    try:
        with db.read() as s:
            return _setting(s, PROFILE_SETTING) or ""
    finally:
        db.dispose()


def _setting(s, key: str) -> str | None:
    row = s.get(Setting, key)
    return row.value if row is not None else None


def _hash_at(s, seq: int) -> str | None:
    return s.execute(select(JournalEntry.hash).where(JournalEntry.seq == seq)).scalar()


def _ledger_file(url: str) -> Path:
    return Path(make_url(url).database)


def _refused(source: Path, what: str) -> ExternalError:
    return ExternalError(f"That backup does not verify: {source} {what}. Nothing was restored.",
                         code="backup_bad")


__all__ = ["BackupResult", "BackupService", "RestorePlan", "RestoreResult", "plan_restore",
           "restore_ledger"]
