"""The partner catalog: who is in the MiL.k alliance and what one of their points is worth."""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from app.core.errors import ExternalError, InputError
from app.core.money import MLK

CATALOG_ENV = "MILK_PARTNERS_FILE"
CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,31}$")  # an account's asset column holds 32
MAX_WHOLE = 10**15


@dataclass(frozen=True)
class Partner:
    code: str
    name_ko: str
    name_en: str
    category_ko: str
    category_en: str
    face_value_krw: Decimal  # what the partner honours one point for
    min_conversion: int  # smallest number of points in one exchange leg
    max_discount: Decimal  # cap on TICA's inventory discount
    target_inventory: int  # TICA's target stock of this point
    validity_days: int  # lifetime of points TICA sells to a user
    color: str
    connector: dict = field(default_factory=lambda: {"type": "reference"})
    known: bool = True  # False: a stand-in for a code the catalog no longer lists

    def name(self, lang: str = "en") -> str:
        return self.name_ko if lang == "ko" else self.name_en

    def category(self, lang: str = "en") -> str:
        return self.category_ko if lang == "ko" else self.category_en


class Catalog:
    """Partners by code, in catalog order."""

    def __init__(self, partners: list[Partner]):
        self._by_code = {p.code: p for p in partners}
        if MLK in self._by_code:
            raise ValueError("MLK is not a partner code")

    @classmethod
    def load(cls, path: Path | None = None) -> Catalog:
        """Read and check a catalog file: `path`, else MILK_PARTNERS_FILE, else the one the
        app ships. A file that cannot be used is an outside failure (exit 4) naming the file
        and what is wrong with it; nothing is guessed."""
        if path is None:
            override = os.environ.get(CATALOG_ENV)
            path = Path(override).expanduser() if override else None
        if path is None:
            from app.core.resources import resource_path

            path = resource_path("partners.json")
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise _catalog_error(path, f"cannot be read ({getattr(exc, 'strerror', None) or exc})"
                                 ) from None
        try:
            doc = json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            raise _catalog_error(path, f"is not valid JSON (line {exc.lineno}, column "
                                       f"{exc.colno}: {exc.msg})") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("partners"), list) \
                or not doc["partners"]:
            raise _catalog_error(path, 'needs a "partners" list with at least one partner')
        partners: list[Partner] = []
        for i, item in enumerate(doc["partners"], 1):
            try:
                partner = _partner(item)
            except _Bad as bad:
                code = item.get("code") if isinstance(item, dict) else None
                label = f"partner #{i}" + (f" ({code})" if isinstance(code, str) else "")
                raise _catalog_error(path, f"{label}: {bad}") from None
            if any(p.code == partner.code for p in partners):
                raise _catalog_error(path, f"partner code {partner.code} appears twice "
                                           f"(#{i} repeats an earlier entry)")
            partners.append(partner)
        return cls(partners)

    def __iter__(self):
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: str) -> bool:
        return code in self._by_code

    def codes(self) -> list[str]:
        return list(self._by_code)

    def get(self, code: str) -> Partner:
        """The partner with `code` (case-insensitive), or a clear InputError."""
        key = (code or "").strip().upper()
        try:
            return self._by_code[key]
        except KeyError:
            known = ", ".join(self._by_code)
            raise InputError(f"Unknown partner '{code}'. Known partners: {known}.",
                             code="unknown_partner", details={"partner": code}) from None

    def asset(self, code: str) -> str:
        """Normalise an asset name given by a user: 'MLK' or a partner code."""
        key = (code or "").strip().upper()
        if key == MLK:
            return MLK
        return self.get(key).code

    def known_or_placeholder(self, code: str) -> Partner:
        """The partner, or a stand-in for one the catalog no longer lists (its points must
        stay visible: they are still the user's)."""
        return self._by_code.get(code) or unknown_partner(code)


def unknown_partner(code: str) -> Partner:
    return Partner(code=code, name_ko=f"알 수 없는 제휴사 ({code})",
                   name_en=f"Unknown partner ({code})", category_ko="", category_en="",
                   face_value_krw=Decimal(0), min_conversion=1, max_discount=Decimal(0),
                   target_inventory=1, validity_days=1, color="#888888",
                   connector={"type": "none"}, known=False)


class _Bad(Exception):
    """One field of a catalog entry is unusable (the message says which and why)."""


def _catalog_error(path: Path, problem: str) -> ExternalError:
    return ExternalError(f"The partner catalog {path} {problem}. Fix or replace the file "
                         f"(or point {CATALOG_ENV} at a good one).", code="bad_catalog",
                         details={"file": str(path), "problem": problem})


def _partner(item) -> Partner:
    if not isinstance(item, dict):
        raise _Bad("is not an object")
    code = item.get("code")
    if not isinstance(code, str) or not CODE.match(code) or code == MLK:
        raise _Bad(f"the code must be 2 to 32 capital letters, digits or _ (not MLK), not "
                   f"{code!r}")
    names = item.get("name")
    if not isinstance(names, dict) or not all(
            isinstance(names.get(lang), str) and names[lang].strip() for lang in ("ko", "en")):
        raise _Bad('"name" needs both "ko" and "en"')
    category = item.get("category", {})
    if not isinstance(category, dict):
        raise _Bad('"category" must be an object with "ko" and "en"')
    connector = item.get("connector", {"type": "reference"})
    if not isinstance(connector, dict) or not isinstance(connector.get("type"), str):
        raise _Bad('"connector" must be an object with a "type"')
    return Partner(
        code=code,
        name_ko=names["ko"].strip(),
        name_en=names["en"].strip(),
        category_ko=str(category.get("ko", "")),
        category_en=str(category.get("en", "")),
        face_value_krw=_decimal(item, "face_value_krw", None, low=Decimal(0), low_open=True),
        min_conversion=_whole(item, "min_conversion", 1000, low=1),
        max_discount=_decimal(item, "max_discount", "0.30", low=Decimal(0), high=Decimal(1)),
        target_inventory=_whole(item, "target_inventory", None, low=1),
        validity_days=_whole(item, "validity_days", 365, low=1),
        color=str(item.get("color", "#666666")),
        connector=dict(connector),
    )


def _whole(item: dict, key: str, default, low: int) -> int:
    value = item.get(key, default)
    if value is None:
        raise _Bad(f'"{key}" is missing')
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= MAX_WHOLE:
        raise _Bad(f'"{key}" must be a whole number from {low:,}, not {value!r}')
    return value


def _decimal(item: dict, key: str, default, low: Decimal, high: Decimal | None = None,
             low_open: bool = False) -> Decimal:
    value = item.get(key, default)
    if value is None:
        raise _Bad(f'"{key}" is missing')
    try:
        if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
            raise ValueError
        number = Decimal(str(value).strip())
        if not number.is_finite():
            raise ValueError
    except (ValueError, ArithmeticError):
        raise _Bad(f'"{key}" must be a number, not {value!r}') from None
    if number < low or (low_open and number == low) or (high is not None and number >= high):
        limits = f"more than {low}" if low_open else f"from {low}"
        limits += f" and less than {high}" if high is not None else ""
        raise _Bad(f'"{key}" must be {limits}, not {value}')
    return number
