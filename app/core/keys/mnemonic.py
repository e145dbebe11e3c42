"""BIP-39 mnemonics: generate, check word by word, and derive the wallet's key."""
from __future__ import annotations

from app.core.errors import InputError
from app.core.keys.secret import Secret

DERIVATION_PATH = "m/44'/60'/0'/0/0"
WORD_COUNTS = (12, 15, 18, 21, 24)


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
    """Lower-case words separated by single spaces (what BIP-39 checksums)."""
    return " ".join(phrase.lower().split())


def check(phrase: Secret | str) -> Secret:
    """The normalised phrase, or an InputError naming the first problem (never the words)."""
    text = normalise(phrase.reveal() if isinstance(phrase, Secret) else phrase)
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


def private_key(phrase: Secret) -> bytes:
    from eth_account import Account

    Account.enable_unaudited_hdwallet_features()
    account = Account.from_mnemonic(phrase.reveal(), account_path=DERIVATION_PATH)
    return bytes(account.key)
