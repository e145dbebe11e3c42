"""What users wait for: the first page of history however long the ledger, a conversion
however long the ledger (and on PostgreSQL), verification cost per entry, and the time from
launch to a populated Home against a bare Qt window."""
from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.history_filter import HistoryFilter
from app.core.services import Services
from tests.support.bulk_ledger import build

MILLION = 1_000_000


@pytest.fixture(scope="session")
def ledgers(tmp_path_factory):
    """Profiles whose ledgers hold n entries, built once per run (a million takes a minute)."""
    made: dict[int, Path] = {}

    def get(n: int) -> Path:
        if n not in made:
            directory = tmp_path_factory.mktemp(f"ledger-{n}")
            build(directory / "ledger.sqlite3", n)
            made[n] = directory
        return made[n]

    return get


def open_profile(directory: Path, **kw) -> Services:
    svc = Services.open(directory, **kw)
    svc.admin.init(demo=True)
    return svc


# -- history ---------------------------------------------------------------------------------

@pytest.mark.parametrize("entries", [100, MILLION])
def test_history_first_page(measure, ledgers, entries):
    svc = Services.open(ledgers(entries))
    rows = measure("history: first page of 100", f"{entries:,} entries",
                   lambda: svc.history.page(limit=100), baseline=entries == 100,
                   expect="about x1 (keyset paging, never a table scan)")
    assert rows[0].seq == entries and len(rows) == min(100, entries - 1)  # genesis is TICA's
    svc.close()


DEEP = "history: pages of 100 in 1,000,000 entries"


@pytest.fixture(scope="module")
def million(ledgers):
    svc = Services.open(ledgers(MILLION))
    yield svc
    svc.close()


def test_history_newest_page(measure, million):
    measure(DEEP, "newest page", lambda: million.history.page(limit=100), baseline=True)


def test_history_page_half_way_down(measure, million):
    rows = measure(DEEP, "page below entry 500,000",
                   lambda: million.history.page(before_seq=500_000, limit=100), expect="about x1")
    assert rows[0].seq == 499_999 and len(rows) == 100


def test_history_filtered_page(measure, million):
    flt = HistoryFilter(kinds=("reward",), asset="MLK")
    rows = measure(DEEP, "newest page, kind + asset filter",
                   lambda: million.history.page(limit=100, flt=flt), expect="about x1")
    assert len(rows) == 100


# -- converting -------------------------------------------------------------------------------

CONVERT = "convert 1,000 points to MLK (one durable transaction)"


def _converter(svc: Services):
    keys = itertools.count()
    return lambda: svc.exchange.convert("YANOLJA", "MLK", "1000", key=f"bench-{next(keys)}")


def test_conversion_on_a_fresh_ledger(measure, tmp_path):
    svc = open_profile(tmp_path / "fresh")
    measure(CONVERT, "fresh demo ledger, SQLite",
            _converter(svc), baseline=True, rounds=40)
    assert svc.admin.verify().ok
    svc.close()


def test_conversion_on_a_million_entry_ledger(measure, ledgers):
    svc = open_profile(ledgers(MILLION))
    measure(CONVERT,
            "1,000,000-entry ledger, SQLite", _converter(svc), rounds=40,
            expect="about x1 (appending does not read the history)")
    svc.close()


def test_conversion_on_postgresql(measure, tmp_path, pg_url):
    svc = open_profile(tmp_path / "pg", database_url=pg_url)
    measure(CONVERT, "fresh demo ledger, PostgreSQL",
            _converter(svc), rounds=40)
    assert svc.admin.verify().ok
    svc.close()


# -- verifying ---------------------------------------------------------------------------------

@pytest.mark.parametrize("entries", [10_000, 100_000])
def test_verify_scales_linearly(measure, ledgers, entries):
    svc = Services.open(ledgers(entries))
    report = measure("ledger verify (re-walk the hash chain, re-derive balances)",
                     f"{entries:,} entries", svc.admin.verify, baseline=entries == 10_000,
                     rounds=3, expect="" if entries == 10_000 else "about x10 (linear)")
    assert report.ok and report.entries == entries
    svc.close()


# -- starting -----------------------------------------------------------------------------------

BARE_QT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
w = QLabel("hello"); w.resize(1280, 860); w.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def _launch(args: list[str], env: dict) -> float:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, *args], env=env, capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    return time.perf_counter() - started


@pytest.fixture
def gui_env(tmp_path):
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path / "config")}


def test_startup_bare_qt_window(measure, gui_env):
    measure("start-up: launch to first paint", "bare PySide6 window",
            lambda: _launch(["-c", BARE_QT], gui_env), baseline=True, rounds=5)


def test_startup_to_a_populated_home(measure, gui_env, tmp_path):
    profile = tmp_path / "demo-profile"
    _launch(["-m", "app", "--demo", "--data-dir", str(profile), "--exit-after-paint"], gui_env)
    measure("start-up: launch to first paint", "milk-wallet --demo, Home populated",
            lambda: _launch(["-m", "app", "--demo", "--data-dir", str(profile),
                             "--exit-after-paint"], gui_env), rounds=5)
