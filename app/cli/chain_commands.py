"""`milk wallet ...` and `milk network ...`.

Secrets never come from the command line (other processes can read it): recovery phrases and
private keys are read from standard input or a hidden prompt; passwords from a prompt or, in
scripts and tests, MILK_PASSWORD (and MILK_NEW_PASSWORD for a password change).
"""
from __future__ import annotations

import getpass
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

from app.cli.output import Result, amount
from app.core.chain.addresses import marker_line
from app.core.chain.tracker import TxView
from app.core.errors import InputError, RuleError
from app.core.keys import Secret
from app.core.money import MLK, format_krw, format_mlk

WEI = Decimal(10**18)


def add_chain_commands(cmd, g) -> None:
    sp = cmd("wallet", None, "your MLK wallet: key, balances, sends, cash-out")
    w = sp.add_subparsers(dest="wallet_action", metavar="ACTION", parser_class=type(sp))
    w.required = True

    def act(name, func, text):
        p = w.add_parser(name, parents=[g], help=text, description=text)
        p.set_defaults(func=func)
        return p

    p = act("create", wallet_create, "create a new wallet (shows its recovery phrase once)")
    p.add_argument("--words", type=int, choices=[12, 24], default=12)
    p = act("import", wallet_import, "import a recovery phrase or private key (stdin/prompt), "
            "or a keystore file")
    p.add_argument("--keystore", metavar="FILE", help="a keystore v3 JSON file (its password "
                   "from a prompt or MILK_KEYSTORE_PASSWORD)")
    p.add_argument("--passphrase", action="store_true", help="the phrase has a BIP-39 "
                   "passphrase (asked for, or MILK_BIP39_PASSPHRASE)")
    p.add_argument("--account-index", type=int, default=0, metavar="N",
                   help="use account N of the phrase (m/44'/60'/0'/0/N; default 0)")
    p = act("forget", wallet_forget, "remove this profile's key from the OS keyring")
    p.add_argument("--address", help="forget the keyring entry of this address instead "
                   "(e.g. left by a lost profile)")
    p.add_argument("--confirm", metavar="TEXT", help="the address (or its last 6 characters), "
                   "typed to confirm")
    p = act("watch", wallet_watch, "watch an address (balances only, no key)")
    p.add_argument("address")
    p = act("address", wallet_address, "show the wallet address")
    p.add_argument("--qr", action="store_true", help="also print a QR code")
    act("balance", wallet_balance, "on-chain MLK, gas and in-app MLK")
    p = act("send", wallet_send, "send on-chain MLK (e.g. to an exchange deposit address)")
    p.add_argument("to", metavar="TO", help="an address or an address book label")
    p.add_argument("amount", metavar="AMOUNT")
    p.add_argument("--yes", action="store_true", help="acknowledge the warnings shown")
    p.add_argument("--no-wait", action="store_true", help="do not wait for the receipt")
    p = act("withdraw", wallet_withdraw, "move in-app MLK on chain (TICA's treasury sends)")
    p.add_argument("amount", metavar="AMOUNT")
    p.add_argument("--to", help="destination (default: your wallet)")
    p.add_argument("--key", help="idempotency key")
    p.add_argument("--wait", action="store_true", help="wait until it is settled")
    p.add_argument("--timeout", type=int, default=120, help="how long --wait waits (s)")
    p = act("deposit", wallet_deposit, "move on-chain MLK into the app")
    p.add_argument("amount", metavar="AMOUNT")
    p.add_argument("--key", help="idempotency key")
    p.add_argument("--wait", action="store_true", help="wait until it is credited")
    p.add_argument("--timeout", type=int, default=120, help="how long --wait waits (s)")
    p = act("txs", wallet_txs, "transactions signed by this profile")
    p.add_argument("--limit", type=int, default=20)
    p = act("speedup", wallet_speedup, "re-send a pending transaction with higher fees")
    p.add_argument("tx", type=int, metavar="TX")
    p = act("cancel", wallet_cancel, "cancel a pending transaction (same nonce, higher fees)")
    p.add_argument("tx", type=int, metavar="TX")
    p = act("book", wallet_book, "address book: list, add, remove")
    p.add_argument("book_action", nargs="?", choices=["list", "add", "remove"], default="list")
    p.add_argument("args", nargs="*", metavar="ARG", help="add LABEL ADDRESS | remove ID")
    p.add_argument("--kind", choices=["own", "exchange", "other"], default="other")
    p.add_argument("--exchange", help="exchange name for an exchange deposit address")
    p.add_argument("--chain-id", type=int, help="the network an exchange deposit address is "
                   "for (default: the network in use)")
    p.add_argument("--network", help="that network's name, e.g. \"Arbitrum One\"")
    act("change-password", wallet_change_password, "re-encrypt the key with a new password")
    p = act("export-keystore", wallet_export, "write the encrypted keystore v3 JSON to a file")
    p.add_argument("file")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    act("reveal-mnemonic", wallet_reveal, "show the recovery phrase (needs the password)")
    act("keyring", wallet_keyring, "which OS keyring holds the key")

    sp = cmd("network", None, "which chain the wallet uses")
    n = sp.add_subparsers(dest="network_action", metavar="ACTION", parser_class=type(sp))
    n.required = True
    p = n.add_parser("show", parents=[g], help="the current network")
    p.set_defaults(func=network_show)
    p = n.add_parser("use", parents=[g], help="`use demo` or `use URL --chain-id N`")
    p.add_argument("target", metavar="demo|URL")
    p.add_argument("--chain-id", type=int)
    p.add_argument("--token")
    p.add_argument("--treasury")
    p.add_argument("--confirmations", type=int)
    p.add_argument("--name", help="the network's name, e.g. \"Arbitrum One\"")
    p.add_argument("--gas-coin", help="the coin that pays fees (default ETH)")
    p.add_argument("--explorer", help="transaction link, e.g. https://arbiscan.io/tx/{tx}")
    p.set_defaults(func=network_use)
    p = n.add_parser("deploy-token", parents=[g], help="deploy MLK to a development node")
    p.set_defaults(func=network_deploy)


# -- secrets ---------------------------------------------------------------------------------

def _password(prompt: str = "Wallet password: ", env: str = "MILK_PASSWORD",
              confirm: bool = False) -> Secret:
    value = os.environ.get(env)
    if value is not None:
        return Secret(value)
    if not sys.stdin.isatty():
        raise InputError(f"A password is needed: run in a terminal, or set {env} in a script.",
                         code="password_needed")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise InputError("The two passwords differ.", code="password_mismatch")
    return Secret(first)


def _signing_password(svc) -> Secret:
    """The wallet's password; the demo wallet's own (public, shown on screen) when the demo
    key signs and none was given, so a presenter's `wallet send` needs no MILK_PASSWORD."""
    if os.environ.get("MILK_PASSWORD") is None:
        from app.core.services.wallet import DEMO_KIND, DEMO_PASSWORD

        if svc.wallet.status().kind == DEMO_KIND:
            return Secret(DEMO_PASSWORD)
    return _password()


def _read_secret() -> Secret:
    if sys.stdin.isatty():
        return Secret(getpass.getpass("Recovery phrase or private key (hidden): "))
    return Secret(sys.stdin.read())


def _optional_secret(prompt: str, env: str) -> Secret:
    value = os.environ.get(env)
    if value is not None:
        return Secret(value)
    if not sys.stdin.isatty():
        raise InputError(f"Run in a terminal to type it, or set {env} in a script.",
                         code="password_needed")
    return Secret(getpass.getpass(prompt))


# -- wallet ------------------------------------------------------------------------------------

def wallet_create(svc, args) -> Result:
    address, phrase = svc.wallet.create(_password(confirm=True), args.words)
    words = phrase.reveal()
    res = Result({"address": address, "mnemonic": words})
    res.say(f"Created wallet {address}; its key is in your OS keyring.")
    res.say("")
    res.say("Recovery phrase — write it down on paper and keep it offline. It is shown once;")
    res.say("anyone who has it owns this wallet:")
    res.say("")
    res.say("   " + words)
    return res


def wallet_import(svc, args) -> Result:
    from app.core.services.wallet import read_keystore_file

    if args.keystore:
        if args.passphrase or args.account_index:
            raise InputError("--passphrase and --account-index belong to a recovery phrase, not "
                             "a keystore.", code="usage")
        data = read_keystore_file(args.keystore)
        keystore_pw = _password("Keystore file password: ", env="MILK_KEYSTORE_PASSWORD")
        done = svc.wallet.import_keystore(data, keystore_pw, _password(confirm=True))
        source = "keystore"
    else:
        secret = _read_secret()
        passphrase = _optional_secret("BIP-39 passphrase (hidden): ", "MILK_BIP39_PASSPHRASE") \
            if args.passphrase else None
        done = svc.wallet.import_secret(secret, _password(confirm=True), passphrase,
                                        args.account_index)
        source = svc.wallet.status().kind
    res = Result({"address": done.address, "source": source, "adopted": done.adopted,
                  "upgraded": done.upgraded})
    if done.adopted:
        res.say(f"Your OS keyring already held the key of {done.address}; the password opened "
                "it, so this profile now uses it.")
    else:
        res.say(f"Imported wallet {done.address}; its key is in your OS keyring.")
    if done.upgraded:
        res.say("The watch-only wallet can now sign; its history is kept.")
    return res


def wallet_forget(svc, args) -> Result:
    status = svc.wallet.status()
    target = args.address or status.address
    confirmation = args.confirm
    if confirmation is None:
        if not sys.stdin.isatty():
            raise InputError("Confirm with --confirm ADDRESS (or its last 6 characters), or run "
                             "in a terminal.", code="confirmation_needed")
        sys.stderr.write(f"This removes the key of {target} from your OS keyring. Without your "
                         "recovery phrase, private key or a keystore backup it cannot be "
                         "restored.\n")
        confirmation = input("Type the address (or its last 6 characters) to confirm: ")
    address = svc.wallet.forget(confirmation, args.address)
    return Result({"forgotten": address}).say(
        f"Removed the key of {address} from your OS keyring."
        + (" This profile now watches it (balances and history only)."
           if status.address and status.address.lower() == address.lower() else ""))


def wallet_watch(svc, args) -> Result:
    address = svc.wallet.watch(args.address)
    return Result({"address": address, "watch_only": True}).say(
        f"Watching {address} (balances only; import the key to send).")


def wallet_address(svc, args) -> Result:
    status = svc.wallet.status()
    address = svc.wallet.require_address()
    res = Result({"address": address, "kind": status.kind}).say(address)
    if args.qr:
        import io

        import segno

        buf = io.StringIO()
        segno.make(address, error="m").terminal(out=buf, compact=True)
        res.lines.append(buf.getvalue().rstrip("\n"))
    return res


def wallet_balance(svc, args) -> Result:
    svc.bridge.recover()
    b = svc.wallet.balances()
    price = svc.sending.krw_value(b.mlk_onchain + b.mlk_in_app)
    res = Result({"address": b.address, "network": b.network, "network_name": b.network_name,
                  "chain_id": b.chain_id, "block": b.block,
                  "mlk_onchain": amount(MLK, b.mlk_onchain),
                  "mlk_in_app": amount(MLK, b.mlk_in_app),
                  "withdrawing": amount(MLK, b.withdrawing), "gas_wei": str(b.gas_wei),
                  "gas_coin": b.gas_coin, "krw_value": price,
                  "pending_deposits": [_pending_data(p) for p in b.pending_deposits]})
    res.say(f"Wallet      {b.address} ({b.network_name}, chain {b.chain_id}, block {b.block})")
    res.say(f"On chain    {format_mlk(b.mlk_onchain)}")
    res.say(f"In the app  {format_mlk(b.mlk_in_app)}")
    if b.withdrawing:
        res.say(f"On the way  {format_mlk(b.withdrawing)} (withdrawals not yet confirmed)")
    for p in b.pending_deposits:
        res.say(_pending_line(p))
    res.say(f"Gas         {Decimal(b.gas_wei) / WEI:.6f} {b.gas_coin}")
    if price is not None:
        res.say(f"Worth about {format_krw(price)} at the current MLK price")
    return res


def _tx_data(tx: TxView) -> dict:
    return {"id": tx.id, "kind": tx.kind, "status": tx.status, "hash": tx.tx_hash,
            "from": tx.sender, "to": tx.recipient, "amount": amount(MLK, tx.amount),
            "nonce": tx.nonce, "block": tx.block_number, "confirmations": tx.confirmations,
            "replaces": tx.replaces_id, "krw_estimate": tx.krw_estimate, "note": tx.note,
            "status_note": tx.status_note,
            "created_at": tx.created_at}


def _tx_line(tx: TxView, needed: int | None = None) -> str:
    conf = ""
    if tx.status == "confirmed":
        shown = f"{tx.confirmations} of {needed}" if needed and tx.confirmations < needed \
            else str(tx.confirmations)
        conf = f", {shown} confirmation{'' if shown == '1' else 's'}"
    why = f" — {tx.status_note}" if tx.status_note else ""
    return (f"#{tx.id} {tx.kind} {format_mlk(tx.amount)} → {tx.recipient}: {tx.status}{conf}"
            f"{why} ({tx.tx_hash})")


def _pending_data(p) -> dict:
    return {"tx": p.tx.id, "amount": amount(MLK, p.amount), "confirmations": p.confirmations,
            "needed": p.needed, "status": p.tx.status}


def _pending_line(p) -> str:
    return (f"Pending deposit: {format_mlk(p.amount)}, {p.confirmations} of {p.needed} "
            f"confirmations (#{p.tx.id})")


def wallet_send(svc, args) -> Result:
    plan = svc.sending.prepare(args.to, args.amount)
    ack = {w.code for w in plan.warnings} if args.yes else set()
    who = f"{plan.label} ({plan.recipient})" if plan.label else plan.recipient
    lines = [f"Send {format_mlk(plan.amount)} to {who} on {plan.network}",
             f"  Network fee at most {Decimal(plan.max_gas_cost) / WEI:.6f} {plan.gas_coin}"]
    if plan.krw_estimate is not None:
        what = f"cash-out value on {plan.exchange}" if plan.exchange else "value"
        lines.append(f"  Estimated {what}: {format_krw(plan.krw_estimate)}")
    for w in plan.warnings:
        lines.append(f"  ! {w.message}")
        if w.code == "lookalike":
            lines += [f"      sending to: {plan.recipient}",
                      f"                  {marker_line(plan.recipient, w.differing)}",
                      f"      known:      {w.known}"]
    if plan.warnings and not args.yes:
        sys.stderr.write("\n".join(lines) + "\n")
    try:
        tx = svc.sending.send(plan, _signing_password(svc), ack)
    except RuleError as exc:
        if exc.code == "needs_confirmation":
            exc.message += " Nothing was sent; re-run with --yes to send anyway."
        raise
    if not args.no_wait:
        tx = svc.sending.wait(tx.id, confirmations=1)
    res = Result({"tx": _tx_data(tx), "warnings": [w.code for w in plan.warnings],
                  "lookalike": [{"known": w.known, "differing": list(w.differing)}
                                for w in plan.warnings if w.code == "lookalike"],
                  "krw_estimate": plan.krw_estimate, "exchange": plan.exchange,
                  "network": plan.network})
    res.lines += lines
    return res.say(_tx_line(tx))


def _booked(svc, tx_id: int) -> bool:
    from app.core.chain.records import ChainTx

    with svc.ctx.db.read() as s:
        return bool(s.get(ChainTx, tx_id).booked)


def _wait_booked(svc, tx_id: int, timeout: int) -> None:
    """Settle until the ledger has booked this transaction's outcome, or time runs out."""
    deadline = time.monotonic() + max(0, timeout)
    while not _booked(svc, tx_id) and time.monotonic() < deadline:
        time.sleep(0.5)
        svc.bridge.settle()


def wallet_withdraw(svc, args) -> Result:
    r = svc.bridge.withdraw(args.amount, args.to, args.key)
    if args.wait:
        _wait_booked(svc, r.tx.id, args.timeout)
    tx = svc.chain.tracker().get(r.tx.id)
    needed = svc.chain.config.confirmations
    done = _booked(svc, tx.id)
    return Result({"tx": _tx_data(tx), "replayed": r.replayed, "settled": done,
                   "needed_confirmations": needed}).say(
        ("Already requested (same key): " if r.replayed else "Withdrawal: ") +
        _tx_line(tx, needed) + (" — settled" if done else ""))


def wallet_deposit(svc, args) -> Result:
    r = svc.bridge.deposit(args.amount, _signing_password(svc), args.key)
    if args.wait:
        _wait_booked(svc, r.tx.id, args.timeout)
    tx = svc.chain.tracker().get(r.tx.id)
    needed = svc.chain.config.confirmations
    credited = _booked(svc, tx.id) and tx.status == "confirmed"
    res = Result({"tx": _tx_data(tx), "replayed": r.replayed, "credited": credited,
                  "needed_confirmations": needed, "confirmations": tx.confirmations})
    res.say(("Already requested (same key): " if r.replayed else "Deposit: ") +
            _tx_line(tx, needed) + (" — credited in the app" if credited else ""))
    if not credited and tx.status in ("signed", "pending", "confirmed"):
        res.say(f"Pending deposit: {format_mlk(tx.amount)}, {tx.confirmations} of {needed} "
                f"confirmations; credited once it has {needed} (see `milk wallet balance`).")
    return res


def wallet_txs(svc, args) -> Result:
    svc.bridge.recover()
    txs = svc.chain.tracker().page(limit=max(1, min(args.limit, 500)))
    cfg = svc.chain.config
    res = Result({"txs": [{**_tx_data(t), "explorer": cfg.tx_url(t.tx_hash)} for t in txs],
                  "needed_confirmations": cfg.confirmations})
    if not txs:
        res.say("No transactions yet.")
    for tx in txs:
        res.say(_tx_line(tx, cfg.confirmations))
    return res


def _replacement_password(svc, tx_id: int):
    return _signing_password(svc) if svc.sending.needs_password(tx_id) else None


def wallet_speedup(svc, args) -> Result:
    tx = svc.sending.speed_up(args.tx, _replacement_password(svc, args.tx))
    return Result({"tx": _tx_data(tx)}).say(f"Sped up #{args.tx}: {_tx_line(tx)}")


def wallet_cancel(svc, args) -> Result:
    tx = svc.sending.cancel(args.tx, _replacement_password(svc, args.tx))
    return Result({"tx": _tx_data(tx)}).say(f"Cancelling #{args.tx}: {_tx_line(tx)}")


def wallet_book(svc, args) -> Result:
    book = svc.wallet.book
    if args.book_action == "add":
        if len(args.args) != 2:
            raise InputError("Usage: milk wallet book add LABEL ADDRESS [--kind exchange]",
                             code="usage")
        c = book.add(args.args[0], args.args[1], args.kind, args.exchange, args.chain_id,
                     args.network)
        where = f" on {c.network}" if c.network else ""
        return Result({"contact": c.__dict__}).say(f"Added {c.label} ({c.address}){where}.")
    if args.book_action == "remove":
        if len(args.args) != 1 or not args.args[0].isdigit():
            raise InputError("Usage: milk wallet book remove ID", code="usage")
        book.remove(int(args.args[0]))
        return Result({"removed": int(args.args[0])}).say("Removed.")
    entries = book.entries()
    return Result({"contacts": [c.__dict__ for c in entries]}).table(
        ["ID", "LABEL", "KIND", "ADDRESS", "NETWORK"],
        [[str(c.id), c.label, c.exchange or c.kind, c.address, c.network or ""]
         for c in entries], {0})


def wallet_change_password(svc, args) -> Result:
    old = _password("Current password: ")
    new = _password("New password: ", env="MILK_NEW_PASSWORD", confirm=True)
    svc.wallet.change_password(old, new)
    return Result({"changed": True}).say("Password changed.")


def wallet_export(svc, args) -> Result:
    from app.core.files import check_target

    check_target(Path(args.file), args.force)  # before asking for the password
    path = svc.wallet.export_keystore_file(args.file, _signing_password(svc), args.force)
    return Result({"file": str(path)}).say(
        f"Wrote the encrypted keystore to {path} (it opens only with your password; "
        "`milk wallet import --keystore` restores it).")


def wallet_reveal(svc, args) -> Result:
    phrase = svc.wallet.reveal_mnemonic(_signing_password(svc)).reveal()
    return Result({"mnemonic": phrase}).say(phrase)


def wallet_keyring(svc, args) -> Result:
    info = svc.wallet.keyring()
    return Result({"backend": info.name, "label": info.label, "accepted": info.accepted,
                   "reason": info.reason}).say(
        f"{info.label or info.name} ({info.name}): "
        f"{'accepted' if info.accepted else 'REFUSED — ' + info.reason}")


# -- network -----------------------------------------------------------------------------------

def _network_data(info) -> dict:
    c = info.config
    return {"kind": c.kind, "rpc_url": c.rpc_url, "chain_id": info.chain_id, "name": c.name,
            "gas_coin": c.gas_coin, "explorer": c.explorer,
            "token": info.token, "decimals": info.decimals, "treasury": info.treasury,
            "confirmations": c.confirmations, "block": info.block}


def _network_result(info) -> Result:
    res = Result(_network_data(info))
    res.say(f"Network     {info.config.name} — {info.config.label} (chain id {info.chain_id}, "
            f"block {info.block})")
    res.say(f"Gas coin    {info.config.gas_coin}")
    res.say(f"MLK token   {info.token or '(not set)'} ({info.decimals} decimals)")
    res.say(f"Treasury    {info.treasury or '(not configured)'}")
    return res.say(f"Deposits credited after {info.config.confirmations} confirmation(s)")


def network_show(svc, args) -> Result:
    return _network_result(svc.network.show())


def network_use(svc, args) -> Result:
    if args.target == "demo":
        return _network_result(svc.network.use_demo())
    if args.chain_id is None:
        raise InputError("A JSON-RPC network needs --chain-id N (it is pinned and checked "
                         "against the node).", code="usage")
    return _network_result(svc.network.use_rpc(args.target, args.chain_id, args.token,
                                               args.treasury, args.confirmations, args.name,
                                               args.gas_coin, args.explorer))


def network_deploy(svc, args) -> Result:
    return _network_result(svc.network.deploy_token())
