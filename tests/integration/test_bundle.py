"""The PyInstaller bundle (build.spec) works on its own: the command line with the ledger,
TICA and the demo chain, the real keyring, and the desktop app's start-up and screenshots.
Everything the app loads lazily or by name must have made it into the bundle."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.integration import missing

ROOT = Path(__file__).resolve().parents[2]
# Building the bundle takes minutes (longer on a busy machine): the first test's setup holds it.
pytestmark = pytest.mark.timeout(1200)
EXCHANGE = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    if pyinstaller is None:
        missing("PyInstaller", "pip install -e .[test] (tests/run does)")
    work = tmp_path_factory.mktemp("pyinstaller")
    out = subprocess.run([pyinstaller, "--noconfirm", "--log-level", "ERROR",
                          "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
                          "build.spec"], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stderr[-3000:]
    return work / "dist" / "MiLk Wallet"


def run(bundle: Path, program: str, *args: str, env: dict | None = None):
    out = subprocess.run([str(bundle / program), *args], capture_output=True, text=True,
                         timeout=180, cwd=bundle.parent,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})
    return out


def test_the_bundled_command_line_converts_and_verifies(bundle, tmp_path):
    profile = ["--data-dir", str(tmp_path / "p")]
    assert run(bundle, "milk", *profile, "init", "--demo").returncode == 0
    quote = run(bundle, "milk", *profile, "quote", "YANOLJA", "MLK", "2000")
    assert quote.returncode == 0 and "9.85 MLK" in quote.stdout
    assert run(bundle, "milk", *profile, "convert", "YANOLJA", "MLK", "2000").returncode == 0
    refused = run(bundle, "milk", *profile, "convert", "YANOLJA", "MLK", "1.5")
    assert refused.returncode == 2 and "whole" in refused.stderr
    verify = run(bundle, "milk", *profile, "ledger", "verify")
    assert verify.returncode == 0 and "Ledger OK: 11 entries" in verify.stdout  # held, booked


def test_the_bundled_wallet_keeps_its_key_in_the_keyring_and_sends(bundle, tmp_path,
                                                                   secret_service):
    env = {**secret_service.env, "MILK_DATA_DIR": str(tmp_path / "w"),
           "MILK_PASSWORD": "password123"}
    assert run(bundle, "milk", "init", "--demo", env=env).returncode == 0
    demo = run(bundle, "milk", "--json", "wallet", "address", env=env)
    address = json.loads(demo.stdout)["address"]
    # the demo key leaves the keyring (watch-only), then comes back typed in as the user's own
    forget = run(bundle, "milk", "wallet", "forget", "--confirm", address[-6:], env=env)
    assert forget.returncode == 0 and "watches it" in forget.stdout, forget.stderr
    from app.core.chain.demo_node import DEMO_USER_KEY

    imported = subprocess.run([str(bundle / "milk"), "wallet", "import"], env={**os.environ, **env},
                              input=DEMO_USER_KEY.hex() + "\n", capture_output=True, text=True,
                              timeout=180)
    assert imported.returncode == 0 and address in imported.stdout, imported.stderr
    keyring = run(bundle, "milk", "wallet", "keyring", env=env)
    assert "SecretService" in keyring.stdout and "accepted" in keyring.stdout
    withdraw = run(bundle, "milk", "wallet", "withdraw", "10", env=env)
    assert withdraw.returncode == 0 and "confirmed" in withdraw.stdout, withdraw.stderr
    send = run(bundle, "milk", "wallet", "send", EXCHANGE, "2", "--yes", env=env)
    assert send.returncode == 0 and "confirmed" in send.stdout, send.stderr


def test_the_bundled_app_starts_and_renders_every_page(bundle, tmp_path):
    started = run(bundle, "milk-wallet", "--demo", "--data-dir", str(tmp_path / "d"),
                  "--exit-after-paint")
    assert started.returncode == 0, started.stderr[-2000:]
    shots = tmp_path / "shots"
    rendered = run(bundle, "milk-wallet", "--demo", "--data-dir", str(tmp_path / "d"),
                   "--screenshot", str(shots))
    assert rendered.returncode == 0, rendered.stderr[-2000:]
    assert list(bundle.rglob("qtbase_ko.qm")), "Qt's own Korean strings are missing"
    names = sorted(p.name for p in shots.glob("*.png"))
    assert len(names) == 12 and "ko-wallet.png" in names and "en-home.png" in names
    assert "Traceback" not in rendered.stderr  # no background task failed on the way
