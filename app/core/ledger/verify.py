"""Re-walk the whole journal: hash chain, balance of every entry, and every projection.

Reads entries and postings as two ordered streams in pages, so memory stays flat however
long the journal is. Reports each fault with the sequence number where it shows.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.ledger.canonical import GENESIS_HASH, chain_hash, entry_bytes
from app.core.ledger.schema import Account, Balance, ChainHead, JournalEntry, Lot, Posting

MAX_PROBLEMS = 50
BATCH = 5000


@dataclass(frozen=True)
class Problem:
    seq: int | None  # the entry where the fault shows; None for a projection fault
    what: str

    def __str__(self) -> str:
        return f"#{self.seq}: {self.what}" if self.seq is not None else self.what


@dataclass
class VerifyReport:
    entries: int = 0
    postings: int = 0
    accounts: int = 0
    head_seq: int = 0
    head_hash: str = GENESIS_HASH
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad_seq(self) -> int | None:
        seqs = [p.seq for p in self.problems if p.seq is not None]
        return min(seqs) if seqs else None

    def add(self, seq: int | None, what: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(seq, what))


def verify(session: Session) -> VerifyReport:
    report = VerifyReport()
    accounts = {a.id: a for a in session.execute(select(Account)).scalars()}
    report.accounts = len(accounts)
    running: dict[int, int] = defaultdict(int)
    lot_sums: dict[int, int] = defaultdict(int)

    postings = _stream(session, select(Posting.seq, Posting.idx, Posting.account_id,
                                       Posting.amount, Posting.lot_id)
                       .order_by(Posting.seq, Posting.idx))
    pending = next(postings, None)
    prev_hash, expected_seq = GENESIS_HASH, 1
    # Plain rows, not ORM objects: on a long journal the identity map costs more than hashing.
    entries = select(JournalEntry.seq, JournalEntry.kind, JournalEntry.idem_key,
                     JournalEntry.params_hash, JournalEntry.created_at, JournalEntry.memo,
                     JournalEntry.prev_hash, JournalEntry.hash)
    for e in _stream(session, entries.order_by(JournalEntry.seq)):
        lines = []
        while pending is not None and pending.seq < e.seq:
            report.add(pending.seq, "posting belongs to no entry")
            pending = next(postings, None)
        while pending is not None and pending.seq == e.seq:
            lines.append(pending)
            pending = next(postings, None)
        report.entries += 1
        report.postings += len(lines)
        _check_entry(report, e, lines, accounts, expected_seq, prev_hash)
        for p in lines:
            running[p.account_id] += p.amount
            if p.lot_id is not None:
                lot_sums[p.lot_id] += p.amount
            account = accounts.get(p.account_id)
            if account and not account.allow_negative and running[p.account_id] < 0:
                report.add(e.seq, f"{account.owner} {account.asset} goes negative")
        prev_hash, expected_seq = e.hash, e.seq + 1
        report.head_seq, report.head_hash = e.seq, e.hash
    while pending is not None:
        report.add(pending.seq, "posting belongs to no entry")
        pending = next(postings, None)

    _check_projections(session, report, accounts, running, lot_sums)
    return report


def _check_entry(report: VerifyReport, e, lines, accounts, expected_seq: int,
                 prev_hash: str) -> None:
    if e.seq != expected_seq:
        report.add(e.seq, f"sequence jumps from {expected_seq - 1} to {e.seq} (entries missing)")
    if e.prev_hash != prev_hash:
        report.add(e.seq, "previous-hash link is broken")
    if not lines:
        report.add(e.seq, "entry has no postings")
    totals: dict[str, int] = defaultdict(int)
    canon = []
    for p in lines:
        account = accounts.get(p.account_id)
        if account is None:
            report.add(e.seq, f"posting to unknown account {p.account_id}")
            continue
        totals[account.asset] += p.amount
        canon.append((account.owner, account.asset, p.amount, p.lot_id))
    for asset, total in totals.items():
        if total:
            report.add(e.seq, f"postings in {asset} do not balance (off by {total})")
    digest = chain_hash(e.prev_hash, entry_bytes(e.seq, e.kind, e.idem_key, e.params_hash,
                                                 e.created_at, e.memo, canon))
    if digest != e.hash:
        report.add(e.seq, "hash does not match the entry's contents (edited)")


def _check_projections(session: Session, report: VerifyReport, accounts, running, lot_sums):
    stored = dict(session.execute(select(Balance.account_id, Balance.amount)).all())
    for account_id in set(stored) | {k for k, v in running.items() if v}:
        derived, kept = running.get(account_id, 0), stored.get(account_id, 0)
        if derived != kept:
            a = accounts.get(account_id)
            name = f"{a.owner} {a.asset}" if a else f"account {account_id}"
            report.add(None, f"balance of {name} is {kept} but the journal gives {derived}")
    for lot in session.execute(select(Lot)).scalars():
        derived = lot_sums.get(lot.id, 0)
        if derived != lot.remaining:
            report.add(None, f"lot {lot.id} ({lot.partner}) shows {lot.remaining} points left "
                             f"but the journal gives {derived}")
    head = session.get(ChainHead, 1)
    if head is None or head.seq != report.head_seq or head.hash != report.head_hash:
        report.add(None, "chain head does not point at the last entry")


def _stream(session: Session, query):
    return iter(session.execute(query.execution_options(yield_per=BATCH)))
