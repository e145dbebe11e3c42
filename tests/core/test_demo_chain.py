"""The embedded demo chain: deployed MLK, treasury share, persistence, crash safety, lock."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from app.core.chain.client import ChainClient
from app.core.chain.contract import load_artifact
from app.core.chain.demo_node import DEMO_USER_MLK, DemoNode
from app.core.errors import ExternalError
from app.core.money import MLK_TOTAL_SUPPLY, MLK_UNIT, TICA_POOL_MLK

PROBE = textwrap.dedent("""
    import json, sys
    from app.core.chain.demo_node import DEMO_USER_MLK, DemoNode
    node = DemoNode(sys.argv[1])
    w3, token = node.w3, node.w3.eth.contract(address=node.token_address,
                                               abi=__import__("app.core.chain.contract",
                                               fromlist=["x"]).load_artifact().abi)
    out = {"block": w3.eth.block_number,
           "treasury_mlk": str(token.functions.balanceOf(node.treasury.address).call()),
           "exchange_mlk": str(token.functions.balanceOf(node.exchange_address).call()),
           "treasury_nonce": w3.eth.get_transaction_count(node.treasury.address)}
    if len(sys.argv) > 2:
        out["receipt_status"] = w3.eth.get_transaction_receipt(sys.argv[2])["status"]
    node.close()
    print(json.dumps(out))
""")


def probe(directory, tx_hash=None) -> dict:
    args = [sys.executable, "-c", PROBE, str(directory)] + ([tx_hash] if tx_hash else [])
    return json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


def transfer(node, to, units) -> str:
    client = ChainClient(node.w3, node.chain_id, node.token_address, "demo")
    tx = client.transfer_tx(node.treasury.address, to, units,
                            client.pending_nonce(node.treasury.address), 100_000, client.fees())
    signed = node.treasury.sign_transaction({k: v for k, v in tx.items() if k != "from"})
    return client.broadcast(signed.raw_transaction)


@pytest.fixture
def node(tmp_path):
    n = DemoNode(tmp_path / "chain")
    yield n
    n.close()


def test_first_open_deploys_mlk_with_the_treasury_share(node):
    client = ChainClient(node.w3, node.chain_id, node.token_address, "demo")
    assert client.decimals() == 18
    assert client.mlk_balance(node.treasury.address) == TICA_POOL_MLK
    assert TICA_POOL_MLK * 100 // MLK_TOTAL_SUPPLY == 28
    assert client.mlk_balance(node.foundation.address) == \
        MLK_TOTAL_SUPPLY - TICA_POOL_MLK - DEMO_USER_MLK
    assert client.mlk_balance(node.demo_user_address) == DEMO_USER_MLK  # demos can watch it
    code = node.w3.eth.get_code(node.token_address)
    assert "0x" + bytes(code).hex() == load_artifact().deployed_bytecode


def test_state_survives_a_restart_in_another_process(node, tmp_path):
    tx_hash = transfer(node, node.exchange_address, 5 * MLK_UNIT)
    block = node.w3.eth.block_number
    node.close()
    after = probe(tmp_path / "chain", tx_hash)
    assert after["block"] == block
    assert int(after["exchange_mlk"]) == 5 * MLK_UNIT
    assert int(after["treasury_mlk"]) == TICA_POOL_MLK - 5 * MLK_UNIT
    assert after["treasury_nonce"] == 1 and after["receipt_status"] == 1


def test_demo_gas_for_new_wallets(node):
    fresh = "0x000000000000000000000000000000000000bEEF"
    node.fund_gas(fresh)
    assert node.w3.eth.get_balance(fresh) == 10**18


def test_a_crash_while_mining_loses_only_that_block(node, tmp_path):
    transfer(node, node.exchange_address, 1 * MLK_UNIT)
    node.close()
    crash = textwrap.dedent("""
        import os, sys
        from app.core.chain import demo_store
        from app.core.chain.demo_node import DEMO_USER_MLK, DemoNode
        from tests.core.test_demo_chain import transfer
        node = DemoNode(sys.argv[1])
        demo_store.SqliteKV.commit = lambda self: os._exit(9)  # die before the block is saved
        transfer(node, node.exchange_address, 2 * 10**18)
    """)
    died = subprocess.run([sys.executable, "-c", crash, str(tmp_path / "chain")],
                          capture_output=True, text=True)
    assert died.returncode == 9, died.stderr
    after = probe(tmp_path / "chain")
    assert int(after["exchange_mlk"]) == 1 * MLK_UNIT  # the lost block left a whole chain
    reopened = DemoNode(tmp_path / "chain")  # and it keeps working
    try:
        transfer(reopened, reopened.exchange_address, 2 * MLK_UNIT)
    finally:
        reopened.close()
    assert int(probe(tmp_path / "chain")["exchange_mlk"]) == 3 * MLK_UNIT


def test_a_second_process_is_told_the_chain_is_busy(node, tmp_path):
    code = ("import sys\nfrom app.core.chain.demo_node import DEMO_USER_MLK, DemoNode\n"
            "from app.core.errors import ExternalError\n"
            "try:\n    DemoNode(sys.argv[1])\nexcept ExternalError as e:\n    print(e.code)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "chain")],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "demo_chain_busy"


def test_busy_in_the_same_process_too(node, tmp_path):
    with pytest.raises(ExternalError):
        DemoNode(tmp_path / "chain")
