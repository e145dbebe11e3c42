"""Who may call: TICA with the operator's credential (a bearer token) on every /v1 call.

The credential comes from an environment variable or a file only its owner can read; the
server keeps a SHA-256 of it in memory, never writes or logs it, and compares in constant time.
Member tokens (member-scoped calls) are checked by the store, which keeps only their hashes.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import stat
from pathlib import Path

from app.core.errors import InputError
from app.partner_server.problems import Problem

OPERATOR_ENV = "MILK_PARTNER_OPERATOR_TOKEN"
MIN_LENGTH = 16


def load_operator_credential(token_file: str | os.PathLike | None = None,
                             env: dict | None = None) -> str:
    """The operator credential from `token_file`, else from $MILK_PARTNER_OPERATOR_TOKEN."""
    env = os.environ if env is None else env
    if token_file:
        path = Path(token_file)
        try:
            mode = path.stat().st_mode
            value = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"Cannot read the operator credential file {path}: "
                             f"{getattr(exc, 'strerror', None) or exc}.",
                             code="credential_unreadable") from None
        if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise InputError(f"{path} can be read by other users. Restrict it first: "
                             f"chmod 600 {path}", code="credential_file_open")
        source = str(path)
    else:
        value = (env.get(OPERATOR_ENV) or "").strip()
        source = OPERATOR_ENV
        if not value:
            raise InputError(f"No operator credential: set {OPERATOR_ENV} or pass "
                             "--token-file FILE (a file only you can read).",
                             code="credential_missing")
    if len(value) < MIN_LENGTH or any(ch.isspace() or not ch.isprintable() for ch in value):
        raise InputError(f"The operator credential in {source} must be at least {MIN_LENGTH} "
                         "printable characters without spaces.", code="credential_weak")
    return value


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode("utf-8", "surrogateescape")).digest()


class OperatorAuth:
    def __init__(self, credential: str):
        self._digest = _digest(credential)

    def check(self, authorization: str | None) -> None:
        scheme, _, value = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise Problem("unauthorized", "Send the operator credential as "
                          "'Authorization: Bearer <credential>'.")
        if not hmac.compare_digest(_digest(value.strip()), self._digest):
            raise Problem("unauthorized", "The operator credential is not right.")
