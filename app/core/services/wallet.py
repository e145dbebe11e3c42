"""The user's MLK wallet: which key it is, what it holds, in the app and on chain."""
from __future__ import annotations

from dataclasses import dataclass

from app.core.chain import network as net
from app.core.chain.addressbook import AddressBook
from app.core.chain.addresses import OWN_LABEL, parse_address
from app.core.chain.records import OPEN_STATES
from app.core.errors import RuleError
from app.core.keys import BackendInfo, KeyCustody, Secret
from app.core.money import MLK
from app.core.services.chain_access import ChainAccess
from app.core.services.context import Context

WATCH = "watch"
SIGNING_KINDS = ("created", "mnemonic", "private_key")


@dataclass(frozen=True)
class WalletStatus:
    address: str | None
    kind: str | None  # created | mnemonic | private_key | watch | None (no wallet yet)

    @property
    def exists(self) -> bool:
        return self.address is not None

    @property
    def watch_only(self) -> bool:
        return self.kind == WATCH


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


class WalletService:
    def __init__(self, ctx: Context, chain: ChainAccess, custody: KeyCustody | None = None):
        self.ctx = ctx
        self.chain = chain
        self.custody = custody or KeyCustody()
        self.book = AddressBook(ctx.db, ctx.clock)

    # -- identity ----------------------------------------------------------------------------
    def status(self) -> WalletStatus:
        address = self.ctx.settings.get("wallet.address") or None
        return WalletStatus(address, self.ctx.settings.get("wallet.kind") or None)

    def keyring(self) -> BackendInfo:
        return self.custody.backend_info()

    def create(self, password: Secret | str, words: int = 12) -> tuple[str, Secret]:
        self._refuse_if_signing_wallet()
        address, phrase = self.custody.create(password, words)
        self._adopt(address, "created")
        return address, phrase

    def import_mnemonic(self, phrase: Secret | str, password: Secret | str) -> str:
        self._refuse_if_signing_wallet()
        address = self.custody.import_mnemonic(phrase, password)
        self._adopt(address, "mnemonic")
        return address

    def import_private_key(self, key: Secret | str, password: Secret | str) -> str:
        self._refuse_if_signing_wallet()
        address = self.custody.import_private_key(key, password)
        self._adopt(address, "private_key")
        return address

    def watch(self, address: str) -> str:
        self._refuse_if_signing_wallet()
        checksummed = parse_address(address)
        self._adopt(checksummed, WATCH)
        return checksummed

    def change_password(self, old: Secret | str, new: Secret | str) -> None:
        self.custody.change_password(self.require_signing(), old, new)

    def export_keystore(self, password: Secret | str) -> dict:
        return self.custody.export_keystore(self.require_signing(), password)

    def reveal_mnemonic(self, password: Secret | str) -> Secret:
        return self.custody.reveal_mnemonic(self.require_signing(), password)

    def unlock(self, password: Secret | str):
        return self.custody.unlock(self.require_signing(), password)

    def require_address(self) -> str:
        status = self.status()
        if not status.exists:
            raise RuleError("There is no wallet yet. Create one with `milk wallet create`, "
                            "import one, or watch an address.", code="no_wallet")
        return status.address

    def require_signing(self) -> str:
        status = self.status()
        address = self.require_address()
        if status.watch_only:
            raise RuleError("This is a watch-only wallet: it can show balances but not sign. "
                            "Import the key to send.", code="watch_only")
        return address

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

    # -- balances -----------------------------------------------------------------------------
    def balances(self) -> WalletBalances:
        address = self.require_address()
        client = self.chain.client()
        client.check_chain()
        tracker = self.chain.tracker()
        withdrawing = sum(tx.amount for tx in tracker.open() if tx.kind == "withdraw"
                          and tx.status in OPEN_STATES)
        with self.ctx.db.read() as s:
            from app.core.ledger import Journal

            in_app = Journal(s).balance(self.ctx.user, MLK)
        return WalletBalances(address, client.mlk_balance(address), client.gas_balance(address),
                              in_app, withdrawing, client.label, client.chain_id,
                              client.block_number())
