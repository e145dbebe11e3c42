"""Conversions reach the partner exactly once (issue 11, phase 2), on the demo partners: the
reference server's application in-process, its data in the profile. What the partner holds
is read from its own store. Faults with the server as a real process, and the crash harness:
tests/reliability/test_partner_faults.py."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, datetime

import pytest

from app.core.errors import ExternalError, RuleError
from app.core.money import MLK, MLK_UNIT
from app.partner_server.store import Store
from tests.partner.lossy import lossy

DEMO_MEMBER = "demo-jiwoo"


@pytest.fixture
def profile(tmp_path, clock):
    """The demo profile on SQLite, Delicar linked too (minji-77)."""
    from app.core.ledger import sqlite_url
    from app.core.services import Services

    svc = Services.open(tmp_path / "profile", database_url=sqlite_url(tmp_path / "l.sqlite3"),
                        clock=clock)
    svc.admin.init(demo=True)
    link(svc, "DELICAR", "minji-77")
    yield svc
    svc.close()


def link(svc, code, member):
    return svc.partners.link(code, member, svc.partners.request_code(code, member).demo_code)


@contextmanager
def at_partner(svc, code):
    store = Store.open(svc.ctx.partners_dir / code, now=svc.ctx.clock.now)
    try:
        yield store
    finally:
        store.close()


def holdings(svc, code, member):
    """(member's points, TICA's points) at the partner, its audit, and its operations."""
    with at_partner(svc, code) as store:
        far = datetime(2100, 1, 1, tzinfo=UTC)
        ops = store.statement(datetime(2000, 1, 1, tzinfo=UTC), far, limit=500)["operations"]
        return (store.balance(member)["balance"], store.tica_balance(), store.audit(), ops)


def agrees(svc, *codes):
    for code in codes:
        r = svc.partners.reconcile(code)
        assert r.agrees, r.differences
    assert svc.admin.verify().ok


def test_a_sell_redeems_at_the_partner_once_then_pays_the_mlk(services):
    member, tica, _, _ = holdings(services, "YANOLJA", DEMO_MEMBER)
    points, mlk = services.points.balance("YANOLJA"), services.points.balance(MLK)
    c = services.exchange.convert("YANOLJA", "MLK", "2000", key="sell-1")
    assert c.status == "done" and c.amount_out == 985 * MLK_UNIT // 100
    after_member, after_tica, audit, ops = holdings(services, "YANOLJA", DEMO_MEMBER)
    assert (after_member, after_tica, audit) == (member - 2000, tica + 2000, [])
    assert [(op["kind"], op["points"]) for op in ops] == [("redeem", 2000)]
    assert services.points.balance("YANOLJA") == points - 2000
    assert services.points.balance(MLK) == mlk + c.amount_out
    kinds = [r.kind for r in services.history.page(limit=2)]
    assert kinds == ["redeem", "sell"]  # held, then booked once the partner redeemed
    again = services.exchange.convert("YANOLJA", "MLK", "2000", key="sell-1")
    assert again.replayed and again.entry.seq == c.entry.seq
    assert len(holdings(services, "YANOLJA", DEMO_MEMBER)[3]) == 1  # asked once
    agrees(services, "YANOLJA")


def test_a_buy_issues_the_points_at_the_partner_into_a_lot_the_one_view_mirrors(profile):
    member, tica, _, _ = holdings(profile, "DELICAR", "minji-77")
    mlk = profile.points.balance(MLK)
    c = profile.exchange.convert("MLK", "DELICAR", "1000", exact_out=True)
    assert c.status == "done"
    after_member, after_tica, audit, ops = holdings(profile, "DELICAR", "minji-77")
    assert (after_member, after_tica, audit) == (member + 1000, tica - 1000, [])
    issued = ops[-1]
    assert (issued["kind"], issued["points"]) == ("issue", 1000)
    assert profile.points.balance(MLK) == mlk - c.amount_in
    lot = next(lot for h in profile.points.overview().holdings if h.partner.code == "DELICAR"
               for lot in h.lots if lot.source_ref == issued["lots"][0]["id"])
    assert (lot.remaining, lot.expires_on.isoformat()) == (1000, issued["lots"][0]["expires_on"])
    agrees(profile, "DELICAR")


def test_a_swap_redeems_then_issues(profile):
    ya, _, _, _ = holdings(profile, "YANOLJA", DEMO_MEMBER)
    de, _, _, _ = holdings(profile, "DELICAR", "minji-77")
    mlk = profile.points.balance(MLK)
    c = profile.exchange.convert("YANOLJA", "DELICAR", "5000")
    assert c.status == "done" and c.amount_out > 0
    assert holdings(profile, "YANOLJA", DEMO_MEMBER)[0] == ya - 5000
    assert holdings(profile, "DELICAR", "minji-77")[0] == de + c.amount_out
    assert profile.points.balance(MLK) == mlk  # exact-in: every MLK of the sell buys points
    agrees(profile, "YANOLJA", "DELICAR")


def test_points_spent_at_the_partner_meanwhile_are_refused_and_nothing_is_booked(profile):
    with at_partner(profile, "DELICAR") as store:
        store.spend("minji-77", store.balance("minji-77")["balance"] - 3000)
    shown, mlk = profile.points.balance("DELICAR"), profile.points.balance(MLK)
    assert shown > 3000  # MiL.k has not seen the spending yet
    with pytest.raises(RuleError) as e:
        profile.exchange.convert("DELICAR", "MLK", "5000")
    assert e.value.code == "insufficient_points"
    assert "3,000" in e.value.message and "Nothing was converted" in e.value.message
    assert profile.points.balance(MLK) == mlk
    assert profile.points.balance("DELICAR") == 3000  # synced: what Delicar holds now
    assert not profile.points.overview().pending
    assert [r.kind for r in profile.history.page(limit=3)] == ["sync", "release", "sell"]
    agrees(profile, "DELICAR")


@pytest.mark.parametrize("applied", [True, False], ids=["applied", "never-arrived"])
def test_a_lost_answer_stays_pending_until_the_next_sync_settles_it(profile, applied):
    points, mlk = profile.points.balance("DELICAR"), profile.points.balance(MLK)
    line, heal = lossy(profile, "DELICAR", deliver=applied)
    c = profile.exchange.convert("DELICAR", "MLK", "4000", key="lost-1")
    assert (c.status, c.pending_at) == ("pending", ("DELICAR",))
    view = profile.points.overview()
    held = next(h for h in view.holdings if h.partner.code == "DELICAR")
    assert (held.balance, held.pending_out) == (points - 4000, 4000)
    assert [(op.partner, op.kind, op.points) for op in view.pending] == [
        ("DELICAR", "redeem", 4000)]
    assert view.pending[0].last_error and view.pending[0].attempts == 1
    assert profile.points.balance(MLK) == mlk  # never MLK without a redeem
    assert profile.partners.sync("DELICAR").pending == 1  # still no answer: lots wait
    heal()
    assert profile.partners.sync("DELICAR").settled == 1
    assert not profile.points.overview().pending
    _, _, audit, ops = holdings(profile, "DELICAR", "minji-77")
    assert audit == [] and len(ops) == (1 if applied else 0)
    assert profile.points.balance("DELICAR") == points - (4000 if applied else 0)
    assert (profile.points.balance(MLK) > mlk) is applied
    if applied:
        assert profile.exchange.convert("DELICAR", "MLK", "4000", key="lost-1").replayed
    agrees(profile, "DELICAR")


def test_a_retry_with_its_key_finishes_a_pending_conversion(profile):
    mlk = profile.points.balance(MLK)
    _, heal = lossy(profile, "DELICAR", deliver=True)
    assert profile.exchange.convert("DELICAR", "MLK", "2000", key="k").status == "pending"
    heal()
    done = profile.exchange.convert("DELICAR", "MLK", "2000", key="k")
    assert done.replayed and done.status == "done"
    assert profile.points.balance(MLK) == mlk + done.amount_out
    assert len(holdings(profile, "DELICAR", "minji-77")[3]) == 1


def test_a_refused_retry_says_the_conversion_was_reversed(profile):
    _, heal = lossy(profile, "DELICAR", deliver=False)
    profile.exchange.convert("DELICAR", "MLK", "2000", key="gone")
    heal()
    profile.partners.sync("DELICAR")  # voided at Delicar, released here
    with pytest.raises(RuleError) as e:
        profile.exchange.convert("DELICAR", "MLK", "2000", key="gone")
    assert e.value.code == "conversion_released" and "new key" in e.value.message


def test_the_buy_leg_undelivered_leaves_the_user_the_mlk_of_the_sell_leg(profile):
    with at_partner(profile, "DELICAR") as store:
        store.close_member("minji-77")
        tica = store.tica_balance()
    ya, mlk = profile.points.balance("YANOLJA"), profile.points.balance(MLK)
    c = profile.exchange.convert("YANOLJA", "DELICAR", "5000")
    assert c.status == "partial" and "You keep" in c.note and "closed" in c.note
    assert profile.points.balance("YANOLJA") == ya - 5000
    kept = profile.points.balance(MLK) - mlk
    assert kept == int(c.entry.memo["legs"][1]["mlk_user"]) > 0
    with at_partner(profile, "DELICAR") as store:
        assert store.tica_balance() == tica  # nothing issued
    agrees(profile, "YANOLJA")
    unlink = profile.partners.unlink("DELICAR")  # the closed membership can still be unlinked
    assert unlink.points > 0


def test_a_partner_that_cannot_be_reached_before_anything_is_sent_changes_nothing(profile):
    from dataclasses import replace

    from app.core.partners import Catalog

    catalog = profile.ctx.catalog
    before = profile.admin.verify().head_seq
    broken = replace(catalog.get("DELICAR"), connector={"type": "http",
                                                        "base_url": "http://127.0.0.1:9",
                                                        "token_env": "MILK_NO_SUCH_VAR"})
    profile.ctx.catalog = Catalog([broken if p.code == "DELICAR" else p for p in catalog])
    with pytest.raises(ExternalError) as e:
        profile.exchange.convert("DELICAR", "MLK", "2000")
    assert e.value.code == "partner_credential_missing"
    assert profile.admin.verify().head_seq == before  # refused before the hold


def test_recovery_leaves_a_conversion_another_process_is_still_asking_about(profile):
    _, heal = lossy(profile, "DELICAR", deliver=True)
    c = profile.exchange.convert("DELICAR", "MLK", "2000")
    heal()
    with profile.outbox.inflight.hold(c.conversion_id):  # as the process asking would
        assert profile.partners.recover() == 0
        assert profile.points.overview().pending
    assert profile.partners.recover() == 1
    assert not profile.points.overview().pending


def test_an_edited_outbox_row_is_refused_before_anything_reaches_the_partner(profile):
    import sqlite3

    _, heal = lossy(profile, "DELICAR", deliver=False)
    profile.exchange.convert("DELICAR", "MLK", "2000")
    heal()
    db = sqlite3.connect(profile.ctx.data_dir.parent / "l.sqlite3")
    db.execute("UPDATE partner_ops SET points = 200000")
    db.commit()
    db.close()
    with pytest.raises(ExternalError) as e:
        profile.partners.recover()
    assert e.value.code == "ledger_tampered"
    assert holdings(profile, "DELICAR", "minji-77")[3] == []


def test_member_tokens_live_in_the_keyring_never_in_a_file(tmp_path, clock, secret_service):
    from app.core.connectors.tokens import KEYRING_SERVICE
    from app.core.ledger import sqlite_url
    from app.core.services import Services

    def open_profile():
        return Services.open(tmp_path / "p", database_url=sqlite_url(tmp_path / "l.sqlite3"),
                             clock=clock)

    svc = open_profile()
    try:
        svc.admin.init(demo=True)
        assert svc.ctx.tokens.keeps()
        link(svc, "DELICAR", "minji-77")
        token = svc.ctx.tokens.get("DELICAR", "minji-77")
        names = [item.get_attributes().get("username") for item in
                 secret_service.collection().search_items({"service": KEYRING_SERVICE})]
        assert any(name and name.endswith("/DELICAR/minji-77") for name in names)
    finally:
        svc.close()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
    svc = open_profile()  # a new process: the token comes from the keyring, no new sign-in
    try:
        assert svc.ctx.tokens.get("DELICAR", "minji-77") == token
        assert svc.exchange.convert("DELICAR", "MLK", "2000").status == "done"
        svc.partners.unlink("DELICAR")
        assert svc.ctx.tokens.get("DELICAR", "minji-77") is None
    finally:
        svc.close()


# -- the bulk path (`milk simulate --bulk`, an operator's batch) -------------------------------

def test_a_bulk_batch_converts_each_once_and_a_refused_one_changes_nothing(profile):
    """One transaction holds the batch, the partners are asked for every operation, one
    transaction books them: sells, a buy and a swap, with a refused request in the middle."""
    from app.core.services.exchange import Conversion, ConversionRequest

    before = holdings(profile, "YANOLJA", DEMO_MEMBER)
    mlk = profile.points.balance(MLK)
    head = profile.admin.verify().head_seq
    results = profile.exchange.convert_bulk([
        ConversionRequest("YANOLJA", "MLK", "2000"),
        ConversionRequest("YANOLJA", "MLK", "999"),  # below the minimum: refused alone
        ConversionRequest("YANOLJA", "DELICAR", "1500"),
        ConversionRequest(MLK, "YANOLJA", "1000", exact_out=True),
        ConversionRequest("YANOLJA", "MLK", "3000"),
    ])
    assert [type(r).__name__ for r in results] == ["Conversion", "RuleError", "Conversion",
                                                   "Conversion", "Conversion"]
    assert results[1].code == "below_minimum"
    done = [r for r in results if isinstance(r, Conversion)]
    assert all(r.status == "done" for r in done)
    after = holdings(profile, "YANOLJA", DEMO_MEMBER)
    assert after[0] == before[0] - 2000 - 1500 + 1000 - 3000  # the member, at the partner
    assert after[0] + after[1] == before[0] + before[1] and after[2] == []  # conserved
    keys = [op["key"] for op in after[3]]
    assert len(keys) == len(set(keys)) == len(before[3]) + 4  # one operation per leg, once
    with at_partner(profile, "DELICAR") as store:
        assert store.balance("minji-77")["balance"] == holdings(
            profile, "DELICAR", "minji-77")[0]
    gained = sum(r.amount_out for r in done if r.to_asset == MLK)
    spent = sum(r.amount_in for r in done if r.from_asset == MLK)
    assert profile.points.balance(MLK) == mlk + gained - spent
    report = profile.admin.verify()
    assert report.head_seq == head + 4 + 5  # four holds, five bookings (the swap has two)
    agrees(profile, "YANOLJA", "DELICAR")


def test_simulate_bulk_keeps_the_ledger_and_the_partners_in_agreement(profile):
    report = profile.simulate(120, seed=7, bulk=True)
    assert report.conversions == 120
    assert not profile.points.overview().pending
    agrees(profile, "YANOLJA", "SSG_DUTYFREE", "AIRPORT_LIMO", "DELICAR")
