"""A box for secrets (mnemonics, private keys, passwords) that never shows its contents by
accident: repr, str, f-strings, logging and tracebacks all print Secret(***)."""
from __future__ import annotations


class Secret:
    __slots__ = ("_value",)

    def __init__(self, value: str | bytes):
        self._value = value

    def reveal(self) -> str | bytes:
        """The secret itself. Call only where it must be shown or used."""
        return self._value

    def __repr__(self) -> str:
        return "Secret(***)"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __reduce__(self):
        raise TypeError("secrets cannot be pickled")

    def __bool__(self) -> bool:
        return bool(self._value)


def reveal(value: Secret | str | bytes) -> str | bytes:
    return value.reveal() if isinstance(value, Secret) else value
