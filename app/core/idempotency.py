"""Idempotency keys given by users, kept apart from the keys the app writes for itself.

The journal's keys are one UNIQUE space. The app's own keys start with what they book
(`genesis:`, `convert:<quote>`, `expire:<lot>`, `withdraw:<k>:settled`, …); a user's key is
stored as `user:<operation>:<key>`, so no text a user types can reach, replay or block one of
the app's entries, and the same text used for two operations names two requests.
"""
from __future__ import annotations

from app.core.errors import InputError

USER_PREFIX = "user:"
MAX_KEY_LENGTH = 120


def check_key(key: str) -> str:
    """The key as stored: stripped, 1 to 120 printable characters. Empty is an error, never
    'no key' (that would silently turn idempotency off)."""
    text = (key or "").strip()
    if not 1 <= len(text) <= MAX_KEY_LENGTH or not text.isprintable():
        raise InputError(f"An idempotency key is 1 to {MAX_KEY_LENGTH} printable characters"
                         f"{' (it was empty)' if not text else ''}.", code="bad_key")
    return text


def user_key(operation: str, key: str) -> str:
    """The journal key for a user's `key` on `operation` (convert, withdraw, deposit)."""
    return f"{USER_PREFIX}{operation}:{check_key(key)}"
