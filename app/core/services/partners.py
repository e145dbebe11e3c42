"""Linking partner memberships and keeping the ledger in step with what partners report."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.core.clock import iso, parse_iso
from app.core.connectors import Challenge
from app.core.connectors.base import check_member_id
from app.core.errors import MilkError, RuleError
from app.core.ledger import Journal, Line, NewLot
from app.core.ledger import accounts as acct
from app.core.ledger.canonical import params_digest
from app.core.ledger.lots import find_by_source
from app.core.ledger.schema import JournalEntry, Link, Posting
from app.core.partners import Partner
from app.core.services.context import Context


@dataclass(frozen=True)
class PartnerStatus:
    partner: Partner
    linked: bool
    member_id: str | None
    linked_at: str | None
    last_sync_at: str | None
    last_sync_status: str | None


@dataclass(frozen=True)
class SyncResult:
    partner: str
    imported: int  # points in lots new to the ledger
    adjusted: int  # net change to lots already known (partner corrections)
    entry_seq: int | None  # the ledger entry written, or None when nothing changed

    @property
    def changed(self) -> bool:
        return self.entry_seq is not None


class PartnerService:
    def __init__(self, ctx: Context, sweep):
        self.ctx = ctx
        self._sweep = sweep  # PointsService.sweep_expired, so syncs never revive expired lots

    def catalog(self) -> list[PartnerStatus]:
        with self.ctx.db.read() as s:
            links = {link.partner: link for link in s.execute(
                select(Link).where(Link.owner == self.ctx.user)).scalars()}
        return [PartnerStatus(p, p.code in links,
                              links[p.code].member_id if p.code in links else None,
                              links[p.code].linked_at if p.code in links else None,
                              links[p.code].last_sync_at if p.code in links else None,
                              links[p.code].last_sync_status if p.code in links else None)
                for p in self.ctx.catalog]

    def request_code(self, partner_code: str, member_id: str) -> Challenge:
        partner = self.ctx.catalog.get(partner_code)
        self._refuse_if_linked(partner)
        return self.ctx.connector(partner).request_code(member_id)

    def link(self, partner_code: str, member_id: str, code: str) -> SyncResult:
        """Verify the membership with the code the partner sent, then link it and import its
        points in one transaction: a crash leaves it either linked with its points or not
        linked at all, and of two links racing, the second is refused (`already_linked`)."""
        partner = self.ctx.catalog.get(partner_code)
        member_id = check_member_id(member_id)
        self._refuse_if_linked(partner)
        connector = self.ctx.connector(partner)
        connector.verify(member_id, code)
        self._sweep()
        today = self.ctx.clock.today()
        reported = connector.lots(member_id, today, today)
        with self.ctx.db.write() as s:
            self._refuse_if_linked(partner, s)  # another process may have linked meanwhile
            s.add(Link(owner=self.ctx.user, partner=partner.code, member_id=member_id,
                       linked_at=iso(self.ctx.clock.now())))
            return self._book_sync(s, partner, member_id, reported, today)

    def unlink(self, partner_code: str) -> None:
        """Stop syncing. Points already moved into MiL.k stay yours and stay convertible."""
        partner = self.ctx.catalog.get(partner_code)
        with self.ctx.db.write() as s:
            link = self._link(s, partner.code)
            if link is None:
                raise RuleError(f"{partner.name_en} is not linked.", code="not_linked")
            s.delete(link)

    def sync(self, partner_code: str) -> SyncResult:
        partner = self.ctx.catalog.get(partner_code)
        with self.ctx.db.read() as s:
            link = self._link(s, partner.code)
            if link is None:
                raise RuleError(f"{partner.name_en} is not linked. Link it first.",
                                code="not_linked")
            member_id, linked_on = link.member_id, parse_iso(link.linked_at).date()
        self._sweep()
        today = self.ctx.clock.today()
        try:
            reported = self.ctx.connector(partner).lots(member_id, linked_on, today)
        except MilkError as exc:
            self._record_sync(partner.code, f"failed: {exc.message}"[:200])
            raise
        with self.ctx.db.write() as s:
            if self._link(s, partner.code) is None:  # unlinked meanwhile: nothing to book
                raise RuleError(f"{partner.name_en} is not linked. Link it first.",
                                code="not_linked")
            return self._book_sync(s, partner, member_id, reported, today)

    def _book_sync(self, s, partner: Partner, member_id: str, reported, today: date
                   ) -> SyncResult:
        """Inside the write lock: reconcile against the ledger as it is now (so a repeated or
        concurrent sync finds nothing left to post) and record the sync on the link."""
        state = sorted((lot.ref, lot.amount, lot.expires_on.isoformat()) for lot in reported)
        digest = params_digest({"partner": partner.code, "member": member_id, "lots": state})
        lines, imported, adjusted = self._reconcile(s, partner, reported, today)
        entry = None
        if lines:
            entry = Journal(s).append("sync", f"sync:{uuid.uuid4()}", digest, lines, {
                "partner": partner.code, "member": member_id, "imported": str(imported),
                "adjusted": str(adjusted)}, self.ctx.clock.now())
        link = self._link(s, partner.code)
        link.last_sync_at = iso(self.ctx.clock.now())
        link.last_sync_status = "ok"
        return SyncResult(partner.code, imported, adjusted, entry.seq if entry else None)

    def sync_all(self) -> list[SyncResult]:
        return [self.sync(st.partner.code) for st in self.catalog() if st.linked]

    def _reconcile(self, s, partner: Partner, reported, today: date):
        """Lines that make the ledger's lots match the partner's: new lots are imported,
        a lot the partner now reports larger or smaller is adjusted by the difference."""
        user, issuer = self.ctx.user, acct.issuer(partner.code)
        lines: list[Line] = []
        imported = adjusted = 0
        for lot in reported:
            known = find_by_source(s, user, partner.code, lot.ref)
            if known is None:
                if lot.amount > 0:
                    lines += [Line(issuer, partner.code, -lot.amount),
                              Line(user, partner.code, lot.amount,
                                   NewLot(lot.expires_on, lot.ref))]
                    imported += lot.amount
                continue
            credited = _credited(s, known.id)
            diff = lot.amount - credited
            if diff < 0:  # the partner clawed points back; take what is left of the lot
                diff = -min(-diff, known.remaining)
            if diff:
                lines += [Line(issuer, partner.code, -diff),
                          Line(user, partner.code, diff, known.id)]
                adjusted += diff
        return lines, imported, adjusted

    def _record_sync(self, partner_code: str, status: str) -> None:
        with self.ctx.db.write() as s:
            link = self._link(s, partner_code)
            if link is not None:
                link.last_sync_at = iso(self.ctx.clock.now())
                link.last_sync_status = status

    def _refuse_if_linked(self, partner: Partner, session=None) -> None:
        if session is None:
            with self.ctx.db.read() as s:
                link = self._link(s, partner.code)
        else:
            link = self._link(session, partner.code)
        if link is not None:
            raise RuleError(f"{partner.name_en} is already linked (member {link.member_id}). "
                            "Unlink it first to link another membership.",
                            code="already_linked")

    def _link(self, s, partner_code: str) -> Link | None:
        return s.execute(select(Link).where(Link.owner == self.ctx.user,
                                            Link.partner == partner_code)).scalar_one_or_none()


def _credited(s, lot_id: int) -> int:
    """Points the partner has put into a lot so far (its sync postings)."""
    amounts = s.execute(select(Posting.amount).join(JournalEntry, JournalEntry.seq == Posting.seq)
                        .where(Posting.lot_id == lot_id, JournalEntry.kind == "sync")).scalars()
    return sum(amounts)

