"""The MLK price: static (live or pinned), Upbit over real HTTP, freshness."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from app.core.errors import ExternalError, InputError, RuleError
from tests.support.http_server import Routes, serve

TICKER = "/v1/ticker?markets=KRW-MLK"


@pytest.fixture
def upbit():
    routes = Routes()
    server, url = serve(routes)
    yield routes, url, server
    server.shutdown()


def ticker(price, millis):
    return (b'[{"market":"KRW-MLK","trade_price":' + price.encode() +
            b',"timestamp":' + str(millis).encode() + b',"trade_timestamp":' +
            str(millis).encode() + b"}]")


def ms(dt):
    return int(dt.timestamp() * 1000)


def test_a_live_static_price_stays_current(services, clock):
    services.prices.set_static(Decimal("210.5"))
    clock.advance(hours=3)
    price = services.prices.current()
    assert price.krw_per_mlk == Decimal("210.5") and price.as_of == clock.now()


def test_a_pinned_static_price_ages_and_goes_stale(services, clock):
    services.prices.set_static(Decimal(200), clock.now() - timedelta(minutes=4))
    assert services.prices.current().krw_per_mlk == 200
    clock.advance(minutes=2)
    with pytest.raises(RuleError) as e:
        services.prices.current()
    assert e.value.code == "price_stale"


def test_staleness_is_configurable(services, clock):
    services.settings.set("price.stale_seconds", 3600)
    services.prices.set_static(Decimal(200), clock.now() - timedelta(minutes=30))
    assert services.prices.current().krw_per_mlk == 200


def test_a_future_as_of_is_refused(services, clock):
    with pytest.raises(InputError) as e:
        services.prices.set_static(Decimal(200), clock.now() + timedelta(hours=1))
    assert e.value.code == "as_of_future"


def test_upbit_price_is_read_exactly_and_recorded(services, clock, upbit):
    routes, url, _ = upbit
    routes.set("GET", TICKER, 200, ticker("123.456789", ms(clock.now())))
    services.prices.use_feed("upbit", url)
    price = services.prices.current()
    assert price.krw_per_mlk == Decimal("123.456789") and price.source == "upbit"
    assert services.prices.history()[-1].krw_per_mlk == Decimal("123.456789")
    services.prices.current()  # within the refresh window: no second request
    assert len(routes.requests) == 1
    clock.advance(seconds=11)
    services.prices.current()
    assert len(routes.requests) == 2


def test_upbit_down_uses_a_fresh_cached_price_but_not_a_stale_one(services, clock, upbit):
    routes, url, server = upbit
    routes.set("GET", TICKER, 200, ticker("300", ms(clock.now())))
    services.prices.use_feed("upbit", url)
    services.prices.current()
    server.shutdown()
    server.server_close()
    clock.advance(minutes=2)
    assert services.prices.current().krw_per_mlk == 300  # fresh enough
    clock.advance(minutes=4)
    with pytest.raises(ExternalError) as e:
        services.prices.current()
    assert e.value.code == "price_unreachable" and e.value.exit_code == 4


@pytest.mark.parametrize("body, code", [
    (b"not json", "price_bad_response"),
    (b'[{"market":"KRW-BTC","trade_price":1,"timestamp":1}]', "price_bad_response"),
    (b'[{"market":"KRW-MLK","trade_price":-1,"timestamp":1}]', "price_bad_response"),
])
def test_bad_upbit_answers(services, upbit, body, code):
    routes, url, _ = upbit
    routes.set("GET", TICKER, 200, body)
    services.prices.use_feed("upbit", url)
    with pytest.raises(ExternalError) as e:
        services.prices.current()
    assert e.value.code == code


def test_upbit_http_error(services, upbit):
    routes, url, _ = upbit
    routes.set("GET", TICKER, 500, {"error": "boom"})
    services.prices.use_feed("upbit", url)
    with pytest.raises(ExternalError) as e:
        services.prices.current()
    assert e.value.code == "price_unreachable"


def test_feed_choice_is_validated(services):
    with pytest.raises(InputError):
        services.prices.use_feed("coinbase")
    with pytest.raises(InputError):
        services.prices.use_feed("upbit", "ftp://example")
