"""TICA's formulas against independent exact arithmetic, and the design's seed checks."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core import pricing

UNIT = 10**18
F = Fraction(15, 1000)


def test_no_discount_at_or_below_target():
    assert pricing.discount(0, 1000, Decimal("0.3")) == 0
    assert pricing.discount(1000, 1000, Decimal("0.3")) == 0


def test_twice_the_target_is_ten_percent_cheaper():
    assert pricing.discount(2000, 1000, Decimal("0.3")) == Fraction(1, 10)
    assert pricing.point_price(Decimal(1), 2000, 1000, Decimal("0.3")) == Fraction(9, 10)


def test_discount_is_capped():
    assert pricing.discount(10**9, 1000, Decimal("0.3")) == Fraction(3, 10)


def test_seed_check_selling_2000_points_at_200_krw_pays_9_85_mlk():
    leg = pricing.sell_points(2000, Fraction(1), Fraction(200))
    assert leg.mlk_user == 9_850_000_000_000_000_000
    assert leg.mlk_pool == 10 * UNIT and leg.fee == 150_000_000_000_000_000


def test_seed_check_buying_4000_limo_points_at_400_krw():
    leg = pricing.buy_points(4000, Fraction(2), Fraction(400))
    assert leg.mlk_user == 20_304_568_527_918_781_726  # 20.304568527918781726 MLK
    assert leg.mlk_pool == 20 * UNIT


def test_spend_exact_mlk():
    leg = pricing.spend_mlk(10 * UNIT, Fraction(1), Fraction(200))
    assert leg.points == 1970  # floor(10 x 0.985 x 200 / 1)
    assert leg.fee == 150_000_000_000_000_000 and leg.mlk_pool == 10 * UNIT - leg.fee


prices = st.fractions(min_value=Fraction(1, 100), max_value=Fraction(10**6)).filter(bool)
point_prices = st.fractions(min_value=Fraction(1, 1000), max_value=Fraction(100)).filter(bool)


@given(n=st.integers(1, 10**12), p=point_prices, P=prices)
def test_selling_rounds_in_ticas_favour(n, p, P):
    leg = pricing.sell_points(n, p, P)
    exact = Fraction(n) * p / P * UNIT
    assert leg.mlk_user <= exact * (1 - F) < leg.mlk_user + 1
    assert leg.mlk_pool == leg.mlk_user + leg.fee and leg.fee >= 0
    assert leg.mlk_pool <= exact


@given(n=st.integers(1, 10**12), p=point_prices, P=prices)
def test_buying_rounds_in_ticas_favour(n, p, P):
    leg = pricing.buy_points(n, p, P)
    exact = Fraction(n) * p / P * UNIT
    assert leg.mlk_user - 1 < exact / (1 - F) <= leg.mlk_user
    assert leg.mlk_user == leg.mlk_pool + leg.fee and leg.fee >= 0
    assert leg.mlk_pool >= exact


@given(m=st.integers(1, 10**30), p=point_prices, P=prices)
def test_spending_rounds_in_ticas_favour(m, p, P):
    leg = pricing.spend_mlk(m, p, P)
    assert leg.points * p / P * UNIT <= Fraction(m) * (1 - F)
    assert (leg.points + 1) * p / P * UNIT > Fraction(m) * (1 - F)
    assert leg.fee >= Fraction(m) * F and leg.mlk_pool + leg.fee == m


@given(m=st.integers(1, 10**24), p=point_prices, P=prices)
def test_points_for_mlk_out_is_the_fewest(m, p, P):
    n = pricing.points_for_mlk_out(m, p, P)
    assert pricing.sell_points(n, p, P).mlk_user >= m
    assert n == 1 or pricing.sell_points(n - 1, p, P).mlk_user < m


def test_legs_reject_negative_amounts():
    with pytest.raises(AssertionError):
        pricing.Leg(points=-1, mlk_user=0, mlk_pool=0, fee=0)
