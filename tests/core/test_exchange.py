"""Quotes and conversions through the services, on SQLite and on a real PostgreSQL."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from app.core.errors import InputError, RuleError
from app.core.ledger import accounts as acct
from app.core.money import MLK, MLK_UNIT

YA, SSG, LIMO, DELI = "YANOLJA", "SSG_DUTYFREE", "AIRPORT_LIMO", "DELICAR"


def state(svc):
    """Everything a refusal must leave unchanged."""
    report = svc.admin.verify()
    balances = {a: svc.points.balance(a) for a in (MLK, YA, SSG, LIMO, DELI)}
    return report.head_seq, report.head_hash, balances


def refused(svc, fn, code, kind=RuleError):
    before = state(svc)
    with pytest.raises(kind) as e:
        fn()
    assert e.value.code == code, e.value.message
    assert state(svc) == before
    return e.value


def test_both_seed_checks_reproduce(services):
    q = services.exchange.quote(YA, MLK, "2000")
    assert q.trade.amount_out == 9_850_000_000_000_000_000
    c = services.exchange.execute(q)
    assert c.amount_out == 9_850_000_000_000_000_000 and c.entry.kind == "sell"
    services.prices.set_static(Decimal(400))
    c = services.exchange.convert(MLK, LIMO, "4000", exact_out=True)
    assert c.amount_in == 20_304_568_527_918_781_726 and c.amount_out == 4000
    assert services.admin.verify().ok


def test_quote_shows_rate_fee_minimum_and_expiry(services, clock):
    q = services.exchange.quote(YA, MLK, "2000")
    assert q.rate == Decimal("0.004925")
    assert q.trade.fee == 150_000_000_000_000_000
    assert q.min_out == q.trade.amount_out * 9950 // 10000  # default bound 0.5%
    assert q.expires_at - q.created_at == timedelta(seconds=30)
    assert q.seconds_left(clock.now()) == 30
    assert services.exchange.load_quote(q.id).to_dict() == q.to_dict()


def test_an_expired_quote_books_nothing(services, clock):
    q = services.exchange.quote(YA, MLK, "2000")
    clock.advance(seconds=31)
    refused(services, lambda: services.exchange.execute(q), "quote_expired")


def test_price_moves_beyond_the_bound_refuse(services):
    q = services.exchange.quote(YA, MLK, "2000")
    services.prices.set_static(Decimal(210))  # MLK dearer: fewer MLK per point
    err = refused(services, lambda: services.exchange.execute(q), "slippage")
    assert "Nothing was converted" in err.message


def test_price_moves_within_the_bound_execute_at_the_new_price(services):
    q = services.exchange.quote(YA, MLK, "2000", slippage_bps=500)
    services.prices.set_static(Decimal(205))
    c = services.exchange.execute(q)
    assert q.min_out <= c.amount_out < q.trade.amount_out


def test_exact_out_slippage_bounds_the_cost(services):
    q = services.exchange.quote(MLK, YA, "1000", exact_out=True)
    services.prices.set_static(Decimal(150))  # MLK cheaper: points cost more MLK
    refused(services, lambda: services.exchange.execute(q), "slippage")


def link_delicar(svc):
    sent = svc.partners.request_code(DELI, "minji-77")  # the demo partner shows the code
    svc.partners.link(DELI, "minji-77", sent.demo_code)


def test_point_to_point_redeems_then_issues_with_a_fee_on_each_leg(services):
    link_delicar(services)
    ya, deli = services.points.balance(YA), services.points.balance(DELI)
    c = services.exchange.convert(YA, DELI, "5000")
    legs = c.entry.memo["legs"]
    assert [leg["side"] for leg in legs] == ["sell", "buy"]
    assert all(int(leg["fee"]) > 0 for leg in legs)
    assert c.fee == sum(int(leg["fee"]) for leg in legs)
    assert (c.entry.kind, c.status) == ("swap", "done")
    assert c.entry.net(services.ctx.user) == {YA: -5000}  # held until Yanolja redeems
    assert services.points.balance(YA) == ya - 5000
    assert services.points.balance(DELI) == deli + c.amount_out
    kinds = [r.kind for r in services.history.page(limit=3)]
    assert kinds[0] == "issue" and "swap" in kinds


def test_point_to_point_exact_out_gives_exactly_that_many_points(services):
    before = services.points.balance(LIMO)
    c = services.exchange.convert(SSG, LIMO, "3000", exact_out=True)
    assert services.points.balance(LIMO) == before + 3000 and c.amount_out == 3000


def test_exact_out_sell_pays_at_least_the_amount(services):
    c = services.exchange.convert(YA, MLK, "5", exact_out=True)
    assert c.amount_out >= 5 * MLK_UNIT


def test_buying_with_mlk_creates_a_lot_with_the_partner_validity(services, clock):
    link_delicar(services)
    before = {lot.id for h in services.points.overview().holdings if h.partner.code == DELI
              for lot in h.lots}
    services.exchange.convert(MLK, DELI, "20")
    h = next(h for h in services.points.overview().holdings if h.partner.code == DELI)
    bought = [lot for lot in h.lots if lot.id not in before]
    assert len(bought) == 1 and bought[0].remaining > 0
    assert bought[0].expires_on == clock.today() + timedelta(days=365)


@pytest.mark.parametrize("args, code, kind", [
    ((YA, MLK, "999"), "below_minimum", RuleError),
    ((YA, MLK, "10000000"), "insufficient_balance", RuleError),
    ((MLK, YA, "1000"), "insufficient_balance", RuleError),
    ((YA, YA, "2000"), "same_asset", InputError),
    (("NOPE", MLK, "2000"), "unknown_partner", InputError),
    ((YA, MLK, "1.5"), "amount_fraction", InputError),
    ((MLK, YA, "0.0000001"), "amount_too_small", RuleError),
])
def test_refusals_change_nothing(services, args, code, kind):
    refused(services, lambda: services.exchange.convert(*args), code, kind)


def test_pool_that_cannot_cover_refuses(services):
    """A user who can pay, asking for more points than TICA holds."""
    target = services.ctx.catalog.get(DELI).target_inventory
    services.prices.set_static(Decimal(10**9))  # MLK so dear that 100 MLK buys them all
    err = refused(services, lambda: services.exchange.quote(MLK, DELI, str(target + 1),
                                                            exact_out=True), "pool_cannot_cover")
    assert err.message.startswith("TICA's pool cannot cover")


def test_stale_price_refuses_quotes(services, clock):
    services.prices.set_static(Decimal(200), clock.now() - timedelta(minutes=10))
    refused(services, lambda: services.exchange.quote(YA, MLK, "2000"), "price_stale")


def test_idempotent_retry_returns_the_first_result(services):
    first = services.exchange.convert(YA, MLK, "2000", key="order-1")
    services.prices.set_static(Decimal(300))  # a retry must not re-price
    again = services.exchange.convert(YA, MLK, "2000", key="order-1")
    assert again.replayed and again.entry.seq == first.entry.seq
    assert again.amount_out == first.amount_out
    refused(services, lambda: services.exchange.convert(YA, MLK, "3000", key="order-1"),
            "idempotency_conflict", InputError)


def test_conversions_consume_the_soonest_expiring_lots_first(services):
    lots = next(h for h in services.points.overview().holdings if h.partner.code == YA).lots
    first, second = lots[0], lots[1]
    take = first.remaining + 1000
    services.exchange.convert(YA, MLK, str(take))
    after = {lot.id: lot.remaining for lot in next(
        h for h in services.points.overview().holdings if h.partner.code == YA).lots}
    assert first.id not in after  # emptied
    assert after[second.id] == second.remaining - 1000


def test_expired_lots_are_swept_back_to_the_issuer_once(services, clock):
    h = next(h for h in services.points.overview().holdings if h.partner.code == YA)
    soonest = h.lots[0]
    issuer_before = _balance(services, acct.issuer(YA), YA)
    clock.set(clock.now() + (soonest.expires_on - clock.today()) + timedelta(days=1))
    after = next(h for h in services.points.overview().holdings if h.partner.code == YA)
    assert after.balance == h.balance - soonest.remaining
    assert _balance(services, acct.issuer(YA), YA) == issuer_before + soonest.remaining
    kinds = [row.kind for row in services.history.page(limit=5)]
    assert "expire" in kinds
    assert services.points.sweep_expired() == 0
    assert services.admin.verify().ok


def test_overview_values_points_and_flags_expiry(services):
    ov = services.points.overview()
    limo = next(h for h in ov.holdings if h.partner.code == LIMO)
    assert limo.krw_value == 2 * limo.balance  # face value 2 KRW
    assert limo.mlk_value == limo.balance * 2 * MLK_UNIT * 985 // 1000 // 200
    assert limo.expiring > 0 and limo.next_expiry is not None
    assert ov.total_krw == ov.points_krw + Decimal(100 * 200)


def _balance(svc, owner, asset):
    from app.core.ledger import Journal

    with svc.ctx.db.read() as s:
        return Journal(s).balance(owner, asset)


# -- exactly once (issue 10, point 6) ------------------------------------------------------------

def test_a_quote_executes_once_whatever_the_key(services):
    q = services.exchange.quote(YA, MLK, "2000")
    first = services.exchange.execute(q, key="tap-1")
    assert services.exchange.execute(q, key="tap-1").entry.seq == first.entry.seq  # a retry
    for key in ("tap-2", "tap-3", "tap-4"):
        err = refused(services, lambda k=key: services.exchange.execute(q, key=k), "quote_used")
        assert f"#{first.entry.seq}" in err.message
    again = services.exchange.execute(q)  # no key: the quote itself is the key
    assert again.replayed and again.entry.seq == first.entry.seq


def test_a_quote_executed_without_a_key_is_used_too(services):
    q = services.exchange.quote(MLK, LIMO, "20")
    first = services.exchange.execute(q)
    assert services.exchange.execute(q).entry.seq == first.entry.seq
    refused(services, lambda: services.exchange.execute(q, key="late"), "quote_used")


@pytest.mark.parametrize("key", ["", " ", "\t"])
def test_an_empty_key_is_refused_not_ignored(services, key):
    q = services.exchange.quote(YA, MLK, "2000")
    refused(services, lambda: services.exchange.execute(q, key=key), "bad_key", InputError)
    refused(services, lambda: services.exchange.convert(YA, MLK, "2000", key=key), "bad_key",
            InputError)


@pytest.mark.parametrize("key", ["genesis:tica-pool:MLK", "demo:welcome-reward", "expire:1",
                                 "withdraw:payout-7", "withdraw:payout-7:settled", "sync:x"])
def test_user_keys_never_meet_the_apps_own_keys(services, key):
    services.points.sweep_expired()
    c = services.exchange.convert(YA, MLK, "2000", key=key)
    assert not c.replayed and c.entry.kind == "sell" and c.status == "done"
    assert services.exchange.convert(YA, MLK, "2000", key=key).entry.seq == c.entry.seq
    with services.ctx.db.read() as s:  # the app's entries under that text are untouched
        from sqlalchemy import func, select

        from app.core.ledger.schema import JournalEntry
        n = s.execute(select(func.count()).select_from(JournalEntry)
                      .where(JournalEntry.idem_key.like(f"%{key}"))).scalar()
    assert n >= 1 and services.admin.verify().ok


def test_a_user_key_shaped_like_a_quote_key_books_its_own_conversion(services):
    q = services.exchange.quote(YA, MLK, "2000")
    first = services.exchange.execute(q)  # the app's key for it: convert:<quote id>
    mine = services.exchange.convert(YA, MLK, "2000", key=f"convert:{q.id}")
    assert not mine.replayed and mine.entry.seq != first.entry.seq


def test_a_retry_across_the_upgrade_finds_the_bare_key_it_was_booked_under(db_url, tmp_path,
                                                                               clock):
    """Before revision 0005 a user's key was stored bare: a script retrying `--key order-7`
    after the upgrade must get the first conversion back, not a second one."""
    from alembic import command
    from alembic.config import Config

    from app.core.ledger import Database, Journal, Line, NewLot
    from app.core.ledger.database import MIGRATIONS_DIR
    from app.core.services import Services
    from app.core.services.exchange import _params

    db = Database(db_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    user, units = acct.user(), 2000
    memo = {"from": YA, "to": MLK, "amount_in": "2000", "amount_out": str(985 * MLK_UNIT // 100),
            "fee": "0", "price": "200", "quote": "q-old"}
    with db.write() as s:  # what the old release wrote: the entry under the bare key
        j = Journal(s)
        j.append("sync", "sync:old", "p", [Line(acct.issuer(YA), YA, -units),
                                           Line(user, YA, units, NewLot(clock.today()))],
                 {}, clock.now())
        j.append("genesis", "genesis:old", "p", [Line(acct.BRIDGE, MLK, -MLK_UNIT),
                                                 Line(user, MLK, MLK_UNIT)], {}, clock.now())
        j.append("sell", "order-7", _params(user, YA, MLK, units, "exact_in"),
                 [Line(user, MLK, -1), Line(acct.POOL, MLK, 1)], memo, clock.now())
    db.dispose()
    svc = Services.open(tmp_path / "p", database_url=db_url, clock=clock)
    try:
        again = svc.exchange.convert(YA, MLK, "2000", key="order-7")
        assert again.replayed and again.entry.seq == 3
        with pytest.raises(InputError) as e:  # the same key for another request
            svc.exchange.convert(YA, MLK, "2500", key="order-7")
        assert e.value.code == "idempotency_conflict"
        with pytest.raises(RuleError):  # an app key of that era is no user key: a new request
            svc.exchange.convert(YA, MLK, "2000", key="genesis:old")
    finally:
        svc.close()


@pytest.mark.parametrize("args", [(YA, MLK, "1000000000000000"), (YA, DELI, "999999999999"),
                                  (MLK, YA, "50000000", True)])
def test_more_than_you_hold_says_not_enough_before_any_pool_check(services, args):
    """TICA's pool could not cover these either; what the user must hear is their own
    shortfall."""
    err = refused(services, lambda: services.exchange.quote(*args), "insufficient_balance")
    assert err.message.startswith("Not enough ")
    assert "points" in err.message or "MLK" in err.message
