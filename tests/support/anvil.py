"""A real JSON-RPC node for the chain tests: anvil (Foundry), installed from npm.

One anvil per test session on 127.0.0.1 with a free port, chain id 31337 and the standard
development mnemonic; killed at the end. Tests that change chain state take `anvil_fresh`,
which reverts to a snapshot afterwards.
"""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.integration import missing

ROOT = Path(__file__).resolve().parents[2]
CHAIN_ID = 31337
OTHER_CHAIN_ID = 31338
MNEMONIC = "test test test test test test test test test test test junk"
# The first development accounts of MNEMONIC (public test keys, worthless by design).
DEV_KEYS = [
    "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
    "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
    "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
    "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
]


@dataclass
class Anvil:
    url: str
    chain_id: int
    process: subprocess.Popen
    keys: list[str] = field(default_factory=lambda: list(DEV_KEYS))

    @property
    def addresses(self) -> list[str]:
        from eth_account import Account

        return [Account.from_key(k).address for k in self.keys]

    def rpc(self, method: str, *params):
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method,
                           "params": list(params)}).encode()
        req = urllib.request.Request(self.url, data=body,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            doc = json.loads(resp.read())
        if "error" in doc:
            raise RuntimeError(f"{method}: {doc['error']}")
        return doc["result"]

    def mine(self, blocks: int = 1) -> None:
        self.rpc("anvil_mine", hex(blocks))

    def set_automine(self, on: bool) -> None:
        self.rpc("evm_setAutomine", on)

    def drop_transaction(self, tx_hash: str) -> None:
        self.rpc("anvil_dropTransaction", tx_hash)

    def snapshot(self) -> str:
        return self.rpc("evm_snapshot")

    def revert(self, snapshot_id: str) -> None:
        self.rpc("evm_revert", snapshot_id)


def _anvil_binary() -> str | None:
    local = ROOT / "node_modules" / ".bin" / "anvil"
    return str(local) if local.exists() else shutil.which("anvil")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_anvil(chain_id: int) -> Anvil:
    binary = _anvil_binary()
    if binary is None:
        missing("anvil", "run `npm install` at the repository root (tests/run does)")
    port = _free_port()
    proc = subprocess.Popen([binary, "--host", "127.0.0.1", "--port", str(port),
                             "--chain-id", str(chain_id), "--mnemonic", MNEMONIC,
                             "--accounts", "4", "--silent"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    node = Anvil(f"http://127.0.0.1:{port}", chain_id, proc)
    deadline = time.monotonic() + 30
    while True:
        try:
            if int(node.rpc("eth_chainId"), 16) == chain_id:
                return node
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            err = proc.stderr.read().decode(errors="replace") if proc.poll() is not None else ""
            proc.kill()
            missing("anvil", f"it did not start: {err.strip()[:300]}")
        time.sleep(0.1)


def _stop(node: Anvil) -> None:
    node.process.terminate()
    try:
        node.process.wait(10)
    except subprocess.TimeoutExpired:
        node.process.kill()


@pytest.fixture(scope="session")
def anvil():
    node = _start_anvil(CHAIN_ID)
    try:
        yield node
    finally:
        _stop(node)


@pytest.fixture(scope="session")
def anvil_other():
    """A second anvil on another chain id: what a URL may suddenly lead to."""
    node = _start_anvil(OTHER_CHAIN_ID)
    try:
        yield node
    finally:
        _stop(node)


@pytest.fixture
def anvil_fresh(anvil):
    """The session's anvil, reverted to its current state after the test."""
    snap = anvil.snapshot()
    anvil.set_automine(True)
    yield anvil
    anvil.set_automine(True)
    anvil.revert(snap)


@pytest.fixture
def anvil_profile(anvil_fresh, tmp_path, monkeypatch, secret_service):
    """A profile on anvil: MLK deployed by dev account 0 with 28% to the treasury (account 1),
    and a wallet importing dev account 2's key, which is then given 1,000 MLK."""
    svc = make_profile(anvil_fresh, anvil_fresh.url, tmp_path / "profile", monkeypatch)
    yield svc
    _forget_existing_key(svc, anvil_fresh.addresses[2])
    svc.close()


def make_profile(node: Anvil, url: str, directory, monkeypatch):
    """`anvil_profile`'s set-up, with the network reached through `url` (e.g. a proxy)."""
    from app.core.keys import KeyCustody
    from app.core.services import Services

    monkeypatch.setenv("MILK_DEPLOYER_PRIVATE_KEY", node.keys[0])
    monkeypatch.setenv("MILK_TREASURY_PRIVATE_KEY", node.keys[1])
    svc = Services.open(directory, custody=KeyCustody(scrypt_n=2**12))
    svc.admin.init(demo=True)
    svc.network.use_rpc(url, CHAIN_ID, treasury=node.addresses[1])
    svc.network.deploy_token()
    _forget_existing_key(svc, node.addresses[2])
    svc.wallet.import_private_key(node.keys[2], "password123")
    _give_mlk(svc, node, node.addresses[2], 1000 * 10**18)
    return svc


def _forget_existing_key(svc, address: str) -> None:
    """Dev account keys are shared by every test: remove a previous test's keyring entry."""
    try:
        if svc.wallet.custody.exists(address):
            svc.wallet.custody.delete(address)
    except Exception:
        pass


def _give_mlk(svc, node: Anvil, to: str, units: int) -> None:
    from eth_account import Account

    client = svc.chain.client()
    deployer = Account.from_key(node.keys[0])
    tx = client.transfer_tx(deployer.address, to, units, client.pending_nonce(deployer.address),
                            100_000, client.fees())
    signed = deployer.sign_transaction({k: v for k, v in tx.items() if k != "from"})
    client.w3.eth.wait_for_transaction_receipt(client.broadcast(signed.raw_transaction))
