"""Random link / sync / convert / expire / re-price sequences keep the ledger sound:
every asset sums to zero over all accounts, no user or TICA balance is negative, and
verify passes after every step."""
from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import text

from app.core.clock import FixedClock
from app.core.errors import RuleError
from app.core.ledger import accounts as acct
from app.core.services import Services

CODES = ["YANOLJA", "SSG_DUTYFREE", "AIRPORT_LIMO", "DELICAR"]
ASSETS = ["MLK", *CODES]


class LedgerMachine(RuleBasedStateMachine):
    db_url: str | None = None  # None: a fresh SQLite file per run
    data_dir: str | None = None  # with a shared database, the partners' data is shared too

    @initialize()
    def open_profile(self):
        self.dir = self.data_dir or tempfile.mkdtemp(prefix="milk-prop-")
        self.clock = FixedClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
        self.svc = Services.open(self.dir, database_url=self.db_url, clock=self.clock)
        self.svc.admin.init(demo=True)

    def teardown(self):
        if hasattr(self, "svc"):
            self.svc.close()
            if not self.data_dir:
                shutil.rmtree(self.dir, ignore_errors=True)

    @rule(code=st.sampled_from(CODES), member=st.integers(0, 10**6))
    def link(self, code, member):
        member_id = f"prop-{member}"
        try:
            challenge = self.svc.partners.request_code(code, member_id)  # the demo shows it
            self.svc.partners.link(code, member_id, challenge.demo_code)
        except RuleError as e:
            assert e.code == "already_linked"

    @rule(code=st.sampled_from(CODES))
    def sync(self, code):
        try:
            self.svc.partners.sync(code)
        except RuleError as e:
            assert e.code == "not_linked"

    @rule(src=st.sampled_from(ASSETS), dst=st.sampled_from(ASSETS),
          amount=st.integers(1, 60_000), exact_out=st.booleans())
    def convert(self, src, dst, amount, exact_out):
        if src == dst:
            return
        fixed = dst if exact_out else src
        text_amount = f"{amount / 1000:.3f}" if fixed == "MLK" else str(amount)
        try:
            self.svc.exchange.convert(src, dst, text_amount, exact_out=exact_out)
        except RuleError as e:
            assert e.code in ("insufficient_balance", "below_minimum", "amount_too_small",
                              "pool_cannot_cover", "not_linked")

    @rule(days=st.integers(1, 120))
    def time_passes(self, days):
        self.clock.advance(days=days)
        self.svc.prices.set_static(Decimal(200))  # keep the demo price fresh

    @rule(price=st.integers(50, 2000))
    def reprice(self, price):
        self.svc.prices.set_static(Decimal(price))

    @invariant()
    def ledger_is_sound(self):
        if not hasattr(self, "svc"):
            return
        report = self.svc.admin.verify()
        assert report.ok, report.problems
        with self.svc.ctx.db.read() as s:
            rows = s.execute(text("SELECT a.owner, a.asset, b.amount FROM balances b "
                                  "JOIN accounts a ON a.id = b.account_id")).all()
        totals = defaultdict(int)
        for owner, asset, amount in rows:
            totals[asset] += int(amount)
            if not acct.allows_negative(owner):
                assert int(amount) >= 0, (owner, asset, amount)
        assert all(v == 0 for v in totals.values()), dict(totals)


LedgerMachine.TestCase.settings = settings(
    max_examples=15, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
TestLedgerOnSQLite = LedgerMachine.TestCase


def test_ledger_machine_on_postgresql(pg_url, tmp_path):
    class OnPostgres(LedgerMachine):
        pass

    OnPostgres.db_url = pg_url
    OnPostgres.data_dir = str(tmp_path / "profile")
    # One database for every run: each run starts with the idempotent demo init on top.
    from hypothesis.stateful import run_state_machine_as_test

    run_state_machine_as_test(OnPostgres, settings=settings(
        max_examples=3, stateful_step_count=10, deadline=None,
        suppress_health_check=[HealthCheck.too_slow]))
