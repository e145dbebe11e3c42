"""Creating a profile (TICA's pool, the demo profile) and checking the ledger."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from app.core.clock import iso
from app.core.errors import RuleError
from app.core.ledger import Journal, Line, VerifyReport
from app.core.ledger import accounts as acct
from app.core.ledger.canonical import params_digest
from app.core.ledger.integrity import check_ledger
from app.core.money import MLK, MLK_UNIT, TICA_POOL_MLK
from app.core.services.context import Context

DEMO_PRICE_KRW = Decimal(200)
DEMO_MEMBER_ID = "demo-jiwoo"
DEMO_LINKED = ("YANOLJA", "SSG_DUTYFREE", "AIRPORT_LIMO")  # DELICAR is left to link live
DEMO_REWARD_MLK = 100 * MLK_UNIT


@dataclass(frozen=True)
class InitResult:
    created: bool  # False when the profile already existed
    demo: bool
    entries: int  # ledger entries written
    wallet: object = None  # the demo wallet this init seeded (DemoWallet), if it did


class AdminService:
    def __init__(self, ctx: Context, partners, seed_wallet=None):
        self.ctx = ctx
        self._partners = partners
        self._seed_wallet = seed_wallet  # WalletService.seed_demo_wallet, for init --demo

    def is_initialized(self) -> bool:
        return bool(self.ctx.settings.get("profile.created_at"))

    def require_profile(self) -> None:
        if not self.is_initialized():
            raise RuleError(f"There is no MiL.k profile in {self.ctx.data_dir}. Run `milk init` "
                            "(or `milk init --demo` for the demo profile) first.",
                            code="no_profile")

    def init(self, demo: bool = False) -> InitResult:
        """Fund TICA (pool MLK and each partner's inventory at target); with `demo`, also a
        static price of 200 KRW, linked demo memberships and a welcome reward.

        Re-entrant and crash-safe: each step is done at most once, and the profile exists
        (`profile.created_at`) only when every step is, so a killed init leaves a directory
        that commands refuse and that the next `init` completes (as a demo if that was
        started)."""
        settings = self.ctx.settings
        existed = self.is_initialized()
        started_demo = settings.get_bool("profile.demo")
        if demo and existed and not started_demo:
            raise RuleError(f"{self.ctx.data_dir} holds a real profile; it cannot become the "
                            "demo. The demo uses its own data directory (milk-wallet --demo).",
                            code="not_a_demo_profile")
        demo = demo or started_demo
        if demo and not started_demo:
            settings.set("profile.demo", True)  # first, so a re-run knows what it finishes
        written, wallet = self._seed_tica(), None
        if demo and not existed:  # a finished demo is the user's: unlinked stays unlinked
            written += self._seed_demo()
            if self._seed_wallet is not None:  # the presenter's wallet, before it counts as done
                wallet = self._seed_wallet()
        if not existed:
            if not demo:
                self.ctx.prices.use_feed("upbit")
            settings.set("profile.created_at", iso(self.ctx.clock.now()))  # last: complete
        return InitResult(created=not existed, demo=demo, entries=written, wallet=wallet)

    def _seed_demo(self) -> int:
        written = 0
        if self.ctx.prices.latest() is None:
            self.ctx.prices.set_static(DEMO_PRICE_KRW)
        linked = {st.partner.code for st in self._partners.catalog() if st.linked}
        for code in DEMO_LINKED:
            if code in self.ctx.catalog and code not in linked:
                connector = self.ctx.connector(self.ctx.catalog.get(code))
                challenge = connector.request_code(DEMO_MEMBER_ID)
                self._partners.link(code, DEMO_MEMBER_ID, challenge.demo_code)
                written += 1
        return written + self._post_once("reward", "demo:welcome-reward", [
            Line(acct.POOL, MLK, -DEMO_REWARD_MLK), Line(self.ctx.user, MLK, DEMO_REWARD_MLK),
        ], {"reason": "demo welcome reward"})

    def _seed_tica(self) -> int:
        seeds = [("genesis:tica-pool:MLK", [
            Line(acct.BRIDGE, MLK, -TICA_POOL_MLK), Line(acct.POOL, MLK, TICA_POOL_MLK),
        ], {"reason": "TICA liquidity pool (28% of MLK supply), backed by the treasury"})]
        for partner in self.ctx.catalog:
            seeds.append((f"genesis:tica-pool:{partner.code}", [
                Line(acct.issuer(partner.code), partner.code, -partner.target_inventory),
                Line(acct.POOL, partner.code, partner.target_inventory),
            ], {"reason": "TICA inventory at target", "partner": partner.code}))
        # Which are written already, in one read (an existing profile opens with all of
        # them): a write transaction each would take the write lock ten times per start-up.
        with self.ctx.db.read() as s:
            journal = Journal(s)
            missing = [seed for seed in seeds
                       if journal.replay(seed[0], params_digest({"key": seed[0]})) is None]
        return sum(self._post_once("genesis", *seed) for seed in missing)

    def _post_once(self, kind: str, key: str, lines: list[Line], memo: dict) -> int:
        params = params_digest({"key": key})
        with self.ctx.db.write() as s:
            journal = Journal(s)
            if journal.replay(key, params):
                return 0
            journal.append(kind, key, params, lines, memo, self.ctx.clock.now())
        return 1

    def verify(self) -> VerifyReport:
        return check_ledger(self.ctx.db)

    def backup(self, target: Path) -> VerifyReport:
        """The GUI's backup (its file dialog already asked before replacing a file); the
        service is BackupService (svc.backup) — app/ui moves to it, then this goes."""
        from app.core.services.backup import BackupService

        return BackupService(self.ctx).backup(target, force=True)


def restore_ledger(data_dir: Path, source: Path, now: datetime) -> Path:
    """The GUI's restore (it asked before replacing the ledger); see services.backup, which
    app/ui moves to (showing the rollback range it confirms), then this goes."""
    from app.core.services import backup

    plan = backup.plan_restore(data_dir, source)
    return backup.restore_ledger(data_dir, source, now, rollback=plan.rollback).kept
