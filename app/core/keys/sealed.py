"""Password encryption of arbitrary secret bytes (the mnemonic), in the keystore-v3 scheme:
scrypt key derivation, AES-128-CTR, and a keccak-256 MAC over the second half of the derived
key and the ciphertext. The private key itself uses the standard keystore (eth-account)."""
from __future__ import annotations

import hashlib
import hmac
import os

from app.core.errors import InputError

SCRYPT_N = 2**18  # as eth-account's keystore default; tests may pass a smaller n
SCRYPT_R, SCRYPT_P, DKLEN = 8, 1, 32


def derive(password: str, salt: bytes, n: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P,
                          dklen=DKLEN, maxmem=256 * n * SCRYPT_R + 2**24)


def seal(data: bytes, password: str, n: int = SCRYPT_N) -> dict:
    from Crypto.Cipher import AES
    from Crypto.Util import Counter
    from eth_utils import keccak

    salt, iv = os.urandom(32), os.urandom(16)
    key = derive(password, salt, n)
    counter = Counter.new(128, initial_value=int.from_bytes(iv, "big"))
    ciphertext = AES.new(key[:16], AES.MODE_CTR, counter=counter).encrypt(data)
    return {"cipher": "aes-128-ctr", "cipherparams": {"iv": iv.hex()},
            "ciphertext": ciphertext.hex(), "kdf": "scrypt",
            "kdfparams": {"dklen": DKLEN, "n": n, "r": SCRYPT_R, "p": SCRYPT_P,
                          "salt": salt.hex()},
            "mac": keccak(key[16:32] + ciphertext).hex()}


def unseal(doc: dict, password: str) -> bytes:
    from Crypto.Cipher import AES
    from Crypto.Util import Counter
    from eth_utils import keccak

    params = doc["kdfparams"]
    key = derive(password, bytes.fromhex(params["salt"]), int(params["n"]))
    ciphertext = bytes.fromhex(doc["ciphertext"])
    if not hmac.compare_digest(keccak(key[16:32] + ciphertext).hex(), doc["mac"]):
        raise InputError("The password is not right.", code="wrong_password")
    iv = int.from_bytes(bytes.fromhex(doc["cipherparams"]["iv"]), "big")
    return AES.new(key[:16], AES.MODE_CTR, counter=Counter.new(128, initial_value=iv)) \
        .decrypt(ciphertext)
