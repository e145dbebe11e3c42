"""Talking to one EVM node about the MLK token: balances, fees, nonces, broadcast, receipts.

Works the same over the embedded demo node and any JSON-RPC node (anvil, a public RPC).
The chain id is pinned by the network settings and compared with the node's before anything
is signed (EIP-155), so a transaction can never be signed for the wrong chain.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

from app.core.errors import ExternalError, RuleError

GWEI = 10**9
DEFAULT_PRIORITY_FEE = 1 * GWEI
GAS_MARGIN_PERCENT = 20  # estimates are padded: state can change before the tx is mined
ERC20_ABI = [
    {"type": "function", "name": "balanceOf", "stateMutability": "view",
     "inputs": [{"name": "account", "type": "address"}],
     "outputs": [{"name": "", "type": "uint256"}]},
    {"type": "function", "name": "decimals", "stateMutability": "view", "inputs": [],
     "outputs": [{"name": "", "type": "uint8"}]},
    {"type": "function", "name": "symbol", "stateMutability": "view", "inputs": [],
     "outputs": [{"name": "", "type": "string"}]},
    {"type": "function", "name": "transfer", "stateMutability": "nonpayable",
     "inputs": [{"name": "to", "type": "address"}, {"name": "value", "type": "uint256"}],
     "outputs": [{"name": "", "type": "bool"}]},
    {"type": "event", "name": "Transfer", "anonymous": False,
     "inputs": [{"name": "from", "type": "address", "indexed": True},
                {"name": "to", "type": "address", "indexed": True},
                {"name": "value", "type": "uint256", "indexed": False}]},
]


@dataclass(frozen=True)
class Fees:
    """EIP-1559 fee caps, in wei per gas."""

    max_fee_per_gas: int
    max_priority_fee_per_gas: int

    def bumped(self, percent: int) -> Fees:
        """Fees for a replacement: nodes demand at least +10% on both caps."""
        return Fees(-(-self.max_fee_per_gas * (100 + percent) // 100),
                    -(-self.max_priority_fee_per_gas * (100 + percent) // 100))


@contextmanager
def node_errors(label: str):
    """Connection problems with the node become ExternalError (exit 4)."""
    from web3.exceptions import ProviderConnectionError, TimeExhausted

    try:
        yield
    except (ProviderConnectionError, ConnectionError, TimeoutError, TimeExhausted) as exc:
        raise ExternalError(f"Could not reach the {label} node: {exc}",
                            code="node_unreachable") from None
    except OSError as exc:
        raise ExternalError(f"Could not reach the {label} node: {exc}",
                            code="node_unreachable") from None


class ChainClient:
    def __init__(self, w3, chain_id: int, token_address: str, label: str):
        self.w3 = w3
        self.chain_id = chain_id
        self.token_address = token_address
        self.label = label
        self.token = w3.eth.contract(address=token_address, abi=ERC20_ABI)
        self._decimals: int | None = None

    def check_chain(self) -> None:
        with node_errors(self.label):
            node_id = self.w3.eth.chain_id
        if node_id != self.chain_id:
            raise RuleError(f"The node at {self.label} reports chain id {node_id}, but this "
                            f"network is pinned to {self.chain_id}. Nothing was signed or "
                            "changed. Check the network settings (or the node behind the URL).",
                            code="wrong_chain",
                            details={"node": node_id, "expected": self.chain_id})

    def decimals(self) -> int:
        if self._decimals is None:
            with node_errors(self.label):
                self._decimals = int(self.token.functions.decimals().call())
        return self._decimals

    def mlk_balance(self, address: str) -> int:
        with node_errors(self.label):
            return int(self.token.functions.balanceOf(address).call())

    def gas_balance(self, address: str) -> int:
        with node_errors(self.label):
            return int(self.w3.eth.get_balance(address))

    def is_contract(self, address: str) -> bool:
        with node_errors(self.label):
            return len(self.w3.eth.get_code(address)) > 0

    def fees(self) -> Fees:
        with node_errors(self.label):
            base = int(self.w3.eth.get_block("latest").get("baseFeePerGas") or 0)
            try:
                tip = int(self.w3.eth.max_priority_fee)
            except Exception:  # not every node implements eth_maxPriorityFeePerGas
                tip = DEFAULT_PRIORITY_FEE
        tip = max(tip, DEFAULT_PRIORITY_FEE // 1000)
        return Fees(max_fee_per_gas=2 * base + tip, max_priority_fee_per_gas=tip)

    def pending_nonce(self, address: str) -> int:
        with node_errors(self.label):
            return int(self.w3.eth.get_transaction_count(address, "pending"))

    def mined_nonce(self, address: str, block: int | str = "latest") -> int:
        with node_errors(self.label):
            return int(self.w3.eth.get_transaction_count(address, block))

    def estimate_transfer_gas(self, sender: str, to: str, amount: int) -> int:
        from eth_utils import ValidationError
        from web3.exceptions import ContractLogicError, Web3RPCError

        with node_errors(self.label):
            try:
                gas = self.token.functions.transfer(to, amount).estimate_gas({"from": sender})
            except ContractLogicError as exc:
                raise RuleError(f"The MLK contract would refuse this transfer ({exc}). "
                                "Nothing was sent.", code="transfer_would_fail") from None
            except (ValidationError, Web3RPCError, ValueError) as exc:
                text = str(exc).lower()
                if "afford" in text or "insufficient funds" in text:
                    raise RuleError("Not enough gas coin to pay the network fee for this "
                                    "transfer. Nothing was sent.", code="insufficient_gas",
                                    details={"asset": "gas"}) from None
                raise
        return gas * (100 + GAS_MARGIN_PERCENT) // 100

    def transfer_tx(self, sender: str, to: str, amount: int, nonce: int, gas: int,
                    fees: Fees) -> dict:
        data = self.token.encode_abi("transfer", args=[to, amount])
        return self._tx(sender, self.token_address, 0, data, nonce, gas, fees)

    def plain_tx(self, sender: str, to: str, value: int, nonce: int, fees: Fees,
                 gas: int = 21_000) -> dict:
        return self._tx(sender, to, value, "0x", nonce, gas, fees)

    def _tx(self, sender, to, value, data, nonce, gas, fees: Fees) -> dict:
        return {"type": 2, "chainId": self.chain_id, "from": sender, "to": to, "value": value,
                "data": data, "nonce": nonce, "gas": gas,
                "maxFeePerGas": fees.max_fee_per_gas,
                "maxPriorityFeePerGas": fees.max_priority_fee_per_gas}

    def broadcast(self, raw: bytes) -> str:
        """Send signed bytes; re-sending bytes the node already has (pending or mined: an
        earlier answer may have been lost) is not an error."""
        from eth_utils import keccak
        from web3.exceptions import Web3RPCError

        tx_hash = "0x" + keccak(raw).hex()
        with node_errors(self.label):
            try:
                return "0x" + bytes(self.w3.eth.send_raw_transaction(raw)).hex().removeprefix("0x")
            except (Web3RPCError, ValueError) as exc:
                text = str(exc).lower()
                if "already known" in text or "known transaction" in text or \
                        "already imported" in text or self.knows(tx_hash):
                    return tx_hash
                if "nonce too low" in text:
                    raise RuleError("The node already has a transaction with this nonce mined.",
                                    code="nonce_used") from None
                if "underpriced" in text or "fee too low" in text or \
                        "replacement" in text:
                    raise RuleError("The node refused the fee as too low to replace the pending "
                                    "transaction.", code="fee_too_low") from None
                if "insufficient funds" in text:
                    raise RuleError("Not enough gas coin to pay for this transaction.",
                                    code="insufficient_gas", details={"asset": "gas"}) from None
                raise ExternalError(f"The node refused the transaction: {exc}",
                                    code="node_refused") from None

    def receipt(self, tx_hash: str) -> dict | None:
        from web3.exceptions import TransactionNotFound

        with node_errors(self.label):
            try:
                r = self.w3.eth.get_transaction_receipt(tx_hash)
            except TransactionNotFound:
                return None
        return dict(r) if r is not None else None

    def knows(self, tx_hash: str) -> bool:
        """Whether the node has the transaction (pending or mined)."""
        from web3.exceptions import TransactionNotFound

        with node_errors(self.label):
            try:
                return self.w3.eth.get_transaction(tx_hash) is not None
            except TransactionNotFound:
                return False

    def block_number(self) -> int:
        with node_errors(self.label):
            return int(self.w3.eth.block_number)

    def transfer_logged(self, receipt: dict, sender: str, to: str, amount: int) -> bool:
        """Success needs the token's own Transfer(sender, to, amount) event in the receipt."""
        from web3.logs import DISCARD

        events = self.token.events.Transfer().process_receipt(receipt, errors=DISCARD)
        return any(e["address"].lower() == self.token_address.lower()
                   and e["args"]["from"].lower() == sender.lower()
                   and e["args"]["to"].lower() == to.lower()
                   and int(e["args"]["value"]) == amount for e in events)
