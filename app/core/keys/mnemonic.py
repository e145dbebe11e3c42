"""BIP-39 mnemonics: generate, check word by word, and derive the wallet's key.

Phrases are NFKD-normalised before anything else, as BIP-39 and the reference wallets do, so
full-width letters (ｔｅｓｔ) and ligatures (ﬁ) typed by an input method are read as the plain
words. An optional BIP-39 passphrase (the "25th word", also NFKD) and the account index
i of m/44'/60'/0'/0/i select which wallet the phrase opens.
"""
from __future__ import annotations

import unicodedata

from app.core.errors import InputError
from app.core.keys.secret import Secret, reveal

DERIVATION_PATH = "m/44'/60'/0'/0/0"
WORD_COUNTS = (12, 15, 18, 21, 24)
MAX_ACCOUNT_INDEX = 2**31 - 1  # non-hardened child indexes
MAX_PASSPHRASE = 256


def _engine():
    from eth_account import Account
    from eth_account.hdaccount.mnemonic import Language, Mnemonic

    Account.enable_unaudited_hdwallet_features()
    return Mnemonic(Language.ENGLISH)


def generate(words: int = 12) -> Secret:
    if words not in (12, 24):
        raise InputError("A new recovery phrase has 12 or 24 words.", code="bad_word_count")
    return Secret(_engine().generate(num_words=words))


def normalise(phrase: str) -> str:
    """NFKD, lower-case words separated by single spaces (what BIP-39 checksums)."""
    return " ".join(unicodedata.normalize("NFKD", phrase).lower().split())


def check(phrase: Secret | str) -> Secret:
    """The normalised phrase, or an InputError naming the first problem (never the words)."""
    text = normalise(reveal(phrase))
    words = text.split()
    if len(words) not in WORD_COUNTS:
        raise InputError(f"A recovery phrase has 12, 15, 18, 21 or 24 words; this one has "
                         f"{len(words)}.", code="mnemonic_length")
    engine = _engine()
    known = set(engine.wordlist)
    for position, word in enumerate(words, start=1):
        if word not in known:
            raise InputError(f"Word {position} is not in the BIP-39 English word list. Check "
                             "its spelling.", code="mnemonic_word",
                             details={"position": position})
    if not engine.is_mnemonic_valid(text):
        raise InputError("The words are valid but their checksum is not: a word is wrong or "
                         "two are swapped.", code="mnemonic_checksum")
    return Secret(text)


def account_path(index: int = 0) -> str:
    if isinstance(index, bool) or not isinstance(index, int) or \
            not 0 <= index <= MAX_ACCOUNT_INDEX:
        raise InputError(f"The account index is a whole number from 0 to {MAX_ACCOUNT_INDEX}.",
                         code="bad_account_index")
    return f"m/44'/60'/0'/0/{index}"


def check_passphrase(passphrase: Secret | str | None) -> str:
    text = reveal(passphrase) if passphrase is not None else ""
    if not isinstance(text, str) or len(text) > MAX_PASSPHRASE:
        raise InputError(f"A BIP-39 passphrase is at most {MAX_PASSPHRASE} characters.",
                         code="bad_passphrase")
    return unicodedata.normalize("NFKD", text)


def private_key(phrase: Secret, passphrase: Secret | str | None = None, index: int = 0) -> bytes:
    """The key at m/44'/60'/0'/0/index of a checked phrase (and optional passphrase)."""
    from eth_account import Account

    path = account_path(index)
    Account.enable_unaudited_hdwallet_features()
    account = Account.from_mnemonic(reveal(phrase), passphrase=check_passphrase(passphrase),
                                     account_path=path)
    return bytes(account.key)
