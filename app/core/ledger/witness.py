"""What the OS keyring keeps about a ledger location: its signing key and a witness.

The keyring is the one store an attacker holding the data files cannot change. It maps the
ledger's location (the resolved SQLite path or the PostgreSQL URL without its password — a
thing that file cannot change either) to:
- `key/<location id>`: the profile id and its Ed25519 checkpoint key (written once);
- `witness/<location id>`: the latest (sequence, hash) the app committed there.
Same custody rules as the wallet key: only in a keyring `app.core.keys.backend` accepts,
every call with a deadline.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass

from app.core.errors import ExternalError
from app.core.keys import backend as kr

SERVICE = "MiL.k Ledger"


@dataclass(frozen=True)
class LedgerKey:
    profile: str
    private_key: object  # cryptography Ed25519PrivateKey
    created_at: str
    anchored_from: int  # the head when this key first signed (trust starts there)
    replaces: dict | None = None  # a profile this location held before, if any

    @property
    def public_key(self):
        return self.private_key.public_key()


@dataclass(frozen=True)
class Witness:
    profile: str
    seq: int
    hash: str
    at: str


class LedgerKeyring:
    def __init__(self, location_id: str, timeout: float = kr.DEFAULT_TIMEOUT):
        self.location_id = location_id
        self.timeout = timeout

    def load(self) -> tuple[LedgerKey | None, Witness | None]:
        """Both entries (two keyring reads). Raises ExternalError when there is no usable
        keyring or it does not answer."""
        backend = kr.require_backend()
        key_doc = self._get(backend, "key")
        witness_doc = self._get(backend, "witness")
        try:
            key = _key_from(key_doc) if key_doc else None
            witness = Witness(**witness_doc) if witness_doc else None
        except (KeyError, TypeError, ValueError):
            raise ExternalError("The keyring's entry for this ledger is damaged.",
                                code="keyring_damaged") from None
        return key, witness

    def store_key(self, key: LedgerKey) -> None:
        from cryptography.hazmat.primitives import serialization

        raw = key.private_key.private_bytes(serialization.Encoding.Raw,
                                            serialization.PrivateFormat.Raw,
                                            serialization.NoEncryption())
        self._set("key", {"v": 1, "profile": key.profile, "created_at": key.created_at,
                          "anchored_from": key.anchored_from, "replaces": key.replaces,
                          "private_key": base64.b64encode(raw).decode("ascii")}, "store the "
                  "ledger's checkpoint key")

    def write_witness(self, witness: Witness) -> None:
        self._set("witness", {"profile": witness.profile, "seq": witness.seq,
                              "hash": witness.hash, "at": witness.at},
                  "store the ledger's checkpoint witness")

    def _get(self, backend, kind: str) -> dict | None:
        text = kr.call(lambda: backend.get_password(SERVICE, f"{kind}/{self.location_id}"),
                       self.timeout, "read the ledger's checkpoint key")
        if text is None:
            return None
        try:
            doc = json.loads(text)
        except ValueError:
            doc = None
        if not isinstance(doc, dict):
            raise ExternalError("The keyring's entry for this ledger is damaged.",
                                code="keyring_damaged")
        return doc

    def _set(self, kind: str, doc: dict, what: str) -> None:
        backend = kr.require_backend()
        text = json.dumps(doc, separators=(",", ":"))
        kr.call(lambda: backend.set_password(SERVICE, f"{kind}/{self.location_id}", text),
                self.timeout, what)


def _key_from(doc: dict) -> LedgerKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.from_private_bytes(base64.b64decode(doc["private_key"]))
    return LedgerKey(doc["profile"], private, doc["created_at"], int(doc["anchored_from"]),
                     doc.get("replaces"))
