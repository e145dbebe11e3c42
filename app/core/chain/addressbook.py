"""The address book: labelled destinations, with exchange deposit addresses for cash-out."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.core.chain.addresses import parse_address, to_checksum
from app.core.chain.records import AddressBookEntry
from app.core.clock import Clock, iso
from app.core.errors import InputError, RuleError
from app.core.ledger.database import Database

KINDS = ("own", "exchange", "other")


@dataclass(frozen=True)
class Contact:
    id: int
    label: str
    address: str
    kind: str
    exchange: str | None
    last_used_at: str | None


class AddressBook:
    def __init__(self, db: Database, clock: Clock):
        self.db, self.clock = db, clock

    def entries(self) -> list[Contact]:
        """Exchange deposit addresses first (the usual cash-out destinations), then by label."""
        with self.db.read() as s:
            rows = list(s.execute(select(AddressBookEntry)).scalars())
        rows.sort(key=lambda r: (r.kind != "exchange", r.label.lower()))
        return [_contact(r) for r in rows]

    def add(self, label: str, address: str, kind: str = "other",
            exchange: str | None = None) -> Contact:
        label = (label or "").strip()
        if not 1 <= len(label) <= 80:
            raise InputError("A label is 1 to 80 characters.", code="bad_label")
        if kind not in KINDS:
            raise InputError(f"The kind is one of: {', '.join(KINDS)}.", code="bad_kind")
        checksummed = parse_address(address)
        with self.db.write() as s:
            existing = self._find(s, checksummed)
            if existing is not None:
                raise RuleError(f"That address is already in the address book as "
                                f"'{existing.label}'.", code="duplicate_address")
            row = AddressBookEntry(label=label, address=checksummed, kind=kind,
                                   exchange=(exchange or None) if kind == "exchange" else None,
                                   created_at=iso(self.clock.now()))
            s.add(row)
            s.flush()
            return _contact(row)

    def update(self, contact_id: int, label: str | None = None, kind: str | None = None,
               exchange: str | None = None) -> Contact:
        with self.db.write() as s:
            row = s.get(AddressBookEntry, contact_id)
            if row is None:
                raise InputError("No such address book entry.", code="unknown_contact")
            if label is not None:
                if not 1 <= len(label.strip()) <= 80:
                    raise InputError("A label is 1 to 80 characters.", code="bad_label")
                row.label = label.strip()
            if kind is not None:
                if kind not in KINDS:
                    raise InputError(f"The kind is one of: {', '.join(KINDS)}.", code="bad_kind")
                row.kind = kind
            if exchange is not None:
                row.exchange = exchange or None
            return _contact(row)

    def remove(self, contact_id: int) -> None:
        with self.db.write() as s:
            row = s.get(AddressBookEntry, contact_id)
            if row is None:
                raise InputError("No such address book entry.", code="unknown_contact")
            s.delete(row)

    def lookup(self, address: str) -> Contact | None:
        with self.db.read() as s:
            row = self._find(s, address)
            return _contact(row) if row else None

    def touch(self, address: str) -> None:
        with self.db.write() as s:
            row = self._find(s, address)
            if row is not None:
                row.last_used_at = iso(self.clock.now())

    @staticmethod
    def _find(s, address: str) -> AddressBookEntry | None:
        return s.execute(select(AddressBookEntry).where(
            AddressBookEntry.address == to_checksum(address))).scalar_one_or_none()


def _contact(r: AddressBookEntry) -> Contact:
    return Contact(r.id, r.label, r.address, r.kind, r.exchange, r.last_used_at)
