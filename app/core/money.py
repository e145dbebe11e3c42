"""Amounts: integers in minor units inside, `Decimal` at the edges, never `float`.

MLK has 18 decimals (1 MLK = 10**18 units). Partner points are whole numbers. KRW values are
`Decimal`. User input is parsed strictly: anything ambiguous is refused with a message that
says what to type instead, and each refusal has its own stable `code` so the GUI can show it
in the user's language.
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction

from app.core.errors import InputError

MLK = "MLK"
MLK_DECIMALS = 18
MLK_UNIT = 10**MLK_DECIMALS
MAX_UNITS = 2**256 - 1  # an ERC-20 amount cannot exceed uint256

MLK_TOTAL_SUPPLY = 1_000_000_000 * MLK_UNIT  # fixed supply of the MLK token
TICA_POOL_SHARE_PERCENT = 28  # TICA's liquidity pool holds about 28% of all MLK
TICA_POOL_MLK = MLK_TOTAL_SUPPLY * TICA_POOL_SHARE_PERCENT // 100

# Plain digits with optional correct thousands grouping, optional fraction. Nothing else:
# no sign, no exponent, no spaces inside, no locale-specific digits.
# ASCII digits only: \d would also accept Arabic-Indic or full-width digits.
_PLAIN = re.compile(r"^(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.([0-9]*))?$")
_NUMBERISH = re.compile(r"^[+-]?[0-9,]*\.?[0-9]*(?:[eE][+-]?[0-9]+)?$")
_NON_FINITE = {"nan", "+nan", "-nan", "snan", "inf", "+inf", "-inf", "infinity", "+infinity",
               "-infinity"}


def _split_plain(text: str, what: str) -> tuple[str, str]:
    """Validate `text` as a plain positive decimal; return (integer digits, fraction digits)."""
    if text is None:
        raise InputError(f"Enter {what}.", code="amount_empty")
    s = str(text).strip()
    if not s:
        raise InputError(f"Enter {what}.", code="amount_empty")
    low = s.lower()
    if low in _NON_FINITE:
        raise InputError(f"'{s}' is not a number. Enter {what} in digits.",
                         code="amount_not_number", details={"text": s})
    if s.startswith("-"):
        raise InputError("The amount must be more than zero.", code="amount_not_positive",
                         details={"text": s})
    if "e" in low and _NUMBERISH.match(s):
        raise InputError("Write the amount in plain digits, without an exponent (e.g. 1000, "
                         "not 1e3).", code="amount_exponent", details={"text": s})
    m = _PLAIN.match(s)
    if not m:
        raise InputError(f"'{s}' is not a valid amount. Enter {what} in digits, e.g. 1,000 "
                         "or 12.5.", code="amount_not_number", details={"text": s})
    whole, _, frac = s.replace(",", "").partition(".")
    return whole, frac


def parse_points(text: str) -> int:
    """Parse a whole number of partner points (> 0)."""
    whole, frac = _split_plain(text, "a number of points")
    if frac.strip("0"):
        raise InputError(f"Points are whole numbers; '{str(text).strip()}' has a fraction.",
                         code="amount_fraction", details={"text": str(text).strip()})
    value = int(whole)
    return _check_range(value, str(text).strip())


def parse_mlk(text: str) -> int:
    """Parse an MLK amount (> 0, at most 18 decimals) into minor units."""
    whole, frac = _split_plain(text, "an MLK amount")
    significant = frac.rstrip("0")
    if len(significant) > MLK_DECIMALS:
        raise InputError(f"MLK has at most {MLK_DECIMALS} decimal places.",
                         code="amount_too_precise", details={"text": str(text).strip()})
    units = int(whole) * MLK_UNIT + int(significant.ljust(MLK_DECIMALS, "0") or "0")
    return _check_range(units, str(text).strip())


def parse_amount(asset: str, text: str) -> int:
    """Parse `text` in the minor units of `asset` (MLK → 10**-18, points → 1)."""
    return parse_mlk(text) if asset == MLK else parse_points(text)


def parse_krw(text: str) -> Decimal:
    """Parse a positive KRW price such as the MLK price (at most 8 decimals)."""
    whole, frac = _split_plain(text, "a price in KRW")
    significant = frac.rstrip("0")
    if len(significant) > 8:
        raise InputError("A KRW price has at most 8 decimal places.", code="amount_too_precise",
                         details={"text": str(text).strip()})
    value = Decimal(f"{whole}.{significant or '0'}")
    if value <= 0:
        raise InputError("The price must be more than zero.", code="amount_not_positive")
    if value >= Decimal(10) ** 15:
        raise InputError("The price is too large.", code="amount_too_large")
    return value


def _check_range(value: int, text: str) -> int:
    if value <= 0:
        raise InputError("The amount must be more than zero.", code="amount_not_positive",
                         details={"text": text})
    if value > MAX_UNITS:
        raise InputError("The amount is too large.", code="amount_too_large",
                         details={"text": text})
    return value


# ---------------------------------------------------------------------------------------------
# Conversions between units and Decimal (exact).

def mlk_to_decimal(units: int) -> Decimal:
    """Exact Decimal value of `units` MLK minor units."""
    sign = "-" if units < 0 else ""
    whole, frac = divmod(abs(units), MLK_UNIT)
    # Built from text, never through context arithmetic (28 digits would round big amounts).
    return Decimal(f"{sign}{whole}.{frac:018d}".rstrip("0")) if frac else Decimal(f"{sign}{whole}")


def mlk_units(value: Decimal | int | str) -> int:
    """Exact minor units of an MLK Decimal; refuses values finer than 10**-18."""
    d = Decimal(value)
    with localcontext() as ctx:
        ctx.prec = 200  # exact for any uint256 amount
        units = d.scaleb(MLK_DECIMALS)
    if units != units.to_integral_value():
        raise InputError(f"MLK has at most {MLK_DECIMALS} decimal places.",
                         code="amount_too_precise")
    return int(units)


def fraction_to_decimal(value: Fraction, places: int) -> Decimal:
    """Round a Fraction half-even to `places` decimals, for display only."""
    with localcontext() as ctx:
        ctx.prec = 120
        q = Decimal(value.numerator) / Decimal(value.denominator)
        return q.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)


# ---------------------------------------------------------------------------------------------
# Formatting. Korean and English both group thousands with commas; they differ in how the
# unit is written (₩1,234 vs 1,234원; 2,000 pts vs 2,000P).

def _group(d: Decimal, places: int | None, trim: bool = True) -> str:
    if places is not None:
        with localcontext() as ctx:
            ctx.prec = 200  # quantize must not fail on a uint256-sized amount
            d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    if trim:
        frac = frac.rstrip("0")
    grouped = f"{int(whole):,}"
    return f"{sign}{grouped}.{frac}" if frac else f"{sign}{grouped}"


def format_mlk(units: int, lang: str = "en", places: int | None = None, unit: bool = True) -> str:
    """`9.85 MLK`. `places` truncates (never rounds up a balance the user does not have)."""
    text = _group(mlk_to_decimal(units), places)
    return f"{text} MLK" if unit else text


def format_points(n: int, lang: str = "en", unit: bool = True) -> str:
    text = f"{n:,}"
    if not unit:
        return text
    return f"{text}P" if lang == "ko" else f"{text} pts"


def format_krw(value: Decimal | int, lang: str = "en", places: int = 0) -> str:
    with localcontext() as ctx:
        ctx.prec = 200
        d = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    text = _group(d, None)
    if lang == "ko":
        return f"{text}원"
    return f"-₩{text[1:]}" if text.startswith("-") else f"₩{text}"


def format_amount(asset: str, units: int, lang: str = "en", places: int | None = None) -> str:
    if asset == MLK:
        return format_mlk(units, lang, places)
    return format_points(units, lang)


def plain_amount(asset: str, units: int) -> str:
    """Machine form for --json and CSV: exact, no grouping ('9.85', '2000')."""
    return format(mlk_to_decimal(units), "f") if asset == MLK else str(units)
