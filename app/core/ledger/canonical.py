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
_STRING = json.encoder.encode_basestring  # what _CANONICAL writes for a str (ensure_ascii=False)


def canonical_json(obj) -> str:
    return _CANONICAL.encode(obj)  # = json.dumps(obj, sort_keys=True, ...), without a new encoder


def params_digest(params: dict) -> str:
    """Fingerprint of a request, to tell a retry from a different request under one key."""
    return hashlib.sha256(canonical_json(params).encode("utf-8")).hexdigest()


def _json(value) -> str:
    """canonical_json(value): a str, None or int written directly, anything else (a float, a
    list, a value that is not JSON: TypeError) by the encoder itself."""
    kind = type(value)
    if kind is str:
        return _STRING(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    return _CANONICAL.encode(value)


def entry_bytes(seq: int, kind: str, idem_key: str, params_hash: str, created_at: str,
                memo: str, postings: Iterable[Sequence], version: int = FORMAT_VERSION) -> bytes:
    """`postings` are (owner, asset, amount, lot) in format 1 and (owner, asset, amount, lot,
    balance_after, lot_after, lot_terms) in format 2, where lot_terms is (expires_on,
    source_ref) on the posting that creates its lot and None elsewhere.

    The bytes are canonical_json of {"v": version, "seq": seq, "kind": kind, "key": idem_key,
    "params": params_hash, "at": created_at, "memo": memo, "postings": rows} — rows as
    [owner, asset, str(amount), lot] in format 1 and [owner, asset, str(amount), lot,
    str(balance_after), lot_after as str or None, list(lot_terms) or None] in format 2 —
    written out in the encoder's key order, value by value: `verify` computes this once per
    entry, and a million entries through the generic encoder cost more than hashing them.
    tests/core/test_canonical.py holds it byte for byte to that document."""
    # Written out inline, for speed, and equal to the document's encoding: j(x) == s(x) for
    # a str (s, a builtin, where x is one); for an int, f"{x}" == j(x) and f'"{x}"' ==
    # s(str(x)) (digits and a sign need no escaping); s(str(x))[1:-1] is s(str(x)) unquoted.
    j, s = _json, _STRING
    if version == 1:
        rows = ",".join([
            f"[{s(p[0]) if type(p[0]) is str else j(p[0])},"
            f"{s(p[1]) if type(p[1]) is str else j(p[1])},"
            f"\"{p[2] if type(p[2]) is int else s(str(p[2]))[1:-1]}\","
            f"{'null' if p[3] is None else j(p[3])}]"
            for p in postings])
    elif version == 2:
        rows = ",".join([
            f"[{s(owner) if type(owner) is str else j(owner)},"
            f"{s(asset) if type(asset) is str else j(asset)},"
            f"\"{amount if type(amount) is int else s(str(amount))[1:-1]}\","
            f"{'null' if lot is None else j(lot)},"
            f"\"{balance_after if type(balance_after) is int else s(str(balance_after))[1:-1]}\","
            f"{'null' if lot_after is None else s(str(lot_after))},"
            f"{'null' if terms is None else '[' + ','.join([j(t) for t in terms]) + ']'}]"
            for owner, asset, amount, lot, balance_after, lot_after, terms in postings])
    else:
        raise ValueError(f"unknown entry format {version}")
    text = str is type(created_at) is type(idem_key) is type(kind) is type(memo) is \
        type(params_hash)
    f = s if text else j
    at, key, kind, memo, params = f(created_at), f(idem_key), f(kind), f(memo), f(params_hash)
    return (f'{{"at":{at},"key":{key},"kind":{kind},"memo":{memo},"params":{params},'
            f'"postings":[{rows}],"seq":{seq if type(seq) is int else j(seq)},'
            f'"v":{version if type(version) is int else j(version)}}}').encode()


def chain_hash(prev_hash: str, data: bytes) -> str:
    return hashlib.sha256(bytes.fromhex(prev_hash) + data).hexdigest()
