"""The MLK price P (KRW per MLK): a static value or Upbit's ticker, always with its time.

A price older than `price.stale_seconds` (5 minutes by default) is stale and quoting refuses
it. The static feed is "live" unless the user pinned it to an explicit as-of time: a demo
price keeps quoting, a price written for a past moment ages like any other.

The Upbit feed cannot freeze or hang the app: every request has ONE total deadline
(connecting and every read together, `price.timeout_seconds`), a size limit, and an answer
is taken only if `trade_price` is a JSON number above zero and its time is not beyond a small
clock skew in the future. A refused answer is never recorded, so it never becomes the cached
price. Upbit's own error message is shown, and HTTP 429 says when to try again.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from app.core.clock import Clock, iso, parse_iso
from app.core.errors import ExternalError, InputError, RuleError

if TYPE_CHECKING:  # (this module is read before SQLAlchemy is loaded: app.core.glance)
    from app.core.ledger.database import Database
    from app.core.settings import Settings

LATEST_SQL = ("SELECT krw_per_mlk, as_of, pinned FROM prices WHERE source = :feed "
              "ORDER BY id DESC LIMIT 1")  # (also read by app.core.glance, with sqlite3)
UPBIT_MARKET = "KRW-MLK"
FEEDS = ("static", "upbit")
CLOCK_SKEW = timedelta(seconds=60)  # a ticker time further ahead than this is refused
MAX_BODY = 64 * 1024  # a ticker is a few hundred bytes


@dataclass(frozen=True)
class Price:
    krw_per_mlk: Decimal
    as_of: datetime
    source: str

    def age(self, now: datetime) -> timedelta:
        return max(now - self.as_of, timedelta(0))


class _Http:
    """One event-loop thread and one httpx client for the process: connections are reused,
    and each request runs under asyncio.timeout, a single deadline for everything it does
    (httpx's own timeouts apply per read, which a server trickling bytes never trips)."""

    _instance: _Http | None = None
    _guard = threading.Lock()

    def __init__(self):
        import asyncio

        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, name="milk-http", daemon=True).start()
        self._client = None

    @classmethod
    def shared(cls) -> _Http:
        with cls._guard:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance

    def get(self, url: str, timeout: float, limit: int) -> tuple[int, dict, bytes]:
        import asyncio

        future = asyncio.run_coroutine_threadsafe(self._get(url, timeout, limit), self.loop)
        return future.result(timeout + 5)  # the coroutine keeps the deadline itself

    async def _get(self, url: str, timeout: float, limit: int) -> tuple[int, dict, bytes]:
        import asyncio

        import httpx

        if self._client is None:
            self._client = httpx.AsyncClient(
                follow_redirects=False, timeout=timeout,
                limits=httpx.Limits(max_connections=4, max_keepalive_connections=2),
                headers={"Accept": "application/json", "User-Agent": "MiL.k-Wallet"})
        async with asyncio.timeout(timeout):
            async with self._client.stream("GET", url, timeout=timeout) as response:
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise _TooLarge()
                return response.status_code, dict(response.headers), bytes(body)


class _TooLarge(Exception):
    pass


def fetch_upbit(base_url: str, timeout: float, now: datetime | None = None) -> Price:
    """GET {base}/v1/ticker?markets=KRW-MLK and read trade_price and its timestamp."""
    import httpx

    url = base_url.rstrip("/") + f"/v1/ticker?markets={UPBIT_MARKET}"
    try:
        status, headers, body = _Http.shared().get(url, float(timeout), MAX_BODY)
    except TimeoutError:
        raise ExternalError(f"The price feed at {base_url} did not answer within {timeout:g} s.",
                            code="price_unreachable") from None
    except _TooLarge:
        raise ExternalError(f"The price feed at {base_url} sent far more than a ticker.",
                            code="price_bad_response") from None
    except (httpx.HTTPError, OSError, ValueError) as exc:
        raise ExternalError(f"Could not reach the price feed at {base_url}: "
                            f"{type(exc).__name__}{': ' + str(exc) if str(exc) else ''}.",
                            code="price_unreachable") from None
    if status == 429:
        wait = _retry_after(headers)
        raise ExternalError(f"The price feed at {base_url} is limiting requests (HTTP 429); "
                            f"try again in {wait}.", code="price_rate_limited",
                            details={"retry_after": wait})
    if status != 200:
        said = _upbit_error(body)
        raise ExternalError(f"The price feed at {base_url} answered HTTP {status}"
                            + (f": {said}" if said else "."), code="price_unreachable",
                            details={"status": status})
    return parse_upbit_ticker(body, now)


def _retry_after(headers: dict) -> str:
    value = {k.lower(): v for k, v in headers.items()}.get("retry-after", "").strip()
    if value.isdigit() and int(value) <= 3600:
        return f"{int(value)} s"
    return "a few seconds"


def _upbit_error(body: bytes) -> str | None:
    """Upbit's {"error": {"name": ..., "message": ...}}, made safe to show."""
    try:
        error = json.loads(body).get("error") or {}
        message = str(error.get("message") or error.get("name") or "")
    except (ValueError, AttributeError):
        return None
    clean = "".join(c for c in message if c.isprintable())[:200]
    return clean or None


def _no_constant(name: str):
    raise ValueError(name)  # NaN and Infinity are not JSON numbers


def parse_upbit_ticker(body: bytes | str, now: datetime | None = None) -> Price:
    try:
        doc = json.loads(body, parse_float=Decimal, parse_int=Decimal,  # never float
                         parse_constant=_no_constant)
        item = next(t for t in doc if isinstance(t, dict) and t.get("market") == UPBIT_MARKET)
        price = item["trade_price"]
        millis = item.get("trade_timestamp") or item["timestamp"]
    except (ValueError, TypeError, KeyError, StopIteration, AttributeError):
        raise ExternalError("The price feed's answer is not an Upbit KRW-MLK ticker.",
                            code="price_bad_response") from None
    if not isinstance(price, Decimal) or not price.is_finite() or price <= 0:
        raise ExternalError(f"The price feed reported an impossible price ({price!r}); a price "
                            "is a number above zero.", code="price_bad_response")
    if not isinstance(millis, Decimal) or millis != millis.to_integral_value() or \
            not 0 < millis < 2**53:
        raise ExternalError("The price feed's ticker has no valid time.",
                            code="price_bad_response")
    as_of = datetime.fromtimestamp(int(millis) / 1000, tz=UTC)
    if now is not None and as_of > now + CLOCK_SKEW:
        raise ExternalError(f"The price feed's ticker is dated {iso(as_of)}, in the future "
                            f"(now {iso(now)}). It was not used.", code="price_bad_response",
                            details={"as_of": iso(as_of)})
    return Price(price, as_of, "upbit")


def recorded(krw_per_mlk: str, as_of: str, feed: str, pinned: bool, now: datetime) -> Price:
    """A recorded price as quoting sees it: a static price not pinned to a time is current
    until it is replaced."""
    when = now if feed == "static" and not pinned else parse_iso(as_of)
    return Price(Decimal(krw_per_mlk), when, feed)


def fetch_due(price: Price | None, feed: str, now: datetime, refresh_seconds: int) -> bool:
    """Whether quoting asks Upbit first: no price yet, one older than the refresh interval,
    or one dated in the future."""
    return feed == "upbit" and (price is None or price.as_of > now + CLOCK_SKEW
                                or now - price.as_of > timedelta(seconds=refresh_seconds))


def fit_to_quote(price: Price | None, now: datetime, stale_seconds: int) -> Price:
    """`price`, or why quoting must refuse it (none yet, or stale)."""
    if price is None:
        raise RuleError("There is no MLK price yet. Set one with `milk price set KRW` or "
                        "switch the price feed to Upbit.", code="price_missing")
    if price.age(now) > timedelta(seconds=stale_seconds):
        age = int(price.age(now).total_seconds() // 60)
        raise RuleError(f"The MLK price is stale (from {iso(price.as_of)}, {age} min ago); "
                        "quoting needs a price from the last "
                        f"{stale_seconds // 60} minutes.", code="price_stale",
                        details={"as_of": iso(price.as_of)})
    return price


class PriceBook:
    """Reads, records and judges the freshness of the MLK price for one profile."""

    def __init__(self, db: Database, settings: Settings, clock: Clock):
        self._db, self._settings, self._clock = db, settings, clock

    @property
    def feed(self) -> str:
        return self._settings.get("price.feed")

    def use_feed(self, feed: str, upbit_url: str | None = None) -> None:
        if feed not in FEEDS:
            raise InputError(f"Unknown price feed '{feed}'. Use one of: {', '.join(FEEDS)}.",
                             code="unknown_feed")
        if upbit_url is not None:
            if not upbit_url.startswith(("http://", "https://")) or \
                    any(c.isspace() for c in upbit_url) or upbit_url.endswith("://"):
                raise InputError("The Upbit base URL must start with http:// or https://.",
                                 code="bad_url")
            # Checked when it is set: it must answer a usable ticker, else nothing changes.
            price = fetch_upbit(upbit_url, self._settings.get_int("price.timeout_seconds"),
                                self._clock.now())
            self._settings.set("price.upbit_url", upbit_url)
            self._record(price, pinned=True)
        self._settings.set("price.feed", feed)

    def set_static(self, krw_per_mlk: Decimal, as_of: datetime | None = None) -> Price:
        now = self._clock.now()
        if as_of is not None and as_of > now + timedelta(minutes=1):
            raise InputError("The as-of time is in the future.", code="as_of_future")
        self._record(Price(krw_per_mlk, as_of or now, "static"), pinned=as_of is not None)
        self._settings.set("price.feed", "static")
        return self.latest()

    def latest(self) -> Price | None:
        """The newest price of the configured feed as recorded, without fetching."""
        from sqlalchemy import text

        feed = self.feed
        with self._db.read() as s:
            row = s.execute(text(LATEST_SQL), {"feed": feed}).first()
        if row is None:
            return None
        krw_per_mlk, as_of, pinned = row
        return recorded(krw_per_mlk, as_of, feed, bool(pinned), self._clock.now())

    def current(self) -> Price:
        """A price fit to quote with: fetched if due, refused if stale or missing. Inside a
        settings snapshot (one conversion) it is taken once."""
        memo = self._settings.memo()
        if memo is not None and "price.current" in memo:
            return memo["price.current"]
        price = self._current()
        if memo is not None:
            memo["price.current"] = price
        return price

    def _current(self) -> Price:
        price = self.latest()
        now = self._clock.now()
        if fetch_due(price, self.feed, now, self._settings.get_int("price.refresh_seconds")):
            if price is not None and price.as_of > now + CLOCK_SKEW:
                price = None  # recorded from the future (before it was refused): unusable
            try:
                price = fetch_upbit(self._settings.get("price.upbit_url"),
                                    self._settings.get_int("price.timeout_seconds"), now)
                self._record(price, pinned=True)
            except ExternalError:
                if price is None or self.is_stale(price):
                    raise
        return fit_to_quote(price, now, self._settings.get_int("price.stale_seconds"))

    @property
    def stale_after(self) -> timedelta:
        return timedelta(seconds=self._settings.get_int("price.stale_seconds"))

    def is_stale(self, price: Price) -> bool:
        return price.age(self._clock.now()) > self.stale_after

    def history(self, limit: int = 500) -> list[Price]:
        """Recorded prices, oldest first (for the price chart)."""
        from sqlalchemy import select

        from app.core.ledger.schema import PriceRecord

        with self._db.read() as s:
            rows = list(s.execute(select(PriceRecord).order_by(PriceRecord.id.desc())
                                  .limit(limit)).scalars())
        return [Price(Decimal(r.krw_per_mlk), parse_iso(r.as_of), r.source)
                for r in reversed(rows)]

    def _record(self, price: Price, pinned: bool) -> None:
        from app.core.ledger.schema import PriceRecord

        with self._db.write() as s:
            s.add(PriceRecord(source=price.source, krw_per_mlk=str(price.krw_per_mlk),
                              as_of=iso(price.as_of), recorded_at=iso(self._clock.now()),
                              pinned=pinned))
