"""Numbers, money and dates for display in the current language."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from app.core import money
from app.core.clock import KST, parse_iso
from app.ui import i18n

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def mlk(units: int, places: int | None = 4, unit: bool = True) -> str:
    return money.format_mlk(units, i18n.current(), places, unit)


def points(n: int, unit: bool = True) -> str:
    return money.format_points(n, i18n.current(), unit)


def krw(value: Decimal | int | None, places: int = 0) -> str:
    return "—" if value is None else money.format_krw(value, i18n.current(), places)


def percent(fraction: Decimal) -> str:
    """0.0025 → "0.25", 0.000025 → "0.0025": enough digits that a small share is not 0.00."""
    text = f"{Decimal(fraction) * 100:.4f}".rstrip("0").rstrip(".")
    return text or "0"


def amount(asset: str, units: int) -> str:
    return mlk(units, None) if asset == money.MLK else points(units)


def signed(asset: str, units: int) -> str:
    sign = "+" if units > 0 else "−"
    return sign + amount(asset, abs(units))


def day(d: date) -> str:
    if i18n.current() == "ko":
        return f"{d.year}년 {d.month}월 {d.day}일"
    return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"


def short_day(d: date) -> str:
    return f"{d.month}월 {d.day}일" if i18n.current() == "ko" else f"{_MONTHS[d.month - 1]} {d.day}"


def moment(ts: str | datetime) -> str:
    """A timestamp in Korean local time (the app's calendar), to the minute."""
    value = parse_iso(ts) if isinstance(ts, str) else ts
    local = value.astimezone(KST)
    if i18n.current() == "ko":
        return f"{local.year}. {local.month}. {local.day}. {local:%H:%M}"
    return f"{_MONTHS[local.month - 1]} {local.day}, {local.year} {local:%H:%M}"


def partner_name(partner) -> str:
    return partner.name(i18n.current())
