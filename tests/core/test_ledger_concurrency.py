"""Several processes converting at once on one ledger: no lost, duplicated or forked entry."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from sqlalchemy import text

from app.core.ledger import Database

WORKER = textwrap.dedent("""
    import sys
    from app.core.services import Services
    from app.core.errors import RuleError
    svc = Services.open(sys.argv[1], database_url=sys.argv[2])
    tag, n = sys.argv[3], int(sys.argv[4])
    done = 0
    for i in range(n):
        src = "YANOLJA" if i % 2 else "SSG_DUTYFREE"
        svc.exchange.convert(src, "MLK", "1000", key=f"{tag}-{i}")
        svc.exchange.convert("YANOLJA", "MLK", "1000", key="shared-key")  # all race for it
        done += 1
    svc.close()
    print(done)
""")


def test_parallel_writers_keep_one_unbroken_chain(services, db_url, tmp_path):
    before = services.admin.verify().head_seq
    directory = str(services.ctx.data_dir)
    n, procs = 20, []
    for tag in ("a", "b", "c"):
        procs.append(subprocess.Popen([sys.executable, "-c", WORKER, directory, db_url, tag,
                                       str(n)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True))
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
        assert out.strip() == str(n)
    report = services.admin.verify()
    assert report.ok, report.problems
    # each conversion is held, then booked once the partner redeemed (2 entries); the shared
    # key was converted exactly once
    assert report.head_seq == before + 2 * (3 * n + 1)
    db = Database(db_url)
    try:
        with db.engine.connect() as c:
            seqs = [r[0] for r in c.execute(text("SELECT seq FROM journal_entries ORDER BY seq"))]
            shared = c.execute(text("SELECT count(*) FROM journal_entries "
                                    "WHERE idem_key = 'user:convert:shared-key'")).scalar()
    finally:
        db.dispose()
    assert seqs == list(range(1, report.head_seq + 1)) and shared == 1


def test_two_simultaneous_links_one_wins_the_other_is_told(services, db_url):
    """Two `milk link` processes for one partner, both past the early check and waiting on
    the write lock together: one links, the other is refused (exit 3), nothing twice."""
    import json
    import os
    import threading

    env = {**os.environ, "MILK_DATA_DIR": str(services.ctx.data_dir), "MILK_DATABASE_URL": db_url}
    # Two members, each with the code Delicar sent them (by `milk`: on the clock of the
    # processes that confirm it): both confirm, then race to link.
    codes = [(member, json.loads(subprocess.run(
        [sys.executable, "-m", "app.cli", "--json", "link", "DELICAR", "--member-id", member],
        env=env, capture_output=True, text=True, check=True).stdout)["demo_code"])
        for member in ("minji-77", "jisoo-1")]
    env["MILK_LOG"] = "sqlalchemy.engine=INFO"  # each SQL statement, before it runs
    waiting_on_lock = "BEGIN IMMEDIATE" if services.ctx.db.dialect == "sqlite" else "FOR UPDATE"
    procs, blocked, errs = [], [], []
    with services.ctx.db.write() as held:  # the write lock, until both queue behind it
        held.execute(text("SELECT seq FROM chain_head"))  # SQLite locks on the first statement
        for member, code in codes:
            p = subprocess.Popen([sys.executable, "-m", "app.cli", "--json", "link", "DELICAR",
                                  "--member-id", member, "--code", code], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            seen, lines = threading.Event(), []
            threading.Thread(target=_watch, args=(p.stderr, waiting_on_lock, seen, lines),
                             daemon=True).start()
            procs.append(p)
            blocked.append(seen)
            errs.append(lines)
        for seen in blocked:
            assert seen.wait(60), ("a link never reached the write lock", errs)
    results = sorted(((p.wait(60), json.loads(p.stdout.read())) for p in procs),
                     key=lambda r: r[0])
    assert [code for code, _ in results] == [0, 3], errs
    assert results[1][1]["error"]["code"] == "already_linked"
    report = services.admin.verify()
    assert report.ok
    syncs = [r for r in services.history.page(limit=50) if r.memo.get("partner") == "DELICAR"]
    assert len(syncs) == 1 and syncs[0].kind == "sync"


def _watch(stream, marker, seen, lines):
    for line in stream:
        lines.append(line)
        if marker in line:
            seen.set()
