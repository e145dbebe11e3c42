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
    # Plain tuples by position, not ORM objects nor named access: on a long journal the
    # per-row overhead costs more than hashing (see the README's verify profile).
    accounts = {a[0]: (a[1], a[2], a[3], acct.allows_negative(a[1])) for a in session.execute(
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
    entries = select(JournalEntry.seq, JournalEntry.kind, JournalEntry.idem_key,
                     JournalEntry.params_hash, JournalEntry.created_at, JournalEntry.memo,
                     JournalEntry.prev_hash, JournalEntry.hash, JournalEntry.format)
    for e in _stream(session, entries.order_by(JournalEntry.seq)):
        seq, fmt = e[0], e[8]
        lines = []
        while pending is not None and pending[0] < seq:
            report.add(pending[0], "posting belongs to no entry")
            pending = next(postings, None)
        while pending is not None and pending[0] == seq:
            lines.append(pending)
            pending = next(postings, None)
        report.entries += 1
        report.postings += len(lines)
        if fmt not in FORMATS or fmt < prev_format:
            report.add(seq, f"entry format {fmt!r} is not one this ledger can have here")
        canon = _check_entry(report, e, lines, accounts, lots, expected_seq, prev_hash,
                             running, lot_sums)
        if fmt == 2 and canon is not None:
            _check_running_values(report, seq, canon, running, lot_sums)
        prev_hash, expected_seq = e[7], seq + 1
        prev_format = fmt if fmt in FORMATS else prev_format
        report.head_seq, report.head_hash = seq, e[7]
    while pending is not None:
        report.add(pending[0], "posting belongs to no entry")
        pending = next(postings, None)

    _check_projections(session, report, accounts, lots, running, lot_sums)


def _check_entry(report: VerifyReport, e, lines, accounts, lots, expected_seq: int,
                 prev_hash: str, running, lot_sums):
    """Chain link, balance and hash of one entry; applies its postings to the running sums.
    Returns the hashed posting tuples, or None when a stored value is malformed.
    `e` is (seq, kind, key, params, at, memo, prev_hash, hash, format); each line (seq, idx,
    account, amount, lot, balance_after, lot_after)."""
    seq = e[0]
    if seq != expected_seq:
        report.add(seq, f"sequence jumps from {expected_seq - 1} to {seq} (entries missing)")
    if e[6] != prev_hash:
        report.add(seq, "previous-hash link is broken")
    if not lines:
        report.add(seq, "entry has no postings")
    totals: dict[str, int] = {}
    canon = []
    malformed = False
    for p in lines:
        _s, idx, account_id, raw_amount, lot_id, raw_balance, raw_lot = p
        amount, balance_after, lot_after = (_int(raw_amount), _int(raw_balance),
                                            _int(raw_lot))
        if amount is None or (raw_balance is not None and balance_after is None) or \
                (raw_lot is not None and lot_after is None):
            report.add(seq, f"posting {idx} holds a malformed amount")
            malformed = True
            continue
        account = accounts.get(account_id)
        if account is None:
            report.add(seq, f"posting to unknown account {account_id}")
            malformed = True
            continue
        owner, asset = account[0], account[1]
        totals[asset] = totals.get(asset, 0) + amount
        terms = None
        if lot_id is not None:
            lot = lots.get(lot_id)
            if lot is None:
                report.add(seq, f"posting {idx} names lot {lot_id}, which does not exist")
            elif lot.created_seq == seq:
                terms = lot_terms(lot)
            lot_sums[lot_id] += amount
        canon.append((owner, asset, amount, lot_id, balance_after, lot_after, terms,
                      account_id))
        balance = running[account_id] = running[account_id] + amount
        if balance < 0 and not account[3]:
            report.add(seq, f"{owner} {asset} goes negative")
    for asset, total in totals.items():
        if total:
            report.add(seq, f"postings in {asset} do not balance (off by {total})")
    try:
        digest = chain_hash(e[6], entry_bytes(seq, e[1], e[2], e[3], e[4], e[5],
                                              [c[:7] for c in canon], e[8]))
    except (TypeError, ValueError, AttributeError):
        digest = None
    if digest is None:
        report.add(seq, "the entry holds a malformed value (it cannot be hashed)")
    elif digest != e[7]:
        report.add(seq, "hash does not match the entry's contents (edited)")
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
            name = f"{a[0]} {a[1]}" if a else f"account {account_id}"
            report.add(None, f"balance of {name} is {stored.get(account_id)} but the journal "
                             f"gives {derived}")
    for owner, asset, allow_negative, allowed in accounts.values():
        if bool(allow_negative) != allowed:
            report.add(None, f"account {owner} {asset} is marked as allowed to go negative")
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
    """Rows in pages (a server-side cursor on PostgreSQL), through Core: no ORM loading."""
    result = session.connection().execution_options(stream_results=True,
                                                    max_row_buffer=BATCH).execute(query)
    return (row for page in result.partitions(BATCH) for row in page)
