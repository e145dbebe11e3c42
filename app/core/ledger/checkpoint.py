"""The signed checkpoint kept beside the ledger: which head the app last wrote.

A small JSON file, rewritten inside every write transaction just before its commit:
`head` is the head the transaction started from (committed), `pending` the head it is about
to commit. So after any crash the database's head is one of the two, and any other head —
entries cut off, lost WAL commits, a re-written history, an old copy put back, entries added
by someone else — disagrees with it. The fields are signed with the profile's Ed25519 key
(kept only in the OS keyring), over a domain-separated canonical encoding; without a usable
keyring the file is still written, unsigned, and still catches accidental losses.

Written by rename without fsync: a checkpoint older than the database is harmless (the head
extends it by at most the transaction in flight), and a newer one is exactly what reveals
commits the database lost.
"""
from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from app.core.files import atomic_write_bytes
from app.core.ledger.canonical import canonical_json

FILE_NAME = "ledger.checkpoint"
FORMAT = "milk-ledger-checkpoint/1"
DOMAIN = b"MiL.k ledger checkpoint\n"  # what the key signs never means anything else


class CheckpointDamaged(ValueError):
    """The file is there but is not a checkpoint this app wrote."""


@dataclass(frozen=True)
class Checkpoint:
    profile: str  # the profile id (also in the keyring and the database)
    location: str  # location id: hash of the database's resolved path or URL
    head_seq: int
    head_hash: str
    pending_seq: int | None  # the head being committed with this checkpoint, if any
    pending_hash: str | None
    at: str
    backup: dict | None = None  # the last backup made: {"path", "seq", "at"}
    signature: str | None = None  # base64 Ed25519 over DOMAIN + canonical payload

    @property
    def last_seq(self) -> int:
        return self.pending_seq if self.pending_seq is not None else self.head_seq

    @property
    def signed(self) -> bool:
        return self.signature is not None

    def payload(self) -> bytes:
        fields = {k: v for k, v in asdict(self).items() if k != "signature"}
        return DOMAIN + canonical_json({"format": FORMAT, **fields}).encode("utf-8")

    def signed_with(self, private_key) -> Checkpoint:
        if private_key is None:
            return replace(self, signature=None)
        signature = private_key.sign(self.payload())
        return replace(self, signature=base64.b64encode(signature).decode("ascii"))

    def signature_valid(self, public_key) -> bool:
        from cryptography.exceptions import InvalidSignature

        if not self.signed:
            return False
        try:
            public_key.verify(base64.b64decode(self.signature, validate=True), self.payload())
        except (InvalidSignature, ValueError):
            return False
        return True

    def encode(self) -> bytes:
        return canonical_json({"format": FORMAT, **asdict(self)}).encode("utf-8")


def decode(data: bytes) -> Checkpoint:
    try:
        doc = json.loads(data.decode("utf-8"))
        if not isinstance(doc, dict) or doc.pop("format", None) != FORMAT:
            raise ValueError("not a MiL.k ledger checkpoint")
        cp = Checkpoint(**doc)
    except (UnicodeDecodeError, ValueError, TypeError) as exc:
        raise CheckpointDamaged(str(exc)) from None
    if not (_is_seq(cp.head_seq) and _is_hash(cp.head_hash)
            and (cp.pending_seq is None) == (cp.pending_hash is None)
            and (cp.pending_seq is None or (_is_seq(cp.pending_seq) and _is_hash(cp.pending_hash)
                                            and cp.pending_seq > cp.head_seq))
            and isinstance(cp.profile, str) and isinstance(cp.location, str)
            and (cp.signature is None or isinstance(cp.signature, str))):
        raise CheckpointDamaged("its fields are not a checkpoint's")
    return cp


def read(path: Path) -> bytes | None:
    """The file's bytes, or None when there is none."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        return None


def write(path: Path, cp: Checkpoint) -> bytes:
    data = cp.encode()
    atomic_write_bytes(path, data, durable=False)
    return data


def location_id(location: str) -> str:
    return hashlib.sha256(location.encode("utf-8")).hexdigest()[:32]


def _is_seq(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_hash(value) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(
        c in "0123456789abcdef" for c in value)
