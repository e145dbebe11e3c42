"""Appending balanced, hash-chained entries to the journal inside a write transaction.

Use it only on a session from `Database.write()`: that session holds the chain-head lock, so
the sequence number and previous hash read here cannot change until the commit. What was
appended is noted in `session.info[APPENDED]`, for the checkpoint signed before the commit.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.core.clock import iso
from app.core.errors import InputError, RuleError
from app.core.ledger import accounts as acct
from app.core.ledger.canonical import FORMAT_VERSION, canonical_json, chain_hash, entry_bytes
from app.core.ledger.guard import AppendGuard, lot_terms
from app.core.ledger.schema import Account, Balance, JournalEntry, Lot, Posting
from app.core.money import MLK, format_amount

APPENDED = "milk_appended"  # session.info: [(seq, hash, kind)] written in this transaction
# session.info: what this transaction itself wrote — the head row, accounts, balances, lot
# remainders. The write lock is held, so nobody else can have changed them: a later append
# in the same transaction (a bulk batch) builds on them without reading or re-proving them.
WRITTEN = "milk_written"
NOTARY = "milk_notary"  # session.info: the Notary that signs this database's checkpoints


@dataclass(frozen=True)
class NewLot:
    """A posting that creates a lot of points expiring on `expires_on`."""

    expires_on: date
    source_ref: str | None = None  # the partner's own id for the lot, when it has one


@dataclass(frozen=True)
class Line:
    """One posting to write. `lot` is required on a user's points: an existing lot id for a
    debit, a NewLot for a credit."""

    owner: str
    asset: str
    amount: int
    lot: int | NewLot | None = None


@dataclass(frozen=True)
class PostedLine:
    owner: str
    asset: str
    amount: int
    lot_id: int | None


@dataclass(frozen=True)
class Entry:
    seq: int
    kind: str
    idem_key: str
    params_hash: str
    created_at: str
    memo: dict
    prev_hash: str
    hash: str
    lines: tuple[PostedLine, ...]

    def net(self, owner: str) -> dict[str, int]:
        """Net change per asset for `owner` in this entry."""
        out: dict[str, int] = defaultdict(int)
        for line in self.lines:
            if line.owner == owner:
                out[line.asset] += line.amount
        return {k: v for k, v in out.items() if v}


class Journal:
    def __init__(self, session: Session):
        self.s = session

    # -- reads inside the transaction --
    def replay(self, idem_key: str, params_hash: str) -> Entry | None:
        """The entry already written under `idem_key`, if any; refuses a different request
        reusing the key."""
        row = self.s.execute(
            select(JournalEntry).where(JournalEntry.idem_key == idem_key)).scalar_one_or_none()
        if row is None:
            return None
        if row.params_hash != params_hash:
            raise InputError(
                f"The idempotency key '{idem_key}' was already used for a different request "
                f"(entry #{row.seq}). Use a new key for a new request.",
                code="idempotency_conflict", details={"key": idem_key, "seq": row.seq})
        return load_entry(self.s, row)

    def balance(self, owner: str, asset: str) -> int:
        amount = self.s.execute(
            select(Balance.amount).join(Account, Account.id == Balance.account_id)
            .where(Account.owner == owner, Account.asset == asset)).scalar_one_or_none()
        return amount or 0

    def balances_of(self, owners: Sequence[str]) -> dict[tuple[str, str], int]:
        """Every balance of `owners` by (owner, asset), in one query."""
        return {(o, a): amount for o, a, amount in self.s.execute(
            select(Account.owner, Account.asset, Balance.amount)
            .join(Balance, Balance.account_id == Account.id).where(Account.owner.in_(owners)))}

    # -- the append --
    def append(self, kind: str, idem_key: str, params_hash: str, lines: Sequence[Line],
               memo: dict, at: datetime) -> Entry:
        """Write one balanced entry after the chain head. Every projection it builds on is
        first checked against the hash-covered journal (AppendGuard); rows are written in the
        order the database guards accept: new lots (empty), the entry, its postings, then
        the balances, lot remainders and head they justify."""
        _check_balanced(lines)
        guard = AppendGuard(self.s)
        written = self.s.info.setdefault(WRITTEN, {"head": None, "accounts": {},
                                                   "balances": {}, "lots": {}})
        head = written["head"]
        if head is None:
            head = guard.head()
            notary = self.s.info.get(NOTARY)
            if notary is not None:
                notary.check_head(self.s, head.seq, head.hash)
        seq = head.seq + 1
        accounts = self._accounts({(ln.owner, ln.asset) for ln in lines}, written["accounts"])
        balance_after, balances, stored = self._balances(lines, accounts, guard,
                                                         written["balances"])
        lots, lot_after, terms = self._lots(lines, seq, guard, written["lots"])

        created_at = iso(at)
        memo_text = canonical_json(memo)
        posted = tuple(PostedLine(ln.owner, ln.asset, ln.amount, lots[i].id if lots[i] else None)
                       for i, ln in enumerate(lines))
        digest = chain_hash(head.hash, entry_bytes(
            seq, kind, idem_key, params_hash, created_at, memo_text,
            [(p.owner, p.asset, p.amount, p.lot_id, balance_after[i], lot_after[i], terms[i])
             for i, p in enumerate(posted)], FORMAT_VERSION))

        self.s.add(JournalEntry(seq=seq, kind=kind, idem_key=idem_key, params_hash=params_hash,
                                created_at=created_at, memo=memo_text, prev_hash=head.hash,
                                hash=digest, format=FORMAT_VERSION))
        self.s.flush()  # the entry row must exist before postings reference it
        # Postings, then the balances they justify, each in one executemany statement.
        self.s.execute(insert(Posting), [
            {"seq": seq, "idx": i, "account_id": accounts[(p.owner, p.asset)].id,
             "amount": p.amount, "lot_id": p.lot_id, "balance_after": balance_after[i],
             "lot_after": lot_after[i]} for i, p in enumerate(posted)])
        changed = [{"account_id": a, "amount": amount} for a, amount in balances.items()
                   if a in stored]
        if changed:
            self.s.execute(update(Balance), changed)
        new = [{"account_id": a, "amount": amount} for a, amount in balances.items()
               if a not in stored]
        if new:
            self.s.execute(insert(Balance), new)
        for i, lot in enumerate(lots):
            if lot is not None:
                lot.remaining = lot_after[i]
        prev = head.hash
        head.seq, head.hash = seq, digest
        self.s.flush()
        written["head"] = head
        written["balances"].update(balances)
        written["lots"].update({lot.id: lot_after[i] for i, lot in enumerate(lots) if lot})
        self.s.info.setdefault(APPENDED, []).append((seq, digest, kind))
        guard.remember("head", (seq, digest))  # written here: sound until someone changes it
        for i, p in enumerate(posted):
            guard.remember(("account", accounts[(p.owner, p.asset)].id), (seq, balance_after[i]))
            if lots[i] is not None:
                guard.remember(("lot", lots[i].id), (seq, lot_after[i]))
                guard.remember(("terms", lots[i].id), (lots[i].created_seq, lots[i].expires_on,
                                                       lots[i].source_ref))
        return Entry(seq, kind, idem_key, params_hash, created_at, memo, prev, digest, posted)

    def _accounts(self, keys: set[tuple[str, str]], known: dict
                  ) -> dict[tuple[str, str], Account]:
        found = {k: known[k] for k in keys if k in known}
        if len(found) == len(keys):
            return found
        owners = {o for o, _ in keys - found.keys()}
        for row in self.s.execute(select(Account).where(Account.owner.in_(owners))).scalars():
            if (row.owner, row.asset) in keys:
                found[(row.owner, row.asset)] = row
        for owner, asset in sorted(keys - found.keys()):
            row = Account(owner=owner, asset=asset, allow_negative=acct.allows_negative(owner))
            self.s.add(row)
            found[(owner, asset)] = row
        self.s.flush()
        known.update(found)
        return found

    def _balances(self, lines: Sequence[Line], accounts: dict[tuple[str, str], Account],
                  guard: AppendGuard, known: dict[int, int]
                  ) -> tuple[list[int], dict[int, int], set[int]]:
        """Each posting's running balance, each touched account's new balance, and which
        accounts already have a stored balance row (`known`: balances this transaction
        wrote)."""
        ids = [a.id for a in accounts.values() if a.id not in known]
        stored = {a: known[a] for a in (a.id for a in accounts.values()) if a in known}
        if ids:
            read = dict(self.s.execute(select(Balance.account_id, Balance.amount)
                                       .where(Balance.account_id.in_(ids))).all())
            guard.balances([(a, read.get(a.id, 0)) for a in accounts.values() if a.id in ids])
            stored.update(read)
        before = {account.id: stored.get(account.id, 0) for account in accounts.values()}
        running = dict(before)
        after = []
        for ln in lines:
            account_id = accounts[(ln.owner, ln.asset)].id
            running[account_id] += ln.amount
            after.append(running[account_id])
        for (owner, asset), account in accounts.items():
            if running[account.id] < 0 and not acct.allows_negative(owner):
                change = running[account.id] - before[account.id]
                raise shortfall_error(owner, asset, before[account.id], -change)
        return after, running, set(stored)

    def _lots(self, lines: Sequence[Line], seq: int, guard: AppendGuard, known: dict[int, int]):
        """Per posting: its lot (new ones inserted empty), the lot's remaining points after
        it, and the terms of a lot it creates."""
        rows: list[Lot | None] = []
        after: list[int | None] = []
        terms: list[tuple | None] = []
        running: dict[int, int] = {}
        for ln in lines:
            needs_lot = acct.is_user(ln.owner) and ln.asset != MLK
            if needs_lot != (ln.lot is not None):
                raise ValueError(f"posting {ln} must {'' if needs_lot else 'not '}name a lot")
            if ln.lot is None:
                rows.append(None)
                after.append(None)
                terms.append(None)
                continue
            if isinstance(ln.lot, NewLot):
                if ln.amount <= 0:
                    raise ValueError("a new lot starts with a credit")
                lot = Lot(owner=ln.owner, partner=ln.asset,
                          expires_on=ln.lot.expires_on.isoformat(), source_ref=ln.lot.source_ref,
                          created_seq=seq, remaining=0)
                self.s.add(lot)
                self.s.flush()
                running[lot.id] = 0
                terms.append(lot_terms(lot))
            else:
                lot = self.s.get(Lot, ln.lot)
                if lot is None or lot.owner != ln.owner or lot.partner != ln.asset:
                    raise ValueError(f"lot {ln.lot} does not belong to {ln.owner}/{ln.asset}")
                if lot.id not in running:
                    if known.get(lot.id) != lot.remaining:  # not as this transaction left it
                        guard.lot(lot)
                    running[lot.id] = lot.remaining
                terms.append(None)
            if running[lot.id] + ln.amount < 0:
                raise shortfall_error(ln.owner, ln.asset, running[lot.id], -ln.amount)
            running[lot.id] += ln.amount
            rows.append(lot)
            after.append(running[lot.id])
        return rows, after, terms


def forget_written(session: Session) -> None:
    """After a savepoint rolled back: what this transaction wrote must be read again."""
    session.info.pop(WRITTEN, None)


def _check_balanced(lines: Sequence[Line]) -> None:
    if not lines:
        raise ValueError("an entry needs postings")
    total: dict[str, int] = defaultdict(int)
    for ln in lines:
        if isinstance(ln.amount, bool) or not isinstance(ln.amount, int) or ln.amount == 0:
            raise ValueError(f"posting amounts are non-zero ints: {ln}")
        total[ln.asset] += ln.amount
    unbalanced = {a: t for a, t in total.items() if t}
    if unbalanced:
        raise ValueError(f"entry does not balance per asset: {unbalanced}")


def shortfall_error(owner: str, asset: str, available: int, needed: int) -> RuleError:
    have, need = format_amount(asset, max(available, 0)), format_amount(asset, needed)
    if owner == acct.POOL:
        return RuleError(f"TICA's pool cannot cover this trade: it holds {have}, the trade "
                         f"needs {need}.", code="pool_cannot_cover",
                         details={"asset": asset, "available": available, "needed": needed})
    return RuleError(f"Not enough {asset}: you have {have}, this needs {need}.",
                     code="insufficient_balance",
                     details={"asset": asset, "available": available, "needed": needed})


def load_entry(session: Session, row: JournalEntry) -> Entry:
    lines = session.execute(
        select(Account.owner, Account.asset, Posting.amount, Posting.lot_id)
        .join(Account, Account.id == Posting.account_id)
        .where(Posting.seq == row.seq).order_by(Posting.idx)).all()
    return Entry(row.seq, row.kind, row.idem_key, row.params_hash, row.created_at,
                 json.loads(row.memo), row.prev_hash, row.hash,
                 tuple(PostedLine(*line) for line in lines))
