"""Appending balanced, hash-chained entries to the journal inside a write transaction.

Use it only on a session from `Database.write()`: that session holds the chain-head lock, so
the sequence number and previous hash read here cannot change until the commit.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.clock import iso
from app.core.errors import InputError, RuleError
from app.core.ledger import accounts as acct
from app.core.ledger.canonical import canonical_json, chain_hash, entry_bytes
from app.core.ledger.schema import Account, Balance, ChainHead, JournalEntry, Lot, Posting
from app.core.money import MLK, format_amount


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

    # -- the append --
    def append(self, kind: str, idem_key: str, params_hash: str, lines: Sequence[Line],
               memo: dict, at: datetime) -> Entry:
        _check_balanced(lines)
        head = self.s.get(ChainHead, 1)
        seq = head.seq + 1
        accounts = self._accounts({(ln.owner, ln.asset) for ln in lines})
        balances = self._apply_balances(lines, accounts)
        lot_ids = self._apply_lots(lines, seq)

        created_at = iso(at)
        memo_text = canonical_json(memo)
        posted = tuple(PostedLine(ln.owner, ln.asset, ln.amount, lot_ids[i])
                       for i, ln in enumerate(lines))
        digest = chain_hash(head.hash, entry_bytes(
            seq, kind, idem_key, params_hash, created_at, memo_text,
            [(p.owner, p.asset, p.amount, p.lot_id) for p in posted]))

        self.s.add(JournalEntry(seq=seq, kind=kind, idem_key=idem_key, params_hash=params_hash,
                                created_at=created_at, memo=memo_text, prev_hash=head.hash,
                                hash=digest))
        self.s.flush()  # the entry row must exist before postings reference it
        self.s.add_all(Posting(seq=seq, idx=i, account_id=accounts[(p.owner, p.asset)].id,
                               amount=p.amount, lot_id=p.lot_id) for i, p in enumerate(posted))
        for balance in balances:
            self.s.merge(balance)
        prev = head.hash
        head.seq, head.hash = seq, digest
        self.s.flush()
        return Entry(seq, kind, idem_key, params_hash, created_at, memo, prev, digest, posted)

    def _accounts(self, keys: set[tuple[str, str]]) -> dict[tuple[str, str], Account]:
        found: dict[tuple[str, str], Account] = {}
        owners = {o for o, _ in keys}
        for row in self.s.execute(select(Account).where(Account.owner.in_(owners))).scalars():
            if (row.owner, row.asset) in keys:
                found[(row.owner, row.asset)] = row
        for owner, asset in sorted(keys - found.keys()):
            row = Account(owner=owner, asset=asset, allow_negative=acct.allows_negative(owner))
            self.s.add(row)
            found[(owner, asset)] = row
        self.s.flush()
        return found

    def _apply_balances(self, lines: Sequence[Line],
                        accounts: dict[tuple[str, str], Account]) -> list[Balance]:
        delta: dict[tuple[str, str], int] = defaultdict(int)
        for ln in lines:
            delta[(ln.owner, ln.asset)] += ln.amount
        ids = [a.id for a in accounts.values()]
        current = dict(self.s.execute(
            select(Balance.account_id, Balance.amount).where(Balance.account_id.in_(ids))).all())
        out = []
        for key, change in delta.items():
            account = accounts[key]
            before = current.get(account.id, 0)
            after = before + change
            if after < 0 and not account.allow_negative:
                raise shortfall_error(key[0], key[1], before, -change)
            out.append(Balance(account_id=account.id, amount=after))
        return out

    def _apply_lots(self, lines: Sequence[Line], seq: int) -> list[int | None]:
        ids: list[int | None] = []
        for ln in lines:
            needs_lot = acct.is_user(ln.owner) and ln.asset != MLK
            if needs_lot != (ln.lot is not None):
                raise ValueError(f"posting {ln} must {'' if needs_lot else 'not '}name a lot")
            if ln.lot is None:
                ids.append(None)
                continue
            if isinstance(ln.lot, NewLot):
                if ln.amount <= 0:
                    raise ValueError("a new lot starts with a credit")
                lot = Lot(owner=ln.owner, partner=ln.asset,
                          expires_on=ln.lot.expires_on.isoformat(), source_ref=ln.lot.source_ref,
                          created_seq=seq, remaining=ln.amount)
                self.s.add(lot)
                self.s.flush()
            else:
                lot = self.s.get(Lot, ln.lot)
                if lot is None or lot.owner != ln.owner or lot.partner != ln.asset:
                    raise ValueError(f"lot {ln.lot} does not belong to {ln.owner}/{ln.asset}")
                if lot.remaining + ln.amount < 0:
                    raise shortfall_error(ln.owner, ln.asset, lot.remaining, -ln.amount)
                lot.remaining = lot.remaining + ln.amount
            ids.append(lot.id)
        return ids


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
