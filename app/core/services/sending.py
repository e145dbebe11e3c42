"""Sending on-chain MLK from the user's key: every check before signing, then tracking.

`prepare` does all the checks that need no password and returns a plan with the fees, the
KRW value and the warnings the user must acknowledge. `send` signs the plan, stores the raw
transaction, then broadcasts it. Refusals change nothing and sign nothing.

Refused: the zero address, and an exchange deposit entry saved for another network (MLK on
the wrong chain is what exchanges most often cannot recover). Warnings to acknowledge: the
token contract, any contract, a look-alike of an address the user has paid or saved (both
addresses and the differing characters are given), a first-time recipient, and a cash-out to
an exchange at or above the travel-rule value (₩1,000,000 by default), which exchanges accept
only from a wallet registered in the user's name.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.core.chain.addresses import (
    ZERO_ADDRESS,
    differences,
    looks_like,
    parse_address,
    same_address,
)
from app.core.chain.client import Fees
from app.core.chain.records import CONFIRMED, OPEN_STATES, ChainTx
from app.core.chain.tracker import TxView
from app.core.errors import InputError, MilkError, RuleError
from app.core.keys import Secret
from app.core.money import MLK, MLK_UNIT, format_krw, format_mlk, parse_krw, parse_mlk
from app.core.services.wallet import WalletService

REPLACEMENT_BUMP_PERCENT = 15  # nodes require >= 10% more on both fee caps
WEI = 10**18
TRAVEL_RULE_SETTING = "wallet.travel_rule_krw"
TRAVEL_RULE_KRW = Decimal(1_000_000)  # Korea's travel rule applies from ₩1,000,000


@dataclass(frozen=True)
class Warning:
    code: str  # token_contract | contract | lookalike | first_time | self | travel_rule
    message: str
    known: str | None = None  # lookalike: the address it imitates
    differing: tuple[int, ...] = ()  # lookalike: positions (0x included) that differ


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
    network: str = ""  # the network's name, e.g. "Arbitrum One"
    gas_coin: str = "ETH"

    @property
    def max_gas_cost(self) -> int:
        return self.gas_limit * self.fees.max_fee_per_gas


def refuse_zero_address(recipient: str) -> None:
    if same_address(recipient, ZERO_ADDRESS):
        raise RuleError("That is the zero address: MLK sent there is destroyed, and the MLK "
                        "contract refuses it. Nothing was sent.", code="zero_address")


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
        refuse_zero_address(recipient)
        config = self.chain.config
        contact = self.wallet.book.lookup(recipient)
        if contact and contact.kind == "exchange" and contact.chain_id is not None and \
                contact.chain_id != client.chain_id:
            raise RuleError(
                f"{contact.label} is a deposit address for {contact.network} (chain "
                f"{contact.chain_id}), but this wallet is on {config.name} (chain "
                f"{client.chain_id}). An exchange credits only deposits made on the network "
                "it gave the address for; MLK sent on another network is usually lost. "
                "Nothing was sent.", code="wrong_network",
                details={"entry_network": contact.network, "entry_chain_id": contact.chain_id,
                         "network": config.name, "chain_id": client.chain_id})
        balance = client.mlk_balance(sender)
        if units > balance:
            raise RuleError(f"Not enough MLK in your wallet: it holds {format_mlk(balance)}, "
                            f"this sends {format_mlk(units)}.", code="insufficient_mlk",
                            details={"asset": MLK, "available": balance, "needed": units})
        gas = client.estimate_transfer_gas(sender, recipient, units)
        fees = client.fees()
        gas_balance = client.gas_balance(sender)
        if gas * fees.max_fee_per_gas > gas_balance:
            coin = config.gas_coin
            raise RuleError(f"Not enough {coin} to pay the network fee: up to "
                            f"{_coin(gas * fees.max_fee_per_gas, coin)} is needed, the wallet "
                            f"holds {_coin(gas_balance, coin)}.", code="insufficient_gas",
                            details={"asset": "gas", "coin": coin, "available": gas_balance,
                                     "needed": gas * fees.max_fee_per_gas})
        exchange = (contact.exchange or contact.label) if contact and \
            contact.kind == "exchange" else None
        krw = self.krw_value(units)
        warnings = self._warnings(sender, recipient, client, exchange, krw) \
            if check_warnings else ()
        return SendPlan(sender, recipient, units, contact.label if contact else None, exchange,
                        gas, fees, balance, gas_balance, krw, tuple(warnings),
                        client.chain_id, config.name, config.gas_coin)

    def _warnings(self, sender: str, recipient: str, client, exchange: str | None,
                  krw: Decimal | None) -> list[Warning]:
        out = []
        if same_address(recipient, client.token_address):
            out.append(Warning("token_contract", "This is the MLK token contract itself. MLK "
                               "sent to it can never be recovered."))
        elif client.is_contract(recipient):
            out.append(Warning("contract", "This address is a smart contract, not a personal "
                               "wallet. Make sure it can receive and return MLK."))
        if same_address(recipient, sender):
            out.append(Warning("self", "This is your own wallet address."))
        twin = next((k for k in self._known_addresses(sender, client)
                     if looks_like(recipient, k)), None)
        if twin:
            out.append(Warning("lookalike", f"This address looks like {twin}, which you have "
                               "paid or saved before, but it is a different address. Scammers "
                               "plant such look-alikes in your history. Compare every "
                               "character.", known=twin, differing=differences(recipient, twin)))
        if not any(same_address(recipient, k) for k in self._previous_recipients(sender)):
            out.append(Warning("first_time", "You have never sent to this address before. "
                               "Consider a small test amount first."))
        line = self.travel_rule_krw()
        if exchange and krw is not None and krw >= line:
            out.append(Warning("travel_rule", f"This cash-out is worth {format_krw(krw)}, at or "
                               f"above {format_krw(line)} (the travel rule): {exchange} accepts "
                               "it only from a wallet registered in your name there. Register "
                               "this wallet's address with the exchange first, or the deposit "
                               "may be held or returned."))
        return out

    def travel_rule_krw(self) -> Decimal:
        text = self.ctx.settings.get(TRAVEL_RULE_SETTING)
        return Decimal(text) if text else TRAVEL_RULE_KRW

    def set_travel_rule_krw(self, krw: str) -> Decimal:
        """The KRW value from which a cash-out to an exchange warns about the travel rule."""
        value = parse_krw(krw)
        self.ctx.settings.set(TRAVEL_RULE_SETTING, str(value))
        return value

    def _known_addresses(self, sender: str, client) -> list[str]:
        """What a look-alike imitates: addresses saved in the book or paid before (not the
        token contract, which every transfer touches)."""
        book = [c.address for c in self.wallet.book.entries()]
        known = {a.lower(): a for a in book + self._previous_recipients(sender)}
        known.pop(client.token_address.lower(), None)
        return list(known.values())

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
        if client.chain_id != plan.chain_id:
            raise RuleError("The network changed since this send was prepared. Nothing was "
                            "sent; prepare it again.", code="wrong_chain")
        tx = client.transfer_tx(plan.sender, plan.recipient, plan.amount,
                                self.next_nonce(plan.sender), plan.gas_limit, plan.fees)
        signed = signer.sign_transaction(tx)
        tracker = self.chain.tracker()
        tx_id = tracker.record(kind, tx, signed, plan.recipient, plan.amount,
                               ledger_key=ledger_key,
                               krw_estimate=str(plan.krw_estimate) if plan.krw_estimate
                               else None, note=plan.label)
        self.wallet.book.touch(plan.recipient)
        return self._broadcast(tx_id)

    def _broadcast(self, tx_id: int) -> TxView:
        try:
            return self.chain.tracker().broadcast(tx_id)
        except MilkError as exc:
            raise type(exc)(f"{exc.message} The signed transaction is kept as #{tx_id} and sent "
                            "again automatically until its nonce is used (cancel it to stop "
                            "it).", code=exc.code, details={**exc.details, "tx": tx_id}) from None

    def next_nonce(self, sender: str) -> int:
        node = self.chain.client().pending_nonce(sender)
        with self.ctx.db.read() as s:
            tracked = s.execute(select(ChainTx.nonce).where(
                ChainTx.sender == sender, ChainTx.chain_id == self.chain.client().chain_id,
                ChainTx.status.in_(OPEN_STATES))).scalars().all()
        return max([node] + [n + 1 for n in tracked])

    def speed_up(self, tx_id: int, password: Secret | str | None = None) -> TxView:
        """Re-send the same transfer with the same nonce and higher fees. A withdrawal is
        TICA's treasury's transaction: its key signs, no password is needed."""
        original = self._replaceable(tx_id)
        client = self.chain.client()
        fees = self._replacement_fees(original)
        signer = self._signer_for(original, password)
        if original.kind == "cancel":
            tx = client.plain_tx(original.sender, original.sender, 0, original.nonce, fees)
        else:
            tx = client.transfer_tx(original.sender, original.recipient, original.amount,
                                    original.nonce, self._gas_limit(tx_id), fees)
        return self._replace(original, tx, signer.sign_transaction(tx), original.kind,
                             original.recipient, original.amount, "speed-up")

    def cancel(self, tx_id: int, password: Secret | str | None = None) -> TxView:
        """Take the nonce back: a zero-value transfer to yourself with higher fees. Once it
        is confirmed, the original can never be mined (a withdrawal's hold then returns)."""
        original = self._replaceable(tx_id)
        client = self.chain.client()
        fees = self._replacement_fees(original)
        signer = self._signer_for(original, password)
        tx = client.plain_tx(original.sender, original.sender, 0, original.nonce, fees)
        return self._replace(original, tx, signer.sign_transaction(tx), "cancel",
                             original.sender, 0, f"cancels transaction #{original.id}")

    def needs_password(self, tx_id: int) -> bool:
        """Whether speeding up or cancelling this transaction needs the wallet password (a
        withdrawal is signed by the treasury instead)."""
        tx = self.chain.tracker().get(tx_id)
        return tx is None or not self._is_treasury_tx(tx)

    def _is_treasury_tx(self, tx: TxView) -> bool:
        try:
            return same_address(tx.sender, self.chain.treasury_address())
        except MilkError:
            return False

    def _signer_for(self, tx: TxView, password: Secret | str | None):
        if self._is_treasury_tx(tx):
            return self.chain.treasury_signer()
        if password is None:
            raise InputError("The wallet password is needed.", code="password_needed")
        return self.wallet.unlock(password)

    def _replaceable(self, tx_id: int) -> TxView:
        tracker = self.chain.tracker()
        if tracker.get(tx_id) is None:
            raise InputError(f"There is no transaction #{tx_id}.", code="unknown_tx")
        tracker.refresh(tx_id)  # checks the chain id before anything else
        tx = tracker.get(tx_id)
        if not self._is_treasury_tx(tx) and \
                not same_address(tx.sender, self.wallet.require_signing()):
            raise RuleError("Only transactions sent from your wallet (or withdrawals) can be "
                            "sped up or cancelled.", code="not_yours")
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
        have = self.chain.client().gas_balance(original.sender)
        if gas_cost > have:
            raise RuleError(f"Not enough {self.chain.config.gas_coin} to pay the higher fee.",
                            code="insufficient_gas",
                            details={"asset": "gas", "available": have, "needed": gas_cost})
        tx_id = tracker.record(kind, tx, signed, recipient, amount, ledger_key=original.ledger_key,
                               replaces_id=original.id, note=note)
        return self._broadcast(tx_id)

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


def _coin(wei: int, coin: str) -> str:
    return f"{Decimal(wei) / WEI:.6f} {coin}"
