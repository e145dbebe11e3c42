"""Explaining core errors in the user's language.

Core errors carry a stable `code` and `details`; here each code a user can meet in the GUI
gets a translatable sentence. Anything else falls back to the core's English message.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.errors import MilkError
from app.ui import fmt


def _t(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def explain(error: BaseException) -> str:
    if not isinstance(error, MilkError):
        return _t("Something went wrong: {}").format(f"{type(error).__name__}: {error}")
    d = error.details or {}
    code = error.code
    asset = d.get("asset", "")
    messages = {
        "amount_empty": lambda: _t("Enter an amount."),
        "amount_not_number": lambda: _t("Enter the amount in digits, e.g. 1,000 or 12.5."),
        "amount_not_positive": lambda: _t("The amount must be more than zero."),
        "amount_exponent": lambda: _t("Write the amount in plain digits, without an "
                                      "exponent."),
        "amount_fraction": lambda: _t("Points are whole numbers."),
        "amount_too_precise": lambda: _t("MLK has at most 18 decimal places."),
        "amount_too_large": lambda: _t("The amount is too large."),
        "amount_too_small": lambda: _t("This amount is too small to receive anything."),
        "insufficient_balance": lambda: _t("Not enough {asset}: you have {have}, this needs "
                                           "{need}.").format(
            asset=asset, have=fmt.amount(asset, d.get("available", 0)),
            need=fmt.amount(asset, d.get("needed", 0))),
        "pool_cannot_cover": lambda: _t("TICA's pool cannot cover this trade right now."),
        "below_minimum": lambda: _t("The smallest exchange is {min}; this trade moves {n}.")
        .format(min=fmt.points(d.get("minimum", 0)), n=fmt.points(d.get("points", 0))),
        "price_stale": lambda: _t("The MLK price is out of date, so TICA cannot quote. Update "
                                  "the price in Settings."),
        "price_missing": lambda: _t("There is no MLK price yet. Set one in Settings."),
        "price_unreachable": lambda: _t("The price feed cannot be reached."),
        "slippage": lambda: _t("The price moved beyond your limit. Nothing was converted; "
                               "get a new quote."),
        "quote_expired": lambda: _t("The quote expired. Nothing was converted; get a new "
                                    "quote."),
        "same_asset": lambda: _t("Choose two different assets."),
        "idempotency_conflict": lambda: _t("This request was already made with other "
                                           "details."),
        "wrong_code": lambda: _t("That verification code is not right."),
        "bad_member_id": lambda: _t("Enter the member id shown in the partner's app (3 to 64 "
                                    "letters or digits)."),
        "already_linked": lambda: _t("This partner is already linked."),
        "not_linked": lambda: _t("This partner is not linked."),
        "partner_unreachable": lambda: _t("The partner cannot be reached right now."),
        "address_empty": lambda: _t("Enter an address."),
        "address_whitespace": lambda: _t("The address contains a space or an invisible "
                                         "character. Copy it again from the source."),
        "address_format": lambda: _t("An address starts with 0x followed by 40 hex digits."),
        "address_length": lambda: _t("The address has {n} hex digits; it needs exactly 40.")
        .format(n=d.get("digits", "?")),
        "address_checksum": lambda: _t("The address's capitalisation does not match its "
                                       "checksum: a character is wrong. Copy it again."),
        "zero_address": lambda: _t("That is the zero address: MLK sent there is destroyed."),
        "insufficient_mlk": lambda: _t("Not enough MLK in your wallet."),
        "insufficient_gas": lambda: _t("Not enough gas coin to pay the network fee."),
        "needs_confirmation": lambda: _t("Confirm the warnings first."),
        "wrong_chain": lambda: _t("The node is on a different chain than this network. "
                                  "Nothing was signed."),
        "node_unreachable": lambda: _t("The blockchain node cannot be reached."),
        "wrong_password": lambda: _t("The password is not right."),
        "weak_password": lambda: _t("Choose a password of at least 8 characters."),
        "password_mismatch": lambda: _t("The two passwords differ."),
        "mnemonic_word": lambda: _t("Word {n} is not in the recovery word list.")
        .format(n=d.get("position", "?")),
        "mnemonic_checksum": lambda: _t("The words are valid but do not belong together: "
                                        "one is wrong or two are swapped."),
        "mnemonic_length": lambda: _t("A recovery phrase has 12 or 24 words."),
        "private_key_length": lambda: _t("A private key is 64 hex digits."),
        "private_key_format": lambda: _t("A private key contains only 0-9 and a-f."),
        "private_key_range": lambda: _t("That is not a valid private key."),
        "keyring_refused": lambda: _t("Your key cannot be stored safely on this computer: "
                                      "no secure keyring is available. Install and unlock "
                                      "GNOME Keyring or KWallet."),
        "keyring_locked": lambda: _t("The keyring is locked. Unlock it and try again."),
        "keyring_timeout": lambda: _t("The keyring did not answer. It may be waiting for an "
                                      "unlock prompt."),
        "wallet_exists": lambda: _t("This profile already has a wallet."),
        "watch_only": lambda: _t("This is a watch-only wallet: it cannot sign."),
        "no_wallet": lambda: _t("There is no wallet yet."),
        "demo_chain_busy": lambda: _t("The demo chain is open in another MiL.k window."),
        "treasury_short": lambda: _t("TICA's treasury cannot cover this withdrawal right now."),
        "not_pending": lambda: _t("Only pending transactions can be sped up or cancelled."),
        "database": lambda: _t("The ledger database is not available."),
    }
    make = messages.get(code)
    return make() if make else error.message
