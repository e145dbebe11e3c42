"""The total value over time, from the ledger and the recorded prices: each day's figure is
what the one view showed at the end of that day."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.money import MLK_UNIT


@pytest.mark.parametrize("db_url", ["sqlite", "postgresql"], indirect=True)
def test_each_day_is_the_one_view_of_that_day(services, clock):
    start = services.points.overview()
    clock.advance(days=3)
    services.prices.set_static(Decimal(250))
    services.exchange.convert("YANOLJA", "MLK", "10000")
    now = services.points.overview()
    history = services.insights.value_history(days=5)
    assert [d.day for d in history][-1] == services.ctx.clock.today()
    assert len(history) == 5
    today, three_days_ago = history[-1], history[-4]
    assert today.points_krw == now.points_krw and today.mlk_krw == now.mlk_krw
    assert three_days_ago.points_krw == start.points_krw
    assert three_days_ago.mlk_krw == Decimal(start.mlk_in_app) * 200 / MLK_UNIT  # that day's
    assert history[0].points_krw == 0 and history[0].mlk_krw is None  # before the profile


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_price_history_keeps_the_price_in_force_at_the_start(services, clock):
    clock.advance(days=10)
    services.prices.set_static(Decimal(210))
    prices = services.insights.price_history(days=5)
    assert [p.krw_per_mlk for p in prices] == [Decimal(200), Decimal(210)]
