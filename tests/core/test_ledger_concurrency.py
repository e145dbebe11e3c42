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
    assert report.head_seq == before + 3 * n + 1  # the shared key was booked exactly once
    db = Database(db_url)
    try:
        with db.engine.connect() as c:
            seqs = [r[0] for r in c.execute(text("SELECT seq FROM journal_entries ORDER BY seq"))]
            shared = c.execute(text("SELECT count(*) FROM journal_entries "
                                    "WHERE idem_key = 'shared-key'")).scalar()
    finally:
        db.dispose()
    assert seqs == list(range(1, report.head_seq + 1)) and shared == 1
