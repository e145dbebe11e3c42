"""Re-walk the whole journal: hash chain, balance of every entry, and every projection.

Reads entries and postings as two ordered streams in pages, so memory stays flat however
long the journal is. Reports each fault with the sequence number where it shows — a stored
value that is not what the schema says (a damaged or forged row) included, never a crash.
Format-2 entries also carry each account's running balance and each lot's remainder; those
must be exactly what the walk derives.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import String, select, type_coerce
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.core.ledger import accounts as acct
from app.core.ledger.canonical import FORMATS, GENESIS_HASH, chain_hash, entry_bytes
from app.core.ledger.guard import lot_terms
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
    # Whether the head is anchored outside the file (signed checkpoint + keyring witness),
    # and what the checkpoint and witness say; see ledger.notary.
    anchored: bool = False
    anchor_note: str = "not checked"
    checkpoint_seq: int | None = None
    witness_seq: int | None = None
    notes: list[str] = field(default_factory=list)  # checks that could not run, and why

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
    try:
        _walk(session, report)
    except DBAPIError as exc:  # the file gives out part-way ("malformed", I/O error)
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        report.add(report.head_seq + 1, f"the database cannot be read past entry "
                                        f"#{report.head_seq}: {reason}")
    return report


def _walk(session: Session, report: VerifyReport) -> None:
    accounts = {a.id: a for a in session.execute(
        select(Account.id, Account.owner, Account.asset, Account.allow_negative))}
    report.accounts = len(accounts)
    lots = {lot.id: lot for lot in session.execute(
        select(Lot.id, Lot.owner, Lot.partner, Lot.expires_on, Lot.source_ref, Lot.created_seq,
               type_coerce(Lot.remaining, String).label("remaining")))}
    running: dict[int, int] = defaultdict(int)
    lot_sums: dict[int, int] = defaultdict(int)

    # Amounts come back as stored (text on SQLite), so a malformed one is named, not raised.
    postings = _stream(session, select(
        Posting.seq, Posting.idx, Posting.account_id, type_coerce(Posting.amount, String),
        Posting.lot_id, type_coerce(Posting.balance_after, String),
        type_coerce(Posting.lot_after, String)).order_by(Posting.seq, Posting.idx))
    pending = next(postings, None)
    prev_hash, expected_seq, prev_format = GENESIS_HASH, 1, 1
    # Plain rows, not ORM objects: on a long journal the identity map costs more than hashing.
    entries = select(JournalEntry.seq, JournalEntry.kind, JournalEntry.idem_key,
                     JournalEntry.params_hash, JournalEntry.created_at, JournalEntry.memo,
                     JournalEntry.prev_hash, JournalEntry.hash, JournalEntry.format)
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
        if e.format not in FORMATS or e.format < prev_format:
            report.add(e.seq, f"entry format {e.format!r} is not one this ledger can have here")
        canon = _check_entry(report, e, lines, accounts, lots, expected_seq, prev_hash,
                             running, lot_sums)
        if e.format == 2 and canon is not None:
            _check_running_values(report, e.seq, canon, running, lot_sums)
        prev_hash, expected_seq = e.hash, e.seq + 1
        prev_format = e.format if e.format in FORMATS else prev_format
        report.head_seq, report.head_hash = e.seq, e.hash
    while pending is not None:
        report.add(pending.seq, "posting belongs to no entry")
        pending = next(postings, None)

    _check_projections(session, report, accounts, lots, running, lot_sums)


def _check_entry(report: VerifyReport, e, lines, accounts, lots, expected_seq: int,
                 prev_hash: str, running, lot_sums):
    """Chain link, balance and hash of one entry; applies its postings to the running sums.
    Returns the hashed posting tuples, or None when a stored value is malformed."""
    if e.seq != expected_seq:
        report.add(e.seq, f"sequence jumps from {expected_seq - 1} to {e.seq} (entries missing)")
    if e.prev_hash != prev_hash:
        report.add(e.seq, "previous-hash link is broken")
    if not lines:
        report.add(e.seq, "entry has no postings")
    totals: dict[str, int] = defaultdict(int)
    canon = []
    malformed = False
    for p in lines:
        amount, balance_after, lot_after = (_int(p[3]), _int(p[5]), _int(p[6]))
        if amount is None or (p[5] is not None and balance_after is None) or \
                (p[6] is not None and lot_after is None):
            report.add(e.seq, f"posting {p.idx} holds a malformed amount")
            malformed = True
            continue
        account = accounts.get(p.account_id)
        if account is None:
            report.add(e.seq, f"posting to unknown account {p.account_id}")
            malformed = True
            continue
        totals[account.asset] += amount
        lot = lots.get(p.lot_id)
        if p.lot_id is not None and lot is None:
            report.add(e.seq, f"posting {p.idx} names lot {p.lot_id}, which does not exist")
        terms = lot_terms(lot) if lot is not None and lot.created_seq == e.seq else None
        canon.append((account.owner, account.asset, amount, p.lot_id, balance_after,
                      lot_after, terms, p.account_id))
        running[p.account_id] += amount
        if p.lot_id is not None:
            lot_sums[p.lot_id] += amount
        if running[p.account_id] < 0 and not acct.allows_negative(account.owner):
            report.add(e.seq, f"{account.owner} {account.asset} goes negative")
    for asset, total in totals.items():
        if total:
            report.add(e.seq, f"postings in {asset} do not balance (off by {total})")
    try:
        digest = chain_hash(e.prev_hash, entry_bytes(
            e.seq, e.kind, e.idem_key, e.params_hash, e.created_at, e.memo,
            [c[:7] for c in canon], e.format))
    except (TypeError, ValueError, AttributeError):
        digest = None
    if digest is None:
        report.add(e.seq, "the entry holds a malformed value (it cannot be hashed)")
    elif digest != e.hash:
        report.add(e.seq, "hash does not match the entry's contents (edited)")
    return None if malformed else canon


def _check_running_values(report: VerifyReport, seq: int, canon, running, lot_sums) -> None:
    """The running values a format-2 entry carries are what the walk derived. Postings are
    re-played backwards from the entry's end state, so repeated accounts and lots line up."""
    balance = {c[7]: running[c[7]] for c in canon}
    remainder = {c[3]: lot_sums[c[3]] for c in canon if c[3] is not None}
    for owner, asset, amount, lot_id, balance_after, lot_after, _terms, account_id in \
            reversed(canon):
        if balance_after != balance[account_id]:
            report.add(seq, f"the running balance of {owner} {asset} is {balance_after}, the "
                            f"journal gives {balance[account_id]}")
        balance[account_id] -= amount
        if lot_id is not None:
            if lot_after != remainder[lot_id]:
                report.add(seq, f"lot {lot_id} shows {lot_after} points left after this entry, "
                                f"the journal gives {remainder[lot_id]}")
            remainder[lot_id] -= amount


def _check_projections(session: Session, report: VerifyReport, accounts, lots, running,
                       lot_sums):
    stored = dict(session.execute(select(Balance.account_id,
                                         type_coerce(Balance.amount, String))).all())
    for account_id in set(stored) | {k for k, v in running.items() if v}:
        derived, kept = running.get(account_id, 0), _int(stored.get(account_id, 0))
        if derived != kept:
            a = accounts.get(account_id)
            name = f"{a.owner} {a.asset}" if a else f"account {account_id}"
            report.add(None, f"balance of {name} is {stored.get(account_id)} but the journal "
                             f"gives {derived}")
    for a in accounts.values():
        if bool(a.allow_negative) != acct.allows_negative(a.owner):
            report.add(None, f"account {a.owner} {a.asset} is marked as allowed to go negative")
    for lot in lots.values():
        derived = lot_sums.get(lot.id, 0)
        if derived != _int(lot.remaining):
            report.add(None, f"lot {lot.id} ({lot.partner}) shows {lot.remaining} points left "
                             f"but the journal gives {derived}")
    head = session.get(ChainHead, 1)
    if head is None or head.seq != report.head_seq or head.hash != report.head_hash:
        report.add(None, "chain head does not point at the last entry")


def _int(value) -> int | None:
    """An exact integer from a stored amount, or None when it is not one."""
    if type(value) is str:
        try:
            return int(value)
        except ValueError:
            return None
    if type(value) is int:
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return None


def _stream(session: Session, query):
    return iter(session.execute(query.execution_options(yield_per=BATCH)))
