"""SIGKILL at random moments and inside write transactions; after every kill the ledger
verifies, every asset is conserved, nothing is half-done, and every key the process
acknowledged is booked exactly once.
"""
from __future__ import annotations

import itertools
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.core.ledger import accounts as acct
from app.core.money import MLK, TICA_POOL_MLK
from tests.reliability.conftest import ledger_facts
from tests.support.cli import MilkCLI, milk_in_process


@pytest.fixture(scope="module")
def clean_init_facts(demo_template):
    return _comparable(ledger_facts(demo_template))


def _comparable(facts: dict) -> dict:
    """A demo profile's facts without what differs between two runs (times, hashes)."""
    from app.core.settings import DEFAULTS

    settings = {k: v for k, v in {**DEFAULTS, **facts["settings"]}.items()  # what the profile
                if k not in ("profile.created_at", "ledger.profile_id",  # does, not its name
                             "wallet.kind")}  # the demo key is kept where a keyring runs
    return {"ok": facts["ok"], "balances": facts["balances"], "kinds": facts["kinds"],
            "links": facts["links"], "settings": settings,
            "created": "profile.created_at" in facts["settings"]}


def test_a_killed_init_demo_completes_when_run_again(secret_service, tmp_path,
                                                    clean_init_facts):
    """Killed inside each of its write transactions in turn, `init --demo` leaves no usable
    half-profile, and the next `init --demo` makes exactly the profile a clean run makes.
    With a real keyring: the first commit's signed checkpoint and key outlive a kill."""
    commit = 1  # the first creates the schema
    while True:
        commit += 1
        where = tmp_path / f"kill-at-{commit}"
        killed = MilkCLI(where, {"MILK_TEST_CRASH_AT": f"commit:{commit}"})("init", "--demo")
        if killed.code == 0:  # past its last commit: every one was tried
            break
        assert killed.code == -9, killed.stdout
        half = milk_in_process(where, "points")
        assert half.code == 3 and half.json["error"]["code"] == "no_profile", commit
        again = milk_in_process(where, "init", "--demo")
        assert again.code == 0, again.stdout
        assert _comparable(ledger_facts(where)) == clean_init_facts, commit
    assert commit > 8
    print(f"init --demo killed in each of its {commit - 2} write transactions")


def test_a_killed_init_demo_completes_when_run_again_on_postgresql(secret_service, request,
                                                                   pg_server, tmp_path,
                                                                   clean_init_facts):
    """The same on PostgreSQL, at a seeded sample of its commits (each needs a database)."""
    rng = random.Random(_seed(request))
    for commit in sorted(rng.sample(range(2, 14), 4)):
        url = _new_database(pg_server)
        where = tmp_path / f"kill-at-{commit}"
        cli = MilkCLI(where, {"MILK_TEST_CRASH_AT": f"commit:{commit}"})
        cli.env["MILK_DATABASE_URL"] = url
        assert cli("init", "--demo").code == -9, commit
        cli.env.pop("MILK_TEST_CRASH_AT")
        half = cli("points")
        assert half.code == 3 and half.json["error"]["code"] == "no_profile", commit
        assert cli("init", "--demo").code == 0, commit
        assert _comparable(ledger_facts(where, url)) == clean_init_facts, commit


def _new_database(pg_server) -> str:
    import psycopg

    name = f"milk_crash_{os.getpid()}_{next(_databases)}"
    admin = f"host=127.0.0.1 port={pg_server['port']} user=postgres dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:{pg_server['port']}/{name}"


_databases = itertools.count()


# -- the random harness ---------------------------------------------------------------------------

TO = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
CI_KILLS = {"sqlite": 64, "postgresql": 20}  # + 17 init kills above: > 100 per CI run
SQLITE_PARTS = 4  # the SQLite share runs as parts: each its own profile, seed and time limit
HOOKS = {"convert": 2, "simulate": 10, "withdraw": 5}  # how many commits each makes, about


@dataclass
class Harness:
    """One profile driven by seeded random operations; some processes are SIGKILLed (at a
    random moment, or by the commit hook inside / right after a write transaction), then the
    user's retry is run, and the invariants are checked after every kill."""

    data_dir: Path
    database_url: str | None
    seed: int
    withdrawals: bool
    rng: random.Random = field(init=False)
    kills: int = 0
    acked: dict = field(default_factory=dict)  # journal key -> seq the process printed
    refused: set = field(default_factory=set)  # keys whose request was refused (0 entries)
    # keys held by a killed process before the partner was asked, then returned on retry
    # (the saga voids an operation never applied: 1 entry, undone by its release)
    released: set = field(default_factory=set)
    durations: dict = field(default_factory=dict)
    treasury_start: int | None = None

    def __post_init__(self):
        self.rng = random.Random(self.seed)
        self.env = {**os.environ, "MILK_DATA_DIR": str(self.data_dir)}
        self.env.pop("MILK_DATABASE_URL", None)
        if self.database_url:
            self.env["MILK_DATABASE_URL"] = self.database_url
        self.steps = 0
        self.unresumed = 0
        self.log: list[str] = []
        if self.withdrawals:
            self.treasury_start = _treasury_mlk(self.data_dir, self.database_url)

    def why(self, what: str) -> str:
        recent = "\n  ".join(self.log[-8:])
        return (f"{what} (crash harness seed {self.seed}: replay with --crash-seed "
                f"{self.seed}); last processes:\n  {recent}")

    # -- processes --
    def run(self, argv: list[str], kill: str | None = None) -> tuple[int, dict | None, str]:
        """Run `milk --json argv`; kill: None, 'time' (SIGKILL at a random moment) or
        'hook' (the process kills itself at a random one of its commits)."""
        env = dict(self.env)
        op = argv[0] if argv[0] != "wallet" else "withdraw"
        if kill == "hook":
            where = self.rng.choice(["commit", "after-commit"])
            env["MILK_TEST_CRASH_AT"] = f"{where}:{self.rng.randint(1, HOOKS[op])}"
        started = time.monotonic()
        p = subprocess.Popen([sys.executable, "-m", "app.cli", "--json", *argv], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if kill == "time":
            try:
                # most of a short command is imports: aim at the part that does the work
                p.wait(self.durations.get(op, 1.5) * self.rng.uniform(0.45, 1.0))
            except subprocess.TimeoutExpired:
                p.send_signal(signal.SIGKILL)
        out, err = p.communicate(timeout=180)
        self.log.append(f"{argv} {env.get('MILK_TEST_CRASH_AT') or kill or ''} -> "
                        f"{p.returncode} {out.strip()[:300]!r} {err.strip()[-300:]!r}")
        if p.returncode == 0 and not kill:
            self.durations[op] = time.monotonic() - started
        if p.returncode == -signal.SIGKILL:
            self.kills += 1
            return p.returncode, None, err
        return p.returncode, json.loads(out) if out.strip() else None, err

    def keyed(self, argv: list[str], key: str, journal_key: str, kill: str | None) -> None:
        """A keyed request, killed maybe, then retried by its user until it answers."""
        code, doc, err = self.run(argv, kill)
        if code == -signal.SIGKILL:
            self.check(after=f"killed {argv}")  # before the retry: nothing half-done
            code, doc, err = self.run(argv)
        assert code in (0, 3), self.why(f"{argv} -> {code}: {doc or err}")
        if code == 3 and doc and doc.get("ok"):
            # a swap whose points could not be delivered: the user keeps the MLK of its sell
            # leg and is told (exit 3 with the conversion's document); booked once like any
            self.acked[journal_key] = doc.get("entry_seq")
            return
        if code == 3:
            if doc and doc.get("error", {}).get("code") == "conversion_released":
                self.released.add(journal_key)
            else:
                self.refused.add(journal_key)
            return
        seq = doc.get("entry_seq") if argv[0] == "convert" else None
        self.acked[journal_key] = seq
        if argv[0] == "wallet" and doc["tx"]["status"] != "confirmed":
            # A retry after a kill may answer with the stored transaction not yet re-sent
            # (bridge.py: the retry does not resume it); `wallet txs` recovers it, as a user
            # would. Counted, and reported, so the lead can see it.
            self.unresumed += 1
            code, doc, err = self.run(["wallet", "txs"])
            assert code == 0, self.why(f"wallet txs -> {code}: {doc or err}")

    # -- operations --
    def step(self, i: int, kill: str | None) -> None:
        kills, self.steps = self.kills, self.steps + 1
        self._step(i, kill)
        if self.kills > kills:
            self.check(after=f"step {i}")

    def _step(self, i: int, kill: str | None) -> None:
        roll = self.rng.random()
        if self.withdrawals and roll < 0.12:
            key = f"w{i}"
            self.keyed(["wallet", "withdraw", str(self.rng.randint(1, 3)), "--to", TO,
                        "--key", key], key, f"withdraw:{key}", kill)
            self.check_chain()
        elif roll < 0.3:
            code, doc, err = self.run(["simulate", "--conversions", "4", "--seed", str(i)], kill)
            assert code in (0, -signal.SIGKILL), self.why(f"simulate -> {code}: {doc or err}")
        else:
            request = self.rng.choice([
                ["YANOLJA", "MLK", str(self.rng.randint(1000, 3000))],
                ["SSG_DUTYFREE", "AIRPORT_LIMO", str(self.rng.randint(1000, 2500))],
                ["MLK", "DELICAR", str(self.rng.randint(1, 4))],
                ["MLK", "YANOLJA", "1000", "--exact-out"]])
            key = f"k{i}"
            self.keyed(["convert", *request, "--key", key], key, f"user:convert:{key}", kill)

    # -- invariants --
    def check(self, after: str) -> dict:
        facts = ledger_facts(self.data_dir, self.database_url)
        assert facts["ok"], self.why(f"verify failed after {after}: {facts['problems']}")
        totals: dict[str, int] = {}
        for (_owner, asset), amount in facts["balances"].items():
            totals[asset] = totals.get(asset, 0) + amount
        assert set(totals.values()) == {0}, self.why(f"not conserved after {after}: {totals}")
        issued = _issued_per_partner(self.data_dir, self.database_url)
        for code, expected in issued.items():
            assert -facts["balances"].get((acct.issuer(code), code), 0) == expected, \
                self.why(f"{code} issued {expected} by its entries, the issuer says otherwise")
        assert facts["unsynced_links"] == 0, self.why(f"a link without its import ({after})")
        return facts

    def check_chain(self) -> None:
        """After a withdrawal answered: nothing is held in flight, and what TICA's treasury
        paid on chain is exactly what the ledger settled (never twice, never lost)."""
        facts = self.check(after="a withdrawal")
        pending = facts["balances"].get((acct.PENDING_WITHDRAWALS, MLK), 0)
        settled = facts["balances"].get((acct.BRIDGE, MLK), 0) + TICA_POOL_MLK
        paid = self.treasury_start - _treasury_mlk(self.data_dir, self.database_url)
        assert pending == 0, self.why(f"{pending} MLK still held after the withdrawal answered")
        assert paid == settled, self.why(f"treasury paid {paid}, the ledger settled {settled}")

    def final(self) -> None:
        # Conversions of killed processes that nobody retried (simulate's) complete or are
        # returned at the next sync, as a user's next sync would
        code, doc, err = self.run(["sync"])
        assert code == 0, self.why(f"sync -> {code}: {doc or err}")
        facts = self.check(after="the run")
        for key, seq in self.acked.items():
            assert facts["keys"].get(key) == 1, self.why(f"acknowledged {key} not booked once")
            if seq is not None:
                assert facts["seq_of_key"][key] == seq, self.why(f"{key} moved from #{seq}")
        for key in self.refused:
            assert key not in facts["keys"], self.why(f"refused {key} was booked")
        for key in self.released:
            assert facts["keys"].get(key) == 1, self.why(f"released {key} not held once")
        held = {k: v for k, v in facts["balances"].items() if k[0] == "partner:pending" and v}
        assert not held, self.why(f"still held for a partner after every retry: {held}")
        if self.withdrawals:
            self.check_chain()


def drive(h: Harness, kills: int) -> None:
    i = 0
    while h.kills < kills:
        i += 1
        assert i < kills * 6, h.why(f"only {h.kills} kills in {i} steps")
        kill = h.rng.choice(["time", "hook"]) if h.rng.random() < 0.9 else None
        h.step(i, kill)
    h.final()


def _seed(request, part: int = 0) -> int:
    seed = request.config.getoption("--crash-seed")
    seed = (seed if seed is not None else random.randrange(2**32)) + part
    print(f"crash harness seed {seed}")  # shown with the failure
    return seed


def _kills(request, database: str) -> int:
    wanted = request.config.getoption("--crash-kills")
    if wanted is None:
        wanted = CI_KILLS[database]
    elif database == "postgresql":
        wanted = max(10, wanted // 4)
    return -(-wanted // SQLITE_PARTS) if database == "sqlite" else wanted


@pytest.mark.parametrize("part", range(SQLITE_PARTS))
def test_crash_harness_on_sqlite(request, demo_copy, part):
    """Simulate, keyed converts and withdrawals on the demo chain, killed at random."""
    h = Harness(demo_copy, None, _seed(request, part), withdrawals=True)
    drive(h, _kills(request, "sqlite"))
    assert h.acked and h.kills >= _kills(request, "sqlite")
    print(f"{h.kills} kills in {h.steps} steps; {h.unresumed} withdrawal retries answered "
          "before re-sending their transaction")


def test_crash_harness_on_postgresql(request, pg_url, tmp_path):
    """Simulate and keyed converts on PostgreSQL. Withdrawals are left out: on this branch
    the demo chain's id overflows PostgreSQL's chain_txs.chain_id (the chain helper's
    migration 0003 widens it)."""
    directory = tmp_path / "pg-profile"
    init = MilkCLI(directory)
    init.env["MILK_DATABASE_URL"] = pg_url
    assert init("init", "--demo").code == 0
    h = Harness(directory, pg_url, _seed(request), withdrawals=False)
    drive(h, _kills(request, "postgresql"))
    assert h.acked and h.kills >= _kills(request, "postgresql")


def _issued_per_partner(data_dir: Path, database_url: str | None) -> dict[str, int]:
    """Points each partner put in, as the entries say: TICA's inventory at genesis, plus what
    syncs imported or adjusted, less what expired back."""
    from sqlalchemy import select

    from app.core.ledger.schema import JournalEntry
    from app.core.services import Services

    svc = Services.open(data_dir, database_url=database_url)
    try:
        issued = {p.code: 0 for p in svc.ctx.catalog}
        with svc.ctx.db.read() as s:
            for kind, memo in s.execute(select(JournalEntry.kind, JournalEntry.memo).where(
                    JournalEntry.kind.in_(("genesis", "sync", "expire")))):
                m = json.loads(memo)
                if kind == "genesis" and "partner" in m:
                    issued[m["partner"]] += svc.ctx.catalog.get(m["partner"]).target_inventory
                elif kind == "sync":
                    issued[m["partner"]] += int(m["imported"]) + int(m["adjusted"])
                elif kind == "expire":
                    issued[m["partner"]] -= int(m["points"])
    finally:
        svc.close()
    return issued


def _treasury_mlk(data_dir: Path, database_url: str | None) -> int:
    from app.core.services import Services

    svc = Services.open(data_dir, database_url=database_url)
    try:
        return svc.chain.client().mlk_balance(svc.chain.treasury_address())
    finally:
        svc.close()
