"""The Partner API v1 client over real HTTP: against the reference server, and against
partners that misbehave on a real socket (trickled bytes, oversized or malformed answers)."""
from __future__ import annotations

import gzip
import socket
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from app.core.connectors import Operation, connector_for
from app.core.connectors.client import PartnerApiConnector
from app.core.connectors.http import KEYRING_SERVICE
from app.core.connectors.tokens import MemoryTokens
from app.core.errors import ExternalError, InputError, RuleError
from app.core.partners import Catalog
from tests.partner.hostile import RawServer, always, response
from tests.partner.server import CREDENTIAL

DELICAR = Catalog.load().get("DELICAR")
TOKEN_ENV = "MILK_TEST_DELICAR_API_TOKEN"


def http_partner(url: str, **conf):
    return replace(DELICAR, connector={"type": "http", "base_url": url, "token_env": TOKEN_ENV,
                                       **conf})


@pytest.fixture
def api(partner, monkeypatch):
    """A connector to the module's reference server over HTTP, its tokens in memory."""
    monkeypatch.setenv(TOKEN_ENV, CREDENTIAL)
    return connector_for(http_partner(partner.url), tokens=MemoryTokens())


def test_link_read_and_move_points_exactly_once(api):
    assert isinstance(api, PartnerApiConnector)
    challenge = api.request_code("jisoo-1")
    assert challenge.sent_to == "the Delicar app (demo)" and len(challenge.demo_code) == 6
    api.verify("jisoo-1", challenge.demo_code)
    today = datetime.now(UTC).date()
    balance = api.balance("jisoo-1")
    assert balance.balance == sum(lot.amount for lot in balance.lots) > 0
    assert api.lots("jisoo-1", today, today) == list(balance.lots)
    tica = api.tica_balance()

    op = api.redeem("client-r1", "jisoo-1", 40, reference="conversion-1")
    assert (op.status, op.kind, op.points, op.reference) == ("applied", "redeem", 40,
                                                             "conversion-1")
    assert api.redeem("client-r1", "jisoo-1", 40, reference="conversion-1") == op  # replay
    assert (api.balance("jisoo-1").balance, api.tica_balance()) == \
        (balance.balance - 40, tica + 40) == (op.member_balance_after, op.tica_balance_after)
    expires = today + timedelta(days=30)
    issued = api.issue("client-i1", "jisoo-1", 40, expires_on=expires)
    assert issued.lots[0].expires_on == expires and issued.lots[0].points == 40
    assert api.balance("jisoo-1").balance == balance.balance
    assert api.operation_status("client-r1") == op
    assert api.operation_status("client-never") is None
    assert api.void("client-v1") is None
    assert api.operation_status("client-v1") == Operation("client-v1", "voided")
    assert api.void("client-r1") == op  # applied: it stands
    assert abs(api.partner_time() - datetime.now(UTC)) < timedelta(seconds=30)
    statement = api.statement(op.applied_at, datetime.now(UTC) + timedelta(seconds=5),
                              page_size=1)
    assert [o.key for o in statement.operations] == ["client-r1", "client-i1"]
    assert (statement.redeemed, statement.issued) == (40, 40)


def test_refusals_become_the_apps_errors_with_the_partners_message(api, partner, monkeypatch):
    with pytest.raises(InputError) as e:
        api.verify("minji-77", "000000")
    assert e.value.code in ("wrong_code", "code_expired")
    assert e.value.message.startswith("Delicar: ")
    with pytest.raises(InputError) as e:
        api.request_code("nobody-here")
    assert e.value.code == "unknown_member"
    with pytest.raises(RuleError) as e:
        api.balance("minji-77")  # never linked through this token store
    assert e.value.code == "member_token_missing"
    api.verify("minji-77", api.request_code("minji-77").demo_code)
    have = api.balance("minji-77").balance
    with pytest.raises(RuleError) as e:
        api.redeem("client-over", "minji-77", have + 1)
    assert e.value.code == "insufficient_points" and e.value.details["balance"] == have
    assert f"has {have:,} points" in e.value.message
    assert api.operation_status("client-over") is None
    api.redeem("client-k", "minji-77", 1)
    with pytest.raises(RuleError) as e:
        api.redeem("client-k", "minji-77", 2)
    assert e.value.code == "idempotency_conflict"
    with pytest.raises(InputError) as e:
        api.redeem("bad key", "minji-77", 1)
    assert e.value.code == "bad_idempotency_key"
    with pytest.raises(InputError):
        api.redeem("client-f", "minji-77", 1.5)
    monkeypatch.setenv(TOKEN_ENV, "not-the-operator-credential")
    with pytest.raises(ExternalError) as e:
        connector_for(http_partner(partner.url), tokens=MemoryTokens()).tica_balance()
    assert e.value.code == "partner_unauthorized"
    monkeypatch.delenv(TOKEN_ENV)
    with pytest.raises(ExternalError) as e:
        connector_for(http_partner(partner.url), tokens=MemoryTokens()).tica_balance()
    assert e.value.code == "partner_credential_missing" and TOKEN_ENV in e.value.message


@pytest.mark.parametrize("conf", [{"base_url": "http://partner.example"},
                                  {"base_url": "ftp://127.0.0.1"}, {"base_url": ""},
                                  {"timeout_seconds": "soon"}, {"timeout_seconds": 0},
                                  {"type": "carrier-pigeon"}])
def test_a_misconfigured_catalog_entry_is_refused(conf):
    partner = replace(DELICAR, connector={"type": "http", "base_url": "https://p.example",
                                          **conf})
    with pytest.raises(InputError) as e:
        connector_for(partner, tokens=MemoryTokens())
    assert e.value.code == "partner_misconfigured"


@pytest.mark.integration
def test_the_operator_credential_can_live_in_the_keyring(partner, secret_service, monkeypatch):
    import keyring

    monkeypatch.delenv(TOKEN_ENV, raising=False)
    keyring.set_password(KEYRING_SERVICE, "delicar-operator", CREDENTIAL)
    try:
        c = connector_for(http_partner(partner.url, token_keyring="delicar-operator"),
                          tokens=MemoryTokens())
        assert c.tica_balance() > 0
    finally:
        keyring.delete_password(KEYRING_SERVICE, "delicar-operator")
    with pytest.raises(ExternalError) as e:
        connector_for(http_partner(partner.url, token_keyring="delicar-operator"),
                      tokens=MemoryTokens()).tica_balance()
    assert e.value.code == "partner_credential_missing"


def test_a_down_partner_is_unreachable(monkeypatch):
    monkeypatch.setenv(TOKEN_ENV, CREDENTIAL)
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{unused.getsockname()[1]}"  # nothing listens there
    with pytest.raises(ExternalError) as e:
        connector_for(http_partner(url), tokens=MemoryTokens()).tica_balance()
    assert e.value.code == "partner_unreachable"


# -- a partner that misbehaves -------------------------------------------------------------

def hostile(monkeypatch, answer, timeout: float = 10.0):
    monkeypatch.setenv(TOKEN_ENV, CREDENTIAL)
    server = RawServer(answer)
    tokens = MemoryTokens()
    tokens.put("DELICAR", "kim-1", "member-token-of-kim")
    connector = connector_for(http_partner(server.url, timeout_seconds=timeout), tokens=tokens)
    return server, connector


def trickle(head: bytes, body: bytes, every: float):
    def answer(request, conn):
        conn.sendall(head)
        for i in range(len(body)):
            conn.sendall(body[i:i + 1])
            time.sleep(every)
        return False

    return answer


def trickle_all(raw: bytes, every: float):
    return trickle(b"", raw, every)


@pytest.mark.parametrize("answer", [
    trickle(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n",
            b'{"partner": "DELICAR", "balance": 1000000', 0.1),
    trickle_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n", 0.1),
    lambda request, conn: time.sleep(5),  # never answers
])
def test_one_deadline_bounds_the_whole_request(monkeypatch, answer):
    """Every read arrives in time, the answer as a whole does not: refused at the deadline."""
    server, connector = hostile(monkeypatch, answer, timeout=1.0)
    started = time.monotonic()
    with pytest.raises(ExternalError) as e:
        connector.tica_balance()
    elapsed = time.monotonic() - started
    assert e.value.code == "partner_no_answer" and "within 1 s" in e.value.message
    assert 0.9 < elapsed < 1.8
    server.close()


BIG = 2 * 1024 * 1024
BOMB = gzip.compress(b'{"partner": "DELICAR", "balance": 1, "pad": "' + b"0" * 30_000_000
                     + b'"}')


@pytest.mark.parametrize("raw, what", [
    (response(200, b"x" * BIG), "more than an answer can be"),
    (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
     + b"".join(b"%x\r\n%s\r\n" % (65536, b" " * 65536) for _ in range(20)) + b"0\r\n\r\n",
     "too large"),
    (response(200, BOMB, extra="Content-Encoding: gzip\r\n"), "too large"),
    (response(200, b"<html>hello</html>", "text/html"), "content type text/html"),
    (response(200, b'{"partner": "DELICAR", "balance": 1.5, "as_of": "x"}'), "not valid JSON"),
    (response(200, b'{"balance": 5, "balance": 7000000, "as_of": "x"}'), "not valid JSON"),
    (response(200, b'{"balance": -5, "as_of": "x"}'), "balance"),
    (response(200, b'{"balance": true, "as_of": "x"}'), "balance"),
    (response(200, b"[1, 2]"), "not a JSON object"),
    (response(200, b'{"balance": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"), "not valid JSON"),
    (response(201, {"balance": 5}), "HTTP 201 where 200 was due"),
])
def test_answers_outside_the_contract_are_refused(monkeypatch, raw, what):
    server, connector = hostile(monkeypatch, always(raw))
    with pytest.raises(ExternalError) as e:
        connector.tica_balance()
    assert e.value.code == "partner_bad_response" and what in e.value.message
    server.close()


def operation(**changes) -> dict:
    doc = {"key": "k-1", "seq": 1, "kind": "redeem", "status": "applied", "member_id": "kim-1",
           "points": 100, "reference": None, "applied_at": "2026-11-23T01:00:00.000000Z",
           "lots": [{"id": "L1", "points": 100, "expires_on": "2027-01-01"}],
           "member_balance_after": 900, "tica_balance_after": 100}
    doc.update(changes)
    return doc


@pytest.mark.parametrize("answer", [
    operation(key="k-2"), operation(points=1000), operation(member_id="lee-2"),
    operation(kind="issue"), operation(lots=[{"id": "L1", "points": 99,
                                              "expires_on": "2027-01-01"}]),
    operation(lots=[]), operation(status="pending"), operation(reference="someone else's"),
    operation(applied_at="yesterday"), operation(seq=-1),
])
def test_a_redeem_answer_must_be_the_operation_that_was_asked_for(monkeypatch, answer):
    server, connector = hostile(monkeypatch, always(response(201, answer)))
    with pytest.raises(ExternalError) as e:
        connector.redeem("k-1", "kim-1", 100)
    assert e.value.code == "partner_bad_response"
    request = server.requests[0]
    assert request.headers["idempotency-key"] == "k-1"
    assert request.headers["member-token"] == "member-token-of-kim"
    assert request.headers["authorization"] == f"Bearer {CREDENTIAL}"
    server.close()
    good = RawServer(always(response(201, operation())))
    connector = connector_for(http_partner(good.url), tokens=connector._tokens)
    assert connector.redeem("k-1", "kim-1", 100).points == 100
    good.close()


def test_server_errors_dropped_connections_and_hostile_text(monkeypatch):
    server, connector = hostile(monkeypatch, always(response(503, b"Service Unavailable",
                                                             "text/plain")))
    with pytest.raises(ExternalError) as e:
        connector.tica_balance()
    assert e.value.code == "partner_unavailable" and "HTTP 503" in e.value.message
    server.close()

    server, connector = hostile(monkeypatch, always(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"))
    with pytest.raises(ExternalError) as e:
        connector.tica_balance()
    assert e.value.code == "partner_no_answer"
    server.close()

    evil = {"type": "tag:milk.network,2026:partner-api/problems/insufficient-points",
            "title": "x", "status": 422, "balance": 3,
            "detail": "\x1b[2J\x1b[31mPay now\u202e\u0007 " + "z" * 1000}
    server, connector = hostile(monkeypatch, always(response(422, evil,
                                                             "application/problem+json")))
    with pytest.raises(RuleError) as e:
        connector.redeem("k-1", "kim-1", 100)
    assert e.value.code == "insufficient_points" and e.value.details["balance"] == 3
    assert all(ch.isprintable() for ch in e.value.message) and len(e.value.message) < 330
    server.close()

    server, connector = hostile(monkeypatch, always(response(418, {"type": "about:blank"},
                                                             "application/problem+json")))
    with pytest.raises(ExternalError) as e:
        connector.tica_balance()
    assert e.value.code == "partner_refused"
    server.close()


def test_connections_are_reused(monkeypatch):
    answer = response(200, {"partner": "DELICAR", "balance": 7,
                            "as_of": "2026-11-23T01:00:00Z"})
    server, connector = hostile(monkeypatch, always(answer, keep_alive=True))
    assert [connector.tica_balance() for _ in range(5)] == [7] * 5
    again = connector_for(http_partner(server.url), tokens=MemoryTokens())
    assert again.tica_balance() == 7  # another connector, the same pooled connection
    assert server.connections == 1 and len(server.requests) == 6
    server.close()


def test_nesting_is_bounded_whatever_the_recursion_limit():
    """py_ecc (loaded with the chain) raises the recursion limit to 100,000: a deep answer
    must still be refused before the parser recurses."""
    import sys

    from app.core.connectors.api_v1 import MAX_DEPTH, parse_json

    saved = sys.getrecursionlimit()
    sys.setrecursionlimit(100_000)
    try:
        deepest = parse_json(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH)
        for _ in range(MAX_DEPTH - 1):
            deepest = deepest[0]
        assert deepest == []
        for depth in (MAX_DEPTH + 1, 50_000):
            with pytest.raises(ValueError, match="nested too deeply"):
                parse_json(b"[" * depth + b"]" * depth)
        assert parse_json(b'{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\""}') == {
            "a": "[" * 34 + '"'}  # brackets inside strings do not count
    finally:
        sys.setrecursionlimit(saved)
