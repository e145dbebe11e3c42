"""`milk-partner`: run the reference partner server, manage its members, check any partner.

Exit codes as `milk`: 0 ok, 2 bad input, 3 refused by a rule, 4 an outside failure (cannot
bind, cannot reach), 1 anything else, and for `conformance` a check that failed.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import socket
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from app.core.clock import KST
from app.core.connectors import api_v1
from app.core.errors import ExternalError, InputError, MilkError
from app.core.money import parse_points
from app.partner_server.problems import Problem

PARTNER_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,31}$")
DEFAULT_PORT = 8700


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        raise InputError(f"{message} (see `{self.prog} --help`)", code="usage")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="milk-partner", description="The reference MiL.k partner server "
                "(Partner API v1) and the API's conformance run.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    s = sub.add_parser("serve", help="serve the API and the partner page")
    s.add_argument("--partner", required=True, type=_partner_code, help="partner code, e.g. "
                   "DELICAR (names and colour come from the catalog when it knows the code)")
    s.add_argument("--data-dir", required=True, type=Path)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=_port, default=DEFAULT_PORT, help="0 picks a free port")
    s.add_argument("--token-file", type=Path, help="file holding the operator credential "
                   "(default: $MILK_PARTNER_OPERATOR_TOKEN)")
    s.add_argument("--demo-codes", action="store_true",
                   help="return the verification code in the response (demos, tests)")
    s.add_argument("--demo-members", action="store_true",
                   help="enrol an unknown member id with demo points on its first code request")
    s.add_argument("--no-page", action="store_true", help="serve the API only")
    s.add_argument("--access-log", action="store_true")
    s.add_argument("--clock-offset", type=int, default=0, metavar="SECONDS",
                   help="run the partner's clock this far off (tests of clock skew)")
    s.set_defaults(func=cmd_serve)

    m = sub.add_parser("member", help="add points to, show or close a member")
    msub = m.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    msub.required = True
    for name, func, text in (("add", cmd_member_add, "credit points earned at the partner"),
                             ("spend", cmd_member_spend, "the member pays with points at the "
                              "partner"),
                             ("show", cmd_member_show, "balance, lots, recent operations"),
                             ("close", cmd_member_close, "close the membership")):
        a = msub.add_parser(name, help=text)
        a.add_argument("member_id", metavar="ID")
        a.add_argument("--data-dir", required=True, type=Path)
        a.add_argument("--json", action="store_true", help="print one JSON document")
        if name in ("add", "spend"):
            a.add_argument("--points", required=True)
        if name == "add":
            a.add_argument("--expires", help="YYYY-MM-DD (default: the partner's validity)")
            a.add_argument("--partner", type=_partner_code,
                           help="needed only when the data directory is new")
        a.set_defaults(func=func)

    c = sub.add_parser("conformance", help="check a Partner API v1 implementation")
    c.add_argument("url", metavar="URL", help="the API's base URL (the /v1 paths are under it)")
    c.add_argument("--member", default="milk-conformance", help="a test member with at least "
                   "--points points (default: milk-conformance)")
    c.add_argument("--points", type=_points_arg, default=3, help="points moved and moved back")
    c.add_argument("--token-file", type=Path)
    c.add_argument("--timeout", type=float, default=10.0)
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_conformance)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    as_json = "--json" in argv
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        args = build_parser().parse_args(argv)
        return args.func(args)
    except Problem as exc:
        code = 2 if exc.status in (400, 404) else 3
        return _fail(exc.name, exc.detail, code, as_json)
    except MilkError as exc:
        return _fail(exc.code, exc.message, exc.exit_code, as_json)
    except KeyboardInterrupt:
        return _fail("interrupted", "Interrupted.", 1, as_json)


def _fail(code: str, message: str, exit_code: int, as_json: bool) -> int:
    if as_json:
        print(json.dumps({"ok": False, "error": {"code": code, "message": message,
                                                 "exit_code": exit_code}}, ensure_ascii=False))
    else:
        print(f"milk-partner: {message}", file=sys.stderr)
    return exit_code


# -- serve ------------------------------------------------------------------------------

def cmd_serve(args) -> int:
    import uvicorn

    from app.partner_server.app import catalog_partner, create_app
    from app.partner_server.auth import load_operator_credential

    credential = load_operator_credential(args.token_file)
    partner = catalog_partner(args.partner)
    if args.demo_members and partner is None:
        raise InputError(f"--demo-members needs a partner the catalog knows; {args.partner} "
                         "is not in it.", code="usage")
    offset = timedelta(seconds=args.clock_offset)
    store = _open(args.data_dir, args.partner, partner, lambda: datetime.now(UTC) + offset)
    try:
        sock = _bind(args.host, args.port)
    except OSError as exc:
        store.close()
        raise ExternalError(f"Cannot listen on {args.host}:{args.port}: {exc.strerror or exc}.",
                            code="cannot_listen") from None
    app = create_app(store, credential, partner=partner, demo_codes=args.demo_codes,
                     demo_members=args.demo_members, page=not args.no_page)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    name = f"{partner.name_ko} {partner.name_en}" if partner else args.partner
    print(f"milk-partner: {name} ({args.partner}) on http://{shown}:{port} — API at /v1"
          f"{'' if args.no_page else ', partner page at /'}; data in {args.data_dir}",
          flush=True)
    config = uvicorn.Config(app, log_level="info" if args.access_log else "warning",
                            access_log=args.access_log, lifespan="off", server_header=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        store.close()
    return 0


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family)
    # Answers go out at once (accepted sockets inherit it): without it a kept-alive
    # connection waits on a delayed ACK, ~40 ms a request.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


# -- members ----------------------------------------------------------------------------

def cmd_member_add(args) -> int:
    from app.partner_server.app import catalog_partner

    member_id = _member_id(args.member_id)
    points = parse_points(args.points)
    if points > api_v1.MAX_POINTS:
        raise InputError(f"At most {api_v1.MAX_POINTS:,} points at a time.", code="too_many")
    partner = catalog_partner(args.partner) if args.partner else None
    store = _open(args.data_dir, args.partner, partner)
    try:
        today = store.today()
        validity = (partner or catalog_partner(store.partner))
        default = today + timedelta(days=validity.validity_days if validity else 365)
        expires = _date(args.expires, "--expires") if args.expires else default
        if expires < today:
            raise InputError(f"--expires {expires} is in the past.", code="bad_date")
        lot = store.add_points(member_id, points, expires)
        view = store.member_view(member_id)
    finally:
        store.close()
    return _print(args, {"member": view, "lot": lot},
                  [f"Added {points:,} points to {member_id} (lot {lot['id']}, expires "
                   f"{lot['expires_on']}). Balance: {view['balance']:,} points."])


def cmd_member_show(args) -> int:
    member_id = _member_id(args.member_id)
    store = _open(args.data_dir)
    try:
        view = store.member_view(member_id, recent=20)
        today = store.today()
        partner = store.partner
    finally:
        store.close()
    lines = [f"{partner} member {member_id} ({view['status']})",
             f"Balance: {view['balance']:,} points", ""]
    lines += _table(["LOT", "POINTS", "EARNED", "EXPIRES"],
                    [[lot["id"], f"{lot['points']:,}", lot["earned_on"],
                      f"{lot['expires_on']} ({(date.fromisoformat(lot['expires_on']) - today).days}"
                      " d)"] for lot in view["lots"]], right={1}) or ["No live points."]
    if view["operations"]:
        lines += ["", "Recent operations"]
        lines += _table(["TIME (KST)", "KIND", "POINTS", "KEY"], [
            [_kst(op["applied_at"]), op["kind"],
             f"{'-' if op['kind'] == 'redeem' else '+'}{op['points']:,}", op["key"]]
            for op in view["operations"]], right={2})
    return _print(args, {"member": view}, lines)


def cmd_member_spend(args) -> int:
    member_id = _member_id(args.member_id)
    points = parse_points(args.points)
    store = _open(args.data_dir)
    try:
        view = store.spend(member_id, points)
    finally:
        store.close()
    return _print(args, {"member": view}, [f"{member_id} paid {points:,} points at "
                                           f"{store.partner}. Balance: {view['balance']:,} "
                                           "points."])


def cmd_member_close(args) -> int:
    member_id = _member_id(args.member_id)
    store = _open(args.data_dir)
    try:
        store.close_member(member_id)
        view = store.member_view(member_id)
    finally:
        store.close()
    return _print(args, {"member": view}, [f"Closed the membership of {member_id}; its "
                                           f"{view['balance']:,} points stay frozen."])


# -- conformance --------------------------------------------------------------------------

def cmd_conformance(args) -> int:
    from app.partner_server.auth import load_operator_credential
    from app.partner_server.conformance import run

    credential = load_operator_credential(args.token_file)
    member = _member_id(args.member)
    if not 0 < args.timeout <= 120:
        raise InputError("--timeout is 1 to 120 seconds.", code="usage")
    report = run(args.url, credential, member=member, points=args.points,
                 timeout=args.timeout, log=None if args.json else _say)
    if args.json:
        print(json.dumps(report.document(), ensure_ascii=False, indent=2))
    else:
        print(report.summary())
    return 0 if report.passed else 1


def _say(text: str) -> None:
    print(text, flush=True)


# -- helpers ----------------------------------------------------------------------------

def _open(data_dir: Path, code: str | None = None, partner=None, now=None):
    from app.partner_server.store import DB_FILE, Store

    try:
        return Store.open(data_dir, code, now=now,
                          tica_points=partner.target_inventory if partner else 0)
    except FileNotFoundError:
        raise InputError(f"There is no partner data in {data_dir} ({DB_FILE}). Start "
                         "`milk-partner serve --partner CODE --data-dir DIR` once, or pass "
                         "--partner.", code="no_partner_data") from None
    except ValueError as exc:
        raise InputError(f"{exc}.", code="wrong_partner") from None
    except Exception as exc:  # sqlite3.DatabaseError: not a database, locked, unreadable
        raise ExternalError(f"Cannot open the partner data in {data_dir}: {exc}.",
                            code="partner_data_unreadable") from None


def _print(args, doc: dict, lines: list[str]) -> int:
    if getattr(args, "json", False):
        print(json.dumps({"ok": True, **doc}, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines))
    return 0


def _table(headers: list[str], rows: list[list[str]], right=frozenset()) -> list[str]:
    if not rows:
        return []
    widths = [max(len(str(c)) for c in col) for col in zip(headers, *rows, strict=True)]

    def fmt(cells):
        return "  ".join(str(c).rjust(w) if i in right else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return [fmt(headers), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows]


def _kst(text: str) -> str:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(KST) \
        .strftime("%Y-%m-%d %H:%M:%S")


def _member_id(value: str) -> str:
    if not api_v1.MEMBER_ID.match(value or ""):
        raise InputError(f"'{value}' is not a member id: 3 to 64 letters, digits or . _ @ + -.",
                         code="bad_member_id")
    return value


def _date(value: str, flag: str) -> date:
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{flag} needs a date as YYYY-MM-DD, not '{value}'.",
                         code="bad_date") from None


def _partner_code(value: str) -> str:
    code = (value or "").strip().upper()
    if not PARTNER_CODE.match(code):
        raise argparse.ArgumentTypeError(f"'{value}' is not a partner code (A-Z, 0-9, _)")
    return code


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port (0 to 65535)")
    return int(value)


def _points_arg(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) <= 1000:
        raise argparse.ArgumentTypeError(f"'{value}' is not 1 to 1000 points")
    return int(value)

