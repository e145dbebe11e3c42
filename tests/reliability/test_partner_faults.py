"""Conversions against the reference partner server as a real process on 127.0.0.1, through
a line that misbehaves (tests/partner/proxy.py), and the app SIGKILLed at every step.

Delicar is the served partner (`"type": "http"`, its member token in the real Secret
Service); Yanolja stays the in-process demo partner, so swaps cross both. After every fault:
- at most one partner operation per key, and exactly as many as the ledger books;
- at the partner, member + TICA points are conserved (its audit re-derives them);
- `sync` leaves nothing pending, and the partner's statement reconciles with the ledger.

Long mode: `tests/run tests/reliability/test_partner_faults.py --crash-kills 500
[--crash-seed S]` (the seed of a failing run is in its message).
"""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from app.partner_server.store import Store
from tests.partner.proxy import FaultyLine
from tests.partner.server import CREDENTIAL, PartnerServer, milk_partner
from tests.support.cli import MilkCLI

CI_KILLS = 50
MEMBER = "minji-77"
TOKEN_ENV = "MILK_TEST_DELICAR_TOKEN"


@dataclass
class World:
    profile: object  # Path of the app's profile
    partner_dir: object  # Path of the served Delicar's data
    server: PartnerServer
    line: FaultyLine
    env: dict

    def restart(self, *extra: str) -> None:
        """The partner server again (another process, another port) on the same data."""
        if self.server.process.poll() is None:
            self.server.stop()
        self.server = PartnerServer.start(self.partner_dir, "DELICAR", "--demo-codes", *extra)
        self.line.connect(self.server.url)


@pytest.fixture(scope="module")
def world(tmp_path_factory, secret_service):
    from app.core.resources import resource_path

    base = tmp_path_factory.mktemp("partner-faults")
    partner_dir = base / "delicar"
    added = milk_partner("member", "add", MEMBER, "--points", "400000", "--data-dir",
                         str(partner_dir), "--partner", "DELICAR")
    assert added.code == 0, added.stderr
    server = PartnerServer.start(partner_dir, "DELICAR", "--demo-codes")
    line = FaultyLine(server.url)
    catalog = json.loads(resource_path("partners.json").read_text(encoding="utf-8"))
    for p in catalog["partners"]:
        if p["code"] == "DELICAR":
            p["connector"] = {"type": "http", "base_url": line.url, "token_env": TOKEN_ENV,
                              "timeout_seconds": 1}
    catalog_file = base / "partners.json"
    catalog_file.write_text(json.dumps(catalog), encoding="utf-8")
    env = {"MILK_PARTNERS_FILE": str(catalog_file), TOKEN_ENV: CREDENTIAL}
    with pytest.MonkeyPatch.context() as mp:
        for name, value in env.items():
            mp.setenv(name, value)
        w = World(base / "profile", partner_dir, server, line, env)
        with services(w) as svc:
            svc.admin.init(demo=True)
            sent = svc.partners.request_code("DELICAR", MEMBER)
            svc.partners.link("DELICAR", MEMBER, sent.demo_code)
            svc.exchange.convert("DELICAR", "MLK", "20000")  # MLK for the buys
        yield w
        w.line.close()
        w.server.stop()


@contextmanager
def services(world: World):
    from app.core.connectors.http import close_clients
    from app.core.services import Services

    svc = Services.open(world.profile)
    try:
        yield svc
    finally:
        svc.close()
        close_clients()  # no pooled connection outlives the check (or reaches a fork)


def at_partner(world: World) -> dict:
    store = Store.open(world.partner_dir)
    try:
        ops = store.statement(datetime(2000, 1, 1, tzinfo=UTC),
                              datetime(2100, 1, 1, tzinfo=UTC), limit=10_000)["operations"]
        return {"member": store.balance(MEMBER)["balance"], "tica": store.tica_balance(),
                "audit": store.audit(), "ops": ops}
    finally:
        store.close()


def settled(world: World, conserved: int | None = None) -> dict:
    """Recovery (what a sync does), then every invariant of the module docstring."""
    from app.core.services.outbox import PENDING

    with services(world) as svc:
        for code in ("DELICAR", "YANOLJA"):
            result = svc.partners.sync(code)
            assert result.pending == 0, f"{code} still pending after a sync"
        assert not svc.points.overview().pending
        for code in ("DELICAR", "YANOLJA"):
            r = svc.partners.reconcile(code)
            assert r.agrees, (code, r.differences)
        report = svc.admin.verify()
        assert report.ok, report.problems
        with svc.ctx.db.read() as s:
            from app.core.ledger import Journal

            journal = Journal(s)
            assert all(journal.balance(PENDING, a) == 0 for a in ("MLK", "DELICAR", "YANOLJA"))
            booked = s.execute(text(
                "SELECT COUNT(*) FROM journal_entries WHERE kind IN ('redeem', 'issue') AND "
                "memo LIKE '%\"partner\":\"DELICAR\"%'")).scalar()
        mlk = svc.points.balance("MLK")
    partner = at_partner(world)
    keys = [op["key"] for op in partner["ops"] if op["key"].startswith("milk.")]
    assert len(keys) == len(set(keys)), "a key applied twice"
    assert len(keys) == booked, (len(keys), booked)
    assert partner["audit"] == []
    if conserved is not None:
        assert partner["member"] + partner["tica"] == conserved
    return {**partner, "mlk": mlk}


def total(world: World) -> int:
    p = at_partner(world)
    return p["member"] + p["tica"]


def convert(world: World, *args: str):
    with services(world) as svc:
        return svc.exchange.convert(*args)


# -- faults on the line ------------------------------------------------------------------------

@pytest.mark.parametrize("fault", ["slow", "duplicate", "5xx-after", "trickle", "garbage",
                                   "wrong-member"])
def test_the_partner_applied_it_and_the_answer_went_wrong_so_it_completes_once(world, fault):
    """A timeout after the partner applied the operation, a duplicate delivery, a 5xx, a
    body trickled a byte at a time, garbage JSON, an answer about another member: the
    operation stands at the partner, and the app books it once (its void finds it)."""
    before, conserved = settled(world), total(world)
    world.line.fault = fault
    c = convert(world, "DELICAR", "MLK", "3000")
    assert c.status == "done"
    after = settled(world, conserved)
    assert after["member"] == before["member"] - 3000
    assert len(after["ops"]) == len(before["ops"]) + 1
    assert after["mlk"] == before["mlk"] + c.amount_out


def test_a_5xx_before_the_partner_saw_it_converts_nothing(world):
    before, conserved = settled(world), total(world)
    world.line.fault = "5xx-before"
    run = MilkCLI(world.profile, world.env)("convert", "MLK", "DELICAR", "1000", "--exact-out")
    assert run.code == 4 and run.json["error"]["code"] == "partner_unavailable"
    assert "Nothing was converted" in run.json["error"]["message"]
    after = settled(world, conserved)
    assert (after["member"], after["mlk"], len(after["ops"])) == (
        before["member"], before["mlk"], len(before["ops"]))


def test_the_partner_down_before_the_redeem(world):
    before, conserved = settled(world), total(world)
    world.line.down()
    try:
        run = MilkCLI(world.profile, world.env)("convert", "DELICAR", "MLK", "2000")
    finally:
        world.line.up()
    assert run.code == 4 and run.json["error"]["code"] == "partner_unreachable"
    assert "Nothing was converted" in run.json["error"]["message"]
    after = settled(world, conserved)
    assert (after["member"], after["mlk"]) == (before["member"], before["mlk"])


def test_the_partner_down_after_the_redeem_is_pending_then_completes(world):
    before, conserved = settled(world), total(world)
    world.line.fault = "drop"
    world.line.after_forward = world.server.kill  # applied, then the partner is gone
    run = MilkCLI(world.profile, world.env)("convert", "DELICAR", "MLK", "2000")
    assert run.code == 4 and run.json["status"] == "pending", run.stdout
    assert run.json["pending_at"] == ["DELICAR"]
    points = MilkCLI(world.profile, world.env)("points").json
    assert [(p["partner"], p["kind"], p["points"]) for p in points["pending"]] == [
        ("DELICAR", "redeem", 2000)]
    assert points["mlk_in_app"]["units"] == str(before["mlk"])  # no MLK without a redeem
    world.restart()
    after = settled(world, conserved)
    assert after["member"] == before["member"] - 2000 and after["mlk"] > before["mlk"]


def test_points_spent_at_the_partner_meanwhile_are_refused_nothing_booked(world):
    before = settled(world)
    spent = milk_partner("member", "spend", MEMBER, "--points", str(before["member"] - 1000),
                         "--data-dir", str(world.partner_dir))  # MiL.k has not seen it yet
    assert spent.code == 0, spent.stderr
    run = MilkCLI(world.profile, world.env)("convert", "DELICAR", "MLK", "1400")
    assert run.code == 3 and run.json["error"]["code"] == "insufficient_points"
    assert "1,000" in run.json["error"]["message"]
    assert "Nothing was converted" in run.json["error"]["message"]
    after = settled(world)
    assert after["mlk"] == before["mlk"] and len(after["ops"]) == len(before["ops"])
    shown = MilkCLI(world.profile, world.env)("points").json["holdings"]
    assert next(h["balance"] for h in shown if h["partner"] == "DELICAR") == 1000
    added = milk_partner("member", "add", MEMBER, "--points", "400000", "--data-dir",
                         str(world.partner_dir))  # for the tests that follow
    assert added.code == 0
    settled(world)


def test_a_wrong_member_is_refused_clearly(world):
    from app.core.errors import InputError

    with services(world) as svc:
        svc.partners.unlink("DELICAR")  # a user switching memberships
        with pytest.raises(InputError) as e:
            svc.partners.link("DELICAR", "nobody-here", "123456")
        assert e.value.code == "unknown_member" and "nobody-here" in e.value.message
        sent = svc.partners.request_code("DELICAR", MEMBER)
        svc.partners.link("DELICAR", MEMBER, sent.demo_code)
    settled(world)


@pytest.mark.parametrize("offset", [7200, -7200])
def test_the_partners_clock_skewed(world, offset):
    world.restart("--clock-offset", str(offset))
    try:
        conserved = total(world)
        for args in (("DELICAR", "MLK", "2500"), ("MLK", "DELICAR", "1000", True),
                     ("YANOLJA", "DELICAR", "3000")):
            assert convert(world, *args).status == "done"
        settled(world, conserved)
    finally:
        world.restart()


# -- the app SIGKILLed at every step of the saga -------------------------------------------------

CONVERSIONS = (("DELICAR", "MLK", "2000"), ("MLK", "DELICAR", "1000", "--exact-out"),
               ("YANOLJA", "DELICAR", "3000"), ("DELICAR", "YANOLJA", "3000"))


def _forked_convert(world: World, args, crash_at: str | None) -> int:
    """`milk convert` in a forked child (the modules already loaded: a kill costs ~0.1 s);
    the caller kills it, or MILK_TEST_CRASH_AT does."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.environ["MILK_DATA_DIR"] = str(world.profile)
            if crash_at:
                os.environ["MILK_TEST_CRASH_AT"] = crash_at
            from app.cli import main

            code = main(["--json", "convert", *args])
        finally:
            os._exit(code)
    return pid


_finished: dict[int, int] = {}


def _exited(pid: int) -> bool:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        _finished[pid] = os.waitstatus_to_exitcode(status)
    return bool(done)


def _wait(pid: int, deadline: float | None) -> int:
    """The child's exit status; SIGKILLed at `deadline` (monotonic) if still running."""
    while True:
        if pid in _finished:
            return _finished.pop(pid)
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if deadline is not None and time.monotonic() >= deadline:
            os.kill(pid, signal.SIGKILL)
            return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        time.sleep(0.002)


def test_the_app_killed_at_every_step_completes_or_reverses_exactly_once(world, request):
    kills = request.config.getoption("--crash-kills") or CI_KILLS
    seed = request.config.getoption("--crash-seed")
    seed = random.randrange(10**9) if seed is None else seed
    rng = random.Random(seed)
    conserved, killed, rounds = total(world), 0, 0
    settled(world, conserved)
    while killed < kills:
        rounds += 1
        assert rounds <= kills * 4, f"seed {seed}: too few kills landed ({killed})"
        args = rng.choice(CONVERSIONS)
        how = rng.choice(["commit", "after-commit", "arrived", "delay", "delay"])
        crash_at = f"{how}:{rng.randint(1, 4)}" if "commit" in how else None
        deadline = None
        world.line.arrived.clear()
        if how == "delay":
            world.line.fault = rng.choice([None, "slow"])
        pid = _forked_convert(world, args, crash_at)
        if how == "delay":
            deadline = time.monotonic() + rng.uniform(0, 0.4)
        elif how == "arrived":  # the partner is applying it right now
            while not world.line.arrived.wait(0.005) and not _exited(pid):
                pass
            deadline = time.monotonic()
        code = _wait(pid, deadline)
        world.line.fault = None
        if code == -signal.SIGKILL:
            killed += 1
        try:
            settled(world, conserved)
        except AssertionError as exc:
            raise AssertionError(f"seed {seed}, round {rounds} ({how} {crash_at or ''}, "
                                 f"{' '.join(args)}, exit {code}): {exc}") from None
    assert killed >= kills


def test_milk_killed_inside_its_commits_as_a_real_process(world, tmp_path):
    """The same through `milk` itself: killed inside the hold's commit, after it, and inside
    and after the booking's (a sell's only two: its quote is recorded with its hold)."""
    conserved = total(world)
    for crash_at in ("commit:1", "after-commit:1", "commit:2", "after-commit:2"):
        run = MilkCLI(world.profile, {**world.env, "MILK_TEST_CRASH_AT": crash_at})(
            "convert", "DELICAR", "MLK", "2000")
        assert run.code == -9, (crash_at, run.stdout)
        settled(world, conserved)
    reconcile = MilkCLI(world.profile, world.env)("partners", "reconcile", "DELICAR")
    assert reconcile.code == 0 and reconcile.json["agrees"], reconcile.stdout
    shutil.rmtree(tmp_path, ignore_errors=True)


# -- the bulk path ------------------------------------------------------------------------------

@pytest.mark.parametrize("fault", ["duplicate", "5xx-after"])
def test_a_bulk_batch_through_a_bad_line_completes_each_once(world, fault):
    """Several conversions at Delicar and swaps into it in one batch, the answers going
    wrong on the way back: each operation stands once at the partner and is booked once."""
    from app.core.services.exchange import Conversion, ConversionRequest

    before, conserved = settled(world), total(world)
    world.line.fault = fault
    with services(world) as svc:
        results = svc.exchange.convert_bulk([ConversionRequest("DELICAR", "MLK", "2000"),
                                             ConversionRequest("YANOLJA", "DELICAR", "1500"),
                                             ConversionRequest("DELICAR", "MLK", "1000")])
    world.line.fault = None
    assert all(isinstance(r, Conversion) for r in results), results
    after = settled(world, conserved)
    assert after["member"] == before["member"] - 2000 + results[1].amount_out - 1000
    assert len(after["ops"]) == len(before["ops"]) + 3


def test_a_bulk_batch_with_the_partner_gone_half_way_is_pending_then_completes(world):
    before, conserved = settled(world), total(world)
    world.line.fault = "drop"
    world.line.after_forward = world.server.kill  # the first redeem applied, then gone
    from app.core.services.exchange import Conversion, ConversionRequest

    with services(world) as svc:
        results = svc.exchange.convert_bulk([ConversionRequest("DELICAR", "MLK", "2000"),
                                             ConversionRequest("DELICAR", "MLK", "3000")])
    # the first was applied, the second may have been: both wait for the partner's answer
    assert all(isinstance(r, Conversion) and r.status == "pending" for r in results), results
    world.restart()
    after = settled(world, conserved)
    assert after["member"] == before["member"] - 2000 and after["mlk"] > before["mlk"]
    assert len(after["ops"]) == len(before["ops"]) + 1
