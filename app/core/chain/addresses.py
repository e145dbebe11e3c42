"""Reading an Ethereum address typed or pasted by a user, strictly.

Nothing is silently repaired: a space, a zero-width character, a wrong length or a broken
EIP-55 checksum is refused with a message naming the problem, because a "helpful" fix is how
money goes to the wrong place. All-lowercase and all-uppercase hex carry no checksum and are
accepted (many exchanges show deposit addresses that way).
"""
from __future__ import annotations

import re
import unicodedata

from app.core.errors import InputError

# The label the app gives the wallet's own address-book entry (the GUI shows it translated).
OWN_LABEL = "My wallet"

ZERO_ADDRESS = "0x" + "0" * 40
_HEX = re.compile(r"^[0-9a-fA-F]*$")


def parse_address(text: str, what: str = "address") -> str:
    """The EIP-55 checksummed form of `text`, or an InputError saying what is wrong."""
    if text is None or text == "":
        raise InputError(f"Enter an {what}.", code="address_empty")
    for ch in text:
        if ch.isspace() or unicodedata.category(ch) in ("Cf", "Zs", "Zl", "Zp", "Cc"):
            raise InputError(f"The {what} contains a space or an invisible character "
                             f"(U+{ord(ch):04X}). Copy it again from the source.",
                             code="address_whitespace")
    if not text.startswith(("0x", "0X")):
        raise InputError(f"An {what} starts with 0x followed by 40 hex digits.",
                         code="address_format")
    digits = text[2:]
    if not _HEX.match(digits):
        raise InputError(f"The {what} may only contain the hex digits 0-9 and a-f after 0x.",
                         code="address_format")
    if len(digits) != 40:
        raise InputError(f"The {what} has {len(digits)} hex digits; an address has exactly 40. "
                         "Part of it is missing or extra.", code="address_length",
                         details={"digits": len(digits)})
    checksummed = to_checksum(digits)
    mixed = digits != digits.lower() and digits != digits.upper()
    if mixed and "0x" + digits != checksummed:
        raise InputError(f"The {what}'s capitalisation does not match its EIP-55 checksum, so at "
                         "least one character is wrong. Copy it again from the source.",
                         code="address_checksum")
    return checksummed


def to_checksum(address: str) -> str:
    from eth_utils import keccak

    digits = address[2:] if address.lower().startswith("0x") else address
    lower = digits.lower()
    digest = keccak(text=lower).hex()
    return "0x" + "".join(c.upper() if int(digest[i], 16) >= 8 else c
                          for i, c in enumerate(lower))


def same_address(a: str, b: str) -> bool:
    return a.lower() == b.lower()


def looks_like(candidate: str, known: str) -> bool:
    """Same first and last 4 hex digits but a different address: the shape of an
    address-poisoning attack, where a look-alike is planted in the user's history."""
    c, k = candidate.lower()[2:], known.lower()[2:]
    return c != k and c[:4] == k[:4] and c[-4:] == k[-4:]


def differences(candidate: str, known: str) -> tuple[int, ...]:
    """Positions (in the 0x-prefixed strings) where two addresses differ, ignoring case: what
    a confirmation screen marks so a look-alike cannot pass for the address it imitates."""
    a, b = candidate.lower(), known.lower()
    return tuple(i for i in range(max(len(a), len(b)))
                 if i >= len(a) or i >= len(b) or a[i] != b[i])


def marker_line(address: str, positions: tuple[int, ...]) -> str:
    """A line of carets under the differing characters (for text output)."""
    marks = set(positions)
    return "".join("^" if i in marks else " " for i in range(len(address))).rstrip()


def short(address: str) -> str:
    """0x1234…abcd for tight spaces; never for confirmation screens."""
    return f"{address[:6]}…{address[-4:]}"
