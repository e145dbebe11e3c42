"""History pages: keyset paging in both directions, filters, and an atomic CSV export."""
from __future__ import annotations

import csv
from datetime import timedelta

from app.core.history_filter import HistoryFilter


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


def test_filters(services, clock):
    services.exchange.convert("YANOLJA", "MLK", "2000")
    clock.advance(days=2)
    services.exchange.convert("MLK", "DELICAR", "6")
    sells = services.history.page(flt=HistoryFilter(kinds=("sell",)))
    assert [r.kind for r in sells] == ["sell"] and sells[0].changes["YANOLJA"] == -2000
    deli = services.history.page(flt=HistoryFilter(asset="DELICAR"))
    assert [r.kind for r in deli] == ["buy"]
    recent = services.history.page(flt=HistoryFilter(since=clock.now() - timedelta(days=1)))
    assert [r.kind for r in recent] == ["buy"]
    found = services.history.page(flt=HistoryFilter(text="welcome"))
    assert [r.kind for r in found] == ["reward"]
    assert services.history.page(flt=HistoryFilter(text="no-such-thing")) == []


def test_csv_export_replaces_the_file_whole(services, tmp_path):
    out = tmp_path / "h.csv"
    out.write_text("old contents")
    n = services.history.export_csv(out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert n == len({r["seq"] for r in rows}) and "old contents" not in out.read_text()
    assert not list(tmp_path.glob("*.part"))
