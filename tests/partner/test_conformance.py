"""`milk-partner conformance URL`: passes the reference server, and names the broken check
of an implementation that gets the contract wrong."""
from __future__ import annotations

import threading
from contextlib import contextmanager

import pytest
import uvicorn

from app.partner_server.app import catalog_partner, create_app
from app.partner_server.cli import _bind
from app.partner_server.store import Store
from tests.partner.server import CREDENTIAL, ENV, milk_partner


def test_the_reference_server_conforms(partner):
    assert milk_partner("member", "add", "milk-conformance", "--points", "100",
                        "--data-dir", str(partner.data_dir)).code == 0
    run = milk_partner("conformance", partner.url)
    assert run.code == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert sum(line.startswith("pass  ") for line in lines) >= 50
    assert "conforms to Partner API v1" in lines[-1]
    doc = milk_partner("conformance", partner.url, "--member", "milk-conformance",
                       "--points", "7", "--json").json
    assert doc["ok"] and doc["failed"] == [] and doc["passed"] == len(doc["checks"])
    names = {c["name"] for c in doc["checks"]}
    for expected in ("idempotency.replay-returns-first-result", "idempotency.conflict-refused",
                     "status.after-lost-answer",
                     "redeem.insufficient-points-refused-nothing-moved",
                     "statement.lists-each-operation-once-and-adds-up",
                     "problems.all-refusals-are-problem-json", "auth.wrong-credential-refused",
                     "garbage.nothing-moved", "conservation.member-and-tica-back-where-they-began"):
        assert expected in names


class ForgetfulStore(Store):
    """Applies a repeated key again instead of answering the first result."""

    def _replay(self, db, key, digest):
        return None


class VoidIgnoringStore(Store):
    """Answers a void but does not record it, so a late request still applies."""

    def void(self, key):
        return {"key": key, "status": "voided"}


class GreedyStore(Store):
    """Takes one point more from the member than it reports."""

    def redeem(self, key, member_id, points, reference):
        answer, replayed = super().redeem(key, member_id, points, reference)
        if not replayed:
            with self._write() as db:
                db.execute("UPDATE lots SET points_left = points_left - 1 WHERE member_id = ? "
                           "AND points_left > 0 AND id = (SELECT MAX(id) FROM lots WHERE "
                           "member_id = ? AND points_left > 0)", (member_id, member_id))
        return answer, replayed


def _plain_errors(app):
    """Answers refusals as application/json instead of problem+json."""

    async def wrapped(scope, receive, send):
        async def rewrite(message):
            if message["type"] == "http.response.start":
                message["headers"] = [
                    (k, b"application/json" if v == b"application/problem+json" else v)
                    for k, v in message["headers"]]
            await send(message)

        await app(scope, receive, rewrite)

    return wrapped


@contextmanager
def serving(tmp_path, store_class, wrap=lambda app: app):
    store = store_class.open(tmp_path, "DELICAR", tica_points=1000)
    store.add_points("milk-conformance", 100, store.today().replace(year=store.today().year + 1))
    app = wrap(create_app(store, CREDENTIAL, partner=catalog_partner("DELICAR"),
                          demo_codes=True))
    sock = _bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(app, log_level="critical", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        threading.Event().wait(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        store.close()


@pytest.mark.parametrize("store_class, wrap, failing", [
    (ForgetfulStore, None, "idempotency.replay-returns-first-result"),
    (VoidIgnoringStore, None, "void.unknown-key-never-applies"),
    (GreedyStore, None, "redeem.applied-once"),
    (Store, _plain_errors, "problems.all-refusals-are-problem-json"),
])
def test_a_broken_implementation_fails_and_the_check_is_named(tmp_path, store_class, wrap,
                                                              failing):
    with serving(tmp_path, store_class, wrap or (lambda app: app)) as url:
        run = milk_partner("conformance", url)
    assert run.code == 1, run.stdout + run.stderr
    assert f"FAIL  {failing} — " in run.stdout
    assert failing in run.stdout.splitlines()[-1]  # the summary names it too


def test_conformance_refusals(tmp_path):
    bare = {k: v for k, v in ENV.items() if k != "MILK_PARTNER_OPERATOR_TOKEN"}
    run = milk_partner("conformance", "http://127.0.0.1:9", env=bare)
    assert run.code == 2 and "operator credential" in run.stderr
    for url in ("ftp://example.org", "not a url", "http://"):
        run = milk_partner("conformance", url)
        assert run.code == 2, (url, run.stderr)
    sock = _bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    run = milk_partner("conformance", f"http://127.0.0.1:{port}", "--json")
    assert run.code == 4 and run.json["error"]["code"] == "partner_unreachable"
    run = milk_partner("conformance", f"http://127.0.0.1:{port}", "--points", "0")
    assert run.code == 2
