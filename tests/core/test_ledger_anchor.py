"""The public anchor: the head hash on the main chain (the embedded demo chain and anvil),
found again by `verify --anchors` and checked as a prefix of the local chain."""
from __future__ import annotations

from app.core.services import Services
from tests.support.cli import MilkCLI
from tests.support.forge import forging, raise_entry, settle


def test_anchors_on_the_demo_chain_outlive_a_rewritten_history(tmp_path, clock):
    svc = Services.open(tmp_path / "p", clock=clock)
    svc.admin.init(demo=True)
    svc.exchange.convert("YANOLJA", "MLK", "2000")
    first = svc.anchors.anchor()
    svc.exchange.convert("YANOLJA", "MLK", "2000")
    second = svc.anchors.anchor()
    report = svc.admin.verify()
    assert svc.anchors.last() == second and second.block
    assert first.seq < second.seq == report.head_seq
    assert [a.seq for a in svc.anchors.verify(report)] == [first.seq, second.seq]
    assert report.ok
    svc.close()

    # Someone holding the files raises the welcome reward and re-hashes everything after it.
    with forging(tmp_path / "p" / "ledger.sqlite3") as conn:
        seq = conn.execute("SELECT seq FROM journal_entries WHERE kind = 'reward'").fetchone()[0]
        raise_entry(conn, seq, 1_000_000 * 10**18)
        settle(conn, seq)
    svc = Services.open(tmp_path / "p", clock=clock)
    report = svc.admin.verify()
    svc.anchors.verify(report)
    assert f"entry #{first.seq} is not the one anchored on chain in block {first.block}: the " \
           "history was re-written" in [p.what for p in report.problems]
    svc.close()


def test_milk_ledger_anchor_and_verify_anchors(tmp_path):
    cli = MilkCLI(tmp_path / "p")
    assert cli("init", "--demo").code == 0
    anchored = cli("ledger", "anchor")
    assert anchored.code == 0, anchored.stdout
    found = cli("ledger", "verify", "--anchors")
    assert found.code == 0 and found.json["chain_anchors"] == [
        {k: anchored.json[k] for k in ("seq", "hash", "block", "tx_hash", "chain_id")}]


def test_withdrawals_anchor_automatically_on_the_demo_chain(tmp_path, clock):
    svc = Services.open(tmp_path / "p", clock=clock)
    svc.admin.init(demo=True)
    assert svc.anchors.auto
    svc.bridge.withdraw("5", to="0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    anchor = svc.anchors.anchor_after("withdraw")  # the hook BridgeService calls
    assert anchor is not None and anchor.seq == svc.admin.verify().head_seq
    svc.anchors.set_auto(False)
    assert svc.anchors.anchor_after("deposit") is None
    svc.close()


def test_anchors_on_anvil_sent_by_the_operator_treasury(anvil_profile):
    svc = anvil_profile
    assert not svc.anchors.auto  # on by default only on the demo chain
    svc.exchange.convert("YANOLJA", "MLK", "2000")
    anchor = svc.anchors.anchor()
    report = svc.admin.verify()
    assert svc.anchors.verify(report) == [anchor] and report.ok
