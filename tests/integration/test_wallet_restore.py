"""Restore anywhere, against the real Secret Service: keystore export and import, adopting a
key the keyring already holds, forgetting a key on purpose, upgrading a watch-only wallet, the
demo wallet, and the keyring refusals (exit codes through the real `milk` process)."""
from __future__ import annotations

import json

import pytest

from app.core.errors import ExternalError, InputError, RuleError
from app.core.keys import KeyCustody
from app.core.services import Services
from app.core.services.wallet import DEMO_PASSWORD, DEMO_SERVICE
from tests.core.test_keys import JUNK, JUNK_ADDRESS, JUNK_KEY
from tests.support.cli import MilkCLI
from tests.support.profiles import demo_profile_without_wallet

PW = "password123"


@pytest.fixture
def open_profile(tmp_path, secret_service, request):
    """Demo profiles sharing one test-specific keyring service (like two profiles of one
    user account), cleaned up afterwards."""
    service = f"MiL.k Wallet test {request.node.name}"
    opened = []

    def make(name: str):
        svc = Services.open(tmp_path / name, custody=KeyCustody(service=service, scrypt_n=2**12))
        svc.admin.init(demo=True)
        opened.append(svc)
        return svc

    yield make
    for svc in opened:
        svc.close()
    import keyring

    for address in (JUNK_ADDRESS,):
        try:
            keyring.delete_password(service, address)
        except Exception:
            pass


def test_a_key_in_the_keyring_is_adopted_by_a_new_profile_and_can_be_forgotten(open_profile):
    first = open_profile("first")
    first.wallet.import_private_key(JUNK_KEY, PW)
    rebuilt = open_profile("rebuilt")  # a lost profile, rebuilt: the keyring still has the key
    done = rebuilt.wallet.import_secret(JUNK, PW)
    assert done.adopted and done.address == JUNK_ADDRESS
    assert rebuilt.wallet.unlock(PW).address == JUNK_ADDRESS

    other = open_profile("other")  # forgot that password: refused, told how to get out
    with pytest.raises(RuleError) as e:
        other.wallet.import_secret(JUNK_KEY, "another-password")
    assert e.value.code == "keyring_password" and "forget" in e.value.message
    assert not other.wallet.status().exists  # the refusal changed nothing
    with pytest.raises(InputError) as e:
        other.wallet.forget("not it", address=JUNK_ADDRESS)
    assert e.value.code == "confirmation_mismatch"
    assert other.wallet.forget(JUNK_ADDRESS[-6:], address=JUNK_ADDRESS) == JUNK_ADDRESS
    assert other.wallet.import_secret(JUNK_KEY, "another-password").adopted is False
    assert other.wallet.unlock("another-password").address == JUNK_ADDRESS


def test_forget_keeps_the_profile_watching_with_its_history_and_import_upgrades_it(open_profile):
    svc = open_profile("p")
    svc.wallet.import_secret(JUNK, PW)
    svc.bridge.withdraw("3", key="before-forget")
    history = [t.id for t in svc.chain.tracker().page()]
    with pytest.raises(InputError):
        svc.wallet.forget("")
    svc.wallet.forget(JUNK_ADDRESS.lower())
    assert svc.wallet.status().watch_only and svc.wallet.status().address == JUNK_ADDRESS
    assert not svc.wallet.custody.exists(JUNK_ADDRESS)
    with pytest.raises(RuleError) as e:
        svc.wallet.unlock(PW)
    assert e.value.code == "watch_only"
    # Another key is refused, naming both addresses; the watched one's key upgrades it.
    other_key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"
    with pytest.raises(RuleError) as e:
        svc.wallet.import_secret(other_key, PW)
    assert e.value.code == "address_mismatch" and JUNK_ADDRESS in e.value.message and \
        "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" in e.value.message
    with pytest.raises(RuleError):
        svc.wallet.create(PW)
    assert not svc.wallet.custody.exists("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
    keystore = json.dumps(svc.wallet.custody.__class__(scrypt_n=2**12).__class__ and
                          __import__("eth_account").Account.encrypt(JUNK_KEY, "ks-password-1",
                                                                    iterations=2**10))
    done = svc.wallet.import_keystore(keystore, "ks-password-1", PW)
    assert done.upgraded and not svc.wallet.status().watch_only
    assert [t.id for t in svc.chain.tracker().page()] == history  # history kept


def test_export_keystore_file_refuses_and_replaces_only_on_purpose(open_profile, tmp_path):
    svc = open_profile("p")
    svc.wallet.import_secret(JUNK, PW)
    target = tmp_path / "k.json"
    svc.wallet.export_keystore_file(target, PW)
    with pytest.raises(InputError) as e:
        svc.wallet.export_keystore_file(target, PW)
    assert e.value.code == "target_exists"
    with pytest.raises(InputError):  # a wrong password writes nothing, even with force
        svc.wallet.export_keystore_file(target, "wrong-password", force=True)
    target.write_text("an older file")
    svc.wallet.export_keystore_file(target, PW, force=True)  # replaced on purpose
    assert json.loads(target.read_text())["address"].lower() == JUNK_ADDRESS[2:].lower()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".k.json")) == []


def test_refused_imports_and_withdrawals_change_nothing(open_profile):
    svc = open_profile("p")
    for secret, code in (("0X" + JUNK_KEY[2:], "private_key_format"),
                         (JUNK_KEY[:-1] + "q", "private_key_format"),
                         (JUNK_KEY[:-2], "private_key_length")):
        with pytest.raises(InputError) as e:
            svc.wallet.import_secret(secret, PW)
        assert e.value.code == code
    assert not svc.wallet.status().exists
    svc.wallet.import_secret(JUNK, PW)
    head = svc.admin.verify().head_hash
    with pytest.raises(RuleError) as e:
        svc.bridge.withdraw("1", to="0x" + "0" * 40)
    assert e.value.code == "zero_address"
    assert svc.admin.verify().head_hash == head and svc.chain.tracker().page() == []
    with pytest.raises(RuleError) as e:
        svc.bridge.withdraw("100000")
    assert e.value.details["asset"] == "MLK"


def test_reveal_and_export_refuse_an_entry_holding_another_key(open_profile):
    import keyring
    from eth_account import Account

    svc = open_profile("p")
    svc.wallet.import_secret(JUNK, PW)
    service = svc.wallet.custody.service
    doc = json.loads(keyring.get_password(service, JUNK_ADDRESS))
    doc["keystore"] = Account.encrypt(Account.create().key, PW, kdf="scrypt", iterations=2**12)
    keyring.set_password(service, JUNK_ADDRESS, json.dumps(doc))  # swapped by an attacker
    for use in (svc.wallet.reveal_mnemonic, svc.wallet.export_keystore, svc.wallet.unlock):
        with pytest.raises(ExternalError) as e:
            use(PW)
        assert e.value.code == "keyring_mismatch"


def test_the_keyring_has_a_human_name(open_profile):
    info = open_profile("p").wallet.keyring()
    assert info.accepted and info.label == "GNOME Keyring (Secret Service)"
    assert info.name == "keyring.backends.SecretService.Keyring"


# -- the demo wallet ---------------------------------------------------------------------------

def test_the_demo_wallet_has_a_demo_only_key_and_can_cash_out(open_profile):
    import keyring

    from app.core.chain.network import DEMO_CHAIN_ID

    svc = open_profile("demo")
    demo = svc.wallet.seed_demo_wallet()
    assert not demo.watch_only and demo.password == DEMO_PASSWORD and demo.reason is None
    assert keyring.get_password(DEMO_SERVICE, demo.address) is not None
    assert keyring.get_password(svc.wallet.custody.service, demo.address) is None
    upbit = next(c for c in svc.wallet.book.entries() if c.label == "Upbit (demo)")
    assert upbit.kind == "exchange" and upbit.chain_id == DEMO_CHAIN_ID
    b = svc.wallet.balances()
    assert b.mlk_onchain >= 250 * 10**18 and b.gas_wei > 0 and b.gas_coin == "demo gas"
    plan = svc.sending.prepare("Upbit (demo)", "1")
    tx = svc.sending.send(plan, DEMO_PASSWORD, {w.code for w in plan.warnings})
    assert svc.sending.wait(tx.id).status == "confirmed"
    again = svc.wallet.seed_demo_wallet()  # a re-run (Reset demo) adopts the same key
    assert again.address == demo.address and not again.watch_only
    assert svc.wallet.forget_demo_wallet() is True
    assert keyring.get_password(DEMO_SERVICE, demo.address) is None
    assert svc.wallet.status().watch_only


def test_a_real_profile_never_uses_the_demo_key_or_password(open_profile, tmp_path):
    real = Services.open(tmp_path / "real", custody=KeyCustody(scrypt_n=2**12))
    try:
        real.admin.init()
        with pytest.raises(RuleError) as e:
            real.wallet.seed_demo_wallet()
        assert e.value.code == "demo_only"
        with pytest.raises(InputError) as e:
            real.wallet.import_secret(JUNK_KEY, DEMO_PASSWORD)
        assert e.value.code == "weak_password"
        real.settings.set("wallet.address", JUNK_ADDRESS)  # an attacker edits the data file
        real.settings.set("wallet.kind", "demo")
        with pytest.raises(RuleError) as e:
            real.wallet.unlock(DEMO_PASSWORD)
        assert e.value.code == "demo_only"
    finally:
        real.close()


def test_without_a_usable_keyring_the_demo_wallet_is_watch_only(open_profile,
                                                                keyring_backend_env):
    svc = open_profile("demo")
    keyring_backend_env("keyring.backends.fail.Keyring")
    demo = svc.wallet.seed_demo_wallet()
    assert demo.watch_only and demo.password is None and "keyring" in demo.reason.lower()
    assert svc.wallet.status().watch_only


# -- the command line ------------------------------------------------------------------------

def test_export_import_forget_through_the_cli(secret_service, tmp_path):
    env = {**secret_service.env, "MILK_PASSWORD": PW, "MILK_KEYSTORE_PASSWORD": PW}
    milk = MilkCLI(tmp_path / "p", env)
    demo_profile_without_wallet(tmp_path / "p")
    try:
        assert milk("wallet", "import", stdin=JUNK_KEY + "\n").code == 0
        target = tmp_path / "backup" / "key.json"
        run = milk("wallet", "export-keystore", str(target))
        assert (run.code, run.json["error"]["code"]) == (2, "no_such_dir")
        target.parent.mkdir()
        assert milk("wallet", "export-keystore", str(target)).code == 0
        first = target.read_text()
        run = milk("wallet", "export-keystore", str(target))
        assert (run.code, run.json["error"]["code"]) == (2, "target_exists")
        assert sorted(p.name for p in target.parent.iterdir()) == ["key.json"]  # no temp file
        assert json.loads(first)["address"].lower() == JUNK_ADDRESS[2:].lower()

        assert milk("wallet", "forget", "--confirm", JUNK_ADDRESS[-6:]).code == 0
        run = milk("wallet", "import", "--keystore", str(target))
        assert run.code == 0 and run.json["upgraded"] and run.json["address"] == JUNK_ADDRESS
    finally:
        import keyring

        try:
            keyring.delete_password("MiL.k Wallet", JUNK_ADDRESS)
        except Exception:
            pass


def test_an_unknown_keyring_backend_is_refused_by_name(secret_service, tmp_path):
    milk = MilkCLI(tmp_path / "p", {**secret_service.env, "MILK_PASSWORD": PW,
                                    "PYTHON_KEYRING_BACKEND": "foo.Bar"})
    assert milk("init").code == 0
    run = milk("wallet", "create")
    assert (run.code, run.json["error"]["code"]) == (4, "keyring_refused")
    assert "foo.Bar" in run.json["error"]["message"]
    run = milk("wallet", "keyring")
    assert run.code == 0 and run.json["accepted"] is False and "foo.Bar" in run.json["reason"]
