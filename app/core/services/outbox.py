"""Conversions that reach the partner exactly once: the durable outbox of partner operations.

Invariant, per partner P (tested under faults in tests/reliability/test_partner_faults.py):
- At the partner, (points the member holds) + (TICA's account) is conserved: a conversion only
  moves points between the two, by a redeem (member -> TICA, a sell) or an issue (TICA ->
  member, a buy).
- Every ledger movement of P's points between the user and TICA matches exactly one partner
  operation. A conversion's hold (its entry of kind sell, buy or swap: what the user gives)
  puts what is in flight into `partner:pending` (the user's points or MLK, and TICA's side of
  each leg) in the same database transaction as its outbox rows, one per operation, each with
  an idempotency key derived from the conversion.
  The partner applies a key at most once. The ledger then books that key once: `redeem` or
  `issue` (key `partner:<op key>:applied`) when the partner applied it, or `release` (key
  `partner:<op key>:voided`) when the partner refused it or confirms the key is void and will
  never apply. A key is never both: the partner's answer for it is final.
- No MLK without a redeem: a sell's MLK reaches the user only in its `redeem` entry.

Steps: 1. hold (one transaction) -> 2. ask the partner (no transaction open) -> 3. book (one
transaction). A swap asks for its issue only once its redeem is booked; if the issue cannot be
delivered (the membership closed, the partner gone), the user keeps the sell leg's MLK.

A lost answer or a crash at any step completes or reverses: a row left open is settled from
the partner's status by key, or voided there and released (`recover`: on the next sync, link,
unlink, a retry of the conversion, or the app's start). Only the process that made a
conversion ever sends its operations; recovery only asks and voids. Whoever asks a partner
about a conversion holds its lock file (partners/inflight/<id>.lock, released by the OS if the
process dies), so recovery never races a conversion that is still being asked for.
"""
from __future__ import annotations

import json
import logging
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import BigInteger, ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, mapped_column

from app.core import tica
from app.core.clock import iso
from app.core.errors import ExternalError, MilkError
from app.core.ledger import Entry, Journal, Line, NewLot
from app.core.ledger import accounts as acct
from app.core.ledger.canonical import params_digest
from app.core.ledger.database import sql_reads
from app.core.ledger.guard import AppendGuard, tampered
from app.core.ledger.lots import consume
from app.core.ledger.schema import Base, JournalEntry, Link, Setting
from app.core.money import MLK
from app.core.overview import ISSUE, REDEEM, PendingOp, pending_ops
from app.core.services.context import Context

log = logging.getLogger(__name__)

PENDING = "partner:pending"  # what is in flight at a partner; never negative
WAITING, OPEN, DONE = "waiting", "open", "done"
APPLIED, VOIDED = "applied", "voided"
RELEASE = "release"
HOLD_KINDS = ("sell", "buy", "swap")  # a hold is the conversion as the user asked for it
PREFIX_SETTING = "partner.key_prefix"
# A partner's refusal with these codes may hide an operation it applied: ask, then void.
UNSURE = frozenset({"partner_no_answer", "partner_bad_response", "partner_unavailable",
                    "partner_refused", "idempotency_conflict"})


class PartnerOp(Base):
    """One operation a conversion asks a partner for (migration 0006)."""

    __tablename__ = "partner_ops"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    conversion: Mapped[str] = mapped_column(String(40))
    leg: Mapped[int] = mapped_column(Integer)
    partner: Mapped[str] = mapped_column(String(32))
    member_id: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(8))
    points: Mapped[int] = mapped_column(BigInteger)
    hold_seq: Mapped[int] = mapped_column(ForeignKey("journal_entries.seq"))
    state: Mapped[str] = mapped_column(String(8))
    outcome: Mapped[str | None] = mapped_column(String(8), nullable=True)
    done_seq: Mapped[int | None] = mapped_column(ForeignKey("journal_entries.seq"),
                                                 nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(300), nullable=True)
    created_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))


@dataclass(frozen=True)
class Delivery:
    """Where a conversion stands after its operations were asked for."""

    status: str  # done | pending | partial (the buy leg undelivered) | released
    refusal: MilkError | None = None  # why a leg was released (when this process asked)
    pending_at: tuple[str, ...] = ()  # partner codes still to answer
    reason: str | None = None  # why a leg was released, as its `release` entry says


class Inflight:
    """Per-conversion lock files: held while a process asks a partner about a conversion."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)

    @contextmanager
    def hold(self, conversion: str, wait: bool = True) -> Iterator[bool]:
        """Lock `conversion`; yields False (without waiting) when `wait` is off and another
        process holds it."""
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{conversion}.lock"
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if not _lock(fd, wait):
                yield False
                return
            try:
                yield True
            finally:
                try:
                    path.unlink()  # still locked: a process that opens it next sees done rows
                except OSError:
                    pass
        finally:
            os.close(fd)


def _lock(fd: int, wait: bool) -> bool:
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        return True
    except BlockingIOError:
        return False
    except ImportError:  # Windows: a byte-range lock, released with the process as well
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False


class Outbox:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.inflight = Inflight(ctx.data_dir / "partners" / "inflight")

    # -- 1. hold ---------------------------------------------------------------------------

    def members(self, s, trade: tica.Trade) -> dict[str, str]:
        """The linked member id of every partner the trade moves points at."""
        from app.core.errors import RuleError

        found = {}
        for leg in trade.legs:
            link = s.execute(select(Link).where(Link.owner == self.ctx.user,
                                                Link.partner == leg.partner)).scalar_one_or_none()
            if link is None:
                name = self.ctx.catalog.known_or_placeholder(leg.partner).name_en
                raise RuleError(
                    f"{name} is not linked. Points are converted at the partner, in your "
                    f"{name} account: link it first (milk link {leg.partner} --member-id ID). "
                    "Nothing was converted.", code="not_linked",
                    details={"partner": leg.partner})
            found[leg.partner] = link.member_id
        return found

    def hold(self, s, trade: tica.Trade, conversion: str, members: dict[str, str],
             ledger_key: str, params: str, memo: dict, today: date) -> Entry:
        """Inside the conversion's write transaction: the hold entry and its outbox rows."""
        prefix = self._prefix(s)
        user, lines, ops = self.ctx.user, [], []
        sell = next((leg for leg in trade.legs if leg.side == tica.SELL), None)
        buy = next((leg for leg in trade.legs if leg.side == tica.BUY), None)
        if sell:
            lines += consume(s, user, sell.partner, sell.points, today)
            lines += [Line(PENDING, sell.partner, sell.points),
                      Line(acct.POOL, MLK, -sell.mlk_pool), Line(PENDING, MLK, sell.mlk_pool)]
        if buy:
            if not sell:
                lines += [Line(user, MLK, -buy.mlk_user), Line(PENDING, MLK, buy.mlk_user)]
            lines += [Line(acct.POOL, buy.partner, -buy.points),
                      Line(PENDING, buy.partner, buy.points)]
        for i, leg in enumerate(trade.legs):
            kind = REDEEM if leg.side == tica.SELL else ISSUE
            ops.append({"leg": i, "key": f"milk.{prefix}.{conversion}.{kind}", "kind": kind,
                        "partner": leg.partner, "member": members[leg.partner],
                        "points": str(leg.points)})
        entry = Journal(s).append(memo["op"], ledger_key, params, lines,
                                  {**memo, "conversion": conversion, "ops": ops},
                                  self.ctx.clock.now())
        now = iso(self.ctx.clock.now())
        for op in ops:
            s.add(PartnerOp(key=op["key"], conversion=conversion, leg=op["leg"],
                            partner=op["partner"], member_id=op["member"], kind=op["kind"],
                            points=int(op["points"]), hold_seq=entry.seq,
                            state=OPEN if op["leg"] == 0 else WAITING, attempts=0,
                            created_at=now, updated_at=now))
        return entry

    def _prefix(self, s) -> str:
        """This profile's mark in its operation keys, so its statement lines can be told from
        other profiles' at a partner they share. Made once, in the first hold's transaction."""
        row = s.get(Setting, PREFIX_SETTING)
        if row is None:
            row = Setting(key=PREFIX_SETTING, value=secrets.token_hex(4))
            s.add(row)
        return row.value

    # -- 2. ask, 3. book -------------------------------------------------------------------

    def deliver(self, conversion: str) -> Delivery:
        """Ask the partners for `conversion`'s open operations in turn, booking each answer.
        The caller holds the conversion's inflight lock and made the conversion: only it
        sends operations."""
        refusal = None
        for leg in (0, 1):
            row = self._row(conversion, leg)
            if row is None or row.state != OPEN:
                continue
            outcome, error = self._send(row)
            if outcome == OPEN:
                break
            if outcome == VOIDED:
                refusal = error
                break
        return self.status(conversion, refusal)

    def status(self, conversion: str, refusal: MilkError | None = None) -> Delivery:
        with self.ctx.db.read() as s:
            rows = s.execute(select(PartnerOp).where(PartnerOp.conversion == conversion)
                             .order_by(PartnerOp.leg)).scalars().all()
            return _delivery(s, conversion, rows, refusal)

    def deliver_many(self, conversions: list[str]) -> dict[str, Delivery]:
        """`deliver` for many conversions (the caller made them and holds their locks): each
        partner is asked for every open operation, then one transaction books all the
        answers; a swap's issue goes in the second round, once its redeem is booked."""
        refusals: dict[str, MilkError] = {}
        for leg in (0, 1):
            rows = [r for r in self._rows(conversions) if r.leg == leg and r.state == OPEN]
            with self.ctx.db.read() as s:  # what is sent is what the hash chain holds
                holds = AppendGuard(s).entries([row.hold_seq for row in rows], load=True)
                for row in rows:
                    _check_row(s, row, holds[row.hold_seq])
            answers: list[tuple] = []
            collect = _collector(answers)  # each answer booked together after the round
            for row in rows:
                outcome, error = self._send(row, book=collect, checked=True)
                if outcome == VOIDED and error is not None:
                    refusals[row.conversion] = error
            if answers:
                with self.ctx.db.write() as s:
                    for answer in answers:
                        self._book_in(s, *answer)
        by_conversion: dict[str, list[PartnerOp]] = {c: [] for c in conversions}
        deliveries = {}
        with self.ctx.db.read() as s:
            for row in self._rows(conversions, s):
                by_conversion[row.conversion].append(row)
            for conversion, rows in by_conversion.items():
                deliveries[conversion] = _delivery(s, conversion, rows,
                                                   refusals.get(conversion))
        return deliveries

    def _rows(self, conversions: list[str], s=None) -> list[PartnerOp]:
        if s is None:
            with self.ctx.db.read() as s:
                return self._rows(conversions, s)
        rows = []
        for i in range(0, len(conversions), 500):
            rows += s.execute(select(PartnerOp).where(
                PartnerOp.conversion.in_(conversions[i:i + 500]))
                .order_by(PartnerOp.created_at, PartnerOp.leg)).scalars().all()
        return rows

    def _send(self, row: PartnerOp, book=None, checked: bool = False
              ) -> tuple[str, MilkError | None]:
        """Ask the partner for `row`'s operation and book the answer (`book`: where answers
        go instead, to be booked together; `checked`: the row was checked by the caller)."""
        book = book or self._book
        if not checked:
            with self.ctx.db.read() as s:
                _check_row(s, row)  # what is sent is what the hash chain holds
        reference, connector = f"MiL.k conversion {row.conversion}", None
        try:
            connector = self.ctx.connector(self.ctx.catalog.get(row.partner))
            if row.kind == REDEEM:
                op = connector.redeem(row.key, row.member_id, row.points, reference)
            else:
                op = connector.issue(row.key, row.member_id, row.points, reference=reference)
        except MilkError as exc:
            if exc.code in UNSURE and connector is not None:  # it may have applied: void
                return self._void(row, connector, exc, book), exc
            # Refused, or never sent: not applied, and nobody sends this key again.
            book(row.key, VOIDED, None, exc)
            return VOIDED, exc
        book(row.key, APPLIED, op)
        return APPLIED, None

    def _void(self, row: PartnerOp, connector, cause: MilkError | None, book=None) -> str:
        book = book or self._book
        try:
            applied = connector.void(row.key)
        except MilkError as exc:
            self._note(row.key, exc)
            return OPEN
        if applied is None:
            book(row.key, VOIDED, None, cause)
            return VOIDED
        return self._book_answer(row, applied, book)

    def _book_answer(self, row: PartnerOp, op, book=None) -> str:
        if (op.kind, op.member_id, op.points) != (row.kind, row.member_id, row.points):
            self._note(row.key, ExternalError(
                f"{row.partner} reports another operation under key {row.key} ({op.kind} of "
                f"{op.points:,} for {op.member_id}); it is left pending for the reconciliation.",
                code="partner_bad_response"))
            return OPEN
        (book or self._book)(row.key, APPLIED, op)
        return APPLIED

    # -- recovery ----------------------------------------------------------------------------

    def has_open(self, partner: str | None = None) -> bool:
        q = select(PartnerOp.key).where(PartnerOp.state != DONE)
        if partner:
            q = q.where(PartnerOp.partner == partner)
        with self.ctx.db.read() as s:
            return s.execute(q.limit(1)).first() is not None

    def recover(self, partner: str | None = None, conversion: str | None = None) -> int:
        """Settle or release every operation left open (of `partner`, or of `conversion`):
        the partner's status by key, else a void. Rows another process is still asking about
        are left to it. Returns how many were booked; failures stay recorded on their rows."""
        q = select(PartnerOp.conversion).where(PartnerOp.state != DONE)
        if partner:
            q = q.where(PartnerOp.partner == partner)
        if conversion:
            q = q.where(PartnerOp.conversion == conversion)
        with self.ctx.db.read() as s:
            conversions = list(dict.fromkeys(s.execute(q.order_by(PartnerOp.created_at))
                                             .scalars()))
        booked = 0
        for conv in conversions:
            with self.inflight.hold(conv, wait=False) as mine:
                if mine:
                    booked += self._recover(conv)
        return booked

    def _recover(self, conversion: str) -> int:
        booked = 0
        for leg in (0, 1):
            row = self._row(conversion, leg)
            if row is None or row.state != OPEN:
                continue  # done, or a swap's issue still waiting for its redeem
            with self.ctx.db.read() as s:
                _check_row(s, row)
            try:
                connector = self.ctx.connector(self.ctx.catalog.get(row.partner))
                op = connector.operation_status(row.key)
            except MilkError as exc:
                self._note(row.key, exc)
                return booked
            if op is None:
                outcome = self._void(row, connector, None)
            elif op.applied:
                outcome = self._book_answer(row, op)
            else:
                self._book(row.key, VOIDED, None, None)
                outcome = VOIDED
            if outcome == OPEN:
                return booked
            booked += 1
        return booked

    def pending(self, s) -> list[PendingOp]:
        return pending_ops(sql_reads(s))

    # -- booking -----------------------------------------------------------------------------

    def _book(self, key: str, outcome: str, op, cause: MilkError | None = None) -> None:
        """One transaction: the entry for `key`'s outcome (once) and the row marked done."""
        with self.ctx.db.write() as s:
            self._book_in(s, key, outcome, op, cause)

    def _book_in(self, s, key: str, outcome: str, op, cause: MilkError | None = None) -> None:
        row = s.get(PartnerOp, key)
        if row is None or row.state == DONE:
            return
        hold = _check_row(s, row)
        journal = Journal(s)
        done = s.execute(select(JournalEntry.seq, JournalEntry.idem_key).where(
            JournalEntry.idem_key.in_([_entry_key(key, APPLIED), _entry_key(key, VOIDED)])
        )).first()
        if done is not None:  # booked before the row was marked (an older run)
            self._close(s, row, done.idem_key.rsplit(":", 1)[1], done.seq)
            return
        if outcome == APPLIED:
            kind, lines, memo = self._settlement(hold, row, op)
        else:
            kind, lines, memo = RELEASE, self._release(hold, row), {
                "conversion": row.conversion, "key": key, "partner": row.partner,
                "member": row.member_id, "points": str(row.points), "op": row.kind,
                "reason": cause.message if cause else "void at the partner",
                "reason_code": cause.code if cause else "voided"}
        entry = journal.append(kind, _entry_key(key, outcome),
                               params_digest({"op": outcome, "key": key}), lines, memo,
                               self.ctx.clock.now())
        self._close(s, row, outcome, entry.seq)

    def _close(self, s, row: PartnerOp, outcome: str, seq: int) -> None:
        now = iso(self.ctx.clock.now())
        row.state, row.outcome, row.done_seq, row.updated_at = DONE, outcome, seq, now
        if row.leg == 0:
            following = s.get(PartnerOp, other_leg_key(row))
            if following is not None and following.state == WAITING:
                # A redeem applied lets the swap's issue go; one released took it along.
                following.state = OPEN if outcome == APPLIED else DONE
                following.outcome = None if outcome == APPLIED else VOIDED
                following.done_seq = None if outcome == APPLIED else seq
                following.updated_at = now

    def _settlement(self, hold: Entry, row: PartnerOp, op) -> tuple[str, list[Line], dict]:
        memo = hold.memo
        legs = [tica.TradeLeg.from_dict(x) for x in memo["legs"]]
        leg, user = legs[row.leg], self.ctx.user
        if row.kind == REDEEM:
            # A swap keeps what its issue will pay in pending; the rest is the user's.
            keep = leg.mlk_user - (legs[1].mlk_user if len(legs) == 2 else 0)
            lines = [Line(PENDING, leg.partner, -leg.points), Line(acct.POOL, leg.partner,
                                                                    leg.points),
                     Line(PENDING, MLK, -(leg.fee + keep)), Line(acct.FEES, MLK, leg.fee),
                     Line(user, MLK, keep)]
        else:
            lines = [Line(PENDING, MLK, -leg.mlk_user), Line(acct.POOL, MLK, leg.mlk_pool),
                     Line(acct.FEES, MLK, leg.fee), Line(PENDING, leg.partner, -leg.points)]
            lines += [Line(user, leg.partner, move.points, NewLot(move.expires_on, move.ref))
                      for move in op.lots]
        detail = {"conversion": row.conversion, "key": row.key, "partner": row.partner,
                  "member": row.member_id, "points": str(row.points), "from": memo["from"],
                  "to": memo["to"], "price": memo["price"], "partner_seq": op.seq,
                  "applied_at": iso(op.applied_at) if op.applied_at else None,
                  "lots": [[m.ref, str(m.points), m.expires_on.isoformat()] for m in op.lots]}
        return row.kind, [ln for ln in lines if ln.amount], detail

    def _release(self, hold: Entry, row: PartnerOp) -> list[Line]:
        legs = [tica.TradeLeg.from_dict(x) for x in hold.memo["legs"]]
        leg, user = legs[row.leg], self.ctx.user
        if row.kind == REDEEM:
            lines = [Line(user, line.asset, -line.amount, line.lot_id) for line in hold.lines
                     if line.owner == user and line.asset == leg.partner and line.amount < 0]
            lines += [Line(PENDING, leg.partner, -leg.points),
                      Line(PENDING, MLK, -leg.mlk_pool), Line(acct.POOL, MLK, leg.mlk_pool)]
            legs = legs[1:]  # a swap's issue was never asked for: TICA's points go back
            if not legs:
                return lines
            leg = legs[0]
        else:
            lines = [Line(PENDING, MLK, -leg.mlk_user), Line(user, MLK, leg.mlk_user)]
        return lines + [Line(PENDING, leg.partner, -leg.points),
                        Line(acct.POOL, leg.partner, leg.points)]

    def _note(self, key: str, error: MilkError) -> None:
        """Why an operation is still open, for the one view (its only write)."""
        with self.ctx.db.write() as s:
            row = s.get(PartnerOp, key)
            if row is not None and row.state != DONE:
                row.attempts += 1
                row.last_error = error.message[:300]
                row.updated_at = iso(self.ctx.clock.now())

    def _row(self, conversion: str, leg: int) -> PartnerOp | None:
        with self.ctx.db.read() as s:
            return s.execute(select(PartnerOp).where(PartnerOp.conversion == conversion,
                                                     PartnerOp.leg == leg)).scalar_one_or_none()


def _delivery(s, conversion: str, rows: list[PartnerOp], refusal: MilkError | None) -> Delivery:
    if not rows:
        raise tampered(f"the outbox rows of conversion {conversion} are missing",
                       conversion=conversion)
    waiting = tuple(r.partner for r in sorted(rows, key=lambda r: r.leg) if r.state != DONE)
    if waiting:
        return Delivery("pending", refusal, waiting)
    released = next((r for r in sorted(rows, key=lambda r: r.leg) if r.outcome == VOIDED), None)
    if released is None:
        return Delivery("done", refusal)
    memo = s.execute(select(JournalEntry.memo).where(
        JournalEntry.seq == released.done_seq)).scalar_one()
    return Delivery("released" if released.leg == 0 else "partial", refusal, (),
                    json.loads(memo).get("reason"))


def _check_row(s, row: PartnerOp, hold: Entry | None = None) -> Entry:
    """The row's hold entry, which still hashes right and names exactly this operation (an
    edited row or memo is refused before anything is sent or booked). `hold`: the entry,
    re-hashed by the caller in this transaction."""
    if hold is None:
        hold = AppendGuard(s).entry(row.hold_seq, load=True)
    ops = hold.memo.get("ops") if hold.kind in HOLD_KINDS else None
    spec = ops[row.leg] if isinstance(ops, list) and 0 <= row.leg < len(ops) else {}
    if (spec.get("key"), spec.get("partner"), spec.get("member"), spec.get("kind"),
            spec.get("points"), hold.memo.get("conversion")) != (
            row.key, row.partner, row.member_id, row.kind, str(row.points), row.conversion):
        raise tampered(f"the outbox row of {row.key} does not match its hold entry "
                       f"#{row.hold_seq}", key=row.key)
    return hold


def _entry_key(op_key: str, outcome: str) -> str:
    return f"partner:{op_key}:{outcome}"


def other_leg_key(row: PartnerOp) -> str:
    """The key of the other leg of `row`'s swap."""
    return row.key.rsplit(".", 1)[0] + (f".{ISSUE}" if row.kind == REDEEM else f".{REDEEM}")


def _collector(into: list[tuple]):
    return lambda *answer: into.append(answer)
