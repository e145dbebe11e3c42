"""Which OS keyring holds the keys, whether it is good enough, and calling it safely.

Refused: keyring's `fail` and `null` backends (they store nothing) and every `keyrings.alt`
backend (they keep secrets in files, in plain text or under a key stored beside them).
Every call runs in a worker thread with a timeout, because a keyring can block forever on an
unlock prompt nobody answers; the GUI never calls this module from its own thread.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from app.core.errors import ExternalError

T = TypeVar("T")
DEFAULT_TIMEOUT = 15.0
HOW_TO = ("Install and unlock a real keyring: on Linux GNOME Keyring or KWallet (any "
          "Secret Service provider, e.g. `sudo apt install gnome-keyring`); macOS Keychain "
          "and the Windows Credential Locker work as they are.")


@dataclass(frozen=True)
class BackendInfo:
    name: str
    accepted: bool
    reason: str


def _describe(backend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _refusal(backend) -> str | None:
    module = type(backend).__module__
    name = _describe(backend)
    if module.startswith("keyrings.alt"):
        return f"{name} keeps secrets in a file on disk, not in a protected keyring."
    if module == "keyring.backends.fail":
        return "No keyring is available on this system."
    if module == "keyring.backends.null":
        return "The 'null' keyring stores nothing."
    if module == "keyring.backends.chainer":
        members = list(getattr(backend, "backends", []))
        if not members:
            return "No keyring is available on this system."
        if all(_refusal(m) for m in members):
            return "; ".join(_refusal(m) for m in members)
    return None


def current_backend():
    """The usable backend: for a chainer, its first acceptable member (never a file one)."""
    import keyring

    backend = keyring.get_keyring()
    if type(backend).__module__ == "keyring.backends.chainer":
        for member in getattr(backend, "backends", []):
            if _refusal(member) is None:
                return member
    return backend


def backend_info() -> BackendInfo:
    backend = current_backend()
    reason = _refusal(backend)
    return BackendInfo(_describe(backend), reason is None, reason or "ok")


def require_backend():
    backend = current_backend()
    reason = _refusal(backend)
    if reason:
        raise ExternalError(f"Your key cannot be stored safely here: {reason} {HOW_TO}",
                            code="keyring_refused", details={"backend": _describe(backend)})
    return backend


def call(fn: Callable[[], T], timeout: float, what: str) -> T:
    """Run a keyring operation with a deadline, translating keyring errors for the user."""
    import keyring.errors as kerr

    box: dict = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed to the caller's thread below
            box["error"] = exc

    worker = threading.Thread(target=run, name=f"keyring:{what}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise ExternalError(f"The keyring did not answer within {timeout:g} s while trying to "
                            f"{what}. It may be waiting for an unlock prompt; unlock it and try "
                            "again.", code="keyring_timeout")
    error = box.get("error")
    if error is None:
        return box.get("value")
    if isinstance(error, kerr.KeyringLocked):
        raise ExternalError(f"The keyring is locked, so MiL.k cannot {what}. Unlock it (log in "
                            "to your desktop session, or open your keyring app) and try again.",
                            code="keyring_locked") from None
    if isinstance(error, kerr.KeyringError):
        raise ExternalError(f"The keyring failed to {what}: {type(error).__name__}: {error}",
                            code="keyring_failed") from None
    if _is_locked_error(error):
        raise ExternalError(f"The keyring is locked, so MiL.k cannot {what}. Unlock it and try "
                            "again.", code="keyring_locked") from None
    if type(error).__module__.startswith(("secretstorage", "jeepney", "dbus")):
        raise ExternalError(f"The keyring service failed to {what}: {type(error).__name__}.",
                            code="keyring_failed") from None
    raise error


def _is_locked_error(error: BaseException) -> bool:
    return type(error).__name__ in ("LockedException", "PromptDismissedException")
