"""Sending on-chain MLK from the user's key: every check before signing, then tracking.

`prepare` does all the checks that need no password and returns a plan with the fees, the
KRW value and the warnings the user must acknowledge. `send` signs the plan, stores the raw
transaction, then broadcasts it. Refusals change nothing and sign nothing.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.core.chain.addresses import ZERO_ADDRESS, looks_like, parse_address, same_address
from app.core.chain.client import Fees
from app.core.chain.records import CONFIRMED, OPEN_STATES, ChainTx
from app.core.chain.tracker import TxView
from app.core.errors import InputError, MilkError, RuleError
from app.core.keys import Secret
from app.core.money import MLK_UNIT, format_mlk, parse_mlk
from app.core.services.wallet import WalletService

REPLACEMENT_BUMP_PERCENT = 15  # nodes require >= 10% more on both fee caps
WEI = 10**18


@dataclass(frozen=True)
class Warning:
    code: str  # token_contract | contract | lookalike | first_time | self
    message: str


@dataclass(frozen=True)
class SendPlan:
    sender: str
    recipient: str
    amount: int
    label: str | None  # the address book's name for the recipient
    exchange: str | None  # set when the recipient is an exchange deposit address
    gas_limit: int
    fees: Fees
    mlk_balance: int
    gas_balance: int
    krw_estimate: Decimal | None
    warnings: tuple[Warning, ...]
    chain_id: int

    @property
    def max_gas_cost(self) -> int:
        return self.gas_limit * self.fees.max_fee_per_gas


class SendService:
    def __init__(self, wallet: WalletService):
        self.wallet = wallet
        self.ctx = wallet.ctx
        self.chain = wallet.chain

    def resolve(self, destination: str) -> str:
        """An address, or the label of an address book entry."""
        text = destination or ""
        if text.strip() and not text.lstrip().lower().startswith("0x"):
            matches = [c for c in self.wallet.book.entries()
                       if c.label.casefold() == text.strip().casefold()]
            if len(matches) == 1:
                return matches[0].address
            if len(matches) > 1:
                raise InputError(f"Several address book entries are called '{text.strip()}'.",
                                 code="ambiguous_label")
        return parse_address(text, "recipient address")

    def prepare(self, destination: str, amount: str | int, sender: str | None = None,
                check_warnings: bool = True) -> SendPlan:
        sender = sender or self.wallet.require_signing()
        recipient = self.resolve(destination)
        units = amount if isinstance(amount, int) else parse_mlk(amount)
        client = self.chain.client()
        client.check_chain()
        if same_address(recipient, ZERO_ADDRESS):
            raise RuleError("That is the zero address: MLK sent there is destroyed, and the MLK "
                            "contract refuses it. Nothing was sent.", code="zero_address")
        balance = client.mlk_balance(sender)
        if units > balance:
            raise RuleError(f"Not enough MLK in your wallet: it holds {format_mlk(balance)}, "
                            f"this sends {format_mlk(units)}.", code="insufficient_mlk",
                            details={"available": balance, "needed": units})
        gas = client.estimate_transfer_gas(sender, recipient, units)
        fees = client.fees()
        gas_balance = client.gas_balance(sender)
        if gas * fees.max_fee_per_gas > gas_balance:
            raise RuleError(f"Not enough gas coin to pay the network fee: up to "
                            f"{_eth(gas * fees.max_fee_per_gas)} is needed, the wallet holds "
                            f"{_eth(gas_balance)}.", code="insufficient_gas",
                            details={"available": gas_balance,
                                     "needed": gas * fees.max_fee_per_gas})
        contact = self.wallet.book.lookup(recipient)
        warnings = self._warnings(sender, recipient, client) if check_warnings else ()
        return SendPlan(sender, recipient, units, contact.label if contact else None,
                        (contact.exchange or contact.label) if contact and
                        contact.kind == "exchange" else None,
                        gas, fees, balance, gas_balance, self.krw_value(units), tuple(warnings),
                        client.chain_id)

    def _warnings(self, sender: str, recipient: str, client) -> list[Warning]:
        out = []
        if same_address(recipient, client.token_address):
            out.append(Warning("token_contract", "This is the MLK token contract itself. MLK "
                               "sent to it can never be recovered."))
        elif client.is_contract(recipient):
            out.append(Warning("contract", "This address is a smart contract, not a personal "
                               "wallet. Make sure it can receive and return MLK."))
        if same_address(recipient, sender):
            out.append(Warning("self", "This is your own wallet address."))
        known = self._known_addresses(sender)
        twin = next((k for k in known if looks_like(recipient, k)), None)
        if twin:
            out.append(Warning("lookalike", f"This address looks like {twin}, which you have "
                               "used before, but it is a different address. Scammers plant such "
                               "look-alikes in your history. Compare every character."))
        if not any(same_address(recipient, k) for k in self._previous_recipients(sender)):
            out.append(Warning("first_time", "You have never sent to this address before. "
                               "Consider a small test amount first."))
        return out

    def _known_addresses(self, sender: str) -> list[str]:
        book = [c.address for c in self.wallet.book.entries()]
        return list({a.lower(): a for a in book + self._previous_recipients(sender) +
                     [sender]}.values())

    def _previous_recipients(self, sender: str) -> list[str]:
        with self.ctx.db.read() as s:
            return list(s.execute(select(ChainTx.recipient).where(
                ChainTx.sender == sender, ChainTx.status == CONFIRMED,
                ChainTx.kind.in_(("send", "deposit")))).scalars().unique())

    def krw_value(self, units: int) -> Decimal | None:
        """What `units` MLK are worth at the current price (None without a fresh price)."""
        try:
            price = self.ctx.prices.current()
        except MilkError:
            return None
        return (Decimal(units) * price.krw_per_mlk / MLK_UNIT).quantize(Decimal(1))

    # -- signing and sending ----------------------------------------------------------------
    def send(self, plan: SendPlan, password: Secret | str,
             acknowledged: set[str] | frozenset[str] = frozenset(), kind: str = "send",
             ledger_key: str | None = None) -> TxView:
        missing = [w for w in plan.warnings if w.code not in acknowledged]
        if missing:
            raise RuleError("Confirm the warnings before sending: " +
                            " ".join(w.message for w in missing), code="needs_confirmation",
                            details={"warnings": [w.code for w in missing]})
        signer = self.wallet.unlock(password)
        client = self.chain.client()
        client.check_chain()  # pinned chain id, compared again right before signing
        tx = client.transfer_tx(plan.sender, plan.recipient, plan.amount,
                                self._next_nonce(plan.sender), plan.gas_limit, plan.fees)
        signed = signer.sign_transaction(tx)
        tracker = self.chain.tracker()
        tx_id = tracker.record(kind, tx, signed, plan.recipient, plan.amount,
                               ledger_key=ledger_key,
                               krw_estimate=str(plan.krw_estimate) if plan.krw_estimate
                               else None, note=plan.label)
        view = tracker.broadcast(tx_id)
        self.wallet.book.touch(plan.recipient)
        return view

    def _next_nonce(self, sender: str) -> int:
        node = self.chain.client().pending_nonce(sender)
        with self.ctx.db.read() as s:
            tracked = s.execute(select(ChainTx.nonce).where(
                ChainTx.sender == sender, ChainTx.chain_id == self.chain.client().chain_id,
                ChainTx.status.in_(OPEN_STATES))).scalars().all()
        return max([node] + [n + 1 for n in tracked])

    def speed_up(self, tx_id: int, password: Secret | str) -> TxView:
        """Re-send the same transfer with the same nonce and higher fees."""
        original = self._replaceable(tx_id)
        client = self.chain.client()
        fees = self._replacement_fees(original)
        signer = self.wallet.unlock(password)
        if original.kind == "cancel":
            tx = client.plain_tx(original.sender, original.sender, 0, original.nonce, fees)
        else:
            tx = client.transfer_tx(original.sender, original.recipient, original.amount,
                                    original.nonce, self._gas_limit(tx_id), fees)
        return self._replace(original, tx, signer.sign_transaction(tx), original.kind,
                             original.recipient, original.amount, "speed-up")

    def cancel(self, tx_id: int, password: Secret | str) -> TxView:
        """Take the nonce back: a zero-value transfer to yourself with higher fees."""
        original = self._replaceable(tx_id)
        client = self.chain.client()
        fees = self._replacement_fees(original)
        signer = self.wallet.unlock(password)
        tx = client.plain_tx(original.sender, original.sender, 0, original.nonce, fees)
        return self._replace(original, tx, signer.sign_transaction(tx), "cancel",
                             original.sender, 0, f"cancels transaction #{original.id}")

    def _replaceable(self, tx_id: int) -> TxView:
        tracker = self.chain.tracker()
        tracker.refresh(tx_id)
        tx = tracker.get(tx_id)
        if tx is None:
            raise InputError(f"There is no transaction #{tx_id}.", code="unknown_tx")
        if not same_address(tx.sender, self.wallet.require_signing()):
            raise RuleError("Only transactions sent from your wallet can be sped up or "
                            "cancelled.", code="not_yours")
        if not tx.is_open:
            raise RuleError(f"Transaction #{tx_id} is already {tx.status}; only pending "
                            "transactions can be sped up or cancelled.", code="not_pending")
        return tx

    def _replacement_fees(self, tx: TxView) -> Fees:
        old = self.chain.tracker().fees_of(tx.id).bumped(REPLACEMENT_BUMP_PERCENT)
        now = self.chain.client().fees()
        return Fees(max(old.max_fee_per_gas, now.max_fee_per_gas),
                    max(old.max_priority_fee_per_gas, now.max_priority_fee_per_gas))

    def _gas_limit(self, tx_id: int) -> int:
        with self.ctx.db.read() as s:
            return s.get(ChainTx, tx_id).gas_limit

    def _replace(self, original: TxView, tx: dict, signed, kind, recipient, amount,
                 note) -> TxView:
        tracker = self.chain.tracker()
        gas_cost = tx["gas"] * tx["maxFeePerGas"]
        if gas_cost > self.chain.client().gas_balance(original.sender):
            raise RuleError("Not enough gas coin to pay the higher fee.", code="insufficient_gas")
        tx_id = tracker.record(kind, tx, signed, recipient, amount, ledger_key=original.ledger_key,
                               replaces_id=original.id, note=note)
        return tracker.broadcast(tx_id)

    def wait(self, tx_id: int, timeout: float = 60.0, confirmations: int = 1) -> TxView:
        """Poll until the transaction is final (and confirmed deep enough) or time runs out."""
        tracker = self.chain.tracker()
        deadline = time.monotonic() + timeout
        while True:
            tracker.refresh(tx_id)
            tx = tracker.get(tx_id)
            done = not tx.is_open and (tx.status != CONFIRMED or
                                       tx.confirmations >= confirmations)
            if done or time.monotonic() >= deadline:
                return tx
            time.sleep(0.5)


def _eth(wei: int) -> str:
    return f"{Decimal(wei) / WEI:.6f} gas coin"
