"""The interface every partner connector implements, and what Partner API v1 answers.

Connector types (the catalog's `connector.type`), both the same client code
(PartnerApiConnector) over different transports:
  reference  the reference partner server's application, run in-process on a state directory
             (the demo partners; `demo`, the type before partner operations, means the same)
  http       a partner's Partner API v1 at `base_url`
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from app.core.connectors.api_v1 import MEMBER_ID
from app.core.errors import InputError
from app.core.partners import Partner


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


@dataclass(frozen=True)
class MemberBalance:
    """A member's live points at the partner, lots soonest-expiring first."""

    member_id: str
    balance: int
    lots: tuple[PartnerLot, ...]
    as_of: datetime


@dataclass(frozen=True)
class LotMove:
    """Points an operation took from a lot (redeem) or put into a new lot (issue)."""

    ref: str
    points: int
    expires_on: date


@dataclass(frozen=True)
class Operation:
    """What the partner holds under an idempotency key: an applied redeem or issue, or a
    voided key (then only `key` and `status` are set)."""

    key: str
    status: str  # "applied" | "voided"
    kind: str | None = None  # "redeem" (member -> TICA) | "issue" (TICA -> member)
    member_id: str | None = None
    points: int = 0
    reference: str | None = None
    applied_at: datetime | None = None
    seq: int = 0  # the partner's order of operations
    lots: tuple[LotMove, ...] = ()
    member_balance_after: int = 0
    tica_balance_after: int = 0

    @property
    def applied(self) -> bool:
        return self.status == "applied"


@dataclass(frozen=True)
class Statement:
    """Every operation the partner applied in [start, end), and its totals."""

    start: datetime
    end: datetime
    operations: tuple[Operation, ...]
    redeemed: int
    issued: int


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


def connector_for(partner: Partner, *, state_dir: Path | None = None,
                  tokens=None, now=None, mirror=None) -> PartnerConnector:
    """The connector the catalog names for `partner`. `state_dir` holds the in-process
    reference partners' data (one directory per partner code), `now` their clock (the
    app's); `tokens` keeps member tokens (default: this process's memory); `mirror(member)`
    gives the lots the ledger shows for a linked member, which an in-process partner that
    does not know the member yet starts from (a profile made before the partners ran here)."""
    kind = partner.connector.get("type", "reference")
    from app.core.connectors.tokens import PROCESS_TOKENS

    tokens = PROCESS_TOKENS if tokens is None else tokens
    if kind in ("reference", "demo"):
        from app.core.connectors.inprocess import reference_connector

        return reference_connector(partner, state_dir, tokens, now, mirror)
    if kind == "http":
        from app.core.connectors.http import http_connector

        return http_connector(partner, tokens)
    raise InputError(f"The catalog gives {partner.code} an unknown connector type {kind!r} "
                     "(known: reference, http).", code="partner_misconfigured")
