"""`milk backup FILE` and `milk restore FILE` as a user runs them (real subprocesses, the real
Secret Service): a backup carries its signed checkpoint, restore only reads the backup, a
rollback is confirmed by its sequence numbers, and a damaged ledger can be restored."""
from __future__ import annotations

import os

import pytest

from tests.support.cli import MilkCLI


@pytest.fixture
def cli(secret_service, tmp_path):
    milk = MilkCLI(tmp_path / "profile")
    assert milk("init", "--demo").code == 0
    assert milk("convert", "YANOLJA", "MLK", "2000").code == 0
    return milk


def fingerprint(path):
    st = os.stat(path)
    return path.read_bytes(), st.st_mtime_ns, st.st_size


def test_a_backup_restores_after_the_rollback_is_confirmed_by_its_numbers(cli, tmp_path):
    backup = tmp_path / "backup.sqlite3"
    made = cli("backup", str(backup))
    assert made.code == 0 and made.json["signed"], made.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sqlite3", "profile"]
    before = fingerprint(backup)
    for _ in range(2):
        assert cli("convert", "YANOLJA", "MLK", "1000").code == 0
    reached = cli("ledger", "verify").json["head_seq"]

    refused = cli("restore", str(backup))
    assert refused.code == 3 and refused.json["error"]["code"] == "rollback_unconfirmed"
    first, last = made.json["head_seq"] + 1, reached
    assert f"--rollback {first}-{last}" in refused.json["error"]["message"]
    wrong = cli("restore", str(backup), "--rollback", f"{first + 1}-{last}")
    assert wrong.code == 3 and cli("ledger", "verify").json["head_seq"] == reached

    done = cli("restore", str(backup), "--rollback", f"{first}-{last}")
    assert done.code == 0 and done.json["rolled_back"] == [first, last]
    assert os.path.exists(done.json["kept"])
    check = cli("ledger", "verify").json
    assert check["valid"] and check["head_seq"] == made.json["head_seq"]
    assert check["anchor"]["anchored"] and check["anchor"]["witness_seq"] == check["head_seq"]
    assert fingerprint(backup) == before  # the backup was only read
    assert cli("convert", "YANOLJA", "MLK", "1000").code == 0  # and the profile goes on


def test_backups_are_written_atomically_and_never_over_a_file_by_accident(cli, tmp_path):
    backup = tmp_path / "b.sqlite3"
    backup.write_text("keep me")
    refused = cli("backup", str(backup))
    assert refused.code == 2 and backup.read_text() == "keep me"
    assert cli("backup", str(tmp_path)).code == 2
    assert cli("backup", str(tmp_path / "missing" / "b.sqlite3")).code == 2
    assert cli("backup", str(backup), "--force").code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.sqlite3", "profile"]


def test_a_damaged_ledger_names_its_last_backup_and_restore_repairs_it(cli, tmp_path):
    backup = tmp_path / "backup.sqlite3"
    head = cli("backup", str(backup)).json["head_seq"]
    ledger = tmp_path / "profile" / "ledger.sqlite3"
    ledger.write_bytes(b"")  # a crash, a bad disk, a careless script
    for command in (("points",), ("ledger", "verify"), ("convert", "YANOLJA", "MLK", "1000")):
        run = cli(*command)
        assert run.code == 4 and run.json["error"]["code"] == "ledger_empty", command
        assert str(backup) in run.json["error"]["message"]
    assert ledger.stat().st_size == 0  # never re-created
    done = cli("restore", str(backup))
    assert done.code == 0, done.stdout
    assert cli("ledger", "verify").json["head_seq"] == head


def test_restore_refuses_a_file_that_is_not_a_backup_and_leaves_it_untouched(cli, tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    before = fingerprint(empty)
    run = cli("restore", str(empty))
    assert run.code == 2 and run.json["error"]["code"] == "not_a_ledger"
    assert fingerprint(empty) == before  # not 4,096 bytes written into it
    missing = cli("restore", str(tmp_path / "nothing.sqlite3"))
    assert missing.code == 2 and missing.json["error"]["code"] == "no_file"
    assert not list((tmp_path / "profile").glob("ledger-before-restore-*"))


def test_postgresql_ledgers_are_backed_up_with_the_servers_tools(pg_url, tmp_path, clock):
    from app.core.errors import RuleError
    from app.core.services import Services

    svc = Services.open(tmp_path / "p", database_url=pg_url, clock=clock)
    with pytest.raises(RuleError) as e:
        svc.backups.backup(tmp_path / "b.sqlite3")
    assert e.value.code == "backup_unsupported" and not (tmp_path / "b.sqlite3").exists()
    svc.close()
