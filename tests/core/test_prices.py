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


@pytest.fixture
def one_db(tmp_path, clock):
    """A demo profile on SQLite only: for feed behaviour that no database changes."""
    from app.core.ledger import sqlite_url
    from app.core.services import Services

    svc = Services.open(tmp_path / "p", database_url=sqlite_url(tmp_path / "l.sqlite3"),
                        clock=clock)
    svc.admin.init(demo=True)
    yield svc
    svc.close()


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
    services.prices.use_feed("upbit", url)  # checked when set: one request
    price = services.prices.current()
    assert price.krw_per_mlk == Decimal("123.456789") and price.source == "upbit"
    assert services.prices.history()[-1].krw_per_mlk == Decimal("123.456789")
    services.prices.current()  # within the refresh window: no second request
    assert len(routes.requests) == 1
    clock.advance(seconds=11)
    services.prices.current()
    assert len(routes.requests) == 2


def use_upbit(services, routes, url, clock, price="300"):
    routes.set("GET", TICKER, 200, ticker(price, ms(clock.now())))
    services.prices.use_feed("upbit", url)


@pytest.mark.parametrize("body", [
    b"not json",
    b'[{"market":"KRW-BTC","trade_price":1,"timestamp":1}]',
    b'[{"market":"KRW-MLK","trade_price":-1,"timestamp":1}]',
    b'[{"market":"KRW-MLK","trade_price":0,"timestamp":1}]',
    b'[{"market":"KRW-MLK","trade_price":true,"timestamp":1}]',  # not read as 1 KRW
    b'[{"market":"KRW-MLK","trade_price":"200","timestamp":1}]',
    b'[{"market":"KRW-MLK","trade_price":NaN,"timestamp":1}]',
    b'[{"market":"KRW-MLK","trade_price":200,"timestamp":true}]',
    b'[{"market":"KRW-MLK","trade_price":200,"timestamp":1.5}]',
    b"[" + b" " * 70_000 + b"]",  # far more than a ticker
])
def test_a_bad_answer_is_refused_when_the_url_is_set_and_never_cached(one_db, clock, upbit,
                                                                      body):
    routes, url, _ = upbit
    routes.set("GET", TICKER, 200, body)
    with pytest.raises(ExternalError) as e:
        one_db.prices.use_feed("upbit", url)
    assert e.value.code == "price_bad_response"
    assert one_db.prices.feed == "static"  # nothing was saved
    assert one_db.settings.get("price.upbit_url") != url
    use_upbit(one_db, routes, url, clock)  # a good feed, then the same bad answer
    routes.set("GET", TICKER, 200, body)
    clock.advance(seconds=11)
    assert one_db.prices.current().krw_per_mlk == 300  # the fresh cached price serves
    assert one_db.prices.history()[-1].krw_per_mlk == 300  # the bad answer was not kept


def test_a_ticker_from_the_future_is_refused_and_does_not_freeze_the_price(one_db, clock,
                                                                         upbit):
    routes, url, _ = upbit
    use_upbit(one_db, routes, url, clock, "300")
    routes.set("GET", TICKER, 200, ticker("999", ms(clock.now() + timedelta(hours=1))))
    clock.advance(seconds=11)
    assert one_db.prices.current().krw_per_mlk == 300
    assert [p.krw_per_mlk for p in one_db.prices.history() if p.source == "upbit"] == [300]
    asked = len(routes.requests)
    routes.set("GET", TICKER, 200, ticker("310", ms(clock.now())))
    clock.advance(seconds=11)
    assert one_db.prices.current().krw_per_mlk == 310  # later answers are taken again
    assert len(routes.requests) == asked + 1
    # Within the skew (the feed's clock 30 s ahead of ours) is accepted.
    routes.set("GET", TICKER, 200, ticker("320", ms(clock.now() + timedelta(seconds=30 + 11))))
    clock.advance(seconds=11)
    assert one_db.prices.current().krw_per_mlk == 320


def test_a_future_price_recorded_before_the_fix_is_not_used(one_db, clock, upbit):
    from app.core.prices import Price

    routes, url, _ = upbit
    use_upbit(one_db, routes, url, clock, "300")
    one_db.prices._record(Price(Decimal(999), clock.now() + timedelta(hours=2), "upbit"),
                            pinned=True)  # what an older version could store
    routes.set("GET", TICKER, 200, ticker("305", ms(clock.now())))
    assert one_db.prices.current().krw_per_mlk == 305
    routes.set("GET", TICKER, 500, {"error": {"message": "down"}})
    clock.advance(seconds=11)
    assert one_db.prices.current().krw_per_mlk == 305  # never the future one


def test_upbit_down_uses_a_fresh_cached_price_but_not_a_stale_one(services, clock, upbit):
    routes, url, server = upbit
    use_upbit(services, routes, url, clock, "300")
    server.shutdown()
    server.server_close()
    clock.advance(minutes=2)
    assert services.prices.current().krw_per_mlk == 300  # fresh enough
    clock.advance(minutes=4)
    with pytest.raises(ExternalError) as e:
        services.prices.current()
    assert e.value.code == "price_unreachable" and e.value.exit_code == 4


def test_upbit_error_message_is_shown(one_db, clock, upbit):
    routes, url, _ = upbit
    routes.set("GET", TICKER, 404, {"error": {"name": "404", "message": "Code not found\u202e"}})
    with pytest.raises(ExternalError) as e:
        one_db.prices.use_feed("upbit", url)
    assert e.value.code == "price_unreachable"
    assert "HTTP 404: Code not found" in e.value.message and "\u202e" not in e.value.message


class SlowServer:
    """A raw HTTP server: `rate_limited` answers 429 with Retry-After; otherwise it sends
    its headers, then trickles the body one byte every 0.2 s (a per-read timeout never
    fires)."""

    def __init__(self, rate_limited=False):
        import socket
        import threading

        self.rate_limited = rate_limited
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        import time

        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.recv(4096)
                body = ticker("300", ms(datetime_now()))
                if self.rate_limited:
                    data = b'{"error":{"name":"too_many_requests","message":"Too many"}}'
                    conn.sendall(b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\n"
                                 b"Content-Length: " + str(len(data)).encode() + b"\r\n\r\n"
                                 + data)
                    continue
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
                try:
                    for byte in body:
                        if self.stop.is_set():
                            break
                        conn.sendall(bytes([byte]))
                        time.sleep(0.2)
                except OSError:
                    pass

    def close(self):
        self.stop.set()
        self.sock.close()


def datetime_now():
    from datetime import UTC, datetime

    return datetime.now(UTC)


def test_a_server_trickling_its_answer_hits_one_total_deadline(one_db):
    import time

    server = SlowServer()
    try:
        one_db.settings.set("price.timeout_seconds", 1)
        started = time.monotonic()
        with pytest.raises(ExternalError) as e:
            one_db.prices.use_feed("upbit", server.url)
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert e.value.code == "price_unreachable" and "within 1 s" in e.value.message
    assert elapsed < 2.5  # the body would take ~20 s
    assert one_db.prices.feed == "static"


def test_http_429_says_when_to_retry(one_db):
    server = SlowServer(rate_limited=True)
    try:
        with pytest.raises(ExternalError) as e:
            one_db.prices.use_feed("upbit", server.url)
    finally:
        server.close()
    assert e.value.code == "price_rate_limited" and "try again in 7 s" in e.value.message


def test_upbit_http_error(one_db, clock, upbit):
    routes, url, _ = upbit
    use_upbit(one_db, routes, url, clock)
    routes.set("GET", TICKER, 500, {"error": "boom"})
    clock.advance(minutes=6)
    with pytest.raises(ExternalError) as e:
        one_db.prices.current()
    assert e.value.code == "price_unreachable"


def test_feed_choice_is_validated(services):
    with pytest.raises(InputError):
        services.prices.use_feed("coinbase")
    with pytest.raises(InputError):
        services.prices.use_feed("upbit", "ftp://example")
    with pytest.raises(ExternalError) as e:  # checked when set: nothing there
        services.prices.use_feed("upbit", "http://127.0.0.1:9")
    assert e.value.code == "price_unreachable" and services.prices.feed == "static"
