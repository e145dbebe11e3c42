"""Reminders before points expire and after a sync changed a balance: due at the thresholds,
given once, configurable, off when switched off."""
from __future__ import annotations

import pytest

from app.core.errors import InputError
from app.core.services.reminders import parse_days


def expiring(svc):
    """(partner, expiry, points) of the demo profile's lots, soonest first."""
    ov = svc.points.overview()
    return sorted(((h.partner.code, lot.expires_on, lot.remaining) for h in ov.holdings
                   for lot in h.lots), key=lambda t: t[1])


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_due_once_per_threshold_and_again_at_the_next(services, clock):
    code, expires_on, _points = expiring(services)[0]
    left = (expires_on - services.ctx.clock.today()).days
    assert 0 < left <= 30  # the demo profile has points expiring within a month
    first = services.reminders.due()
    assert {(r.partner, r.expires_on) for r in first} >= {(code, expires_on)}
    mine = next(r for r in first if r.partner == code and r.expires_on == expires_on)
    assert mine.days_left == left and mine.points > 0
    services.reminders.mark_sent(first)
    assert services.reminders.due() == []  # not twice
    clock.advance(days=left - 1)  # 1 day left: the last reminder is due
    again = [r for r in services.reminders.due() if r.expires_on == expires_on]
    assert [r.days_left for r in again] == [1]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_switched_off_or_other_days(services):
    services.reminders.configure(False)
    assert services.reminders.due() == []
    services.reminders.configure(True, "3")
    _code, expires_on, _p = expiring(services)[0]
    left = (expires_on - services.ctx.clock.today()).days
    due = services.reminders.due()
    assert (left <= 3) == bool(due)
    assert services.reminders.days == (3,)


@pytest.mark.parametrize("text", ["", "a", "7,-1", "400", "１"])
def test_bad_reminder_days_are_refused(text):
    with pytest.raises(InputError) as e:
        parse_days(text)
    assert e.value.code == "bad_reminder_days"


def test_days_are_sorted_and_unique():
    assert parse_days("1, 30,7 7") == (30, 7, 1)
