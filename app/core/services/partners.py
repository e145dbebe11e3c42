"""Linking partner memberships, keeping the ledger's mirror in step with what partners report,
and reconciling a partner's statement with the ledger.

Points live at the partner; the ledger mirrors the linked member's lots (sync) and books the
conversions' operations (services/outbox.py). Linking confirms the partner's code and keeps
the member token it returns (OS keyring); unlinking revokes it at the partner, forgets it here,
and stops showing the member's points.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from app.core.clock import iso, parse_iso
from app.core.connectors import Challenge
from app.core.connectors.base import check_member_id
from app.core.errors import MilkError, RuleError
from app.core.ledger import Journal, Line, NewLot
from app.core.ledger import accounts as acct
from app.core.ledger.canonical import params_digest
from app.core.ledger.lots import find_by_source, live_lots
from app.core.ledger.schema import Account, JournalEntry, Link, Posting, Setting
from app.core.partners import Partner
from app.core.services.context import Context
from app.core.services.outbox import (
    APPLIED,
    DONE,
    ISSUE,
    PENDING,
    PREFIX_SETTING,
    REDEEM,
    VOIDED,
    Outbox,
    PartnerOp,
)

STATEMENT_MARGIN = timedelta(days=1)  # around this profile's operations, for the clocks' skew


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
    adjusted: int  # net change to lots already known (the member spent or earned there)
    entry_seq: int | None  # the ledger entry written, or None when nothing changed
    settled: int = 0  # conversions' operations this sync completed or reversed
    pending: int = 0  # operations still unanswered: the lots wait for them

    @property
    def changed(self) -> bool:
        return self.entry_seq is not None


@dataclass(frozen=True)
class UnlinkResult:
    partner: str
    points: int  # the member's points MiL.k no longer shows (they stay at the partner)
    revoked: bool  # the partner confirmed the member token is revoked


@dataclass(frozen=True)
class Difference:
    kind: str  # pending | missing_at_partner | missing_in_ledger | duplicate | mismatch |
    #            applied_but_released | unknown_operation | member_balance | tica_balance
    message: str
    key: str | None = None


@dataclass(frozen=True)
class Reconciliation:
    partner: str
    member_id: str | None
    operations: int  # this profile's operations compared
    member_balance: int | None  # at the partner (None: not linked)
    ledger_balance: int  # what MiL.k shows
    tica_balance: int  # TICA's account at the partner
    ledger_inventory: int  # TICA's inventory of these points in the ledger
    differences: tuple[Difference, ...]

    @property
    def agrees(self) -> bool:
        return not self.differences


class PartnerService:
    def __init__(self, ctx: Context, sweep, outbox: Outbox | None = None):
        self.ctx = ctx
        self._sweep = sweep  # PointsService.sweep_expired, so syncs never revive expired lots
        self.outbox = outbox or Outbox(ctx)

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

    # -- linking -------------------------------------------------------------------------

    def request_code(self, partner_code: str, member_id: str) -> Challenge:
        partner = self.ctx.catalog.get(partner_code)
        self._refuse_if_linked(partner)
        connector = self.ctx.connector(partner)
        connector.require_token_keeper()  # before the member gets a code for nothing
        return connector.request_code(member_id)

    def link(self, partner_code: str, member_id: str, code: str) -> SyncResult:
        """Confirm the code the partner sent (which gives the member token, kept in the
        keyring), then link the membership and import its points in one transaction: a crash
        leaves it either linked with its points or not linked at all, and of two links
        racing, the second is refused (`already_linked`)."""
        partner = self.ctx.catalog.get(partner_code)
        member_id = check_member_id(member_id)
        self._refuse_if_linked(partner)
        self.outbox.recover(partner.code)
        connector = self.ctx.connector(partner)
        connector.require_token_keeper()
        connector.confirm(member_id, code)
        self._sweep()
        today = self.ctx.clock.today()
        reported = connector.lots(member_id, today, today)
        try:
            with self.ctx.db.write() as s:
                self._refuse_if_linked(partner, s)  # another process may have linked meanwhile
                s.add(Link(owner=self.ctx.user, partner=partner.code, member_id=member_id,
                           linked_at=iso(self.ctx.clock.now())))
                return self._book_sync(s, partner, member_id, reported, today)
        except RuleError as exc:
            if exc.code == "already_linked" and f"(member {member_id})" not in exc.message:
                try:  # another membership won: this one's token must not linger
                    connector.forget(member_id)
                except MilkError:
                    pass
            raise

    def unlink(self, partner_code: str) -> UnlinkResult:
        """Stop showing the membership: the member token is revoked at the partner and
        forgotten here, and the ledger stops mirroring the member's points (they stay at the
        partner). Refused while a conversion is still pending there."""
        partner = self.ctx.catalog.get(partner_code)
        with self.ctx.db.read() as s:
            link = self._link(s, partner.code)
        if link is None:
            raise RuleError(f"{partner.name_en} is not linked.", code="not_linked")
        self.outbox.recover(partner.code)
        if self.outbox.has_open(partner.code):
            raise RuleError(f"A conversion is still pending at {partner.name_en}. Unlink once "
                            f"it is done (milk sync {partner.code}).", code="conversion_pending",
                            details={"partner": partner.code})
        revoked = True
        try:
            self.ctx.connector(partner).forget(link.member_id)
        except MilkError:
            revoked = False  # the partner is away; the token is forgotten here all the same
            self.ctx.tokens.delete(partner.code, link.member_id)
        self._sweep()
        today = self.ctx.clock.today()
        with self.ctx.db.write() as s:
            link = self._link(s, partner.code)
            if link is None:
                raise RuleError(f"{partner.name_en} is not linked.", code="not_linked")
            lots = live_lots(s, self.ctx.user, partner.code, today)
            points = sum(lot.remaining for lot in lots)
            if points:
                lines = [Line(self.ctx.user, partner.code, -lot.remaining, lot.id)
                         for lot in lots] + [Line(acct.issuer(partner.code), partner.code, points)]
                Journal(s).append("unlink", f"unlink:{uuid.uuid4()}",
                                  params_digest({"partner": partner.code,
                                                 "member": link.member_id}), lines,
                                  {"partner": partner.code, "member": link.member_id,
                                   "points": str(points)}, self.ctx.clock.now())
            s.delete(link)
        return UnlinkResult(partner.code, points, revoked)

    # -- syncing -------------------------------------------------------------------------

    def recover(self) -> int:
        """Complete or reverse every conversion a crash or a lost answer left pending (the
        app calls it when it starts)."""
        return self.outbox.recover()

    def sync(self, partner_code: str) -> SyncResult:
        """Settle the partner's pending operations, then mirror the lots it reports."""
        partner = self.ctx.catalog.get(partner_code)
        with self.ctx.db.read() as s:
            link = self._link(s, partner.code)
            if link is None:
                raise RuleError(f"{partner.name_en} is not linked. Link it first.",
                                code="not_linked")
            member_id, linked_on = link.member_id, parse_iso(link.linked_at).date()
        settled = self.outbox.recover(partner.code)
        self._sweep()
        today = self.ctx.clock.today()
        for _attempt in range(3):
            with self.ctx.db.read() as s:
                pending = self._open_count(s, partner.code)
                mark = self._mark(s, partner.code)
            if pending:  # what the partner reports is not yet what the ledger can show
                self._record_sync(partner.code, f"pending: {pending} operation(s) unanswered")
                return SyncResult(partner.code, 0, 0, None, settled, pending)
            try:
                reported = self.ctx.connector(partner).lots(member_id, linked_on, today)
            except MilkError as exc:
                self._record_sync(partner.code, f"failed: {exc.message}"[:200])
                raise
            with self.ctx.db.write() as s:
                if self._link(s, partner.code) is None:  # unlinked meanwhile: nothing to book
                    raise RuleError(f"{partner.name_en} is not linked. Link it first.",
                                    code="not_linked")
                if self._mark(s, partner.code) == mark:  # no conversion moved these points
                    result = self._book_sync(s, partner, member_id, reported, today)
                    return SyncResult(result.partner, result.imported, result.adjusted,
                                      result.entry_seq, settled)
        raise RuleError(f"{partner.name_en}'s points kept changing while syncing; try again.",
                        code="sync_busy", details={"partner": partner.code})

    def sync_all(self) -> list[SyncResult]:
        return [self.sync(st.partner.code) for st in self.catalog() if st.linked]

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

    def _reconcile(self, s, partner: Partner, reported, today: date):
        """Lines that make the ledger's lots what the partner reports: a new lot is imported,
        one it reports larger or smaller is adjusted, one it no longer reports (spent or taken
        back there) is emptied — also one without the partner's id (made before conversions
        reached the partner, whose books start from the ledger's lots: see inprocess)."""
        user, issuer = self.ctx.user, acct.issuer(partner.code)
        lines: list[Line] = []
        imported = adjusted = 0
        seen = set()
        for lot in reported:
            seen.add(lot.ref)
            known = find_by_source(s, user, partner.code, lot.ref)
            if known is None:
                if lot.amount > 0:
                    lines += [Line(issuer, partner.code, -lot.amount),
                              Line(user, partner.code, lot.amount,
                                   NewLot(lot.expires_on, lot.ref))]
                    imported += lot.amount
                continue
            diff = lot.amount - known.remaining
            if diff:
                lines += [Line(issuer, partner.code, -diff),
                          Line(user, partner.code, diff, known.id)]
                adjusted += diff
        for lot in live_lots(s, user, partner.code, today):
            if lot.source_ref not in seen:
                lines += [Line(user, partner.code, -lot.remaining, lot.id),
                          Line(issuer, partner.code, lot.remaining)]
                adjusted -= lot.remaining
        return lines, imported, adjusted

    def _mark(self, s, partner_code: str) -> tuple:
        """What conversions have done to this partner's points so far: the last entry that
        moved them through pending, and the user's balance of them."""
        journal = Journal(s)
        last = s.execute(select(func.max(Posting.seq)).join(
            Account, Account.id == Posting.account_id).where(
            Account.owner == PENDING, Account.asset == partner_code)).scalar()
        return last, journal.balance(PENDING, partner_code), \
            journal.balance(self.ctx.user, partner_code)

    def _open_count(self, s, partner_code: str) -> int:
        return s.execute(select(func.count()).select_from(PartnerOp).where(
            PartnerOp.partner == partner_code, PartnerOp.state != DONE)).scalar()

    def _record_sync(self, partner_code: str, status: str) -> None:
        with self.ctx.db.write() as s:
            link = self._link(s, partner_code)
            if link is not None:
                link.last_sync_at = iso(self.ctx.clock.now())
                link.last_sync_status = status

    # -- reconciling -------------------------------------------------------------------

    def reconcile(self, partner_code: str) -> Reconciliation:
        """The partner's statement against the ledger: every operation of this profile's keys
        found exactly once on both sides (applied there = booked here; released here = never
        applied there), and the balances agree (the member's, and TICA's account). Changes
        nothing but the sweep of expired lots; `sync` settles what is pending first."""
        partner = self.ctx.catalog.get(partner_code)
        self._sweep()
        with self.ctx.db.read() as s:
            link = self._link(s, partner.code)
            rows = s.execute(select(PartnerOp).where(PartnerOp.partner == partner.code)
                             ).scalars().all()
            prefix = s.execute(select(Setting.value).where(Setting.key == PREFIX_SETTING)
                               ).scalar()
            booked = {}  # op key -> (kind, member, points) of its ledger entry
            for kind, memo in s.execute(select(JournalEntry.kind, JournalEntry.memo).where(
                    JournalEntry.kind.in_((REDEEM, ISSUE)))):
                doc = json.loads(memo)
                if doc.get("partner") == partner.code:
                    booked.setdefault(doc["key"], []).append(
                        (kind, doc["member"], int(doc["points"])))
            released = set(s.execute(select(JournalEntry.idem_key).where(
                JournalEntry.kind == "release", JournalEntry.idem_key.like("partner:%"))
            ).scalars())
            journal = Journal(s)
            ledger_balance = journal.balance(self.ctx.user, partner.code)
            inventory = journal.balance(acct.POOL, partner.code)
        connector = self.ctx.connector(partner)
        partner_now = connector.partner_time()
        now = self.ctx.clock.now()
        skew = abs(partner_now - now)
        start = min([parse_iso(r.created_at) for r in rows] + [now]) - skew - STATEMENT_MARGIN
        statement = connector.statement(start, max(now, partner_now) + skew + STATEMENT_MARGIN,
                                        page_size=500)
        mine = f"milk.{prefix}." if prefix else None
        at_partner: dict[str, list] = {}
        for op in statement.operations:
            if mine and op.key.startswith(mine):
                at_partner.setdefault(op.key, []).append(op)
        differences: list[Difference] = []
        open_redeem = open_issue = 0
        for row in rows:
            ops, entries = at_partner.get(row.key, []), booked.get(row.key, [])
            want = (row.kind, row.member_id, row.points)
            if row.state != DONE:
                differences.append(Difference("pending", f"{row.kind} of {row.points:,} points "
                                              "is not settled yet (milk sync settles it)",
                                              row.key))
                open_redeem += row.points if row.kind == REDEEM else 0
                open_issue += row.points if row.kind == ISSUE else 0
                continue
            if len(ops) > 1:
                differences.append(Difference("duplicate", f"{partner.name_en} applied this "
                                              f"key {len(ops)} times", row.key))
            if row.outcome == APPLIED:
                if not ops:
                    differences.append(Difference(
                        "missing_at_partner", f"the ledger booked a {row.kind} of "
                        f"{row.points:,} points that {partner.name_en}'s statement lacks",
                        row.key))
                elif any((op.kind, op.member_id, op.points) != want for op in ops):
                    differences.append(Difference("mismatch", f"{partner.name_en} applied "
                                                  "something else under this key", row.key))
                if [(k, m, p) for k, m, p in entries] != [want]:
                    differences.append(Difference(
                        "missing_in_ledger", f"{len(entries)} ledger entries book this "
                        f"{row.kind}, not one", row.key))
            elif row.outcome == VOIDED:
                if ops:
                    differences.append(Difference(
                        "applied_but_released", f"{partner.name_en} applied this {row.kind} "
                        f"of {row.points:,} points, the ledger released it", row.key))
                if entries or f"partner:{row.key}:{VOIDED}" not in released:
                    differences.append(Difference("missing_in_ledger", "the release of this "
                                                  "key is not booked once", row.key))
        known = {row.key for row in rows}
        for key, ops in at_partner.items():
            if key not in known:
                differences.append(Difference(
                    "unknown_operation", f"{partner.name_en} applied a {ops[0].kind} of "
                    f"{ops[0].points:,} points under this profile's key that MiL.k has no "
                    "record of", key))
        for key in booked.keys() - known:
            differences.append(Difference("missing_in_ledger", "a ledger entry books an "
                                          "operation the outbox has no record of", key))
        member_balance = None
        if link is not None:
            member_balance = connector.balance(link.member_id).balance
            if member_balance != ledger_balance + open_redeem:
                differences.append(Difference(
                    "member_balance", f"{partner.name_en} shows {member_balance:,} points for "
                    f"{link.member_id}, MiL.k shows {ledger_balance:,}"
                    + (f" (+{open_redeem:,} pending)" if open_redeem else "")
                    + " (milk sync brings the member's own activity there)"))
        tica = connector.tica_balance()
        if tica != inventory + open_issue:
            differences.append(Difference(
                "tica_balance", f"TICA's account at {partner.name_en} holds {tica:,} points, "
                f"the ledger's inventory is {inventory:,}"
                + (f" (+{open_issue:,} pending)" if open_issue else "")))
        return Reconciliation(partner.code, link.member_id if link else None, len(rows),
                              member_balance, ledger_balance, tica, inventory,
                              tuple(differences))

    # -- helpers -------------------------------------------------------------------------

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
