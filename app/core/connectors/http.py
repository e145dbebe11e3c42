"""A partner reached over HTTP/JSON.

The partner exposes (paths under the catalog's `connector.base_url`):
  POST /v1/members/{id}/verification            -> {"sent_to": "..."}     send a code
  POST /v1/members/{id}/verification/confirm    {"code": "..."} -> 204    check it
  GET  /v1/members/{id}/lots                    -> {"lots": [{"id", "amount", "earned_on",
                                                               "expires_on"}]}
A bearer token is read from the environment variable named by `connector.token_env`.
"""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from datetime import date

from app.core.connectors.base import Challenge, PartnerLot, check_member_id
from app.core.errors import ExternalError, InputError
from app.core.partners import Partner

MAX_BODY = 2_000_000
MAX_POINTS = 10**15


class HttpConnector:
    def __init__(self, partner: Partner):
        self.partner = partner
        self.base_url = partner.connector["base_url"].rstrip("/")
        self.timeout = float(partner.connector.get("timeout_seconds", 10))
        token_env = partner.connector.get("token_env")
        self._token = os.environ.get(token_env) if token_env else None

    def request_code(self, member_id: str) -> Challenge:
        member_id = check_member_id(member_id)
        doc = self._call("POST", f"/v1/members/{_q(member_id)}/verification", {})
        return Challenge(self.partner.code, member_id,
                         sent_to=str(doc.get("sent_to") or f"your {self.partner.name_en} account"))

    def verify(self, member_id: str, code: str) -> None:
        member_id = check_member_id(member_id)
        self._call("POST", f"/v1/members/{_q(member_id)}/verification/confirm",
                   {"code": (code or "").strip()})

    def lots(self, member_id: str, linked_on: date, today: date) -> list[PartnerLot]:
        member_id = check_member_id(member_id)
        doc = self._call("GET", f"/v1/members/{_q(member_id)}/lots", None)
        try:
            lots = [PartnerLot(str(item["id"]), int(item["amount"]),
                               date.fromisoformat(item["earned_on"]),
                               date.fromisoformat(item["expires_on"])) for item in doc["lots"]]
        except (KeyError, TypeError, ValueError):
            raise ExternalError(f"{self.partner.name_en} sent lots in an unexpected shape.",
                                code="partner_bad_response") from None
        if any(not 0 <= lot.amount <= MAX_POINTS for lot in lots):
            raise ExternalError(f"{self.partner.name_en} reported an impossible lot amount.",
                                code="partner_bad_response")
        return [lot for lot in lots if lot.expires_on >= today]

    def _call(self, method: str, path: str, body: dict | None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Accept": "application/json", "User-Agent": "MiL.k-Wallet"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        request = urllib.request.Request(self.base_url + path, data=data, method=method,
                                         headers=headers)
        name = self.partner.name_en
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read(MAX_BODY)
        except urllib.error.HTTPError as exc:
            if exc.code in (400, 401, 403) and path.endswith("/confirm"):
                raise InputError(f"{name} did not accept that verification code.",
                                 code="wrong_code") from None
            if exc.code == 404:
                raise InputError(f"{name} does not know that member id.",
                                 code="unknown_member") from None
            raise ExternalError(f"{name} answered HTTP {exc.code}.",
                                code="partner_unreachable") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise ExternalError(f"Could not reach {name}: {getattr(exc, 'reason', exc)}.",
                                code="partner_unreachable") from None
        if not raw:
            return {}
        try:
            doc = json.loads(raw)
        except ValueError:
            raise ExternalError(f"{name} sent an answer that is not JSON.",
                                code="partner_bad_response") from None
        return doc if isinstance(doc, dict) else {}


def _q(member_id: str) -> str:
    return urllib.parse.quote(member_id, safe="")
