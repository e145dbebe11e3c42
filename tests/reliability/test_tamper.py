"""The tamper catalogue: someone holds the data files (the ledger, its -wal, the checkpoint,
the backups) but not the OS keyring. Each case changes the files the careful way (triggers
dropped and put back, running values, hashes and projections recomputed — tests/support/
forge.py) and must be detected: by `verify`, and by the next write that builds on it (exit 4,
nothing written), or — for backups — by `restore`, which then changes nothing.

One anchored profile (real Secret Service) is built once; every case starts from the same
files at the same location, with the keyring's witness set back to what it was.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from app.core.errors import ExternalError, InputError, MilkError
from app.core.ledger import Journal, Line, checkpoint
from app.core.ledger import accounts as acct
from app.core.ledger.witness import LedgerKeyring
from app.core.services import Services
from app.core.services.backup import restore_ledger
from tests.support.forge import cut_tail, forging, head, raise_entry, settle

DB, CP = "ledger.sqlite3", checkpoint.FILE_NAME
FILES = (DB, f"{DB}-wal", f"{DB}-shm", CP)
MLK = 10**18


@dataclass
class Lab:
    live: Path  # the anchored profile every case starts from (same location each time)
    current: Path  # its files at the end
    older: Path  # its files (ledger + checkpoint) a few writes earlier
    other: Path  # another profile's files
    backup: Path  # a backup made between `older` and `current`
    witness: object  # the keyring's witness at the end
    head: int
    backup_head: int

    def reset(self) -> None:
        for name in FILES:
            (self.live / name).unlink(missing_ok=True)
        for path in self.current.iterdir():
            shutil.copy(path, self.live / path.name)
        LedgerKeyring(location_id(self.live)).write_witness(self.witness)

    @property
    def db(self) -> Path:
        return self.live / DB


def location_id(profile: Path) -> str:
    from app.core.ledger.database import location, sqlite_url

    return checkpoint.location_id(location(sqlite_url(profile / DB), profile))


def files_of(profile: Path, into: Path) -> Path:
    into.mkdir(parents=True)
    for name in (DB, CP):
        shutil.copy(profile / name, into / name)
    return into


@pytest.fixture(scope="module")
def lab(secret_service, tmp_path_factory) -> Lab:
    root = tmp_path_factory.mktemp("tamper")
    live = root / "live"
    svc = Services.open(live)
    svc.admin.init(demo=True)
    for pair in (("YANOLJA", "MLK", "2000"), ("MLK", "AIRPORT_LIMO", "1000", True)):
        svc.exchange.convert(*pair)
    backup = svc.backups.backup(root / "backup.sqlite3")
    svc.close()
    older = files_of(live, root / "older")
    svc = Services.open(live)
    with svc.ctx.db.write() as s:  # a long tail, appended through the append path
        for i in range(110):
            Journal(s).append("reward", f"tamper:reward:{i}", "p", [
                Line(acct.POOL, "MLK", -MLK), Line(svc.ctx.user, "MLK", MLK)], {"i": i},
                svc.ctx.clock.now())
    for pair in (("YANOLJA", "MLK", "2000"), ("MLK", "YANOLJA", "1000", True)):
        svc.exchange.convert(*pair)
    last = svc.admin.verify().head_seq
    svc.close()
    other = Services.open(root / "other")
    other.admin.init(demo=True)
    other.exchange.convert("YANOLJA", "MLK", "2000")
    other.close()
    lab = Lab(live, files_of(live, root / "current"), older, root / "other", backup.path,
              LedgerKeyring(location_id(live)).load()[1], last, backup.head_seq)
    assert lab.witness.seq == last
    return lab


# -- the live ledger ------------------------------------------------------------------------------

def sql(*statements):
    def tamper(lab: Lab) -> None:
        with forging(lab.db) as conn:
            for statement in statements:
                conn.execute(statement)
    return tamper


def user_account(asset: str) -> str:
    return f"(SELECT id FROM accounts WHERE owner = 'user:local' AND asset = '{asset}')"


def first_lot(partner: str) -> str:
    return (f"(SELECT id FROM lots WHERE owner = 'user:local' AND partner = '{partner}' "
            "AND CAST(remaining AS INTEGER) > 0 ORDER BY expires_on, id LIMIT 1)")


def cut(n):
    def tamper(lab: Lab) -> None:
        with forging(lab.db) as conn:
            cut_tail(conn, n)
    return tamper


def raise_reward(lab: Lab) -> None:
    with forging(lab.db) as conn:
        seq = conn.execute("SELECT seq FROM journal_entries WHERE kind = 'reward' "
                           "ORDER BY seq LIMIT 1").fetchone()[0]
        raise_entry(conn, seq, 1_000_000 * MLK)
        settle(conn, seq)


def rehash_tail_and_truncate(lab: Lab) -> None:
    with forging(lab.db) as conn:
        cut_tail(conn, 3)
        last = head(conn)
        conn.execute("UPDATE journal_entries SET memo = '{\"forged\":true}' WHERE seq = ?",
                     (last,))
        settle(conn, last)


def append_forged_entry(lab: Lab) -> None:
    """A well-formed entry crediting the user, hashed like the app would."""
    with forging(lab.db) as conn:
        last = head(conn)
        pool = conn.execute("SELECT id FROM accounts WHERE owner = 'tica:pool' AND "
                            "asset = 'MLK'").fetchone()[0]
        user = conn.execute(f"SELECT {user_account('MLK')}").fetchone()[0]
        conn.execute("INSERT INTO journal_entries (seq, kind, idem_key, params_hash, created_at, "
                     "memo, prev_hash, hash, format) SELECT ?, 'reward', 'forged', 'p', "
                     "'2026-11-23T01:00:00.000000Z', '{}', hash, '', 2 FROM journal_entries "
                     "WHERE seq = ?", (last + 1, last))
        conn.execute("INSERT INTO postings (seq, idx, account_id, amount) VALUES (?, 0, ?, ?), "
                     "(?, 1, ?, ?)", (last + 1, pool, str(-1000 * MLK), last + 1, user,
                                      str(1000 * MLK)))
        settle(conn, last + 1)


def edit_checkpoint(change):
    def tamper(lab: Lab) -> None:
        path = lab.live / CP
        doc = json.loads(path.read_text())
        change(doc)
        path.write_text(json.dumps(doc))
    return tamper


def put_back(source_attr: str, names=(DB, CP)):
    def tamper(lab: Lab) -> None:
        source = getattr(lab, source_attr)
        for name in FILES:
            if name in names:
                (lab.live / name).unlink(missing_ok=True)
        for name in names:
            shutil.copy(source / name, lab.live / name)
    return tamper


def extra_trigger(lab: Lab) -> None:
    import sqlite3

    conn = sqlite3.connect(lab.db)
    conn.execute("CREATE TRIGGER postings_bonus AFTER INSERT ON postings "
                 "WHEN NEW.amount NOT LIKE '-%' BEGIN UPDATE balances SET amount = "
                 "CAST(NEW.amount AS TEXT) || '0' WHERE account_id = NEW.account_id; END")
    conn.commit()
    conn.close()


def drop_trigger(lab: Lab) -> None:
    import sqlite3

    conn = sqlite3.connect(lab.db)
    conn.execute("DROP TRIGGER balances_guard_update")
    conn.commit()
    conn.close()


SELL = ("YANOLJA", "MLK", "1000")
BUY = ("MLK", "YANOLJA", "1000", True)
LIVE = [  # (case, tamper, what verify says, a write that builds on it — or None)
    ("inflate the user's MLK balance",
     sql(f"UPDATE balances SET amount = '{500_000 * MLK}' WHERE account_id = "
         f"{user_account('MLK')}"), "balance of user:local MLK", BUY),
    ("inflate a lot", sql(f"UPDATE lots SET remaining = '9999999' WHERE id = "
                          f"{first_lot('YANOLJA')}"), "points left", SELL),
    ("extend a lot's expiry",
     sql(f"UPDATE lots SET expires_on = '2099-12-31' WHERE id = {first_lot('YANOLJA')}"),
     "hash does not match", None),
    ("cut the last entry", cut(1), "is gone", SELL),
    ("cut the last 5 entries", cut(5), "are gone", SELL),
    ("cut the last 100 entries", cut(100), "are gone", SELL),
    ("raise a reward by 1,000,000 MLK and re-hash everything after it", raise_reward,
     "re-written", SELL),
    ("re-hash a tail and truncate", rehash_tail_and_truncate, "gone", SELL),
    ("append a well-formed entry crediting the user", append_forged_entry,
     "not covered by the last signed checkpoint", SELL),
    ("edit a posting without re-hashing",
     sql("UPDATE postings SET amount = CAST(amount AS TEXT) || '0' WHERE seq = "
         "(SELECT MAX(seq) FROM journal_entries) AND idx = 0"), "hash does not match", SELL),
    ("edit a running balance and its balance together",
     sql(f"UPDATE postings SET balance_after = '{10**30}' WHERE id = (SELECT MAX(id) FROM "
         f"postings WHERE account_id = {user_account('MLK')})",
         f"UPDATE balances SET amount = '{10**30}' WHERE account_id = {user_account('MLK')}"),
     "hash does not match", BUY),
    ("let the user go negative", sql("UPDATE accounts SET allow_negative = 1 WHERE owner = "
                                     "'user:local'"), "allowed to go negative", None),
    ("move the chain head back",
     sql("UPDATE chain_head SET seq = seq - 1, hash = (SELECT hash FROM journal_entries "
         "WHERE seq = (SELECT seq - 1 FROM chain_head))"), "chain head", SELL),
    ("edit an old entry's memo", sql("UPDATE journal_entries SET memo = '{}' WHERE seq = 10"),
     "hash does not match", None),
    ("edit the profile id in the database",
     sql("UPDATE settings SET value = 'someone-else' WHERE key = 'ledger.profile_id'"),
     "belongs to another profile", SELL),
    ("delete the checkpoint", lambda lab: (lab.live / CP).unlink(), "is missing", SELL),
    ("point the checkpoint at another head", edit_checkpoint(lambda d: d.update(
        pending_hash="ab" * 32)), "was not signed with this profile's key", SELL),
    ("garble the checkpoint", edit_checkpoint(lambda d: d.update(head_seq="many")),
     "is damaged", SELL),
    ("replace the checkpoint with an unsigned one", edit_checkpoint(lambda d: d.update(
        signature=None)), "was not signed with this profile's key", SELL),
    ("put back an older ledger with its own signed checkpoint", put_back("older"),
     "the keyring's witness", SELL),
    ("put back an older ledger alone", put_back("older", names=(DB,)), "gone", SELL),
    ("swap in another profile's ledger and checkpoint", put_back("other"),
     "another profile", SELL),
    ("swap in another profile's ledger alone", put_back("other", names=(DB,)),
     "another profile", SELL),
    ("drop a guard trigger", drop_trigger, "missing from the database", None),
    ("add a trigger that multiplies the next credit by 10", extra_trigger,
     "this app never made", SELL),
]


@pytest.mark.parametrize("case, tamper, says, write", LIVE, ids=[c[0] for c in LIVE])
def test_tampering_with_the_live_ledger_is_detected(lab, case, tamper, says, write):
    lab.reset()
    tamper(lab)
    svc = Services.open(lab.live)
    try:
        report = svc.admin.verify()
        assert not report.ok, case
        assert any(says in p.what for p in report.problems), (case, report.problems)
        if write is not None:
            with pytest.raises(ExternalError) as e:
                svc.exchange.convert(*write)
            assert e.value.exit_code == 4, case
            assert svc.admin.verify().head_seq == report.head_seq  # nothing was written
    finally:
        svc.close()


def test_an_inflated_balance_cannot_be_withdrawn(lab):
    """The issue's own case: one UPDATE of the user's MLK row, then `wallet withdraw 500000`
    on the demo chain. The hold is refused before anything is signed or sent."""
    lab.reset()
    sql(f"UPDATE balances SET amount = '{600_000 * MLK}' WHERE account_id = "
        f"{user_account('MLK')}")(lab)
    svc = Services.open(lab.live)
    try:
        client = svc.chain.client()
        treasury = svc.chain.treasury_address()
        before = client.mlk_balance(treasury)
        with pytest.raises(ExternalError) as e:
            svc.bridge.withdraw("500000", to="0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
        assert e.value.code == "ledger_tampered" and "user:local MLK" in e.value.message
        assert client.mlk_balance(treasury) == before
        assert svc.chain.tracker().page() == []
    finally:
        svc.close()


# -- backups --------------------------------------------------------------------------------------

def backup_sql(*statements, keep_triggers=True):
    def tamper(path: Path) -> None:
        import sqlite3

        if keep_triggers:
            with forging(path) as conn:
                for statement in statements:
                    conn.execute(statement)
            return
        conn = sqlite3.connect(path)
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()
    return tamper


def forged_backup(path: Path) -> None:
    with forging(path) as conn:
        seq = conn.execute("SELECT seq FROM journal_entries WHERE kind = 'reward'").fetchone()[0]
        raise_entry(conn, seq, 1_000_000 * MLK)
        settle(conn, seq)


def truncated_backup(path: Path) -> None:
    with open(path, "r+b") as f:
        f.truncate(path.stat().st_size - 4096)


def edited_backup_checkpoint(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    (text_,) = conn.execute("SELECT value FROM settings WHERE key = "
                            "'ledger.backup_checkpoint'").fetchone()
    doc = json.loads(text_)
    doc["head_seq"] -= 1
    conn.execute("UPDATE settings SET value = ? WHERE key = 'ledger.backup_checkpoint'",
                 (json.dumps(doc),))
    conn.commit()
    conn.close()


def other_profiles_backup(path: Path) -> None:
    svc = Services.open(path.parent / "someone")
    svc.admin.init(demo=True)
    svc.backups.backup(path, force=True)
    svc.close()


RESTORE = [
    ("a forged (re-hashed) backup", forged_backup),
    ("a truncated backup", truncated_backup),
    ("a backup without the append-only triggers", backup_sql(
        "DROP TRIGGER journal_entries_no_update", "DROP TRIGGER postings_no_delete",
        keep_triggers=False)),
    ("a backup with an extra trigger that multiplies the next conversion by 10", backup_sql(
        "CREATE TRIGGER bonus AFTER INSERT ON postings BEGIN UPDATE balances SET amount = "
        "amount || '0' WHERE account_id = NEW.account_id; END", keep_triggers=False)),
    ("a backup without its checkpoint", backup_sql(
        "DELETE FROM settings WHERE key = 'ledger.backup_checkpoint'")),
    ("a backup whose checkpoint was edited", edited_backup_checkpoint),
    ("another profile's backup", other_profiles_backup),
    ("an empty file", lambda path: path.write_bytes(b"")),
    ("an edited entry in the backup", backup_sql(
        "UPDATE journal_entries SET memo = '{}' WHERE seq = 3")),
]


@pytest.mark.parametrize("case, tamper", RESTORE, ids=[c[0] for c in RESTORE])
def test_restore_refuses_a_tampered_backup_and_changes_nothing(lab, tmp_path, case, tamper):
    lab.reset()
    bad = tmp_path / "backup.sqlite3"
    shutil.copy(lab.backup, bad)
    tamper(bad)
    seen = bad.read_bytes()
    live = (lab.db.read_bytes(), (lab.live / CP).read_bytes())
    with pytest.raises((ExternalError, InputError)) as e:
        restore_ledger(lab.live, bad, datetime.now(UTC),
                       rollback=(lab.backup_head + 1, lab.head))
    assert isinstance(e.value, MilkError) and e.value.exit_code in (2, 4), case
    assert bad.read_bytes() == seen  # only read
    assert (lab.db.read_bytes(), (lab.live / CP).read_bytes()) == live
    assert not list(lab.live.glob("ledger-before-restore-*"))


def test_the_genuine_backup_restores(lab):
    """The control case: the untouched backup passes every check above."""
    lab.reset()
    done = restore_ledger(lab.live, lab.backup, datetime.now(UTC),
                          rollback=(lab.backup_head + 1, lab.head))
    svc = Services.open(lab.live)
    report = svc.admin.verify()
    assert report.ok and report.head_seq == lab.backup_head and report.anchored
    svc.close()
    done.kept.unlink()


# -- PostgreSQL -----------------------------------------------------------------------------------

PG = [
    ("cut the last entry",
     ["DELETE FROM postings WHERE seq = (SELECT seq FROM chain_head)",
      "DELETE FROM quote_uses WHERE seq = (SELECT seq FROM chain_head)",
      "DELETE FROM partner_ops WHERE hold_seq = (SELECT seq FROM chain_head) "
      "OR done_seq = (SELECT seq FROM chain_head)",
      "DELETE FROM journal_entries WHERE seq = (SELECT seq FROM chain_head)",
      "UPDATE chain_head SET seq = seq - 1, hash = (SELECT hash FROM journal_entries WHERE "
      "seq = (SELECT seq - 1 FROM chain_head))"], "is gone"),
    ("inflate the user's MLK balance",
     [f"UPDATE balances SET amount = {500_000 * MLK} WHERE account_id = {user_account('MLK')}"],
     "balance of user:local MLK"),
    ("edit a posting without re-hashing",
     ["UPDATE postings SET amount = amount * 10 WHERE seq = (SELECT seq FROM chain_head) "
      "AND idx = 0"], "hash does not match"),
]


@pytest.mark.parametrize("case, statements, says", PG, ids=[c[0] for c in PG])
def test_tampering_on_postgresql_is_detected(secret_service, tmp_path, pg_url, case,
                                             statements, says):
    svc = Services.open(tmp_path / "p", database_url=pg_url)
    svc.admin.init(demo=True)
    svc.exchange.convert("YANOLJA", "MLK", "2000")
    svc.close()
    svc = Services.open(tmp_path / "p", database_url=pg_url)
    with svc.ctx.db.engine.begin() as c:
        for name, table in c.execute(text("SELECT tgname, tgrelid::regclass::text FROM "
                                          "pg_trigger WHERE NOT tgisinternal")).all():
            c.execute(text(f"DROP TRIGGER {name} ON {table}"))
        for statement in statements:
            c.execute(text(statement))
    report = svc.admin.verify()
    assert any(says in p.what for p in report.problems), (case, report.problems)
    with pytest.raises(ExternalError) as e:
        svc.exchange.convert(*BUY)
    assert e.value.exit_code == 4
    svc.close()


def test_a_forged_deposit_record_credits_nothing(lab):
    """A 'confirmed' deposit row written into chain_txs: the ledger's own proof cannot see it
    (the credit would be a genuine entry the app appends), so settling must check the chain."""
    import sqlite3

    lab.reset()
    svc = Services.open(lab.live)
    before = svc.points.balance("MLK")
    chain_id = svc.chain.client().chain_id
    svc.close()
    conn = sqlite3.connect(lab.db)
    conn.execute("INSERT INTO chain_txs (chain_id, kind, sender, recipient, amount, nonce, "
                 "gas_limit, max_fee_per_gas, max_priority_fee_per_gas, raw_tx, tx_hash, status, "
                 "created_at, updated_at, block_number, ledger_key) VALUES (?, 'deposit', ?, ?, "
                 "?, 0, 21000, '1', '1', '00', ?, 'confirmed', 'x', 'x', 1, 'deposit:forged')",
                 (chain_id, "0x" + "11" * 20, "0x" + "22" * 20, str(1_000_000 * MLK),
                  "0x" + "ab" * 32))
    conn.commit()
    conn.close()
    svc = Services.open(lab.live)
    try:
        svc.bridge.settle()
        assert svc.points.balance("MLK") == before
    finally:
        svc.close()


def test_a_paid_withdrawal_marked_failed_is_not_returned(secret_service, tmp_path):
    """A settled withdrawal's row set back to 'failed' and 'not booked' asks the ledger to
    return MLK that was paid: refused (the node has the transfer mined, and nothing is held
    for it any more)."""
    import sqlite3

    svc = Services.open(tmp_path / "p", demo_wallet=True)
    svc.admin.init(demo=True)
    assert svc.bridge.withdraw("5").tx.status == "confirmed"
    before = svc.points.balance("MLK")
    head = svc.admin.verify().head_seq
    svc.close()
    conn = sqlite3.connect(tmp_path / "p" / DB)
    assert conn.execute("UPDATE chain_txs SET status = 'failed', booked = 0 "
                        "WHERE kind = 'withdraw'").rowcount == 1
    conn.commit()
    conn.close()
    svc = Services.open(tmp_path / "p")
    try:
        svc.bridge.settle()
        assert svc.points.balance("MLK") == before
        assert svc.admin.verify().head_seq == head
    finally:
        svc.close()
