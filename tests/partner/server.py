"""The reference partner server as a real process on 127.0.0.1, and `milk-partner` commands.

`PartnerServer.start` runs `milk-partner serve --port 0` and reads the address it prints;
`stop` ends it (SIGTERM), `kill` SIGKILLs it. Several servers may share one data directory.
"""
from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support.cli import Run

CREDENTIAL = "partner-test-operator-credential"
ENV = {**os.environ, "MILK_PARTNER_OPERATOR_TOKEN": CREDENTIAL}
COMMAND = [sys.executable, "-m", "app.partner_server"]


def milk_partner(*args: str, env: dict | None = None, timeout: float = 120) -> Run:
    out = subprocess.run([*COMMAND, *args], env=env or ENV, capture_output=True, text=True,
                         timeout=timeout)
    return Run(out.returncode, out.stdout, out.stderr)


@dataclass
class PartnerServer:
    data_dir: Path
    partner: str
    process: subprocess.Popen
    url: str
    output: list[str] = field(default_factory=list)
    tokens: dict[str, str] = field(default_factory=dict)
    _reader: threading.Thread | None = None

    @classmethod
    def start(cls, data_dir: Path, partner: str = "DELICAR", *extra: str,
              env: dict | None = None) -> PartnerServer:
        process = subprocess.Popen(
            [*COMMAND, "serve", "--partner", partner, "--data-dir", str(data_dir), "--port",
             "0", *extra], env=env or ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True)
        line = _first_line(process, 20)
        if " on http://" not in line:
            process.kill()
            raise RuntimeError(f"milk-partner serve did not start: {line!r}")
        url = line.split(" on ", 1)[1].split(" ", 1)[0]
        server = cls(Path(data_dir), partner, process, url, [line])
        # drained all along, so a chatty server never blocks on a full pipe
        server._reader = threading.Thread(target=server._drain, daemon=True)
        server._reader.start()
        return server

    def _drain(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)

    def client(self, **kw) -> httpx.Client:
        return operator_client(self.url, **kw)

    def token(self, member: str) -> str:
        """A member token for `member`, linked once per server (codes are rate-limited)."""
        if member not in self.tokens:
            with self.client() as c:
                self.tokens[member] = link(c, member)
        return self.tokens[member]

    def stop(self) -> str:
        """SIGTERM, wait; everything it printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        self.process.wait(20)
        self._reader.join(10)
        return "".join(self.output)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(10)
        self._reader.join(10)


def operator_client(url: str, credential: str = CREDENTIAL, **kw) -> httpx.Client:
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {credential}"},
                        timeout=kw.pop("timeout", 10), trust_env=False, **kw)


def link(client: httpx.Client, member: str) -> str:
    """The verification flow on a --demo-codes server; the member token."""
    sent = client.post(f"/v1/members/{member}/verification")
    assert sent.status_code == 202, sent.text
    done = client.post(f"/v1/members/{member}/verification/confirm",
                       json={"code": sent.json()["demo_code"]})
    assert done.status_code == 200, done.text
    return done.json()["member_token"]


def _first_line(process: subprocess.Popen, timeout: float) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        ready, _, _ = select.select([process.stdout], [], [], 0.1)
        if ready:
            return process.stdout.readline()
        if process.poll() is not None:
            return process.stdout.read()
    return ""
