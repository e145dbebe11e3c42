"""The demo connector and sync reconciliation of the ledger with a partner. (Partner API v1
connectors over HTTP and in-process: tests/partner/.)"""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.core.connectors.base import PartnerLot
from app.core.connectors.demo import DemoConnector
from app.core.errors import ExternalError, InputError, RuleError
from app.core.partners import Catalog

CATALOG = Catalog.load()
DELICAR = CATALOG.get("DELICAR")


def test_demo_members_are_deterministic():
    a, b = DemoConnector(DELICAR), DemoConnector(DELICAR)
    day = date(2026, 11, 23)
    assert a.code_for("minji") == b.code_for("minji") != a.code_for("jisoo")
    assert a.lots("minji", day, day) == b.lots("minji", day, day)
    assert a.lots("minji", day, day) != a.lots("jisoo", day, day)


def test_demo_members_have_points_expiring_soon_and_earn_monthly():
    c = DemoConnector(DELICAR)
    linked = date(2026, 11, 23)
    lots = c.lots("minji", linked, linked)
    assert any(lot.expires_on <= linked + timedelta(days=30) for lot in lots)
    later = c.lots("minji", linked, linked + timedelta(days=65))
    earned = [lot for lot in later if "-E" in lot.ref]
    assert len(earned) == 2  # one lot per 30 days since linking


@pytest.mark.parametrize("member", ["", "ab", "has space", "x" * 65, "한글"])
def test_member_ids_are_validated(member):
    with pytest.raises(InputError) as e:
        DemoConnector(DELICAR).request_code(member)
    assert e.value.code == "bad_member_id"


class ScriptedPartner:
    """A partner whose reported lots a test sets directly (a unit-level fake)."""

    def __init__(self):
        self.reported: list[PartnerLot] = []
        self.fail = False

    def request_code(self, member_id):
        raise AssertionError("not used")

    def verify(self, member_id, code):
        pass

    def lots(self, member_id, linked_on, today):
        if self.fail:
            raise ExternalError("Could not reach Delicar.", code="partner_unreachable")
        return list(self.reported)


def test_sync_reconciles_new_grown_and_clawed_back_lots(services, clock):
    fake = ScriptedPartner()
    services.ctx.connector = lambda p: fake if p.code == "DELICAR" else DemoConnector(p)
    far = clock.today() + timedelta(days=200)
    fake.reported = [PartnerLot("A", 5000, clock.today(), far)]
    r = services.partners.link("DELICAR", "kim", "any")
    assert (r.imported, services.points.balance("DELICAR")) == (5000, 5000)
    assert services.partners.sync("DELICAR").entry_seq is None  # nothing changed

    fake.reported = [PartnerLot("A", 6000, clock.today(), far),
                     PartnerLot("B", 2000, clock.today(), far)]
    r = services.partners.sync("DELICAR")
    assert (r.imported, r.adjusted) == (2000, 1000)
    assert services.points.balance("DELICAR") == 8000

    services.exchange.convert("DELICAR", "MLK", "5500")  # spends lot A down to 500
    fake.reported = [PartnerLot("A", 1000, clock.today(), far),  # a 5,000-point clawback
                     PartnerLot("B", 2000, clock.today(), far)]
    r = services.partners.sync("DELICAR")
    assert r.adjusted == -500  # never more than what is left of the lot
    assert services.points.balance("DELICAR") == 2000
    assert services.admin.verify().ok


def test_sync_failures_are_recorded_and_change_nothing(services):
    fake = ScriptedPartner()
    services.ctx.connector = lambda p: fake if p.code == "DELICAR" else DemoConnector(p)
    services.partners.link("DELICAR", "kim", "any")
    head = services.admin.verify().head_seq
    fake.fail = True
    with pytest.raises(ExternalError):
        services.partners.sync("DELICAR")
    status = next(s for s in services.partners.catalog() if s.partner.code == "DELICAR")
    assert status.last_sync_status.startswith("failed")
    assert services.admin.verify().head_seq == head


def test_link_rules(services):
    with pytest.raises(RuleError) as e:
        services.partners.link("YANOLJA", "someone", "123456")
    assert e.value.code == "already_linked"
    with pytest.raises(RuleError) as e:
        services.partners.sync("DELICAR")
    assert e.value.code == "not_linked"
    with pytest.raises(InputError) as e:
        services.partners.link("DELICAR", "minji", "000000")
    assert e.value.code == "wrong_code"
    assert not next(s for s in services.partners.catalog() if s.partner.code == "DELICAR").linked


def test_unlink_keeps_the_points(services):
    before = services.points.balance("YANOLJA")
    services.partners.unlink("YANOLJA")
    assert services.points.balance("YANOLJA") == before
    services.exchange.convert("YANOLJA", "MLK", "2000")  # still convertible
