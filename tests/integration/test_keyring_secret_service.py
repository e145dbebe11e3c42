"""Key custody against the real Secret Service (gnome-keyring on a private D-Bus)."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from eth_account import Account

from app.core.errors import ExternalError, InputError, RuleError
from app.core.keys import KeyCustody
from tests.core.test_keys import JUNK, JUNK_ADDRESS, JUNK_KEY

PW = "password123"


@pytest.fixture
def custody(secret_service, request):
    service = f"MiL.k Wallet test {request.node.name}"  # each test its own keyring entries
    return KeyCustody(service=service, timeout=5, scrypt_n=2**12)


def raw_entry(custody, address):
    import keyring

    return keyring.get_password(custody.service, address)


def test_the_real_secret_service_is_accepted(custody):
    info = custody.backend_info()
    assert info.accepted and "SecretService" in info.name


def test_create_unlock_and_sign(custody):
    address, phrase = custody.create(PW)
    signer = custody.unlock(address, PW)
    tx = {"type": 2, "chainId": 1, "nonce": 0, "to": JUNK_ADDRESS, "value": 1, "gas": 21000,
          "maxFeePerGas": 2, "maxPriorityFeePerGas": 1, "data": "0x"}
    assert Account.recover_transaction(signer.sign_transaction(tx).raw) == address
    assert custody.reveal_mnemonic(address, PW).reveal() == phrase.reveal()


def test_the_stored_entry_holds_no_plaintext_secret(custody):
    address = custody.import_mnemonic(JUNK, PW)
    assert address == JUNK_ADDRESS
    text = raw_entry(custody, address)
    assert text and JUNK_KEY[2:] not in text.lower() and "test test" not in text
    doc = json.loads(text)
    assert doc["keystore"]["crypto"]["kdf"] == "scrypt"


def test_a_key_already_in_the_keyring_is_adopted_only_with_its_password(custody):
    address = custody.import_private_key(JUNK_KEY, PW)
    assert address == JUNK_ADDRESS
    with pytest.raises(InputError) as e:
        custody.reveal_mnemonic(address, PW)
    assert e.value.code == "no_mnemonic"
    entry = raw_entry(custody, address)
    with pytest.raises(RuleError) as e:  # another password does not open it: refused
        custody.import_mnemonic(JUNK, "another-password")
    assert e.value.code == "keyring_password" and "forget" in e.value.message
    assert custody.import_mnemonic(JUNK, PW) == address  # it opens: adopted as it is
    assert raw_entry(custody, address) == entry  # nothing was rewritten


def test_wrong_password_and_weak_password(custody):
    address, _ = custody.create(PW)
    with pytest.raises(InputError) as e:
        custody.unlock(address, "wrong-password")
    assert e.value.code == "wrong_password"
    with pytest.raises(InputError) as e:
        custody.create("short")
    assert e.value.code == "weak_password"


def test_change_password(custody):
    address, phrase = custody.create(PW)
    with pytest.raises(InputError):
        custody.change_password(address, "not-the-old-one", "new-password-1")
    assert custody.unlock(address, PW).address == address  # a failed change keeps the old
    custody.change_password(address, PW, "new-password-1")
    with pytest.raises(InputError):
        custody.unlock(address, PW)
    assert custody.unlock(address, "new-password-1").address == address
    assert custody.reveal_mnemonic(address, "new-password-1").reveal() == phrase.reveal()


def test_exported_keystore_opens_with_the_password(custody):
    address = custody.import_private_key(JUNK_KEY, PW)
    keystore = custody.export_keystore(address, PW)
    assert "0x" + Account.decrypt(keystore, PW).hex() == JUNK_KEY
    with pytest.raises(InputError):
        custody.export_keystore(address, "wrong-password")


def test_production_scrypt_parameters(secret_service):
    custody = KeyCustody(service="MiL.k Wallet test production")
    address = custody.import_private_key(JUNK_KEY, PW)
    try:
        doc = json.loads(raw_entry(custody, address))
        assert doc["keystore"]["crypto"]["kdfparams"]["n"] == 2**18
        assert custody.unlock(address, PW).address == JUNK_ADDRESS
    finally:
        custody.delete(address)


def test_an_entry_for_another_key_is_refused(custody):
    import keyring

    address = custody.import_private_key(JUNK_KEY, PW)
    other = Account.create()
    doc = json.loads(raw_entry(custody, address))
    doc["keystore"] = Account.encrypt(other.key, PW, kdf="scrypt", iterations=2**12)
    keyring.set_password(custody.service, address, json.dumps(doc))
    with pytest.raises(ExternalError) as e:
        custody.unlock(address, PW)
    assert e.value.code == "keyring_mismatch"


@pytest.mark.parametrize("backend", [
    "keyring.backends.fail.Keyring",
    "keyring.backends.null.Keyring",
    "keyrings.alt.file.PlaintextKeyring",
    "keyrings.alt.file.EncryptedKeyring",
])
def test_unsafe_backends_are_refused(backend, keyring_backend_env, custody, tmp_path):
    keyring_backend_env(backend)
    info = custody.backend_info()
    assert not info.accepted
    with pytest.raises(ExternalError) as e:
        custody.create(PW)
    assert e.value.code == "keyring_refused"
    assert "gnome-keyring" in e.value.message


def test_the_cli_refuses_a_plaintext_keyring_and_writes_no_file(secret_service, tmp_path):
    env = {**secret_service.env, "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
           "MILK_DATA_DIR": str(tmp_path / "p"), "MILK_PASSWORD": PW,
           "XDG_DATA_HOME": str(tmp_path / "xdg")}
    milk = [sys.executable, "-m", "app.cli"]
    subprocess.run(milk + ["init"], env=env, check=True, capture_output=True)
    out = subprocess.run(milk + ["--json", "wallet", "create"], env=env, capture_output=True,
                         text=True)
    assert out.returncode == 4
    assert json.loads(out.stdout)["error"]["code"] == "keyring_refused"
    assert not (tmp_path / "xdg").exists() or not any((tmp_path / "xdg").rglob("*.cfg"))


def test_a_locked_keyring_is_explained(secret_service, custody):
    address = custody.import_private_key(JUNK_KEY, PW)
    secret_service.lock()
    try:
        started = time.monotonic()
        with pytest.raises(ExternalError) as e:
            custody.unlock(address, PW)
        assert e.value.code == "keyring_locked"
        assert time.monotonic() - started < custody.timeout
    finally:
        secret_service.unlock()
    assert custody.unlock(address, PW).address == address


def test_a_hung_keyring_times_out(secret_service, custody):
    address = custody.import_private_key(JUNK_KEY, PW)
    custody.timeout = 2
    secret_service.stop()
    try:
        started = time.monotonic()
        with pytest.raises(ExternalError) as e:
            custody.unlock(address, PW)
        elapsed = time.monotonic() - started
    finally:
        secret_service.resume()
    assert e.value.code == "keyring_timeout"
    assert 1.5 < elapsed < 6
