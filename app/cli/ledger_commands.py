"""`milk ledger verify|anchor`, `milk backup FILE` and `milk restore FILE`: the ledger's proof.

`restore` runs with the profile closed (it replaces the ledger file, which may be the
damaged thing being repaired), so it takes the data directory instead of open services.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.output import Result
from app.core.errors import InputError


def add_ledger_commands(cmd, g) -> None:
    sp = cmd("ledger", None, "the ledger's proof: verify it, anchor its head on chain")
    ledger = sp.add_subparsers(dest="ledger_action", metavar="ACTION", parser_class=type(sp))
    ledger.required = True
    p = ledger.add_parser("verify", parents=[g], help="check the file, the chain, the balances "
                          "and the signed checkpoint")
    p.add_argument("--anchors", action="store_true",
                   help="also find this profile's anchors on chain and check each")
    p.set_defaults(func=cmd_verify)
    p = ledger.add_parser("anchor", parents=[g], help="write the head hash to the main chain")
    p.set_defaults(func=cmd_anchor)

    sp = cmd("backup", cmd_backup, "a verified copy of the ledger, with its signed checkpoint")
    sp.add_argument("file", metavar="FILE")
    sp.add_argument("--force", action="store_true", help="replace FILE if it exists")
    sp = cmd("restore", cmd_restore, "replace the ledger with a verified backup (the current "
             "one is kept beside it)")
    sp.add_argument("file", metavar="FILE")
    sp.add_argument("--rollback", metavar="FIRST-LAST", type=_range,
                    help="confirm taking back these entries (a backup behind the ledger)")
    sp.set_defaults(opens_profile=False)


def _range(text: str) -> tuple[int, int]:
    first, sep, last = text.partition("-")
    if not (sep and first.isascii() and first.isdigit() and last.isascii() and last.isdigit()):
        raise argparse.ArgumentTypeError(f"--rollback needs FIRST-LAST, e.g. 3151-3204, "
                                         f"not '{text}'")
    return int(first), int(last)


def cmd_verify(svc, args) -> Result:
    r = svc.admin.verify()
    anchors = svc.anchors.verify(r) if args.anchors else None
    res = Result({"valid": r.ok, "entries": r.entries, "postings": r.postings,
                  "accounts": r.accounts, "head_seq": r.head_seq, "head_hash": r.head_hash,
                  "first_bad_seq": r.first_bad_seq,
                  "problems": [{"seq": p.seq, "problem": p.what} for p in r.problems],
                  "anchor": {"anchored": r.anchored, "note": r.anchor_note,
                             "checkpoint_seq": r.checkpoint_seq, "witness_seq": r.witness_seq},
                  "notes": r.notes})
    if anchors is not None:
        res.data["chain_anchors"] = [_anchor_data(a) for a in anchors]
    if r.ok:
        res.say(f"Ledger OK: {r.entries} entries, {r.postings} postings, {r.accounts} accounts.")
        res.say(f"Head #{r.head_seq} {r.head_hash}")
    else:
        res.say(f"LEDGER FAULT: {len(r.problems)} problem(s); first bad entry: "
                f"#{r.first_bad_seq if r.first_bad_seq is not None else '-'}")
        res.lines += [f"  {p}" for p in r.problems]
    res.say(f"Anchored: {r.anchor_note}." if r.anchored else
            f"{r.anchor_note[:1].upper()}{r.anchor_note[1:]}.")
    res.lines += [f"Note: {note}." for note in r.notes]
    if anchors is not None:
        res.say(f"On chain: {len(anchors)} anchor(s) of this profile, each a prefix of the "
                "ledger." if r.ok else f"On chain: {len(anchors)} anchor(s) of this profile.")
        for a in anchors:
            res.say(f"  #{a.seq} in block {a.block} ({a.tx_hash})")
    res.exit_code = 0 if r.ok else 4  # a damaged database is an outside failure
    return res


def _anchor_data(a) -> dict:
    return {"seq": a.seq, "hash": a.hash, "block": a.block, "tx_hash": a.tx_hash,
            "chain_id": a.chain_id}


def cmd_anchor(svc, args) -> Result:
    a = svc.anchors.anchor()
    return Result(_anchor_data(a)).say(
        f"Anchored entry #{a.seq} ({a.hash[:16]}…) on chain {a.chain_id}, block {a.block}: "
        f"{a.tx_hash}")


def cmd_backup(svc, args) -> Result:
    b = svc.backups.backup(Path(args.file), force=args.force)
    res = Result({"file": str(b.path), "entries": b.entries, "head_seq": b.head_seq,
                  "head_hash": b.head_hash, "signed": b.signed})
    res.say(f"Backed up {b.entries} entries (head #{b.head_seq}) to {b.path}.")
    if not b.signed:
        res.say("Its checkpoint is not signed: this profile has no key in a usable keyring.")
    return res


def cmd_restore(data_dir: Path, args) -> Result:
    from app.core.clock import Clock
    from app.core.services.backup import restore_ledger

    if not Path(args.file).is_file():
        raise InputError(f"There is no backup file {args.file}.", code="no_file")
    r = restore_ledger(data_dir, Path(args.file), Clock().now(), rollback=args.rollback)
    plan = r.plan
    res = Result({"file": str(plan.source), "head_seq": plan.head_seq,
                  "head_hash": plan.head_hash, "entries": plan.entries, "signed": plan.signed,
                  "rolled_back": list(plan.rollback) if plan.rollback else None,
                  "kept": str(r.kept) if r.kept else None})
    res.say(f"Restored {plan.entries} entries (head #{plan.head_seq}) from {plan.source}.")
    if plan.rollback:
        res.say(f"Entries #{plan.rollback[0]}–#{plan.rollback[1]} were taken back, as confirmed.")
    if r.kept:
        res.say(f"The ledger it replaced is kept as {r.kept}.")
    return res
