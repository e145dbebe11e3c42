"""Shared by the crash harness and the bad-input catalogue: a demo profile made once and
copied per test, and the facts about a profile that crashes and refusals must respect.

Long modes: `tests/run tests/reliability --crash-kills 2000 [--crash-seed S]`.
"""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.support.cli import MilkCLI


def pytest_addoption(parser):
    group = parser.getgroup("milk reliability")
    group.addoption("--crash-kills", type=int, default=None,
                    help="kills for the random crash harness (default: the CI share)")
    group.addoption("--crash-seed", type=int, default=None,
                    help="replay a crash-harness run (its seed is printed on failure)")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """`milk init --demo` once per session; tests copy it (a kill then costs one process)."""
    base = tmp_path_factory.mktemp("reliability") / "demo"
    run = MilkCLI(base)("init", "--demo")
    assert run.code == 0, run.stderr
    return base


@pytest.fixture
def demo_copy(demo_template, tmp_path) -> Path:
    copy = tmp_path / "profile"
    shutil.copytree(demo_template, copy)
    return copy


def ledger_facts(data_dir: Path, database_url: str | None = None) -> dict:
    """What a profile holds, read in-process: verify's verdict, every balance, entries by
    kind and key, links, settings, quotes, files. Equal facts = nothing changed."""
    from sqlalchemy import inspect, select, text

    from app.core.chain.records import ChainTx
    from app.core.ledger.schema import (
        Account,
        Balance,
        JournalEntry,
        Link,
        PriceRecord,
        QuoteRecord,
        Setting,
    )
    from app.core.services import Services

    svc = Services.open(data_dir, database_url=database_url)
    try:
        report = svc.admin.verify()
        with svc.ctx.db.read() as s:
            balances = {(a.owner, a.asset): b for a, b in s.execute(
                select(Account, Balance.amount).join(Balance, Balance.account_id == Account.id))}
            entries = s.execute(select(JournalEntry.seq, JournalEntry.kind,
                                       JournalEntry.idem_key)).all()
            link_rows = list(s.execute(select(Link)).scalars())
            links = {(r.partner, r.member_id) for r in link_rows}
            settings = {r.key: r.value for r in s.execute(select(Setting)).scalars()}
            prices = s.execute(select(PriceRecord.id)).all()
            quotes = s.execute(select(QuoteRecord.id)).all()
            txs = s.execute(select(ChainTx.id, ChainTx.status)).all()
            rows = {t: s.execute(text(f'SELECT count(*) FROM "{t}"')).scalar()
                    for t in inspect(s.connection()).get_table_names()}
    finally:
        svc.close()
    return {"ok": report.ok, "problems": [str(p) for p in report.problems],
            "head": (report.head_seq, report.head_hash), "balances": balances,
            "kinds": Counter(kind for _, kind, _ in entries),
            "keys": Counter(key for _, _, key in entries),
            "seq_of_key": {key: seq for seq, _, key in entries},
            "links": links, "unsynced_links": sum(r.last_sync_at is None for r in link_rows),
            "settings": settings, "prices": len(prices),
            "quotes": len(quotes), "txs": sorted(txs), "rows": rows,
            "files": sorted(p.name for p in Path(data_dir).iterdir()  # SQLite's own, aside
                            if not p.name.endswith(("-wal", "-shm")))}
