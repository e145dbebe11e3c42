"""Canonical bytes of a journal entry and its hash.

hash = SHA-256(prev_hash || canonical bytes of the entry and its postings), where the
canonical bytes are compact, key-sorted UTF-8 JSON with every amount as a decimal string.
The writer, the append guard and `verify` all use exactly these functions.

Format 1 (entries written before issue 10) covers each posting's owner, asset, amount and
lot. Format 2 also covers what the money-gating projections must agree with: the account's
running balance after the posting, the lot's remaining points after it, and — on the posting
that creates a lot — the lot's expiry date and the partner's own lot id. An entry keeps
verifying under the format it was written in.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence

GENESIS_HASH = "0" * 64
FORMAT_VERSION = 2  # what new entries are written in
FORMATS = (1, 2)


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(obj) -> str:
    return _CANONICAL.encode(obj)  # = json.dumps(obj, sort_keys=True, ...), without a new encoder


def params_digest(params: dict) -> str:
    """Fingerprint of a request, to tell a retry from a different request under one key."""
    return hashlib.sha256(canonical_json(params).encode("utf-8")).hexdigest()


def entry_bytes(seq: int, kind: str, idem_key: str, params_hash: str, created_at: str,
                memo: str, postings: Iterable[Sequence], version: int = FORMAT_VERSION) -> bytes:
    """`postings` are (owner, asset, amount, lot) in format 1 and (owner, asset, amount, lot,
    balance_after, lot_after, lot_terms) in format 2, where lot_terms is (expires_on,
    source_ref) on the posting that creates its lot and None elsewhere."""
    if version == 1:
        rows = [[p[0], p[1], str(p[2]), p[3]] for p in postings]
    elif version == 2:
        rows = [[owner, asset, str(amount), lot, str(balance_after),
                 None if lot_after is None else str(lot_after),
                 None if terms is None else list(terms)]
                for owner, asset, amount, lot, balance_after, lot_after, terms in postings]
    else:
        raise ValueError(f"unknown entry format {version}")
    doc = {"v": version, "seq": seq, "kind": kind, "key": idem_key, "params": params_hash,
           "at": created_at, "memo": memo, "postings": rows}
    return canonical_json(doc).encode("utf-8")


def chain_hash(prev_hash: str, data: bytes) -> str:
    return hashlib.sha256(bytes.fromhex(prev_hash) + data).hexdigest()
