"""Opening the configured network on first use (web3 and py-evm load only then)."""
from __future__ import annotations

import os

from app.core.chain import network as net
from app.core.chain.client import ChainClient
from app.core.chain.tracker import TxTracker
from app.core.errors import ExternalError, RuleError
from app.core.services.context import Context

TREASURY_KEY_ENV = "MILK_TREASURY_PRIVATE_KEY"


class ChainAccess:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._node = None
        self._client: ChainClient | None = None
        self._tracker: TxTracker | None = None

    @property
    def config(self) -> net.NetworkConfig:
        return net.load(self.ctx.settings)

    def client(self) -> ChainClient:
        if self._client is None:
            cfg = self.config
            if cfg.kind == net.DEMO:
                from app.core.chain.demo_node import DemoNode

                self._node = DemoNode(net.demo_dir(self.ctx.data_dir))
                self._client = ChainClient(self._node.w3, self._node.chain_id,
                                           self._node.token_address, "demo")
            else:
                if not cfg.token:
                    raise RuleError("This network has no MLK token address yet. Set one with "
                                    "`milk network use URL --chain-id N --token ADDR` or deploy "
                                    "with `milk network deploy-token`.", code="no_token")
                self._client = ChainClient(_http_web3(cfg.rpc_url), cfg.chain_id, cfg.token,
                                           cfg.label)
        return self._client

    def tracker(self) -> TxTracker:
        if self._tracker is None:
            self._tracker = TxTracker(self.ctx.db, self.client(), self.ctx.clock,
                                      self.config.confirmations)
        return self._tracker

    @property
    def demo_node(self):
        self.client()
        return self._node

    def treasury_address(self) -> str:
        if self.config.kind == net.DEMO:
            return self.demo_node.treasury.address
        if self.config.treasury:
            return self.config.treasury
        return self.treasury_signer().address

    def treasury_signer(self):
        """TICA's treasury key: the demo key on the demo chain; on a dev node, an operator
        key from the environment (never stored by the app)."""
        from eth_account import Account

        from app.core.keys import Signer

        if self.config.kind == net.DEMO:
            return Signer(self.demo_node.treasury)
        key = os.environ.get(TREASURY_KEY_ENV)
        if not key:
            raise RuleError(f"This network has no TICA treasury key available, so in-app MLK "
                            f"cannot be withdrawn here. An operator sets {TREASURY_KEY_ENV}.",
                            code="no_treasury")
        from app.core.keys import parse_private_key

        signer = Signer(Account.from_key(parse_private_key(key)))
        if self.config.treasury and signer.address.lower() != self.config.treasury.lower():
            raise ExternalError("The treasury key does not match this network's treasury "
                                "address.", code="treasury_mismatch")
        return signer

    def reset(self) -> None:
        """Forget the connection (after the network settings changed)."""
        self.close()
        self._client = None
        self._tracker = None

    def close(self) -> None:
        if self._node is not None:
            self._node.close()
            self._node = None


def _http_web3(url: str):
    # Reads are retried briefly (a node restarting); sending never is (web3's allowlist).
    import requests
    from web3 import HTTPProvider, Web3
    from web3.providers.rpc.utils import ExceptionRetryConfiguration

    retry = ExceptionRetryConfiguration(errors=(ConnectionError, requests.ConnectionError),
                                        retries=2, backoff_factor=0.1)
    return Web3(HTTPProvider(url, request_kwargs={"timeout": 15},
                             exception_retry_configuration=retry))
