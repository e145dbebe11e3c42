"""Where member tokens live between calls.

A member token proves the member confirmed the link; whoever holds it can move the member's
points through TICA, so it must never be written to a file. Phase 1 keeps tokens in this
process's memory; the app's link flow stores them in the OS keyring by passing its own
MemberTokens to `connector_for`.
"""
from __future__ import annotations

import threading
from typing import Protocol


class MemberTokens(Protocol):
    def get(self, partner: str, member_id: str) -> str | None: ...

    def put(self, partner: str, member_id: str, token: str) -> None: ...

    def delete(self, partner: str, member_id: str) -> None: ...


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


PROCESS_TOKENS = MemoryTokens()
