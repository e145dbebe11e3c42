"""Errors that reach the user. Each kind maps to one exit code of the `milk` contract.

Messages are written for the person using the app: what is wrong and what to do. They must
never contain a secret (key, mnemonic, password).
"""
from __future__ import annotations


class MilkError(Exception):
    """Base of every error the app explains to the user. `exit_code` follows the CLI contract."""

    exit_code = 1
    code = "error"  # a stable machine-readable name, shown in --json output

    def __init__(self, message: str, *, code: str | None = None, details: dict | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.details = details or {}


class InputError(MilkError):
    """The input itself is malformed or out of range (exit 2)."""

    exit_code = 2
    code = "bad_input"


class RuleError(MilkError):
    """Well-formed input refused by a rule: balance, liquidity, stale price, slippage,
    expired quote (exit 3)."""

    exit_code = 3
    code = "refused"


class ExternalError(MilkError):
    """Something outside the app failed: node, keyring, partner, database (exit 4)."""

    exit_code = 4
    code = "external"
