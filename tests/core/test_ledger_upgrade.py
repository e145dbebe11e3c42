"""Existing profiles upgrade in place: ledgers made by the release before the ledger's proof
(tests/fixtures/legacy, committed before the change) open, migrate, verify under the format
their entries were written in, and new entries chain onto them — SQLite and PostgreSQL."""
from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from app.core.services import Services
from tests.support.postgres import _pg_bin

LEGACY = Path(__file__).resolve().parents[1] / "fixtures" / "legacy"


def upgrade_and_extend(svc, entries: int) -> None:
    report = svc.admin.verify()
    assert report.ok, report.problems
    assert report.entries == entries and report.head_seq == entries
    svc.prices.set_static(Decimal(200))
    shown = svc.points.balance("YANOLJA")
    sell = svc.exchange.convert("YANOLJA", "MLK", "2000").entry  # legacy lots, legacy accounts
    buy = svc.exchange.convert("MLK", "AIRPORT_LIMO", "1000", exact_out=True).entry
    assert entries + 1 == sell.seq < buy.seq  # each held, then booked once the partner did it
    report = svc.admin.verify()
    assert report.ok and report.head_seq == entries + 4, report.problems
    with svc.ctx.db.read() as s:
        formats = s.execute(text("SELECT format, COUNT(*) FROM journal_entries GROUP BY format "
                                 "ORDER BY format")).all()
    assert [tuple(f) for f in formats] == [(1, entries), (2, 4)]
    # the demo partner's books started from the ledger's view of the member: a sync agrees
    svc.partners.sync("YANOLJA")
    assert svc.points.balance("YANOLJA") == shown - 2000


def test_a_sqlite_ledger_of_the_previous_release_upgrades_in_place(tmp_path, clock):
    profile = tmp_path / "profile"
    profile.mkdir()
    shutil.copy(LEGACY / "ledger-3caf48d.sqlite3", profile / "ledger.sqlite3")
    svc = Services.open(profile, clock=clock)
    assert svc.ctx.db.schema_revision() == "0006"
    upgrade_and_extend(svc, 35)
    svc.close()


def test_a_postgresql_ledger_of_the_previous_release_upgrades_in_place(tmp_path, clock, pg_url):
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    subprocess.run([str(_pg_bin() / "psql"), "-q", "-v", "ON_ERROR_STOP=1", "-d", plain, "-f",
                    str(LEGACY / "ledger-3caf48d.pg.sql")], check=True, capture_output=True)
    svc = Services.open(tmp_path / "profile", database_url=pg_url, clock=clock)
    upgrade_and_extend(svc, 25)
    svc.close()


def test_an_upgraded_ledger_is_anchored_once_on_purpose(secret_service, tmp_path, clock):
    profile = tmp_path / "profile"
    profile.mkdir()
    shutil.copy(LEGACY / "ledger-3caf48d.sqlite3", profile / "ledger.sqlite3")
    svc = Services.open(profile, clock=clock)
    report = svc.admin.verify()
    assert report.ok and not report.anchored and "the next write anchors it" in report.anchor_note
    svc.prices.set_static(Decimal(200))
    svc.exchange.convert("YANOLJA", "MLK", "2000")
    report = svc.admin.verify()
    assert report.ok and report.anchored and "anchored since #35" in report.anchor_note
    svc.close()
