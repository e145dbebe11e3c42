"""The reference partner server as a real process: verification, points moved exactly once,
refusals that move nothing, concurrency across processes, SIGKILL, its page and its secrets."""
from __future__ import annotations

import asyncio
import os
import random
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from app.core.connectors import api_v1
from app.partner_server.conformance import GARBAGE, Garbage
from app.partner_server.store import Store
from tests.partner.conftest import days_ahead
from tests.partner.server import CREDENTIAL, ENV, PartnerServer, link, milk_partner


def audit(data_dir) -> list[str]:
    store = Store.open(data_dir)
    try:
        return store.audit()
    finally:
        store.close()


def balances(client: httpx.Client, member: str, token: str) -> tuple[int, int]:
    member_doc = client.get(f"/v1/members/{member}/balance",
                            headers={api_v1.MEMBER_TOKEN_HEADER: token}).json()
    return member_doc["balance"], client.get("/v1/tica/account").json()["balance"]


def operate(client, kind, member, token, key, points, **extra) -> httpx.Response:
    return client.post(f"/v1/members/{member}/{kind}", json={"points": points, **extra},
                       headers={api_v1.MEMBER_TOKEN_HEADER: token,
                                api_v1.IDEMPOTENCY_HEADER: key})


def problem(response: httpx.Response) -> str:
    assert response.headers["content-type"] == api_v1.PROBLEM_JSON, response.text
    doc = response.json()
    assert doc["status"] == response.status_code
    return api_v1.problem_name(doc["type"])


# -- verification and tokens ---------------------------------------------------------------

def test_a_code_confirms_the_member_once_and_wrong_codes_run_out(partner):
    c = partner.client()
    sent = c.post("/v1/members/jisoo-1/verification").json()
    assert sent["sent_to"] == "the Delicar app (demo)" and len(sent["demo_code"]) == 6
    wrong = f"{(int(sent['demo_code']) + 1) % 10**6:06d}"
    attempts = [c.post("/v1/members/jisoo-1/verification/confirm", json={"code": wrong})
                for _ in range(5)]
    assert [problem(r) for r in attempts] == ["wrong-code"] * 5
    assert [r.json()["attempts_left"] for r in attempts] == [4, 3, 2, 1, 0]
    # the right code no longer helps: the code died with the fifth wrong attempt
    dead = c.post("/v1/members/jisoo-1/verification/confirm",
                  json={"code": sent["demo_code"]})
    assert problem(dead) == "rate-limited" and int(dead.headers["Retry-After"]) > 0
    token = link(c, "jisoo-1")  # a new code works
    assert c.get("/v1/members/jisoo-1/balance",
                 headers={api_v1.MEMBER_TOKEN_HEADER: token}).status_code == 200


def test_code_requests_are_rate_limited(tmp_path):
    run = milk_partner("member", "add", "spammed", "--points", "10", "--data-dir",
                       str(tmp_path), "--partner", "DELICAR")
    assert run.code == 0
    server = PartnerServer.start(tmp_path, "DELICAR")  # no --demo-codes
    try:
        c = server.client()
        answers = [c.post("/v1/members/spammed/verification") for _ in range(6)]
        assert [r.status_code for r in answers] == [202] * 5 + [429]
        assert "demo_code" not in answers[0].json()
        assert int(answers[-1].headers["Retry-After"]) > 0
    finally:
        server.stop()


def test_member_tokens_belong_to_one_member(partner):
    c = partner.client()
    minji, jisoo = partner.token("minji-77"), partner.token("jisoo-1")
    for member, token in (("minji-77", jisoo), ("minji-77", "x" * 43), ("minji-77", "")):
        r = c.get(f"/v1/members/{member}/balance", headers={api_v1.MEMBER_TOKEN_HEADER: token})
        assert problem(r) == "member-token-invalid"
    r = operate(c, "redeem", "minji-77", jisoo, "stolen-token-1", 10)
    assert problem(r) == "member-token-invalid"
    assert c.get("/v1/operations/stolen-token-1").status_code == 404
    assert c.get("/v1/members/minji-77/balance",
                 headers={api_v1.MEMBER_TOKEN_HEADER: minji}).status_code == 200


@pytest.mark.parametrize("authorization", [None, "", "Bearer", "Bearer wrong-credential-123",
                                           f"Basic {CREDENTIAL}", f"Bearer {CREDENTIAL}x"])
def test_every_call_needs_the_operator_credential(partner, authorization):
    headers = {} if authorization is None else {"Authorization": authorization}
    with httpx.Client(base_url=partner.url, trust_env=False) as bare:
        r = bare.get("/v1/tica/account", headers=headers)
    assert problem(r) == "unauthorized"
    assert r.headers["WWW-Authenticate"].startswith("Bearer")


# -- points moved exactly once ----------------------------------------------------------

def test_redeem_takes_the_soonest_expiring_lots_and_conserves_points(partner):
    c = partner.client()
    token = partner.token("minji-77")
    member0, tica0 = balances(c, "minji-77", token)
    lots = c.get("/v1/members/minji-77/balance",
                 headers={api_v1.MEMBER_TOKEN_HEADER: token}).json()["lots"]
    assert [lot["expires_on"] for lot in lots] == sorted(lot["expires_on"] for lot in lots)
    soonest = lots[0]
    r = operate(c, "redeem", "minji-77", token, "soonest-1", soonest["points"] + 500,
                reference="conv-7")
    assert r.status_code == 201
    op = r.json()
    assert [(m["id"], m["points"]) for m in op["lots"]] == [
        (soonest["id"], soonest["points"]), (lots[1]["id"], 500)]
    assert (op["member_balance_after"], op["tica_balance_after"]) == balances(
        c, "minji-77", token) == (member0 - op["points"], tica0 + op["points"])
    assert audit(partner.data_dir) == []


def test_the_same_key_replays_and_another_request_with_it_is_refused(partner):
    c = partner.client()
    token = partner.token("minji-77")
    first = operate(c, "issue", "minji-77", token, "replay-1", 300, reference="conv-9")
    assert first.status_code == 201 and api_v1.REPLAYED_HEADER not in first.headers
    after = balances(c, "minji-77", token)
    again = operate(c, "issue", "minji-77", token, "replay-1", 300, reference="conv-9")
    assert (again.status_code, again.json()) == (201, first.json())
    assert again.headers[api_v1.REPLAYED_HEADER] == "true"
    for kind, points, extra in (("issue", 301, {"reference": "conv-9"}),
                                ("issue", 300, {}),
                                ("issue", 300, {"reference": "conv-9",
                                                "expires_on": days_ahead(30)}),
                                ("redeem", 300, {"reference": "conv-9"})):
        r = operate(c, kind, "minji-77", token, "replay-1", points, **extra)
        assert problem(r) == "idempotency-conflict"
    assert balances(c, "minji-77", token) == after
    assert c.get("/v1/operations/replay-1").json() == first.json()


def test_refusals_move_nothing(partner):
    c = partner.client()
    token = partner.token("jisoo-1")
    before = balances(c, "jisoo-1", token)
    r = operate(c, "redeem", "jisoo-1", token, "too-much-1", before[0] + 1)
    assert problem(r) == "insufficient-points" and r.json()["balance"] == before[0]
    r = operate(c, "issue", "jisoo-1", token, "too-much-2", before[1] + 1)
    assert problem(r) == "tica-insufficient-points"
    assert balances(c, "jisoo-1", token) == before
    for key in ("too-much-1", "too-much-2"):  # a refusal leaves its key free
        assert problem(c.get(f"/v1/operations/{key}")) == "unknown-operation"
    assert audit(partner.data_dir) == []


def test_a_voided_key_never_applies_and_an_applied_one_stands(partner):
    c = partner.client()
    token = partner.token("jisoo-1")
    before = balances(c, "jisoo-1", token)
    assert c.post("/v1/operations/late-1/void").json() == {"key": "late-1",
                                                           "status": "voided"}
    assert c.post("/v1/operations/late-1/void").status_code == 200  # idempotent
    assert problem(operate(c, "redeem", "jisoo-1", token, "late-1", 5)) == "operation-voided"
    assert balances(c, "jisoo-1", token) == before
    op = operate(c, "redeem", "jisoo-1", token, "kept-1", 5).json()
    r = c.post("/v1/operations/kept-1/void")
    assert problem(r) == "operation-applied" and r.json()["operation"] == op
    assert c.get("/v1/operations/kept-1").json() == op


def test_a_closed_member_is_refused_but_its_operations_still_answer(tmp_path):
    for member in ("closing-1", "open-1"):
        assert milk_partner("member", "add", member, "--points", "500", "--data-dir",
                            str(tmp_path), "--partner", "DELICAR").code == 0
    server = PartnerServer.start(tmp_path, "DELICAR", "--demo-codes")
    try:
        c = server.client()
        token = link(c, "closing-1")
        op = operate(c, "redeem", "closing-1", token, "before-close", 100).json()
        closed = milk_partner("member", "close", "closing-1", "--data-dir", str(tmp_path))
        assert closed.code == 0 and "400 points stay frozen" in closed.stdout
        assert problem(operate(c, "redeem", "closing-1", token, "after-close", 1)) == \
            "member-closed"
        assert problem(operate(c, "issue", "closing-1", token, "after-close-2", 1)) == \
            "member-closed"
        assert problem(c.post("/v1/members/closing-1/verification")) == "member-closed"
        assert problem(c.get("/v1/members/closing-1/balance",
                             headers={api_v1.MEMBER_TOKEN_HEADER: token})) == "member-closed"
        replay = operate(c, "redeem", "closing-1", token, "before-close", 100)
        assert (replay.status_code, replay.json()) == (201, op)
        assert audit(tmp_path) == []
    finally:
        server.stop()


def test_the_statement_pages_through_every_operation_and_adds_up(partner):
    c = partner.client()
    token = partner.token("minji-77")
    window_start = c.get("/v1/partner").json()["time"]
    made = [operate(c, "redeem" if i % 3 else "issue", "minji-77", token, f"stmt-{i}",
                    10 + i).json() for i in range(7)]
    window_end = c.get("/v1/partner").json()["time"]
    pages, cursor = [], None
    while True:
        params = {"from": window_start, "to": window_end, "limit": "2"}
        if cursor:
            params["cursor"] = cursor
        page = c.get("/v1/statement", params=params).json()
        pages.append(page)
        cursor = page["next_cursor"]
        if not cursor:
            break
    listed = [op for page in pages for op in page["operations"]]
    assert listed == made and len(pages) == 4
    assert all(p["totals"] == {"count": 7, "redeemed": sum(o["points"] for o in made
                                                          if o["kind"] == "redeem"),
                               "issued": sum(o["points"] for o in made if o["kind"] == "issue")}
               for p in pages)
    empty = c.get("/v1/statement", params={"from": "2001-01-01T00:00:00Z",
                                           "to": "2001-01-02T00:00:00Z"}).json()
    assert empty["operations"] == [] and empty["totals"]["count"] == 0


def test_garbage_is_refused_with_a_problem_and_moves_nothing(partner):
    c = partner.client()
    token = partner.token("minji-77")
    before = balances(c, "minji-77", token)
    extra = (Garbage("member id path traversal", "redeem", member="..%2F..%2Fetc",
                     statuses=(400, 404)),
             Garbage("slash in key", "redeem", key="key/1"),
             Garbage("reference with a newline", "redeem",
                     b'{"points": 1, "reference": "a\\nb"}'))
    for case in GARBAGE + extra:
        path = "/v1/statement" + (f"?{case.query}" if case.query else "") \
            if case.endpoint == "statement" else \
            f"/v1/members/{case.member or 'minji-77'}/" + (
                "verification/confirm" if case.endpoint == "confirm" else case.endpoint)
        headers = {api_v1.MEMBER_TOKEN_HEADER: token, "Content-Type": case.content_type}
        if case.key is not None:
            headers[api_v1.IDEMPOTENCY_HEADER] = "garbage-1" if case.key == "use-run-key" \
                else case.key
        r = c.request("GET" if case.endpoint == "statement" else "POST", path,
                      headers=headers, content=None if case.endpoint == "statement"
                      else case.body)
        assert r.status_code in case.statuses, (case.name, r.status_code, r.text[:200])
        assert problem(r) in ("bad-request", "content-too-large", "unsupported-media-type",
                              "not-found"), case.name
    assert balances(c, "minji-77", token) == before
    assert c.get("/v1/operations/garbage-1").status_code == 404
    assert audit(partner.data_dir) == []
    assert partner.process.poll() is None  # still serving


# -- two processes, one data directory; SIGKILL ---------------------------------------------

def test_two_servers_on_one_store_apply_each_key_once(tmp_path):
    assert milk_partner("member", "add", "busy-1", "--points", "100000", "--data-dir",
                        str(tmp_path), "--partner", "DELICAR").code == 0
    servers = [PartnerServer.start(tmp_path, "DELICAR", "--demo-codes") for _ in range(2)]
    try:
        clients = [s.client() for s in servers]
        token = link(clients[0], "busy-1")
        before = balances(clients[0], "busy-1", token)
        jobs = [(clients[i % 2], f"race-{i // 4}", "redeem" if i // 4 % 2 else "issue")
                for i in range(48)]  # 12 keys, each sent 4 times at once through both

        def send(job):
            client, key, kind = job
            return key, operate(client, kind, "busy-1", token, key, 7)

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(send, jobs))
        by_key: dict[str, set] = {}
        for key, r in answers:
            assert r.status_code == 201, r.text
            by_key.setdefault(key, set()).add(r.text)
        assert all(len(texts) == 1 for texts in by_key.values())  # one operation per key
        statement = clients[1].get("/v1/statement", params={
            "from": "2000-01-01T00:00:00Z", "to": "2100-01-01T00:00:00Z"}).json()
        assert statement["totals"]["count"] == 12
        moved = statement["totals"]["redeemed"] - statement["totals"]["issued"]
        assert moved == 0 and balances(clients[1], "busy-1", token) == before
        assert audit(tmp_path) == []
    finally:
        for s in servers:
            s.stop()


def test_sigkill_at_random_moments_loses_no_applied_operation(tmp_path):
    """A client keeps redeeming and issuing while the server is SIGKILLed and restarted:
    every operation it saw applied is there, no key applied twice, points conserved."""
    assert milk_partner("member", "add", "steady-1", "--points", "50000", "--data-dir",
                        str(tmp_path), "--partner", "DELICAR").code == 0
    rng = random.Random(11)
    seen: dict[str, dict] = {}
    attempted: set[str] = set()
    token = None
    for round_ in range(5):
        server = PartnerServer.start(tmp_path, "DELICAR", "--demo-codes")
        client = server.client(timeout=5)
        token = token or link(client, "steady-1")
        stop = threading.Event()

        def load(client=client, round_=round_, stop=stop, token=token):
            i = 0
            while not stop.is_set():
                key = f"k{round_}-{i}"
                attempted.add(key)
                try:
                    r = operate(client, "redeem" if i % 2 else "issue", "steady-1", token,
                                key, 1 + i % 5)
                except httpx.HTTPError:
                    return
                if r.status_code == 201:
                    seen[key] = r.json()
                i += 1

        worker = threading.Thread(target=load)
        worker.start()
        started = len(seen)
        while len(seen) < started + 5 and worker.is_alive():  # some load first, however slow
            threading.Event().wait(0.01)
        threading.Event().wait(rng.uniform(0, 0.3))
        server.kill()
        stop.set()
        worker.join(10)
    assert len(seen) > 20
    server = PartnerServer.start(tmp_path, "DELICAR")
    try:
        c = server.client()
        for key in attempted:  # applied exactly as answered, or not at all
            r = c.get(f"/v1/operations/{key}")
            if key in seen:
                assert r.json() == seen[key]
            else:
                assert r.status_code in (200, 404)
        assert audit(tmp_path) == []
    finally:
        server.stop()


# -- the command, its credential, its page ------------------------------------------------

def test_serve_refuses_to_start_without_a_good_credential(tmp_path):
    bare = {k: v for k, v in ENV.items() if k != "MILK_PARTNER_OPERATOR_TOKEN"}
    base = ["serve", "--partner", "DELICAR", "--data-dir", str(tmp_path), "--port", "0"]
    run = milk_partner(*base, env=bare)
    assert run.code == 2 and "MILK_PARTNER_OPERATOR_TOKEN" in run.stderr
    run = milk_partner(*base, env={**bare, "MILK_PARTNER_OPERATOR_TOKEN": "short"})
    assert run.code == 2 and "at least 16" in run.stderr
    token_file = tmp_path / "operator.token"
    token_file.write_text(CREDENTIAL + "\n")
    token_file.chmod(0o644)
    run = milk_partner(*base, "--token-file", str(token_file), env=bare)
    assert run.code == 2 and "chmod 600" in run.stderr
    assert CREDENTIAL not in run.stderr + run.stdout
    assert not (tmp_path / "partner.sqlite3").exists()  # refused before creating anything
    token_file.chmod(0o600)
    server = PartnerServer.start(tmp_path, "DELICAR", "--token-file", str(token_file),
                                 env=bare)
    try:
        assert server.client().get("/v1/tica/account").json()["balance"] == 30_000_000
    finally:
        server.stop()


def test_serve_refusals_port_in_use_and_another_partners_data(partner, tmp_path):
    port = partner.url.rsplit(":", 1)[1]
    run = milk_partner("serve", "--partner", "DELICAR", "--data-dir", str(tmp_path / "x"),
                       "--port", port)
    assert run.code == 4 and "Cannot listen" in run.stderr
    run = milk_partner("serve", "--partner", "YANOLJA", "--data-dir", str(partner.data_dir),
                       "--port", "0")
    assert run.code == 2 and "DELICAR's data, not YANOLJA's" in run.stderr
    run = milk_partner("serve", "--partner", "NOT A CODE", "--data-dir", str(tmp_path))
    assert run.code == 2
    run = milk_partner("serve", "--partner", "ACME", "--data-dir", str(tmp_path / "a"),
                       "--demo-members")
    assert run.code == 2 and "catalog" in run.stderr


def test_secrets_never_reach_the_log(tmp_path):
    assert milk_partner("member", "add", "quiet-1", "--points", "100", "--data-dir",
                        str(tmp_path), "--partner", "DELICAR").code == 0
    server = PartnerServer.start(tmp_path, "DELICAR", "--demo-codes", "--access-log")
    c = server.client()
    token = link(c, "quiet-1")
    operate(c, "redeem", "quiet-1", token, "logged-1", 10)
    c.get("/v1/tica/account", headers={"Authorization": "Bearer wrong-guess-credential"})
    log = server.stop()
    assert "POST /v1/members/quiet-1/redeem" in log  # the access log is on
    for secret in (CREDENTIAL, token, "wrong-guess-credential"):
        assert secret not in log
    database = (tmp_path / "partner.sqlite3").read_bytes()
    assert token.encode() not in database  # member tokens are stored as hashes only


def test_the_partner_page_shows_members_lots_and_operations(partner):
    c = partner.client()
    token = partner.token("minji-77")
    operate(c, "redeem", "minji-77", token, "page-1", 1234)
    added = milk_partner("member", "add", "minji-77", "--points", "50", "--expires",
                         days_ahead(5), "--data-dir", str(partner.data_dir))  # beside the server
    assert added.code == 0
    home = c.get("/")
    assert home.status_code == 200 and home.headers["content-type"].startswith("text/html")
    html = home.text
    tica = c.get("/v1/tica/account").json()["balance"]
    for text in ("딜카", "Delicar", "TICA's account · TICA 계정", f"{tica:,} P", "minji-77",
                 "jisoo-1", "page-1", "−1,234", 'http-equiv="refresh"'):
        assert text in html, text
    member = c.get("/members/minji-77").text
    balance = c.get("/v1/members/minji-77/balance",
                    headers={api_v1.MEMBER_TOKEN_HEADER: token}).json()
    assert f"{balance['balance']:,} P" in member
    assert all(lot["id"] in member for lot in balance["lots"])
    assert f"<span class='soon'>{days_ahead(5)} (5 d)</span>" in member  # expiring soon
    assert c.get("/members/nobody-here").status_code == 404
    assert c.get("/members/%3Cscript%3E").status_code == 404


def test_the_page_answers_only_on_the_servers_machine(tmp_path):
    from app.partner_server.app import create_app

    store = Store.open(tmp_path, "DELICAR")
    app = create_app(store, CREDENTIAL, threaded=False)

    async def get(path, client):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=client),
                                     base_url="http://partner") as c:
            return await c.get(path)

    try:
        for path in ("/", "/members/x-1"):
            assert asyncio.run(get(path, ("203.0.113.9", 4000))).status_code == 404
        assert asyncio.run(get("/", ("127.0.0.1", 4000))).status_code == 200
        assert asyncio.run(get("/", ("::1", 4000))).status_code == 200
    finally:
        store.close()


def test_member_add_and_show(tmp_path):
    d = str(tmp_path)
    run = milk_partner("member", "add", "kim@mail", "--points", "12,000", "--data-dir", d,
                       "--partner", "delicar", "--json")
    assert run.code == 0, run.stderr
    doc = run.json
    assert doc["member"]["balance"] == 12000 and doc["lot"]["expires_on"] == days_ahead(365)
    run = milk_partner("member", "add", "kim@mail", "--points", "500", "--expires",
                       days_ahead(10), "--data-dir", d)
    assert run.code == 0 and "Balance: 12,500 points" in run.stdout
    show = milk_partner("member", "show", "kim@mail", "--data-dir", d)
    assert show.code == 0
    lines = show.stdout.splitlines()
    assert lines[:2] == ["DELICAR member kim@mail (active)", "Balance: 12,500 points"]
    assert "(10 d)" in lines[5]  # soonest-expiring lot listed first
    shown = milk_partner("member", "show", "kim@mail", "--data-dir", d, "--json").json
    assert [lot["points"] for lot in shown["member"]["lots"]] == [500, 12000]


@pytest.mark.parametrize("args, code, says", [
    (["add", "m-1", "--points", "1.5"], 2, "whole"),
    (["add", "m-1", "--points", "-3"], 2, "more than zero"),
    (["add", "m-1", "--points", "1e3"], 2, "exponent"),
    (["add", "m-1", "--points", "0"], 2, ""),
    (["add", "m-1", "--points", "10000000000000"], 2, "At most"),
    (["add", "m 1", "--points", "10"], 2, "not a member id"),
    (["add", "m-1", "--points", "10", "--expires", "2001-01-01"], 2, "in the past"),
    (["add", "m-1", "--points", "10", "--expires", "tomorrow"], 2, "YYYY-MM-DD"),
    (["show", "nobody-1"], 2, "no member"),
    (["close", "nobody-1"], 2, "no member"),
    (["add", "closed-1", "--points", "10"], 3, "closed"),
])
def test_member_command_refusals_change_nothing(tmp_path, args, code, says):
    d = str(tmp_path)
    assert milk_partner("member", "add", "closed-1", "--points", "5", "--data-dir", d,
                        "--partner", "DELICAR").code == 0
    assert milk_partner("member", "close", "closed-1", "--data-dir", d).code == 0
    run = milk_partner("member", *args, "--data-dir", d)
    assert run.code == code, run.stderr
    assert says.lower() in run.stderr.lower()
    assert "Traceback" not in run.stderr
    store = Store.open(tmp_path)
    try:
        assert store.overview()["member_count"] == 1 and store.audit() == []
        assert store.balance("closed-1")["balance"] == 5
    finally:
        store.close()


def test_member_commands_on_a_missing_or_broken_data_dir(tmp_path):
    run = milk_partner("member", "show", "m-1", "--data-dir", str(tmp_path / "none"))
    assert run.code == 2 and "milk-partner serve --partner CODE" in run.stderr
    assert not (tmp_path / "none").exists()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "partner.sqlite3").write_bytes(os.urandom(4096))
    run = milk_partner("member", "show", "m-1", "--data-dir", str(broken))
    assert run.code == 4 and "Cannot open the partner data" in run.stderr
