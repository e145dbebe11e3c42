"""entry_bytes writes an entry value by value; its bytes must be exactly those of the document
the writer has always hashed (json.dumps, sorted keys, compact, UTF-8), or no stored hash
would verify. Held here for every kind of value a ledger row can hold, sane or damaged."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.ledger.canonical import GENESIS_HASH, canonical_json, chain_hash, entry_bytes


def reference(seq, kind, idem_key, params_hash, created_at, memo, postings, version=2):
    """The canonical bytes as first defined: the document through the JSON encoder."""
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
    return json.dumps(doc, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def outcome(fn, *args):
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - the kind of failure must match too
        return type(exc)


TEXTS = ["", "reward", "밀크 포인트 전환", "야놀자 → MLK", 'quote " inside', "back\\slash",
         "\\\"", "tab\tnew\nline\r", "\x00\x01\x1f\x7f", "\u2028\u2029", "emoji 🥛",
         "</script>", "é" * 3, '{"n":1,"reason":"bench"}', "\ud800"]
AMOUNTS = [0, 1, -1, 10**30, -(10**17 + 7), 2**255, "12", "-", Decimal(5), 1.5]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("version", [1, 2])
def test_every_text_field_is_written_as_the_encoder_writes_it(text, version):
    posting = (text, text, 10**18, None, 5, None, None)
    for args in [(1, text, "k", "p", "2024-01-01T00:00:00Z", "{}", [posting]),
                 (7, "reward", text, text, text, text, [posting, posting]),
                 (2, "k", "k", "p", "at", None, [(text, "MLK", 3, 9, 3, 0, (text, None))])]:
        assert outcome(entry_bytes, *args, version) == outcome(reference, *args, version)


@pytest.mark.parametrize("amount", AMOUNTS)
@pytest.mark.parametrize("lot", [None, 0, 12, "lot", 1.5, b"\x00", True])
@pytest.mark.parametrize("terms", [None, ("2027-01-31", None), ("2027-01-31", "YNJ-77"),
                                   [], "ab", (b"x", 1), 5])
def test_postings_of_both_formats_match(amount, lot, terms):
    postings = [("user:local", "MLK", amount, lot, amount, None if lot is None else amount,
                 terms), ("tica:pool", "MLK", -1, None, 0, None, None)]
    for version in (1, 2):
        assert outcome(entry_bytes, 3, "convert", "k", "p", "at", "{}", postings, version) == \
            outcome(reference, 3, "convert", "k", "p", "at", "{}", postings, version)


@pytest.mark.parametrize("odd", [None, 1, 1.5, float("nan"), float("inf"), True, b"\x00\xff",
                                 Decimal("2"), ["a", 1], {"b": 1, "a": [None]}, ("t",)])
def test_values_of_the_wrong_type_are_written_or_refused_alike(odd):
    postings = [(odd, odd, 5, odd, odd, odd, None)]
    for version in (1, 2, 3, 1.0, True, "2"):
        for args in [(odd, "k", "k", "p", "at", "{}", postings),
                     (1, odd, odd, odd, odd, odd, postings)]:
            assert outcome(entry_bytes, *args, version) == outcome(reference, *args, version)


def test_postings_of_the_wrong_shape_fail_alike():
    for postings in ([("a", "b", 1)], [("a", "b", 1, None, 1, None)], [("a",) * 8], [5],
                     [None], 5):
        for version in (1, 2):
            args = (1, "k", "k", "p", "at", "{}", postings, version)
            assert outcome(entry_bytes, *args) == outcome(reference, *args)


def test_a_known_entry_keeps_its_hash():
    """The genesis of tests/support/bulk_ledger, as every bulk ledger on disk holds it."""
    data = entry_bytes(1, "genesis", "bulk:1", "p", "2024-01-01T00:00:01Z",
                       canonical_json({"reason": "bench"}),
                       [("bridge", "MLK", -10**30, None, -10**30, None, None),
                        ("tica:pool", "MLK", 10**30, None, 10**30, None, None)])
    assert data == (b'{"at":"2024-01-01T00:00:01Z","key":"bulk:1","kind":"genesis","memo":'
                    b'"{\\"reason\\":\\"bench\\"}","params":"p","postings":[["bridge","MLK",'
                    b'"-1000000000000000000000000000000",null,"-1000000000000000000000000000000"'
                    b',null,null],["tica:pool","MLK","1000000000000000000000000000000",null,'
                    b'"1000000000000000000000000000000",null,null]],"seq":1,"v":2}')
    assert chain_hash(GENESIS_HASH, data) == chain_hash(GENESIS_HASH, reference(
        1, "genesis", "bulk:1", "p", "2024-01-01T00:00:01Z", '{"reason":"bench"}',
        [("bridge", "MLK", -10**30, None, -10**30, None, None),
         ("tica:pool", "MLK", 10**30, None, 10**30, None, None)]))


scalar = st.one_of(st.none(), st.text(), st.text(st.characters(codec="utf-8")),
                   st.text(st.characters(min_codepoint=0, max_codepoint=0x7f)),
                   st.integers(), st.floats(), st.booleans(), st.binary(max_size=4),
                   st.decimals(allow_nan=False))
amount = st.one_of(st.integers(), st.text(max_size=6), st.decimals(allow_nan=False), st.none())
terms = st.one_of(st.none(), st.tuples(scalar, scalar), st.lists(scalar, max_size=3))
posting = st.tuples(scalar, scalar, amount, st.one_of(st.none(), st.integers(), scalar),
                    amount, amount, terms)


@settings(max_examples=600, deadline=None)
@given(seq=st.one_of(st.integers(), scalar), fields=st.lists(scalar, min_size=5, max_size=5),
       postings=st.lists(posting, max_size=4), version=st.sampled_from([1, 2, 2, 3]))
def test_any_entry_is_written_byte_for_byte_as_the_document(seq, fields, postings, version):
    args = (seq, *fields, postings, version)
    assert outcome(entry_bytes, *args) == outcome(reference, *args)


@settings(max_examples=300, deadline=None)
@given(kind=st.text(), key=st.text(), memo=st.text(), owner=st.text(), amounts=st.lists(
    st.integers(-(10**40), 10**40), min_size=1, max_size=5))
def test_well_formed_entries_of_any_text_match(kind, key, memo, owner, amounts):
    postings = [(owner, "MLK", a, i or None, a * 2, a if i else None,
                 ("2027-12-31", owner) if i == 1 else None) for i, a in enumerate(amounts)]
    for version in (1, 2):
        args = (len(amounts), kind, key, "p" * 64, "2026-11-23T01:00:00Z", memo, postings,
                version)
        assert entry_bytes(*args) == reference(*args)
