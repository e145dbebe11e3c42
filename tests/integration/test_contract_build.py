"""The committed MLK artifact is exactly what the pinned compiler makes of the source."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.support.integration import missing

ROOT = Path(__file__).resolve().parents[2]


def test_rebuilding_the_contract_gives_the_committed_bytecode():
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "solc").exists():
        missing("node + solc", "run `npm install` at the repository root (tests/run does)")
    out = subprocess.run([node, "scripts/build_contract.mjs", "--check"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    artifact = json.loads((ROOT / "resources/contracts/MLKToken.json").read_text())
    assert artifact["compiler"].startswith("solc 0.8.30")
    assert artifact["evmVersion"] == "prague"
    assert artifact["openzeppelin"].startswith("5.")


def test_the_check_fails_when_the_source_changes(tmp_path):
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "solc").exists():
        missing("node + solc", "run `npm install` at the repository root (tests/run does)")
    copy = tmp_path / "repo"
    (copy / "resources/contracts").mkdir(parents=True)
    (copy / "scripts").mkdir()
    shutil.copy(ROOT / "scripts/build_contract.mjs", copy / "scripts")
    shutil.copy(ROOT / "resources/contracts/MLKToken.json", copy / "resources/contracts")
    source = (ROOT / "resources/contracts/MLKToken.sol").read_text()
    (copy / "resources/contracts/MLKToken.sol").write_text(
        source.replace('ERC20("MiL.k", "MLK")', 'ERC20("MiL.k", "MLX")'))
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    out = subprocess.run([node, "scripts/build_contract.mjs", "--check"], cwd=copy,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 1 and "does not match" in out.stderr
