"""Key material and addresses without a keyring: vectors, strict parsing, masking."""
from __future__ import annotations

import pickle
import subprocess
import sys

import pytest
from eth_account import Account

from app.core.chain.addresses import looks_like, parse_address
from app.core.errors import InputError
from app.core.keys import Secret, parse_private_key
from app.core.keys import mnemonic as bip39
from app.core.keys.custody import Signer
from app.core.keys.sealed import seal, unseal

JUNK = "test test test test test test test test test test test junk"
JUNK_ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
JUNK_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
EIP55 = ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
         "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
         "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
         "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"]


def test_known_mnemonic_derives_the_known_address():
    key = bip39.private_key(bip39.check(JUNK))
    assert Account.from_key(key).address == JUNK_ADDRESS
    assert "0x" + key.hex() == JUNK_KEY


def test_mnemonic_is_normalised_before_checking():
    messy = "  TEST test\ttest test test test test test test test test   JUNK \n"
    assert bip39.check(messy).reveal() == JUNK


@pytest.mark.parametrize("words", [12, 24])
def test_generated_phrases_are_valid_and_fresh(words):
    a, b = bip39.generate(words), bip39.generate(words)
    assert len(a.reveal().split()) == words and a.reveal() != b.reveal()
    assert bip39.check(a).reveal() == a.reveal()


@pytest.mark.parametrize("phrase, code", [
    ("test " * 11 + "junq", "mnemonic_word"),
    ("junk " + "test " * 11, "mnemonic_checksum"),
    ("test " * 11, "mnemonic_length"),
    ("", "mnemonic_length"),
])
def test_bad_phrases_are_refused_without_echoing_them(phrase, code):
    with pytest.raises(InputError) as e:
        bip39.check(phrase)
    assert e.value.code == code
    assert "junq" not in e.value.message and "test test" not in e.value.message


def test_a_wrong_word_is_named_by_position():
    with pytest.raises(InputError) as e:
        bip39.check("test test test tset test test test test test test test junk")
    assert e.value.details == {"position": 4}


def test_new_phrases_have_12_or_24_words():
    with pytest.raises(InputError):
        bip39.generate(13)


def test_private_key_parsing():
    assert parse_private_key(JUNK_KEY) == bytes.fromhex(JUNK_KEY[2:])
    assert parse_private_key(JUNK_KEY[2:].upper()) == bytes.fromhex(JUNK_KEY[2:])


@pytest.mark.parametrize("text, code", [
    (JUNK_KEY[:-1], "private_key_length"),
    (JUNK_KEY + "0", "private_key_length"),
    ("0x" + "g" * 64, "private_key_format"),
    ("0x" + "0" * 64, "private_key_range"),
    ("0x" + "f" * 64, "private_key_range"),
    ("", "private_key_length"),
])
def test_bad_private_keys_are_refused(text, code):
    with pytest.raises(InputError) as e:
        parse_private_key(text)
    assert e.value.code == code


@pytest.mark.parametrize("address", EIP55)
def test_eip55_examples_are_accepted(address):
    assert parse_address(address) == address
    assert parse_address(address.lower()) == address
    assert parse_address("0x" + address[2:].upper()) == address


@pytest.mark.parametrize("address", EIP55)
def test_one_flipped_letter_breaks_the_checksum(address):
    i = next(i for i, c in enumerate(address) if i > 1 and c.isalpha())
    flipped = address[:i] + address[i].swapcase() + address[i + 1:]
    with pytest.raises(InputError) as e:
        parse_address(flipped)
    assert e.value.code == "address_checksum"


@pytest.mark.parametrize("text, code", [
    (EIP55[0][:-1], "address_length"),
    (EIP55[0] + "a", "address_length"),
    (" " + EIP55[0], "address_whitespace"),
    (EIP55[0] + "\n", "address_whitespace"),
    (EIP55[0][:10] + "\u200b" + EIP55[0][10:], "address_whitespace"),
    (EIP55[0][:10] + "\u00a0" + EIP55[0][10:], "address_whitespace"),
    (EIP55[0][2:], "address_format"),
    ("0x" + "z" * 40, "address_format"),
    ("", "address_empty"),
])
def test_bad_addresses_are_refused(text, code):
    with pytest.raises(InputError) as e:
        parse_address(text)
    assert e.value.code == code


def test_look_alike_detection():
    real = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    fake = "0x5aAe" + "0" * 32 + "BeAed"[-4:]
    assert looks_like(fake, real) and not looks_like(real, real)
    assert not looks_like(EIP55[1], real)


def test_secrets_never_show_themselves():
    s = Secret(JUNK)
    assert JUNK not in repr(s) and JUNK not in str(s) and JUNK not in f"{s}"
    with pytest.raises(TypeError):
        pickle.dumps(s)
    signer = Signer(Account.from_key(JUNK_KEY))
    assert JUNK_KEY[2:] not in repr(signer) and JUNK_ADDRESS in repr(signer)
    with pytest.raises(TypeError):
        pickle.dumps(signer)


def test_sealed_secret_round_trip_and_wrong_password():
    doc = seal(JUNK.encode(), "password123", n=2**10)
    assert JUNK not in str(doc)
    assert unseal(doc, "password123") == JUNK.encode()
    with pytest.raises(InputError) as e:
        unseal(doc, "password124")
    assert e.value.code == "wrong_password"


def test_signer_signs_for_its_address():
    signer = Signer(Account.from_key(JUNK_KEY))
    tx = {"type": 2, "chainId": 1, "nonce": 0, "to": EIP55[0], "value": 1, "gas": 21000,
          "maxFeePerGas": 2, "maxPriorityFeePerGas": 1, "data": "0x", "from": JUNK_ADDRESS}
    signed = signer.sign_transaction(tx)
    assert Account.recover_transaction(signed.raw) == JUNK_ADDRESS
    assert signed.tx_hash.startswith("0x") and len(signed.tx_hash) == 66


def test_importing_keys_and_chain_modules_loads_no_heavy_library():
    code = ("import sys, app.core.keys, app.core.chain.demo_node, app.core.chain.client, "
            "app.core.services; heavy = [m for m in ('web3', 'eth_account', 'eth_tester', "
            "'eth', 'secretstorage', 'keyring.backends') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
