"""The address book: labelled destinations, with exchange deposit addresses for cash-out.

An exchange deposit entry is bound to the network it belongs to (chain id and name; by
default the network in use when it is saved): exchanges list one deposit address per network,
and MLK sent on another chain is usually lost. Labels and names have the same limits on every
database and refuse control and text-direction characters, so an entry cannot pose as another.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from app.core.chain.addresses import ZERO_ADDRESS, parse_address, same_address, to_checksum
from app.core.chain.network import MAX_NAME, clean_text, network_name
from app.core.chain.records import AddressBookEntry
from app.core.clock import Clock, iso
from app.core.errors import InputError, RuleError
from app.core.ledger.database import Database

KINDS = ("own", "exchange", "other")
MAX_LABEL, MAX_EXCHANGE = 80, 40


@dataclass(frozen=True)
class Contact:
    id: int
    label: str
    address: str
    kind: str
    exchange: str | None
    last_used_at: str | None
    chain_id: int | None = None  # set for exchange deposit entries: the network it is for
    network: str | None = None


class AddressBook:
    def __init__(self, db: Database, clock: Clock,
                 current_network: Callable[[], tuple[int | None, str]] | None = None):
        self.db, self.clock = db, clock
        self._current_network = current_network or (lambda: (None, ""))

    def entries(self) -> list[Contact]:
        """Exchange deposit addresses first (the usual cash-out destinations), then by label."""
        with self.db.read() as s:
            rows = list(s.execute(select(AddressBookEntry)).scalars())
        rows.sort(key=lambda r: (r.kind != "exchange", r.label.lower()))
        return [_contact(r) for r in rows]

    def add(self, label: str, address: str, kind: str = "other", exchange: str | None = None,
            chain_id: int | None = None, network: str | None = None) -> Contact:
        label = clean_text(label, "label", MAX_LABEL)
        _check_kind(kind)
        checksummed = parse_address(address)
        if same_address(checksummed, ZERO_ADDRESS):
            raise InputError("That is the zero address: nothing sent there can be recovered, "
                             "so it cannot be saved.", code="zero_address")
        exchange = clean_text(exchange, "exchange name", MAX_EXCHANGE) if exchange else None
        if kind == "exchange":
            chain_id, network = self._network(chain_id, network)
        else:
            chain_id, network = None, None
        with self.db.write() as s:
            existing = self._find(s, checksummed)
            if existing is not None:
                raise RuleError(f"That address is already in the address book as "
                                f"'{existing.label}'.", code="duplicate_address")
            row = AddressBookEntry(label=label, address=checksummed, kind=kind,
                                   exchange=exchange if kind == "exchange" else None,
                                   chain_id=chain_id, network=network,
                                   created_at=iso(self.clock.now()))
            s.add(row)
            s.flush()
            return _contact(row)

    def update(self, contact_id: int, label: str | None = None, kind: str | None = None,
               exchange: str | None = None, chain_id: int | None = None,
               network: str | None = None) -> Contact:
        label = clean_text(label, "label", MAX_LABEL) if label is not None else None
        if kind is not None:
            _check_kind(kind)
        exchange = clean_text(exchange, "exchange name", MAX_EXCHANGE) if exchange else exchange
        with self.db.write() as s:
            row = s.get(AddressBookEntry, contact_id)
            if row is None:
                raise InputError("No such address book entry.", code="unknown_contact")
            if label is not None:
                row.label = label
            if kind is not None:
                row.kind = kind
            if exchange is not None:
                row.exchange = exchange or None
            if row.kind == "exchange":
                if chain_id is not None or row.chain_id is None:
                    row.chain_id, row.network = self._network(chain_id, network)
                elif network is not None:
                    row.network = clean_text(network, "network name", MAX_NAME)
            else:
                row.chain_id, row.network, row.exchange = None, None, None
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

    def _network(self, chain_id: int | None, network: str | None) -> tuple[int | None, str | None]:
        """The given network, else the one in use now."""
        if chain_id is None:
            chain_id, current = self._current_network()
            network = network or current or None
        elif isinstance(chain_id, bool) or not isinstance(chain_id, int) or \
                not 0 < chain_id < 2**63:
            raise InputError("A chain id is a positive whole number.", code="bad_chain_id")
        network = clean_text(network, "network name", MAX_NAME) if network else \
            (network_name(chain_id) if chain_id is not None else None)
        return chain_id, network

    @staticmethod
    def _find(s, address: str) -> AddressBookEntry | None:
        return s.execute(select(AddressBookEntry).where(
            AddressBookEntry.address == to_checksum(address))).scalar_one_or_none()


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise InputError(f"The kind is one of: {', '.join(KINDS)}.", code="bad_kind")


def _contact(r: AddressBookEntry) -> Contact:
    network = r.network or (network_name(r.chain_id) if r.chain_id is not None else None)
    return Contact(r.id, r.label, r.address, r.kind, r.exchange, r.last_used_at, r.chain_id,
                   network)
