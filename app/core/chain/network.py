"""Which chain the wallet talks to: the embedded demo chain, a local node, or a custom RPC.

The choice lives in the profile's settings. For a JSON-RPC network the chain id is pinned
when the network is chosen and compared with the node before every signature; the token
address is given, and its decimals are read from the contract.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.chain.addresses import parse_address
from app.core.errors import InputError
from app.core.settings import Settings

DEMO, LOCAL, CUSTOM = "demo", "local", "custom"
DEFAULT_CONFIRMATIONS = {DEMO: 1, LOCAL: 2, CUSTOM: 12}


@dataclass(frozen=True)
class NetworkConfig:
    kind: str
    rpc_url: str | None = None
    chain_id: int | None = None
    token: str | None = None
    treasury: str | None = None  # TICA's treasury address on this network
    confirmations: int = 1

    @property
    def label(self) -> str:
        return {DEMO: "demo", LOCAL: "local"}.get(self.kind, self.rpc_url or "custom")


def load(settings: Settings) -> NetworkConfig:
    kind = settings.get("network.kind") or DEMO
    if kind == DEMO:
        return NetworkConfig(DEMO, confirmations=_confirmations(settings, DEMO))
    return NetworkConfig(kind, settings.get("network.rpc_url") or None,
                         int(settings.get("network.chain_id")) if settings.get(
                             "network.chain_id") else None,
                         settings.get("network.token") or None,
                         settings.get("network.treasury") or None,
                         _confirmations(settings, kind))


def _confirmations(settings: Settings, kind: str) -> int:
    text = settings.get("network.confirmations")
    return int(text) if text else DEFAULT_CONFIRMATIONS[kind]


def use_demo(settings: Settings) -> NetworkConfig:
    settings.set("network.kind", DEMO)
    settings.set("network.confirmations", "")
    return load(settings)


def use_rpc(settings: Settings, url: str, chain_id: int, token: str | None = None,
            treasury: str | None = None, confirmations: int | None = None) -> NetworkConfig:
    url = (url or "").strip()
    if not url.startswith(("http://", "https://")):
        raise InputError("An RPC URL starts with http:// or https://.", code="bad_url")
    if isinstance(chain_id, bool) or not isinstance(chain_id, int) or not 0 < chain_id < 2**63:
        raise InputError("A chain id is a positive whole number.", code="bad_chain_id")
    if confirmations is not None and not 1 <= confirmations <= 1000:
        raise InputError("Confirmations must be 1 to 1000.", code="bad_confirmations")
    host = url.split("://", 1)[1].split("/", 1)[0].rsplit(":", 1)[0].strip("[]")
    kind = LOCAL if host in ("127.0.0.1", "localhost", "::1") else CUSTOM
    settings.set("network.kind", kind)
    settings.set("network.rpc_url", url)
    settings.set("network.chain_id", chain_id)
    settings.set("network.token", parse_address(token, "token address") if token else "")
    settings.set("network.treasury", parse_address(treasury, "treasury address")
                 if treasury else "")
    settings.set("network.confirmations", confirmations if confirmations else "")
    return load(settings)


def set_token(settings: Settings, token: str) -> None:
    settings.set("network.token", parse_address(token, "token address"))


def demo_dir(data_dir: Path) -> Path:
    return data_dir / "demo-chain"
