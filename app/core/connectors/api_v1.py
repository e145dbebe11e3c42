"""Partner API v1, the wire vocabulary the client and the reference server share.

docs/partner-api.yaml is the contract; this module holds the parts both sides must agree on
byte for byte (paths, headers, problem types, what a valid member id, key or amount is), so
the client and `milk-partner` cannot drift apart. Tests check it against the YAML.
"""
from __future__ import annotations

import json
import re

VERSION = "1"
PREFIX = "/v1"

MEMBER_TOKEN_HEADER = "Member-Token"
IDEMPOTENCY_HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"

JSON = "application/json"
PROBLEM_JSON = "application/problem+json"

MEMBER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{2,63}$")
IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")
CODE = re.compile(r"^[0-9]{6}$")
REFERENCE_MAX = 200  # free text TICA attaches to an operation (its conversion id)
MAX_POINTS = 10**12  # more points than any partner has issued: anything above is garbage
MAX_REQUEST_BODY = 64 * 1024
MAX_RESPONSE_BODY = 1024 * 1024
STATEMENT_PAGE_MAX = 500
MAX_DEPTH = 16  # the deepest document of the API nests 5 levels

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKET = re.compile(r"[\[\]{}]")

# Stable identifiers of every problem (RFC 9457 `type`); never dereferenced.
PROBLEM_BASE = "tag:milk.network,2026:partner-api/problems/"
PROBLEMS: dict[str, tuple[int, str]] = {
    "bad-request": (400, "The request is malformed"),
    "unauthorized": (401, "The operator credential is missing or wrong"),
    "member-token-invalid": (403, "The member token is missing, wrong or revoked"),
    "not-found": (404, "There is nothing at this address"),
    "unknown-member": (404, "No such member"),
    "unknown-operation": (404, "No operation with this idempotency key"),
    "method-not-allowed": (405, "This method is not allowed here"),
    "member-closed": (409, "The membership is closed"),
    "idempotency-conflict": (409, "This idempotency key was used for a different request"),
    "operation-applied": (409, "The operation was already applied"),
    "operation-voided": (409, "This idempotency key was voided"),
    "content-too-large": (413, "The request body is too large"),
    "unsupported-media-type": (415, "The request body must be application/json"),
    "wrong-code": (422, "The verification code is wrong"),
    "code-expired": (422, "There is no live verification code"),
    "insufficient-points": (422, "The member does not have enough points"),
    "tica-insufficient-points": (422, "TICA's account does not have enough points"),
    "rate-limited": (429, "Too many attempts"),
    "server-error": (500, "The partner failed to handle the request"),
}


def problem_type(name: str) -> str:
    if name not in PROBLEMS:
        raise KeyError(name)
    return PROBLEM_BASE + name


def problem_name(type_uri: str) -> str | None:
    """The short name of a known problem type URI, else None."""
    if isinstance(type_uri, str) and type_uri.startswith(PROBLEM_BASE):
        name = type_uri[len(PROBLEM_BASE):]
        return name if name in PROBLEMS else None
    return None


def is_points(value: object) -> bool:
    """A JSON amount of points: an integer (never a bool or float) from 1 to MAX_POINTS."""
    return type(value) is int and 0 < value <= MAX_POINTS


def parse_json(raw: bytes):
    """Strict JSON as the API speaks it: UTF-8, at most MAX_DEPTH levels deep, no duplicate
    fields, no NaN or Infinity, and no fractional or exponent numbers (every amount is
    whole). ValueError otherwise."""
    text = raw.decode("utf-8")
    if _too_deep(text):  # checked first: the parser's own limit is the stack's, which varies
        raise ValueError("nested too deeply")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_float=_not_whole,
                          parse_constant=_not_whole)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _too_deep(text: str) -> bool:
    """Whether brackets outside strings nest deeper than MAX_DEPTH."""
    depth = 0
    for bracket in _BRACKET.finditer(_STRING.sub("", text)):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > MAX_DEPTH:
            return True
    return False


def _no_duplicates(pairs):
    doc = {}
    for name, value in pairs:
        if name in doc:
            raise ValueError(f"duplicate field {name!r}")
        doc[name] = value
    return doc


def _not_whole(text):
    raise ValueError(f"{text} is not a whole number")
