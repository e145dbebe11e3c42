"""Creating a profile (TICA's pool, the demo profile) and checking the ledger."""
from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from app.core.clock import iso
from app.core.errors import ExternalError, InputError, RuleError
from app.core.ledger import Journal, Line, VerifyReport, verify
from app.core.ledger.integrity import check_ledger
from app.core.ledger import accounts as acct
from app.core.ledger.canonical import params_digest
from app.core.money import MLK, MLK_UNIT, TICA_POOL_MLK
from app.core.services.context import DB_FILE, Context

DEMO_PRICE_KRW = Decimal(200)
DEMO_MEMBER_ID = "demo-jiwoo"
DEMO_LINKED = ("YANOLJA", "SSG_DUTYFREE", "AIRPORT_LIMO")  # DELICAR is left to link live
DEMO_REWARD_MLK = 100 * MLK_UNIT


@dataclass(frozen=True)
class InitResult:
    created: bool  # False when the profile already existed
    demo: bool
    entries: int  # ledger entries written


class AdminService:
    def __init__(self, ctx: Context, partners):
        self.ctx = ctx
        self._partners = partners

    def is_initialized(self) -> bool:
        return bool(self.ctx.settings.get("profile.created_at"))

    def require_profile(self) -> None:
        if not self.is_initialized():
            raise RuleError(f"There is no MiL.k profile in {self.ctx.data_dir}. Run `milk init` "
                            "(or `milk init --demo` for the demo profile) first.",
                            code="no_profile")

    def init(self, demo: bool = False) -> InitResult:
        """Fund TICA (pool MLK and each partner's inventory at target); with `demo`, also a
        static price of 200 KRW, linked demo memberships and a welcome reward. Idempotent."""
        existed = self.is_initialized()
        written = self._seed_tica()
        if not existed:
            self.ctx.settings.set("profile.created_at", iso(self.ctx.clock.now()))
            if not demo:
                self.ctx.prices.use_feed("upbit")
        if demo and not self.ctx.settings.get_bool("profile.demo"):
            self.ctx.settings.set("profile.demo", True)
            self.ctx.prices.set_static(DEMO_PRICE_KRW)
            for code in DEMO_LINKED:
                if code in self.ctx.catalog:
                    connector = self.ctx.connector(self.ctx.catalog.get(code))
                    challenge = connector.request_code(DEMO_MEMBER_ID)
                    self._partners.link(code, DEMO_MEMBER_ID, challenge.demo_code)
                    written += 1
            written += self._post_once("reward", "demo:welcome-reward", [
                Line(acct.POOL, MLK, -DEMO_REWARD_MLK), Line(self.ctx.user, MLK, DEMO_REWARD_MLK),
            ], {"reason": "demo welcome reward"})
        return InitResult(created=not existed, demo=demo or self.ctx.settings.get_bool(
            "profile.demo"), entries=written)

    def _seed_tica(self) -> int:
        written = self._post_once("genesis", "genesis:tica-pool:MLK", [
            Line(acct.BRIDGE, MLK, -TICA_POOL_MLK), Line(acct.POOL, MLK, TICA_POOL_MLK),
        ], {"reason": "TICA liquidity pool (28% of MLK supply), backed by the treasury"})
        for partner in self.ctx.catalog:
            written += self._post_once("genesis", f"genesis:tica-pool:{partner.code}", [
                Line(acct.issuer(partner.code), partner.code, -partner.target_inventory),
                Line(acct.POOL, partner.code, partner.target_inventory),
            ], {"reason": "TICA inventory at target", "partner": partner.code})
        return written

    def _post_once(self, kind: str, key: str, lines: list[Line], memo: dict) -> int:
        params = params_digest({"key": key})
        with self.ctx.db.write() as s:
            journal = Journal(s)
            if journal.replay(key, params):
                return 0
            journal.append(kind, key, params, lines, memo, self.ctx.clock.now())
        return 1

    def verify(self) -> VerifyReport:
        return check_ledger(self.ctx.db)

    def backup(self, target: Path) -> VerifyReport:
        """A consistent copy of the SQLite ledger (online backup API), checked after writing."""
        if self.ctx.db.dialect != "sqlite":
            raise RuleError("Back up a PostgreSQL ledger with the server's own tools (pg_dump).",
                            code="backup_unsupported")
        target = Path(target)
        partial = target.with_name(target.name + ".part")
        partial.unlink(missing_ok=True)
        raw = self.ctx.db.engine.raw_connection()
        try:
            dest = sqlite3.connect(partial)
            try:
                raw.driver_connection.backup(dest)
            finally:
                dest.close()
        finally:
            raw.close()
        report = check_backup(partial)
        if not report.ok:
            partial.unlink(missing_ok=True)
            raise ExternalError("The backup copy did not verify; nothing was written.",
                                code="backup_failed")
        partial.replace(target)
        return report


def check_backup(path: Path) -> VerifyReport:
    """Open a ledger file read-only-in-spirit and verify it (before restoring it)."""
    from app.core.ledger.database import Database, sqlite_url

    if not Path(path).is_file():
        raise InputError("There is no such backup file.", code="no_file")
    db = Database(sqlite_url(Path(path)))
    try:
        revision = db.schema_revision()
        if revision is None:
            raise InputError("That file is not a MiL.k ledger.", code="not_a_ledger")
        db.migrate()  # refuses a newer schema; upgrades an older one
        with db.read() as s:
            return verify(s)
    finally:
        db.dispose()


def restore_ledger(data_dir: Path, source: Path, now: datetime) -> Path:
    """Replace the profile's SQLite ledger with a backup that verifies. The ledger it replaces
    is kept beside it first (returned), so a restore is never the end of any data. Call it with
    the profile closed."""
    report = check_backup(Path(source))
    if not report.ok:
        raise ExternalError("That backup does not verify; nothing was restored.",
                            code="backup_bad")
    target = Path(data_dir) / DB_FILE
    kept = target.with_name(f"ledger-before-restore-{now.strftime('%Y%m%dT%H%M%S')}.sqlite3")
    if target.exists():  # a consistent copy, whatever the WAL still holds
        src, dst = sqlite3.connect(target), sqlite3.connect(kept)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    staging = target.with_name(target.name + ".restoring")
    shutil.copy2(source, staging)
    for suffix in ("-wal", "-shm"):  # the old ledger's journal must not meet the new file
        Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(staging, target)
    return kept
