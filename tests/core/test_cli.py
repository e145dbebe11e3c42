"""The `milk` command as a subprocess: every command, --json, exit codes, and refusals that
leave the ledger and every balance exactly as they were."""
from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from app.core.resources import resource_path
from tests.support.cli import MilkCLI


@pytest.fixture(scope="module")
def demo_profile(tmp_path_factory):
    base = tmp_path_factory.mktemp("cli") / "profile"
    run = MilkCLI(base)("init", "--demo")
    assert run.code == 0, run.stderr
    assert run.json["created"] and run.json["demo"]
    return base


@pytest.fixture
def milk(demo_profile, tmp_path):
    copy = tmp_path / "profile"
    shutil.copytree(demo_profile, copy)
    return MilkCLI(copy)


def test_seed_checks_through_the_cli(milk):
    q = milk("quote", "YANOLJA", "MLK", "2000").json
    assert q["amount_out"]["amount"] == "9.85" and q["fee"]["amount"] == "0.15"
    assert milk("price", "set", "400").code == 0
    c = milk("convert", "MLK", "AIRPORT_LIMO", "4000", "--exact-out").json
    assert c["amount_in"]["amount"] == "20.304568527918781726"
    assert c["amount_out"]["amount"] == "4000"


def test_points_partners_history_and_verify(milk):
    points = milk("points").json
    assert {h["partner"] for h in points["holdings"]} == {"YANOLJA", "SSG_DUTYFREE",
                                                          "AIRPORT_LIMO"}
    assert points["mlk_in_app"]["amount"] == "100"
    assert all(h["expiring_30d"] > 0 for h in points["holdings"])
    partners = milk("partners").json["partners"]
    assert [p["linked"] for p in partners] == [True, True, True, False]
    assert partners[0]["name"] == {"ko": "야놀자", "en": "Yanolja"}
    text = milk("points", json_out=False)
    assert text.code == 0 and "convert them before they expire" in text.stdout
    history = milk("history", "--limit", "3").json["entries"]
    assert [e["kind"] for e in history] == ["reward", "sync", "sync"]
    assert milk("ledger", "verify").json["valid"]


def test_link_flow_with_the_demo_code(milk):
    first = milk("link", "DELICAR", "--member-id", "minji-77").json
    assert first["code_sent"] and not first["linked"]
    code = first["demo_code"]  # the demo partner shows the code it sent
    wrong = milk("link", "DELICAR", "--member-id", "minji-77", "--code", "000000")
    assert wrong.code == 2 and wrong.json["error"]["code"] == "wrong_code"
    done = milk("link", "DELICAR", "--member-id", "minji-77", "--code", code).json
    assert done["linked"] and done["imported"] > 0
    assert milk("sync", "DELICAR").json["synced"][0]["entry_seq"] is None  # up to date
    gone = milk("unlink", "DELICAR").json
    assert gone["points_no_longer_shown"] == done["imported"] and gone["token_revoked"]
    held = {h["partner"] for h in milk("points").json["holdings"]}
    assert "DELICAR" not in held  # the points stay at Delicar, no longer shown in MiL.k


def test_convert_key_replays_and_conflicts(milk):
    first = milk("convert", "YANOLJA", "MLK", "2000", "--key", "order-7").json
    again = milk("convert", "YANOLJA", "MLK", "2000", "--key", "order-7").json
    assert again["replayed"] and again["entry_seq"] == first["entry_seq"]
    before = milk.state()
    clash = milk("convert", "YANOLJA", "MLK", "2500", "--key", "order-7")
    assert clash.code == 2 and clash.json["error"]["code"] == "idempotency_conflict"
    assert milk.state() == before


def test_quote_then_convert_that_quote(milk):
    q = milk("quote", "SSG_DUTYFREE", "AIRPORT_LIMO", "5000").json
    c = milk("convert", "--quote", q["quote_id"]).json
    assert c["amount_out"] == q["amount_out"] and c["kind"] == "swap"


def test_a_quote_converts_once(milk):
    q = milk("quote", "YANOLJA", "MLK", "2000").json["quote_id"]
    first = milk("convert", "--quote", q, "--key", "tap-1")
    assert first.code == 0
    before = milk.state()
    for key in ("tap-2", "tap-3", "tap-4"):
        run = milk("convert", "--quote", q, "--key", key)
        assert run.code == 3 and run.json["error"]["code"] == "quote_used"
    assert milk.state() == before
    empty = milk("convert", "YANOLJA", "MLK", "2000", "--key", "")
    assert empty.code == 2 and empty.json["error"]["code"] == "bad_key"
    assert milk.state() == before


def test_a_user_key_shaped_like_a_withdrawal_key_is_the_users_own(milk):
    """`withdraw:payout-7` is the app's key for the withdrawal keyed `payout-7`; typed as a
    conversion key it names a conversion, and neither blocks the other."""
    to = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    convert = milk("convert", "YANOLJA", "MLK", "2000", "--key", "withdraw:payout-7")
    assert convert.code == 0, convert.stdout
    withdraw = milk("wallet", "withdraw", "5", "--to", to, "--key", "payout-7")
    assert withdraw.code == 0, withdraw.stdout
    again = milk("convert", "YANOLJA", "MLK", "2000", "--key", "withdraw:payout-7")
    assert again.json["replayed"] and again.json["entry_seq"] == convert.json["entry_seq"]
    kinds = [e["kind"] for e in milk("history", "--limit", "4").json["entries"]]
    assert kinds.count("sell") == 1 and kinds.count("withdraw") == 1


def test_an_expired_quote_is_refused(milk):
    q = milk("quote", "YANOLJA", "MLK", "2000").json["quote_id"]
    db = sqlite3.connect(milk.data_dir / "ledger.sqlite3")
    body = json.loads(db.execute("SELECT body FROM quotes WHERE id = ?", (q,)).fetchone()[0])
    body["expires_at"] = "2020-01-01T00:00:00.000000Z"
    db.execute("UPDATE quotes SET body = ? WHERE id = ?", (json.dumps(body), q))
    db.commit()
    db.close()
    before = milk.state()
    run = milk("convert", "--quote", q)
    assert run.code == 3 and run.json["error"]["code"] == "quote_expired"
    assert milk.state() == before


@pytest.mark.parametrize("args, code, exit_code", [
    (("convert", "YANOLJA", "MLK", "1.5"), "amount_fraction", 2),
    (("convert", "YANOLJA", "MLK", "abc"), "amount_not_number", 2),
    (("convert", "YANOLJA", "MLK", "-3"), "amount_not_positive", 2),
    (("convert", "YANOLJA", "MLK", "1e3"), "amount_exponent", 2),
    (("convert", "YANOLJA", "MLK", "0"), "amount_not_positive", 2),
    (("convert", "MLK", "YANOLJA", "1.0000000000000000001"), "amount_too_precise", 2),
    (("convert", "NOPE", "MLK", "2000"), "unknown_partner", 2),
    (("convert", "YANOLJA"), "usage", 2),
    (("convert", "YANOLJA", "MLK", "2000", "--bogus"), "usage", 2),
    (("convert", "YANOLJA", "MLK", "999"), "below_minimum", 3),
    (("convert", "YANOLJA", "MLK", "99999999"), "insufficient_balance", 3),
    (("convert", "MLK", "DELICAR", "100000"), "insufficient_balance", 3),
    (("unlink", "DELICAR"), "not_linked", 3),
    (("sync", "DELICAR"), "not_linked", 3),
    (("link", "DELICAR", "--member-id", "x y"), "bad_member_id", 2),
    (("link", "YANOLJA", "--member-id", "someone"), "already_linked", 3),
    (("price", "set", "-5"), "amount_not_positive", 2),
    (("history", "--limit", "0"), "bad_limit", 2),
])
def test_refusals_explain_and_change_nothing(milk, args, code, exit_code):
    before = milk.state()
    run = milk(*args)
    assert run.code == exit_code, run.stdout + run.stderr
    doc = run.json  # exactly one JSON document, even for usage errors
    assert doc["ok"] is False and doc["error"]["code"] == code
    assert doc["error"]["exit_code"] == exit_code and doc["error"]["message"]
    assert milk.state() == before


def test_text_errors_go_to_stderr(milk):
    run = milk("convert", "YANOLJA", "MLK", "1.5", json_out=False)
    assert run.code == 2 and run.stdout == "" and "whole numbers" in run.stderr


def test_stale_price_is_refused(milk):
    old = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    assert milk("price", "set", "200", "--as-of", old).code == 0
    before = milk.state()
    run = milk("quote", "YANOLJA", "MLK", "2000")
    assert run.code == 3 and run.json["error"]["code"] == "price_stale"
    assert milk.state() == before


def test_no_profile_is_refused(tmp_path):
    run = MilkCLI(tmp_path / "never-initialised")("points")
    assert run.code == 3 and run.json["error"]["code"] == "no_profile"
    assert not (tmp_path / "never-initialised").exists()


def test_unreachable_database_is_an_outside_failure(tmp_path):
    cli = MilkCLI(tmp_path / "p", {"MILK_DATABASE_URL":
                                   "postgresql+psycopg://nobody@127.0.0.1:9/none"})
    cli.env["MILK_DATABASE_URL"] = "postgresql+psycopg://nobody@127.0.0.1:9/none"
    run = cli("points")
    assert run.code == 4 and run.json["error"]["code"] == "database"


def test_data_dir_flag_before_or_after_the_command(demo_profile, tmp_path):
    copy = tmp_path / "p"
    shutil.copytree(demo_profile, copy)
    cli = MilkCLI(tmp_path / "elsewhere")
    a = cli("--data-dir", str(copy), "points")
    b = cli("points", "--data-dir", str(copy))
    assert a.code == b.code == 0 and a.json["holdings"] == b.json["holdings"]


def test_history_statement_and_ledger_exports(milk, tmp_path):
    milk("convert", "YANOLJA", "MLK", "2000")
    out = tmp_path / "history.csv"
    run = milk("history", "--csv", str(out)).json
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    listed = milk("history", "--limit", "1000").json["entries"]
    assert run["entries"] == len(rows) == len(listed) == 6  # one row per entry
    sell = next(r for r in rows if r["Type"] == "Points → MLK")  # held, then redeemed
    redeemed = next(r for r in rows if r["Type"] == "Points redeemed at partner")
    assert (sell["You gave"], redeemed["You received"]) == ("2,000 pts", "9.85 MLK")
    again = milk("history", "--csv", str(out))
    assert again.code == 2 and again.json["error"]["code"] == "target_exists"
    assert milk("history", "--csv", str(out), "--force", "--lang", "ko").code == 0
    assert "포인트 → MLK" in out.read_text(encoding="utf-8-sig")
    ledger = tmp_path / "ledger.csv"
    assert milk("history", "--ledger-csv", str(ledger)).json["format"] == "ledger"
    postings = list(csv.DictReader(ledger.open(encoding="utf-8")))
    assert {(r["asset"], r["amount"]) for r in postings if r["kind"] in ("sell", "redeem")
            and r["account"] == "user:local"} == {("YANOLJA", "-2000"), ("MLK", "9.85")}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.csv", "ledger.csv",
                                                          "profile"]
    mlk_only = milk("history", "--asset", "MLK").json["entries"]
    assert {e["kind"] for e in mlk_only} == {"redeem", "reward"}
    sells = milk("history", "--kind", "redeem").json["entries"]
    assert [e["kind"] for e in sells] == ["redeem"]
    assert [e["kind"] for e in milk("history", "--search", "야놀자").json["entries"]] == [
        "sell", "sync"]


def test_points_of_an_unlinked_partner_are_refused_and_quotes_name_a_manual_price(milk,
                                                                                  tmp_path):
    before = milk.state()
    for args in (("quote", "YANOLJA", "DELICAR", "5000"), ("convert", "MLK", "DELICAR", "10")):
        into_unlinked = milk(*args)
        assert into_unlinked.code == 3 and into_unlinked.json["error"]["code"] == "not_linked"
        assert "link it first" in into_unlinked.json["error"]["message"]
    assert milk.state() == before
    quote = milk("quote", "MLK", "YANOLJA", "10").json
    assert quote["warnings"] == [] and quote["price"]["manual"] is True  # the demo's price
    real = MilkCLI(tmp_path / "real")
    assert real("init").code == 0
    before = real.state()
    asked = real("price", "set", "200")
    assert asked.code == 3 and asked.json["error"]["code"] == "needs_confirmation"
    assert real.state() == before
    assert real("price", "set", "200", "--yes").code == 0
    shown = real("price", json_out=False)
    assert "manual price" in shown.stdout


def test_a_bad_or_changed_partner_catalog(milk, tmp_path):
    catalog = json.loads(resource_path("partners.json").read_text(encoding="utf-8"))
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"partners": catalog["partners"] * 2}))
    milk.env["MILK_PARTNERS_FILE"] = str(broken)
    run = milk("points")
    assert run.code == 4 and run.json["error"]["code"] == "bad_catalog"
    assert str(broken) in run.json["error"]["message"] and "appears twice" in \
        run.json["error"]["message"]
    smaller = tmp_path / "smaller.json"
    smaller.write_text(json.dumps({"partners": [p for p in catalog["partners"]
                                                if p["code"] != "AIRPORT_LIMO"]}))
    milk.env["MILK_PARTNERS_FILE"] = str(smaller)
    points = milk("points").json
    gone = next(h for h in points["holdings"] if h["partner"] == "AIRPORT_LIMO")
    assert gone["known"] is False and gone["balance"] > 0
    assert points["unknown_partner_points"] == gone["balance"]
    text = milk("points", json_out=False).stdout
    assert "AIRPORT_LIMO (unknown partner)" in text and "catalog no longer lists" in text


def test_a_data_dir_that_is_a_file_is_bad_input(tmp_path):
    (tmp_path / "file").write_text("x")
    for args in (("points",), ("init",)):
        run = MilkCLI(tmp_path / "file")(*args)
        assert run.code == 2 and run.json["error"]["code"] == "data_dir_not_a_folder"
    assert (tmp_path / "file").read_text() == "x"


def test_simulate_is_reproducible(demo_profile, tmp_path):
    results = []
    for name in ("a", "b"):
        copy = tmp_path / name
        shutil.copytree(demo_profile, copy)
        cli = MilkCLI(copy)
        run = cli("simulate", "--conversions", "25", "--seed", "7").json
        assert cli("ledger", "verify").json["valid"]
        results.append((run["conversions"], run["links"], run["syncs"], run["refused"]))
    assert results[0] == results[1] and results[0][0] == 25


def test_tampering_makes_verify_fail_and_name_the_entry(milk):
    db = sqlite3.connect(milk.data_dir / "ledger.sqlite3")
    for t in ("journal_entries", "postings"):
        for action in ("update", "delete"):
            db.execute(f"DROP TRIGGER {t}_no_{action}")
    db.execute("UPDATE postings SET amount = '1' WHERE seq = 5 AND idx = 1")
    db.commit()
    db.close()
    run = milk("ledger", "verify")
    assert run.code != 0 and run.json["valid"] is False
    assert run.json["first_bad_seq"] == 5
