"""Point lots: which of a user's points expire when, and which are spent first.

Conversions consume the soonest-expiring lots first, which is what rescues points that are
about to expire. A lot is usable through its expiry date (KST) and expired the day after.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import RuleError
from app.core.ledger.journal import Line
from app.core.ledger.schema import Lot
from app.core.money import format_points
from app.core.overview import LotView


def live_lots(session: Session, owner: str, partner: str | None, today: date) -> list[LotView]:
    """Lots with points left that have not expired, soonest expiry first."""
    q = (select(Lot).where(Lot.owner == owner, Lot.expires_on >= today.isoformat())
         .order_by(Lot.expires_on, Lot.id))
    if partner:
        q = q.where(Lot.partner == partner)
    return [_view(lot) for lot in session.execute(q).scalars() if lot.remaining > 0]


def expired_lots(session: Session, owner: str | None, today: date) -> list[LotView]:
    """Lots past their expiry date that still hold points (to be swept)."""
    q = select(Lot).where(Lot.expires_on < today.isoformat()).order_by(Lot.expires_on, Lot.id)
    if owner:
        q = q.where(Lot.owner == owner)
    return [_view(lot) for lot in session.execute(q).scalars() if lot.remaining > 0]


def consume(session: Session, owner: str, partner: str, n: int, today: date) -> list[Line]:
    """Debit lines taking `n` points from the soonest-expiring live lots."""
    lines: list[Line] = []
    left = n
    lots = live_lots(session, owner, partner, today)
    for lot in lots:
        if left == 0:
            break
        take = min(lot.remaining, left)
        lines.append(Line(owner, partner, -take, lot.id))
        left -= take
    if left:
        have = n - left
        raise RuleError(
            f"Not enough {partner} points: you have {format_points(have)}, this needs "
            f"{format_points(n)}.", code="insufficient_balance",
            details={"asset": partner, "available": have, "needed": n})
    return lines


def find_by_source(session: Session, owner: str, partner: str, source_ref: str) -> Lot | None:
    return session.execute(select(Lot).where(
        Lot.owner == owner, Lot.partner == partner, Lot.source_ref == source_ref)
    ).scalar_one_or_none()


def _view(lot: Lot) -> LotView:
    return LotView(lot.id, lot.partner, date.fromisoformat(lot.expires_on), lot.remaining,
                   lot.source_ref)
