"""Each withdrawal and deposit puts the ledger's head on the main chain (on by default on
the demo chain): the anchor is found there and is a prefix of the local chain."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_withdrawal_anchors_the_head_on_the_demo_chain(services):
    services.wallet.watch("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    assert services.anchors.auto and services.anchors.last() is None
    result = services.bridge.withdraw("5")
    anchor = services.anchors.last()
    assert anchor is not None and anchor.block is not None
    report = services.admin.verify()
    assert anchor.seq <= report.head_seq  # the head when the withdrawal was held, or later
    found = services.anchors.verify(report)
    assert [a.tx_hash for a in found][-1] == anchor.tx_hash and report.ok
    assert result.tx.status in ("pending", "confirmed")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_with_auto_anchoring_off_a_withdrawal_writes_no_anchor(services):
    services.anchors.set_auto(False)
    services.wallet.watch("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    services.bridge.withdraw("5")
    assert services.anchors.last() is None
