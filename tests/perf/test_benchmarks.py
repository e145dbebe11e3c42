"""The issue-12 targets, each against a baseline measured in the same run: start-up and
memory against a bare Qt window, durable conversions against raw durable commits (SQLite, one
writer; PostgreSQL, four writer processes), the bulk path against one conversion per commit,
`ledger verify` against reading and hashing the same rows, and history's first page however
long the ledger."""
from __future__ import annotations

import hashlib
import itertools
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.history_filter import HistoryFilter
from app.core.services import Services
from tests.perf.conftest import MEMORY, RATE, record
from tests.perf.writers import converter
from tests.support.bulk_ledger import build

MILLION = 1_000_000
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def ledgers(tmp_path_factory):
    """Profiles whose ledgers hold n entries, built once per run (a million takes a minute)."""
    made: dict[int, Path] = {}

    def get(n: int) -> Path:
        if n not in made:
            directory = tmp_path_factory.mktemp(f"ledger-{n}")
            build(directory / "ledger.sqlite3", n)
            os.sync()  # its writeback would otherwise compete with the first measurement
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
                   target=None if entries == 100 else 1.2)
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


# -- converting, SQLite, one writer -----------------------------------------------------------

SQLITE_RATE = "durable conversions per second, SQLite, one writer"
BULK_RATE = "conversions per second: bulk mode against one per commit"
RAW_COMMITS = 400


def raw_sqlite_commit_seconds(directory: Path, n: int = RAW_COMMITS) -> float:
    """Seconds per raw durable commit: one INSERT + COMMIT per transaction, the app's pragmas,
    the same disk."""
    directory.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(directory / "raw.sqlite3", isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                   "busy_timeout=30000"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, k TEXT UNIQUE, "
                 "v TEXT)")
    keys = itertools.count(conn.execute("SELECT count(*) FROM bench_raw").fetchone()[0])
    started = time.perf_counter()
    for _ in range(n):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bench_raw (k, v) VALUES (?, ?)", (f"k{next(keys)}", "x" * 200))
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed / n


def conversion_seconds(svc: Services, n: int, prefix: str) -> float:
    step = converter(svc, prefix, itertools.count())
    started = time.perf_counter()
    for _ in range(n):
        step()
    return (time.perf_counter() - started) / n


def test_durable_conversions_sqlite_one_writer(tmp_path, secret_service):
    """Interleaved rounds: raw commits, then conversions, five times; medians of each."""
    svc = open_profile(tmp_path / "profile")
    conversion_seconds(svc, 4, "warm")
    raw, conv = [], []
    for i in range(5):
        raw.append(raw_sqlite_commit_seconds(tmp_path / "raw"))
        conv.append(conversion_seconds(svc, 40, f"r{i}"))
    record(SQLITE_RATE, "raw sqlite3: INSERT + COMMIT", raw, baseline=True)
    single = record(SQLITE_RATE, "exchange.convert (hold, partner, booking)", conv, kind=RATE,
                    target=0.25)
    record(BULK_RATE, "exchange.convert, one per commit", conv, baseline=True)
    assert svc.admin.verify().ok
    svc.close()
    bulk = []
    for i in range(3):
        svc = open_profile(tmp_path / f"bulk-{i}")
        report = svc.simulate(300, seed=i, bulk=True)
        assert report.conversions == 300 and svc.admin.verify().ok
        bulk.append(report.seconds / report.conversions)
        svc.close()
    record(BULK_RATE, "milk simulate --bulk (per conversion)", bulk, kind=RATE, target=10)
    assert single > 0


def open_linked(directory: Path) -> Services:
    """A real (non-demo) profile with a static price and Yanolja linked (its demo member's
    points synced in): what a conversion needs, on a ledger made by tests/support."""
    from decimal import Decimal

    svc = Services.open(directory)
    svc.admin.init()
    svc.prices.set_static(Decimal(200))
    member = "bench-member"
    svc.partners.link("YANOLJA", member, svc.partners.request_code("YANOLJA", member).demo_code)
    svc.exchange.convert("YANOLJA", "MLK", "5000")  # MLK for the buys the benchmark alternates
    return svc


LONG = "convert: a 1,000,000-entry ledger against a fresh one"


def test_conversion_on_a_fresh_ledger(measure, tmp_path):
    svc = open_linked(tmp_path / "fresh")
    measure(LONG, "fresh ledger", converter(svc, "f", itertools.count()), baseline=True,
            rounds=40)
    svc.close()


def test_conversion_on_a_million_entry_ledger(measure, ledgers):
    svc = open_linked(ledgers(MILLION))
    measure(LONG, "1,000,000-entry ledger", converter(svc, "m", itertools.count()), rounds=40,
            expect="about x1 (appending does not read the history)")
    svc.close()


# -- converting, PostgreSQL, four writer processes ---------------------------------------------

PG_RATE = "durable conversions per second, PostgreSQL, 4 writer processes"
WRITERS = 4


def _run_writers(args: list[str], tmp_path: Path) -> float:
    """Seconds per operation of WRITERS processes running `args` at once (total throughput)."""
    go = tmp_path / f"go-{time.monotonic_ns()}"
    procs = [subprocess.Popen([sys.executable, "-m", "tests.perf.writers", *args, str(go)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(WRITERS)]
    for p in procs:
        line = p.stdout.readline()
        assert line.strip() == "ready", p.stderr.read()[-2000:]
    go.touch()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err[-2000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    ops = sum(r["ops"] for r in results)
    return (max(r["end"] for r in results) - min(r["start"] for r in results)) / ops


def test_durable_conversions_postgresql_four_writers(tmp_path, pg_url, secret_service):
    import psycopg

    with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS bench_raw (id BIGSERIAL PRIMARY KEY, "
                     "k TEXT UNIQUE, v TEXT)")
    open_profile(tmp_path / "operator", database_url=pg_url).close()
    raw, conv = [], []
    for _ in range(int(os.environ.get("MILK_BENCH_PG_ROUNDS", "3"))):
        raw.append(_run_writers(["raw", pg_url, "300"], tmp_path))
        conv.append(_run_writers(["convert", str(tmp_path / "operator"), pg_url, "30"],
                                 tmp_path))
    record(PG_RATE, "raw psycopg: INSERT + COMMIT, 4 processes", raw, baseline=True)
    record(PG_RATE, "exchange.convert, 4 processes, one ledger", conv, kind=RATE, target=0.25)
    with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        conn.execute("DROP TABLE bench_raw")  # not the ledger's: verify would name it
    svc = Services.open(tmp_path / "operator", database_url=pg_url)
    report = svc.admin.verify()
    assert report.ok, report.problems
    svc.close()


# -- verifying ---------------------------------------------------------------------------------

VERIFY = "ledger verify on 1,000,000 entries"


def read_and_hash_seconds(path: Path) -> float:
    """The floor for `verify`: read the same rows in the same order and SHA-256 the same
    bytes (each entry's stored fields and its postings', chained on the previous hash)."""
    conn = sqlite3.connect(path)
    started = time.perf_counter()
    postings = conn.execute("SELECT seq, idx, account_id, amount, lot_id, balance_after, "
                            "lot_after FROM postings ORDER BY seq, idx")
    pending = next(postings, None)
    prev = bytes(32)
    for row in conn.execute("SELECT seq, kind, idem_key, params_hash, created_at, memo, "
                            "prev_hash, hash, format FROM journal_entries ORDER BY seq"):
        parts = [repr(row)]
        while pending is not None and pending[0] == row[0]:
            parts.append(repr(pending))
            pending = next(postings, None)
        prev = hashlib.sha256(prev + "".join(parts).encode()).digest()
    conn.close()
    return time.perf_counter() - started


def test_verify_a_million_entries(ledgers):
    directory = ledgers(MILLION)
    svc = Services.open(directory)
    floor, walk = [], []
    for _ in range(3):
        floor.append(read_and_hash_seconds(directory / "ledger.sqlite3"))
        started = time.perf_counter()
        report = svc.admin.verify()
        walk.append(time.perf_counter() - started)
        assert report.ok and report.entries >= MILLION  # + what other benchmarks appended
    svc.close()
    record(VERIFY, "sqlite3 read + hashlib SHA-256 of the same rows", floor, baseline=True)
    record(VERIFY, "milk ledger verify", walk, target=2)


@pytest.mark.parametrize("entries", [10_000, 100_000])
def test_verify_scales_linearly(measure, ledgers, entries):
    svc = Services.open(ledgers(entries))
    report = measure("ledger verify (re-walk the hash chain, re-derive balances)",
                     f"{entries:,} entries", svc.admin.verify, baseline=entries == 10_000,
                     rounds=3, expect="" if entries == 10_000 else "about x10 (linear)")
    assert report.ok and report.entries == entries
    svc.close()


# -- starting, and memory -----------------------------------------------------------------------

BARE_QT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
w = QLabel("hello"); w.resize(1280, 860)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            w.removeEventFilter(self)
            QTimer.singleShot(0, lambda: print("startup-trace painted", file=sys.stderr,
                                               flush=True))
        return False
first = FirstPaint(); w.installEventFilter(first); w.show()
sys.exit(app.exec())
"""
WINDOW = "start-up: launch until the window is painted (existing demo profile)"
HOME = "start-up: launch until Home is painted with data (existing demo profile)"
RSS = "resident memory, idle on Home (demo profile)"
LAUNCHES = 7


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _launch(args: list[str], env: dict, marks: tuple[str, ...]) -> tuple[dict, float]:
    """Seconds from launch until each of `marks` is printed (as seen from outside), then the
    resident memory once it has settled (idle), then the process is stopped."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    seen: dict[str, float] = {}
    try:
        while len(seen) < len(marks):
            line = proc.stderr.readline()
            assert line, f"exited before {set(marks) - set(seen)}"
            for mark in marks:
                if line.startswith("startup-trace") and line.rstrip().endswith(mark):
                    seen.setdefault(mark, time.perf_counter() - started)
        samples = [_rss_mb(proc.pid)]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # idle: no more growth over 1.5 s
            time.sleep(0.5)
            samples.append(_rss_mb(proc.pid))
            if len(samples) > 3 and max(samples[-4:]) - min(samples[-4:]) < 1:
                break
        return seen, samples[-1]
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def gui_env(tmp_path):
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path / "config"), "MILK_LOG_DIR": str(tmp_path / "log")}


def test_startup_and_memory_against_a_bare_qt_window(gui_env, tmp_path):
    """Interleaved launches of a bare PySide6 window and `milk-wallet --demo` on a profile
    that exists (a first launch made it)."""
    app = ["-m", "app", "--demo", "--data-dir", str(tmp_path / "demo"), "--startup-trace"]
    _launch(app, gui_env, ("Home populated",))
    bare_t, bare_mb, win_t, home_t, app_mb = [], [], [], [], []
    for _ in range(LAUNCHES):
        seen, mb = _launch(["-c", BARE_QT], gui_env, ("painted",))
        bare_t.append(seen["painted"])
        bare_mb.append(mb)
        seen, mb = _launch(app, gui_env, ("first frame painted", "Home populated"))
        win_t.append(seen["first frame painted"])
        home_t.append(seen["Home populated"])
        app_mb.append(mb)
    for group, times, target in ((WINDOW, win_t, 3), (HOME, home_t, 4)):
        record(group, "bare PySide6 window", bare_t, baseline=True)
        record(group, "milk-wallet --demo", times, target=target)
    record(RSS, "bare PySide6 window", bare_mb, baseline=True, kind=MEMORY)
    record(RSS, "milk-wallet --demo", app_mb, kind=MEMORY, target=80)
