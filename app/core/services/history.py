"""The user's history: ledger entries that touched their accounts, newest first, in pages.

Pages are keyset reads on the sequence number (`before_seq` / `after_seq`), so the cost of a
page does not grow with the length of the journal. Nothing here loads a whole table.
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import and_, exists, select

from app.core.clock import iso
from app.core.history_filter import HistoryFilter
from app.core.ledger.schema import Account, JournalEntry, Posting
from app.core.money import plain_amount
from app.core.services.context import Context

KINDS = ("genesis", "reward", "sync", "sell", "buy", "swap", "expire", "withdraw",
         "withdraw_settle", "withdraw_reverse", "deposit")
MAX_PAGE = 1000


@dataclass(frozen=True)
class HistoryRow:
    seq: int
    kind: str
    created_at: str
    changes: dict[str, int]  # the user's net change per asset
    memo: dict = field(hash=False)
    hash: str = ""


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
                             r.status, r.tx_hash, r.note) for r in rows.scalars()]

    def page(self, before_seq: int | None = None, after_seq: int | None = None,
             limit: int = 100, flt: HistoryFilter | None = None) -> list[HistoryRow]:
        """Up to `limit` rows newest first, older than `before_seq` (or, with `after_seq`,
        the oldest rows newer than it, still returned newest first)."""
        limit = max(1, min(limit, MAX_PAGE))
        flt = flt or HistoryFilter()
        with self.ctx.db.read() as s:
            mine = [a.id for a in s.execute(select(Account).where(
                Account.owner == self.ctx.user)).scalars()
                if flt.asset is None or a.asset == flt.asset]
            if not mine:
                return []
            touches = exists().where(and_(Posting.seq == JournalEntry.seq,
                                          Posting.account_id.in_(mine)))
            q = select(JournalEntry).where(touches)
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
            if flt.text:
                q = q.where(JournalEntry.memo.contains(flt.text.strip(), autoescape=True))
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
        return [HistoryRow(r.seq, r.kind, r.created_at,
                           {a: v for a, v in changes[r.seq].items() if v},
                           json.loads(r.memo), r.hash) for r in rows]

    def iter_all(self, flt: HistoryFilter | None = None, page: int = 500) -> Iterator[HistoryRow]:
        before = None
        while True:
            rows = self.page(before_seq=before, limit=page, flt=flt)
            yield from rows
            if len(rows) < page:
                return
            before = rows[-1].seq

    def export_csv(self, path: Path, flt: HistoryFilter | None = None) -> int:
        """One line per asset change; returns the number of entries written."""
        count = 0
        tmp = Path(path).with_name(Path(path).name + ".part")
        with open(tmp, "w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow(["seq", "created_at", "kind", "asset", "amount", "details", "hash"])
            for row in self.iter_all(flt):
                details = json.dumps(row.memo, ensure_ascii=False, sort_keys=True)
                for asset, amount in sorted(row.changes.items()) or [("", 0)]:
                    out.writerow([row.seq, row.created_at, row.kind, asset,
                                  plain_amount(asset, amount) if asset else "", details, row.hash])
                count += 1
        tmp.replace(path)  # a crash mid-export never leaves a truncated file under the name
        return count
