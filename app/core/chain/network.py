"""Which chain the wallet talks to: the embedded demo chain, a local node, or a custom RPC.

The choice lives in the profile's settings. For a JSON-RPC network the chain id is pinned
when the network is chosen and compared with the node before every signature and before any
stored state is changed from the node's answers; the token address is given, and its decimals
are read from the contract. A network also has a human name (exchange deposit entries are
bound to it), the name of its gas coin, and optionally an explorer link for transactions.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from app.core.chain.addresses import parse_address
from app.core.errors import InputError
from app.core.settings import Settings

DEMO, LOCAL, CUSTOM = "demo", "local", "custom"
DEFAULT_CONFIRMATIONS = {DEMO: 1, LOCAL: 2, CUSTOM: 12}
# eth-tester's chain id (web3's eth-tester provider answers eth_chainId with it).
DEMO_CHAIN_ID = 131277322940537
DEMO_GAS_COIN = "demo gas"
DEFAULT_GAS_COIN = "ETH"
# Names of the networks MLK (and most exchanges' deposit pages) speak of, by chain id.
KNOWN_NETWORKS = {
    1: "Ethereum", 10: "OP Mainnet", 56: "BNB Smart Chain", 137: "Polygon PoS",
    8453: "Base", 42161: "Arbitrum One", 43114: "Avalanche C-Chain", 17000: "Holesky",
    11155111: "Sepolia", 1337: "Local development chain (1337)",
    31337: "Local development chain (31337)", DEMO_CHAIN_ID: "MiL.k demo chain",
}
MAX_NAME = 60


@dataclass(frozen=True)
class NetworkConfig:
    kind: str
    rpc_url: str | None = None
    chain_id: int | None = None
    token: str | None = None
    treasury: str | None = None  # TICA's treasury address on this network
    confirmations: int = 1
    name: str = ""  # what people call it: "Arbitrum One", "MiL.k demo chain"
    gas_coin: str = DEFAULT_GAS_COIN  # the coin that pays the network fee
    explorer: str | None = None  # a transaction link template with {tx}

    @property
    def label(self) -> str:
        return {DEMO: "demo", LOCAL: "local"}.get(self.kind, self.rpc_url or "custom")

    def tx_url(self, tx_hash: str) -> str | None:
        """The explorer's page for a transaction, when the network has an explorer."""
        return self.explorer.replace("{tx}", tx_hash) if self.explorer else None


def network_name(chain_id: int | None) -> str:
    if chain_id is None:
        return "an unknown network"
    return KNOWN_NETWORKS.get(chain_id, f"Chain {chain_id}")


def load(settings: Settings) -> NetworkConfig:
    kind = settings.get("network.kind") or DEMO
    if kind == DEMO:
        return NetworkConfig(DEMO, chain_id=DEMO_CHAIN_ID,
                             confirmations=_confirmations(settings, DEMO),
                             name=network_name(DEMO_CHAIN_ID), gas_coin=DEMO_GAS_COIN)
    chain_id = int(settings.get("network.chain_id")) if settings.get("network.chain_id") \
        else None
    return NetworkConfig(kind, settings.get("network.rpc_url") or None, chain_id,
                         settings.get("network.token") or None,
                         settings.get("network.treasury") or None,
                         _confirmations(settings, kind),
                         settings.get("network.name") or network_name(chain_id),
                         settings.get("network.gas_coin") or DEFAULT_GAS_COIN,
                         settings.get("network.explorer") or None)


def _confirmations(settings: Settings, kind: str) -> int:
    text = settings.get("network.confirmations")
    return int(text) if text else DEFAULT_CONFIRMATIONS[kind]


def use_demo(settings: Settings) -> NetworkConfig:
    settings.set("network.kind", DEMO)
    settings.set("network.confirmations", "")
    return load(settings)


def check_rpc(url: str, chain_id: int, confirmations: int | None = None,
              name: str | None = None, gas_coin: str | None = None,
              explorer: str | None = None) -> str:
    """Validate a JSON-RPC network's settings (exit 2 on any); returns the cleaned URL."""
    url = (url or "").strip()
    if not url.startswith(("http://", "https://")) or "://" == url[-3:]:
        raise InputError("An RPC URL starts with http:// or https://.", code="bad_url")
    if isinstance(chain_id, bool) or not isinstance(chain_id, int) or not 0 < chain_id < 2**63:
        raise InputError("A chain id is a positive whole number.", code="bad_chain_id")
    if confirmations is not None and not 1 <= confirmations <= 1000:
        raise InputError("Confirmations must be 1 to 1000.", code="bad_confirmations")
    if name is not None:
        clean_text(name, "network name", MAX_NAME)
    if gas_coin is not None:
        clean_text(gas_coin, "gas coin name", 20)
    if explorer is not None and explorer != "":
        if not explorer.startswith(("http://", "https://")) or "{tx}" not in explorer or \
                any(c.isspace() for c in explorer):
            raise InputError("An explorer link starts with https:// and has {tx} where the "
                             "transaction hash goes, e.g. https://arbiscan.io/tx/{tx}.",
                             code="bad_explorer")
    return url


def use_rpc(settings: Settings, url: str, chain_id: int, token: str | None = None,
            treasury: str | None = None, confirmations: int | None = None,
            name: str | None = None, gas_coin: str | None = None,
            explorer: str | None = None) -> NetworkConfig:
    url = check_rpc(url, chain_id, confirmations, name, gas_coin, explorer)
    host = url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[0].strip("[]")
    kind = LOCAL if host in ("127.0.0.1", "localhost", "::1") else CUSTOM
    token = parse_address(token, "token address") if token else ""
    treasury = parse_address(treasury, "treasury address") if treasury else ""
    settings.set("network.kind", kind)
    settings.set("network.rpc_url", url)
    settings.set("network.chain_id", chain_id)
    settings.set("network.token", token)
    settings.set("network.treasury", treasury)
    settings.set("network.confirmations", confirmations if confirmations else "")
    settings.set("network.name", clean_text(name, "network name", MAX_NAME) if name else "")
    settings.set("network.gas_coin", clean_text(gas_coin, "gas coin name", 20)
                 if gas_coin else "")
    settings.set("network.explorer", explorer or "")
    return load(settings)


def set_token(settings: Settings, token: str) -> None:
    settings.set("network.token", parse_address(token, "token address"))


def demo_dir(data_dir: Path) -> Path:
    return data_dir / "demo-chain"


# Bidirectional-text controls can make a label display as something else (U+202E turns
# "Upbit‮lanosrep" around); they and other control characters are refused in any name.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                          "\u200e\u200f\u061c")


def clean_text(text: str | None, what: str, limit: int) -> str:
    """A trimmed single-line name of 1..limit characters without control or bidi characters,
    or an InputError naming the problem (the same limits on every database)."""
    value = (text or "").strip()
    if not 1 <= len(value) <= limit:
        raise InputError(f"A {what} is 1 to {limit} characters.", code="bad_label",
                         details={"field": what, "limit": limit})
    for ch in value:
        if ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            raise InputError(f"The {what} contains a control or text-direction character "
                             f"(U+{ord(ch):04X}), which can make it display as something "
                             "else. Type it again.", code="bad_label",
                             details={"field": what, "char": f"U+{ord(ch):04X}"})
    return value
