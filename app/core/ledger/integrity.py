"""The whole proof of a ledger, as `milk ledger verify` reports it: the file is sound
(`PRAGMA integrity_check`), its schema objects are the ones the migrations make, the chain
and every projection re-derive (verify.py), and the head agrees with the signed checkpoint
and the keyring witness (notary.py)."""
from __future__ import annotations

from sqlalchemy.exc import DBAPIError

from app.core.ledger import storage
from app.core.ledger.layout import CannotCompare, schema_problems
from app.core.ledger.verify import VerifyReport, verify


def check_ledger(db) -> VerifyReport:
    with db.read() as s, storage.integrity_alongside(db) as integrity_problems:
        report = verify(s)
        for step in (integrity_problems, schema_problems):
            try:
                problems = step(s)
            except DBAPIError as exc:
                problems = [f"the database cannot be checked: {_reason(exc)}"]
            except CannotCompare as exc:
                problems = []
                report.notes.append(f"schema objects not compared with the migrations: {exc}")
            for what in problems:
                report.add(None, what)
        if db.notary is None:
            report.anchor_note = "not anchored: this database has no checkpoint beside it"
        else:
            try:
                db.notary.audit(s, report)
            except DBAPIError as exc:
                report.add(None, f"the checkpoint cannot be compared: {_reason(exc)}")
    return report


def _reason(exc: DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
