"""Where member tokens live between calls.

A member token proves the member confirmed the link; whoever holds it can move the member's
points through TICA, so it is never written to a file. The app keeps each profile's tokens in
the OS keyring (`KeyringTokens`, the custody rules of app/core/keys/backend.py: refused
backends never hold one, every call has a deadline), with a copy in this process's memory so
a conversion reads the keyring at most once. Where no usable keyring exists, a token lives only
in this process: `keeps()` says so, and linking a partner over HTTP is refused up front.
"""
from __future__ import annotations

import threading
from typing import Protocol

KEYRING_SERVICE = "MiL.k member tokens"


class MemberTokens(Protocol):
    def get(self, partner: str, member_id: str) -> str | None: ...

    def put(self, partner: str, member_id: str, token: str) -> None: ...

    def delete(self, partner: str, member_id: str) -> None: ...

    def keeps(self) -> bool:
        """Whether a token put here outlives this process."""


class MemoryTokens:
    def __init__(self):
        self._tokens: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def get(self, partner: str, member_id: str) -> str | None:
        with self._lock:
            return self._tokens.get((partner, member_id))

    def put(self, partner: str, member_id: str, token: str) -> None:
        with self._lock:
            self._tokens[(partner, member_id)] = token

    def delete(self, partner: str, member_id: str) -> None:
        with self._lock:
            self._tokens.pop((partner, member_id), None)

    def keeps(self) -> bool:
        return True  # a test's or a script's own store: it lives as long as they need it


PROCESS_TOKENS = MemoryTokens()


class KeyringTokens:
    """One profile's member tokens in the OS keyring: service "MiL.k member tokens", user
    "<profile>/<PARTNER>/<member id>"."""

    def __init__(self, profile: str, timeout: float | None = None):
        self._profile = profile
        self._memory = MemoryTokens()
        self._timeout = timeout
        self._usable: bool | None = None

    def keeps(self) -> bool:
        if self._usable is None:
            from app.core.keys.backend import backend_info

            self._usable = backend_info().accepted
        return self._usable

    def get(self, partner: str, member_id: str) -> str | None:
        token = self._memory.get(partner, member_id)
        if token is None and self.keeps():
            token = self._call(lambda b: b.get_password(KEYRING_SERVICE,
                                                        self._user(partner, member_id)),
                               "read a partner's member token")
            if token:
                self._memory.put(partner, member_id, token)
        return token or None

    def put(self, partner: str, member_id: str, token: str) -> None:
        if self.keeps():
            self._call(lambda b: b.set_password(KEYRING_SERVICE, self._user(partner, member_id),
                                                token), "keep the partner's member token")
        self._memory.put(partner, member_id, token)

    def delete(self, partner: str, member_id: str) -> None:
        self._memory.delete(partner, member_id)
        if not self.keeps():
            return
        import keyring.errors

        def forget(backend):
            try:
                backend.delete_password(KEYRING_SERVICE, self._user(partner, member_id))
            except keyring.errors.PasswordDeleteError:
                pass  # nothing kept: already forgotten

        self._call(forget, "forget the partner's member token")

    def _user(self, partner: str, member_id: str) -> str:
        return f"{self._profile}/{partner}/{member_id}"

    def _call(self, fn, what: str):
        from app.core.keys.backend import DEFAULT_TIMEOUT, call, require_backend

        backend = require_backend()
        return call(lambda: fn(backend), self._timeout or DEFAULT_TIMEOUT, what)
