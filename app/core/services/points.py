"""The one view of all points, and the sweep of expired lots.

Each linked partner's points as MiL.k last saw them at the partner (sync), and what is on its
way there: points held for a redeem the partner has not confirmed, points an issue will bring
("pending at Delicar" until the partner answers)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import select

from app.core import pricing
from app.core.errors import MilkError
from app.core.ledger import Journal, Line
from app.core.ledger import accounts as acct
from app.core.ledger.canonical import params_digest
from app.core.ledger.lots import LotView, expired_lots, live_lots
from app.core.ledger.schema import Account, Link
from app.core.money import MLK, MLK_UNIT
from app.core.partners import Partner, unknown_partner
from app.core.prices import Price
from app.core.services.context import Context
from app.core.services.outbox import ISSUE, REDEEM, Outbox, PendingOp

EXPIRY_WINDOW_DAYS = 30


@dataclass(frozen=True)
class Holding:
    partner: Partner
    linked: bool
    member_id: str | None
    last_sync_at: str | None
    balance: int
    krw_value: Decimal  # at the partner's face value
    mlk_value: int | None  # what selling them all to TICA pays now (None without a price)
    expiring: int  # points expiring within the window
    next_expiry: date | None  # soonest expiry of any live lot
    lots: tuple[LotView, ...]
    pending_out: int = 0  # points held for a redeem the partner has not confirmed yet
    pending_in: int = 0  # points an issue will bring, once the partner confirms it


@dataclass(frozen=True)
class Overview:
    holdings: tuple[Holding, ...]
    mlk_in_app: int
    price: Price | None
    price_problem: MilkError | None  # why there is no usable price, if so
    today: date
    pending: tuple[PendingOp, ...] = ()  # operations the partners have not answered yet

    @property
    def points_krw(self) -> Decimal:
        return sum((h.krw_value for h in self.holdings), Decimal(0))

    @property
    def unknown_points(self) -> int:
        """Points of partners the catalog no longer lists: in no KRW total, but held."""
        return sum(h.balance for h in self.holdings if not h.partner.known)

    @property
    def mlk_krw(self) -> Decimal | None:
        if self.price is None:
            return None
        return Decimal(self.mlk_in_app) * self.price.krw_per_mlk / MLK_UNIT

    @property
    def total_krw(self) -> Decimal:
        return self.points_krw + (self.mlk_krw or 0)

    @property
    def expiring(self) -> list[Holding]:
        return [h for h in self.holdings if h.expiring]


class PointsService:
    def __init__(self, ctx: Context, outbox: Outbox | None = None):
        self.ctx = ctx
        self._outbox = outbox or Outbox(ctx)

    def sweep_expired(self) -> int:
        """Return expired points to their issuer, one `expire` entry per lot. Idempotent."""
        today = self.ctx.clock.today()
        with self.ctx.db.read() as s:
            lots = expired_lots(s, self.ctx.user, today)
        swept = 0
        for lot in lots:
            key = f"expire:{lot.id}"
            with self.ctx.db.write() as s:
                journal = Journal(s)
                if journal.replay(key, params_digest({"lot": lot.id})):
                    continue
                current = next((x for x in expired_lots(s, self.ctx.user, today)
                                if x.id == lot.id), None)
                if current is None:
                    continue
                journal.append("expire", key, params_digest({"lot": lot.id}), [
                    Line(self.ctx.user, lot.partner, -current.remaining, lot.id),
                    Line(acct.issuer(lot.partner), lot.partner, current.remaining),
                ], {"partner": lot.partner, "lot": lot.id, "points": str(current.remaining),
                    "expired_on": lot.expires_on.isoformat()}, self.ctx.clock.now())
                swept += 1
        return swept

    def overview(self) -> Overview:
        self.sweep_expired()
        price, problem = None, None
        try:
            price = self.ctx.prices.current()
        except MilkError as exc:
            problem = exc
        today = self.ctx.clock.today()
        horizon = today + timedelta(days=EXPIRY_WINDOW_DAYS)
        holdings = []
        with self.ctx.db.read() as s:
            journal = Journal(s)
            links = {link.partner: link for link in s.execute(
                select(Link).where(Link.owner == self.ctx.user)).scalars()}
            pending = tuple(self._outbox.pending(s))
            for partner in [*self.ctx.catalog, *self._gone_from_catalog(s)]:
                lots = tuple(live_lots(s, self.ctx.user, partner.code, today))
                balance = journal.balance(self.ctx.user, partner.code)
                link = links.get(partner.code)
                out, into = (sum(op.points for op in pending
                                 if op.partner == partner.code and op.kind == kind)
                             for kind in (REDEEM, ISSUE))
                if link is None and balance == 0 and not (out or into):
                    continue
                mlk_value = None
                if price is not None and balance and partner.known:
                    p = pricing.point_price(partner.face_value_krw,
                                            journal.balance(acct.POOL, partner.code),
                                            partner.target_inventory, partner.max_discount)
                    mlk_value = pricing.sell_points(balance, p,
                                                    Fraction(price.krw_per_mlk)).mlk_user
                holdings.append(Holding(
                    partner=partner, linked=link is not None,
                    member_id=link.member_id if link else None,
                    last_sync_at=link.last_sync_at if link else None, balance=balance,
                    krw_value=partner.face_value_krw * balance, mlk_value=mlk_value,
                    expiring=sum(lot.remaining for lot in lots if lot.expires_on <= horizon),
                    next_expiry=lots[0].expires_on if lots else None, lots=lots,
                    pending_out=out, pending_in=into))
            mlk = journal.balance(self.ctx.user, MLK)
        return Overview(tuple(holdings), mlk, price, problem, today, pending)

    def _gone_from_catalog(self, s) -> list[Partner]:
        """Stand-ins for partners whose points the user holds but the catalog no longer
        lists: still theirs, so still shown (value unknown), never silently dropped."""
        held = s.execute(select(Account.asset).where(
            Account.owner == self.ctx.user, Account.asset != MLK).order_by(Account.asset))
        return [unknown_partner(code) for code in held.scalars()
                if code not in self.ctx.catalog]

    def balance(self, asset: str) -> int:
        with self.ctx.db.read() as s:
            return Journal(s).balance(self.ctx.user, asset)
