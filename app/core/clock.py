"""Time, in one place, so that tests can move it and every rule reads the same clock.

Timestamps are aware UTC datetimes. Point expiry dates are calendar days in Korea (UTC+9, no
daylight saving): a lot that expires on D is usable through the end of D in KST.
"""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

KST = timezone(timedelta(hours=9), "KST")


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        """Today's date in Korea, the calendar partners' expiry dates are written in."""
        return self.now().astimezone(KST).date()


class FixedClock(Clock):
    """A clock that only moves when told to (tests, simulations)."""

    def __init__(self, start: datetime):
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now += timedelta(**delta)

    def set(self, when: datetime) -> None:
        self._now = when


def iso(ts: datetime) -> str:
    """Canonical text of a timestamp: UTC, microseconds, 'Z'. Stored and hashed as is."""
    return ts.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(text: str) -> datetime:
    """Parse an ISO-8601 timestamp; a naive one is taken as UTC."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)
