"""A test hook: `milk` kills itself (SIGKILL) at an exact database commit.

    MILK_TEST_CRASH_AT=commit:N        inside the N-th write transaction, just before COMMIT
    MILK_TEST_CRASH_AT=after-commit:N  right after the N-th COMMIT, before anything is printed

The crash harness (tests/reliability/test_crash.py) uses it to stop a process at the moments
random kills rarely hit. Only a source checkout honours it: a frozen bundle (the release
build) ignores the variable, and nothing but the process itself is affected.
"""
from __future__ import annotations

import os
import signal
import sys

ENV = "MILK_TEST_CRASH_AT"


def install_from_env() -> None:
    spec = os.environ.get(ENV)
    if not spec or getattr(sys, "frozen", False):
        return
    where, _, nth = spec.partition(":")
    if where not in ("commit", "after-commit") or not nth.isascii() or not nth.isdigit():
        raise SystemExit(f"{ENV} must be commit:N or after-commit:N, not {spec!r}")
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    hits = 0

    def count(*_args) -> None:
        nonlocal hits
        hits += 1
        if hits == int(nth):
            os.kill(os.getpid(), signal.SIGKILL)

    if where == "commit":
        event.listen(Engine, "commit", count)
    else:
        event.listen(Session, "after_commit", count)
