"""History pages: keyset paging in both directions, filters and search, the statement and the
raw ledger export (atomic, refusing what they must), and the link to chain transactions."""
from __future__ import annotations

import csv
from datetime import timedelta, timezone
from decimal import Decimal

import pytest

from app.core.errors import InputError
from app.core.history_filter import HistoryFilter

KST = timezone(timedelta(hours=9))


def test_pages_cover_every_entry_once_in_order(services):
    for _ in range(6):
        services.exchange.convert("YANOLJA", "MLK", "1000")
    everything = [r.seq for r in services.history.page(limit=1000)]
    pages, before = [], None
    while True:
        page = services.history.page(before_seq=before, limit=4)
        if not page:
            break
        pages += [r.seq for r in page]
        before = page[-1].seq
    assert pages == everything == sorted(everything, reverse=True)
    newer = services.history.page(after_seq=everything[-1], limit=3)
    assert [r.seq for r in newer] == sorted(everything[-4:-1], reverse=True)


def link_delicar(services):
    sent = services.partners.request_code("DELICAR", "minji-77")
    services.partners.link("DELICAR", "minji-77", sent.demo_code)


def test_filters(services, clock):
    link_delicar(services)
    services.exchange.convert("YANOLJA", "MLK", "2000")
    clock.advance(days=2)
    services.exchange.convert("MLK", "DELICAR", "6")
    sells = services.history.page(flt=HistoryFilter(kinds=("sell",)))
    assert [r.kind for r in sells] == ["sell"] and sells[0].changes["YANOLJA"] == -2000
    deli = services.history.page(flt=HistoryFilter(asset="DELICAR"))
    assert [r.kind for r in deli] == ["issue", "sync"]  # issued at Delicar; the link
    recent = services.history.page(flt=HistoryFilter(since=clock.now() - timedelta(days=1)))
    assert [r.kind for r in recent] == ["issue", "buy"]  # the points; the MLK paid for them
    found = services.history.page(flt=HistoryFilter(text="welcome"))
    assert [r.kind for r in found] == ["reward"]
    assert services.history.page(flt=HistoryFilter(text="no-such-thing")) == []


def test_csv_export_replaces_the_file_whole_only_when_told(services, tmp_path):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "h.csv"
    out.write_text("old contents")
    with pytest.raises(InputError) as e:
        services.history.export_statement(out)
    assert e.value.code == "target_exists" and out.read_text() == "old contents"
    n = services.history.export_statement(out, force=True)
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert n == len(rows) and "old contents" not in out.read_text()
    assert [p.name for p in out.parent.iterdir()] == ["h.csv"]  # no temp file left


def _search(services, text):
    return [r.kind for r in services.history.page(flt=HistoryFilter(text=text))]


def test_search_finds_what_is_on_screen(services):
    """Partner names in either language, kinds in words, amounts as shown, the receipt's
    hash prefix and #seq: all as SQL conditions of the same keyset query."""
    link_delicar(services)
    sell = services.exchange.convert("SSG_DUTYFREE", "MLK", "2000")
    services.exchange.convert("MLK", "DELICAR", "6")
    assert _search(services, "Shinsegae") == _search(services, "신세계") == ["sell", "sync"]
    assert _search(services, "shinsegae duty") == ["sell", "sync"]
    assert _search(services, "딜카") == ["issue", "sync"]
    assert _search(services, "sold") == _search(services, "Points → MLK") == ["sell"]
    assert _search(services, "출금") == []
    assert "reward" in _search(services, "보상")
    # the sell gave 2,000 points and was to pay 9.85 MLK; the redeem paid them
    assert _search(services, "2,000") == _search(services, "2000 pts") == ["redeem", "sell"]
    assert _search(services, "9.85") == _search(services, "9.85 MLK") == ["redeem", "sell"]
    assert _search(services, sell.entry.hash[:10] + "…") == ["sell"]
    assert _search(services, f"#{sell.entry.seq}") == ["sell"]
    assert _search(services, "nothing-like-this") == []


def test_the_statement_is_one_readable_row_per_entry(services, tmp_path):
    link_delicar(services)
    sell = services.exchange.convert("YANOLJA", "MLK", "2000")
    swap = services.exchange.convert("YANOLJA", "DELICAR", "5000")
    out = tmp_path / "statement.csv"
    n = services.history.export_statement(out, tz=KST)
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    listed = services.history.page(limit=1000)
    assert n == len(rows) == len(listed)  # one row per entry, not per posting
    by_seq = {int(r["Entry"]): r for r in rows}
    s = by_seq[sell.entry.seq]
    local = sell.entry.created_at  # UTC text in the ledger; the statement is in KST
    assert s["Date and time"].endswith(" +09:00") and s["Date and time"][:13] != local[:13]
    assert (s["Type"], s["Partner"], s["You gave"], s["You received"]) == (
        "Points → MLK", "Yanolja", "2,000 pts", "")  # held until Yanolja redeemed them
    assert (s["Fee (MLK)"], s["Value (KRW)"], s["MLK price (KRW)"]) == ("0.15", "₩2,000", "200")
    assert s["Receipt"] == sell.entry.hash
    paid = by_seq[sell.entry.seq + 1]
    assert (paid["Type"], paid["You received"], paid["Value (KRW)"]) == (
        "Points redeemed at partner", "9.85 MLK", "₩1,970")
    w = by_seq[swap.entry.seq]
    assert w["Partner"] == "Yanolja" and w["You gave"] == "5,000 pts"
    issued = next(r for r in rows if r["Type"] == "Points issued at partner")
    assert issued["Partner"] == "Delicar" and issued["You received"].endswith(" pts")
    services.history.export_statement(out, lang="ko", force=True)
    ko = {int(r["번호"]): r for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    assert (ko[sell.entry.seq]["유형"], ko[sell.entry.seq]["제휴사"],
            ko[sell.entry.seq]["가치 (원)"]) == ("포인트 → MLK", "야놀자", "2,000원")
    assert ko[swap.entry.seq]["제휴사"] == "야놀자"


def test_the_statement_values_entries_at_the_price_of_their_time(services, clock, tmp_path):
    clock.advance(minutes=1)
    services.prices.set_static(Decimal(300))
    clock.advance(minutes=1)
    out = tmp_path / "s.csv"
    services.history.export_statement(out)
    reward = next(r for r in csv.DictReader(out.open(encoding="utf-8-sig"))
                  if r["Type"] == "Reward")
    assert reward["MLK price (KRW)"] == "200" and reward["Value (KRW)"] == "₩20,000"


def test_the_ledger_export_has_every_posting_and_balances(services, tmp_path):
    link_delicar(services)
    services.exchange.convert("YANOLJA", "DELICAR", "5000")
    out = tmp_path / "ledger.csv"
    n = services.history.export_ledger_csv(out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert n == len({r["seq"] for r in rows}) == len(services.history.page(limit=1000))
    totals: dict = {}
    for r in rows:
        totals[(r["seq"], r["asset"])] = totals.get((r["seq"], r["asset"]), 0) + int(r["units"])
    assert set(totals.values()) == {0}  # double entry, visible in the file
    assert {r["account"] for r in rows} >= {"user:local", "tica:pool", "tica:fee"}


@pytest.mark.parametrize("target, code", [(".", "target_is_dir"),
                                          ("missing/dir/h.csv", "no_such_dir")])
def test_exports_refuse_a_bad_target_and_write_nothing(services, tmp_path, target, code):
    before = sorted(tmp_path.rglob("*"))
    for export in (services.history.export_statement, services.history.export_ledger_csv):
        with pytest.raises(InputError) as e:
            export(tmp_path / target)
        assert e.value.code == code
    assert sorted(tmp_path.rglob("*")) == before


@pytest.fixture
def sqlite_services(tmp_path, clock):
    from app.core.services import Services

    svc = Services.open(tmp_path / "profile", clock=clock)
    svc.admin.init(demo=True)
    yield svc
    svc.close()


def test_a_withdrawal_links_its_ledger_entries_to_its_chain_transaction(sqlite_services):
    """The GUI shows one withdrawal as one item: the ledger's hold (−5 MLK in the app) and
    the chain's transfer share `chain_key` / `ledger_key` and the transaction hash."""
    services = sqlite_services
    r = services.bridge.withdraw("5", to="0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                                 key="payout-1")
    services.sending.wait(r.tx.id, confirmations=1)
    services.bridge.settle()
    rows = services.history.page(limit=10)
    chain = services.history.chain_page(limit=10)
    hold = next(x for x in rows if x.kind == "withdraw")
    assert hold.changes == {"MLK": -5 * 10**18}
    assert (hold.chain_key, hold.tx_hash) == (chain[0].ledger_key, chain[0].tx_hash)
    assert hold.tx_hash == r.tx.tx_hash and chain[0].kind == "withdraw"
    assert all(x.chain_key is None for x in rows if x is not hold)
