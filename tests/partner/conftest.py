"""One reference partner server per module, as a real process on 127.0.0.1."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.core.clock import KST
from tests.partner.server import PartnerServer, milk_partner

# minji-77's lots: the one expiring soonest is not the first added (consumption order).
MINJI_LOTS = ((40_000, 220), (2_500, 12), (7_000, 430))


def days_ahead(days: int) -> str:
    """A date `days` from today in the partners' calendar (KST)."""
    return (datetime.now(KST).date() + timedelta(days=days)).isoformat()


@pytest.fixture(scope="module")
def partner(tmp_path_factory):
    """DELICAR served with demo codes; members `minji-77` (3 lots) and `jisoo-1` (1 lot)."""
    data = tmp_path_factory.mktemp("delicar")
    lots = [("minji-77", points, days) for points, days in MINJI_LOTS] + [("jisoo-1", 1000, 90)]
    for member, points, days in lots:
        run = milk_partner("member", "add", member, "--points", str(points), "--expires",
                           days_ahead(days), "--data-dir", str(data), "--partner", "DELICAR")
        assert run.code == 0, run.stderr
    server = PartnerServer.start(data, "DELICAR", "--demo-codes")
    yield server
    server.stop()
