"""Keeping the wallet's key in the OS keyring, encrypted with the user's password.

One keyring entry per wallet (service "MiL.k Wallet", user = the checksummed address) holds a
JSON document: the key as a standard keystore v3 (scrypt) and, when the wallet came from a
recovery phrase, the phrase sealed with the same scheme (with its derivation path). Nothing
secret is written anywhere else: no file, no log, no exception message.

Storing a key whose entry already exists adopts that entry once the password opens it (a
rebuilt profile, a second profile on the same key); every use checks that the entry's key
belongs to the address it is filed under, so a swapped entry can never sign, reveal or export.

These calls block (scrypt, the keyring): call them from a worker thread, never the GUI's.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from app.core.errors import ExternalError, InputError, RuleError
from app.core.keys import backend as kr
from app.core.keys import keystore as ks
from app.core.keys import mnemonic as bip39
from app.core.keys.sealed import SCRYPT_N, seal, unseal
from app.core.keys.secret import Secret, reveal

SERVICE = "MiL.k Wallet"
MIN_PASSWORD = 8
SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
FORMAT_VERSION = 1


@dataclass(frozen=True)
class SignedTx:
    raw: bytes
    tx_hash: str  # 0x-prefixed, lower case


@dataclass(frozen=True)
class Stored:
    address: str
    adopted: bool  # the keyring already held this key: its entry was opened and kept


class Signer:
    """An unlocked key. Signs transactions; its repr never shows the key."""

    __slots__ = ("_account",)

    def __init__(self, account):
        self._account = account

    @property
    def address(self) -> str:
        return self._account.address

    def sign_transaction(self, tx: dict) -> SignedTx:
        signed = self._account.sign_transaction({k: v for k, v in tx.items() if k != "from"})
        return SignedTx(bytes(signed.raw_transaction),
                        "0x" + bytes(signed.hash).hex().removeprefix("0x"))

    def __repr__(self) -> str:
        return f"Signer({self.address}, key=***)"

    __str__ = __repr__

    def __reduce__(self):
        raise TypeError("signers cannot be pickled")


def address_of(key: bytes) -> str:
    from eth_account import Account

    return Account.from_key(key).address


class KeyCustody:
    def __init__(self, service: str = SERVICE, timeout: float = kr.DEFAULT_TIMEOUT,
                 scrypt_n: int = SCRYPT_N):
        self.service = service
        self.timeout = timeout
        self.scrypt_n = scrypt_n

    def backend_info(self) -> kr.BackendInfo:
        return kr.backend_info()

    # -- creating and importing --
    def create(self, password: Secret | str, words: int = 12) -> tuple[str, Secret]:
        """A new wallet from a fresh recovery phrase. Show the phrase to the user once."""
        phrase = bip39.generate(words)
        stored = self.store(bip39.private_key(phrase), password, phrase, "created")
        return stored.address, phrase

    def import_mnemonic(self, phrase: Secret | str, password: Secret | str,
                        passphrase: Secret | str | None = None, index: int = 0) -> str:
        checked = bip39.check(phrase)
        key = bip39.private_key(checked, passphrase, index)
        return self.store(key, password, checked, "mnemonic", index=index,
                          passphrase=bool(passphrase and reveal(passphrase))).address

    def import_private_key(self, key: Secret | str, password: Secret | str) -> str:
        return self.store(parse_private_key(key), password, None, "private_key").address

    def store(self, key: bytes, password: Secret | str, phrase: Secret | None, source: str,
              index: int = 0, passphrase: bool = False) -> Stored:
        """Keep `key` in the keyring under `password`. If the keyring already holds it, the
        entry is adopted when `password` opens it (nothing is rewritten), else refused."""
        from eth_account import Account

        backend = kr.require_backend()
        address = address_of(key)
        existing = self._read(address, backend)
        if existing is not None:
            self._adoptable(existing, address, key, password)
            return Stored(address, adopted=True)
        pw = _new_password(password)
        keystore = Account.encrypt(key, pw, kdf="scrypt", iterations=self.scrypt_n)
        doc = {"version": FORMAT_VERSION, "address": address, "source": source,
               "keystore": keystore,
               "mnemonic": seal(phrase.reveal().encode(), pw, self.scrypt_n) if phrase else None,
               "derivation": {"path": bip39.account_path(index), "passphrase": passphrase}
               if phrase else None}
        self._write(address, doc, backend)
        return Stored(address, adopted=False)

    def _adoptable(self, doc: dict, address: str, key: bytes, password) -> None:
        try:
            stored_key = self._decrypt_key(doc, password)
        except InputError:
            raise RuleError(f"The keyring already holds the key of {address}, under a "
                            "different password. Enter the password you chose for it then. "
                            "If you no longer know it, remove that entry first (`milk wallet "
                            f"forget --address {address}`) and import again: you have the "
                            "key, so nothing is lost.", code="keyring_password",
                            details={"address": address}) from None
        if stored_key != key or doc.get("address", "").lower() != address.lower():
            raise ExternalError("The keyring entry for this address holds a different key; it "
                                "may have been replaced. It was not used.",
                                code="keyring_mismatch", details={"address": address})

    # -- using --
    def unlock(self, address: str, password: Secret | str) -> Signer:
        from eth_account import Account

        _, key = self._open(address, password)
        return Signer(Account.from_key(key))

    def change_password(self, address: str, old: Secret | str, new: Secret | str) -> None:
        """Re-encrypt under `new`. The entry is replaced only after `old` was verified and
        the new document fully built, so a failure leaves the old password working."""
        from eth_account import Account

        doc, key = self._open(address, old)
        pw = _new_password(new)
        phrase = unseal(doc["mnemonic"], reveal(old)) if doc.get("mnemonic") else None
        updated = {**doc, "keystore": Account.encrypt(key, pw, kdf="scrypt",
                                                      iterations=self.scrypt_n),
                   "mnemonic": seal(phrase, pw, self.scrypt_n) if phrase else None}
        self._write(address, updated, kr.require_backend())

    def export_keystore(self, address: str, password: Secret | str) -> dict:
        """The standard keystore v3 JSON, for a backup elsewhere (checks the password)."""
        doc, _ = self._open(address, password)
        return dict(doc["keystore"])

    def reveal_mnemonic(self, address: str, password: Secret | str) -> Secret:
        doc, _ = self._open(address, password)
        if not doc.get("mnemonic"):
            raise InputError("This wallet was imported from a private key or a keystore; it "
                             "has no recovery phrase.", code="no_mnemonic")
        return Secret(unseal(doc["mnemonic"], reveal(password)).decode())

    def derivation(self, address: str) -> dict | None:
        """How the key comes from its phrase: {"path": ..., "passphrase": bool} (no secret)."""
        return self._entry(address).get("derivation")

    def exists(self, address: str) -> bool:
        return self._read(address, kr.require_backend()) is not None

    def delete(self, address: str) -> None:
        backend = kr.require_backend()
        kr.call(lambda: backend.delete_password(self.service, address), self.timeout,
                "delete the key")

    # -- keyring plumbing --
    def _open(self, address: str, password: Secret | str) -> tuple[dict, bytes]:
        """The entry and its key, after checking the key belongs to `address`."""
        doc = self._entry(address)
        key = self._decrypt_key(doc, password)
        if address_of(key).lower() != address.lower() or \
                str(doc.get("address", "")).lower() != address.lower():
            raise ExternalError("The keyring entry does not match this wallet's address; it "
                                "may have been replaced. Nothing was signed, shown or written.",
                                code="keyring_mismatch", details={"address": address})
        return doc, key

    def _entry(self, address: str) -> dict:
        doc = self._read(address, kr.require_backend())
        if doc is None:
            raise ExternalError(f"The keyring has no key for {address}. Was it created on "
                                "another computer or user account? Import it again from your "
                                "recovery phrase, private key or keystore file.",
                                code="key_missing")
        return doc

    def _read(self, address: str, backend) -> dict | None:
        text = kr.call(lambda: backend.get_password(self.service, address), self.timeout,
                       "read the key")
        if text is None:
            return None
        try:
            doc = json.loads(text)
        except ValueError:
            doc = None
        if not isinstance(doc, dict) or not isinstance(doc.get("keystore"), dict):
            raise ExternalError("The keyring entry for this wallet is damaged.",
                                code="keyring_damaged")
        return doc

    def _write(self, address: str, doc: dict, backend) -> None:
        text = json.dumps(doc, separators=(",", ":"))
        kr.call(lambda: backend.set_password(self.service, address, text), self.timeout,
                "store the key")

    @staticmethod
    def _decrypt_key(doc: dict, password: Secret | str) -> bytes:
        from eth_account import Account

        try:
            return bytes(Account.decrypt(doc["keystore"], reveal(password)))
        except ValueError:
            raise InputError("The password is not right.", code="wrong_password") from None


def read_keystore(text: str | bytes, password: Secret | str) -> bytes:
    """The private key inside a keystore v3 file (checked before any KDF runs)."""
    return ks.decrypt(ks.parse(text), password)


def _new_password(password: Secret | str) -> str:
    pw = reveal(password)
    if not isinstance(pw, str) or len(pw) < MIN_PASSWORD:
        raise InputError(f"Choose a password of at least {MIN_PASSWORD} characters.",
                         code="weak_password")
    return pw


def parse_private_key(key: Secret | str) -> bytes:
    """32 bytes from 64 hex digits (0x optional), refusing zero and values >= the curve order."""
    text = reveal(key)
    text = text.strip() if isinstance(text, str) else ""
    if text.startswith("0X"):
        raise InputError("A private key starts with a lower-case 0x (or no prefix at all).",
                         code="private_key_format")
    digits = text[2:] if text.startswith("0x") else text
    if len(digits) != 64:
        raise InputError(f"A private key is 64 hex digits; this has {len(digits)}.",
                         code="private_key_length")
    if any(c not in "0123456789abcdefABCDEF" for c in digits):
        raise InputError("A private key may only contain the hex digits 0-9 and a-f.",
                         code="private_key_format")
    value = int(digits, 16)
    if not 0 < value < SECP256K1_N:
        raise InputError("That is not a valid private key (it is zero or beyond the curve "
                         "order).", code="private_key_range")
    return value.to_bytes(32, "big")


def looks_like_private_key(text: str) -> bool:
    """One token is a key attempt (a phrase has at least 12 words), so a mistyped key is
    reported as a key error, never as a one-word phrase."""
    return len(text.split()) == 1
