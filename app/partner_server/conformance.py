"""`milk-partner conformance URL`: what a partner runs before going live.

Drives any Partner API v1 implementation over HTTP with a test member and checks the
contract end to end: credentials refused when missing or wrong, the verification flow,
balance and lots, redeem and issue applied exactly once per idempotency key (replay, conflict,
status after a lost answer, void), a redeem that would overdraw refused with nothing moved,
the statement adding up, problem+json on every refusal, and a table of garbage requests each
refused with nothing moved. It moves `points` twice out of the member and back in one issue,
so the member and TICA's account end where they began.
"""
from __future__ import annotations

import json
import secrets
import socket
import ssl
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import quote

import httpx

from app.core.clock import iso, parse_iso
from app.core.connectors import api_v1
from app.core.errors import ExternalError, InputError


@dataclass(frozen=True)
class Garbage:
    """A malformed request and the statuses the contract allows for it."""

    name: str
    endpoint: str  # "redeem" | "issue" | "confirm" | "statement"
    body: bytes = b'{"points": 1}'
    content_type: str = "application/json"
    key: str | None = "use-run-key"  # None: no Idempotency-Key header
    query: str = ""
    member: str | None = None  # another member id in the path
    statuses: tuple[int, ...] = (400,)


_DEEP = b"[" * 20_000 + b"]" * 20_000
GARBAGE: tuple[Garbage, ...] = (
    Garbage("not JSON", "redeem", b'{"points": '),
    Garbage("JSON array", "redeem", b"[1]"),
    Garbage("JSON string", "redeem", b'"points"'),
    Garbage("points as text", "redeem", b'{"points": "10"}'),
    Garbage("points with a fraction", "redeem", b'{"points": 1.5}'),
    Garbage("points in exponent form", "redeem", b'{"points": 1e3}'),
    Garbage("negative points", "redeem", b'{"points": -5}'),
    Garbage("zero points", "redeem", b'{"points": 0}'),
    Garbage("astronomic points", "redeem", b'{"points": 1000000000000000000000000000000}'),
    Garbage("points true", "redeem", b'{"points": true}'),
    Garbage("points null", "redeem", b'{"points": null}'),
    Garbage("NaN points", "redeem", b'{"points": NaN}'),
    Garbage("missing points", "redeem", b"{}"),
    Garbage("unknown field", "redeem", b'{"points": 1, "to": "someone-else"}'),
    Garbage("duplicate field", "redeem", b'{"points": 1, "points": 100000}'),
    Garbage("reference not text", "redeem", b'{"points": 1, "reference": 7}'),
    Garbage("nested too deep", "redeem", _DEEP, statuses=(400, 413)),
    Garbage("not UTF-8", "redeem", b'{"points": 1, "reference": "\xff\xfe"}'),
    Garbage("body too large", "redeem",
            b'{"points": 1, "reference": "' + b"x" * 70_000 + b'"}', statuses=(413,)),
    Garbage("wrong content type", "redeem", content_type="text/plain", statuses=(415,)),
    Garbage("no idempotency key", "redeem", key=None),
    Garbage("idempotency key with a space", "redeem", key="bad key"),
    Garbage("idempotency key too long", "redeem", key="k" * 300),
    Garbage("member id with a space", "redeem", member="bad member"),
    Garbage("member id too long", "redeem", member="m" * 65),
    Garbage("expiry in the past", "issue", b'{"points": 1, "expires_on": "2001-01-01"}'),
    Garbage("expiry not a date", "issue", b'{"points": 1, "expires_on": "soon"}'),
    Garbage("code as a number", "confirm", b'{"code": 123456}', key=None),
    Garbage("code too short", "confirm", b'{"code": "12"}', key=None),
    Garbage("statement without a range", "statement", key=None),
    Garbage("statement range backwards", "statement", key=None,
            query="from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"),
    Garbage("statement time without offset", "statement", key=None,
            query="from=2026-01-01T00:00:00&to=2026-02-01T00:00:00Z"),
    Garbage("statement limit zero", "statement", key=None,
            query="from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&limit=0"),
    Garbage("statement cursor not a number", "statement", key=None,
            query="from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&cursor=-1"),
)


@dataclass
class Reply:
    status: int
    media: str
    doc: object
    headers: httpx.Headers


@dataclass
class Check:
    name: str
    passed: bool
    detail: str = ""


@dataclass
class Report:
    url: str
    checks: list[Check] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return bool(self.checks) and all(c.passed for c in self.checks)

    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.passed]

    def summary(self) -> str:
        failed = self.failed()
        if not failed:
            return f"\n{len(self.checks)} checks passed: {self.url} conforms to Partner API v1."
        return (f"\n{len(failed)} of {len(self.checks)} checks failed: "
                + ", ".join(c.name for c in failed))

    def document(self) -> dict:
        return {"ok": self.passed, "url": self.url, "passed": len(self.checks) -
                len(self.failed()), "failed": [c.name for c in self.failed()],
                "checks": [{"name": c.name, "passed": c.passed, "detail": c.detail}
                           for c in self.checks]}


class Fail(Exception):
    pass


class _Stop(Exception):
    """A check the rest of the run depends on failed."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise Fail(message)


def run(url: str, credential: str, *, member: str = "milk-conformance", points: int = 3,
        timeout: float = 10.0, log: Callable[[str], None] | None = None,
        code_prompt: Callable[[str], str] | None = None) -> Report:
    target = httpx.URL(url.rstrip("/"))
    if target.scheme not in ("http", "https") or not target.host:
        raise InputError(f"'{url}' is not an http(s) URL.", code="bad_url")
    runner = _Run(target, credential, member, points, timeout, log or (lambda _: None),
                  code_prompt or _prompt)
    try:
        runner.all()
    except _Stop:
        pass
    finally:
        runner.http.close()
    return runner.report


def _prompt(message: str) -> str:
    if not sys.stdin.isatty():
        raise InputError("The partner sent no demo_code. Run the conformance check in a "
                         "terminal to type the code the test member received.",
                         code="code_needed")
    return input(message).strip()


class _Run:
    def __init__(self, url: httpx.URL, credential: str, member: str, points: int,
                 timeout: float, log, code_prompt):
        self.url, self.credential, self.member, self.n = url, credential, member, points
        self.log, self.code_prompt = log, code_prompt
        self.report = Report(str(url))
        self.http = httpx.Client(base_url=str(url), timeout=timeout, trust_env=False,
                                 follow_redirects=False)
        self.tag = f"conf-{secrets.token_hex(5)}"
        self.token: str | None = None
        self.refusals: list[tuple[str, Reply]] = []
        self.ops: dict[str, dict] = {}

    # -- plumbing ------------------------------------------------------------------------

    @contextmanager
    def check(self, name: str, required: bool = False):
        try:
            yield
        except (Fail, httpx.HTTPError) as exc:
            detail = str(exc) if isinstance(exc, Fail) else f"{type(exc).__name__}: {exc}"
            self.report.checks.append(Check(name, False, detail))
            self.log(f"FAIL  {name} — {detail}")
            if required:
                raise _Stop from None
        else:
            self.report.checks.append(Check(name, True))
            self.log(f"pass  {name}")

    def key(self, name: str) -> str:
        return f"{self.tag}-{name}"

    def call(self, method: str, path: str, *, auth: str | None = "good", member_token=None,
             key: str | None = None, body=None, content: bytes | None = None,
             content_type: str = api_v1.JSON, params=None) -> Reply:
        headers = {"Accept": f"{api_v1.JSON}, {api_v1.PROBLEM_JSON}"}
        if auth == "good":
            headers["Authorization"] = f"Bearer {self.credential}"
        elif auth is not None:
            headers["Authorization"] = auth
        if member_token:
            headers[api_v1.MEMBER_TOKEN_HEADER] = member_token
        if key is not None:
            headers[api_v1.IDEMPOTENCY_HEADER] = key
        if body is not None:
            content = json.dumps(body).encode()
        if content is not None:
            headers["Content-Type"] = content_type
        response = self.http.request(method, api_v1.PREFIX + path, headers=headers,
                                     content=content, params=params)
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            doc = json.loads(response.content) if response.content else None
        except ValueError:
            doc = None
        reply = Reply(response.status_code, media, doc, response.headers)
        if reply.status >= 400:
            self.refusals.append((f"{method} {path}", reply))
        return reply

    def member_path(self, what: str, member: str | None = None) -> str:
        return f"/members/{quote(member or self.member, safe='')}/{what}"

    def refused(self, reply: Reply, problem: str) -> None:
        status = api_v1.PROBLEMS[problem][0]
        got = reply.doc.get("type") if isinstance(reply.doc, dict) else None
        expect(reply.status == status and got == api_v1.problem_type(problem),
               f"expected HTTP {status} {problem}, got HTTP {reply.status} "
               f"{api_v1.problem_name(got) or got or reply.media}")

    def ok(self, reply: Reply, status: int = 200) -> dict:
        expect(reply.status == status, f"expected HTTP {status}, got {reply.status} "
               f"{reply.doc.get('detail', '') if isinstance(reply.doc, dict) else ''}".strip())
        expect(reply.media == api_v1.JSON, f"expected {api_v1.JSON}, got {reply.media!r}")
        expect(isinstance(reply.doc, dict), "the body is not a JSON object")
        return reply.doc

    def balances(self) -> tuple[int, int]:
        member = self.ok(self.call("GET", self.member_path("balance"),
                                   member_token=self.token))
        tica = self.ok(self.call("GET", "/tica/account"))
        return member["balance"], tica["balance"]

    def operate(self, kind: str, key: str, points: int, **extra) -> Reply:
        return self.call("POST", self.member_path(kind), member_token=self.token, key=key,
                         body={"points": points, **extra})

    # -- the run -------------------------------------------------------------------------

    def all(self) -> None:
        self.reach()
        self.authentication()
        self.verification()
        self.balance()
        self.redeem_and_replay()
        self.lost_answer()
        self.insufficient()
        self.issue()
        self.voiding()
        self.garbage()
        self.statement()
        self.problem_shapes()
        self.conservation()

    def reach(self) -> None:
        try:
            reply = self.call("GET", "/partner")
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise ExternalError(f"Cannot reach {self.url}: {exc}.",
                                code="partner_unreachable") from None
        with self.check("partner.info", required=True):
            doc = self.ok(reply)
            expect(doc.get("api_version") == api_v1.VERSION,
                   f"api_version is {doc.get('api_version')!r}, not '1'")
            expect(isinstance(doc.get("code"), str) and isinstance(doc.get("name"), dict),
                   "code and name (ko, en) are required")
            self.skew = parse_iso(doc["time"]) - datetime.now(parse_iso(doc["time"]).tzinfo)
            self.start = parse_iso(doc["time"]) - timedelta(seconds=5)

    def authentication(self) -> None:
        with self.check("auth.missing-credential-refused"):
            self.refused(self.call("GET", "/tica/account", auth=None), "unauthorized")
        with self.check("auth.wrong-credential-refused"):
            self.refused(self.call("GET", "/tica/account", auth="Bearer not-the-credential-0"),
                         "unauthorized")
            self.refused(self.call("GET", "/tica/account", auth=f"Basic {self.credential}"),
                         "unauthorized")
        with self.check("auth.every-endpoint-refuses-without-credential"):
            probes = [("POST", self.member_path("verification"), None),
                      ("GET", self.member_path("balance"), None),
                      ("POST", self.member_path("redeem"), {"points": 1}),
                      ("POST", self.member_path("issue"), {"points": 1}),
                      ("GET", f"/operations/{self.key('x')}", None),
                      ("POST", f"/operations/{self.key('x')}/void", None),
                      ("GET", "/statement", None), ("GET", "/partner", None)]
            for method, path, body in probes:
                reply = self.call(method, path, auth=None, key=self.key("noauth"), body=body)
                expect(reply.status == 401, f"{method} {path} answered {reply.status}")

    def verification(self) -> None:
        with self.check("verification.code-sent", required=True):
            doc = self.ok(self.call("POST", self.member_path("verification"), body={}), 202)
            expect(isinstance(doc.get("sent_to"), str), "sent_to is required")
            parse_iso(doc["expires_at"])
        code = doc.get("demo_code") or self.code_prompt(
            f"Code sent to {self.member} ({doc['sent_to']}): ")
        with self.check("verification.wrong-code-refused"):
            wrong = f"{(int(code) + 1) % 10**6:06d}" if code.isdigit() else "000000"
            self.refused(self.call("POST", self.member_path("verification/confirm"),
                                   body={"code": wrong}), "wrong-code")
        with self.check("verification.confirm-returns-member-token", required=True):
            doc = self.ok(self.call("POST", self.member_path("verification/confirm"),
                                    body={"code": code}))
            expect(isinstance(doc.get("member_token"), str) and len(doc["member_token"]) >= 16,
                   "member_token must be a string of 16 characters or more")
            self.token = doc["member_token"]
        with self.check("verification.code-single-use"):
            self.refused(self.call("POST", self.member_path("verification/confirm"),
                                   body={"code": code}), "code-expired")
        with self.check("member-token.wrong-refused"):
            self.refused(self.call("GET", self.member_path("balance"), member_token="x" * 43),
                         "member-token-invalid")
            self.refused(self.call("GET", self.member_path("balance")), "member-token-invalid")
        with self.check("unknown-member-refused"):
            stranger = f"{self.tag}-nobody"
            self.refused(self.call("GET", self.member_path("balance", stranger),
                                   member_token=self.token), "unknown-member")

    def balance(self) -> None:
        with self.check("balance.lots-add-up", required=True):
            doc = self.ok(self.call("GET", self.member_path("balance"),
                                    member_token=self.token))
            lots = doc["lots"]
            expect(doc.get("member_id") == self.member, "member_id differs")
            expect(all(api_v1.is_points(lot["points"]) for lot in lots), "lot points invalid")
            expect(doc["balance"] == sum(lot["points"] for lot in lots),
                   f"balance {doc['balance']} is not the sum of the lots")
            days = [date.fromisoformat(lot["expires_on"]) for lot in lots]
            expect(days == sorted(days), "lots are not soonest-expiring first")
            expect(doc["balance"] >= 2 * self.n + 1, f"the test member needs at least "
                   f"{2 * self.n + 1} points; it has {doc['balance']}")
            self.lots0 = lots
            self.member0, self.tica0 = self.balances()

    def redeem_and_replay(self) -> None:
        k1 = self.key("redeem-1")
        with self.check("redeem.applied-once", required=True):
            reply = self.operate("redeem", k1, self.n, reference=self.tag)
            op = self.ok(reply, 201)
            self.ops[k1] = op
            expect((op["key"], op["kind"], op["status"], op["member_id"], op["points"]) ==
                   (k1, "redeem", "applied", self.member, self.n), f"operation fields: {op}")
            expect(sum(m["points"] for m in op["lots"]) == self.n, "lots do not add up")
            expect(self.balances() == (self.member0 - self.n, self.tica0 + self.n),
                   "the balances did not move by exactly the redeemed points")
        with self.check("redeem.soonest-expiring-first"):
            expect(op["lots"][0]["id"] == self.lots0[0]["id"],
                   f"took lot {op['lots'][0]['id']} before {self.lots0[0]['id']}")
        with self.check("idempotency.replay-returns-first-result"):
            again = self.operate("redeem", k1, self.n, reference=self.tag)
            expect(self.ok(again, 201) == op, "the replay answered differently")
            expect(self.balances() == (self.member0 - self.n, self.tica0 + self.n),
                   "the replay moved points")
        with self.check("idempotency.conflict-refused"):
            self.refused(self.operate("redeem", k1, self.n + 1, reference=self.tag),
                         "idempotency-conflict")
            self.refused(self.operate("issue", k1, self.n, reference=self.tag),
                         "idempotency-conflict")
            expect(self.balances() == (self.member0 - self.n, self.tica0 + self.n),
                   "a conflicting request moved points")
        with self.check("status.by-key"):
            expect(self.ok(self.call("GET", f"/operations/{k1}")) == op,
                   "the status differs from the operation")
            self.refused(self.call("GET", f"/operations/{self.key('never')}"),
                         "unknown-operation")

    def lost_answer(self) -> None:
        k2 = self.key("redeem-2")
        with self.check("status.after-lost-answer"):
            self._send_and_hang_up("POST", self.member_path("redeem"), k2,
                                   {"points": self.n, "reference": self.tag})
            time.sleep(0.5)
            status = self.call("GET", f"/operations/{k2}")
            expect(status.status in (200, 404), f"status answered {status.status}")
            retry = self.ok(self.operate("redeem", k2, self.n, reference=self.tag), 201)
            self.ops[k2] = retry
            time.sleep(0.3)
            expect(self.ok(self.call("GET", f"/operations/{k2}")) == retry,
                   "the status differs from the retried operation")
            expect(self.balances() == (self.member0 - 2 * self.n, self.tica0 + 2 * self.n),
                   "the lost request and its retry did not move the points exactly once")

    def insufficient(self) -> None:
        k3 = self.key("too-much")
        with self.check("redeem.insufficient-points-refused-nothing-moved"):
            before = self.balances()
            self.refused(self.operate("redeem", k3, before[0] + 1), "insufficient-points")
            expect(self.balances() == before, "points moved")
            self.refused(self.call("GET", f"/operations/{k3}"), "unknown-operation")

    def issue(self) -> None:
        k4 = self.key("issue-1")
        with self.check("issue.applied-once"):
            back = 2 * self.n
            op = self.ok(self.operate("issue", k4, back, reference=self.tag), 201)
            self.ops[k4] = op
            expect((op["kind"], op["points"], op["member_id"]) == ("issue", back, self.member),
                   f"operation fields: {op}")
            expect(len(op["lots"]) == 1 and op["lots"][0]["points"] == back,
                   "an issue creates one lot of the issued points")
            expect(self.ok(self.operate("issue", k4, back, reference=self.tag), 201) == op,
                   "the replay answered differently")
            expect(self.balances() == (self.member0, self.tica0), "the issue did not move "
                   "exactly the issued points back")

    def voiding(self) -> None:
        k5 = self.key("voided")
        with self.check("void.unknown-key-never-applies"):
            doc = self.ok(self.call("POST", f"/operations/{k5}/void"))
            expect(doc == {"key": k5, "status": "voided"}, f"void answered {doc}")
            self.refused(self.operate("redeem", k5, self.n), "operation-voided")
            expect(self.balances() == (self.member0, self.tica0), "a voided key moved points")
        with self.check("void.applied-operation-stands"):
            k1 = self.key("redeem-1")
            reply = self.call("POST", f"/operations/{k1}/void")
            self.refused(reply, "operation-applied")
            expect(reply.doc.get("operation") == self.ops[k1], "the problem must carry the "
                   "applied operation")

    def garbage(self) -> None:
        before = self.balances()
        for case in GARBAGE:
            with self.check(f"garbage.{case.name.replace(' ', '-')}"):
                reply = self.send_garbage(case)
                expect(reply.status in case.statuses, f"answered {reply.status}, expected "
                       f"{' or '.join(map(str, case.statuses))}")
        with self.check("garbage.nothing-moved"):
            expect(self.balances() == before, "a malformed request moved points")
            for case in GARBAGE:
                if case.key == "use-run-key":
                    self.refused(self.call("GET", f"/operations/{self.key('garbage')}"),
                                 "unknown-operation")
                    break

    def send_garbage(self, case: Garbage) -> Reply:
        key = self.key("garbage") if case.key == "use-run-key" else case.key
        if case.endpoint == "statement":
            return self.call("GET", "/statement" + (f"?{case.query}" if case.query else ""))
        path = self.member_path("verification/confirm" if case.endpoint == "confirm"
                                else case.endpoint, case.member)
        return self.call("POST", path, member_token=self.token, key=key, content=case.body,
                         content_type=case.content_type)

    def statement(self) -> None:
        with self.check("statement.lists-each-operation-once-and-adds-up"):
            end = datetime.now(self.start.tzinfo) + self.skew + timedelta(seconds=5)
            seen, cursor, totals = [], None, None
            for _ in range(1000):
                params = {"from": iso(self.start), "to": iso(end), "limit": "1"}
                if cursor:
                    params["cursor"] = cursor
                doc = self.ok(self.call("GET", "/statement", params=params))
                expect(totals in (None, doc["totals"]), "totals change between pages")
                totals = doc["totals"]
                seen += doc["operations"]
                cursor = doc.get("next_cursor")
                if not cursor:
                    break
            keys = [op["key"] for op in seen]
            expect(len(keys) == len(set(keys)), "an operation appears twice")
            for key, op in self.ops.items():
                expect(keys.count(key) == 1, f"{key} is missing from the statement")
                expect(next(s for s in seen if s["key"] == key) == op,
                       f"{key} differs in the statement")
            expect(totals["count"] == len(seen), "count differs from the operations listed")
            for kind, total in (("redeem", "redeemed"), ("issue", "issued")):
                expect(totals[total] == sum(op["points"] for op in seen if op["kind"] == kind),
                       f"totals.{total} is not the sum of the listed operations")
            ours = {k: sum(op["points"] for op in self.ops.values() if op["kind"] == k)
                    for k in ("redeem", "issue")}
            expect(ours == {"redeem": 2 * self.n, "issue": 2 * self.n},
                   "the run's operations do not match the balances moved")

    def problem_shapes(self) -> None:
        with self.check("problems.all-refusals-are-problem-json"):
            bad = []
            for what, reply in self.refusals:
                doc = reply.doc if isinstance(reply.doc, dict) else {}
                if (reply.media != api_v1.PROBLEM_JSON or not isinstance(doc.get("title"), str)
                        or doc.get("status") != reply.status
                        or api_v1.problem_name(doc.get("type")) is None
                        or api_v1.PROBLEMS[api_v1.problem_name(doc["type"])][0] != reply.status):
                    bad.append(f"{what} -> {reply.status} {reply.media}")
            expect(not bad, f"{len(bad)} refusals are not Partner API problems: "
                   + "; ".join(bad[:5]))
        with self.check("problems.unauthorized-has-www-authenticate"):
            reply = self.call("GET", "/partner", auth=None)
            expect("bearer" in reply.headers.get("www-authenticate", "").lower(),
                   "a 401 must say WWW-Authenticate: Bearer")

    def conservation(self) -> None:
        with self.check("conservation.member-and-tica-back-where-they-began"):
            expect(self.balances() == (self.member0, self.tica0),
                   f"now {self.balances()}, began at {(self.member0, self.tica0)}")

    def _send_and_hang_up(self, method: str, path: str, key: str, body: dict) -> None:
        """Send a whole request, then close the connection without reading the answer."""
        content = json.dumps(body).encode()
        target = (self.url.raw_path.decode().rstrip("/") + api_v1.PREFIX + path)
        head = (f"{method} {target} HTTP/1.1\r\nHost: {self.url.netloc.decode()}\r\n"
                f"Authorization: Bearer {self.credential}\r\n"
                f"{api_v1.MEMBER_TOKEN_HEADER}: {self.token}\r\n"
                f"{api_v1.IDEMPOTENCY_HEADER}: {key}\r\nContent-Type: {api_v1.JSON}\r\n"
                f"Content-Length: {len(content)}\r\nConnection: close\r\n\r\n")
        port = self.url.port or (443 if self.url.scheme == "https" else 80)
        sock = socket.create_connection((self.url.host, port), timeout=10)
        if self.url.scheme == "https":
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=self.url.host)
        with sock:
            sock.sendall(head.encode() + content)
