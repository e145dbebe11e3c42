"""Home's start-up glance (app.core.glance): the overview read from the SQLite file with the
standard library, before SQLAlchemy is loaded. It must show exactly what the full read shows
a moment later (or nothing), write nothing, and never load SQLAlchemy."""
from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from app.core.clock import KST
from app.core.glance import glance
from app.core.partners import Catalog
from tests.partner.lossy import lossy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def profile(tmp_path, clock, monkeypatch):
    """The demo profile, its ledger in the profile directory (where the glance looks)."""
    from app.core.services import Services

    monkeypatch.delenv("MILK_DATABASE_URL", raising=False)
    svc = Services.open(tmp_path / "profile", clock=clock)
    svc.admin.init(demo=True)
    yield svc
    svc.close()


def comparable(overview):
    """The overview with the price's time set aside: a live static price is dated "now", the
    moment each read happened."""
    price = overview.price
    problem = overview.price_problem
    return (dataclasses.replace(overview, price=None, price_problem=None),
            price and (price.krw_per_mlk, price.source), problem and problem.code)


def glanced(svc):
    return glance(svc.ctx.data_dir, svc.ctx.catalog, svc.ctx.clock)


def assert_glance_is_the_overview(svc):
    seen = glanced(svc)
    assert seen is not None
    assert comparable(seen) == comparable(svc.points.overview())
    return seen


def file_digest(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.glob("ledger.sqlite3*"))}


def test_the_glance_shows_what_the_full_read_shows_on_a_lived_in_profile(profile):
    profile.simulate(80, seed=5)
    seen = assert_glance_is_the_overview(profile)
    assert seen.total_krw > 0 and len(seen.holdings) >= 3 and seen.mlk_in_app > 0
    assert all(h.mlk_value for h in seen.holdings if h.balance)  # priced as the full read


def test_the_glance_writes_nothing(profile):
    profile.simulate(10, seed=1)
    before = file_digest(profile.ctx.data_dir)
    for _ in range(3):
        assert glanced(profile) is not None
    assert file_digest(profile.ctx.data_dir) == before


def test_lots_past_their_expiry_count_for_nothing_as_once_swept(profile, clock):
    """The glance writes nothing, so the expired lots are still in the file: it must leave
    them out exactly as the full read's sweep returns them to their issuer."""
    lots = [(h.partner.code, lot) for h in profile.points.overview().holdings for lot in h.lots]
    code, soonest = min(lots, key=lambda t: t[1].expires_on)
    before = next(h.balance for h in profile.points.overview().holdings
                  if h.partner.code == code)
    clock.set(datetime.combine(soonest.expires_on + timedelta(days=1), time(9), KST)
              .astimezone(UTC))
    seen = glanced(profile)  # before any sweep: the file still holds the expired lot
    swept_by_glance = profile.history.page(limit=1)[0].kind
    full = profile.points.overview()  # sweeps
    assert swept_by_glance != "expire" and profile.history.page(limit=1)[0].kind == "expire"
    assert comparable(seen) == comparable(full)
    held = next(h for h in seen.holdings if h.partner.code == code)
    assert held.balance <= before - soonest.remaining
    assert soonest.id not in {lot.id for lot in held.lots}


def test_operations_pending_at_a_partner_show_the_same(profile):
    _line, heal = lossy(profile, "YANOLJA", deliver=True)
    c = profile.exchange.convert("YANOLJA", "MLK", "4000", key="lost-1")
    assert c.status == "pending"
    seen = assert_glance_is_the_overview(profile)
    assert [(op.partner, op.kind, op.points) for op in seen.pending] == [
        ("YANOLJA", "redeem", 4000)]
    assert next(h for h in seen.holdings if h.partner.code == "YANOLJA").pending_out == 4000
    heal()


def test_points_of_a_partner_gone_from_the_catalog_still_show(profile):
    held = [h.partner.code for h in profile.points.overview().holdings if h.balance]
    code = held[0]
    narrower = Catalog([p for p in profile.ctx.catalog if p.code != code])
    profile.ctx.catalog = narrower
    seen = glance(profile.ctx.data_dir, narrower, profile.ctx.clock)
    assert comparable(seen) == comparable(profile.points.overview())
    gone = next(h for h in seen.holdings if h.partner.code == code)
    assert not gone.partner.known and seen.unknown_points == gone.balance > 0


def test_a_stale_or_missing_price_gives_the_same_reason(profile, clock):
    clock.advance(minutes=1)
    profile.prices.set_static(profile.prices.latest().krw_per_mlk, clock.now())  # pinned
    clock.advance(hours=1)
    seen = assert_glance_is_the_overview(profile)
    assert seen.price is None and seen.price_problem.code == "price_stale"
    with sqlite3.connect(profile.ctx.data_dir / "ledger.sqlite3") as conn:
        conn.execute("DELETE FROM prices")
    seen = assert_glance_is_the_overview(profile)
    assert seen.price_problem.code == "price_missing"


def test_no_glance_where_it_cannot_be_sure(profile, tmp_path, monkeypatch):
    directory = profile.ctx.data_dir
    catalog = profile.ctx.catalog
    assert glance(tmp_path / "nowhere", catalog) is None  # a first start: no file yet
    monkeypatch.setenv("MILK_DATABASE_URL", "postgresql://example.invalid/milk")
    assert glance(directory, catalog) is None  # the ledger is elsewhere
    monkeypatch.delenv("MILK_DATABASE_URL")
    path = directory / "ledger.sqlite3"
    with sqlite3.connect(path) as conn:  # an older schema: the full open migrates it first
        (current,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        conn.execute("UPDATE alembic_version SET version_num = '0005'")
    assert glance(directory, catalog) is None
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (current,))
        conn.execute("INSERT OR REPLACE INTO settings VALUES ('price.feed', 'upbit')")
    assert glance(directory, catalog) is None  # a fetch is due: the full read asks Upbit
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM settings WHERE key = 'price.feed'")
        conn.execute("DELETE FROM settings WHERE key = 'profile.created_at'")
    assert glance(directory, catalog) is None  # not initialised: the first-run path


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_file_gives_no_glance_and_no_error(tmp_path, damage, monkeypatch):
    monkeypatch.delenv("MILK_DATABASE_URL", raising=False)
    from app.core.services import Services

    svc = Services.open(tmp_path / "p")
    svc.admin.init(demo=True)
    svc.close()
    path = tmp_path / "p" / "ledger.sqlite3"
    data = path.read_bytes()
    path.write_bytes({"garbage": b"not a database at all " * 400,
                      "truncated": data[:len(data) // 3], "empty": b""}[damage])
    assert glance(tmp_path / "p", Catalog.load()) is None


def test_the_glance_never_loads_sqlalchemy(profile):
    profile.simulate(5, seed=2)
    code = ("import sys\n"
            "from pathlib import Path\n"
            "from app.core.glance import glance\n"
            "from app.core.partners import Catalog\n"
            f"seen = glance(Path(r'{profile.ctx.data_dir}'), Catalog.load())\n"
            "assert seen is not None and seen.holdings\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('sqlalchemy', 'alembic', 'httpx', 'asyncio')))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_a_glance_beside_a_writing_process_is_never_torn(profile):
    """`milk simulate` converts in another process while the glance reads again and again:
    each glance is one snapshot, so every partner's balance is exactly its lots (a read
    outside one transaction could take the balances from after a conversion and the lots
    from before it)."""
    directory = profile.ctx.data_dir
    writer = subprocess.Popen([sys.executable, "-m", "app.cli", "--data-dir", str(directory),
                               "simulate", "--conversions", "40", "--seed", "9"], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen = set()
    try:
        while writer.poll() is None:
            view = glance(directory, profile.ctx.catalog)
            if view is None:
                continue
            for held in view.holdings:
                assert held.balance == sum(lot.remaining for lot in held.lots), held
            seen.add((view.mlk_in_app, tuple(h.balance for h in view.holdings)))
    finally:
        if writer.poll() is None:
            writer.kill()
        _out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err[-2000:]
    assert len(seen) > 3  # it did read while the figures moved
    assert_glance_is_the_overview(profile)
