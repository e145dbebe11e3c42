"""Shared rule for tests that need an outside component: on CI it must be there."""
from __future__ import annotations

import os

import pytest


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing(component: str, how: str) -> None:
    """Fail on CI (a missing component is a failure there), skip elsewhere."""
    message = f"{component} is not available: {how}"
    if on_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
