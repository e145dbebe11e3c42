"""Strict amount parsing (every bad form refused with its own code) and formatting."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.errors import InputError
from app.core.money import (
    MAX_UNITS,
    MLK_UNIT,
    format_krw,
    format_mlk,
    format_points,
    mlk_to_decimal,
    mlk_units,
    parse_amount,
    parse_krw,
    parse_mlk,
    parse_points,
)


@pytest.mark.parametrize("text, units", [
    ("1", MLK_UNIT), ("9.85", 9_850_000_000_000_000_000), ("0.000000000000000001", 1),
    ("1,000", 1000 * MLK_UNIT), ("1,000.5", 1000 * MLK_UNIT + MLK_UNIT // 2),
    (" 2 ", 2 * MLK_UNIT), ("1.000000000000000000000", MLK_UNIT), ("5.", 5 * MLK_UNIT),
])
def test_mlk_amounts_parse_exactly(text, units):
    assert parse_mlk(text) == units


@pytest.mark.parametrize("text, points", [("2000", 2000), ("2,000", 2000), ("1.0", 1),
                                          ("1,000.00", 1000), ("7", 7)])
def test_point_amounts_parse(text, points):
    assert parse_points(text) == points


@pytest.mark.parametrize("text, code", [
    ("", "amount_empty"), ("   ", "amount_empty"), (None, "amount_empty"),
    ("abc", "amount_not_number"), ("1,00", "amount_not_number"), ("1.2.3", "amount_not_number"),
    ("0x10", "amount_not_number"), ("١٢٣", "amount_not_number"), ("１２３", "amount_not_number"),
    ("+5", "amount_not_number"), ("1 000", "amount_not_number"), (".5", "amount_not_number"),
    ("0", "amount_not_positive"), ("0.000", "amount_not_positive"), ("-5", "amount_not_positive"),
    ("-0.1", "amount_not_positive"),
    ("NaN", "amount_not_number"), ("nan", "amount_not_number"), ("inf", "amount_not_number"),
    ("Infinity", "amount_not_number"), ("-Infinity", "amount_not_number"),
    ("1e3", "amount_exponent"), ("1E-2", "amount_exponent"), ("2.5e+1", "amount_exponent"),
    ("0.0000000000000000001", "amount_too_precise"),
    (str(MAX_UNITS + 1), "amount_too_large"),
])
def test_bad_mlk_amounts(text, code):
    with pytest.raises(InputError) as e:
        parse_mlk(text)
    assert e.value.code == code and e.value.exit_code == 2 and e.value.message


@pytest.mark.parametrize("text, code", [
    ("1.5", "amount_fraction"), ("1000.01", "amount_fraction"), ("0", "amount_not_positive"),
    ("-3", "amount_not_positive"), ("1e3", "amount_exponent"), ("abc", "amount_not_number"),
    (str(MAX_UNITS + 1), "amount_too_large"), ("", "amount_empty"),
])
def test_bad_point_amounts(text, code):
    with pytest.raises(InputError) as e:
        parse_points(text)
    assert e.value.code == code


def test_largest_amount_is_uint256_max():
    assert parse_points(str(MAX_UNITS)) == MAX_UNITS
    whole, frac = divmod(MAX_UNITS, MLK_UNIT)
    assert parse_mlk(f"{whole}.{frac:018d}") == MAX_UNITS


def test_parse_amount_uses_the_asset_units():
    assert parse_amount("MLK", "1.5") == 3 * MLK_UNIT // 2
    with pytest.raises(InputError):
        parse_amount("YANOLJA", "1.5")


@pytest.mark.parametrize("text, value", [("200", Decimal(200)), ("123.45", Decimal("123.45")),
                                         ("1,234.5", Decimal("1234.5"))])
def test_krw_prices(text, value):
    assert parse_krw(text) == value


@pytest.mark.parametrize("text", ["0", "-1", "1e2", "1.123456789", "abc"])
def test_bad_krw_prices(text):
    with pytest.raises(InputError):
        parse_krw(text)


def test_formatting_in_both_languages():
    assert format_mlk(9_850_000_000_000_000_000) == "9.85 MLK"
    assert format_mlk(1_234_567 * MLK_UNIT) == "1,234,567 MLK"
    assert format_points(2000, "en") == "2,000 pts"
    assert format_points(2000, "ko") == "2,000P"
    assert format_krw(Decimal("1234.4"), "en") == "₩1,234"
    assert format_krw(Decimal("1234"), "ko") == "1,234원"
    assert format_krw(Decimal("-5"), "en") == "-₩5"


def test_display_truncates_never_rounds_a_balance_up():
    almost_two = 2 * MLK_UNIT - 1
    assert format_mlk(almost_two, places=4) == "1.9999 MLK"


@given(st.integers(min_value=-(10**40), max_value=10**40))
def test_units_and_decimal_round_trip_exactly(units):
    assert mlk_units(mlk_to_decimal(units)) == units


def test_mlk_units_refuses_finer_than_a_wei():
    with pytest.raises(InputError):
        mlk_units(Decimal("0.0000000000000000001"))


def test_formatting_the_largest_amounts_does_not_fail():
    assert format_mlk(MAX_UNITS, places=4).endswith(" MLK")
    assert format_krw(Decimal(MAX_UNITS)).startswith("₩115,792")
