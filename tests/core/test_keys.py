"""Key material and addresses without a keyring: vectors, strict parsing, masking."""
from __future__ import annotations

import json
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


# -- restore anywhere: BIP-39 details, keystores from other wallets -------------------------------

JUNK_INDEX_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"  # anvil's account #1 of JUNK
PBKDF2_VECTOR = {  # Web3 Secret Storage definition, password "testpassword"
    "crypto": {"cipher": "aes-128-ctr", "cipherparams": {"iv": "6087dab2f9fdbbfaddc31a909735c1e6"},
               "ciphertext": "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
               "kdf": "pbkdf2", "kdfparams": {
                   "c": 262144, "dklen": 32, "prf": "hmac-sha256",
                   "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
               "mac": "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
    "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6", "version": 3}
SCRYPT_VECTOR = {
    "crypto": {"cipher": "aes-128-ctr", "cipherparams": {"iv": "83dbcc02d8ccb40e466191a123791e0e"},
               "ciphertext": "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
               "kdf": "scrypt", "kdfparams": {
                   "dklen": 32, "n": 262144, "r": 1, "p": 8,
                   "salt": "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
               "mac": "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},
    "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6", "version": 3}
VECTOR_KEY = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d"
GETH_VECTOR = {  # go-ethereum's accounts/keystore testdata (UTC--2016-03-22...), password "foobar"
    "address": "7ef5a6135f1fd6a02593eedc869c6d41d934aef8",
    "crypto": {"cipher": "aes-128-ctr",
               "ciphertext": "1d0839166e7a15b9c1333fc865d69858b22df26815ccf601b28219b6192974e1",
               "cipherparams": {"iv": "8df6caa7ff1b00c4e871f002cb7921ed"}, "kdf": "scrypt",
               "kdfparams": {"dklen": 32, "n": 8, "p": 16, "r": 8, "salt":
                             "e5e6ef3f4ea695f496b643ebd3f75c0aa58ef4070e90c80c5d3fb0241bf1595c"},
               "mac": "6d16dfde774845e4585357f24bce530528bc69f4f84e1e22880d34fa45c273e5"},
    "id": "950077c7-71e3-4c44-a4a1-143919141ed4", "version": 3}


def test_full_width_letters_and_ligatures_are_read_as_the_words_nfkd():
    wide = " ".join("ｔｅｓｔ" for _ in range(11)) + "\u3000ｊｕｎｋ"
    assert bip39.check(wide).reveal() == JUNK
    from eth_account.hdaccount.mnemonic import Language, Mnemonic

    m = Mnemonic(Language.ENGLISH)
    phrase = next(p for p in (m.to_mnemonic(bytes([i]) * 16) for i in range(256))
                  if "fi" in p)  # a valid phrase with a word such as "fish" or "final"
    with_ligature = phrase.replace("fi", "\ufb01")
    assert bip39.check(with_ligature).reveal() == phrase


def test_account_index_selects_the_account():
    assert Account.from_key(bip39.private_key(bip39.check(JUNK), None, 1)).address == \
        JUNK_INDEX_1
    for bad in (-1, 2**31, True, "1"):
        with pytest.raises(InputError) as e:
            bip39.private_key(bip39.check(JUNK), None, bad)
        assert e.value.code == "bad_account_index"


def test_passphrase_and_index_match_ethers():
    """ethers (npm, pinned) derives the same accounts for a passphrase (NFKD: the full-width
    and decomposed spellings are the same passphrase) and an account index."""
    import json as _json
    import shutil

    from tests.support.anvil import ROOT
    from tests.support.integration import missing

    if shutil.which("node") is None or not (ROOT / "node_modules" / "ethers").exists():
        missing("ethers", "run `npm install` at the repository root (tests/run does)")
    cases = [("TREZOR", 0), ("TREZOR", 3), ("caf\u00e9", 0), ("", 5)]
    script = ("const {HDNodeWallet}=require('ethers');const cases=JSON.parse(process.argv[1]);"
              "console.log(JSON.stringify(cases.map(([p,i])=>HDNodeWallet.fromPhrase("
              "process.argv[2],p,`m/44'/60'/0'/0/${i}`).address)))")
    out = subprocess.run(["node", "-e", script, _json.dumps(cases), JUNK], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    expected = _json.loads(out.stdout)
    ours = [Account.from_key(bip39.private_key(bip39.check(JUNK), p, i)).address
            for p, i in cases]
    assert ours == expected
    assert ours[0] != JUNK_ADDRESS  # the passphrase changes the wallet
    same = [Account.from_key(bip39.private_key(bip39.check(JUNK), p)).address
            for p in ("ＴＲＥＺＯＲ", "cafe\u0301")]
    assert same == [ours[0], ours[2]]


def test_a_mistyped_private_key_is_a_key_error_and_0X_is_refused():
    from app.core.keys.custody import looks_like_private_key

    assert looks_like_private_key(JUNK_KEY[:-1] + "g")
    assert not looks_like_private_key(JUNK)
    with pytest.raises(InputError) as e:
        parse_private_key(JUNK_KEY[:-1] + "g")
    assert e.value.code == "private_key_format"
    with pytest.raises(InputError) as e:
        parse_private_key("0X" + JUNK_KEY[2:])
    assert e.value.code == "private_key_format"


@pytest.mark.parametrize("doc, password, key", [
    (PBKDF2_VECTOR, "testpassword", VECTOR_KEY),
    (SCRYPT_VECTOR, "testpassword", VECTOR_KEY),
])
def test_web3_secret_storage_vectors_open(doc, password, key):
    from app.core.keys.custody import read_keystore

    assert read_keystore(json.dumps(doc), password).hex() == key


def test_a_geth_keystore_opens_to_its_address():
    from app.core.keys.custody import address_of, read_keystore

    key = read_keystore(json.dumps(GETH_VECTOR).encode(), "foobar")
    assert address_of(key).lower() == "0x" + GETH_VECTOR["address"]


def test_keystores_made_by_ethers_open():
    """ethers writes "Crypto" (capital C) and an "x-ethers" section; both scrypt settings."""
    import shutil

    from app.core.keys.custody import address_of, read_keystore
    from tests.support.anvil import ROOT
    from tests.support.integration import missing

    if shutil.which("node") is None or not (ROOT / "node_modules" / "ethers").exists():
        missing("ethers", "run `npm install` at the repository root (tests/run does)")
    script = ("const {Wallet,encryptKeystoreJsonSync}=require('ethers');"
              "const w=Wallet.fromPhrase(process.argv[1]);"
              "console.log(JSON.stringify([w.address,encryptKeystoreJsonSync({address:w.address,"
              "privateKey:w.privateKey,mnemonic:w.mnemonic},'pw-ethers-1',{scrypt:{N:1024}})]))")
    out = subprocess.run(["node", "-e", script, JUNK], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    address, keystore = json.loads(out.stdout)
    assert '"Crypto"' in keystore and "x-ethers" in keystore
    assert address_of(read_keystore(keystore, "pw-ethers-1")) == address == JUNK_ADDRESS


def _with(doc, **crypto):
    out = json.loads(json.dumps(doc))
    for k, v in crypto.items():
        if k == "kdfparams":
            out["crypto"]["kdfparams"].update(v)
        else:
            out["crypto"][k] = v
    return out


@pytest.mark.parametrize("text, code", [
    ("not json", "bad_keystore"),
    ("[]", "bad_keystore"),
    (json.dumps({**SCRYPT_VECTOR, "version": 1}), "bad_keystore"),
    (json.dumps(_with(SCRYPT_VECTOR, kdfparams={"n": 2**30})), "bad_keystore"),  # a freeze
    (json.dumps(_with(SCRYPT_VECTOR, kdfparams={"n": 1000})), "bad_keystore"),
    (json.dumps(_with(PBKDF2_VECTOR, kdfparams={"c": 10**12})), "bad_keystore"),
    (json.dumps(_with(SCRYPT_VECTOR, kdf="argon2")), "bad_keystore"),
    (json.dumps(_with(SCRYPT_VECTOR, cipher="aes-256-gcm")), "bad_keystore"),
    (json.dumps(_with(SCRYPT_VECTOR, mac="zz")), "bad_keystore"),
    (" " * 70_000, "bad_keystore"),
    (json.dumps({**GETH_VECTOR, "address": "00" * 20}), "bad_keystore"),  # not its key
])
def test_bad_keystore_files_are_refused_before_any_slow_work(text, code):
    import time

    from app.core.keys.custody import read_keystore

    started = time.monotonic()
    with pytest.raises(InputError) as e:
        read_keystore(text, "foobar")
    assert e.value.code == code and time.monotonic() - started < 2


def test_a_wrong_keystore_password_is_named():
    from app.core.keys.custody import read_keystore

    with pytest.raises(InputError) as e:
        read_keystore(json.dumps(GETH_VECTOR), "not-foobar")
    assert e.value.code == "wrong_password" and "keystore" in e.value.message
