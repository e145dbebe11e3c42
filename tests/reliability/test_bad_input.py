"""The bad-input catalogue: every command, fed what people and scripts get wrong. Each case
names its exit code (2 bad input, 3 refused by a rule, 4 an outside failure — never 1), its
error code and a piece of its message, and checks that the profile is exactly as it was.

Cases run in-process through `app.cli.main` (the process boundary adds nothing to parsing),
and a representative subset again as real `milk` processes, in JSON and in text.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.core.services import Services
from tests.reliability.conftest import ledger_facts
from tests.support.cli import MilkCLI, milk_in_process

ADDR = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
ZERO = "0x" + "0" * 40
UINT256_PLUS_1 = str(2**256)
RPC = "http://127.0.0.1:1"


@dataclass(frozen=True)
class Case:
    args: tuple[str, ...]
    exit: int
    code: str
    says: str  # a piece of the message
    env: dict = field(default_factory=dict, hash=False)
    process_only: bool = False  # needs a fresh process (e.g. an env var read at import)

    @property
    def id(self) -> str:
        text = " ".join(self.args) + "".join(f" {k}={v}" for k, v in self.env.items())
        return text.replace("{", "").replace("}", "")[:90] or "(nothing)"


def _cases() -> list[Case]:
    out: list[Case] = []
    add = out.append

    # -- amounts: points -----------------------------------------------------------------------
    bad_points = [
        ("0", "amount_not_positive", "more than zero"),
        ("-3", "amount_not_positive", "more than zero"),
        ("1.5", "amount_fraction", "whole numbers"),
        ("2000.01", "amount_fraction", "whole numbers"),
        ("abc", "amount_not_number", "not a valid amount"),
        ("1e3", "amount_exponent", "without an exponent"),
        ("NaN", "amount_not_number", "not a number"),
        ("Infinity", "amount_not_number", "not a number"),
        ("２０００", "amount_not_number", "not a valid amount"),
        ("٢٠٠٠", "amount_not_number", "not a valid amount"),
        ("2 000", "amount_not_number", "not a valid amount"),
        ("2,00", "amount_not_number", "not a valid amount"),
        ("+2000", "amount_not_number", "not a valid amount"),
        ("0x10", "amount_not_number", "not a valid amount"),
        (" ", "amount_empty", "Enter a number of points"),
        (UINT256_PLUS_1, "amount_too_large", "too large"),
    ]
    for text, code, says in bad_points:
        add(Case(("quote", "YANOLJA", "MLK", text), 2, code, says))
        add(Case(("convert", "SSG_DUTYFREE", "MLK", text, "--key", "k"), 2, code, says))
        add(Case(("convert", "MLK", "DELICAR", text, "--exact-out"), 2, code, says))

    # -- amounts: MLK --------------------------------------------------------------------------
    bad_mlk = [
        ("0", "amount_not_positive", "more than zero"),
        ("-1", "amount_not_positive", "more than zero"),
        ("1.0000000000000000001", "amount_too_precise", "18 decimal places"),
        ("abc", "amount_not_number", "not a valid amount"),
        ("1e18", "amount_exponent", "without an exponent"),
        ("nan", "amount_not_number", "not a number"),
        ("inf", "amount_not_number", "not a number"),
        ("１", "amount_not_number", "not a valid amount"),
        ("1 000", "amount_not_number", "not a valid amount"),
        ("1,00", "amount_not_number", "not a valid amount"),
        ("+1", "amount_not_number", "not a valid amount"),
        ("0x1", "amount_not_number", "not a valid amount"),
        ("", "amount_empty", "Enter an MLK amount"),
        (UINT256_PLUS_1, "amount_too_large", "too large"),
    ]
    for text, code, says in bad_mlk:
        add(Case(("quote", "MLK", "YANOLJA", text), 2, code, says))
        add(Case(("convert", "MLK", "DELICAR", text), 2, code, says))
        add(Case(("quote", "YANOLJA", "MLK", text, "--exact-out"), 2, code, says))
        add(Case(("wallet", "withdraw", text, "--to", ADDR), 2, code, says))
        add(Case(("wallet", "deposit", text), 2, code, says))

    # -- prices ----------------------------------------------------------------------------------
    for text, code, says in [
        ("abc", "amount_not_number", "not a valid amount"), ("0", "amount_not_positive", "zero"),
        ("-5", "amount_not_positive", "more than zero"), ("1e3", "amount_exponent", "exponent"),
        ("NaN", "amount_not_number", "not a number"), ("1.123456789", "amount_too_precise",
                                                       "8 decimal places"),
        ("1000000000000000", "amount_too_large", "too large"),
        ("２００", "amount_not_number", "not a valid amount")]:
        add(Case(("price", "set", text), 2, code, says))
    for when, code, says in [("yesterday", "bad_time", "ISO-8601"),
                             ("2026-13-01T00:00:00Z", "bad_time", "ISO-8601"),
                             ("2099-01-01T00:00:00Z", "as_of_future", "in the future")]:
        add(Case(("price", "set", "200", "--as-of", when), 2, code, says))
    for url in ("ftp://prices.example", "", "api.upbit.com"):
        add(Case(("price", "feed", "upbit", "--url", url), 2, "bad_url", "http:// or https://"))
    add(Case(("price", "feed", "coinbase"), 2, "usage", "invalid choice"))

    # -- partner codes -------------------------------------------------------------------------
    for bad in ("NOPE", "yanolja_x", "", "YANOLJA;DROP TABLE", "야놀자"):
        says = "Unknown partner"
        add(Case(("quote", bad, "MLK", "2000"), 2, "unknown_partner", says))
        add(Case(("convert", "MLK", bad, "1"), 2, "unknown_partner", says))
        add(Case(("link", bad, "--member-id", "abc-12"), 2, "unknown_partner", says))
        add(Case(("unlink", bad), 2, "unknown_partner", says))
        add(Case(("sync", bad), 2, "unknown_partner", says))
        add(Case(("history", "--asset", bad), 2, "unknown_partner", says))
    for command in (("link", "MLK", "--member-id", "abc-12"), ("unlink", "MLK"), ("sync", "MLK")):
        add(Case(command, 2, "unknown_partner", "Unknown partner 'MLK'"))

    # -- membership ----------------------------------------------------------------------------
    for member in ("", "ab", "x" * 65, "has space", "한글이름", ".lead", "a/b/c"):
        add(Case(("link", "DELICAR", "--member-id", member), 2, "bad_member_id",
                 "A member id is 3 to 64"))
    add(Case(("link", "DELICAR", "--member-id", "abc-12", "--code", "000000"), 2,
             "unknown_member", "no member abc-12"))  # no code was ever sent to abc-12
    add(Case(("link", "DELICAR", "--member-id", "abc-12", "--code", ""), 2, "bad_code",
             "--code is empty"))
    add(Case(("link", "DELICAR", "--member-id", "abc-12", "--code", "  "), 2, "bad_code",
             "--code is empty"))

    # -- integer options: ASCII digits only ----------------------------------------------------
    int_flags = [
        ("history", "--limit"), ("simulate", "--conversions"),
        ("simulate", "--conversions", "1", "--seed"),
        ("quote", "YANOLJA", "MLK", "2000", "--max-slippage-bps"),
        ("convert", "YANOLJA", "MLK", "2000", "--max-slippage-bps"),
        ("wallet", "txs", "--limit"), ("wallet", "speedup"), ("wallet", "cancel"),
        ("network", "use", RPC, "--chain-id"),
        ("network", "use", RPC, "--chain-id", "5", "--confirmations"),
        ("wallet", "create", "--words"),
    ]
    for prefix in int_flags:
        for bad in ("１０", "-1", "1.5", "abc", " 10", "1_0", "٣", "0x10"):
            add(Case((*prefix, bad), 2, "usage", "needs a whole number in the digits 0-9"))

    # -- ranges of well-formed integers ----------------------------------------------------------
    add(Case(("history", "--limit", "0"), 2, "bad_limit", "1 to 1000"))
    add(Case(("history", "--limit", "1001"), 2, "bad_limit", "1 to 1000"))
    add(Case(("simulate", "--conversions", "0"), 2, "bad_count", "1 to 1,000,000"))
    add(Case(("simulate", "--conversions", "1000001"), 2, "bad_count", "1 to 1,000,000"))
    add(Case(("quote", "YANOLJA", "MLK", "2000", "--max-slippage-bps", "5001"), 2,
             "bad_slippage", "0 to 5000"))
    add(Case(("wallet", "create", "--words", "13"), 2, "usage", "invalid choice"))

    # -- idempotency keys ----------------------------------------------------------------------
    for key in ("", " ", "\t", "x" * 121, "line\nbreak", "tab\there"):
        add(Case(("convert", "YANOLJA", "MLK", "2000", "--key", key), 2, "bad_key",
                 "idempotency key is 1 to 120"))
    for key in ("", " ", "x" * 101):
        add(Case(("wallet", "withdraw", "1", "--to", ADDR, "--key", key), 2, "bad_key",
                 "idempotency key"))

    # -- addresses -------------------------------------------------------------------------------
    for bad, code in [("0x123", "address_length"), ("xyz", "address_format"),
                      (ADDR[:-1] + "D", "address_checksum"), (ADDR + "0", "address_length"),
                      (ADDR + "\u200b", "address_whitespace"),
                      (" " + ADDR + "x", "address_whitespace")]:
        add(Case(("wallet", "watch", bad), 2, code, "address"))
        add(Case(("wallet", "withdraw", "1", "--to", bad), 2, code, "address"))
        add(Case(("wallet", "book", "add", "Upbit", bad), 2, code, "address"))
    add(Case(("network", "use", RPC, "--chain-id", "5", "--token", "0x12"), 2, "address_length",
             "token address"))

    # -- usage: missing, extra and unknown arguments, for every command ------------------------
    for args, says in [
        ((), "required: COMMAND"), (("bogus",), "invalid choice"),
        (("init", "extra"), "unrecognized arguments"), (("init", "--bogus"), "unrecognized"),
        (("partners", "extra"), "invalid choice"), (("link", "DELICAR"), "--member-id"),
        (("link",), "required"), (("unlink",), "required"), (("sync", "A", "B"), "unrecognized"),
        (("points", "--bogus"), "unrecognized"), (("price", "bogus"), "invalid choice"),
        (("price", "set"), "required"), (("quote", "YANOLJA", "MLK"), "required"),
        (("quote",), "required"), (("convert", "YANOLJA", "MLK", "2000", "--bogus"),
                                   "unrecognized"),
        (("convert", "YANOLJA"), "convert needs FROM TO AMOUNT"),
        (("convert", "--quote", "q1", "YANOLJA"), "not both"),
        (("history", "--csv", "a.csv", "--ledger-csv", "b.csv"), "not allowed with"),
        (("history", "--lang", "jp"), "invalid choice"),
        (("ledger",), "required"), (("ledger", "verify", "extra"), "unrecognized"),
        (("simulate",), "--conversions"), (("wallet",), "required"),
        (("wallet", "bogus"), "invalid choice"), (("wallet", "send", ADDR), "required"),
        (("wallet", "book", "add", "Upbit"), "Usage: milk wallet book add"),
        (("wallet", "book", "remove", "abc"), "Usage: milk wallet book remove"),
        (("network",), "required"), (("network", "bogus"), "invalid choice"),
        (("network", "show", "extra"), "unrecognized"),
        (("network", "use", RPC), "needs --chain-id"),
    ]:
        add(Case(args, 2, "usage", says))

    # -- rules: well-formed, refused (exit 3) ----------------------------------------------------
    for args, code, says in [
        (("quote", "YANOLJA", "MLK", "999"), "below_minimum", "smallest exchange"),
        (("convert", "YANOLJA", "MLK", "999"), "below_minimum", "smallest exchange"),
        (("quote", "YANOLJA", "MLK", "1000000000"), "insufficient_balance",
         "Not enough Yanolja points"),
        (("convert", "YANOLJA", "DELICAR", "999999999999"), "insufficient_balance",
         "Not enough Yanolja points"),
        (("quote", "MLK", "YANOLJA", "1000000"), "insufficient_balance", "Not enough MLK"),
        (("convert", "MLK", "YANOLJA", "50000000", "--exact-out"), "insufficient_balance",
         "Not enough MLK"),
        (("quote", "MLK", "DELICAR", "0.0000001"), "amount_too_small", "too small"),
        (("convert", "--quote", "{used}", "--key", "another"), "quote_used",
         "already converted"),
        (("convert", "--quote", "{expired}"), "quote_expired", "expired"),
        (("unlink", "DELICAR"), "not_linked", "not linked"),
        (("sync", "DELICAR"), "not_linked", "not linked"),
        (("link", "YANOLJA", "--member-id", "someone-else"), "already_linked",
         "already linked"),
        (("wallet", "withdraw", "1000000", "--to", ADDR), "insufficient_balance",
         "Not enough MLK in the app"),
        (("wallet", "send", ADDR, "1"), "watch_only", "watch-only"),
        (("wallet", "send", "Upbit", "1", "--yes"), "watch_only", "watch-only"),
        (("network", "deploy-token"), "demo_has_token", "already has MLK"),
    ]:
        add(Case(args, 3, code, says))
    for args in (("quote", "MLK", "MLK", "1"), ("convert", "DELICAR", "delicar", "1000")):
        add(Case(args, 2, "same_asset", "two different assets"))
    add(Case(("convert", "--quote", "no-such-quote"), 2, "unknown_quote", "no quote"))
    add(Case(("convert", "YANOLJA", "MLK", "2500", "--key", "{used_key}"), 2,
             "idempotency_conflict", "already used for a different request"))
    add(Case(("history", "--kind", "selling"), 2, "unknown_kind", "Unknown kind"))

    # -- files -----------------------------------------------------------------------------------
    for flag in ("--csv", "--ledger-csv"):
        add(Case(("history", flag, "{out}"), 2, "target_is_dir", "is a folder"))
        add(Case(("history", flag, "{out}/missing/h.csv"), 2, "no_such_dir", "does not exist"))
        add(Case(("history", flag, "{out}/existing.csv"), 2, "target_exists", "--force"))

    # -- the environment: catalog, log level, data directory -----------------------------------
    for name, problem in [("missing.json", "cannot be read"), ("empty.json", "not valid JSON"),
                          ("twice.json", "appears twice"), ("nolist.json", '"partners" list'),
                          ("badvalue.json", '"face_value_krw" must be')]:
        for args in (("points",), ("partners",), ("quote", "YANOLJA", "MLK", "2000"),
                     ("history",)):
            add(Case(args, 4, "bad_catalog", problem,
                     env={"MILK_PARTNERS_FILE": f"{{out}}/catalogs/{name}"}))
    for level in ("LOUD", "sqlalchemy.engine=LOUD"):
        add(Case(("points",), 2, "bad_log_level", "not a log level", env={"MILK_LOG": level}))
    for args in (("points",), ("init",), ("history",), ("wallet", "address")):
        add(Case(("--data-dir", "{out}/existing.csv", *args), 2, "data_dir_not_a_folder",
                 "is a file"))
    add(Case(("--data-dir", "{out}/existing.csv/profile", "init"), 2, "data_dir_not_a_folder",
             "part of that path is a file"))
    add(Case(("--data-dir", "{out}/never-made", "points"), 3, "no_profile", "milk init"))
    add(Case(("init", "--demo"), 3, "not_a_demo_profile", "real profile",
             env={"MILK_DATA_DIR": "{real}"}))
    add(Case(("price", "set", "210"), 3, "needs_confirmation", "--yes",
             env={"MILK_DATA_DIR": "{real}"}))

    # -- the chain side of the contract (issue 10, point 7) ---------------------------------
    add(Case(("wallet", "withdraw", "1", "--to", ZERO), 3, "zero_address", "zero address"))
    add(Case(("network", "use", "not-a-url", "--chain-id", "5"), 2, "bad_url", "URL"))
    add(Case(("network", "use", RPC, "--chain-id", "0"), 2, "bad_chain_id", "chain id"))
    # An unknown PYTHON_KEYRING_BACKEND: `wallet create` is refused by name (exit 4) and
    # `wallet keyring` diagnoses it: tests/integration/test_wallet_restore.py.
    return out


CASES = _cases()
IN_PROCESS = [c for c in CASES if not c.process_only]
# Every twentieth case, and the ones only a process can show, once more as real processes.
SUBSET = [c for i, c in enumerate(CASES) if c.process_only or i % 20 == 0]


def _param(case: Case):
    return pytest.param(case, id=case.id)


@pytest.fixture(scope="module")
def catalogue(demo_template, tmp_path_factory):
    """One demo profile for every case (refusals change nothing, and each case checks that),
    with a watch-only wallet, a used and an expired quote, files and catalogs to trip on, and
    a real (non-demo) profile beside it."""
    base = tmp_path_factory.mktemp("bad-input")
    profile = base / "profile"
    shutil.copytree(demo_template, profile)
    out = base / "out"
    (out / "catalogs").mkdir(parents=True)
    (out / "existing.csv").write_text("keep me\n")
    _catalogs(out / "catalogs")
    run = lambda *a: milk_in_process(profile, *a).json  # noqa: E731
    demo = run("wallet", "address")
    if demo["ok"] and demo["kind"] == "demo":  # seeded with its key where a keyring runs
        assert run("wallet", "forget", "--confirm", demo["address"][-6:])["ok"]
    assert run("wallet", "watch", ADDR)["ok"]
    assert run("wallet", "balance")["ok"]  # the demo chain's files exist from first use on
    # so does each in-process partner's own database (Delicar's too, which the demo does not
    # link): opening its connector opens it
    svc = Services.open(profile)
    try:
        for partner in svc.ctx.catalog:
            svc.ctx.connector(partner)
    finally:
        svc.close()
    used = run("quote", "YANOLJA", "MLK", "2000")["quote_id"]
    assert run("convert", "--quote", used, "--key", "first")["ok"]
    expired = run("quote", "YANOLJA", "MLK", "2000")["quote_id"]
    db = sqlite3.connect(profile / "ledger.sqlite3")
    body = json.loads(db.execute("SELECT body FROM quotes WHERE id = ?", (expired,)).fetchone()[0])
    body["expires_at"] = "2020-01-01T00:00:00.000000Z"
    db.execute("UPDATE quotes SET body = ? WHERE id = ?", (json.dumps(body), expired))
    db.commit()
    db.close()
    real = base / "real"
    assert milk_in_process(real, "init").code == 0
    slots = {"used": used, "expired": expired, "used_key": "first", "out": str(out),
             "real": str(real)}
    return profile, out, real, slots


def _catalogs(where: Path) -> None:
    from app.core.resources import resource_path

    good = json.loads(resource_path("partners.json").read_text(encoding="utf-8"))
    (where / "empty.json").write_text("")
    (where / "twice.json").write_text(json.dumps({"partners": good["partners"] * 2}))
    (where / "nolist.json").write_text(json.dumps({"partner": good["partners"]}))
    bad = [dict(p) for p in good["partners"]]
    bad[1]["face_value_krw"] = "-1"
    (where / "badvalue.json").write_text(json.dumps({"partners": bad}))


def _fill(text: str, slots: dict) -> str:
    for name, value in slots.items():
        text = text.replace("{" + name + "}", value)
    return text


def _state(profile: Path, out: Path, real: Path, case: Case | None = None) -> tuple:
    """The demo profile's facts, the files around it, and (when the case aimed at it, or for
    the baseline) the real profile's rows."""
    files = sorted(str(p.relative_to(out.parent)) for p in out.parent.rglob("*")
                   if "-wal" not in p.name and "-shm" not in p.name
                   and p.name != "inflight")  # the conversions' lock folder (empty at rest)
    real_rows = ledger_facts(real)["rows"] if case is None or "MILK_DATA_DIR" in case.env \
        else None
    return ledger_facts(profile), real_rows, files, (out / "existing.csv").read_text()


@pytest.fixture(scope="module")
def baseline(catalogue):
    profile, out, real, _ = catalogue
    return _state(profile, out, real)


@pytest.mark.parametrize("case", [_param(c) for c in IN_PROCESS])
def test_bad_input_in_process(case, catalogue, baseline, monkeypatch):
    profile, out, real, slots = catalogue
    monkeypatch.setenv("MILK_PASSWORD", "not-the-point-here")  # no prompt hides the case
    for name, value in case.env.items():
        monkeypatch.setenv(name, _fill(value, slots))
    args = [_fill(a, slots) for a in case.args]
    data_dir = real if "MILK_DATA_DIR" in case.env else profile
    run = milk_in_process(data_dir, *args) if "--data-dir" not in args else \
        milk_in_process(profile, *args)
    _check(case, run.code, run.json)
    monkeypatch.delenv("MILK_PARTNERS_FILE", raising=False)
    monkeypatch.delenv("MILK_LOG", raising=False)
    _unchanged(_state(profile, out, real, case), baseline)


@pytest.mark.parametrize("case", [_param(c) for c in SUBSET])
def test_bad_input_as_a_process(case, catalogue, baseline):
    """The same contract through a real `milk` process: one JSON document on stdout with
    --json; without it, nothing on stdout and `milk: <message>` on stderr."""
    profile, out, real, slots = catalogue
    cli = MilkCLI(real if "MILK_DATA_DIR" in case.env else profile, {"MILK_PASSWORD": "x"})
    for name, value in case.env.items():
        cli.env[name] = _fill(value, slots)
    args = [_fill(a, slots) for a in case.args]
    run = cli(*args)
    _check(case, run.code, run.json)
    text = cli(*args, json_out=False)
    assert text.code == case.exit and text.stdout == ""
    assert text.stderr.startswith("milk: ") and case.says in text.stderr
    _unchanged(_state(profile, out, real, case), baseline)


def _unchanged(now: tuple, baseline: tuple) -> None:
    facts, before = now[0], baseline[0]
    changed = {k: (before[k], facts[k]) for k in facts if facts[k] != before[k]}
    if now[1] is not None:
        assert now[1] == baseline[1], "the case changed the real profile"
    assert not changed and now[2:] == baseline[2:], f"the case changed: {changed} " \
        f"{sorted(set(now[2]) ^ set(baseline[2]))} {now[3] != baseline[3]}"


def _check(case: Case, code: int, doc: dict) -> None:
    assert doc["ok"] is False, doc
    assert doc["command"] == next((a for a in case.args if not a.startswith("-")
                                   and "{" not in a), doc["command"]), doc
    error = doc["error"]
    assert (code, error["exit_code"], error["code"]) == (case.exit, case.exit, case.code), error
    assert case.says in error["message"], error["message"]


def test_the_catalogue_covers_every_command_and_is_large_enough():
    from app.cli import build_parser

    commands = set(build_parser()._subparsers._group_actions[0].choices)
    covered = {next((a for a in c.args if not a.startswith("-") and "{" not in a), "")
               for c in CASES}
    assert commands - {"backup", "restore"} <= covered, commands - covered
    assert len(CASES) >= 250
