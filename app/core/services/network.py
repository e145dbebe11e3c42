"""Choosing the network, inspecting it, and deploying MLK to a development node."""
from __future__ import annotations

import os
from dataclasses import dataclass

from app.core.chain import network as net
from app.core.chain.client import ChainClient
from app.core.errors import InputError, RuleError
from app.core.keys import parse_private_key
from app.core.money import MLK_TOTAL_SUPPLY, TICA_POOL_MLK
from app.core.services.chain_access import ChainAccess, _http_web3
from app.core.services.context import Context

DEPLOYER_KEY_ENV = "MILK_DEPLOYER_PRIVATE_KEY"


@dataclass(frozen=True)
class NetworkInfo:
    config: net.NetworkConfig
    chain_id: int
    block: int
    token: str
    decimals: int
    treasury: str | None


class NetworkService:
    def __init__(self, ctx: Context, chain: ChainAccess):
        self.ctx, self.chain = ctx, chain

    def show(self) -> NetworkInfo:
        client = self.chain.client()
        client.check_chain()
        try:
            treasury = self.chain.treasury_address()
        except RuleError:
            treasury = None
        return NetworkInfo(self.chain.config, client.chain_id, client.block_number(),
                           client.token_address, client.decimals(), treasury)

    def use_demo(self) -> NetworkInfo:
        net.use_demo(self.ctx.settings)
        self.chain.reset()
        return self.show()

    def use_rpc(self, url: str, chain_id: int, token: str | None = None,
                treasury: str | None = None, confirmations: int | None = None,
                name: str | None = None, gas_coin: str | None = None,
                explorer: str | None = None) -> NetworkInfo:
        """Pin a JSON-RPC network. The node must answer with the same chain id, and a given
        token must be an 18-decimal contract; otherwise nothing is saved. `name` (default
        from the chain id, e.g. "Arbitrum One"), `gas_coin` (default ETH) and `explorer`
        (a transaction link with {tx}) describe it to the user."""
        url = net.check_rpc(url, chain_id, confirmations, name, gas_coin, explorer)
        probe_cfg = net.NetworkConfig(net.CUSTOM, url, chain_id, token)
        w3 = _http_web3(url)
        if token:
            from app.core.chain.addresses import parse_address

            probe = ChainClient(w3, chain_id, parse_address(token, "token address"), url)
            probe.check_chain()
            if not probe.is_contract(probe.token_address):
                raise RuleError("There is no contract at that token address on this network.",
                                code="no_token")
            if probe.decimals() != 18:
                raise RuleError(f"That token has {probe.decimals()} decimals; MLK has 18.",
                                code="bad_token")
        else:
            ChainClient(w3, chain_id, "0x" + "0" * 40, probe_cfg.label).check_chain()
        net.use_rpc(self.ctx.settings, url, chain_id, token, treasury, confirmations, name,
                    gas_coin, explorer)
        self.chain.reset()
        return self.show() if token else NetworkInfo(self.chain.config, chain_id, 0, "", 18,
                                                     treasury)

    def deploy_token(self) -> NetworkInfo:
        """Deploy MLK to the current development network: the whole supply to the deployer,
        then TICA's 28% to the treasury when one is configured."""
        cfg = self.chain.config
        if cfg.kind == net.DEMO:
            raise RuleError("The demo chain already has MLK deployed.", code="demo_has_token")
        key = os.environ.get(DEPLOYER_KEY_ENV)
        if not key:
            raise InputError(f"Set {DEPLOYER_KEY_ENV} to the private key of a funded account on "
                             "the development node.", code="no_deployer")
        from eth_account import Account

        from app.core.chain.contract import load_artifact

        deployer = Account.from_key(parse_private_key(key))
        w3 = _http_web3(cfg.rpc_url)
        ChainClient(w3, cfg.chain_id, "0x" + "0" * 40, cfg.label).check_chain()
        artifact = load_artifact()
        factory = w3.eth.contract(abi=artifact.abi, bytecode=artifact.bytecode)
        tx = factory.constructor(deployer.address, MLK_TOTAL_SUPPLY).build_transaction(
            {"from": deployer.address, "chainId": cfg.chain_id,
             "nonce": w3.eth.get_transaction_count(deployer.address, "pending")})
        receipt = _send(w3, deployer, tx)
        token = receipt["contractAddress"]
        if cfg.treasury:
            mlk = w3.eth.contract(address=token, abi=artifact.abi)
            move = mlk.functions.transfer(cfg.treasury, TICA_POOL_MLK).build_transaction(
                {"from": deployer.address, "chainId": cfg.chain_id,
                 "nonce": w3.eth.get_transaction_count(deployer.address, "pending")})
            _send(w3, deployer, move)
        net.set_token(self.ctx.settings, token)
        self.chain.reset()
        return self.show()


def _send(w3, account, tx: dict) -> dict:
    signed = account.sign_transaction(tx)
    tx_hash = w3.eth.send_raw_transaction(signed.raw_transaction)
    receipt = w3.eth.wait_for_transaction_receipt(tx_hash, timeout=60)
    if receipt["status"] != 1:
        raise RuleError("The deployment transaction failed.", code="deploy_failed")
    return receipt
