"""The embedded demo chain: an in-process EVM (py-evm through eth-tester) that persists.

On first open it creates a genesis with two funded DEMO-ONLY accounts (the "MiL.k
foundation" and TICA's treasury, keys derived from fixed labels, worthless by design),
deploys the MLK token from the committed artifact with the whole supply to the foundation,
and moves 28% of the supply to the treasury. Its state lives in `chain.sqlite3` in the
profile (see `demo_store`), so balances, nonces and receipts survive restarts.

Only one process may hold a demo chain open (a lock file says who), because each process
would otherwise mine its own fork on top of the same file.

Heavy imports (web3, eth_tester, py-evm, eth_account) happen in `DemoNode.__init__`.
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from app.core.chain.network import DEMO_CHAIN_ID
from app.core.errors import ExternalError
from app.core.money import MLK_TOTAL_SUPPLY, TICA_POOL_MLK

ETH = 10**18
DEMO_GAS_GRANT = 1 * ETH  # what a new wallet gets to pay for its first transactions
_MARKER = b"milk:demo-chain:v1"


def _demo_key(label: str) -> bytes:
    """A deterministic private key for a demo account. Public knowledge: demo only."""
    return hashlib.sha256(f"MiL.k demo chain - DEMO ONLY - {label}".encode()).digest()


FOUNDATION_KEY = _demo_key("foundation")
TREASURY_KEY = _demo_key("TICA treasury")
EXCHANGE_KEY = _demo_key("Upbit deposit (demo)")
DEMO_USER_KEY = _demo_key("demo user")  # a pre-funded wallet to watch in demos/screenshots
DEMO_USER_MLK = 250 * 10**18


class DemoNode:
    """An open demo chain. Use `w3` like any web3 connection; call `close()` when done."""

    chain_id = DEMO_CHAIN_ID

    def __init__(self, directory: Path):
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        self._lock = _ProcessLock(directory / "chain.lock")
        try:
            self._open(directory)
        except BaseException:
            self._lock.release()
            raise

    def _open(self, directory: Path) -> None:
        from eth_account import Account
        from web3 import EthereumTesterProvider, Web3

        from app.core.chain import demo_store

        self._db, self._kv = demo_store.open_store(directory / "chain.sqlite3")
        self.foundation = Account.from_key(FOUNDATION_KEY)
        self.treasury = Account.from_key(TREASURY_KEY)
        self.exchange_address = Account.from_key(EXCHANGE_KEY).address
        self.demo_user_address = Account.from_key(DEMO_USER_KEY).address
        backend = _persistent_backend(self._db, self._kv, {
            self.foundation.address: 1_000_000 * ETH, self.treasury.address: 1_000 * ETH})
        from eth_tester import EthereumTester

        self.tester = EthereumTester(backend, auto_mine_transactions=True)
        self.w3 = Web3(EthereumTesterProvider(self.tester))
        self.token_address = self._contract_address(self.foundation.address, 0)
        if not self._kv._exists(_MARKER):
            self._deploy_token()

    def _deploy_token(self) -> None:
        from app.core.chain.contract import load_artifact

        artifact = load_artifact()
        token = self.w3.eth.contract(abi=artifact.abi, bytecode=artifact.bytecode)
        deploy = token.constructor(self.foundation.address, MLK_TOTAL_SUPPLY)
        self._send(self.foundation, deploy.build_transaction(self._fees(self.foundation, 0)))
        mlk = self.w3.eth.contract(address=self.token_address, abi=artifact.abi)
        move = mlk.functions.transfer(self.treasury.address, TICA_POOL_MLK)
        self._send(self.foundation, move.build_transaction(self._fees(self.foundation, 1)))
        gift = mlk.functions.transfer(self.demo_user_address, DEMO_USER_MLK)
        self._send(self.foundation, gift.build_transaction(self._fees(self.foundation, 2)))
        self.fund_gas(self.demo_user_address)
        self._kv[_MARKER] = b"1"
        self._kv.commit()

    def fund_gas(self, address: str, wei: int = DEMO_GAS_GRANT) -> str:
        """Give a wallet demo gas (sent by the foundation). Returns the transaction hash."""
        nonce = self.w3.eth.get_transaction_count(self.foundation.address)
        tx = {**self._fees(self.foundation, nonce), "to": address, "value": wei, "gas": 21_000}
        return self._send(self.foundation, tx)

    gas_grant = DEMO_GAS_GRANT

    def fund_mlk(self, address: str, units: int) -> str:
        """Give a wallet demo MLK (sent by the foundation). Returns the transaction hash."""
        from app.core.chain.contract import load_artifact

        mlk = self.w3.eth.contract(address=self.token_address, abi=load_artifact().abi)
        nonce = self.w3.eth.get_transaction_count(self.foundation.address)
        tx = mlk.functions.transfer(address, units).build_transaction(
            self._fees(self.foundation, nonce))
        return self._send(self.foundation, tx)

    def mine(self, blocks: int = 1) -> None:
        self.tester.mine_blocks(blocks)

    def _fees(self, account, nonce: int) -> dict:
        base = int(self.w3.eth.get_block("latest")["baseFeePerGas"])
        return {"from": account.address, "nonce": nonce, "chainId": DEMO_CHAIN_ID, "type": 2,
                "maxPriorityFeePerGas": 10**9, "maxFeePerGas": 2 * base + 10**9}

    def _send(self, account, tx: dict) -> str:
        if "gas" not in tx:
            tx["gas"] = self.w3.eth.estimate_gas(tx) * 12 // 10
        signed = account.sign_transaction(tx)
        tx_hash = self.w3.eth.send_raw_transaction(signed.raw_transaction)
        receipt = self.w3.eth.get_transaction_receipt(tx_hash)
        if receipt["status"] != 1:
            raise ExternalError("The demo chain refused a setup transaction.", code="demo_chain")
        return "0x" + bytes(tx_hash).hex().removeprefix("0x")

    @staticmethod
    def _contract_address(deployer: str, nonce: int) -> str:
        import rlp
        from eth_utils import keccak, to_bytes, to_checksum_address

        return to_checksum_address(keccak(rlp.encode([to_bytes(hexstr=deployer), nonce]))[12:])

    def close(self) -> None:
        try:
            self._kv.commit()
            self._kv.close()
        finally:
            self._lock.release()


def _persistent_backend(db, kv, balances: dict[str, int]):
    """An eth-tester PyEVMBackend whose chain lives in `db` and commits after each block."""
    from eth.db.chain import ChainDB
    from eth.exceptions import CanonicalHeadNotFound
    from eth_tester import PyEVMBackend
    from eth_tester.backends.pyevm.main import get_default_account_state, get_default_genesis_params
    from eth_utils import to_canonical_address

    class PersistentBackend(PyEVMBackend):
        def get_accounts(self):
            # eth_call's default sender: the funded foundation, not eth-tester's empty dev keys
            return tuple(to_canonical_address(a) for a in balances)

        def mine_blocks(self, num_blocks=1, coinbase=None):
            kwargs = {} if coinbase is None else {"coinbase": coinbase}
            hashes = super().mine_blocks(num_blocks, **kwargs)
            kv.commit()  # a whole block is durable, or nothing of it
            return hashes

    backend = PersistentBackend()  # builds a throwaway in-memory chain; replaced below
    chain_class = type(backend.chain)
    try:
        ChainDB(db).get_canonical_head()
        backend.chain = chain_class(db)
    except CanonicalHeadNotFound:
        state = {to_canonical_address(addr): get_default_account_state({"balance": wei})
                 for addr, wei in balances.items()}
        backend.chain = chain_class.from_genesis(db, get_default_genesis_params(), state)
        kv.commit()
    return backend


class _ProcessLock:
    """An exclusive lock on a file, held for the life of the open chain."""

    def __init__(self, path: Path):
        self._fh = open(path, "a+")  # noqa: SIM115 (held open on purpose)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(self._fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._fh.close()
            raise ExternalError("The demo chain is open in another MiL.k window or command. "
                                "Close it and try again.", code="demo_chain_busy") from None
        self._fh.seek(0)
        self._fh.truncate()
        self._fh.write(str(os.getpid()))
        self._fh.flush()

    def release(self) -> None:
        if not self._fh.closed:
            self._fh.close()  # closing the descriptor releases the lock
