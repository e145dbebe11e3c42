"""`milk` commands over the core services: partners, points, prices, TICA, history, ledger."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from app.cli.output import Result, amount
from app.core.clock import iso, parse_iso
from app.core.errors import InputError, RuleError
from app.core.history_filter import HistoryFilter
from app.core.money import MLK, format_amount, format_krw, format_mlk, format_points, parse_krw
from app.core.services import Services
from app.core.services.history import KINDS


def cmd_init(svc: Services, args) -> Result:
    r = svc.admin.init(demo=args.demo)
    res = Result({"created": r.created, "demo": r.demo, "entries_written": r.entries,
                  "data_dir": str(svc.ctx.data_dir)})
    what = "demo profile" if r.demo else "profile"
    res.say(f"{'Created' if r.created else 'Checked'} the {what} in {svc.ctx.data_dir} "
            f"({r.entries} ledger entries written).")
    wallet = r.wallet  # the presenter's wallet, with its demo-only key (seeded once)
    if wallet is not None:
        res.data["demo_wallet"] = {"address": wallet.address, "watch_only": wallet.watch_only,
                                   "reason": wallet.reason, "password": wallet.password}
        if wallet.watch_only:
            res.say(f"Demo wallet {wallet.address} is watch-only: {wallet.reason}")
        else:
            res.say(f"Demo wallet {wallet.address}, its demo-only key in the keyring (demo "
                    f"password: {wallet.password}).")
    if r.demo:
        res.say("Try: milk points   ·   milk quote YANOLJA MLK 2000   ·   milk-wallet --demo")
    return res


def cmd_partners(svc: Services, args) -> Result:
    if getattr(args, "partners_action", None) == "reconcile":
        return cmd_reconcile(svc, args)
    rows, data = [], []
    for st in svc.partners.catalog():
        p = st.partner
        data.append({"code": p.code, "name": {"ko": p.name_ko, "en": p.name_en},
                     "face_value_krw": p.face_value_krw, "min_conversion": p.min_conversion,
                     "max_discount": p.max_discount, "target_inventory": p.target_inventory,
                     "linked": st.linked, "member_id": st.member_id,
                     "last_sync_at": st.last_sync_at, "last_sync_status": st.last_sync_status})
        rows.append([p.code, f"{p.name_ko} {p.name_en}", f"{p.face_value_krw} KRW",
                     f"linked ({st.member_id})" if st.linked else "not linked"])
    return Result({"partners": data}).table(["CODE", "PARTNER", "1 POINT", "STATUS"], rows)


def cmd_reconcile(svc: Services, args) -> Result:
    """The partner's statement against the ledger: exit 0 when they agree, 3 with the
    differences (4 when the partner cannot be reached)."""
    r = svc.partners.reconcile(args.partner)
    name = svc.ctx.catalog.get(r.partner).name_en
    res = Result({"partner": r.partner, "member_id": r.member_id, "agrees": r.agrees,
                  "operations": r.operations, "member_balance": r.member_balance,
                  "ledger_balance": r.ledger_balance, "tica_balance": r.tica_balance,
                  "ledger_inventory": r.ledger_inventory,
                  "differences": [{"kind": d.kind, "key": d.key, "message": d.message}
                                  for d in r.differences]}, exit_code=0 if r.agrees else 3)
    member = (f"member {r.member_id}: {format_points(r.member_balance)} at {name}, "
              f"{format_points(r.ledger_balance)} in MiL.k" if r.member_id else "not linked")
    res.say(f"{name}: {r.operations} operation(s) of this profile checked; {member}; TICA's "
            f"account {format_points(r.tica_balance)}, ledger inventory "
            f"{format_points(r.ledger_inventory)}.")
    if r.agrees:
        return res.say("The partner's statement and the ledger agree.")
    res.say(f"{len(r.differences)} difference(s):")
    for d in r.differences:
        res.say(f"  {d.kind}: {d.message}" + (f" [{d.key}]" if d.key else ""))
    return res


def cmd_link(svc: Services, args) -> Result:
    if args.code is not None and not args.code.strip():
        raise InputError("--code is empty. Give the code the partner sent, or leave --code "
                         "out to have one sent.", code="bad_code")
    if args.code is None:
        ch = svc.partners.request_code(args.partner, args.member_id)
        res = Result({"linked": False, "code_sent": True, "partner": ch.partner,
                      "member_id": ch.member_id, "sent_to": ch.sent_to,
                      "demo_code": ch.demo_code})
        res.say(f"A verification code was sent to {ch.sent_to}.")
        if ch.demo_code:
            res.say(f"Demo mode: the code is {ch.demo_code}.")
        return res.say(f"Then run: milk link {ch.partner} --member-id {ch.member_id} "
                       f"--code {ch.demo_code or 'CODE'}")
    sync = svc.partners.link(args.partner, args.member_id, args.code)
    partner = svc.ctx.catalog.get(sync.partner)
    res = Result({"linked": True, "partner": partner.code, "member_id": args.member_id.strip(),
                  **_sync_data(sync)})
    return res.say(f"Linked {partner.name_en}: {format_points(sync.imported)} shown in MiL.k "
                   f"(they stay in your {partner.name_en} account).")


def cmd_unlink(svc: Services, args) -> Result:
    partner = svc.ctx.catalog.get(args.partner)
    r = svc.partners.unlink(partner.code)
    res = Result({"partner": partner.code, "linked": False, "points_no_longer_shown": r.points,
                  "token_revoked": r.revoked})
    res.say(f"Unlinked {partner.name_en}. Its {format_points(r.points)} stay in your "
            f"{partner.name_en} account; MiL.k no longer shows them.")
    if not r.revoked:
        res.say(f"! {partner.name_en} could not be reached to revoke MiL.k's access token; "
                "MiL.k has forgotten it.")
    return res


def cmd_sync(svc: Services, args) -> Result:
    results = svc.partners.sync_all() if args.partner is None else \
        [svc.partners.sync(args.partner)]
    res = Result({"synced": [_sync_data(r) for r in results]})
    if not results:
        res.say("No partner is linked yet. Link one with: milk link PARTNER --member-id ID")
    for r in results:
        change = (f"imported {format_points(r.imported)}, adjusted {r.adjusted:+,}"
                  if r.changed else "already up to date")
        if r.settled:
            change += f"; {r.settled} pending operation(s) settled"
        if r.pending:
            change = (f"{r.pending} operation(s) still pending at the partner; the points are "
                      "shown once it answers")
        res.say(f"{r.partner}: {change}")
    return res


def _sync_data(r) -> dict:
    return {"partner": r.partner, "imported": r.imported, "adjusted": r.adjusted,
            "entry_seq": r.entry_seq, "settled": r.settled, "pending": r.pending}


def cmd_points(svc: Services, args) -> Result:
    ov = svc.points.overview()
    rows, data = [], []
    for h in ov.holdings:
        p = h.partner
        mlk = format_mlk(h.mlk_value, places=4, unit=False) if h.mlk_value is not None else "—"
        soon = f"{format_points(h.expiring, unit=False)} by {h.next_expiry}" if h.expiring else ""
        rows.append([p.code if p.known else f"{p.code} (unknown partner)",
                     format_points(h.balance, unit=False),
                     format_krw(h.krw_value) if p.known else "—", mlk, soon])
        data.append({"partner": p.code, "name": {"ko": p.name_ko, "en": p.name_en},
                     "known": p.known, "linked": h.linked, "balance": h.balance,
                     "krw_value": h.krw_value if p.known else None,
                     "mlk_value": amount(MLK, h.mlk_value) if h.mlk_value is not None else None,
                     "expiring_30d": h.expiring,
                     "next_expiry": h.next_expiry,
                     "pending_out": h.pending_out, "pending_in": h.pending_in,
                     "lots": [{"id": lot.id, "remaining": lot.remaining,
                               "expires_on": lot.expires_on} for lot in h.lots]})
    res = Result({"holdings": data, "mlk_in_app": amount(MLK, ov.mlk_in_app),
                  "price": _price_data(ov.price),
                  "price_problem": ov.price_problem.message if ov.price_problem else None,
                  "total_krw": ov.total_krw, "unknown_partner_points": ov.unknown_points,
                  "today": ov.today,
                  "pending": [{"conversion": op.conversion, "partner": op.partner,
                               "kind": op.kind, "points": op.points, "waiting": op.waiting,
                               "since": op.since, "attempts": op.attempts,
                               "last_error": op.last_error} for op in ov.pending]})
    if rows:
        res.table(["PARTNER", "POINTS", "KRW", "MLK NOW", "EXPIRING ≤30 DAYS"], rows, {1, 2, 3})
    else:
        res.say("No points yet. Link a partner with: milk link PARTNER --member-id ID")
    res.say()
    res.say(f"In-app MLK: {format_mlk(ov.mlk_in_app)}")
    if ov.price:
        res.say(f"MLK price:  {format_krw(ov.price.krw_per_mlk, places=2)} "
                f"({_price_words(ov.price)}, as of {iso(ov.price.as_of)})")
    else:
        res.say(f"MLK price:  unavailable — {ov.price_problem.message}")
    res.say(f"Total value: {format_krw(ov.total_krw)}")
    if ov.unknown_points:
        res.say(f"  plus {format_points(ov.unknown_points)} of partners the catalog no longer "
                "lists (value unknown; they stay yours)")
    for h in ov.expiring:
        res.say(f"! {format_points(h.expiring)} of {h.partner.name_en} expire by "
                f"{h.next_expiry}: convert them before they expire.")
    for op in ov.pending:
        name = svc.ctx.catalog.known_or_placeholder(op.partner).name_en
        what = "leaving for TICA" if op.kind == "redeem" else "coming to you"
        res.say(f"… {format_points(op.points)} {what}: pending at {name} since {op.since[:19]}"
                + (f" ({op.last_error})" if op.last_error else ""))
    return res


def _price_data(price) -> dict | None:
    if price is None:
        return None
    return {"krw_per_mlk": price.krw_per_mlk, "as_of": price.as_of, "source": price.source,
            "manual": price.source == "static"}


def _price_words(price) -> str:
    return "manual price" if price.source == "static" else price.source


def cmd_price(svc: Services, args) -> Result:
    action = getattr(args, "price_action", None)
    if action == "set":
        value = parse_krw(args.krw_per_mlk)
        as_of = _parse_time(args.as_of, "--as-of") if args.as_of else None
        if not args.yes and not svc.settings.get_bool("profile.demo"):
            raise RuleError(
                f"Set the MLK price to {format_krw(value, places=2)} by hand? On this profile "
                "every conversion would pay that price, whatever the market says, until it is "
                "replaced. Nothing was changed; re-run with --yes to set it.",
                code="needs_confirmation", details={"krw_per_mlk": value})
        price = svc.prices.set_static(value, as_of)
        return Result({"price": _price_data(price), "feed": "static"}).say(
            f"MLK price set to {format_krw(price.krw_per_mlk, places=2)} as of "
            f"{iso(price.as_of)} (static feed).")
    if action == "feed":
        svc.prices.use_feed(args.feed, args.url)
        return Result({"feed": args.feed}).say(f"Price feed: {args.feed}.")
    price = svc.prices.current()
    stale = svc.prices.stale_after
    return Result({"price": _price_data(price), "feed": svc.prices.feed,
                   "stale_after_seconds": int(stale.total_seconds())}).say(
        f"1 MLK = {format_krw(price.krw_per_mlk, places=2)} ({_price_words(price)}, as of "
        f"{iso(price.as_of)})")


def _parse_time(text: str, flag: str):
    try:
        return parse_iso(text)
    except ValueError:
        raise InputError(f"{flag} needs an ISO-8601 time such as 2026-11-23T09:00:00+09:00.",
                         code="bad_time") from None


def _warnings(svc: Services, trade, codes) -> list[dict]:
    """The quote's warnings for people: code (for scripts) and the sentence."""
    return [{"code": code, "message": "Manual price: the MLK price was set by hand (milk price "
                                      "set), not read from a market."} for code in codes]


def _quote_data(svc: Services, q) -> dict:
    t = q.trade
    return {"quote_id": q.id, "from": t.from_asset, "to": t.to_asset, "mode": t.mode,
            "amount_in": amount(t.from_asset, t.amount_in),
            "amount_out": amount(t.to_asset, t.amount_out),
            "fee": amount(MLK, t.fee), "rate": q.rate,
            "min_out": amount(t.to_asset, q.min_out), "max_in": amount(t.from_asset, q.max_in),
            "price": _price_data(q.price), "expires_at": q.expires_at,
            "slippage_bps": q.slippage_bps, "warnings": _warnings(svc, q.trade, q.warnings),
            "legs": [{"partner": leg.partner, "side": leg.side, "points": leg.points,
                      "point_price_krw": leg.point_price, "discount": leg.discount,
                      "inventory": leg.inventory} for leg in t.legs]}


def cmd_quote(svc: Services, args) -> Result:
    q = svc.exchange.quote(args.from_asset, args.to_asset, args.amount, args.exact_out,
                           args.max_slippage_bps)
    t = q.trade
    res = Result(_quote_data(svc, q))
    res.say(f"Quote {q.id}")
    res.say(f"  You give     {format_amount(t.from_asset, t.amount_in)}")
    res.say(f"  You receive  {format_amount(t.to_asset, t.amount_out)}")
    res.say(f"  Rate         1 {t.from_asset} = {q.rate} {t.to_asset}")
    for leg in t.legs:
        disc = f", discount {Decimal(leg.discount) * 100:.2f}%" if Decimal(leg.discount) else ""
        res.say(f"  {leg.partner} point price  {leg.point_price} KRW{disc}")
    res.say(f"  Fee (1.5% per leg)  {format_mlk(t.fee)}")
    if t.mode == "exact_in":
        res.say(f"  Minimum received  {format_amount(t.to_asset, q.min_out)} "
                f"(slippage bound {q.slippage_bps / 100:.2f}%)")
    else:
        res.say(f"  Maximum paid  {format_amount(t.from_asset, q.max_in)} "
                f"(slippage bound {q.slippage_bps / 100:.2f}%)")
    res.say(f"  MLK price    {format_krw(q.price.krw_per_mlk, places=2)} "
            f"({_price_words(q.price)})")
    res.say(f"  Expires      {iso(q.expires_at)} (in "
            f"{q.seconds_left(svc.ctx.clock.now())} s)")
    res.lines += [f"  ! {w['message']}" for w in res.data["warnings"]]
    return res


def cmd_convert(svc: Services, args) -> Result:
    if args.quote:
        if args.from_asset or args.exact_out:
            raise InputError("Give either --quote ID or FROM TO AMOUNT, not both.",
                             code="usage")
        q = svc.exchange.load_quote(args.quote)
        c = svc.exchange.execute(q, args.key)
    else:
        if args.amount is None:
            raise InputError("convert needs FROM TO AMOUNT (or --quote ID).", code="usage")
        c = svc.exchange.convert(args.from_asset, args.to_asset, args.amount, args.exact_out,
                                 args.max_slippage_bps, args.key)
    exit_code = {"done": 0, "partial": 3, "pending": 4}[c.status]
    res = Result({"entry_seq": c.entry.seq, "entry_hash": c.entry.hash, "replayed": c.replayed,
                  "from": c.from_asset, "to": c.to_asset,
                  "amount_in": amount(c.from_asset, c.amount_in),
                  "amount_out": amount(c.to_asset, c.amount_out), "fee": amount(MLK, c.fee),
                  "price_krw_per_mlk": c.price, "kind": c.entry.memo.get("op", c.entry.kind),
                  "status": c.status, "conversion": c.conversion_id,
                  "pending_at": list(c.pending_at), "note": c.note,
                  "warnings": _warnings(svc, c, c.warnings)}, exit_code=exit_code)
    if c.status == "pending":
        names = ", ".join(svc.ctx.catalog.known_or_placeholder(p).name_en for p in c.pending_at)
        res.say(f"Pending at {names}: {format_amount(c.from_asset, c.amount_in)} → "
                f"{format_amount(c.to_asset, c.amount_out)}. {names} has not answered yet; "
                "MiL.k completes or reverses it when it does (milk sync).")
    elif c.status == "partial":
        res.say(f"Only half converted: {c.note}")
    else:
        verb = "Already converted (same key)" if c.replayed else "Converted"
        res.say(f"{verb}: {format_amount(c.from_asset, c.amount_in)} → "
                f"{format_amount(c.to_asset, c.amount_out)} (fee {format_mlk(c.fee)}).")
    res.say(f"Ledger entry #{c.entry.seq}  {c.entry.hash}")
    res.lines += [f"! {w['message']}" for w in res.data["warnings"]]
    return res


def cmd_history(svc: Services, args) -> Result:
    if args.kind and (bad := sorted(set(args.kind) - set(KINDS))):
        raise InputError(f"Unknown kind '{bad[0]}'. Kinds: {', '.join(KINDS)}.",
                         code="unknown_kind")
    flt = HistoryFilter(kinds=tuple(args.kind or ()),
                        asset=None if args.asset is None else svc.ctx.catalog.asset(args.asset),
                        text=args.search)
    if args.csv or args.ledger_csv:
        statement = bool(args.csv)
        path = Path(args.csv or args.ledger_csv)
        n = svc.history.export_statement(path, flt, args.lang, args.force) if statement else \
            svc.history.export_ledger_csv(path, flt, args.force)
        what = "statement" if statement else "ledger"
        return Result({"csv": str(path), "format": what, "entries": n}).say(
            f"Wrote the {what} of {n} entries to {path}.")
    if not 1 <= args.limit <= 1000:
        raise InputError("--limit must be 1 to 1000.", code="bad_limit")
    rows = svc.history.page(limit=args.limit, flt=flt)
    res = Result({"entries": [{"seq": r.seq, "kind": r.kind, "created_at": r.created_at,
                               "changes": [amount(a, v) for a, v in sorted(r.changes.items())],
                               "hash": r.hash, "chain_key": r.chain_key, "tx_hash": r.tx_hash,
                               "details": r.memo} for r in rows]})
    res.table(["#", "TIME (UTC)", "KIND", "CHANGE"],
              [[str(r.seq), r.created_at[:19].replace("T", " "), r.kind,
                ", ".join(_change(a, v) for a, v in sorted(r.changes.items()))]
               for r in rows], {0})
    return res


def _change(asset: str, units: int) -> str:
    sign = "+" if units > 0 else "-"
    if asset == MLK:
        return f"{sign}{format_mlk(abs(units))}"
    return f"{sign}{format_points(abs(units), unit=False)} {asset}"


def cmd_simulate(svc: Services, args) -> Result:
    if not 1 <= args.conversions <= 1_000_000:
        raise InputError("--conversions must be 1 to 1,000,000.", code="bad_count")
    r = svc.simulate(args.conversions, args.seed, bulk=args.bulk)
    return Result({"conversions": r.conversions, "links": r.links, "syncs": r.syncs,
                   "refused": dict(r.refused), "seconds": round(r.seconds, 3)}).say(
        f"Simulated {r.conversions} conversions, {r.links} links, {r.syncs} syncs "
        f"in {r.seconds:.1f} s ({sum(r.refused.values())} refused by TICA's rules).")

