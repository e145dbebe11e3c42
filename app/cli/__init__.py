"""`milk`: the MiL.k Wallet command line (DESIGN.md §4).

Exit codes: 0 ok, 2 bad input, 3 refused by a rule, 4 an outside failure, 1 anything else.
With --json, stdout is exactly one JSON document, errors included.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys

from app.cli import core_commands as core
from app.cli.crash_hook import install_from_env as install_crash_hook
from app.cli.output import emit, emit_error
from app.core.errors import ExternalError, InputError, MilkError, RuleError

log = logging.getLogger("milk")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage mistakes as InputError (exit 2, JSON when asked), and
    reads every integer option strictly (`type=int` alone would take '１０', '1_0' or ' 7')."""

    def error(self, message: str):
        raise InputError(f"{message} (see `{self.prog} --help`)", code="usage")

    def add_argument(self, *names, **kwargs):
        if kwargs.get("type") is int:
            kwargs["type"] = _int(names[0] if names[0].startswith("-") else names[0].upper())
        return super().add_argument(*names, **kwargs)


def _globals() -> argparse.ArgumentParser:
    # Accepted before or after the command; SUPPRESS keeps a later default from overwriting.
    g = argparse.ArgumentParser(add_help=False)
    g.add_argument("--data-dir", default=argparse.SUPPRESS,
                   help="profile directory (default: MILK_DATA_DIR or the user data dir)")
    g.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print one JSON document on stdout")
    return g


def build_parser() -> argparse.ArgumentParser:
    g = _globals()
    p = _Parser(prog="milk", parents=[g],
                description="MiL.k Wallet: your partners' points in one view, converted "
                            "through TICA.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def cmd(name, func, help_text, **kw):
        sp = sub.add_parser(name, parents=[g], help=help_text, description=help_text, **kw)
        sp.set_defaults(func=func)
        return sp

    sp = cmd("init", core.cmd_init, "create the data dir (with --demo: the demo profile)")
    sp.add_argument("--demo", action="store_true")
    sp = cmd("partners", core.cmd_partners, "partner catalog with link status")
    partners_sub = sp.add_subparsers(dest="partners_action", parser_class=_Parser)
    pr = partners_sub.add_parser("reconcile", parents=[g], help="the partner's statement "
                                 "against the ledger (exit 3 with the differences)")
    pr.add_argument("partner")
    sp = cmd("link", core.cmd_link, "link a partner membership (sends a code without --code)")
    sp.add_argument("partner")
    sp.add_argument("--member-id", required=True)
    sp.add_argument("--code")
    sp = cmd("unlink", core.cmd_unlink, "unlink a partner (its points stay at the partner)")
    sp.add_argument("partner")
    sp = cmd("sync", core.cmd_sync, "settle pending conversions, bring partner balances up "
             "to date")
    sp.add_argument("partner", nargs="?")
    cmd("points", core.cmd_points, "the one view: balances, KRW, MLK, expiring")

    sp = cmd("price", core.cmd_price, "show or set the MLK price")
    price_sub = sp.add_subparsers(dest="price_action", parser_class=_Parser)
    ps = price_sub.add_parser("set", parents=[g], help="set the static price (KRW per MLK)")
    ps.add_argument("krw_per_mlk")
    ps.add_argument("--as-of", help="ISO-8601 time the price is from (default: live)")
    ps.add_argument("--yes", action="store_true",
                    help="confirm a manual price on a real (non-demo) profile")
    pf = price_sub.add_parser("feed", parents=[g], help="choose the price feed")
    pf.add_argument("feed", choices=["static", "upbit"])
    pf.add_argument("--url", help="Upbit-compatible API base URL")

    for name, func, text in (("quote", core.cmd_quote, "price a conversion (valid 30 s)"),
                             ("convert", core.cmd_convert, "convert through TICA")):
        sp = cmd(name, func, text)
        sp.add_argument("from_asset", metavar="FROM", nargs="?" if name == "convert" else None)
        sp.add_argument("to_asset", metavar="TO", nargs="?" if name == "convert" else None)
        sp.add_argument("amount", metavar="AMOUNT", nargs="?" if name == "convert" else None)
        sp.add_argument("--exact-out", action="store_true",
                        help="AMOUNT is what you receive, not what you give")
        sp.add_argument("--max-slippage-bps", type=_bps, default=None,
                        help="refuse if the result is worse than the quote by more (default 50)")
        if name == "convert":
            sp.add_argument("--key", help="idempotency key: a retry returns the first result")
            sp.add_argument("--quote", help="execute this quote id instead of a new quote")

    sp = cmd("history", core.cmd_history, "ledger entries, newest first")
    sp.add_argument("--limit", type=_int("--limit"), default=20)
    sp.add_argument("--kind", action="append", help="only this kind (repeatable)")
    sp.add_argument("--asset", help="only entries moving this asset")
    sp.add_argument("--search", metavar="TEXT",
                    help="partner name (either language), kind, amount, #seq or hash prefix")
    out = sp.add_mutually_exclusive_group()
    out.add_argument("--csv", metavar="FILE", help="write the statement (one row per entry)")
    out.add_argument("--ledger-csv", metavar="FILE", help="write the raw ledger postings")
    sp.add_argument("--lang", choices=["en", "ko"], default="en", help="statement language")
    sp.add_argument("--force", action="store_true", help="replace FILE if it exists")

    sp = cmd("simulate", core.cmd_simulate, "random demo activity")
    sp.add_argument("--conversions", type=_int("--conversions"), required=True)
    sp.add_argument("--seed", type=_int("--seed"))
    sp.add_argument("--bulk", action="store_true",
                    help="many conversions per transaction (load tests)")

    from app.cli.chain_commands import add_chain_commands
    from app.cli.ledger_commands import add_ledger_commands

    add_chain_commands(cmd, g)
    add_ledger_commands(cmd, g)
    return p


def _int(flag: str):
    def parse(text: str) -> int:
        if not (text.isascii() and text.isdigit()):  # 0-9 only: no sign, space or '１０'
            raise argparse.ArgumentTypeError(f"{flag} needs a whole number in the digits 0-9, "
                                             f"not '{text}'")
        return int(text)
    return parse


def _bps(text: str) -> int:
    return _int("--max-slippage-bps")(text)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    install_crash_hook()
    as_json = "--json" in argv
    command = _command_word(argv)  # for errors before parsing has finished
    try:
        _configure_logging(os.environ.get("MILK_LOG", ""))
        args = build_parser().parse_args(argv)
        as_json = getattr(args, "json", False)
        command = args.command
        result = _run(args)
    except MilkError as exc:
        emit_error(exc.code, exc.message, exc.details, exc.exit_code, as_json, command)
        return exc.exit_code
    except KeyboardInterrupt:
        emit_error("interrupted", "Interrupted.", {}, 1, as_json, command)
        return 1
    except Exception as exc:  # the contract: anything unexpected is exit 1, still explained
        log.debug("unexpected failure", exc_info=True)
        emit_error("internal", f"Unexpected error: {type(exc).__name__}: {exc}", {}, 1,
                   as_json, command)
        return 1
    emit(result, as_json, command)
    return result.exit_code


def _command_word(argv: list[str]) -> str:
    values = {i + 1 for i, a in enumerate(argv) if a == "--data-dir"}
    return next((a for i, a in enumerate(argv) if not a.startswith("-") and i not in values), "")


def _configure_logging(spec: str) -> None:
    """MILK_LOG: a level for everything (DEBUG), and/or LOGGER=LEVEL pairs, comma-separated
    (`MILK_LOG=sqlalchemy.engine=INFO` prints each SQL statement before it runs)."""
    root, named = "WARNING", {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, _, level = part.rpartition("=")
        if level.upper() not in logging.getLevelNamesMapping():
            raise InputError(f"MILK_LOG: '{level}' is not a log level (DEBUG, INFO, WARNING, "
                             "ERROR).", code="bad_log_level")
        if name:
            named[name] = level.upper()
        else:
            root = level.upper()
    logging.basicConfig(level=root, format="%(levelname)s %(name)s: %(message)s")
    for name, level in named.items():
        logging.getLogger(name).setLevel(level)


def _make_data_dir(directory) -> None:
    try:
        directory.mkdir(parents=True)
    except (FileExistsError, NotADirectoryError):
        raise InputError(f"Cannot make the data directory {directory}: part of that path is a "
                         "file.", code="data_dir_not_a_folder") from None
    except OSError as exc:
        raise ExternalError(f"Cannot make the data directory {directory}: {exc.strerror}.",
                            code="data_dir_unwritable") from None


def _run(args):
    from app.core.services import Services
    from app.core.services.context import resolve_data_dir

    directory = resolve_data_dir(getattr(args, "data_dir", None))
    if directory.exists() and not directory.is_dir():
        raise InputError(f"The data directory {directory} is a file. Give a folder for the "
                         "profile (--data-dir or MILK_DATA_DIR).", code="data_dir_not_a_folder")
    if not directory.exists():
        if args.command != "init" and not os.environ.get("MILK_DATABASE_URL"):
            raise RuleError(f"There is no MiL.k profile in {directory}. Run `milk init` (or "
                            "`milk init --demo`) first.", code="no_profile")
        _make_data_dir(directory)
    if not getattr(args, "opens_profile", True):  # restore: replaces the ledger file itself
        return args.func(directory, args)
    svc = Services.open(directory, demo_wallet=args.command == "init")
    try:
        if args.command != "init":
            svc.admin.require_profile()
        return args.func(svc, args)
    finally:
        svc.close()

