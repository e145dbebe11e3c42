"""Which OS keyring holds the keys, whether it is good enough, and calling it safely.

Refused: keyring's `fail` and `null` backends (they store nothing) and every `keyrings.alt`
backend (they keep secrets in files, in plain text or under a key stored beside them).
Every call runs in a worker thread with a timeout, because a keyring can block forever on an
unlock prompt nobody answers; the GUI never calls this module from its own thread.
"""
from __future__ import annotations

import os
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
    name: str  # the technical class name, e.g. keyring.backends.SecretService.Keyring
    accepted: bool
    reason: str
    label: str = ""  # what people call it: "GNOME Keyring (Secret Service)", "macOS Keychain"


def _describe(backend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def human_name(backend) -> str:
    """The keyring's everyday name (the Secret Service provider is asked when it can be)."""
    module = type(backend).__module__
    if module == "keyring.backends.SecretService":
        provider = _secret_service_provider()
        return f"{provider} (Secret Service)" if provider else "Secret Service"
    if module == "keyring.backends.kwallet":
        return "KWallet"
    if module.startswith("keyring.backends.macOS"):
        return "macOS Keychain"
    if module == "keyring.backends.Windows":
        return "Windows Credential Locker"
    if module == "keyring.backends.libsecret":
        return "Secret Service (libsecret)"
    if module.startswith("keyrings.alt"):
        return f"{type(backend).__name__} file (keyrings.alt)"
    if module == "keyring.backends.fail":
        return "No keyring"
    if module == "keyring.backends.null":
        return "Null keyring"
    return _describe(backend)


def _secret_service_provider() -> str | None:
    """GNOME Keyring or KWallet, from the name owning org.freedesktop.secrets (best effort:
    a few milliseconds on D-Bus; None when it cannot tell)."""
    try:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        with open_dbus_connection(bus="SESSION") as conn:
            bus = DBusAddress("/org/freedesktop/DBus", bus_name="org.freedesktop.DBus",
                              interface="org.freedesktop.DBus")
            owner = conn.send_and_get_reply(
                new_method_call(bus, "GetNameOwner", "s", ("org.freedesktop.secrets",)),
                timeout=2).body[0]
            pid = conn.send_and_get_reply(
                new_method_call(bus, "GetConnectionUnixProcessID", "s", (owner,)),
                timeout=2).body[0]
        with open(f"/proc/{pid}/comm", encoding="utf-8") as fh:
            comm = fh.read().strip()
    except Exception:  # any failure only means "cannot tell"
        return None
    if "gnome-keyring" in comm:
        return "GNOME Keyring"
    if "kwallet" in comm or "ksecretd" in comm:
        return "KWallet"
    return None


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
    """The usable backend: for a chainer, its first acceptable member (never a file one).
    A PYTHON_KEYRING_BACKEND that names no loadable backend is refused (exit 4), naming it."""
    import keyring

    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # keyring imports the named class and raises what that raises
        chosen = os.environ.get("PYTHON_KEYRING_BACKEND", "")
        raise ExternalError(f"The keyring backend '{chosen}' chosen by PYTHON_KEYRING_BACKEND "
                            f"cannot be loaded ({type(exc).__name__}). Unset it or name an "
                            f"installed backend. {HOW_TO}", code="keyring_refused",
                            details={"backend": chosen}) from None
    if type(backend).__module__ == "keyring.backends.chainer":
        for member in getattr(backend, "backends", []):
            if _refusal(member) is None:
                return member
    return backend


def backend_info() -> BackendInfo:
    try:
        backend = current_backend()
    except ExternalError as exc:
        chosen = exc.details.get("backend", "")
        return BackendInfo(chosen, False, exc.message, chosen)
    reason = _refusal(backend)
    return BackendInfo(_describe(backend), reason is None, reason or "ok", human_name(backend))


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
