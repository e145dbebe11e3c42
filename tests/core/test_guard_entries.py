"""The append guard's batched re-hash (`AppendGuard.entries`, which the bulk path uses to
check a batch's hold entries before anything is sent): the same entries and the same verdict
as checking them one by one, and a forged one among many is named."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from app.core.errors import ExternalError
from app.core.ledger.guard import AppendGuard
from tests.support.forge import forging


@pytest.fixture
def lived_in(tmp_path, clock, monkeypatch):
    from app.core.services import Services

    monkeypatch.delenv("MILK_DATABASE_URL", raising=False)
    svc = Services.open(tmp_path / "p", clock=clock)
    svc.admin.init(demo=True)
    svc.simulate(30, seed=7)
    yield svc
    svc.close()


def test_many_at_once_are_the_entries_one_by_one(lived_in):
    with lived_in.ctx.db.read() as s:
        last = AppendGuard(s).head().seq
        seqs = list(range(1, last + 1))
        together = AppendGuard(s).entries(seqs, load=True)
        one_by_one = {seq: AppendGuard(s).entry(seq, load=True) for seq in seqs}
    assert together == one_by_one and len(together) == last
    assert any(e.kind == "sell" for e in together.values())  # lots, postings and memos


@pytest.mark.parametrize("forge", ["memo", "amount", "lot expiry", "missing"])
def test_a_forged_entry_among_many_is_named(lived_in, forge):
    with lived_in.ctx.db.read() as s:
        last = AppendGuard(s).head().seq
        lot_seq = s.execute(text("SELECT max(created_seq) FROM lots")).scalar()
    target = {"memo": last - 3, "amount": last - 2, "lot expiry": lot_seq,
              "missing": last - 1}[forge]
    with forging(lived_in.ctx.data_dir / "ledger.sqlite3") as conn:
        if forge == "memo":
            conn.execute("UPDATE journal_entries SET memo = replace(memo, '\"', ' \"') "
                         "WHERE seq = ?", (target,))
        elif forge == "amount":
            conn.execute("UPDATE postings SET amount = CAST(amount AS INTEGER) + 1 "
                         "WHERE seq = ? AND idx = 0", (target,))
        elif forge == "lot expiry":
            conn.execute("UPDATE lots SET expires_on = '2099-12-31' WHERE created_seq = ?",
                         (target,))
        else:
            conn.execute("DELETE FROM postings WHERE seq = ?", (target,))
            conn.execute("DELETE FROM journal_entries WHERE seq = ?", (target,))
    with lived_in.ctx.db.read() as s:
        with pytest.raises(ExternalError) as e:
            AppendGuard(s).entries(range(1, last + 1), load=True)
    assert e.value.code == "ledger_tampered" and e.value.details["seq"] == target
