"""The one view of all points (composed in app.core.overview), and the sweep of expired
lots."""
from __future__ import annotations

from app.core.errors import MilkError
from app.core.ledger import Journal, Line
from app.core.ledger import accounts as acct
from app.core.ledger.canonical import params_digest
from app.core.ledger.database import sql_reads
from app.core.ledger.lots import expired_lots
from app.core.overview import EXPIRY_WINDOW_DAYS, Holding, Overview, compose
from app.core.services.context import Context
from app.core.services.outbox import Outbox

__all__ = ["EXPIRY_WINDOW_DAYS", "Holding", "Overview", "PointsService"]


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
        with self.ctx.db.read() as s:
            return compose(sql_reads(s), self.ctx.catalog, self.ctx.user,
                           self.ctx.clock.today(), price, problem)

    def balance(self, asset: str) -> int:
        with self.ctx.db.read() as s:
            return Journal(s).balance(self.ctx.user, asset)
