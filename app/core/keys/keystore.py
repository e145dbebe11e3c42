"""Reading a keystore v3 file (Web3 Secret Storage) from any wallet: the app's own export,
geth, ethers, MetaMask and the specification's test vectors (pbkdf2 and scrypt).

The file is checked before any key derivation runs, because its KDF parameters decide how
much memory and time decryption takes: a file crafted with a huge scrypt N or pbkdf2 count
would otherwise freeze the app. Limits are far above what real wallets write (geth's
"standard" scrypt N is 2^18, ethers' 2^17; pbkdf2 test vectors use 262,144 rounds).
"""
from __future__ import annotations

import json

from app.core.errors import InputError
from app.core.keys.secret import Secret, reveal

MAX_FILE_BYTES = 64 * 1024
MAX_SCRYPT_N, MAX_SCRYPT_R, MAX_SCRYPT_P = 2**20, 16, 16
MAX_SCRYPT_MEMORY = 1 << 30  # 128 * r * n bytes
MAX_PBKDF2_ROUNDS = 10_000_000


def _bad(message: str) -> InputError:
    return InputError(f"This is not a keystore file MiL.k can open: {message}",
                      code="bad_keystore")


def parse(text: str | bytes) -> dict:
    """The keystore document, checked; raises InputError(bad_keystore) naming the problem."""
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise _bad("it is far larger than a keystore.")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _bad("it is not text.") from None
    if len(text) > MAX_FILE_BYTES:
        raise _bad("it is far larger than a keystore.")
    try:
        doc = json.loads(text)
    except ValueError:
        raise _bad("it is not JSON.") from None
    if not isinstance(doc, dict):
        raise _bad("it is not a JSON object.")
    if doc.get("version") != 3:
        raise _bad(f"version {doc.get('version')!r}; only version 3 is supported.")
    crypto = doc.get("crypto", doc.get("Crypto"))  # ethers writes "Crypto"
    if not isinstance(crypto, dict):
        raise _bad("it has no 'crypto' section.")
    if crypto.get("cipher") != "aes-128-ctr":
        raise _bad(f"cipher {crypto.get('cipher')!r}; only aes-128-ctr is used by keystores.")
    params = crypto.get("kdfparams")
    if not isinstance(params, dict):
        raise _bad("it has no KDF parameters.")
    kdf = crypto.get("kdf")
    if kdf == "scrypt":
        n, r, p = (_int(params, k) for k in ("n", "r", "p"))
        if n < 2 or n & (n - 1) or n > MAX_SCRYPT_N or not 1 <= r <= MAX_SCRYPT_R or \
                not 1 <= p <= MAX_SCRYPT_P or 128 * r * n > MAX_SCRYPT_MEMORY:
            raise _bad("its scrypt parameters are outside what wallets use (n up to 2^20).")
    elif kdf == "pbkdf2":
        if params.get("prf") != "hmac-sha256":
            raise _bad(f"pbkdf2 with {params.get('prf')!r}; only hmac-sha256 is used.")
        if not 1 <= _int(params, "c") <= MAX_PBKDF2_ROUNDS:
            raise _bad("its pbkdf2 round count is outside what wallets use.")
    else:
        raise _bad(f"key derivation {kdf!r}; keystores use scrypt or pbkdf2.")
    if _int(params, "dklen") != 32:
        raise _bad("its derived key length is not 32.")
    for field, size in (("ciphertext", 32), ("mac", 32)):
        _hex(crypto.get(field), field, size)
    _hex(params.get("salt"), "salt", None)
    _hex((crypto.get("cipherparams") or {}).get("iv"), "iv", 16)
    return {**doc, "crypto": crypto}


def decrypt(doc: dict, password: Secret | str) -> bytes:
    """The private key; InputError(wrong_password) when the MAC does not match."""
    from eth_account import Account

    try:
        key = bytes(Account.decrypt({k: v for k, v in doc.items() if k != "Crypto"},
                                    reveal(password)))
    except ValueError:
        raise InputError("The keystore's password is not right.",
                         code="wrong_password") from None
    claimed = doc.get("address")
    if isinstance(claimed, str) and claimed:
        derived = Account.from_key(key).address
        if claimed.lower().removeprefix("0x") != derived.lower().removeprefix("0x"):
            raise _bad("the key inside does not belong to the address it names.")
    return key


def _int(params: dict, key: str) -> int:
    value = params.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(f"the KDF parameter {key!r} is missing or not a whole number.")
    return value


def _hex(value, field: str, size: int | None) -> None:
    if not isinstance(value, str):
        raise _bad(f"'{field}' is missing.")
    try:
        raw = bytes.fromhex(value.removeprefix("0x"))
    except ValueError:
        raise _bad(f"'{field}' is not hex.") from None
    if (size is not None and len(raw) != size) or not raw:
        raise _bad(f"'{field}' has the wrong length.")
