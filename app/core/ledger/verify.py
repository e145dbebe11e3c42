"""Re-walk the whole journal: hash chain, balance of every entry, and every projection.

Reads entries and postings as two ordered streams in pages, so memory stays flat however
long the journal is. Reports each fault with the sequence number where it shows — a stored
value that is not what the schema says (a damaged or forged row) included, never a crash.
Format-2 entries also carry each account's running balance and each lot's remainder; those
must be exactly what the walk derives.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain, groupby
from operator import itemgetter

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
    except (DBAPIError, sqlite3.Error) as exc:  # the file gives out part-way ("malformed", I/O)
        orig = exc.orig if isinstance(exc, DBAPIError) else exc
        reason = str(orig).strip().splitlines()[0] if orig else str(exc)
        report.add(report.head_seq + 1, f"the database cannot be read past entry "
                                        f"#{report.head_seq}: {reason}")
    return report


def _walk(session: Session, report: VerifyReport) -> None:
    # Plain tuples by position, not ORM objects nor named access, and every check of an entry
    # in this one loop with its state in locals: on a long journal the per-row overhead
    # costs more than hashing (see the README's verify profile).
    accounts = {a[0]: (a[1], a[2], a[3], acct.allows_negative(a[1])) for a in session.execute(
        select(Account.id, Account.owner, Account.asset, Account.allow_negative))}
    report.accounts = len(accounts)
    lots = {lot.id: lot for lot in session.execute(
        select(Lot.id, Lot.owner, Lot.partner, Lot.expires_on, Lot.source_ref, Lot.created_seq,
               type_coerce(Lot.remaining, String).label("remaining")))}
    running: dict[int, int] = defaultdict(int)
    lot_sums: dict[int, int] = defaultdict(int)

    # Amounts come back as stored (text on SQLite), so a malformed one is named, not raised.
    postings = select(
        Posting.seq, Posting.idx, Posting.account_id, type_coerce(Posting.amount, String),
        Posting.lot_id, type_coerce(Posting.balance_after, String),
        type_coerce(Posting.lot_after, String)).order_by(Posting.seq, Posting.idx)
    entries = select(JournalEntry.seq, JournalEntry.kind, JournalEntry.idem_key,
                     JournalEntry.params_hash, JournalEntry.created_at, JournalEntry.memo,
                     JournalEntry.prev_hash, JournalEntry.hash, JournalEntry.format
                     ).order_by(JournalEntry.seq)
    add, get_account, get_lot = report.add, accounts.get, lots.get
    prev_hash, expected_seq, prev_format = GENESIS_HASH, 1, 1
    count = posted = 0
    with _rows(session, postings) as posting_rows, _rows(session, entries) as entry_rows:
        groups = groupby(posting_rows, key=itemgetter(0))  # each entry's postings, in order
        group = next(groups, None)
        try:
            for seq, kind, key, params, at, memo, link, digest, fmt in entry_rows:
                if group is None or group[0] != seq:  # postings of no entry come first?
                    while group is not None and _sorts_before(group[0], seq):
                        _orphans(add, group[1])
                        group = next(groups, None)
                if group is not None and group[0] == seq:
                    lines = list(group[1])
                    group = next(groups, None)
                else:
                    lines = []
                count += 1
                posted += len(lines)
                if fmt not in FORMATS or fmt < prev_format:
                    add(seq, f"entry format {fmt!r} is not one this ledger can have here")
                if seq != expected_seq:
                    add(seq, f"sequence jumps from {expected_seq - 1} to {seq} "
                             f"(entries missing)")
                if link != prev_hash:
                    add(seq, "previous-hash link is broken")
                if not lines:
                    add(seq, "entry has no postings")

                # Each posting: its values, account and lot; applied to the running sums.
                totals: dict[str, int] = {}
                hashed = []  # (owner, asset, amount, lot, balance_after, lot_after, terms)
                malformed = off = False  # off: a running value is not what the walk derives
                for _s, idx, account_id, raw_amount, lot_id, raw_balance, raw_lot in lines:
                    try:  # decimal text on SQLite: int() here, _exact() for the rest
                        amount = int(raw_amount) if type(raw_amount) is str else \
                            _exact(raw_amount)
                        balance_after = raw_balance if raw_balance is None else \
                            int(raw_balance) if type(raw_balance) is str else _exact(raw_balance)
                        lot_after = raw_lot if raw_lot is None else \
                            int(raw_lot) if type(raw_lot) is str else _exact(raw_lot)
                    except ValueError:
                        add(seq, f"posting {idx} holds a malformed amount")
                        malformed = True
                        continue
                    account = get_account(account_id)
                    if account is None:
                        add(seq, f"posting to unknown account {account_id}")
                        malformed = True
                        continue
                    owner, asset = account[0], account[1]
                    totals[asset] = totals.get(asset, 0) + amount
                    terms = None
                    if lot_id is not None:
                        lot = get_lot(lot_id)
                        if lot is None:
                            add(seq, f"posting {idx} names lot {lot_id}, which does not exist")
                        elif lot.created_seq == seq:
                            terms = lot_terms(lot)
                        remainder = lot_sums[lot_id] = lot_sums[lot_id] + amount
                        if lot_after != remainder:
                            off = True
                    hashed.append((owner, asset, amount, lot_id, balance_after, lot_after,
                                   terms))
                    balance = running[account_id] = running[account_id] + amount
                    if balance < 0 and not account[3]:
                        add(seq, f"{owner} {asset} goes negative")
                    if balance_after != balance:
                        off = True
                for asset, total in totals.items():
                    if total:
                        add(seq, f"postings in {asset} do not balance (off by {total})")
                try:
                    derived = chain_hash(link, entry_bytes(seq, kind, key, params, at, memo,
                                                           hashed, fmt))
                except (TypeError, ValueError, AttributeError):
                    add(seq, "the entry holds a malformed value (it cannot be hashed)")
                else:
                    if derived != digest:
                        add(seq, "hash does not match the entry's contents (edited)")
                if off and fmt == 2 and not malformed:
                    _check_running_values(report, seq, [
                        (*h, line[2]) for h, line in zip(hashed, lines, strict=True)],
                        running, lot_sums)

                prev_hash, expected_seq = digest, seq + 1  # the head so far
                prev_format = fmt if fmt in FORMATS else prev_format
            while group is not None:
                _orphans(add, group[1])
                group = next(groups, None)
        finally:  # also when the file gives out part-way: verify() names where
            report.entries, report.postings = count, posted
            report.head_seq, report.head_hash = expected_seq - 1, prev_hash

    _check_projections(session, report, accounts, lots, running, lot_sums)


def _sorts_before(number, seq: int) -> bool:
    """Whether postings with entry number `number` come before entry `seq` in the database's
    order: NULL first, then numbers, then text and blobs (a forged file can hold any)."""
    return number is None or (type(number) in (int, float) and number < seq)


def _orphans(add, postings) -> None:
    for p in postings:
        if type(p[0]) is int:
            add(p[0], "posting belongs to no entry")
        else:
            add(None, f"posting belongs to no entry (its entry number reads {p[0]!r})")


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
    try:
        return int(value) if type(value) is str else _exact(value)
    except ValueError:
        return None


def _exact(value) -> int:
    """A stored amount that is not text as an exact integer; ValueError when it is not one
    (None, a float, bytes, a NUMERIC NaN or infinity)."""
    if type(value) is int:
        return value
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    raise ValueError(f"not an exact integer: {value!r}")


@contextmanager
def _rows(session: Session, query) -> Iterator[Sequence]:
    """The rows of `query` as plain tuples, read in pages, within the session's transaction.
    On SQLite straight from the driver's cursor (the same SQL, no Row objects: a Row per
    posting costs more than hashing it); elsewhere through Core with a server-side cursor."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        compiled = query.compile(dialect=conn.dialect)
        if compiled.params:
            raise ValueError("the verify queries bind no parameters")
        cursor = conn.connection.driver_connection.cursor()
        try:
            cursor.arraysize = BATCH
            yield cursor.execute(str(compiled))
        finally:
            cursor.close()
        return
    result = conn.execution_options(stream_results=True, max_row_buffer=BATCH).execute(query)
    try:
        yield chain.from_iterable(result.partitions(BATCH))
    finally:
        result.close()
