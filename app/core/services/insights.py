"""Figures over time for the charts: the user's total value day by day (from the ledger and the
prices the app recorded) and the MLK price itself.

Balances are walked back from today's: only the postings inside the window are read, so the
cost follows the window, not the length of the journal."""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select

from app.core.clock import KST, iso, parse_iso
from app.core.ledger import Journal
from app.core.ledger.schema import Account, JournalEntry, Posting
from app.core.money import MLK, MLK_UNIT
from app.core.prices import Price
from app.core.services.context import Context

MAX_DAYS = 366


@dataclass(frozen=True)
class DayValue:
    day: date
    points_krw: Decimal  # at face value
    mlk_krw: Decimal | None  # in-app MLK at that day's price (None before any price)

    @property
    def total_krw(self) -> Decimal:
        return self.points_krw + (self.mlk_krw or 0)


class InsightService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def value_history(self, days: int = 90) -> list[DayValue]:
        """One value per day for the last `days` days (KST calendar), oldest first."""
        days = max(1, min(days, MAX_DAYS))
        today = self.ctx.clock.today()
        first = today - timedelta(days=days - 1)
        since = datetime.combine(first, time.min, KST)
        face = {p.code: p.face_value_krw for p in self.ctx.catalog}
        with self.ctx.db.read() as s:
            journal = Journal(s)
            owned = s.execute(select(Account.asset).where(Account.owner == self.ctx.user))
            balance = {a: journal.balance(self.ctx.user, a) for a in owned.scalars()}
            rows = s.execute(
                select(JournalEntry.created_at, Account.asset, Posting.amount)
                .join(Posting, Posting.seq == JournalEntry.seq)
                .join(Account, Account.id == Posting.account_id)
                .where(Account.owner == self.ctx.user, JournalEntry.created_at >= iso(since)))
            changes: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
            for created_at, asset, amount in rows:
                changes[parse_iso(created_at).astimezone(KST).date()][asset] += amount
        prices = self.price_history(days)
        moments = [p.as_of for p in prices]
        out = []
        day = today
        while day >= first:  # balance at the end of `day`, then undo that day's changes
            end = datetime.combine(day + timedelta(days=1), time.min, KST)
            at = bisect_right(moments, end)
            price = prices[at - 1].krw_per_mlk if at else None
            points = sum((face.get(a, Decimal(0)) * n for a, n in balance.items() if a != MLK),
                         Decimal(0))
            mlk = None if price is None else Decimal(balance.get(MLK, 0)) * price / MLK_UNIT
            out.append(DayValue(day, points, mlk))
            for asset, delta in changes.get(day, {}).items():
                balance[asset] = balance.get(asset, 0) - delta
            day -= timedelta(days=1)
        return out[::-1]

    def price_history(self, days: int = 90) -> list[Price]:
        """The MLK prices recorded in the window (and the one in force at its start),
        oldest first."""
        since = self.ctx.clock.now() - timedelta(days=max(1, min(days, MAX_DAYS)))
        history = self.ctx.prices.history(limit=2000)
        inside = [p for p in history if p.as_of >= since]
        before = [p for p in history if p.as_of < since]
        return sorted(before[-1:] + inside, key=lambda p: p.as_of)
