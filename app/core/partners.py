"""The partner catalog: who is in the MiL.k alliance and what one of their points is worth."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from app.core.errors import InputError
from app.core.money import MLK


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
    connector: dict = field(default_factory=lambda: {"type": "demo"})

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
        if path is None:
            from app.core.resources import resource_path

            path = resource_path("partners.json")
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls([_partner(item) for item in doc["partners"]])

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


def _partner(item: dict) -> Partner:
    return Partner(
        code=item["code"],
        name_ko=item["name"]["ko"],
        name_en=item["name"]["en"],
        category_ko=item.get("category", {}).get("ko", ""),
        category_en=item.get("category", {}).get("en", ""),
        face_value_krw=Decimal(item["face_value_krw"]),
        min_conversion=int(item.get("min_conversion", 1000)),
        max_discount=Decimal(item.get("max_discount", "0.30")),
        target_inventory=int(item["target_inventory"]),
        validity_days=int(item.get("validity_days", 365)),
        color=item.get("color", "#666666"),
        connector=dict(item.get("connector", {"type": "demo"})),
    )
