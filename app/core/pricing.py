"""TICA's price rules as pure functions over exact rationals (DESIGN.md §2).

All arithmetic is on `Fraction`, so no rounding happens until the one place the rule says:
MLK amounts are floored (what TICA pays) or ceiled (what TICA charges) to 10**-18, and point
amounts TICA gives are floored. Every rounding therefore favours TICA.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from app.core.money import MLK_UNIT

FEE = Fraction(15, 1000)  # 1.5% on every exchange leg
KEEP = 1 - FEE
DISCOUNT_SLOPE = Fraction(1, 10)  # 10% discount per 100% of excess inventory


def _frac(x: Decimal | Fraction | int) -> Fraction:
    return x if isinstance(x, Fraction) else Fraction(x)


def _floor(x: Fraction) -> int:
    return x.numerator // x.denominator


def _ceil(x: Fraction) -> int:
    return -((-x.numerator) // x.denominator)


def discount(inventory: int, target: int, max_discount: Decimal | Fraction) -> Fraction:
    """d = 0 while I <= T, else min(max_discount, 0.10 x (I - T) / T)."""
    if target <= 0 or inventory <= target:
        return Fraction(0)
    return min(_frac(max_discount), DISCOUNT_SLOPE * Fraction(inventory - target, target))


def point_price(face: Decimal, inventory: int, target: int,
                max_discount: Decimal | Fraction) -> Fraction:
    """p = face x (1 - d), in KRW per point, at the pre-trade inventory."""
    return _frac(face) * (1 - discount(inventory, target, max_discount))


@dataclass(frozen=True)
class Leg:
    """One exchange leg between MLK and a partner's points. MLK in minor units."""

    points: int  # points moving (to TICA on a sell, to the user on a buy)
    mlk_user: int  # MLK the user receives (sell) or pays (buy)
    mlk_pool: int  # MLK that leaves (sell) or enters (buy) TICA's pool
    fee: int  # MLK kept as TICA's fee; mlk_user +/- fee == mlk_pool

    def __post_init__(self):  # the postings this leg becomes must balance
        assert self.fee >= 0 and self.points >= 0 and self.mlk_user >= 0


def sell_points(n: int, p: Fraction, price: Fraction) -> Leg:
    """Sell n points: mlk_out = floor18(n x p / P x (1 - f)).

    TICA's pool pays floor18(n x p / P); the difference to what the user gets is the fee."""
    value = Fraction(n) * p / price * MLK_UNIT  # MLK units, exact
    out = _floor(value * KEEP)
    pool = _floor(value)
    return Leg(points=n, mlk_user=out, mlk_pool=pool, fee=pool - out)


def buy_points(n: int, p: Fraction, price: Fraction) -> Leg:
    """Buy exactly n points: mlk_in = ceil18(n x p / P / (1 - f)).

    The pool receives ceil18(n x p / P); the rest of what the user pays is the fee."""
    value = Fraction(n) * p / price * MLK_UNIT
    paid = _ceil(value / KEEP)
    pool = _ceil(value)
    return Leg(points=n, mlk_user=paid, mlk_pool=pool, fee=paid - pool)


def spend_mlk(m: int, p: Fraction, price: Fraction) -> Leg:
    """Spend exactly m MLK units on points: n = floor(m x (1 - f) x P / p).

    The fee is ceil(m x f); the pool receives the rest (rounding dust included)."""
    fee = _ceil(Fraction(m) * FEE)
    n = _floor(Fraction(m) * KEEP * price / p / MLK_UNIT)
    return Leg(points=n, mlk_user=m, mlk_pool=m - fee, fee=fee)


def points_for_mlk_out(m: int, p: Fraction, price: Fraction) -> int:
    """Fewest points whose sale pays at least m MLK units (exact-out sells)."""
    per_point = p / price * MLK_UNIT * KEEP  # MLK units one point pays before flooring
    n = max(1, _ceil(Fraction(m) / per_point))
    while sell_points(n, p, price).mlk_user < m:  # flooring can leave it one short
        n += 1
    return n

