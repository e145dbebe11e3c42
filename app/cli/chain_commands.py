"""`milk wallet ...` and `milk network ...`.

Secrets never come from the command line (other processes can read it): recovery phrases and
private keys are read from standard input or a hidden prompt; passwords from a prompt or, in
scripts and tests, MILK_PASSWORD (and MILK_NEW_PASSWORD for a password change).
"""
from __future__ import annotations

import getpass
import json
import os
import sys
from decimal import Decimal
from pathlib import Path

from app.cli.output import Result, amount
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
    act("import", wallet_import, "import a recovery phrase or private key from stdin/prompt")
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
    p = act("deposit", wallet_deposit, "move on-chain MLK into the app")
    p.add_argument("amount", metavar="AMOUNT")
    p.add_argument("--key", help="idempotency key")
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
    act("change-password", wallet_change_password, "re-encrypt the key with a new password")
    p = act("export-keystore", wallet_export, "write the encrypted keystore v3 JSON to a file")
    p.add_argument("file")
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


def _read_secret() -> Secret:
    if sys.stdin.isatty():
        return Secret(getpass.getpass("Recovery phrase or private key (hidden): "))
    return Secret(sys.stdin.read())


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
    secret = _read_secret()
    text = str(secret.reveal()).strip()
    digits = text[2:] if text.lower().startswith("0x") else text
    looks_like_key = len(text.split()) == 1 and all(c in "0123456789abcdefABCDEF" for c in digits)
    password = _password(confirm=True)
    address = svc.wallet.import_private_key(secret, password) if looks_like_key else \
        svc.wallet.import_mnemonic(secret, password)
    return Result({"address": address, "source": "private_key" if looks_like_key else
                   "mnemonic"}).say(f"Imported wallet {address}; its key is in your OS keyring.")


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
    res = Result({"address": b.address, "network": b.network, "chain_id": b.chain_id,
                  "block": b.block, "mlk_onchain": amount(MLK, b.mlk_onchain),
                  "mlk_in_app": amount(MLK, b.mlk_in_app),
                  "withdrawing": amount(MLK, b.withdrawing), "gas_wei": str(b.gas_wei),
                  "krw_value": price})
    res.say(f"Wallet      {b.address} ({b.network}, chain {b.chain_id}, block {b.block})")
    res.say(f"On chain    {format_mlk(b.mlk_onchain)}")
    res.say(f"In the app  {format_mlk(b.mlk_in_app)}")
    if b.withdrawing:
        res.say(f"On the way  {format_mlk(b.withdrawing)} (withdrawals not yet confirmed)")
    res.say(f"Gas coin    {Decimal(b.gas_wei) / WEI:.6f}")
    if price is not None:
        res.say(f"Worth about {format_krw(price)} at the current MLK price")
    return res


def _tx_data(tx: TxView) -> dict:
    return {"id": tx.id, "kind": tx.kind, "status": tx.status, "hash": tx.tx_hash,
            "from": tx.sender, "to": tx.recipient, "amount": amount(MLK, tx.amount),
            "nonce": tx.nonce, "block": tx.block_number, "confirmations": tx.confirmations,
            "replaces": tx.replaces_id, "krw_estimate": tx.krw_estimate, "note": tx.note,
            "created_at": tx.created_at}


def _tx_line(tx: TxView) -> str:
    plural = "" if tx.confirmations == 1 else "s"
    conf = f", {tx.confirmations} confirmation{plural}" if tx.status == "confirmed" else ""
    return (f"#{tx.id} {tx.kind} {format_mlk(tx.amount)} → {tx.recipient}: {tx.status}{conf} "
            f"({tx.tx_hash})")


def wallet_send(svc, args) -> Result:
    plan = svc.sending.prepare(args.to, args.amount)
    ack = {w.code for w in plan.warnings} if args.yes else set()
    who = f"{plan.label} ({plan.recipient})" if plan.label else plan.recipient
    lines = [f"Send {format_mlk(plan.amount)} to {who}",
             f"  Network fee at most {Decimal(plan.max_gas_cost) / WEI:.6f} gas coin"]
    if plan.krw_estimate is not None:
        what = f"cash-out value on {plan.exchange}" if plan.exchange else "value"
        lines.append(f"  Estimated {what}: {format_krw(plan.krw_estimate)}")
    lines += [f"  ! {w.message}" for w in plan.warnings]
    if plan.warnings and not args.yes:
        sys.stderr.write("\n".join(lines) + "\n")
    try:
        tx = svc.sending.send(plan, _password(), ack)
    except RuleError as exc:
        if exc.code == "needs_confirmation":
            exc.message += " Nothing was sent; re-run with --yes to send anyway."
        raise
    if not args.no_wait:
        tx = svc.sending.wait(tx.id, confirmations=1)
    res = Result({"tx": _tx_data(tx), "warnings": [w.code for w in plan.warnings],
                  "krw_estimate": plan.krw_estimate, "exchange": plan.exchange})
    res.lines += lines
    return res.say(_tx_line(tx))


def wallet_withdraw(svc, args) -> Result:
    r = svc.bridge.withdraw(args.amount, args.to, args.key)
    tx = svc.sending.wait(r.tx.id, confirmations=1)
    svc.bridge.settle()
    return Result({"tx": _tx_data(tx), "replayed": r.replayed}).say(
        ("Already requested (same key): " if r.replayed else "Withdrawal: ") + _tx_line(tx))


def wallet_deposit(svc, args) -> Result:
    r = svc.bridge.deposit(args.amount, _password(), args.key)
    tx = svc.sending.wait(r.tx.id, confirmations=svc.chain.config.confirmations)
    credited = svc.bridge.settle()
    return Result({"tx": _tx_data(tx), "replayed": r.replayed,
                   "needed_confirmations": svc.chain.config.confirmations}).say(
        ("Already requested (same key): " if r.replayed else "Deposit: ") + _tx_line(tx) +
        (" — credited in the app" if credited else ""))


def wallet_txs(svc, args) -> Result:
    svc.bridge.recover()
    txs = svc.chain.tracker().page(limit=max(1, min(args.limit, 500)))
    res = Result({"txs": [_tx_data(t) for t in txs]})
    if not txs:
        res.say("No transactions yet.")
    for tx in txs:
        res.say(_tx_line(tx))
    return res


def wallet_speedup(svc, args) -> Result:
    tx = svc.sending.speed_up(args.tx, _password())
    return Result({"tx": _tx_data(tx)}).say(f"Sped up #{args.tx}: {_tx_line(tx)}")


def wallet_cancel(svc, args) -> Result:
    tx = svc.sending.cancel(args.tx, _password())
    return Result({"tx": _tx_data(tx)}).say(f"Cancelling #{args.tx}: {_tx_line(tx)}")


def wallet_book(svc, args) -> Result:
    book = svc.wallet.book
    if args.book_action == "add":
        if len(args.args) != 2:
            raise InputError("Usage: milk wallet book add LABEL ADDRESS [--kind exchange]",
                             code="usage")
        c = book.add(args.args[0], args.args[1], args.kind, args.exchange)
        return Result({"contact": c.__dict__}).say(f"Added {c.label} ({c.address}).")
    if args.book_action == "remove":
        if len(args.args) != 1 or not args.args[0].isdigit():
            raise InputError("Usage: milk wallet book remove ID", code="usage")
        book.remove(int(args.args[0]))
        return Result({"removed": int(args.args[0])}).say("Removed.")
    entries = book.entries()
    return Result({"contacts": [c.__dict__ for c in entries]}).table(
        ["ID", "LABEL", "KIND", "ADDRESS"],
        [[str(c.id), c.label, c.exchange or c.kind, c.address] for c in entries], {0})


def wallet_change_password(svc, args) -> Result:
    old = _password("Current password: ")
    new = _password("New password: ", env="MILK_NEW_PASSWORD", confirm=True)
    svc.wallet.change_password(old, new)
    return Result({"changed": True}).say("Password changed.")


def wallet_export(svc, args) -> Result:
    keystore = svc.wallet.export_keystore(_password())
    path = Path(args.file)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # never overwrite
    with os.fdopen(fd, "w") as fh:
        json.dump(keystore, fh)
    return Result({"file": str(path)}).say(
        f"Wrote the encrypted keystore to {path} (it opens only with your password).")


def wallet_reveal(svc, args) -> Result:
    phrase = svc.wallet.reveal_mnemonic(_password()).reveal()
    return Result({"mnemonic": phrase}).say(phrase)


def wallet_keyring(svc, args) -> Result:
    info = svc.wallet.keyring()
    return Result({"backend": info.name, "accepted": info.accepted, "reason": info.reason}).say(
        f"{info.name}: {'accepted' if info.accepted else 'REFUSED — ' + info.reason}")


# -- network -----------------------------------------------------------------------------------

def _network_data(info) -> dict:
    c = info.config
    return {"kind": c.kind, "rpc_url": c.rpc_url, "chain_id": info.chain_id,
            "token": info.token, "decimals": info.decimals, "treasury": info.treasury,
            "confirmations": c.confirmations, "block": info.block}


def _network_result(info) -> Result:
    res = Result(_network_data(info))
    res.say(f"Network     {info.config.label} (chain id {info.chain_id}, block {info.block})")
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
                                               args.treasury, args.confirmations))


def network_deploy(svc, args) -> Result:
    return _network_result(svc.network.deploy_token())
