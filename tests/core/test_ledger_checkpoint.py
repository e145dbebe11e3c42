"""The anchored head: signed checkpoints beside the ledger and the witness in the real OS
keyring (gnome-keyring on D-Bus), on SQLite and PostgreSQL."""
from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import text

from app.core.errors import ExternalError
from app.core.keys import backend as kr
from app.core.ledger import checkpoint, notary
from app.core.ledger.witness import LedgerKeyring
from app.core.services import Services
from tests.support.forge import cut_tail, forging


@pytest.fixture
def keyring_on(secret_service):
    return secret_service


def open_profile(path, db_url, clock):
    return Services.open(path, database_url=db_url, clock=clock)


def stored_checkpoint(svc) -> checkpoint.Checkpoint:
    return checkpoint.decode(checkpoint.read(svc.ctx.db.notary.path))


def keyring_entries(svc):
    return LedgerKeyring(svc.ctx.db.notary.location_id).load()


def test_each_write_signs_a_checkpoint_and_the_keyring_witnesses_it(keyring_on, tmp_path,
                                                                     clock, db_url):
    svc = open_profile(tmp_path / "p", db_url, clock)
    svc.admin.init(demo=True)
    before = svc.admin.verify()
    svc.exchange.convert("YANOLJA", "MLK", "2000")  # the hold, then the booked sale
    cp = stored_checkpoint(svc)
    key, _witness = keyring_entries(svc)
    assert cp.signature_valid(key.public_key) and cp.profile == key.profile
    report = svc.admin.verify()
    assert (cp.pending_seq, cp.pending_hash) == (report.head_seq, report.head_hash)
    assert before.head_seq < cp.head_seq < cp.pending_seq  # the last commit's start and end
    assert report.ok and report.anchored and report.checkpoint_seq == report.head_seq
    svc.close()
    assert keyring_entries(svc)[1].seq == report.head_seq  # current at close
    assert "anchored since #0" in Services.open(tmp_path / "p", database_url=db_url,
                                                clock=clock).admin.verify().anchor_note


def test_the_key_is_read_once_per_open_and_the_witness_trails_by_at_most_a_second(
        keyring_on, tmp_path, clock, monkeypatch):
    svc = open_profile(tmp_path / "p", None, clock)
    svc.admin.init(demo=True)
    svc.close()
    calls = []
    real = kr.call
    monkeypatch.setattr(kr, "call", lambda fn, timeout, what: (calls.append(what),
                                                               real(fn, timeout, what))[1])
    svc = open_profile(tmp_path / "p", None, clock)
    for _ in range(5):
        svc.exchange.convert("YANOLJA", "MLK", "1000")
    reads = [c for c in calls if c.startswith("read the ledger")]
    assert len(reads) == 2  # the key and the witness, once
    writes = [c for c in calls if "witness" in c]
    assert 1 <= len(writes) <= 2  # five quick commits: written once, then at most ~1 s later
    head = svc.admin.verify().head_seq
    deadline = time.monotonic() + notary.WITNESS_LAG + 3
    while keyring_entries(svc)[1].seq != head and time.monotonic() < deadline:
        time.sleep(0.1)
    assert keyring_entries(svc)[1].seq == head  # caught up without another write
    svc.close()


def test_the_witness_is_current_before_money_leaves(keyring_on, tmp_path, clock):
    svc = open_profile(tmp_path / "p", None, clock)
    svc.admin.init(demo=True)
    svc.exchange.convert("YANOLJA", "MLK", "1000")  # witnessed at once (first write)
    svc.exchange.convert("YANOLJA", "MLK", "1000")  # within the second: lags
    from app.core.ledger import Journal, Line
    from app.core.ledger import accounts as acct

    with svc.ctx.db.write() as s:  # the withdrawal's hold, as BridgeService writes it
        hold = Journal(s).append("withdraw", "withdraw:t", "p", [
            Line(svc.ctx.user, "MLK", -10**18), Line(acct.PENDING_WITHDRAWALS, "MLK", 10**18)],
            {}, clock.now())
    assert keyring_entries(svc)[1].seq == hold.seq  # before anything is broadcast
    svc.close()


def test_without_a_usable_keyring_the_ledger_works_and_says_it_is_not_anchored(
        tmp_path, clock, keyring_backend_env, keyring_on):
    import keyring

    usable = keyring.get_keyring()
    keyring_backend_env("keyring.backends.fail.Keyring")
    svc = open_profile(tmp_path / "p", None, clock)
    svc.admin.init(demo=True)
    report = svc.admin.verify()
    assert report.ok and not report.anchored and "no usable keyring" in report.anchor_note
    assert not stored_checkpoint(svc).signed
    svc.close()

    keyring.set_keyring(usable)  # a keyring appears: the next write anchors the ledger
    svc = open_profile(tmp_path / "p", None, clock)
    assert not svc.admin.verify().anchored
    seq = svc.exchange.convert("YANOLJA", "MLK", "1000").entry.seq  # the hold: its first write
    report = svc.admin.verify()
    assert report.ok and report.anchored and f"anchored since #{seq - 1}" in report.anchor_note
    svc.close()

    keyring_backend_env("keyring.backends.fail.Keyring")  # and from then on it is required
    svc = open_profile(tmp_path / "p", None, clock)
    with pytest.raises(ExternalError) as e:
        svc.exchange.convert("YANOLJA", "MLK", "1000")
    assert e.value.exit_code == 4 and "keyring" in e.value.message
    assert not svc.admin.verify().ok
    svc.close()


def test_an_unsigned_checkpoint_still_catches_lost_commits(tmp_path, clock, keyring_backend_env):
    keyring_backend_env("keyring.backends.fail.Keyring")
    svc = open_profile(tmp_path / "p", None, clock)
    svc.admin.init(demo=True)
    svc.exchange.convert("YANOLJA", "MLK", "1000")
    svc.exchange.convert("YANOLJA", "MLK", "1000")
    head = svc.admin.verify().head_seq
    svc.close()
    # the database loses its last two commits (as when -wal goes); the checkpoint stays
    with forging(tmp_path / "p" / "ledger.sqlite3") as conn:
        cut_tail(conn, 2)
    svc = open_profile(tmp_path / "p", None, clock)
    report = svc.admin.verify()
    assert not report.ok
    assert f"entries #{head - 1}–#{head} are gone: the checkpoint beside the ledger is " \
           f"#{head}" in [p.what for p in report.problems]
    with pytest.raises(ExternalError) as e:
        svc.exchange.convert("YANOLJA", "MLK", "1000")
    assert e.value.code == "ledger_rolled_back"
    svc.close()


def test_a_new_profile_may_start_over_where_one_was_deleted(keyring_on, tmp_path, clock):
    import shutil

    svc = open_profile(tmp_path / "p", None, clock)
    svc.admin.init(demo=True)
    old = keyring_entries(svc)[0].profile
    svc.close()
    shutil.rmtree(tmp_path / "p")  # "Reset demo" / the user deletes the folder
    svc = open_profile(tmp_path / "p", None, clock)
    svc.admin.init(demo=True)
    report = svc.admin.verify()
    assert report.ok and report.anchored and f"replaced profile {old}" in report.anchor_note
    svc.close()


def test_a_damaged_checkpoint_or_witness_entry_is_reported(keyring_on, tmp_path, clock):
    svc = open_profile(tmp_path / "p", None, clock)
    svc.admin.init(demo=True)
    svc.close()
    path = tmp_path / "p" / checkpoint.FILE_NAME
    path.write_text(json.dumps({"format": "something else"}))
    svc = open_profile(tmp_path / "p", None, clock)
    assert any("damaged" in p.what for p in svc.admin.verify().problems)
    with pytest.raises(ExternalError):
        svc.exchange.convert("YANOLJA", "MLK", "1000")
    svc.close()


def test_postgresql_ledgers_are_anchored_by_url_and_folder(keyring_on, tmp_path, clock, pg_url):
    svc = open_profile(tmp_path / "p", pg_url, clock)
    svc.admin.init(demo=True)
    head = svc.admin.verify().head_seq
    svc.close()
    svc = open_profile(tmp_path / "p", pg_url, clock)
    with svc.ctx.db.engine.begin() as c:  # an operator with SQL access cuts the tail
        for (name, table) in c.execute(text(
                "SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal")):
            c.execute(text(f"DROP TRIGGER {name} ON {table}"))
        c.execute(text(f"DELETE FROM postings WHERE seq = {head}"))
        c.execute(text(f"DELETE FROM journal_entries WHERE seq = {head}"))
        c.execute(text(f"UPDATE chain_head SET seq = {head - 1}, hash = (SELECT hash FROM "
                       f"journal_entries WHERE seq = {head - 1})"))
    report = svc.admin.verify()
    assert f"entry #{head} is gone: the keyring's witness is #{head}" in \
        [p.what for p in report.problems]
    svc.close()
