"""Numbers, money and dates for display in the current language."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from app.core import money
from app.core.clock import KST, parse_iso
from app.ui import i18n

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


DISPLAY_PLACES = 4  # MLK on cards, lists and live figures; confirmations show every digit
MASK = "••••"
_catalog: dict = {}  # partner code -> Partner, set when the profile opens
_private = False  # privacy mode: amounts and addresses masked for screen sharing


def set_private(on: bool) -> None:
    global _private
    _private = bool(on)


def is_private() -> bool:
    return _private


def address(text: str | None) -> str:
    """An address for display: masked in privacy mode (first and last characters hidden too,
    so nothing on a shared screen can be matched)."""
    if not text:
        return ""
    return f"0x{MASK}…{MASK}" if _private else text


def set_catalog(partners) -> None:
    global _catalog
    _catalog = {p.code: p for p in partners}


def mlk(units: int, places: int | None = DISPLAY_PLACES, unit: bool = True) -> str:
    """MLK for display: `places` decimals (truncated, never rounding a balance up); an amount
    that would show as 0 shows as "< 0.0001 MLK". `places=None` is exact."""
    if _private:
        return f"{MASK} MLK" if unit else MASK
    text = money.format_mlk(units, i18n.current(), places, unit)
    step = 10 ** (money.MLK_DECIMALS - places) if places is not None else 0
    if step and 0 < abs(units) < step:
        return ("-" if units < 0 else "") + "< " + money.format_mlk(step, i18n.current(),
                                                                    places, unit)
    return text


def points(n: int, unit: bool = True) -> str:
    if _private:
        return money.format_points(0, i18n.current(), unit).replace("0", MASK, 1)
    return money.format_points(n, i18n.current(), unit)


def krw(value: Decimal | int | None, places: int = 0) -> str:
    if value is None:
        return "—"
    if _private:
        return money.format_krw(0, i18n.current()).replace("0", MASK, 1)
    return money.format_krw(value, i18n.current(), places)


def price(value: Decimal) -> str:
    """The MLK price: public market information, never masked."""
    return money.format_krw(value, i18n.current(), 2)


def percent(fraction: Decimal) -> str:
    """0.0025 → "0.25", 0.000025 → "0.0025": enough digits that a small share is not 0.00."""
    text = f"{Decimal(fraction) * 100:.4f}".rstrip("0").rstrip(".")
    return text or "0"


def amount(asset: str, units: int, exact: bool = False) -> str:
    """Points, or MLK rounded for display (`exact` for confirmations and details)."""
    if asset == money.MLK:
        return mlk(units, None if exact else DISPLAY_PLACES)
    return points(units)


def signed(asset: str, units: int, exact: bool = False) -> str:
    sign = "+" if units > 0 else "−"
    return sign + amount(asset, abs(units), exact)


def asset_name(code: str) -> str:
    """"MLK", or the partner's name in the current language (its code if unknown)."""
    partner = _catalog.get(code)
    return partner.name(i18n.current()) if partner else code


def amount_of(asset: str, units: int, exact: bool = False) -> str:
    """An amount that says whose points it is: "2,000 pts (Yanolja)", "9.85 MLK"."""
    text = amount(asset, units, exact)
    return text if asset == money.MLK else f"{text} ({asset_name(asset)})"


def day(d: date) -> str:
    if i18n.current() == "ko":
        return f"{d.year}년 {d.month}월 {d.day}일"
    return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"


def short_day(d: date) -> str:
    return f"{d.month}월 {d.day}일" if i18n.current() == "ko" else f"{_MONTHS[d.month - 1]} {d.day}"


def axis_day(d: date) -> str:
    """A day under a chart's bar: short enough for eight side by side ("12월 15일" ran into
    its neighbours, and the first was dropped)."""
    return f"{d.month}/{d.day}" if i18n.current() == "ko" else short_day(d)


def moment(ts: str | datetime) -> str:
    """A timestamp in Korean local time (the app's calendar), to the minute, with its zone."""
    value = parse_iso(ts) if isinstance(ts, str) else ts
    local = value.astimezone(KST)
    if i18n.current() == "ko":
        return f"{local.year}. {local.month}. {local.day}. {local:%H:%M} KST"
    return f"{_MONTHS[local.month - 1]} {local.day}, {local.year} {local:%H:%M} KST"


def partner_name(partner) -> str:
    return partner.name(i18n.current())


def keyring_name(info) -> str:
    """A keyring as people know it ("GNOME Keyring (Secret Service)"), not a class path."""
    return getattr(info, "label", "") or info.name
