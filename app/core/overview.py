"""The one view of all points (Home's figures), composed from a few reads of the ledger.

Each linked partner's points as MiL.k last saw them at the partner (sync), and what is on its
way there: points held for a redeem the partner has not confirmed, points an issue will bring
("pending at Delicar" until the partner answers).

The reads are plain SQL run through a `query(sql, params)` callable, so the same code serves
a SQLAlchemy session (`PointsService.overview`) and, at start-up, a read-only sqlite3
connection opened before SQLAlchemy is even imported (`app.core.glance`). This module must
stay light: the standard library and the core's pure modules only.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from app.core import pricing
from app.core.errors import MilkError
from app.core.ledger import accounts as acct
from app.core.money import MLK, MLK_UNIT
from app.core.partners import Catalog, Partner, unknown_partner
from app.core.prices import Price

EXPIRY_WINDOW_DAYS = 30
REDEEM, ISSUE = "redeem", "issue"  # the kinds of a partner operation
Query = Callable[[str, dict], Iterable[tuple]]


@dataclass(frozen=True)
class LotView:
    id: int
    partner: str
    expires_on: date
    remaining: int
    source_ref: str | None


@dataclass(frozen=True)
class PendingOp:
    """An operation not yet settled at its partner (the one view's "pending at …")."""

    conversion: str
    partner: str
    kind: str  # redeem (points leaving for TICA) | issue (points coming to the member)
    points: int
    waiting: bool  # a swap's issue, waiting for its redeem
    since: str
    attempts: int
    last_error: str | None


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


# Amounts are decimal text on SQLite and NUMERIC on PostgreSQL: int() reads both exactly.
PENDING_SQL = ("SELECT conversion, partner, kind, points, state, created_at, attempts, "
               "last_error FROM partner_ops WHERE state != 'done' ORDER BY created_at, leg")
LINKS_SQL = "SELECT partner, member_id, last_sync_at FROM links WHERE owner = :user"
LOTS_SQL = ("SELECT id, partner, expires_on, remaining, source_ref FROM lots "
            "WHERE owner = :user ORDER BY expires_on, id")
BALANCES_SQL = ("SELECT a.owner, a.asset, b.amount FROM accounts a "
                "LEFT JOIN balances b ON b.account_id = a.id WHERE a.owner IN (:user, :pool)")


def pending_ops(query: Query) -> list[PendingOp]:
    return [PendingOp(conversion, partner, kind, int(points), state == "waiting", since,
                      int(attempts or 0), error)
            for conversion, partner, kind, points, state, since, attempts, error
            in query(PENDING_SQL, {})]


def compose(query: Query, catalog: Catalog, user: str, today: date, price: Price | None,
            problem: MilkError | None) -> Overview:
    """Home's figures from the ledger `query` reads, in one transaction. A lot past its
    expiry date counts for nothing: the sweep returns it to its issuer (the full read sweeps
    first; the start-up glance, which writes nothing, leaves it out the same way)."""
    links = {partner: (member, synced) for partner, member, synced
             in query(LINKS_SQL, {"user": user})}
    pending = tuple(pending_ops(query))
    live: dict[str, list[LotView]] = defaultdict(list)
    expired: dict[str, int] = defaultdict(int)
    for lot_id, partner, expires_on, remaining, source_ref in query(LOTS_SQL, {"user": user}):
        remaining, expires = int(remaining), date.fromisoformat(expires_on)
        if remaining <= 0:
            continue
        if expires < today:
            expired[partner] += remaining
        else:
            live[partner].append(LotView(lot_id, partner, expires, remaining, source_ref))
    balances = {(owner, asset): int(amount or 0) for owner, asset, amount
                in query(BALANCES_SQL, {"user": user, "pool": acct.POOL})}
    held = sorted(asset for owner, asset in balances if owner == user and asset != MLK)
    gone = [unknown_partner(code) for code in held if code not in catalog]
    horizon = today + timedelta(days=EXPIRY_WINDOW_DAYS)
    holdings = []
    for partner in [*catalog, *gone]:
        code = partner.code
        lots = tuple(live.get(code, ()))
        balance = balances.get((user, code), 0) - expired.get(code, 0)
        link = links.get(code)
        out, into = (sum(op.points for op in pending if op.partner == code and op.kind == kind)
                     for kind in (REDEEM, ISSUE))
        if link is None and balance == 0 and not (out or into):
            continue
        mlk_value = None
        if price is not None and balance and partner.known:
            p = pricing.point_price(partner.face_value_krw, balances.get((acct.POOL, code), 0),
                                    partner.target_inventory, partner.max_discount)
            mlk_value = pricing.sell_points(balance, p, Fraction(price.krw_per_mlk)).mlk_user
        holdings.append(Holding(
            partner=partner, linked=link is not None,
            member_id=link[0] if link else None, last_sync_at=link[1] if link else None,
            balance=balance, krw_value=partner.face_value_krw * balance, mlk_value=mlk_value,
            expiring=sum(lot.remaining for lot in lots if lot.expires_on <= horizon),
            next_expiry=lots[0].expires_on if lots else None, lots=lots,
            pending_out=out, pending_in=into))
    return Overview(tuple(holdings), balances.get((user, MLK), 0), price, problem, today,
                    pending)
