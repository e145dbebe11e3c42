"""Explaining core errors in the user's language.

Core errors carry a stable `code` and `details`; here each code a user can meet in the GUI
gets a translatable sentence. Anything else falls back to the core's English message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.errors import MilkError
from app.ui import fmt

translate = QCoreApplication.translate  # the name lupdate looks for


def explain(error: BaseException) -> str:
    if not isinstance(error, MilkError):
        return translate("Errors", "Something went wrong: {}").format(
            f"{type(error).__name__}: {error}"
        )
    d = error.details or {}
    code = error.code
    asset = d.get("asset", "")
    if code == "insufficient_balance" and not asset:
        return error.message  # the core's own sentence names what is missing
    messages = {
        "amount_empty": lambda: translate("Errors", "Enter an amount."),
        "amount_not_number": lambda: translate(
            "Errors", "Enter the amount in digits, e.g. 1,000 or 12.5."
        ),
        "amount_not_positive": lambda: translate("Errors", "The amount must be more than zero."),
        "amount_exponent": lambda: translate(
            "Errors", "Write the amount in plain digits, without an exponent."
        ),
        "amount_fraction": lambda: translate("Errors", "Points are whole numbers."),
        "amount_too_precise": lambda: translate("Errors", "MLK has at most 18 decimal places."),
        "amount_too_large": lambda: translate("Errors", "The amount is too large."),
        "amount_too_small": lambda: translate(
            "Errors", "This amount is too small to receive anything."
        ),
        "insufficient_balance": lambda: translate(
            "Errors", "Not enough {asset}: you have {have}, this needs {need}."
        ).format(
            asset=fmt.asset_name(asset),
            have=fmt.amount(asset, d.get("available", 0)),
            need=fmt.amount(asset, d.get("needed", 0)),
        ),
        "not_linked": lambda: translate(
            "Errors", "{partner} is not linked. Points are converted in your {partner} account "
            "at {partner} itself, so link your membership on the Partners page first."
        ).format(partner=fmt.asset_name(d["partner"])) if d.get("partner")
        else translate("Errors", "This partner is not linked."),
        "pool_cannot_cover": lambda: translate(
            "Errors", "TICA's pool cannot cover this trade right now."
        ),
        "below_minimum": lambda: translate(
            "Errors", "The smallest exchange is {min}; this trade moves {n}."
        ).format(min=fmt.points(d.get("minimum", 0)), n=fmt.points(d.get("points", 0))),
        "price_stale": lambda: translate(
            "Errors",
            "The MLK price is out of date, so TICA cannot quote. Update the price in Settings.",
        ),
        "price_missing": lambda: translate(
            "Errors", "There is no MLK price yet. Set one in Settings."
        ),
        "price_unreachable": lambda: translate("Errors", "The price feed cannot be reached."),
        "slippage": lambda: translate(
            "Errors", "The price moved beyond your limit. Nothing was converted; get a new quote."
        ),
        "quote_expired": lambda: translate(
            "Errors", "The quote expired. Nothing was converted; get a new quote."
        ),
        "same_asset": lambda: translate("Errors", "Choose two different assets."),
        "idempotency_conflict": lambda: translate(
            "Errors", "This request was already made with other details."
        ),
        "wrong_code": lambda: translate("Errors", "That verification code is not right."),
        "bad_member_id": lambda: translate(
            "Errors", "Enter the member id shown in the partner's app (3 to 64 letters or digits)."
        ),
        "already_linked": lambda: translate("Errors", "This partner is already linked."),
        "partner_unreachable": lambda: translate(
            "Errors", "The partner cannot be reached right now."
        ),
        "address_empty": lambda: translate("Errors", "Enter an address."),
        "address_whitespace": lambda: translate(
            "Errors",
            "The address contains a space or an invisible "
            "character. Copy it again from the source.",
        ),
        "address_format": lambda: translate(
            "Errors", "An address starts with 0x followed by 40 hex digits."
        ),
        "address_length": lambda: translate(
            "Errors", "The address has {n} hex digits; it needs exactly 40."
        ).format(n=d.get("digits", "?")),
        "address_checksum": lambda: translate(
            "Errors",
            "The address's capitalisation does not match its "
            "checksum: a character is wrong. Copy it again.",
        ),
        "zero_address": lambda: translate(
            "Errors", "That is the zero address: MLK sent there is destroyed."
        ),
        "insufficient_mlk": lambda: translate("Errors", "Not enough MLK in your wallet."),
        "insufficient_gas": lambda: translate(
            "Errors", "Not enough {coin} to pay the network fee."
        ).format(coin=d.get("coin") or translate("Errors", "gas coin")),
        "wrong_network": lambda: translate(
            "Errors", "{entry} is a deposit address on {network}, but this wallet is on "
            "{current}. An exchange credits only deposits made on the network it gave the "
            "address for. Nothing was sent."
        ).format(entry=d.get("entry_label") or translate("Errors", "This entry"),
                 network=d.get("entry_network", "?"), current=d.get("network", "?")),
        "travel_rule": lambda: error.message,
        "needs_confirmation": lambda: translate("Errors", "Confirm the warnings first."),
        "wrong_chain": lambda: translate(
            "Errors", "The node is on a different chain than this network. Nothing was signed."
        ),
        "node_unreachable": lambda: translate("Errors", "The blockchain node cannot be reached."),
        "wrong_password": lambda: translate("Errors", "The password is not right."),
        "weak_password": lambda: translate("Errors", "Choose a password of at least 8 characters."),
        "password_mismatch": lambda: translate("Errors", "The two passwords differ."),
        "mnemonic_word": lambda: translate(
            "Errors", "Word {n} is not in the recovery word list."
        ).format(n=d.get("position", "?")),
        "mnemonic_checksum": lambda: translate(
            "Errors",
            "The words are valid but do not belong together: one is wrong or two are swapped.",
        ),
        "mnemonic_length": lambda: translate("Errors", "A recovery phrase has 12 or 24 words."),
        "private_key_length": lambda: translate("Errors", "A private key is 64 hex digits."),
        "private_key_format": lambda: translate(
            "Errors", "A private key contains only 0-9 and a-f."
        ),
        "private_key_range": lambda: translate("Errors", "That is not a valid private key."),
        "keyring_refused": lambda: translate(
            "Errors",
            "Your key cannot be stored safely on this computer: "
            "no secure keyring is available. Install and unlock "
            "GNOME Keyring or KWallet.",
        ),
        "keyring_locked": lambda: translate(
            "Errors", "The keyring is locked. Unlock it and try again."
        ),
        "keyring_timeout": lambda: translate(
            "Errors", "The keyring did not answer. It may be waiting for an unlock prompt."
        ),
        "wallet_exists": lambda: translate("Errors", "This profile already has a wallet."),
        "keyring_password": lambda: translate(
            "Errors", "This key is already in the keyring under another password. Enter the "
            "password you chose for it then, or remove that entry in Settings and import "
            "again."),
        "address_mismatch": lambda: translate(
            "Errors", "This profile watches {watched}; the key you gave is for another "
            "address. Import the key of the watched address.").format(
            watched=d.get("watched", "")),
        "bad_keystore": lambda: translate(
            "Errors", "That file is not a keystore this app can read: {}").format(
            error.message.split(": ", 1)[-1]),
        "no_such_file": lambda: translate("Errors", "There is no such file."),
        "confirmation_mismatch": lambda: translate(
            "Errors", "That is not the address's ending. Nothing was removed."),
        "watch_only": lambda: translate("Errors", "This is a watch-only wallet: it cannot sign."),
        "no_wallet": lambda: translate("Errors", "There is no wallet yet."),
        "demo_chain_busy": lambda: translate(
            "Errors", "The demo chain is open in another MiL.k window."
        ),
        "treasury_short": lambda: translate(
            "Errors", "TICA's treasury cannot cover this withdrawal right now."
        ),
        "not_pending": lambda: translate(
            "Errors", "Only pending transactions can be sped up or cancelled."
        ),
        "backup_bad": lambda: translate(
            "Errors", "That backup does not verify; nothing was restored."
        ),
        "backup_failed": lambda: translate(
            "Errors", "The backup copy did not verify; nothing was written. ({})"
        ).format(error.message.partition("(")[2].rpartition(")")[0] or error.message),
        "backup_unsupported": lambda: translate(
            "Errors", "Back up and restore a PostgreSQL ledger with the server's own tools."
        ),
        "not_a_ledger": lambda: translate("Errors", "That file is not a MiL.k ledger."),
        "no_file": lambda: translate("Errors", "There is no such file."),
        "database": lambda: translate("Errors", "The ledger database is not available."),
    }
    make = messages.get(code)
    return make() if make else error.message
