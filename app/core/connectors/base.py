"""The interface every partner connector implements (the demo one and HTTP partners)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from app.core.errors import InputError
from app.core.partners import Partner

MEMBER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{2,63}$")


@dataclass(frozen=True)
class PartnerLot:
    """A batch of points as the partner reports it."""

    ref: str  # the partner's id for the lot, stable across syncs
    amount: int  # points in the lot as the partner sees it now
    earned_on: date
    expires_on: date


@dataclass(frozen=True)
class Challenge:
    """A verification code was sent to the member; `demo_code` is set only in demo mode."""

    partner: str
    member_id: str
    sent_to: str
    demo_code: str | None = None


class PartnerConnector(Protocol):
    def request_code(self, member_id: str) -> Challenge: ...

    def verify(self, member_id: str, code: str) -> None:
        """Raise InputError(code="wrong_code") unless `code` proves the membership."""

    def lots(self, member_id: str, linked_on: date, today: date) -> list[PartnerLot]:
        """The member's live lots at the partner."""


def check_member_id(member_id: str) -> str:
    value = (member_id or "").strip()
    if not MEMBER_ID.match(value):
        raise InputError("A member id is 3 to 64 letters, digits or . _ @ + - (as shown in the "
                         "partner's app).", code="bad_member_id")
    return value


def connector_for(partner: Partner) -> PartnerConnector:
    kind = partner.connector.get("type", "demo")
    if kind == "demo":
        from app.core.connectors.demo import DemoConnector

        return DemoConnector(partner)
    if kind == "http":
        from app.core.connectors.http import HttpConnector

        return HttpConnector(partner)
    raise ValueError(f"unknown connector type {kind!r} for {partner.code}")
