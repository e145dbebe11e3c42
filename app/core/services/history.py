"""The user's history: ledger entries that touched their accounts, newest first, in pages.

Pages are keyset reads on the sequence number (`before_seq` / `after_seq`), so the cost of a
page does not grow with the length of the journal, and every filter (search included) is a
condition in the same SQL query. Nothing here loads a whole table.

Exports: `export_statement` writes a statement a person can read (one row per entry, local time,
partner names, amounts in display units, the KRW value at the time); `export_ledger_csv`
writes the raw postings. Both refuse a target that is a folder, in a missing folder or that
exists (unless `force`), and replace the file whole (temp file, fsync, rename).
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from decimal import Decimal
from pathlib import Path

from sqlalchemy import and_, exists, or_, select

from app.core.clock import iso, parse_iso
from app.core.errors import InputError
from app.core.files import atomic_write, check_target
from app.core.history_filter import HistoryFilter, kind_name, kinds_named
from app.core.ledger.schema import Account, JournalEntry, Posting, PriceRecord
from app.core.money import (
    MLK,
    MLK_UNIT,
    format_amount,
    format_krw,
    parse_mlk,
    parse_points,
    plain_amount,
)
from app.core.services.context import Context

KINDS = ("genesis", "reward", "sync", "sell", "buy", "swap", "redeem", "issue", "release",
         "unlink", "expire", "withdraw", "withdraw_settle", "withdraw_reverse", "deposit")
MAX_PAGE = 1000
CHAIN_KINDS = ("withdraw", "withdraw_settle", "withdraw_reverse", "deposit")
_HASH_PREFIX = re.compile(r"^[0-9a-f]{4,64}$")
_SEQ = re.compile(r"^#([0-9]{1,18})$")
_UNIT = re.compile(r"\s*(mlk|pts|pt|p|points|포인트)$", re.IGNORECASE)

STATEMENT_HEADERS = {
    "en": ["Entry", "Date and time", "Type", "Partner", "You gave", "You received",
           "Fee (MLK)", "Value (KRW)", "MLK price (KRW)", "Receipt"],
    "ko": ["번호", "일시", "유형", "제휴사", "보낸 것", "받은 것", "수수료 (MLK)", "가치 (원)",
           "MLK 가격 (원)", "영수증"],
}
LEDGER_HEADERS = ["seq", "created_at", "kind", "idem_key", "account", "asset", "amount",
                  "units", "lot_id", "hash", "prev_hash"]


@dataclass(frozen=True)
class HistoryRow:
    seq: int
    kind: str
    created_at: str
    changes: dict[str, int]  # the user's net change per asset
    memo: dict = field(hash=False)
    hash: str = ""
    chain_key: str | None = None  # withdrawals/deposits: equals ChainRow.ledger_key
    tx_hash: str | None = None  # the chain transaction it holds, settles or credits

    @property
    def when(self) -> datetime:
        return parse_iso(self.created_at)


@dataclass(frozen=True)
class ChainRow:
    """A transaction this profile signed, as stored (no node needed to list it)."""

    id: int
    kind: str
    created_at: str
    sender: str
    recipient: str
    amount: int
    status: str
    tx_hash: str
    note: str | None
    ledger_key: str | None = None  # the ledger entries of the same withdrawal or deposit


class HistoryService:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def chain_page(self, before_id: int | None = None, limit: int = 100,
                   flt: HistoryFilter | None = None) -> list[ChainRow]:
        """The profile's on-chain transactions, newest first, from the database alone."""
        from app.core.chain.records import ChainTx

        flt = flt or HistoryFilter()
        q = select(ChainTx)
        if before_id is not None:
            q = q.where(ChainTx.id < before_id)
        if flt.since:
            q = q.where(ChainTx.created_at >= iso(flt.since))
        if flt.until:
            q = q.where(ChainTx.created_at < iso(flt.until))
        if flt.text:
            needle = f"%{flt.text.strip().lower()}%"
            q = q.where((ChainTx.tx_hash.like(needle)) | (ChainTx.recipient.ilike(needle)) |
                        (ChainTx.note.ilike(needle)))
        with self.ctx.db.read() as s:
            rows = s.execute(q.order_by(ChainTx.id.desc()).limit(max(1, min(limit, MAX_PAGE))))
            return [ChainRow(r.id, r.kind, r.created_at, r.sender, r.recipient, r.amount,
                             r.status, r.tx_hash, r.note, r.ledger_key) for r in rows.scalars()]

    def chain_for(self, ledger_keys: set[str]) -> dict[str, ChainRow]:
        """The latest chain transaction of each withdrawal or deposit (by its ledger key), so
        a history shows the two parts of one transfer as one item."""
        from app.core.chain.records import ChainTx

        if not ledger_keys:
            return {}
        with self.ctx.db.read() as s:
            rows = s.execute(select(ChainTx).where(ChainTx.ledger_key.in_(sorted(ledger_keys)))
                             .order_by(ChainTx.id))
            return {r.ledger_key: ChainRow(r.id, r.kind, r.created_at, r.sender, r.recipient,
                                           r.amount, r.status, r.tx_hash, r.note, r.ledger_key)
                    for r in rows.scalars()}

    def page(self, before_seq: int | None = None, after_seq: int | None = None,
             limit: int = 100, flt: HistoryFilter | None = None) -> list[HistoryRow]:
        """Up to `limit` rows newest first, older than `before_seq` (or, with `after_seq`,
        the oldest rows newer than it, still returned newest first)."""
        limit = max(1, min(limit, MAX_PAGE))
        flt = flt or HistoryFilter()
        with self.ctx.db.read() as s:
            accounts = {a.id: a.asset for a in s.execute(select(Account).where(
                Account.owner == self.ctx.user)).scalars()}
            mine = [i for i, asset in accounts.items() if flt.asset in (None, asset)]
            if not mine:
                return []
            q = select(JournalEntry).where(_touches(mine))
            if before_seq is not None:
                q = q.where(JournalEntry.seq < before_seq)
            if after_seq is not None:
                q = q.where(JournalEntry.seq > after_seq)
            if flt.kinds:
                q = q.where(JournalEntry.kind.in_(flt.kinds))
            if flt.since:
                q = q.where(JournalEntry.created_at >= iso(flt.since))
            if flt.until:
                q = q.where(JournalEntry.created_at < iso(flt.until))
            if flt.text and flt.text.strip():
                q = q.where(self._search(flt.text.strip(), accounts))
            order = JournalEntry.seq.asc() if after_seq is not None else JournalEntry.seq.desc()
            rows = list(s.execute(q.order_by(order).limit(limit)).scalars())
            if after_seq is not None:
                rows.reverse()
            changes: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
            if rows:
                for seq, asset, amount in s.execute(
                        select(Posting.seq, Account.asset, Posting.amount)
                        .join(Account, Account.id == Posting.account_id)
                        .where(Posting.seq.in_([r.seq for r in rows]),
                               Account.owner == self.ctx.user)):
                    changes[seq][asset] += amount
        return [_row(r, changes[r.seq]) for r in rows]

    def _search(self, text: str, accounts: dict[int, str]):
        """One SQL condition for what a person types: any of the details, a kind's words,
        a partner's name in either language, an amount, `#seq`, or a receipt's hash prefix."""
        needle = text.casefold()
        found = [JournalEntry.memo.contains(text, autoescape=True)]
        kinds = kinds_named(text)
        if kinds:
            found.append(JournalEntry.kind.in_(kinds))
        codes = {p.code for p in self.ctx.catalog if any(
            needle in name.casefold() for name in (p.code, p.name_en, p.name_ko))}
        partner_accounts = [i for i, asset in accounts.items() if asset in codes]
        if partner_accounts:
            found.append(_touches(partner_accounts))
        amounts = _amounts(text)
        if amounts:
            found.append(or_(*(JournalEntry.memo.contains(f'"{units}"') for units in amounts)))
            found.append(exists().where(and_(
                Posting.seq == JournalEntry.seq, Posting.account_id.in_(list(accounts)),
                Posting.amount.in_([sign * u for u in amounts for sign in (1, -1)]))))
        digest = text.lower().lstrip("#").rstrip("…. ")
        if _HASH_PREFIX.match(digest):
            found.append(JournalEntry.hash.like(f"{digest}%"))
        seq = _SEQ.match(text)
        if seq:
            found.append(JournalEntry.seq == int(seq.group(1)))
        return or_(*found)

    def iter_all(self, flt: HistoryFilter | None = None, page: int = 500) -> Iterator[HistoryRow]:
        before = None
        while True:
            rows = self.page(before_seq=before, limit=page, flt=flt)
            yield from rows
            if len(rows) < page:
                return
            before = rows[-1].seq

    # -- exports ---------------------------------------------------------------------------------
    def export_statement(self, path: Path, flt: HistoryFilter | None = None, lang: str = "en",
                         force: bool = False, tz: tzinfo | None = None) -> int:
        """The statement: one row per entry, newest first, in `lang` ("en" or "ko"), times in
        `tz` (default: this computer's zone). Returns the number of entries written."""
        if lang not in STATEMENT_HEADERS:
            raise InputError("The statement language is en or ko.", code="bad_lang")
        target = check_target(Path(path), force)
        prices = _PriceAt(self.ctx)

        def rows(out):
            out.writerow(STATEMENT_HEADERS[lang])
            for row in self.iter_all(flt):
                out.writerow(self._statement_row(row, lang, tz, prices))
                yield

        return _write_csv(target, rows, "utf-8-sig")  # the BOM lets spreadsheets read Korean

    def export_ledger_csv(self, path: Path, flt: HistoryFilter | None = None,
                          force: bool = False) -> int:
        """The raw ledger: every posting of every entry the statement lists, UTC times, exact
        amounts, keys and hashes (each entry's rows sum to zero per asset)."""
        target = check_target(Path(path), force)

        def rows(out):
            out.writerow(LEDGER_HEADERS)
            batch: list[HistoryRow] = []
            for row in self.iter_all(flt):
                batch.append(row)
                if len(batch) == 500:
                    yield from self._posting_rows(out, batch)
                    batch = []
            yield from self._posting_rows(out, batch)

        return _write_csv(target, rows, "utf-8")

    def export_csv(self, path: Path, flt: HistoryFilter | None = None) -> int:
        """What the Activity page's Export button calls today (its file dialog has already
        asked about replacing): the ledger export. The button moves to export_statement."""
        return self.export_ledger_csv(path, flt, force=True)

    def _posting_rows(self, out, batch: list[HistoryRow]):
        if not batch:
            return
        by_seq: dict[int, list] = defaultdict(list)
        with self.ctx.db.read() as s:
            keys = dict(s.execute(select(JournalEntry.seq, JournalEntry.idem_key).where(
                JournalEntry.seq.in_([r.seq for r in batch]))).all())
            prev = dict(s.execute(select(JournalEntry.seq, JournalEntry.prev_hash).where(
                JournalEntry.seq.in_([r.seq for r in batch]))).all())
            for p in s.execute(select(Posting.seq, Account.owner, Account.asset, Posting.amount,
                                      Posting.lot_id)
                               .join(Account, Account.id == Posting.account_id)
                               .where(Posting.seq.in_([r.seq for r in batch]))
                               .order_by(Posting.seq, Posting.idx)):
                by_seq[p.seq].append(p)
        for row in batch:
            for p in by_seq[row.seq]:
                out.writerow([row.seq, row.created_at, row.kind, keys[row.seq], p.owner, p.asset,
                              plain_amount(p.asset, p.amount), p.amount,
                              "" if p.lot_id is None else p.lot_id, row.hash, prev[row.seq]])
            yield

    def _statement_row(self, row: HistoryRow, lang: str, tz: tzinfo | None,
                       prices: _PriceAt) -> list[str]:
        when = row.when.astimezone(tz)
        offset = when.strftime("%z")
        stamp = f"{when:%Y-%m-%d %H:%M:%S} {offset[:3]}:{offset[3:]}"
        catalog = self.ctx.catalog
        partners = [catalog.known_or_placeholder(a).name(lang) for a in _partner_order(row)]
        gave = [format_amount(a, -v, lang) for a, v in sorted(row.changes.items()) if v < 0]
        got = [format_amount(a, v, lang) for a, v in sorted(row.changes.items()) if v > 0]
        fee = row.memo.get("fee") if row.kind in ("sell", "buy", "swap") else None
        price = Decimal(row.memo["price"]) if "price" in row.memo else prices.at(row.created_at)
        value = _value(row.changes, price, catalog)
        return [str(row.seq), stamp, kind_name(row.kind, lang), " → ".join(partners),
                " + ".join(gave), " + ".join(got),
                plain_amount(MLK, int(fee)) if fee else "",
                format_krw(value, lang) if value is not None else "",
                str(price) if price is not None else "", row.hash]


def _row(r: JournalEntry, changes: dict[str, int]) -> HistoryRow:
    memo = json.loads(r.memo)
    chain_key = None
    if r.kind in CHAIN_KINDS:
        chain_key = r.idem_key.removesuffix(":settled").removesuffix(":reversed")
    return HistoryRow(r.seq, r.kind, r.created_at, {a: v for a, v in changes.items() if v},
                      memo, r.hash, chain_key, memo.get("tx_hash"))


def _touches(account_ids: list[int]):
    return exists().where(and_(Posting.seq == JournalEntry.seq,
                               Posting.account_id.in_(account_ids)))


def _amounts(text: str) -> set[int]:
    """The minor units `text` may mean as an amount (points, or MLK), or nothing."""
    number = _UNIT.sub("", text.replace("₩", "").strip())
    out = set()
    for parse in (parse_points, parse_mlk):
        try:
            out.add(parse(number))
        except InputError:
            pass
    return out


def _partner_order(row: HistoryRow) -> list[str]:
    """Partners an entry moved, the one given first (Yanolja → Delicar)."""
    points = [(v, a) for a, v in row.changes.items() if a != MLK]
    if not points and row.memo.get("partner"):  # a partner's answer that paid only MLK
        return [row.memo["partner"]]
    return [a for _, a in sorted(points)]


def _value(changes: dict[str, int], price: Decimal | None, catalog) -> Decimal | None:
    """KRW value of what moved: MLK at the price of the time, else points at face value."""
    mlk = changes.get(MLK)
    if mlk:
        return abs(Decimal(mlk)) * price / MLK_UNIT if price is not None else None
    points = [(a, v) for a, v in changes.items() if a != MLK and a in catalog]
    if not points:
        return None
    return sum((catalog.get(a).face_value_krw * abs(v) for a, v in points), Decimal(0))


class _PriceAt:
    """The newest stored MLK price at or before a moment (one indexed read per lookup)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx

    def at(self, created_at: str) -> Decimal | None:
        with self.ctx.db.read() as s:
            value = s.execute(select(PriceRecord.krw_per_mlk)
                              .where(PriceRecord.as_of <= created_at)
                              .order_by(PriceRecord.as_of.desc()).limit(1)).scalar()
        return Decimal(value) if value is not None else None


def _write_csv(target: Path, rows, encoding: str) -> int:
    """Write the rows `rows(writer)` yields (one yield per entry) atomically; the count."""
    count = 0

    def write(f):
        nonlocal count
        text = io.TextIOWrapper(f, encoding=encoding, newline="")
        out = csv.writer(text)
        for _ in rows(out):
            count += 1
        text.flush()
        text.detach()  # atomic_write still owns (and fsyncs) the file

    atomic_write(target, write)
    return count
