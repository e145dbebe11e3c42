"""Quotes and conversions through TICA.

A quote is a priced promise that expires (30 s by default) and carries a slippage bound.
Executing re-prices inside the ledger's write transaction; if the new result is worse than
the bound, nothing is held and the user is told why. Points move at the partner: the
conversion is held in one transaction (its entry, of kind sell, buy or swap, takes what the
user gives; its outbox rows), asked of the partner, then booked (`redeem`, `issue`) or
released (services/outbox.py states the invariant). A quote executes
once; a user's key replays the first result, completing what a crash or a lost answer left
pending.
"""
from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_DOWN, Decimal
from functools import cached_property

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column

from app.core import tica
from app.core.clock import iso, parse_iso
from app.core.errors import InputError, MilkError, RuleError
from app.core.idempotency import check_key, user_key
from app.core.ledger import Entry, Journal
from app.core.ledger.canonical import params_digest
from app.core.ledger.journal import APPENDED, forget_written, load_entry
from app.core.ledger.schema import Base, JournalEntry, Link, QuoteRecord
from app.core.money import MLK, format_amount, mlk_to_decimal, parse_amount
from app.core.prices import Price
from app.core.services.context import Context
from app.core.services.outbox import Delivery, Outbox

MAX_SLIPPAGE_BPS = 5000
CONVERSION_KINDS = ("sell", "buy", "swap")
# What a quote warns about (the GUI asks first, the CLI prints them):
MANUAL_PRICE = "manual_price"  # a real profile's MLK price was set by hand, not by a market


class QuoteUse(Base):
    """The entry a quote was executed as (migration 0005): at most one per quote."""

    __tablename__ = "quote_uses"

    quote_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    seq: Mapped[int] = mapped_column(ForeignKey("journal_entries.seq"))


@dataclass(frozen=True)
class Quote:
    id: str
    trade: tica.Trade
    price: Price
    created_at: datetime
    expires_at: datetime
    slippage_bps: int
    warnings: tuple[str, ...] = ()

    @property
    def from_asset(self) -> str:
        return self.trade.from_asset

    @property
    def to_asset(self) -> str:
        return self.trade.to_asset

    @property
    def requested(self) -> int:
        """The amount the user fixed: what they give (exact-in) or get (exact-out)."""
        return self.trade.requested

    @property
    def min_out(self) -> int:
        """Least the user accepts to receive on execution (exact-in)."""
        if self.trade.mode == tica.EXACT_OUT:
            return self.trade.amount_out
        return self.trade.amount_out * (10_000 - self.slippage_bps) // 10_000

    @property
    def max_in(self) -> int:
        """Most the user accepts to give on execution (exact-out)."""
        if self.trade.mode == tica.EXACT_IN:
            return self.trade.amount_in
        return -(-self.trade.amount_in * (10_000 + self.slippage_bps) // 10_000)

    @property
    def rate(self) -> Decimal:
        """Units of `to_asset` per one unit of `from_asset` (display units), 8 places."""
        out = _display(self.to_asset, self.trade.amount_out)
        inp = _display(self.from_asset, self.trade.amount_in)
        return (out / inp).quantize(Decimal("0.00000001"), rounding=ROUND_DOWN)

    def seconds_left(self, now: datetime) -> int:
        return max(0, int((self.expires_at - now).total_seconds()))

    def to_dict(self) -> dict:
        t = self.trade
        return {
            "id": self.id, "from": t.from_asset, "to": t.to_asset, "mode": t.mode,
            "requested": str(t.requested), "amount_in": str(t.amount_in),
            "amount_out": str(t.amount_out), "fee": str(t.fee),
            "surplus_mlk": str(t.surplus_mlk), "legs": [leg.to_dict() for leg in t.legs],
            "price": str(self.price.krw_per_mlk), "price_as_of": iso(self.price.as_of),
            "price_source": self.price.source, "created_at": iso(self.created_at),
            "expires_at": iso(self.expires_at), "slippage_bps": self.slippage_bps,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, d: dict) -> Quote:
        trade = tica.Trade(d["from"], d["to"], d["mode"], int(d["requested"]), int(d["amount_in"]),
                           int(d["amount_out"]), int(d["fee"]), int(d["surplus_mlk"]),
                           tuple(tica.TradeLeg.from_dict(x) for x in d["legs"]))
        price = Price(Decimal(d["price"]), parse_iso(d["price_as_of"]), d["price_source"])
        return cls(d["id"], trade, price, parse_iso(d["created_at"]), parse_iso(d["expires_at"]),
                   int(d["slippage_bps"]), tuple(d.get("warnings", ())))


@dataclass(frozen=True)
class ConversionRequest:
    """One conversion of a bulk request (`ExchangeService.convert_bulk`)."""

    from_asset: str
    to_asset: str
    amount: str | int
    exact_out: bool = False


@dataclass(frozen=True)
class Conversion:
    entry: Entry  # what was converted: the hold (or, before partner operations, the whole)
    from_asset: str
    to_asset: str
    amount_in: int
    amount_out: int
    fee: int
    price: Decimal
    replayed: bool  # True when this is the first result returned again for a retried key
    warnings: tuple[str, ...] = ()  # the quote's, when this call booked it
    status: str = "done"  # done | pending (at `pending_at`) | partial (the buy leg failed)
    pending_at: tuple[str, ...] = ()  # partner codes that have not answered yet
    note: str | None = None  # partial: why the points were not delivered, what the user keeps

    @classmethod
    def from_entry(cls, entry: Entry, replayed: bool, warnings: tuple[str, ...] = (),
                   status: str = "done", pending_at: tuple[str, ...] = (),
                   note: str | None = None) -> Conversion:
        m = entry.memo
        return cls(entry, m["from"], m["to"], int(m["amount_in"]), int(m["amount_out"]),
                   int(m["fee"]), Decimal(m["price"]), replayed, warnings, status, pending_at,
                   note)

    @property
    def conversion_id(self) -> str | None:
        return self.entry.memo.get("conversion")


class ExchangeService:
    def __init__(self, ctx: Context, sweep, outbox: Outbox | None = None, resync=None):
        self.ctx = ctx
        self._sweep = sweep
        self._outbox = outbox or Outbox(ctx)
        self._resync = resync  # PartnerService.sync: after a partner says the points are gone

    def parse_request(self, from_asset: str, to_asset: str, amount: str | int,
                      exact_out: bool = False) -> tuple[str, str, int, str]:
        """Normalise user input: asset names, and the amount in the fixed side's units."""
        src, dst = self.ctx.catalog.asset(from_asset), self.ctx.catalog.asset(to_asset)
        if src == dst:
            raise InputError("Choose two different assets to convert between.", code="same_asset")
        fixed = dst if exact_out else src
        units = amount if isinstance(amount, int) else parse_amount(fixed, amount)
        return src, dst, units, tica.EXACT_OUT if exact_out else tica.EXACT_IN

    def quote(self, from_asset: str, to_asset: str, amount: str | int, exact_out: bool = False,
              slippage_bps: int | None = None) -> Quote:
        with self.ctx.settings.snapshot():
            q = self._price_quote(from_asset, to_asset, amount, exact_out, slippage_bps)
        with self.ctx.db.write() as s:
            s.add(_quote_record(q))
        return q

    def _price_quote(self, from_asset: str, to_asset: str, amount: str | int,
                     exact_out: bool = False, slippage_bps: int | None = None) -> Quote:
        src, dst, units, mode = self.parse_request(from_asset, to_asset, amount, exact_out)
        bps = self._slippage(slippage_bps)
        self._sweep()
        price = self.ctx.prices.current()
        with self.ctx.db.read() as s:
            trade = tica.price_trade(self.ctx.catalog, self.ctx.market(Journal(s)),
                                     price.krw_per_mlk, src, dst, units, mode)
            self._outbox.members(s, trade)  # refuses a partner that is not linked
            warnings = tuple(w for w, applies in (
                (MANUAL_PRICE, price.source == "static"  # the demo's price is manual by design
                 and not self.ctx.settings.get_bool("profile.demo")),) if applies)
        now = self.ctx.clock.now()
        return Quote(str(uuid.uuid4()), trade, price, now,
                     now + timedelta(seconds=self.ctx.settings.get_int("quote.ttl_seconds")),
                     bps, warnings)

    def load_quote(self, quote_id: str) -> Quote:
        with self.ctx.db.read() as s:
            row = s.get(QuoteRecord, quote_id.strip())
        if row is None:
            raise InputError(f"There is no quote '{quote_id}'.", code="unknown_quote")
        return Quote.from_dict(json.loads(row.body))

    def convert(self, from_asset: str, to_asset: str, amount: str | int, exact_out: bool = False,
                max_slippage_bps: int | None = None, key: str | None = None) -> Conversion:
        """Quote and execute at once (the CLI's `convert`): settings and the price are read
        once, and the quote is recorded in the hold's transaction."""
        src, dst, units, mode = self.parse_request(from_asset, to_asset, amount, exact_out)
        if key is not None:  # a retry must return the first result even if prices moved since
            with self.ctx.db.read() as s:
                done = self._replay(Journal(s), key, _params(self.ctx.user, src, dst, units, mode))
            if done:
                return self._finish(done, replayed=True)
        with self.ctx.settings.snapshot():
            quote = self._price_quote(src, dst, units, exact_out, max_slippage_bps)
            return self._execute(quote, key, record_quote=True)

    def execute(self, quote: Quote, key: str | None = None) -> Conversion:
        """Convert `quote` at the current price if it is still within its bounds: held, asked
        of the partner(s), booked. A quote converts once: again with its key (or with none)
        returns that conversion (finishing it if it was left pending); with another key it is
        refused (`quote_used`). Raises when nothing was converted (the partner refused, or
        could not be reached before anything was sent); a conversion the partner has not
        answered yet comes back `pending`."""
        with self.ctx.settings.snapshot():
            return self._execute(quote, key)

    def _execute(self, quote: Quote, key: str | None, record_quote: bool = False) -> Conversion:
        """`execute`; `record_quote`: the quote was just made here (convert) — it is recorded
        with the hold, and expired lots were swept when it was priced."""
        t = quote.trade
        params = _params(self.ctx.user, t.from_asset, t.to_asset, quote.requested, t.mode)
        if not record_quote:  # a quote made just now has no conversion yet, and its key none
            with self.ctx.db.read() as s:  # the common retry, without taking the write lock
                done = self._already(s, quote, key, params)
            if done:
                return self._finish(done, replayed=True)
        now = self.ctx.clock.now()
        if now > quote.expires_at:
            raise RuleError("This quote has expired. Get a new quote and confirm again; "
                            "nothing was converted.", code="quote_expired",
                            details={"expired_at": iso(quote.expires_at)})
        if not record_quote:
            self._sweep()
        price = self.ctx.prices.current()
        with self.ctx.db.read() as s:
            members = self._outbox.members(s, t)
        for partner, member in members.items():  # credential and token, before any hold
            self.ctx.connector(self.ctx.catalog.get(partner)).check_ready(member)
        conversion = uuid.uuid4().hex
        with self._outbox.inflight.hold(conversion):
            with self.ctx.db.write() as s:
                done = self._already(s, quote, key, params)  # a concurrent retry may have won
                if done is None:
                    if record_quote:
                        s.add(_quote_record(quote))
                    entry = self._hold(s, quote, key, params, price, conversion)
            if done:
                return self._finish(done, replayed=True)
            delivery = self._outbox.deliver(conversion)
        return self._result(entry, delivery, False, quote.warnings)

    def convert_bulk(self, requests: Sequence[ConversionRequest]) -> list[Conversion | MilkError]:
        """Many conversions at once (`milk simulate --bulk`, an operator's batch): the same
        saga as `convert`, batched. One transaction holds them all (each priced against the
        holdings the ones before it left; a refused one is rolled back alone), the partners
        are asked for every operation, then one transaction books every answer (a swap's
        issue follows once its redeem is booked). A crash or a lost answer anywhere is
        completed or reversed by the outbox's recovery, exactly as for one conversion. No
        keys: a bulk conversion is identified by its quote. Returns, per request, its
        Conversion or why it was refused."""
        results: list[Conversion | MilkError | None] = [None] * len(requests)
        with self.ctx.settings.snapshot():
            self._sweep()
            price = self.ctx.prices.current()
            parsed = []
            for i, r in enumerate(requests):
                try:
                    parsed.append((i, *self.parse_request(r.from_asset, r.to_asset, r.amount,
                                                          r.exact_out)))
                except MilkError as exc:
                    results[i] = exc
            with self.ctx.db.read() as s:
                members = {link.partner: link.member_id for link in s.execute(
                    select(Link).where(Link.owner == self.ctx.user)).scalars()}
            for partner, member in members.items():
                if any(partner in (src, dst) for _i, src, dst, _u, _m in parsed):
                    self.ctx.connector(self.ctx.catalog.get(partner)).check_ready(member)
            now = self.ctx.clock.now()
            ttl = timedelta(seconds=self.ctx.settings.get_int("quote.ttl_seconds"))
            held: dict[str, tuple[int, Entry, Quote]] = {}
            with ExitStack() as locks:
                with self.ctx.db.write() as s:
                    journal = Journal(s)
                    for i, src, dst, units, mode in parsed:
                        conversion = uuid.uuid4().hex
                        locks.enter_context(self._outbox.inflight.hold(conversion))
                        appended = len(s.info.get(APPENDED, ()))
                        try:
                            with s.begin_nested():  # a refusal undoes this one alone
                                trade = tica.price_trade(
                                    self.ctx.catalog, self.ctx.market(journal),
                                    price.krw_per_mlk, src, dst, units, mode)
                                q = Quote(str(uuid.uuid4()), trade, price, now, now + ttl, 0)
                                s.add(_quote_record(q))
                                entry = self._hold(s, q, None, _params(
                                    self.ctx.user, src, dst, units, mode), price, conversion,
                                    trade)
                        except MilkError as exc:
                            # what a rolled-back hold appended is not signed as committed
                            del s.info.setdefault(APPENDED, [])[appended:]
                            forget_written(s)
                            results[i] = exc
                            continue
                        held[conversion] = (i, entry, q)
                deliveries = self._outbox.deliver_many(list(held))
            for conversion, (i, entry, q) in held.items():
                try:
                    results[i] = self._result(entry, deliveries[conversion], False, q.warnings)
                except MilkError as exc:
                    results[i] = exc
        return results

    def _hold(self, s, quote: Quote, key: str | None, params: str, price: Price,
              conversion: str, now_trade: tica.Trade | None = None) -> Entry:
        """`now_trade`: the trade priced inside this transaction already (bulk)."""
        t = quote.trade
        journal = Journal(s)
        if now_trade is None:
            now_trade = tica.price_trade(self.ctx.catalog, self.ctx.market(journal),
                                         price.krw_per_mlk, t.from_asset, t.to_asset,
                                         quote.requested, t.mode)
        _check_slippage(quote, now_trade)
        kind = "swap" if len(now_trade.legs) == 2 else \
            ("sell" if now_trade.from_asset != MLK else "buy")
        memo = {"op": kind, "from": t.from_asset, "to": t.to_asset, "mode": t.mode,
                "amount_in": str(now_trade.amount_in), "amount_out": str(now_trade.amount_out),
                "fee": str(now_trade.fee), "surplus_mlk": str(now_trade.surplus_mlk),
                "price": str(price.krw_per_mlk), "price_as_of": iso(price.as_of),
                "quote": quote.id, "legs": [leg.to_dict() for leg in now_trade.legs]}
        ledger_key = user_key("convert", key) if key is not None else f"convert:{quote.id}"
        entry = self._outbox.hold(s, now_trade, conversion, self._outbox.members(s, now_trade),
                                  ledger_key, params, memo, self.ctx.clock.today())
        s.add(QuoteUse(quote_id=quote.id, seq=entry.seq))
        return entry

    def _finish(self, entry: Entry, replayed: bool) -> Conversion:
        """A conversion found again (a retry): finished first if it was left pending."""
        if "ops" not in entry.memo:  # booked whole, before partner operations
            return Conversion.from_entry(entry, replayed=replayed)
        conversion = entry.memo["conversion"]
        if self._outbox.status(conversion).status == "pending":
            self._outbox.recover(conversion=conversion)
        return self._result(entry, self._outbox.status(conversion), replayed)

    def _result(self, entry: Entry, delivery: Delivery, replayed: bool,
                warnings: tuple[str, ...] = ()) -> Conversion:
        memo = entry.memo
        if delivery.status == "released":
            raise self._nothing_converted(entry, delivery, replayed)
        note = None
        if delivery.status == "partial":
            legs = [tica.TradeLeg.from_dict(x) for x in memo["legs"]]
            buy, sell = (self.ctx.catalog.known_or_placeholder(leg.partner).name_en
                         for leg in (legs[1], legs[0]))
            note = (f"{buy} could not take the points ({delivery.reason}). You keep "
                    f"{format_amount(MLK, legs[1].mlk_user)} from selling your {sell} points.")
        return Conversion.from_entry(entry, replayed, warnings, delivery.status,
                                     delivery.pending_at, note)

    def _nothing_converted(self, entry: Entry, delivery: Delivery, replayed: bool):
        conversion = entry.memo["conversion"]
        refusal = delivery.refusal
        if refusal is None or replayed:
            return RuleError(f"This conversion was reversed ({delivery.reason}). Nothing was "
                             "converted; a new conversion needs a new key.",
                             code="conversion_released", details={"conversion": conversion})
        if refusal.code == "insufficient_points" and self._resync is not None:
            partner = entry.memo["from"]
            try:  # the partner is the system of record: show what it holds now
                self._resync(partner)
            except MilkError:
                pass
        return type(refusal)(f"{refusal.message} Nothing was converted.", code=refusal.code,
                             details={**refusal.details, "conversion": conversion})

    def _already(self, s, quote: Quote, key: str | None, params: str) -> Entry | None:
        """The conversion this request already made, if any; refuses a used quote."""
        journal = Journal(s)
        if key is not None:
            done = self._replay(journal, key, params)
            if done:
                return done
        used = s.get(QuoteUse, quote.id)
        if used is None:
            return None
        if key is None:  # no key: the quote is the request
            return load_entry(s, s.get(JournalEntry, used.seq))
        raise RuleError(f"This quote was already converted (ledger entry #{used.seq}). "
                        "Nothing was converted again; get a new quote for a new conversion.",
                        code="quote_used", details={"quote": quote.id, "seq": used.seq})

    def _replay(self, journal: Journal, key: str, params: str) -> Entry | None:
        """The conversion booked under the user's `key`: in the user namespace, or (written
        before keys had one) under the bare key."""
        done = journal.replay(user_key("convert", key), params)
        if done is None and self._legacy_until:
            bare = check_key(key)
            row = journal.s.execute(select(JournalEntry.seq, JournalEntry.kind)
                                    .where(JournalEntry.idem_key == bare)).first()
            if row and row.seq <= self._legacy_until and row.kind in CONVERSION_KINDS:
                done = journal.replay(bare, params)
        return done

    @cached_property
    def _legacy_until(self) -> int:
        return int(self.ctx.settings.get("idempotency.legacy_until") or 0)

    def _slippage(self, bps: int | None) -> int:
        value = self.ctx.settings.get_int("quote.slippage_bps") if bps is None else bps
        if isinstance(value, bool) or not isinstance(value, int) \
                or not 0 <= value <= MAX_SLIPPAGE_BPS:
            raise InputError(f"The slippage bound must be 0 to {MAX_SLIPPAGE_BPS} basis points.",
                             code="bad_slippage")
        return value


def _quote_record(q: Quote) -> QuoteRecord:
    return QuoteRecord(id=q.id, body=json.dumps(q.to_dict()), created_at=iso(q.created_at),
                       expires_at=iso(q.expires_at))


def _params(user: str, src: str, dst: str, units: int, mode: str) -> str:
    return params_digest({"op": "convert", "user": user, "from": src, "to": dst,
                          "amount": str(units), "mode": mode})


def _check_slippage(quote: Quote, now: tica.Trade) -> None:
    if now.mode == tica.EXACT_IN and now.amount_out < quote.min_out:
        raise RuleError(
            "The price moved: you would now receive "
            f"{format_amount(now.to_asset, now.amount_out)}, less than the quote's minimum of "
            f"{format_amount(now.to_asset, quote.min_out)}. "
            "Nothing was converted; get a new quote.", code="slippage",
            details={"now": now.amount_out, "bound": quote.min_out})
    if now.mode == tica.EXACT_OUT and now.amount_in > quote.max_in:
        raise RuleError(
            "The price moved: this would now cost "
            f"{format_amount(now.from_asset, now.amount_in)}, more than the quote's maximum of "
            f"{format_amount(now.from_asset, quote.max_in)}. "
            "Nothing was converted; get a new quote.", code="slippage",
            details={"now": now.amount_in, "bound": quote.max_in})


def _display(asset: str, units: int) -> Decimal:
    return mlk_to_decimal(units) if asset == MLK else Decimal(units)
