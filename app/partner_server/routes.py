"""Partner API v1 endpoints: read and check the request, call the store, answer JSON.

Every input is checked before the store is touched; anything malformed is a `bad-request`
problem naming the parameter. Check order: operator credential, path, member, member token,
body, then the store (which re-checks the member inside its transaction).
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.core.clock import iso
from app.core.connectors import api_v1
from app.core.partners import Partner
from app.partner_server.auth import OperatorAuth
from app.partner_server.problems import Problem, invalid
from app.partner_server.store import Store

MAX_EXPIRY = timedelta(days=3660)  # an issued lot expires within ten years


@dataclass
class Inbox:
    """Codes "sent" to members, kept in memory only: the partner page shows them the way the
    member's phone would (a real partner sends an SMS or an app notification)."""

    codes: dict[str, tuple[str, datetime]] = field(default_factory=dict)


class Api:
    def __init__(self, store: Store, auth: OperatorAuth, *, partner: Partner | None,
                 demo_codes: bool, demo_members: bool, inbox: Inbox,
                 offload: Callable[..., Awaitable]):
        self.store, self.auth, self.partner = store, auth, partner
        self.demo_codes, self.demo_members, self.inbox = demo_codes, demo_members, inbox
        self._offload = offload

    def routes(self) -> list[Route]:
        p = api_v1.PREFIX
        return [
            Route(f"{p}/partner", self.partner_info, methods=["GET"]),
            Route(f"{p}/members/{{member_id}}/verification", self.request_code,
                  methods=["POST"]),
            Route(f"{p}/members/{{member_id}}/verification/confirm", self.confirm,
                  methods=["POST"]),
            Route(f"{p}/members/{{member_id}}/token", self.revoke, methods=["DELETE"]),
            Route(f"{p}/members/{{member_id}}/balance", self.balance, methods=["GET"]),
            Route(f"{p}/members/{{member_id}}/redeem", self.redeem, methods=["POST"]),
            Route(f"{p}/members/{{member_id}}/issue", self.issue, methods=["POST"]),
            Route(f"{p}/operations/{{key}}", self.operation, methods=["GET"]),
            Route(f"{p}/operations/{{key}}/void", self.void, methods=["POST"]),
            Route(f"{p}/statement", self.statement, methods=["GET"]),
            Route(f"{p}/tica/account", self.tica_account, methods=["GET"]),
        ]

    async def call(self, fn, *args):
        return await self._offload(fn, *args)

    # -- endpoints ---------------------------------------------------------------------

    async def partner_info(self, request: Request) -> Response:
        self.auth.check(request.headers.get("authorization"))
        names = ({"ko": self.partner.name_ko, "en": self.partner.name_en} if self.partner
                 else {"ko": self.store.partner, "en": self.store.partner})
        return _json({"code": self.store.partner, "name": names,
                      "api_version": api_v1.VERSION, "time": iso(self.store.now())})

    async def request_code(self, request: Request) -> Response:
        self.auth.check(request.headers.get("authorization"))
        member_id = _member_id(request)
        await _body(request, {})
        if self.demo_members and await self.call(self.store.member_status, member_id) is None:
            await self.call(self._enrol_demo_member, member_id)
        await self._member(member_id)
        code, expires = await self.call(self.store.request_code, member_id)
        self.inbox.codes[member_id] = (code, expires)
        name = self.partner.name_en if self.partner else self.store.partner
        doc = {"member_id": member_id, "expires_at": iso(expires),
               "sent_to": f"the {name} app" + (" (demo)" if self.demo_codes else "")}
        if self.demo_codes:
            doc["demo_code"] = code
        return _json(doc, 202)

    async def confirm(self, request: Request) -> Response:
        self.auth.check(request.headers.get("authorization"))
        member_id = _member_id(request)
        body = await _body(request, {"code": True})
        code = body["code"]
        if not isinstance(code, str) or not api_v1.CODE.match(code):
            raise invalid("code", "must be a string of 6 digits")
        await self._member(member_id)
        token = await self.call(self.store.confirm_code, member_id, code)
        self.inbox.codes.pop(member_id, None)
        return _json({"member_id": member_id, "member_token": token})

    async def revoke(self, request: Request) -> Response:
        self.auth.check(request.headers.get("authorization"))
        member_id = _member_id(request)
        await self._member(member_id, allow_closed=True)
        token = await self._member_token(request, member_id)
        await self.call(self.store.revoke_token, member_id, token)
        return Response(status_code=204)

    async def balance(self, request: Request) -> Response:
        self.auth.check(request.headers.get("authorization"))
        member_id = _member_id(request)
        await self._member(member_id)
        await self._member_token(request, member_id)
        return _json(await self.call(self.store.balance, member_id))

    async def redeem(self, request: Request) -> Response:
        member_id, key, body = await self._operation_request(request, {})
        answer, replayed = await self.call(self.store.redeem, key, member_id, body["points"],
                                           body.get("reference"))
        return _json(answer, 201, replayed)

    async def issue(self, request: Request) -> Response:
        member_id, key, body = await self._operation_request(request, {"expires_on": False})
        requested = _expiry(body.get("expires_on"), self.store.today())
        validity = self.partner.validity_days if self.partner else 365
        expires = requested or self.store.today() + timedelta(days=validity)
        answer, replayed = await self.call(self.store.issue, key, member_id, body["points"],
                                           expires, body.get("reference"), requested)
        return _json(answer, 201, replayed)

    async def operation(self, request: Request) -> Response:
        self.auth.check(request.headers.get("authorization"))
        key = _key(request.path_params["key"], "key")
        found = await self.call(self.store.operation, key)
        if found is None:
            raise Problem("unknown-operation", f"No operation has the idempotency key {key}.")
        return _json(found)

    async def void(self, request: Request) -> Response:
        self.auth.check(request.headers.get("authorization"))
        key = _key(request.path_params["key"], "key")
        await _body(request, {})
        return _json(await self.call(self.store.void, key))

    async def statement(self, request: Request) -> Response:
        self.auth.check(request.headers.get("authorization"))
        q = request.query_params
        unknown = set(q) - {"from", "to", "cursor", "limit"}
        if unknown:
            raise invalid(sorted(unknown)[0], "unknown parameter")
        start, end = _instant(q.get("from"), "from"), _instant(q.get("to"), "to")
        if end <= start:
            raise invalid("to", "must be after `from`")
        cursor = _count(q.get("cursor", "0"), "cursor", 0, 2**62)
        limit = _count(q.get("limit", "100"), "limit", 1, api_v1.STATEMENT_PAGE_MAX)
        return _json(await self.call(self.store.statement, start, end, cursor, limit))

    async def tica_account(self, request: Request) -> Response:
        self.auth.check(request.headers.get("authorization"))
        balance = await self.call(self.store.tica_balance)
        return _json({"partner": self.store.partner, "balance": balance,
                      "as_of": iso(self.store.now())})

    # -- shared checks -----------------------------------------------------------------

    async def _operation_request(self, request: Request, extra: dict) -> tuple:
        self.auth.check(request.headers.get("authorization"))
        member_id = _member_id(request)
        key = _key(request.headers.get(api_v1.IDEMPOTENCY_HEADER), api_v1.IDEMPOTENCY_HEADER)
        body = await _body(request, {"points": True, "reference": False, **extra})
        if not api_v1.is_points(body["points"]):
            raise invalid("points", f"must be a whole number from 1 to {api_v1.MAX_POINTS}")
        reference = body.get("reference")
        if reference is not None and not (isinstance(reference, str) and 0 < len(reference)
                                          <= api_v1.REFERENCE_MAX and reference.isprintable()):
            raise invalid("reference", f"must be printable text of 1 to "
                          f"{api_v1.REFERENCE_MAX} characters")
        await self._member(member_id, allow_closed=True)  # closed: the store answers replays
        await self._member_token(request, member_id)
        return member_id, key, body

    async def _member(self, member_id: str, allow_closed: bool = False) -> None:
        status = await self.call(self.store.member_status, member_id)
        if status is None:
            raise Problem("unknown-member", f"There is no member {member_id}.")
        if status == "closed" and not allow_closed:
            raise Problem("member-closed", f"The membership of {member_id} is closed.")

    async def _member_token(self, request: Request, member_id: str) -> str:
        token = request.headers.get(api_v1.MEMBER_TOKEN_HEADER, "")
        if not token or len(token) > 200 or not await self.call(self.store.token_valid,
                                                                member_id, token):
            raise Problem("member-token-invalid", f"Send the token {member_id} got when "
                          f"confirming the code, in the {api_v1.MEMBER_TOKEN_HEADER} header.")
        return token

    def _enrol_demo_member(self, member_id: str) -> None:
        """Demo partners know every member: a new id arrives with its demo points."""
        from app.partner_server.demo_members import demo_lots

        self.store.enrol(member_id, demo_lots(self.partner, member_id, self.store.today()))


def _json(doc: dict, status: int = 200, replayed: bool = False) -> Response:
    headers = {api_v1.REPLAYED_HEADER: "true"} if replayed else None
    return JSONResponse(doc, status_code=status, headers=headers)


def _member_id(request: Request) -> str:
    value = request.path_params["member_id"]
    if not api_v1.MEMBER_ID.match(value):
        raise invalid("member_id", "3 to 64 letters, digits or . _ @ + - starting with a "
                      "letter or digit")
    return value


def _key(value: str | None, name: str) -> str:
    if not value:
        raise invalid(name, "required")
    if not api_v1.IDEMPOTENCY_KEY.match(value):
        raise invalid(name, "1 to 128 characters: letters, digits and . _ : - (starting with "
                      "a letter or digit)")
    return value


async def _body(request: Request, fields: dict[str, bool]) -> dict:
    """The JSON object in the body; `fields` maps each allowed name to whether it is required.
    An empty body stands for {}."""
    raw = bytearray()
    try:
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > api_v1.MAX_REQUEST_BODY:
                raise Problem("content-too-large", f"The body is over "
                              f"{api_v1.MAX_REQUEST_BODY:,} bytes.")
    except ClientDisconnect:
        raise Problem("bad-request", "The client went away before sending the body.") from None
    if not raw:
        doc = {}
    else:
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != api_v1.JSON:
            raise Problem("unsupported-media-type", "Send the body as application/json.")
        doc = _parse_json(bytes(raw))
    if not isinstance(doc, dict):
        raise Problem("bad-request", "The body must be a JSON object.")
    for name in doc:
        if name not in fields:
            raise invalid(name, "unknown field")
    for name, required in fields.items():
        if required and name not in doc:
            raise invalid(name, "required")
    return doc


def _parse_json(raw: bytes):
    try:
        return api_v1.parse_json(raw)
    except ValueError as exc:
        raise Problem("bad-request", f"The body is not valid JSON: {str(exc)[:200]}.") from None


def _expiry(value, today: date) -> date | None:
    if value is None:
        return None
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise invalid("expires_on", "a date as YYYY-MM-DD") from None
    if not today <= day <= today + MAX_EXPIRY:
        raise invalid("expires_on", "from today to ten years ahead")
    return day


def _instant(value: str | None, name: str) -> datetime:
    if not value:
        raise invalid(name, "required (an RFC 3339 time with its offset)")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise invalid(name, "an RFC 3339 time such as 2026-11-23T09:00:00+09:00") from None
    if moment.tzinfo is None:
        raise invalid(name, "needs its UTC offset (Z or +09:00)")
    return moment


def _count(value: str, name: str, low: int, high: int) -> int:
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        raise invalid(name, f"a whole number from {low} to {high}")
    return int(value)
