"""The user's MLK wallet: which key it is, what it holds, in the app and on chain.

Restore anywhere: a recovery phrase (NFKD-normalised, optional BIP-39 passphrase and account
index), a private key, or a keystore v3 file. A key the keyring already holds is adopted once
its password opens it; `forget` removes this profile's key from the keyring on purpose (the
profile keeps its address, watch-only, and its history). A watch-only profile is upgraded by
importing the key of the address it watches, and only that key.

The demo wallet has a key too, under its own keyring service and a fixed password the demo
shows on screen; a real profile can never use either.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.chain import network as net
from app.core.chain.addressbook import AddressBook
from app.core.chain.addresses import OWN_LABEL, parse_address, same_address
from app.core.chain.records import CONFIRMED, OPEN_STATES, ChainTx
from app.core.chain.tracker import TxView
from app.core.errors import ExternalError, InputError, MilkError, RuleError
from app.core.keys import BackendInfo, KeyCustody, Secret
from app.core.keys import mnemonic as bip39
from app.core.keys.custody import (
    address_of,
    looks_like_private_key,
    parse_private_key,
    read_keystore,
)
from app.core.keys.secret import reveal
from app.core.money import MLK
from app.core.services.chain_access import ChainAccess
from app.core.services.context import Context

WATCH = "watch"
DEMO_KIND = "demo"
SIGNING_KINDS = ("created", "mnemonic", "private_key", "keystore", DEMO_KIND)
# The demo wallet's keyring service and password: never those of a real wallet. The password
# is shown on screen in demo mode (the key is a public demo-only key, worthless elsewhere).
DEMO_SERVICE = "MiL.k Wallet (demo)"
DEMO_PASSWORD = "milk-demo-2026"
DEMO_EXCHANGE_LABEL = "Upbit (demo)"
DEMO_WALLET_MLK = 250 * 10**18


@dataclass(frozen=True)
class WalletStatus:
    address: str | None
    kind: str | None  # created | mnemonic | private_key | keystore | demo | watch | None

    @property
    def exists(self) -> bool:
        return self.address is not None

    @property
    def watch_only(self) -> bool:
        return self.kind == WATCH


@dataclass(frozen=True)
class PendingDeposit:
    """A deposit on its way into the app: credited once at `needed` confirmations."""

    tx: TxView
    amount: int
    confirmations: int
    needed: int


@dataclass(frozen=True)
class WalletBalances:
    address: str
    mlk_onchain: int
    gas_wei: int
    mlk_in_app: int
    withdrawing: int  # in-app MLK held for withdrawals still on their way
    network: str
    chain_id: int
    block: int
    pending_deposits: tuple[PendingDeposit, ...] = ()
    network_name: str = ""
    gas_coin: str = "ETH"


@dataclass(frozen=True)
class Imported:
    address: str
    adopted: bool  # the key was already in the keyring: its entry was opened and kept
    upgraded: bool  # a watch-only profile got the key of the address it watched


@dataclass(frozen=True)
class DemoWallet:
    address: str
    watch_only: bool
    reason: str | None  # why there is no key (no usable keyring), else None
    password: str | None  # DEMO_PASSWORD when the demo key is in the keyring


class WalletService:
    def __init__(self, ctx: Context, chain: ChainAccess, custody: KeyCustody | None = None):
        self.ctx = ctx
        self.chain = chain
        self.custody = custody or KeyCustody()
        self.demo_custody = KeyCustody(service=DEMO_SERVICE, timeout=self.custody.timeout,
                                       scrypt_n=2**12)
        self.book = AddressBook(ctx.db, ctx.clock, self._current_network)

    def _current_network(self) -> tuple[int | None, str]:
        cfg = self.chain.config
        return cfg.chain_id, cfg.name

    # -- identity ----------------------------------------------------------------------------
    def status(self) -> WalletStatus:
        address = self.ctx.settings.get("wallet.address") or None
        return WalletStatus(address, self.ctx.settings.get("wallet.kind") or None)

    def keyring(self) -> BackendInfo:
        return self.custody.backend_info()

    def create(self, password: Secret | str, words: int = 12) -> tuple[str, Secret]:
        self._refuse_if_signing_wallet()
        status = self.status()
        if status.watch_only:
            raise RuleError(f"This profile watches {status.address}. A new wallet would have "
                            "another address; import that address's key instead.",
                            code="address_mismatch", details={"watched": status.address})
        _not_demo_password(password)
        address, phrase = self.custody.create(password, words)
        self._adopt(address, "created")
        return address, phrase

    def import_secret(self, secret: Secret | str, password: Secret | str,
                      passphrase: Secret | str | None = None, index: int = 0) -> Imported:
        """A recovery phrase or a private key (one token is always read as a key, so a
        mistyped key is reported as a key error)."""
        text = reveal(secret)
        if looks_like_private_key(text if isinstance(text, str) else ""):
            if passphrase or index:
                raise InputError("A BIP-39 passphrase and account index belong to a recovery "
                                 "phrase, not a private key.", code="usage")
            return self._import(parse_private_key(secret), password, None, "private_key")
        checked = bip39.check(secret)
        return self._import(bip39.private_key(checked, passphrase, index), password, checked,
                            "mnemonic", index, bool(passphrase and reveal(passphrase)))

    def import_mnemonic(self, phrase: Secret | str, password: Secret | str,
                        passphrase: Secret | str | None = None, index: int = 0) -> str:
        checked = bip39.check(phrase)
        return self._import(bip39.private_key(checked, passphrase, index), password, checked,
                            "mnemonic", index, bool(passphrase and reveal(passphrase))).address

    def import_private_key(self, key: Secret | str, password: Secret | str) -> str:
        return self._import(parse_private_key(key), password, None, "private_key").address

    def import_keystore(self, keystore: str | bytes, keystore_password: Secret | str,
                        password: Secret | str | None = None) -> Imported:
        """A keystore v3 file's contents (this app's export, geth, ethers, MetaMask...). The
        key is stored under `password`, or under the keystore's own password if None."""
        key = read_keystore(keystore, keystore_password)
        return self._import(key, keystore_password if password is None else password, None,
                            "keystore")

    def import_keystore_file(self, path: str | Path, keystore_password: Secret | str,
                             password: Secret | str | None = None) -> Imported:
        return self.import_keystore(read_keystore_file(path), keystore_password, password)

    def _import(self, key: bytes, password, phrase, source: str, index: int = 0,
                passphrase: bool = False) -> Imported:
        address = address_of(key)
        status = self.status()
        if status.exists and not status.watch_only:
            if same_address(status.address, address):
                raise RuleError(f"This profile already has this wallet ({status.address}).",
                                code="wallet_exists", details={"address": status.address})
            self._refuse_if_signing_wallet()
        if status.watch_only and not same_address(status.address, address):
            raise RuleError(f"This profile watches {status.address}, but the imported key is "
                            f"for {address}. Import the key of the watched address, or use "
                            "another profile.", code="address_mismatch",
                            details={"watched": status.address, "imported": address})
        _not_demo_password(password)
        stored = self.custody.store(key, password, phrase, source, index, passphrase)
        self._adopt(address, source)
        return Imported(address, stored.adopted, upgraded=status.watch_only)

    def watch(self, address: str) -> str:
        self._refuse_if_signing_wallet()
        checksummed = parse_address(address)
        self._adopt(checksummed, WATCH)
        return checksummed

    def forget(self, confirmation: str, address: str | None = None) -> str:
        """Remove a key from the keyring on purpose: this profile's (it stays watch-only,
        with its history), or with `address` an entry left by a lost profile. The typed
        confirmation is the address, or its last 6 characters."""
        status = self.status()
        target = parse_address(address) if address else status.address
        if target is None:
            raise RuleError("There is no wallet key to forget in this profile.",
                            code="no_wallet")
        typed = (confirmation or "").strip().lower()
        if typed not in (target.lower(), target.lower()[-6:]):
            raise InputError(f"Type the wallet address (or its last 6 characters, "
                             f"{target[-6:]}) to confirm. Nothing was removed.",
                             code="confirmation_mismatch")
        ours = status.address is not None and same_address(target, status.address)
        custody = self._custody(status) if ours else self.custody
        if not custody.exists(target):
            raise RuleError(f"The keyring holds no key for {target}.", code="key_missing")
        custody.delete(target)
        if ours and not status.watch_only:
            self.ctx.settings.set("wallet.kind", WATCH)
        return target

    def change_password(self, old: Secret | str, new: Secret | str) -> None:
        status = self._signing_status()
        if status.kind != DEMO_KIND:
            _not_demo_password(new)
        self._custody(status).change_password(status.address, old, new)

    def export_keystore(self, password: Secret | str) -> dict:
        status = self._signing_status()
        return self._custody(status).export_keystore(status.address, password)

    def export_keystore_file(self, path: str | Path, password: Secret | str,
                             force: bool = False) -> Path:
        """Write the keystore to `path` atomically: exit 2 for a missing folder or an
        existing file (unless `force`); no partial or temporary file is ever left."""
        import json

        from app.core.files import atomic_write_text, check_target

        target = check_target(Path(path), force)
        atomic_write_text(target, json.dumps(self.export_keystore(password)))
        return target

    def reveal_mnemonic(self, password: Secret | str) -> Secret:
        status = self._signing_status()
        return self._custody(status).reveal_mnemonic(status.address, password)

    def unlock(self, password: Secret | str):
        status = self._signing_status()
        return self._custody(status).unlock(status.address, password)

    def require_address(self) -> str:
        status = self.status()
        if not status.exists:
            raise RuleError("There is no wallet yet. Create one with `milk wallet create`, "
                            "import one, or watch an address.", code="no_wallet")
        return status.address

    def require_signing(self) -> str:
        return self._signing_status().address

    def _signing_status(self) -> WalletStatus:
        status = self.status()
        self.require_address()
        if status.watch_only:
            raise RuleError("This is a watch-only wallet: it can show balances but not sign. "
                            "Import the key to send.", code="watch_only")
        return status

    def _custody(self, status: WalletStatus) -> KeyCustody:
        """The real keyring service, or the demo one for the demo wallet of a demo profile on
        the demo chain (a real profile can never reach the demo key or its password)."""
        if status.kind != DEMO_KIND:
            return self.custody
        if not self.ctx.settings.get_bool("profile.demo") or \
                self.chain.config.kind != net.DEMO:
            raise RuleError("The demo wallet works only in the demo profile on the demo "
                            "chain.", code="demo_only")
        return self.demo_custody

    def _refuse_if_signing_wallet(self) -> None:
        status = self.status()
        if status.exists and not status.watch_only:
            raise RuleError(f"This profile already has a wallet ({status.address}).",
                            code="wallet_exists", details={"address": status.address})

    def _adopt(self, address: str, kind: str) -> None:
        self.ctx.settings.set("wallet.address", address)
        self.ctx.settings.set("wallet.kind", kind)
        self.book_own(address)
        if kind != WATCH and self.chain.config.kind == net.DEMO:
            self.grant_demo_gas(address)

    def book_own(self, address: str) -> None:
        if self.book.lookup(address) is None:
            self.book.add(OWN_LABEL, address, "own")

    def grant_demo_gas(self, address: str) -> None:
        """New wallets on the demo chain get demo gas, like a faucet would."""
        client = self.chain.client()
        if client.gas_balance(address) == 0:
            self.chain.demo_node.fund_gas(address)

    # -- the demo wallet ----------------------------------------------------------------------
    def seed_demo_wallet(self) -> DemoWallet:
        """The presenter's wallet: the demo-only key in the keyring under DEMO_SERVICE and
        DEMO_PASSWORD (created, or adopted on a re-run), topped up with MLK and demo gas, and
        an "Upbit (demo)" deposit contact bound to the demo chain. Without a usable keyring
        the wallet is watch-only and `reason` says why. Demo profile on the demo chain only."""
        from app.core.chain.demo_node import DEMO_USER_KEY

        if not self.ctx.settings.get_bool("profile.demo") or \
                self.chain.config.kind != net.DEMO:
            raise RuleError("The demo wallet is only for the demo profile on the demo chain.",
                            code="demo_only")
        status = self.status()
        address = address_of(DEMO_USER_KEY)
        if status.exists and not same_address(status.address, address):
            raise RuleError(f"This demo profile already has another wallet "
                            f"({status.address}).", code="wallet_exists",
                            details={"address": status.address})
        reason = None
        try:
            self.demo_custody.store(DEMO_USER_KEY, DEMO_PASSWORD, None, DEMO_KIND)
        except MilkError as exc:
            if exc.code not in ("keyring_password", "keyring_mismatch", "keyring_damaged"):
                reason = exc.message  # no usable keyring: a watch-only demo wallet
            else:  # the demo-only entry was changed: put the demo key back
                self.demo_custody.delete(address)
                self.demo_custody.store(DEMO_USER_KEY, DEMO_PASSWORD, None, DEMO_KIND)
        self._adopt(address, WATCH if reason else DEMO_KIND)
        node = self.chain.demo_node
        client = self.chain.client()
        held = client.mlk_balance(address)
        if held < DEMO_WALLET_MLK:
            node.fund_mlk(address, DEMO_WALLET_MLK - held)
        if client.gas_balance(address) < node.gas_grant // 2:
            node.fund_gas(address)
        exchange = self.book.lookup(node.exchange_address)
        if exchange is None:
            self.book.add(DEMO_EXCHANGE_LABEL, node.exchange_address, "exchange", "Upbit",
                          chain_id=net.DEMO_CHAIN_ID)
        return DemoWallet(address, reason is not None, reason,
                          None if reason else DEMO_PASSWORD)

    def forget_demo_wallet(self) -> bool:
        """Remove the demo key from the keyring (the demo wallet becomes watch-only).
        Returns whether there was one."""
        from app.core.chain.demo_node import DEMO_USER_KEY

        address = address_of(DEMO_USER_KEY)
        if not self.demo_custody.exists(address):
            return False
        self.demo_custody.delete(address)
        status = self.status()
        if status.kind == DEMO_KIND:
            self.ctx.settings.set("wallet.kind", WATCH)
        return True

    # -- balances -----------------------------------------------------------------------------
    def balances(self) -> WalletBalances:
        address = self.require_address()
        client = self.chain.client()
        client.check_chain()
        from app.core.ledger import Journal
        from app.core.ledger import accounts as acct

        with self.ctx.db.read() as s:
            journal = Journal(s)
            in_app = journal.balance(self.ctx.user, MLK)
            withdrawing = journal.balance(acct.PENDING_WITHDRAWALS, MLK)
        cfg = self.chain.config
        return WalletBalances(address, client.mlk_balance(address), client.gas_balance(address),
                              in_app, withdrawing, client.label, client.chain_id,
                              client.block_number(), tuple(self.pending_deposits()), cfg.name,
                              cfg.gas_coin)

    def pending_deposits(self) -> list[PendingDeposit]:
        """Deposits sent but not yet credited, with their confirmations so far (read only:
        `bridge.settle()` first for fresh figures)."""
        needed = self.chain.config.confirmations
        rows = self.chain.tracker().where(ChainTx.kind == "deposit", ChainTx.booked.is_(False))
        return [PendingDeposit(tx, tx.amount, tx.confirmations, needed) for tx in rows
                if tx.status in OPEN_STATES or tx.status == CONFIRMED]


def read_keystore_file(path: str | Path) -> bytes:
    """A keystore file's bytes, with exit-2 messages for what a user can get wrong."""
    from app.core.keys.keystore import MAX_FILE_BYTES

    path = Path(path).expanduser()
    try:
        if path.is_dir():
            raise InputError(f"{path} is a folder; choose the keystore file.",
                             code="bad_keystore")
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"There is no file {path}.", code="no_such_file") from None
    except PermissionError:
        raise InputError(f"{path} cannot be read (permission denied).",
                         code="unreadable_file") from None
    except OSError as exc:
        raise ExternalError(f"Could not read {path}: {exc.strerror or exc}.",
                            code="read_failed") from None
    return data


def _not_demo_password(password) -> None:
    if reveal(password) == DEMO_PASSWORD:
        raise InputError("That is the demo password, shown on screen in demos. Choose your "
                         "own password.", code="weak_password")
