"""Users get the versions the tests ran on: every package pinned in requirements/constraints.txt
that is installed here is installed at exactly the pinned version, and every direct dependency
of the app is pinned."""
from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements" / "constraints.txt"
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        m = PIN.match(line.strip())
        if m:
            pins[_norm(m.group(1))] = m.group(2)
    return pins


def test_installed_versions_are_the_locked_ones():
    pins = _pins()
    assert len(pins) > 50
    wrong = {}
    for name, version in pins.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # a platform-specific or optional pin not needed here
        if installed != version:
            wrong[name] = (version, installed)
    assert not wrong, f"installed versions differ from the lock (pinned, installed): {wrong}"


def test_every_direct_dependency_is_pinned():
    pins = _pins()
    requires = metadata.requires("milk-wallet") or []
    names = {_norm(re.split(r"[\s<>=!~;\[(]", r, maxsplit=1)[0]) for r in requires}
    assert "pyside6-essentials" in names
    assert not names - pins.keys(), f"not in the lock: {sorted(names - pins.keys())}"
