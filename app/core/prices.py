"""The MLK price P (KRW per MLK): a static value or Upbit's ticker, always with its time.

A price older than `price.stale_seconds` (5 minutes by default) is stale and quoting refuses
it. The static feed is "live" unless the user pinned it to an explicit as-of time: a demo
price keeps quoting, a price written for a past moment ages like any other.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from app.core.clock import Clock, iso, parse_iso
from app.core.errors import ExternalError, InputError, RuleError
from app.core.ledger.database import Database
from app.core.ledger.schema import PriceRecord
from app.core.settings import Settings

UPBIT_MARKET = "KRW-MLK"
FEEDS = ("static", "upbit")


@dataclass(frozen=True)
class Price:
    krw_per_mlk: Decimal
    as_of: datetime
    source: str

    def age(self, now: datetime) -> timedelta:
        return max(now - self.as_of, timedelta(0))


def fetch_upbit(base_url: str, timeout: float) -> Price:
    """GET {base}/v1/ticker?markets=KRW-MLK and read trade_price and its timestamp."""
    url = base_url.rstrip("/") + f"/v1/ticker?markets={UPBIT_MARKET}"
    request = urllib.request.Request(url, headers={"Accept": "application/json",
                                                   "User-Agent": "MiL.k-Wallet"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(1_000_000)
    except urllib.error.HTTPError as exc:
        raise ExternalError(f"The price feed at {base_url} answered HTTP {exc.code}.",
                            code="price_unreachable") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ExternalError(f"Could not reach the price feed at {base_url}: {reason}.",
                            code="price_unreachable") from None
    return parse_upbit_ticker(body)


def parse_upbit_ticker(body: bytes | str) -> Price:
    try:
        doc = json.loads(body, parse_float=Decimal, parse_int=Decimal)  # never float
        item = next(t for t in doc if t.get("market") == UPBIT_MARKET)
        price = Decimal(item["trade_price"])
        millis = int(item.get("trade_timestamp") or item["timestamp"])
    except (ValueError, TypeError, KeyError, StopIteration, AttributeError):
        raise ExternalError("The price feed's answer is not an Upbit KRW-MLK ticker.",
                            code="price_bad_response") from None
    if not price.is_finite() or price <= 0:
        raise ExternalError(f"The price feed reported an impossible price ({price}).",
                            code="price_bad_response")
    as_of = datetime.fromtimestamp(millis / 1000, tz=UTC)
    return Price(price, as_of, "upbit")


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
            if not upbit_url.startswith(("http://", "https://")):
                raise InputError("The Upbit base URL must start with http:// or https://.",
                                 code="bad_url")
            self._settings.set("price.upbit_url", upbit_url)
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
        feed = self.feed
        with self._db.read() as s:
            row = s.execute(select(PriceRecord).where(PriceRecord.source == feed)
                            .order_by(PriceRecord.id.desc()).limit(1)).scalar_one_or_none()
        if row is None:
            return None
        as_of = parse_iso(row.as_of)
        if feed == "static" and not row.pinned:
            as_of = self._clock.now()  # a live static price is current until replaced
        return Price(Decimal(row.krw_per_mlk), as_of, feed)

    def current(self) -> Price:
        """A price fit to quote with: fetched if due, refused if stale or missing."""
        price = self.latest()
        now = self._clock.now()
        if self.feed == "upbit":
            refresh = timedelta(seconds=self._settings.get_int("price.refresh_seconds"))
            if price is None or now - price.as_of > refresh:
                try:
                    price = fetch_upbit(self._settings.get("price.upbit_url"),
                                        self._settings.get_int("price.timeout_seconds"))
                    self._record(price, pinned=True)
                except ExternalError:
                    if price is None or self.is_stale(price):
                        raise
        if price is None:
            raise RuleError("There is no MLK price yet. Set one with `milk price set KRW` or "
                            "switch the price feed to Upbit.", code="price_missing")
        if self.is_stale(price):
            age = int(price.age(now).total_seconds() // 60)
            raise RuleError(f"The MLK price is stale (from {iso(price.as_of)}, {age} min ago); "
                            "quoting needs a price from the last "
                            f"{self.stale_after.seconds // 60} minutes.", code="price_stale",
                            details={"as_of": iso(price.as_of)})
        return price

    @property
    def stale_after(self) -> timedelta:
        return timedelta(seconds=self._settings.get_int("price.stale_seconds"))

    def is_stale(self, price: Price) -> bool:
        return price.age(self._clock.now()) > self.stale_after

    def history(self, limit: int = 500) -> list[Price]:
        """Recorded prices, oldest first (for the price chart)."""
        with self._db.read() as s:
            rows = list(s.execute(select(PriceRecord).order_by(PriceRecord.id.desc())
                                  .limit(limit)).scalars())
        return [Price(Decimal(r.krw_per_mlk), parse_iso(r.as_of), r.source)
                for r in reversed(rows)]

    def _record(self, price: Price, pinned: bool) -> None:
        with self._db.write() as s:
            s.add(PriceRecord(source=price.source, krw_per_mlk=str(price.krw_per_mlk),
                              as_of=iso(price.as_of), recorded_at=iso(self._clock.now()),
                              pinned=pinned))
