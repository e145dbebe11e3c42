"""The append guard: before an entry is written, what it builds on must be backed by the
hash-covered journal, never trusted on its own.

Inside the write transaction (chain-head lock held) it checks, with a handful of indexed
reads: the chain head points at the last entry; each touched account's stored balance and
each debited lot's stored remainder equal the running values carried by the latest posting
on it (format 2; a format-1 history is summed once); and every entry those values come from
still hashes to what is stored. A disagreement refuses the write (exit 4) naming what was
altered, whatever happened to the database triggers.
"""
from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import ExternalError
from app.core.ledger.canonical import GENESIS_HASH, chain_hash, entry_bytes
from app.core.ledger.schema import Account, ChainHead, JournalEntry, Lot, Posting
from app.core.money import format_amount


def tampered(what: str, **details) -> ExternalError:
    return ExternalError(
        f"The ledger has been altered outside the app: {what}. Nothing was written. Run "
        "`milk ledger verify` for the details, then restore a verified backup "
        "(`milk restore FILE`).", code="ledger_tampered", details=details)


def lot_terms(lot) -> tuple[str, str | None]:
    """What an entry's hash covers about the lot it creates."""
    return (lot.expires_on, lot.source_ref)


SOUND = "milk_sound_values"  # session.info: what this process already proved (Database)
SOUND_LIMIT = 4096


class AppendGuard:
    def __init__(self, session: Session):
        self.s = session
        self._sound: set[int] = set()  # entries re-hashed in this transaction
        # The values this process proved or wrote — the head (seq, hash), each account's and
        # lot's latest (seq, running value): when the stored value is still the same, its
        # entry need not be re-hashed again; any change to it is re-proved in full.
        self._known: dict = session.info.get(SOUND, {})

    def head(self) -> ChainHead:
        head = self.s.get(ChainHead, 1)
        last = self.s.execute(select(JournalEntry.seq, JournalEntry.hash)
                              .order_by(JournalEntry.seq.desc()).limit(1)).first()
        expected = (last.seq, last.hash) if last else (0, GENESIS_HASH)
        if head is None or (head.seq, head.hash) != expected:
            raise tampered(f"the chain head does not point at the last entry (#{expected[0]})",
                           last_seq=expected[0])
        if last:
            self._prove("head", expected, last.seq)
        return head

    def balances(self, stored: list[tuple[Account, int]]) -> None:
        """`balance` for several accounts, their latest postings read in one statement."""
        if not stored:
            return
        latest_id = (select(Posting.id).where(Posting.account_id == Account.id)
                     .order_by(Posting.seq.desc(), Posting.id.desc()).limit(1)
                     .correlate(Account).scalar_subquery())
        ids = select(latest_id).where(Account.id.in_([a.id for a, _ in stored]))
        latest = {row.account_id: row for row in self.s.execute(
            select(Posting.account_id, Posting.seq, Posting.balance_after)
            .where(Posting.id.in_(ids.scalar_subquery())))}
        for account, amount in stored:
            self.balance(account, amount, latest.get(account.id, False))

    def balance(self, account: Account, stored: int, latest=None) -> None:
        """`latest`: the account's latest posting (seq, balance_after) when already read,
        False when it has none."""
        if latest is None:
            latest = self.s.execute(
                select(Posting.seq, Posting.balance_after).where(Posting.account_id == account.id)
                .order_by(Posting.seq.desc(), Posting.id.desc()).limit(1)).first()
        if not latest:
            expected = 0
        elif latest.balance_after is None:  # last moved before format 2: sum it once
            expected = sum(self.s.execute(select(Posting.amount).where(
                Posting.account_id == account.id)).scalars())
        else:
            expected = latest.balance_after
            self._prove(("account", account.id), (latest.seq, expected), latest.seq)
        if stored != expected:
            raise tampered(
                f"the stored balance of {account.owner} {account.asset} "
                f"({format_amount(account.asset, stored)}) is not the "
                f"{format_amount(account.asset, expected)} its hashed history gives",
                owner=account.owner, asset=account.asset, stored=stored, journal=expected)

    def lot(self, lot: Lot) -> None:
        latest = self.s.execute(select(Posting.seq, Posting.lot_after)
                                .where(Posting.lot_id == lot.id)
                                .order_by(Posting.id.desc()).limit(1)).first()
        if latest is None:
            expected = 0
        elif latest.lot_after is None:
            expected = sum(self.s.execute(select(Posting.amount).where(
                Posting.lot_id == lot.id)).scalars())
        else:
            expected = latest.lot_after
            self._prove(("lot", lot.id), (latest.seq, expected), latest.seq)
        if lot.remaining != expected:
            raise tampered(f"lot {lot.id} of {lot.partner} shows {lot.remaining:,} points, its "
                           f"hashed history gives {expected:,}", lot=lot.id)
        # its expiry and partner id are covered by the entry that created it
        self._prove(("terms", lot.id), (lot.created_seq, lot.expires_on, lot.source_ref),
                    lot.created_seq)

    def _prove(self, key, value, seq: int) -> None:
        """Re-hash entry #seq unless this process already proved `value` for `key`."""
        if self._known.get(key) != value:
            self.entry(seq)
            self.remember(key, value)

    def remember(self, key, value) -> None:
        if len(self._known) >= SOUND_LIMIT:
            self._known.clear()
        self._known[key] = value

    def entry(self, seq: int, load: bool = False):
        """Entry #seq, as stored now, still hashes to its stored hash. `load`: return it (a
        journal Entry, from the rows just checked)."""
        if seq in self._sound and not load:
            return None
        found = self.entries([seq], load)
        return found[seq] if load else None

    def entries(self, seqs, load: bool = False) -> dict:
        """`entry` for many entries in three queries per 500 (a bulk batch's holds); the
        first that is missing or no longer hashes right is named. `load`: {seq: Entry}."""
        wanted = sorted(set(seqs) if load else set(seqs) - self._sound)
        loaded = {}
        for i in range(0, len(wanted), 500):
            loaded.update(self._rehash(wanted[i:i + 500], load))
        return loaded

    def _rehash(self, seqs: list[int], load: bool) -> dict:
        stored = {e.seq: e for e in self.s.execute(
            select(JournalEntry).where(JournalEntry.seq.in_(seqs))).scalars()}
        rows: dict[int, list] = {seq: [] for seq in seqs}
        for r in self.s.execute(
                select(Posting.seq, Account.owner, Account.asset, Posting.amount, Posting.lot_id,
                       Posting.balance_after, Posting.lot_after)
                .join(Account, Account.id == Posting.account_id)
                .where(Posting.seq.in_(seqs)).order_by(Posting.seq, Posting.idx)):
            rows[r[0]].append(tuple(r[1:]))
        lot_ids = {r[3] for posted in rows.values() for r in posted if r[3]}
        created = {lot.id: lot for lot in self.s.execute(select(Lot).where(
            Lot.id.in_(lot_ids), Lot.created_seq.in_(seqs))).scalars()} if lot_ids else {}
        loaded = {}
        for seq in seqs:
            e = stored.get(seq)
            if e is None:
                raise tampered(f"entry #{seq} is missing", seq=seq)
            postings = [(*r, lot_terms(created[r[3]]) if r[3] in created
                         and created[r[3]].created_seq == seq else None) for r in rows[seq]]
            try:
                digest = chain_hash(e.prev_hash, entry_bytes(
                    seq, e.kind, e.idem_key, e.params_hash, e.created_at, e.memo, postings,
                    e.format))
            except (TypeError, ValueError):
                digest = None
            if digest != e.hash:
                raise tampered(f"entry #{seq} no longer matches its hash", seq=seq)
            self._sound.add(seq)
            if load:
                from app.core.ledger.journal import Entry, PostedLine

                loaded[seq] = Entry(e.seq, e.kind, e.idem_key, e.params_hash, e.created_at,
                                    json.loads(e.memo), e.prev_hash, e.hash,
                                    tuple(PostedLine(*r[:4]) for r in rows[seq]))
        return loaded
