"""A line between the app and a real partner server that misbehaves on purpose.

`FaultyLine(upstream)` listens on 127.0.0.1 and forwards every request to the partner at
`upstream`. `fault` (one of FAULTS) applies to the next operation request (a redeem or an
issue) and then clears itself; everything else passes through. `arrived` is set when an
operation request reaches the line (a test can kill the app at that moment).
"""
from __future__ import annotations

import json
import threading
import time

import httpx

from tests.partner.hostile import RawServer, Request, response

FAULTS = (
    "drop",  # forwarded and applied; the answer never comes back (connection closed)
    "slow",  # forwarded and applied; the answer comes after the app's deadline
    "duplicate",  # delivered twice; the app gets the second answer
    "5xx-after",  # forwarded and applied; the app gets 503
    "5xx-before",  # not forwarded; the app gets 503
    "trickle",  # forwarded and applied; the answer comes a byte at a time
    "garbage",  # forwarded and applied; the app gets 201 with a body that is not JSON
    "wrong-member",  # forwarded and applied; the answer names another member
    "down",  # not forwarded; the connection is closed at once
)


class FaultyLine:
    def __init__(self, upstream: str, slow_seconds: float = 1.5):
        self.fault: str | None = None
        self.slow_seconds = slow_seconds
        self.arrived = threading.Event()
        self.after_forward = None  # called once an operation request was forwarded
        self.forwarded = 0  # operation requests that reached the partner
        self._client = None
        self.connect(upstream)
        self._server = RawServer(self._answer)
        self.url = self._server.url
        self._port = int(self.url.rsplit(":", 1)[1])

    def connect(self, upstream: str) -> None:
        """Forward to `upstream` from now on (a partner server restarted on another port)."""
        if self._client is not None:
            self._client.close()
        self.upstream = upstream
        self._client = httpx.Client(base_url=upstream, timeout=30, trust_env=False)

    def down(self) -> None:
        """Nothing listens here any more: connecting is refused."""
        self._server.close()

    def up(self) -> None:
        self._server = RawServer(self._answer, self._port)

    def close(self) -> None:
        self._server.close()
        self._client.close()

    def _answer(self, request: Request, conn) -> bool:
        operation = request.method == "POST" and request.path.rsplit("/", 1)[-1] in (
            "redeem", "issue")
        fault = self.fault if operation else None
        if operation:
            self.fault = None
            self.arrived.set()
        if fault == "down":
            return False
        if fault == "5xx-before":
            conn.sendall(response(503, b"Service Unavailable", "text/plain"))
            return True
        try:
            status, headers, body = self._forward(request)
        except httpx.TransportError:  # the partner is down: the line hangs up
            return False
        if operation:
            self.forwarded += 1
            if self.after_forward is not None:
                hook, self.after_forward = self.after_forward, None
                hook()
        if fault == "duplicate":
            status, headers, body = self._forward(request)
        if fault == "drop":
            return False
        if fault == "slow":
            time.sleep(self.slow_seconds)
        if fault == "5xx-after":
            conn.sendall(response(503, b"Service Unavailable", "text/plain"))
            return True
        if fault == "garbage":
            conn.sendall(response(201, b'{"key": "milk.', "application/json"))
            return True
        if fault == "wrong-member":
            doc = json.loads(body)
            doc["member_id"] = "someone-else"
            body = json.dumps(doc).encode()
        raw = response(status, body, headers.get("content-type", "application/json"))
        if fault == "trickle":
            for i in range(len(raw)):
                conn.sendall(raw[i:i + 1])
                time.sleep(0.05)
            return True
        conn.sendall(raw)
        return True

    def _forward(self, request: Request) -> tuple[int, dict, bytes]:
        headers = {k: v for k, v in request.headers.items()
                   if k in ("authorization", "member-token", "idempotency-key", "content-type",
                            "accept")}
        answer = self._client.request(request.method, request.path, headers=headers,
                                      content=request.body)
        return answer.status_code, dict(answer.headers), answer.content
