"""A real PostgreSQL server for the tests: a throwaway cluster on 127.0.0.1.

Started once per test session with initdb + pg_ctl (as the `postgres` system user when the
tests run as root, since PostgreSQL refuses to run as root), stopped at the end. Each test
that asks for `pg_url` gets a fresh, empty database.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.support.integration import missing

_counter = itertools.count()


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@pytest.fixture(scope="session")
def pg_server():
    bindir = _pg_bin()
    if bindir is None:
        missing("PostgreSQL", "install the Debian package `postgresql` (tests/run does)")
    root = Path(tempfile.mkdtemp(prefix="milk-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    subprocess.run(_as_postgres([str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                                 "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
                   check=True, capture_output=True)
    options = f"-h 127.0.0.1 -p {port} -k {root} -c fsync=on -c max_connections=50"
    subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-o", options,
                                 "-l", str(root / "log"), "-w", "start"]),
                   check=True, capture_output=True)
    try:
        yield {"host": "127.0.0.1", "port": port}
    finally:
        subprocess.run(_as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast",
                                     "-w", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server) -> str:
    import psycopg

    name = f"milk_test_{os.getpid()}_{next(_counter)}"
    admin = f"host=127.0.0.1 port={pg_server['port']} user=postgres dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:{pg_server['port']}/{name}"
