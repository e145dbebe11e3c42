"""The Partner API v1 client (docs/partner-api.yaml), over any httpx transport.

Every call: the operator credential as a bearer token, JSON only, one total deadline
(transport.deadline), an answer of at most MAX_RESPONSE_BODY bytes. A problem+json answer
becomes the app's error with a stable code and the partner's own message; an answer that does
not fit the contract (wrong shape, another key or amount than asked, a float, a duplicate
field) is `partner_bad_response`: numbers that move money are checked, never trusted.

Outside failures say whether the partner may have acted: `partner_unreachable` (nothing was
sent), `partner_no_answer` (sent, no complete answer: ask `operation_status` before doing
anything else), `partner_bad_response`, `partner_unavailable` (5xx).
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from urllib.parse import quote

import httpx

from app.core.clock import iso, parse_iso
from app.core.connectors import api_v1
from app.core.connectors.base import (
    Challenge,
    LotMove,
    MemberBalance,
    Operation,
    PartnerLot,
    Statement,
    check_member_id,
)
from app.core.connectors.tokens import MemberTokens
from app.core.connectors.transport import deadline
from app.core.errors import ExternalError, InputError, MilkError, RuleError
from app.core.partners import Partner

MAX_STATEMENT_PAGES = 10_000

# Problem type -> (error class, stable code). Unknown types fall back on the HTTP status.
_PROBLEMS: dict[str, tuple[type[MilkError], str]] = {
    "bad-request": (InputError, "partner_bad_request"),
    "wrong-code": (InputError, "wrong_code"),
    "code-expired": (InputError, "code_expired"),
    "unknown-member": (InputError, "unknown_member"),
    "insufficient-points": (RuleError, "insufficient_points"),
    "tica-insufficient-points": (RuleError, "tica_insufficient_points"),
    "member-closed": (RuleError, "member_closed"),
    "member-token-invalid": (RuleError, "member_token_invalid"),
    "idempotency-conflict": (RuleError, "idempotency_conflict"),
    "operation-voided": (RuleError, "operation_voided"),
    "operation-applied": (RuleError, "operation_applied"),
    "rate-limited": (RuleError, "partner_rate_limited"),
    "unauthorized": (ExternalError, "partner_unauthorized"),
    "server-error": (ExternalError, "partner_unavailable"),
}


class BadAnswer(Exception):
    """The partner's answer does not fit the contract."""


class PartnerApiConnector:
    """One partner's API. `credential` gives the operator credential; `tokens` keeps member
    tokens. Thread-safe: the httpx client pools connections across threads."""

    def __init__(self, partner: Partner, client: httpx.Client, credential: Callable[[], str],
                 tokens: MemberTokens, timeout: float = 10.0):
        self.partner, self._client, self._credential = partner, client, credential
        self._tokens, self.timeout = tokens, timeout

    # -- what the app calls today (PartnerConnector) ----------------------------------

    def request_code(self, member_id: str) -> Challenge:
        member_id = check_member_id(member_id)
        doc = self._call("POST", f"/members/{_q(member_id)}/verification", body={},
                         expect=202)
        with self._shape():
            sent_to = _clean(_text(doc, "sent_to"))
            code = doc.get("demo_code")
            if code is not None and not (isinstance(code, str) and api_v1.CODE.match(code)):
                raise BadAnswer("demo_code")
        return Challenge(self.partner.code, member_id, sent_to=sent_to, demo_code=code)

    def verify(self, member_id: str, code: str) -> None:
        self.confirm(member_id, code)

    def lots(self, member_id: str, linked_on: date, today: date) -> list[PartnerLot]:
        return [lot for lot in self.balance(member_id).lots if lot.expires_on >= today]

    def require_token_keeper(self) -> None:
        """Refuse (before any code is sent) where a member token could not be kept."""
        if not self._tokens.keeps():
            from app.core.keys.backend import HOW_TO

            raise ExternalError(
                f"{self.partner.name_en} cannot be linked on this computer: MiL.k keeps the "
                "member token a link gives only in the OS keyring, and no usable keyring is "
                f"available. {HOW_TO} (The demo partners work without one.)",
                code="keyring_refused", details={"partner": self.partner.code})

    def check_ready(self, member_id: str) -> None:
        """What a call for `member_id` needs before anything is sent: the operator credential
        and the member token (the same errors a call would raise, without the network)."""
        self._credential()
        if not self._tokens.get(self.partner.code, member_id):
            raise self._no_token(member_id)

    # -- Partner API v1 ----------------------------------------------------------------

    def confirm(self, member_id: str, code: str) -> str:
        """Prove the membership with the code the partner sent; keeps and returns the
        member token."""
        member_id = check_member_id(member_id)
        code = (code or "").strip()
        if not api_v1.CODE.match(code):
            raise InputError("A verification code is 6 digits.", code="wrong_code")
        doc = self._call("POST", f"/members/{_q(member_id)}/verification/confirm",
                         body={"code": code})
        with self._shape():
            token = _text(doc, "member_token")
            if doc.get("member_id") != member_id or not token.isprintable() or len(token) > 200:
                raise BadAnswer("member_token")
        self._tokens.put(self.partner.code, member_id, token)
        return token

    def forget(self, member_id: str) -> None:
        """Revoke the member token at the partner and drop it here."""
        if self._tokens.get(self.partner.code, member_id):
            try:
                self._call("DELETE", f"/members/{_q(member_id)}/token", member=member_id,
                           expect=204)
            except RuleError:
                pass  # already revoked or closed at the partner: nothing left to revoke
        self._tokens.delete(self.partner.code, member_id)

    def balance(self, member_id: str) -> MemberBalance:
        member_id = check_member_id(member_id)
        doc = self._call("GET", f"/members/{_q(member_id)}/balance", member=member_id)
        with self._shape():
            lots = tuple(PartnerLot(_text(lot, "id"), _points(lot, "points", zero=True),
                                    _day(lot, "earned_on"), _day(lot, "expires_on"))
                         for lot in _list(doc, "lots"))
            balance = _points(doc, "balance", zero=True)
            if doc.get("member_id") != member_id or balance != sum(lot.amount for lot in lots):
                raise BadAnswer("balance")
            return MemberBalance(member_id, balance, lots, _time(doc, "as_of"))

    def redeem(self, key: str, member_id: str, points: int,
               reference: str | None = None) -> Operation:
        """Move `points` from the member to TICA's account at the partner, once per `key`."""
        return self._operate("redeem", key, member_id, points, reference, None)

    def issue(self, key: str, member_id: str, points: int, expires_on: date | None = None,
              reference: str | None = None) -> Operation:
        """Move `points` from TICA's account at the partner to the member, once per `key`."""
        return self._operate("issue", key, member_id, points, reference, expires_on)

    def operation_status(self, key: str) -> Operation | None:
        """What the partner did under `key` (applied or voided), or None if nothing."""
        _check_key(key)
        try:
            doc = self._call("GET", f"/operations/{_q(key)}")
        except MilkError as exc:
            if exc.details.get("problem") == "unknown-operation":
                return None
            raise
        return self._answer(doc, key)

    def void(self, key: str) -> Operation | None:
        """Make sure `key` never applies. None once it is void for good; the operation if
        the partner had already applied it (then it stands)."""
        _check_key(key)
        try:
            doc = self._call("POST", f"/operations/{_q(key)}/void", body={})
        except RuleError as exc:
            if exc.code == "operation_applied":
                return self._answer(exc.details.get("operation"), key)
            raise
        if doc.get("key") != key or doc.get("status") != "voided":
            raise self._bad("void")
        return None

    def statement(self, start: datetime, end: datetime, page_size: int = 100) -> Statement:
        """Every operation applied in [start, end), all pages; checked against its totals."""
        operations: list[Operation] = []
        cursor, totals = None, None
        for _ in range(MAX_STATEMENT_PAGES):
            params = {"from": iso(start), "to": iso(end), "limit": str(page_size)}
            if cursor:
                params["cursor"] = cursor
            doc = self._call("GET", "/statement", params=params)
            with self._shape():
                page = [self._answer(item, None) for item in _list(doc, "operations")]
                t = doc.get("totals")
                page_totals = (_points(t, "redeemed", zero=True), _points(t, "issued", zero=True),
                               _points(t, "count", zero=True))
                following = doc.get("next_cursor")
                if totals not in (None, page_totals) or (following is not None and (
                        not isinstance(following, str) or following == cursor or not page)):
                    raise BadAnswer("statement paging")
            totals = page_totals
            operations += page
            if following is None:
                break
            cursor = following
        else:
            raise self._bad("statement (too many pages)")
        redeemed, issued, count = totals
        seqs = [op.seq for op in operations]
        if (len(operations) != count or len(set(seqs)) != count or seqs != sorted(seqs) or
                redeemed != sum(op.points for op in operations if op.kind == "redeem") or
                issued != sum(op.points for op in operations if op.kind == "issue")):
            raise self._bad("statement (operations do not add up to its totals)")
        return Statement(start, end, tuple(operations), redeemed, issued)

    def tica_balance(self) -> int:
        """TICA's own account at the partner: its point inventory there."""
        doc = self._call("GET", "/tica/account")
        with self._shape():
            return _points(doc, "balance", zero=True)

    def partner_time(self) -> datetime:
        """The partner's clock, to judge skew before trusting its timestamps."""
        doc = self._call("GET", "/partner")
        with self._shape():
            return _time(doc, "time")

    # -- internals ---------------------------------------------------------------------

    def _operate(self, kind, key, member_id, points, reference, expires_on) -> Operation:
        _check_key(key)
        member_id = check_member_id(member_id)
        if not api_v1.is_points(points):
            raise InputError(f"{points!r} is not a number of points.", code="bad_points")
        body: dict = {"points": points}
        if reference is not None:
            body["reference"] = reference
        if expires_on is not None:
            body["expires_on"] = expires_on.isoformat()
        doc = self._call("POST", f"/members/{_q(member_id)}/{kind}", body=body, key=key,
                         member=member_id, expect=201)
        op = self._answer(doc, key)
        moved = sum(lot.points for lot in op.lots)
        if (not op.applied or op.kind != kind or op.member_id != member_id or
                op.points != points or moved != points or op.reference != reference):
            raise self._bad(f"{kind} (not the operation that was asked for)")
        return op

    def _answer(self, doc, key: str | None) -> Operation:
        """An Operation from the partner's JSON; `key` is the one that was asked about."""
        with self._shape():
            if not isinstance(doc, dict) or (key is not None and doc.get("key") != key):
                raise BadAnswer("operation key")
            op_key = _text(doc, "key")
            if doc.get("status") == "voided":
                return Operation(op_key, "voided")
            if doc.get("status") != "applied" or doc.get("kind") not in ("redeem", "issue"):
                raise BadAnswer("operation status")
            reference = doc.get("reference")
            if reference is not None and not isinstance(reference, str):
                raise BadAnswer("reference")
            return Operation(
                op_key, "applied", doc["kind"], _text(doc, "member_id"),
                _points(doc, "points"), reference, _time(doc, "applied_at"),
                _points(doc, "seq"),
                tuple(LotMove(_text(m, "id"), _points(m, "points"), _day(m, "expires_on"))
                      for m in _list(doc, "lots")),
                _points(doc, "member_balance_after", zero=True),
                _points(doc, "tica_balance_after", zero=True))

    def _call(self, method: str, path: str, *, body: dict | None = None, key: str | None = None,
              member: str | None = None, params: dict | None = None, expect: int = 200):
        name = self.partner.name_en
        headers = {"Accept": f"{api_v1.JSON}, {api_v1.PROBLEM_JSON}",
                   "User-Agent": "MiL.k-Wallet", "Authorization": f"Bearer {self._credential()}"}
        if member is not None:
            token = self._tokens.get(self.partner.code, member)
            if not token:
                raise self._no_token(member)
            headers[api_v1.MEMBER_TOKEN_HEADER] = token
        if key is not None:
            headers[api_v1.IDEMPOTENCY_HEADER] = key
        content = None
        if body is not None:
            content = json.dumps(body).encode()
            headers["Content-Type"] = api_v1.JSON
        url = api_v1.PREFIX + path
        try:
            with deadline(self.timeout), self._client.stream(
                    method, url, headers=headers, content=content, params=params,
                    timeout=self.timeout) as response:
                raw = _read(response)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.UnsupportedProtocol) as exc:
            raise ExternalError(f"Could not reach {name}: {_clean(str(exc))}.",
                                code="partner_unreachable",
                                details={"partner": self.partner.code}) from None
        except (httpx.TransportError, httpx.TimeoutException) as exc:
            raise ExternalError(f"{name} did not answer completely within {self.timeout:g} s "
                                f"({type(exc).__name__}). What it did is checked before "
                                "anything is retried.", code="partner_no_answer",
                                details={"partner": self.partner.code}) from None
        except BadAnswer as exc:
            raise self._bad(str(exc)) from None
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if response.status_code >= 400:
            self._refusal(response.status_code, media, raw, response.headers)
        if response.status_code != expect:
            raise self._bad(f"HTTP {response.status_code} where {expect} was due")
        if expect == 204:
            return {}
        if media != api_v1.JSON:
            raise self._bad(f"content type {media or 'none'}")
        doc = self._json(raw)
        if not isinstance(doc, dict):
            raise self._bad("not a JSON object")
        return doc

    def _refusal(self, status: int, media: str, raw: bytes, headers) -> None:
        """Raise the app's error for a partner's 4xx/5xx answer."""
        doc = {}
        if media in (api_v1.PROBLEM_JSON, api_v1.JSON):
            try:
                doc = self._json(raw)
            except ExternalError:
                doc = {}
        doc = doc if isinstance(doc, dict) else {}
        problem = api_v1.problem_name(doc.get("type"))
        kind, code = _PROBLEMS.get(problem, (None, None))
        if kind is None:
            kind, code = (ExternalError, "partner_unavailable") if status >= 500 else \
                (ExternalError, "partner_refused")
        detail = doc.get("detail") if isinstance(doc.get("detail"), str) else ""
        title = doc.get("title") if isinstance(doc.get("title"), str) else ""
        text = _clean(detail or title or f"answered HTTP {status}")
        details = {"partner": self.partner.code, "status": status,
                   "problem": problem or doc.get("type")}
        for extra in ("balance", "attempts_left", "retry_after"):
            if type(doc.get(extra)) is int:
                details[extra] = doc[extra]
        if "retry_after" not in details and str(headers.get("retry-after", "")).isdigit():
            details["retry_after"] = int(headers["retry-after"])
        if isinstance(doc.get("operation"), dict):
            details["operation"] = doc["operation"]
        raise kind(f"{self.partner.name_en}: {text}", code=code, details=details)

    def _no_token(self, member: str) -> RuleError:
        return RuleError(f"MiL.k holds no member token for {self.partner.name_en} member "
                         f"{member}: unlink and link the membership again.",
                         code="member_token_missing", details={"partner": self.partner.code})

    def _json(self, raw: bytes):
        try:
            return api_v1.parse_json(raw)
        except ValueError:
            raise self._bad("not valid JSON") from None

    def _bad(self, what: str) -> ExternalError:
        return ExternalError(f"{self.partner.name_en} sent an answer MiL.k cannot use "
                             f"({what}).", code="partner_bad_response",
                             details={"partner": self.partner.code})

    def _shape(self):
        return _Shape(self)


class _Shape:
    """Turns a malformed answer (missing field, wrong type) into partner_bad_response."""

    def __init__(self, connector: PartnerApiConnector):
        self._connector = connector

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if kind is not None and issubclass(kind, (BadAnswer, KeyError, TypeError, ValueError,
                                                  AttributeError)):
            raise self._connector._bad(str(exc) or kind.__name__) from None
        return False


def _read(response: httpx.Response) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > api_v1.MAX_RESPONSE_BODY:
        raise BadAnswer(f"{int(declared):,} bytes is more than an answer can be")
    raw = bytearray()
    for chunk in response.iter_bytes():  # decoded: a compressed bomb is counted as it inflates
        raw += chunk
        if len(raw) > api_v1.MAX_RESPONSE_BODY:
            raise BadAnswer("the answer is too large")
    return bytes(raw)


def _text(doc: dict, name: str) -> str:
    value = doc[name]
    if not isinstance(value, str) or not value:
        raise BadAnswer(name)
    return value


def _points(doc: dict, name: str, zero: bool = False) -> int:
    value = doc[name]
    if not (api_v1.is_points(value) or (zero and type(value) is int and value == 0)):
        raise BadAnswer(name)
    return value


def _list(doc: dict, name: str) -> list:
    value = doc[name]
    if not isinstance(value, list):
        raise BadAnswer(name)
    return value


def _day(doc: dict, name: str) -> date:
    value = doc[name]
    if not isinstance(value, str) or len(value) != 10:
        raise BadAnswer(name)
    return date.fromisoformat(value)


def _time(doc: dict, name: str) -> datetime:
    value = doc[name]
    if not isinstance(value, str) or len(value) > 40:
        raise BadAnswer(name)
    return parse_iso(value)


def _clean(text: str, limit: int = 300) -> str:
    """A partner's text made safe to show: no control or bidi characters, bounded length."""
    kept = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch
                   for ch in str(text))
    kept = " ".join(kept.split())
    return kept if len(kept) <= limit else kept[:limit - 1] + "…"


def _check_key(key: str) -> None:
    if not isinstance(key, str) or not api_v1.IDEMPOTENCY_KEY.match(key):
        raise InputError(f"{key!r} cannot be an idempotency key.", code="bad_idempotency_key")


def _q(text: str) -> str:
    return quote(text, safe="")
