"""The demo partners as the reference server's application run in-process: no socket, the
same client code as a real partner, state in a directory that `milk-partner` can read."""
from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import replace
from datetime import timedelta

import pytest

from app.core.clock import Clock
from app.core.connectors import connector_for
from app.core.connectors.client import PartnerApiConnector
from app.core.connectors.inprocess import close_in_process
from app.core.connectors.tokens import MemoryTokens
from app.core.errors import InputError, RuleError
from app.core.partners import Catalog
from app.partner_server.demo_members import demo_lots
from tests.partner.server import PartnerServer, milk_partner

CATALOG = Catalog.load()


def reference(code: str = "DELICAR", **conf):
    return replace(CATALOG.get(code), connector={"type": "reference", **conf})


@pytest.fixture
def state(tmp_path):
    yield tmp_path / "partners"
    close_in_process(tmp_path)


def test_demo_members_arrive_with_their_demo_points(state):
    partner = reference()
    c = connector_for(partner, state_dir=state, tokens=MemoryTokens())
    challenge = c.request_code("minji-77")
    assert challenge.demo_code and "(demo)" in challenge.sent_to
    with pytest.raises(InputError) as e:
        c.verify("minji-77", f"{(int(challenge.demo_code) + 1) % 10**6:06d}")
    assert e.value.code == "wrong_code"
    c.verify("minji-77", challenge.demo_code)
    today = Clock().today()
    expected = demo_lots(partner, "minji-77", today)
    got = c.lots("minji-77", today, today)
    assert [(lot.amount, lot.earned_on, lot.expires_on) for lot in got] == sorted(
        expected, key=lambda t: t[2])
    assert any(lot.expires_on <= today + timedelta(days=30) for lot in got)  # one to rescue


def test_the_same_client_code_serves_in_process_and_http_partners(state, tmp_path,
                                                                  monkeypatch):
    monkeypatch.setenv("MILK_TEST_API_TOKEN", "partner-test-operator-credential")
    in_process = connector_for(reference(), state_dir=state)
    http = connector_for(replace(CATALOG.get("DELICAR"), connector={
        "type": "http", "base_url": "http://127.0.0.1:9", "token_env": "MILK_TEST_API_TOKEN"}))
    assert type(in_process) is type(http) is PartnerApiConnector


def test_state_lives_in_its_directory_for_milk_partner_and_the_next_run(state):
    tokens = MemoryTokens()
    c = connector_for(reference(), state_dir=state, tokens=tokens)
    c.verify("jisoo-9", c.request_code("jisoo-9").demo_code)
    before = c.balance("jisoo-9").balance
    op = c.redeem("demo-sell-1", "jisoo-9", 1500, reference="conversion-1")
    shown = milk_partner("member", "show", "jisoo-9", "--data-dir", str(state / "DELICAR"),
                         "--json")
    assert shown.code == 0, shown.stderr
    assert shown.json["member"]["balance"] == before - 1500
    assert shown.json["member"]["operations"][0]["key"] == "demo-sell-1"

    close_in_process(state)  # the app closes; a new run finds everything as it was
    again = connector_for(reference(), state_dir=state, tokens=tokens)
    assert again.operation_status("demo-sell-1") == op
    assert again.balance("jisoo-9").balance == before - 1500
    assert again.tica_balance() == CATALOG.get("DELICAR").target_inventory + 1500


def test_the_partner_page_can_be_served_beside_the_running_demo(state):
    """A presenter shows the in-process partner's own page: a server on the same data."""
    c = connector_for(reference(), state_dir=state, tokens=MemoryTokens())
    c.verify("minji-77", c.request_code("minji-77").demo_code)
    server = PartnerServer.start(state / "DELICAR", "DELICAR")
    try:
        with server.client() as web:
            before = web.get("/members/minji-77").text
            c.redeem("demo-sell-2", "minji-77", 2000)
            after = web.get("/members/minji-77").text
        assert "demo-sell-2" not in before and "demo-sell-2" in after
    finally:
        server.stop()


def test_worker_threads_share_one_in_process_partner(state):
    tokens = MemoryTokens()
    c = connector_for(reference(), state_dir=state, tokens=tokens)
    c.verify("minji-77", c.request_code("minji-77").demo_code)
    before = c.balance("minji-77").balance
    results, errors = [], []

    def work(i):
        try:
            mine = connector_for(reference(), state_dir=state, tokens=tokens)
            results.append(mine.redeem(f"thread-{i % 3}", "minji-77", 100))
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(9)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    assert len({op.key for op in results}) == 3 and len(set(results)) == 3
    assert c.balance("minji-77").balance == before - 300  # three keys, each applied once


def test_the_link_flow_of_the_app_works_over_the_in_process_partner(tmp_path, clock):
    from app.core.ledger import sqlite_url
    from app.core.services import Services

    svc = Services.open(tmp_path / "profile", database_url=sqlite_url(tmp_path / "l.sqlite3"),
                        clock=clock)
    try:
        svc.admin.init()
        tokens = MemoryTokens()
        svc.ctx.connector = lambda p: connector_for(replace(p, connector={"type": "reference"}),
                                                    state_dir=tmp_path / "partners",
                                                    tokens=tokens)
        challenge = svc.partners.request_code("DELICAR", "minji-77")
        result = svc.partners.link("DELICAR", "minji-77", challenge.demo_code)
        at_partner = svc.ctx.connector(CATALOG.get("DELICAR")).balance("minji-77").balance
        assert result.imported == at_partner == svc.points.balance("DELICAR") > 0
        assert svc.partners.sync("DELICAR").entry_seq is None  # nothing new
        assert svc.admin.verify().ok
    finally:
        svc.close()
        close_in_process(tmp_path)


def test_missing_setup_is_a_clear_refusal(tmp_path):
    with pytest.raises(InputError) as e:
        connector_for(reference())
    assert e.value.code == "partner_misconfigured"
    c = connector_for(reference(data_dir=str(tmp_path / "explicit")), tokens=MemoryTokens())
    with pytest.raises(RuleError) as e:
        c.balance("minji-77")
    assert e.value.code == "member_token_missing"
    assert (tmp_path / "explicit" / "partner.sqlite3").exists()
    close_in_process(tmp_path)


def test_importing_the_connectors_loads_no_http_stack():
    """Start-up stays lean: httpx and Starlette load only when a partner is called."""
    code = ("import sys, app.core.connectors, app.core.services; "
            "print(sorted(m for m in ('httpx', 'starlette', 'uvicorn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
