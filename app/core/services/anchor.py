"""A public anchor: the ledger's head hash on the main chain.

`anchor()` has TICA's treasury (the demo key on the demo chain, the operator's key
elsewhere) call a tiny anchor contract that only emits
`LOG3(topic0 = ANCHOR_TOPIC, topic1 = caller, topic2 = profile tag, data = tag‖seq‖hash)`.
Anyone can then find a profile's anchors with one `eth_getLogs` (contract, treasury, tag)
on any node, and check that each is a prefix of the local chain: the public counterpart of
the signed checkpoint, which nobody holding the files can take back. The contract is
deployed by the treasury on first use and its address kept per chain; it is 48 bytes of
hand-written EVM code (see `_runtime`), so there is nothing to compile.

It runs automatically after each withdrawal and deposit when `anchor.auto` is on (the
default on the demo chain): BridgeService calls `anchor_after(kind)`, which never fails the
operation it follows.
"""
from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import asdict, dataclass

from sqlalchemy import select

from app.core.chain import network as net
from app.core.errors import ExternalError, MilkError, RuleError
from app.core.ledger import checkpoint
from app.core.ledger.notary import PROFILE_SETTING
from app.core.ledger.schema import ChainHead, JournalEntry, Setting
from app.core.services.chain_access import ChainAccess
from app.core.services.context import Context

log = logging.getLogger(__name__)

EVENT = b"MiLkLedgerAnchor(bytes32,uint256,bytes32)"
RECEIPT_WAIT_SECONDS = 60
GAS_MARGIN = 12  # tenths: estimates padded by 20%


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    chain_id: int
    contract: str
    tx_hash: str
    block: int | None


class AnchorService:
    def __init__(self, ctx: Context, chain: ChainAccess):
        self.ctx = ctx
        self.chain = chain

    # -- settings -------------------------------------------------------------------------------
    @property
    def auto(self) -> bool:
        """Anchor after each withdrawal and deposit (default: on the demo chain only)."""
        value = self.ctx.settings.get("anchor.auto")
        return value == "1" if value else self.chain.config.kind == net.DEMO

    def set_auto(self, on: bool) -> None:
        self.ctx.settings.set("anchor.auto", on)

    def last(self) -> Anchor | None:
        """The last anchor this profile wrote (for Settings: its entry and block)."""
        text = self.ctx.settings.get("anchor.last")
        return Anchor(**json.loads(text)) if text else None

    # -- anchoring ------------------------------------------------------------------------------
    def anchor(self) -> Anchor:
        """Write the current head hash to the main chain and wait for its block."""
        seq, digest, profile = self._head()
        client = self.chain.client()
        client.check_chain()
        treasury = self.chain.treasury_signer()
        contract = self._contract(client, treasury)
        data = _tag(profile) + seq.to_bytes(32, "big") + bytes.fromhex(digest)
        receipt, tx_hash = self._send(client, treasury, {"to": contract, "data": data})
        anchor = Anchor(seq, digest, client.chain_id, contract, tx_hash,
                        int(receipt["blockNumber"]))
        self.ctx.settings.set("anchor.last", json.dumps(asdict(anchor)))
        return anchor

    def anchor_after(self, kind: str) -> Anchor | None:
        """The hook after a withdrawal or a deposit: anchors when `auto` is on; a failure is
        logged, never raised (the money has already moved)."""
        try:
            return self.anchor() if self.auto else None
        except MilkError as exc:
            log.warning("could not anchor the ledger after a %s: %s", kind, exc.message)
            return None

    def _head(self) -> tuple[int, str, str]:
        """The head to publish: only one the signed checkpoint allows."""
        notary = self.ctx.db.notary
        with self.ctx.db.read() as s:
            head = s.get(ChainHead, 1)
            profile = s.get(Setting, PROFILE_SETTING)
            if head.seq == 0 or profile is None:
                raise RuleError("The ledger has no entries to anchor yet.",
                                code="nothing_to_anchor")
            found = notary.assess(s, checkpoint.read(notary.path), head.seq, head.hash)
        if found.problems:
            raise ExternalError(f"The ledger does not match its checkpoint "
                                f"({found.problems[0][1]}); nothing was anchored.",
                                code="ledger_rolled_back")
        return head.seq, head.hash, profile.value

    def _contract(self, client, treasury) -> str:
        """This chain's anchor contract, deployed by the treasury the first time."""
        key = f"anchor.contract.{client.chain_id}"
        address = self.ctx.settings.get(key)
        if address and bytes(client.w3.eth.get_code(address)) == _runtime():
            return address
        receipt, _tx = self._send(client, treasury, {"data": _init_code()})
        address = receipt["contractAddress"]
        self.ctx.settings.set(key, address)
        return address

    def _send(self, client, signer, call: dict):
        """Sign, broadcast and wait for one treasury transaction; (receipt, hash)."""
        fees = client.fees()
        tx = {"type": 2, "chainId": client.chain_id, "from": signer.address, "value": 0,
              "nonce": self._nonce(client, signer.address),
              "maxFeePerGas": fees.max_fee_per_gas,
              "maxPriorityFeePerGas": fees.max_priority_fee_per_gas, **call}
        tx["gas"] = client.w3.eth.estimate_gas(tx) * GAS_MARGIN // 10
        signed = signer.sign_transaction(tx)
        client.broadcast(signed.raw)
        deadline = time.monotonic() + RECEIPT_WAIT_SECONDS
        while (receipt := client.receipt(signed.tx_hash)) is None:
            if time.monotonic() > deadline:
                raise ExternalError(f"The anchor transaction {signed.tx_hash} was not mined "
                                    f"within {RECEIPT_WAIT_SECONDS} s.", code="anchor_pending")
            time.sleep(0.5)
        if receipt.get("status") != 1:
            raise ExternalError(f"The chain refused the anchor transaction {signed.tx_hash}.",
                                code="anchor_failed")
        return receipt, signed.tx_hash

    def _nonce(self, client, address: str) -> int:
        """Past the node's pending nonce and every open transaction this profile signed for
        the treasury (a stored withdrawal not yet broadcast keeps its nonce)."""
        taken = [t.nonce + 1 for t in self.chain.tracker().open()
                 if t.sender.lower() == address.lower() and t.chain_id == client.chain_id]
        return max([client.pending_nonce(address), *taken])

    # -- checking -------------------------------------------------------------------------------
    def verify(self, report) -> list[Anchor]:
        """Find this profile's anchors on chain; each must be a prefix of the local chain.
        Problems go into `report` (a verify report)."""
        with self.ctx.db.read() as s:
            profile = s.get(Setting, PROFILE_SETTING)
        client = self.chain.client()
        contract = self.ctx.settings.get(f"anchor.contract.{client.chain_id}")
        last = self.last()
        if profile is None or not contract:
            if last is not None and last.chain_id == client.chain_id:
                report.add(None, f"this profile anchored entry #{last.seq} on chain, but its "
                                 "anchor contract is no longer recorded")
            return []
        if bytes(client.w3.eth.get_code(contract)) != _runtime():
            report.add(None, f"the contract at {contract} is not MiL.k's anchor contract")
            return []
        treasury = self.chain.treasury_address()
        logs = client.w3.eth.get_logs({
            "address": contract, "fromBlock": 0, "toBlock": "latest",
            "topics": [_topic(), "0x" + bytes(12).hex() + treasury[2:].lower(),
                       "0x" + _tag(profile.value).hex()]})
        anchors = []
        with self.ctx.db.read() as s:
            for entry in logs:
                data = bytes(entry["data"])
                seq, digest = int.from_bytes(data[32:64], "big"), data[64:96].hex()
                anchor = Anchor(seq, digest, client.chain_id, contract,
                                "0x" + bytes(entry["transactionHash"]).hex().removeprefix("0x"),
                                int(entry["blockNumber"]))
                anchors.append(anchor)
                local = s.execute(select(JournalEntry.hash).where(
                    JournalEntry.seq == seq)).scalar()
                if local is None:
                    report.add(seq, f"the chain holds an anchor of entry #{seq:,} (block "
                                    f"{anchor.block}), which the ledger no longer has")
                elif local != digest:
                    report.add(seq, f"entry #{seq:,} is not the one anchored on chain in block "
                                    f"{anchor.block}: the history was re-written")
        if last is not None and last.chain_id == client.chain_id and \
                last.tx_hash.lower() not in {a.tx_hash.lower() for a in anchors}:
            report.add(None, f"the last anchor recorded here (#{last.seq}, {last.tx_hash}) is "
                             "not on chain")
        return anchors


def _tag(profile: str) -> bytes:
    """A profile's public name on chain: a hash of its id."""
    return hashlib.sha256(b"MiL.k ledger anchor\n" + profile.encode("utf-8")).digest()


def _topic() -> str:
    from eth_utils import keccak

    return "0x" + keccak(EVENT).hex()


def _runtime() -> bytes:
    """The anchor contract's whole code (48 bytes):
        CALLDATACOPY(0, 0, CALLDATASIZE)        36 6000 6000 37
        topic2 = CALLDATALOAD(0)  (the tag)     6000 35
        topic1 = CALLER                         33
        topic0 = keccak(EVENT)                  7f <32 bytes>
        LOG3(0, CALLDATASIZE, ...); STOP        36 6000 a3 00"""
    topic = bytes.fromhex(_topic()[2:])
    return bytes.fromhex("366000600037600035337f") + topic + bytes.fromhex("366000a300")


def _init_code() -> bytes:
    """Constructor: CODECOPY(0, 12, len) then RETURN(0, len) — returns `_runtime()`."""
    runtime = _runtime()
    n = len(runtime)
    return bytes([0x60, n, 0x60, 12, 0x60, 0x00, 0x39, 0x60, n, 0x60, 0x00, 0xF3]) + runtime
