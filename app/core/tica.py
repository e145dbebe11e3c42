"""TICA, the Token Inter-Change Agency: prices trades against its pool and books them.

A trade is priced from TICA's pre-trade inventory and the MLK price (see `pricing`), as one or
two legs through MLK. `price_trade` is used both to quote and, inside the write transaction,
to re-price at execution; `legs_to_lines` turns the legs into balanced ledger postings.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from app.core import pricing
from app.core.errors import InputError, RuleError
from app.core.ledger import accounts as acct
from app.core.ledger.journal import Line, NewLot, shortfall_error
from app.core.money import MLK, format_points, fraction_to_decimal
from app.core.partners import Catalog, Partner

EXACT_IN, EXACT_OUT = "exact_in", "exact_out"
SELL, BUY = "sell", "buy"


@dataclass(frozen=True)
class TradeLeg:
    partner: str
    side: str  # sell: the user gives points to TICA; buy: the user gets points from TICA
    points: int
    mlk_user: int  # MLK the user receives (sell) or pays (buy)
    mlk_pool: int  # MLK leaving (sell) or entering (buy) TICA's pool
    fee: int  # MLK kept by TICA
    inventory: int  # TICA's stock of these points before the trade
    discount: str  # Decimal text, e.g. "0.05"
    point_price: str  # KRW per point, Decimal text (rounded for display; exact in `pricing`)

    def to_dict(self) -> dict:
        return {k: (str(v) if isinstance(v, int) else v) for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, d: dict) -> TradeLeg:
        ints = {"points", "mlk_user", "mlk_pool", "fee", "inventory"}
        return cls(**{k: (int(v) if k in ints else v) for k, v in d.items()})


@dataclass(frozen=True)
class Trade:
    from_asset: str
    to_asset: str
    mode: str
    requested: int  # the amount the user fixed (given if exact-in, received if exact-out)
    amount_in: int  # what the user gives, in `from_asset` minor units
    amount_out: int  # what the user gets, in `to_asset` minor units
    fee: int  # MLK, all legs
    surplus_mlk: int  # point→point exact-out: MLK dust left to the user
    legs: tuple[TradeLeg, ...]


@dataclass(frozen=True)
class Market:
    """What TICA and the user hold right now: read from the ledger by the caller."""

    pool_mlk: int
    inventory: Callable[[str], int]  # partner code -> TICA's stock of its points
    held: Callable[[str], int] | None = None  # asset -> the user's balance (None: unchecked)


def price_trade(catalog: Catalog, market: Market, price: Decimal, from_asset: str,
                to_asset: str, amount: int, mode: str) -> Trade:
    """Price a trade of `amount` (in `from_asset` units if exact-in, `to_asset` if exact-out)."""
    if from_asset == to_asset:
        raise InputError("Choose two different assets to convert between.", code="same_asset")
    if mode not in (EXACT_IN, EXACT_OUT):
        raise InputError(f"Unknown mode '{mode}'.", code="bad_mode")
    P = Fraction(price)
    src = None if from_asset == MLK else catalog.get(from_asset)
    dst = None if to_asset == MLK else catalog.get(to_asset)

    def p_of(partner: Partner) -> Fraction:
        return pricing.point_price(partner.face_value_krw, market.inventory(partner.code),
                                   partner.target_inventory, partner.max_discount)

    surplus = 0
    if src and not dst:  # points -> MLK
        n = amount if mode == EXACT_IN else pricing.points_for_mlk_out(amount, p_of(src), P)
        legs = [_leg(src, SELL, pricing.sell_points(n, p_of(src), P), market)]
        amount_in, amount_out = n, legs[0].mlk_user
    elif dst and not src:  # MLK -> points
        p = p_of(dst)
        leg = pricing.spend_mlk(amount, p, P) if mode == EXACT_IN else \
            pricing.buy_points(amount, p, P)
        legs = [_leg(dst, BUY, leg, market)]
        amount_in, amount_out = leg.mlk_user, leg.points
    else:  # points -> points, two legs through MLK
        ps, pd = p_of(src), p_of(dst)
        if mode == EXACT_IN:
            sell = pricing.sell_points(amount, ps, P)
            buy = pricing.spend_mlk(sell.mlk_user, pd, P) if sell.mlk_user else None
        else:
            buy = pricing.buy_points(amount, pd, P)
            sell = pricing.sell_points(pricing.points_for_mlk_out(buy.mlk_user, ps, P), ps, P)
            surplus = sell.mlk_user - buy.mlk_user
        if buy is None or buy.points == 0:
            raise _too_small(to_asset)
        legs = [_leg(src, SELL, sell, market), _leg(dst, BUY, buy, market)]
        amount_in, amount_out = sell.points, buy.points

    trade = Trade(from_asset, to_asset, mode, amount, amount_in, amount_out,
                  sum(leg.fee for leg in legs), surplus, tuple(legs))
    _check_rules(catalog, market, trade)
    return trade


def _leg(partner: Partner, side: str, leg: pricing.Leg, market: Market) -> TradeLeg:
    inventory = market.inventory(partner.code)
    d = pricing.discount(inventory, partner.target_inventory, partner.max_discount)
    p = pricing.point_price(partner.face_value_krw, inventory, partner.target_inventory,
                            partner.max_discount)
    return TradeLeg(partner.code, side, leg.points, leg.mlk_user, leg.mlk_pool, leg.fee,
                    inventory, str(fraction_to_decimal(d, 6).normalize()),
                    str(fraction_to_decimal(p, 6).normalize()))


def _check_rules(catalog: Catalog, market: Market, trade: Trade) -> None:
    if trade.amount_out <= 0:
        raise _too_small(trade.to_asset)
    _check_user_holds(catalog, market, trade)  # the user's own shortfall is the news, first
    pool_mlk = market.pool_mlk
    for leg in trade.legs:
        partner = catalog.get(leg.partner)
        if leg.points < partner.min_conversion:
            raise RuleError(
                f"The smallest exchange of {partner.name_en} points is "
                f"{format_points(partner.min_conversion)}; this trade moves "
                f"{format_points(leg.points)}.", code="below_minimum",
                details={"partner": partner.code, "minimum": partner.min_conversion,
                         "points": leg.points})
        if leg.side == SELL:
            if leg.mlk_pool > pool_mlk:
                raise shortfall_error(acct.POOL, MLK, pool_mlk, leg.mlk_pool)
            pool_mlk -= leg.mlk_pool
        else:
            if leg.points > leg.inventory:
                raise shortfall_error(acct.POOL, partner.code, leg.inventory, leg.points)
            pool_mlk += leg.mlk_pool


def _check_user_holds(catalog: Catalog, market: Market, trade: Trade) -> None:
    if market.held is None:
        return
    have = market.held(trade.from_asset)
    if have >= trade.amount_in:
        return
    if trade.from_asset == MLK:
        raise shortfall_error(acct.user(), MLK, have, trade.amount_in)
    name = catalog.get(trade.from_asset).name_en
    raise RuleError(f"Not enough {name} points: you have {format_points(have)}, this needs "
                    f"{format_points(trade.amount_in)}.", code="insufficient_balance",
                    details={"asset": trade.from_asset, "available": have,
                             "needed": trade.amount_in})


def legs_to_lines(trade: Trade, user: str, today: date, catalog: Catalog,
                  consume: Callable[[str, int], list[Line]]) -> list[Line]:
    """Balanced postings for a trade. `consume(partner, n)` debits the user's lots."""
    lines: list[Line] = []
    for leg in trade.legs:
        if leg.side == SELL:
            lines += consume(leg.partner, leg.points)
            lines += [Line(acct.POOL, leg.partner, leg.points),
                      Line(acct.POOL, MLK, -leg.mlk_pool),
                      Line(user, MLK, leg.mlk_user)]
        else:
            expires = today + timedelta(days=catalog.get(leg.partner).validity_days)
            lines += [Line(user, MLK, -leg.mlk_user),
                      Line(acct.POOL, MLK, leg.mlk_pool),
                      Line(acct.POOL, leg.partner, -leg.points),
                      Line(user, leg.partner, leg.points, NewLot(expires))]
        if leg.fee:
            lines.append(Line(acct.FEES, MLK, leg.fee))
    return [ln for ln in lines if ln.amount]


def _too_small(asset: str) -> RuleError:
    return RuleError(f"This amount is too small to receive any {asset}.", code="amount_too_small",
                     details={"asset": asset})

