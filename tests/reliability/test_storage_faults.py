"""Storage faults: what a disk, a crash or a careless tool can do to the ledger file. Each one
is named (exit 4, what is wrong, where the last backup is), never papered over: nothing is
re-created, nothing is written, nothing ends in "Unexpected error".

Cases: truncation at several offsets, lost WAL commits after a kill, an empty file,
overwritten pages (seeded), a full disk on a small tmpfs, a read-only directory, a newer or
unknown schema. Long mode: more overwritten-page cases than the 12 of CI with
`MILK_STORAGE_SEEDS=500 tests/run tests/reliability/test_storage_faults.py`.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.core.errors import ExternalError
from app.core.services import Services
from tests.support.cli import MilkCLI
from tests.support.integration import missing

DB, CP = "ledger.sqlite3", "ledger.checkpoint"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A demo profile with some activity and a backup, closed cleanly (no -wal left)."""
    base = tmp_path_factory.mktemp("storage") / "profile"
    svc = Services.open(base)
    svc.admin.init(demo=True)
    for _ in range(4):
        svc.exchange.convert("YANOLJA", "MLK", "1000")
    svc.backups.backup(base.parent / "last-backup.sqlite3")
    svc.close()
    return base


@pytest.fixture
def profile(template, tmp_path) -> Path:
    copy = tmp_path / "profile"
    shutil.copytree(template, copy)
    return copy


def open_refused(profile: Path) -> ExternalError:
    with pytest.raises(ExternalError) as e:
        Services.open(profile).close()
    return e.value


@pytest.mark.parametrize("cut", ["1 byte", "half a page", "a page", "half the file",
                                 "all but the header", "inside the header"])
def test_a_truncated_ledger_is_named_and_left_as_it_is(profile, template, cut):
    db = profile / DB
    size = db.stat().st_size
    keep = {"1 byte": size - 1, "half a page": size - 2048, "a page": size - 4096,
            "half the file": size // 2 // 4096 * 4096, "all but the header": 100,
            "inside the header": 50}[cut]
    with open(db, "r+b") as f:
        f.truncate(keep)
    error = open_refused(profile)
    assert error.exit_code == 4 and error.code in ("ledger_truncated", "ledger_not_a_database",
                                                   "ledger_damaged")
    assert str(template.parent / "last-backup.sqlite3") in error.message  # where to go next
    assert db.stat().st_size == keep and not (profile / f"{DB}-wal").exists()


def test_the_command_line_names_a_truncated_ledger_with_exit_4(profile):
    db = profile / DB
    with open(db, "r+b") as f:
        f.truncate(db.stat().st_size - 1)
    for command in (("ledger", "verify"), ("convert", "YANOLJA", "MLK", "1000")):
        run = MilkCLI(profile)(*command)
        assert run.code == 4 and run.json["error"]["code"] == "ledger_truncated", run.stdout


def test_an_empty_or_missing_ledger_is_never_re_created(profile):
    db = profile / DB
    db.write_bytes(b"")
    assert open_refused(profile).code == "ledger_empty"
    assert db.stat().st_size == 0
    db.unlink()
    assert open_refused(profile).code == "ledger_missing"
    assert not db.exists()


WRITER = textwrap.dedent("""
    import sys
    from app.core.services import Services
    svc = Services.open(sys.argv[1])
    for i in range(int(sys.argv[2])):
        entry = svc.exchange.convert("YANOLJA", "MLK", "1000").entry
        print(entry.seq, flush=True)  # acknowledged: committed
    sys.stdout.flush()
    import time
    time.sleep(60)  # killed here, before any clean close could checkpoint the WAL
""")


def test_commits_lost_with_the_wal_are_named_by_sequence_number(profile):
    before = Services.open(profile)
    start = before.admin.verify().head_seq
    before.close()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(profile), "6"],
                              stdout=subprocess.PIPE, text=True)
    acked = [int(writer.stdout.readline()) for _ in range(6)]
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert (profile / f"{DB}-wal").exists()
    for suffix in ("-wal", "-shm"):
        (profile / f"{DB}{suffix}").unlink()  # the journal is lost; the checkpoint is not
    svc = Services.open(profile)
    report = svc.admin.verify()
    assert report.head_seq == start
    gone = [re.match(rf"entries #{start + 1:,}–#([\d,]+) are gone", p.what)
            for p in report.problems]
    # up to the last acknowledged conversion's booking (its hold is the seq it printed)
    assert any(m and int(m.group(1).replace(",", "")) >= acked[-1] for m in gone), \
        report.problems
    with pytest.raises(ExternalError) as e:
        svc.exchange.convert("YANOLJA", "MLK", "1000")
    assert e.value.code == "ledger_rolled_back"
    svc.close()


@pytest.mark.parametrize("seed", range(int(os.environ.get("MILK_STORAGE_SEEDS", "12"))))
def test_overwritten_pages_never_pass(profile, seed, request):
    db = profile / DB
    rng = random.Random(seed)
    pages = db.stat().st_size // 4096
    with open(db, "r+b") as f:
        for page in rng.sample(range(1, pages), k=rng.randint(1, 3)):
            f.seek(page * 4096 + rng.choice([0, 100, 2000]))
            f.write(rng.randbytes(rng.choice([16, 512, 4096 - 2000])))
    try:
        svc = Services.open(profile)
    except ExternalError as e:
        assert e.exit_code == 4 and e.code in ("ledger_damaged", "database")
        return
    try:
        report = svc.admin.verify()
    except ExternalError as e:  # damage in a page the open did not touch
        assert e.exit_code == 4
        return
    finally:
        svc.close()
    damaged = _integrity_flags(db)
    assert not report.ok or not damaged, report.problems
    if report.ok:  # the bytes landed where SQLite keeps nothing: the ledger is intact
        assert report.head_seq > 0


def _integrity_flags(db: Path) -> bool:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError:
        return True
    finally:
        conn.close()


@contextmanager
def small_tmpfs(tmp_path: Path, size: str):
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode:
        missing("A small tmpfs", f"mounting one needs root: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_refuses_the_write_and_loses_nothing(template, tmp_path):
    with small_tmpfs(tmp_path, "2m") as disk:
        profile = disk / "profile"
        shutil.copytree(template, profile)
        svc = Services.open(profile)
        head = svc.admin.verify().head_seq
        filler = disk / "filler"
        with open(filler, "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        with pytest.raises(ExternalError) as e:
            for _ in range(20):  # the WAL may hold a few commits' worth of free pages
                svc.exchange.convert("YANOLJA", "MLK", "1000")
        assert e.value.exit_code == 4
        run = MilkCLI(profile)("convert", "YANOLJA", "MLK", "1000")
        assert run.code == 4, run.stdout
        reached = svc.admin.verify()
        filler.unlink()
        report = svc.admin.verify()
        assert report.ok and report.head_seq == reached.head_seq >= head, report.problems
        svc.exchange.convert("YANOLJA", "MLK", "1000")  # and it carries on once there is room
        svc.close()
        assert not list(profile.glob("*.part")) and not list(profile.glob(".*.part"))


def test_a_read_only_profile_folder_is_named(template, tmp_path):
    with small_tmpfs(tmp_path, "4m") as disk:
        profile = disk / "profile"
        shutil.copytree(template, profile)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        for command in (("points",), ("convert", "YANOLJA", "MLK", "1000")):
            run = MilkCLI(profile)(*command)
            assert run.code == 4 and run.json["error"]["code"] == "read_only", run.stdout


@pytest.mark.parametrize("revision", ["9999", "0004x"])
def test_a_newer_or_unknown_schema_is_refused_and_left_alone(profile, revision):
    db = profile / DB
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()
    before = db.read_bytes()
    error = open_refused(profile)
    assert error.exit_code == 4 and error.code == "schema_too_new"
    assert db.read_bytes() == before


def test_no_fault_here_ends_in_an_unexpected_error(profile):
    """The command line's view of the faults above: exit 4, never 1."""
    db = profile / DB
    for damage in (lambda: db.write_bytes(b"not a database at all" * 300),
                   lambda: db.write_bytes(b"SQLite format 3\0" + os.urandom(8176))):
        damage()
        run = MilkCLI(profile)("ledger", "verify")
        assert run.code == 4 and "Unexpected" not in run.stdout, run.stdout
