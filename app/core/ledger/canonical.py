"""Canonical bytes of a journal entry and its hash.

hash = SHA-256(prev_hash || canonical bytes of the entry and its postings), where the
canonical bytes are compact, key-sorted UTF-8 JSON with every amount as a decimal string.
The writer and `verify` both use exactly these functions.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

GENESIS_HASH = "0" * 64
FORMAT_VERSION = 1


def canonical_json(obj) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def params_digest(params: dict) -> str:
    """Fingerprint of a request, to tell a retry from a different request under one key."""
    return hashlib.sha256(canonical_json(params).encode("utf-8")).hexdigest()


def entry_bytes(seq: int, kind: str, idem_key: str, params_hash: str, created_at: str,
                memo: str, lines: Iterable[tuple[str, str, int, int | None]]) -> bytes:
    doc = {
        "v": FORMAT_VERSION,
        "seq": seq,
        "kind": kind,
        "key": idem_key,
        "params": params_hash,
        "at": created_at,
        "memo": memo,
        "postings": [[owner, asset, str(amount), lot] for owner, asset, amount, lot in lines],
    }
    return canonical_json(doc).encode("utf-8")


def chain_hash(prev_hash: str, data: bytes) -> str:
    return hashlib.sha256(bytes.fromhex(prev_hash) + data).hexdigest()
