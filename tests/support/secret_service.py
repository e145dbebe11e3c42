"""A real Secret Service for the tests: gnome-keyring on a private D-Bus session bus.

The session fixture starts `dbus-daemon --session` and `gnome-keyring-daemon --foreground
--unlock --components=secrets` (password on stdin) with their own HOME and runtime dir under
a temp directory, points this process's environment at that bus, and stops both at the end.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.integration import missing

UNLOCK_PASSWORD = "milk-test-keyring"
# A session bus without service activation: only the daemon we start may own the Secret
# Service name, so a restart can't be raced by an auto-started, locked one.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@dataclass
class SecretService:
    env: dict
    daemon: subprocess.Popen
    keyring_pid: int
    home: Path

    def collection(self):
        import secretstorage

        return secretstorage.get_default_collection(secretstorage.dbus_init())

    def lock(self) -> None:
        self.collection().lock()

    def unlock(self) -> None:
        """Unlocking needs a prompt in gnome-keyring; without a desktop, restart the daemon
        with the login password on stdin, as a session login does."""
        if self.collection().is_locked():
            self.daemon.terminate()
            self.daemon.wait(10)
            self.daemon = _start_keyring(self.env)
            self.keyring_pid = self.daemon.pid
            _wait_for_collection(self)

    def stop(self) -> None:
        """Freeze the daemon: every call to it now hangs (a keyring that never answers)."""
        os.kill(self.keyring_pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.keyring_pid, signal.SIGCONT)


def _start_keyring(env: dict) -> subprocess.Popen:
    daemon = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock",
                               "--components=secrets"], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    daemon.stdin.write(UNLOCK_PASSWORD.encode())
    daemon.stdin.close()
    return daemon


@pytest.fixture(scope="session")
def secret_service():
    for tool in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            missing("The Secret Service", f"`{tool}` is not installed (apt: dbus gnome-keyring)")
    root = Path(tempfile.mkdtemp(prefix="milk-keyring-"))
    home, runtime = root / "home", root / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime),
           "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CONFIG_HOME": str(home / ".config")}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    config = root / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket=runtime / "bus"))
    bus = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork",
                            "--print-address=1"], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, env=env)
    address = bus.stdout.readline().decode().strip()
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update({k: env[k] for k in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR",
                                           "XDG_DATA_HOME", "XDG_CONFIG_HOME")})
    daemon = _start_keyring(env)
    service = SecretService(env, daemon, daemon.pid, home)
    try:
        _wait_for_collection(service)
        _use_secret_service_backend()
        yield service
    finally:
        for proc in (service.daemon, bus):
            try:
                os.kill(proc.pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        for key, value in saved.items():
            if key in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "XDG_DATA_HOME",
                       "XDG_CONFIG_HOME"):
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        shutil.rmtree(root, ignore_errors=True)


def _wait_for_collection(service: SecretService) -> None:
    deadline = time.monotonic() + 20
    last = None
    while time.monotonic() < deadline:
        try:
            col = service.collection()
            if not col.is_locked():
                return
            last = "the login collection is locked"
        except Exception as exc:  # the daemon is still starting
            last = exc
        time.sleep(0.2)
    missing("The Secret Service", f"gnome-keyring did not come up: {last}")


def _use_secret_service_backend() -> None:
    """Make keyring resolve its backend again now that a Secret Service is on the bus."""
    import keyring
    import keyring.core

    keyring.core._keyring_backend = None
    keyring.set_keyring(keyring.core.load_keyring(
        "keyring.backends.SecretService.Keyring"))


@pytest.fixture
def keyring_backend_env(monkeypatch):
    """Force a keyring backend by name the way users do (PYTHON_KEYRING_BACKEND)."""
    import keyring
    import keyring.core

    def force(name: str):
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", name)
        keyring.core._keyring_backend = None
        keyring.set_keyring(keyring.core.load_env() or keyring.core.load_keyring(name))

    previous = keyring.get_keyring()
    yield force
    keyring.set_keyring(previous)
