"""Reminders outside the window: points about to expire (by default 30, 7 and 1 days before)
and balances a sync changed. Each reminder is given once: what was sent is remembered in the
profile's settings, so a restart or a second check does not repeat it."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from app.core.errors import InputError
from app.core.services.context import Context

ENABLED, DAYS, SENT = "reminders.enabled", "reminders.days", "reminders.sent"
DEFAULT_DAYS = (30, 7, 1)
MAX_DAYS = 365


@dataclass(frozen=True)
class Reminder:
    key: str  # remembered once sent
    kind: str  # expiry | sync
    partner: str
    points: int
    expires_on: date | None = None
    days_left: int | None = None


def parse_days(text: str) -> tuple[int, ...]:
    """"30, 7, 1" → (30, 7, 1): whole days from 0 to 365, each once, largest first."""
    parts = [p.strip() for p in (text or "").replace(" ", ",").split(",") if p.strip()]
    if not parts or not all(p.isascii() and p.isdigit() for p in parts):
        raise InputError("Write the days as whole numbers separated by commas, e.g. 30, 7, 1.",
                         code="bad_reminder_days")
    days = sorted({int(p) for p in parts}, reverse=True)
    if days[0] > MAX_DAYS:
        raise InputError(f"Reminders can be at most {MAX_DAYS} days ahead.",
                         code="bad_reminder_days")
    return tuple(days)


class ReminderService:
    def __init__(self, ctx: Context, points):
        self.ctx = ctx
        self._points = points

    # -- preferences ---------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        return self.ctx.settings.get(ENABLED) != "0"

    @property
    def days(self) -> tuple[int, ...]:
        text = self.ctx.settings.get(DAYS)
        try:
            return parse_days(text) if text else DEFAULT_DAYS
        except InputError:
            return DEFAULT_DAYS

    def configure(self, enabled: bool, days: str | None = None) -> None:
        if days is not None:
            self.ctx.settings.set(DAYS, ",".join(str(d) for d in parse_days(days)))
        self.ctx.settings.set(ENABLED, enabled)

    # -- what is due ---------------------------------------------------------------------------
    def due(self) -> list[Reminder]:
        """Expiry reminders whose moment has come and that were not sent yet: for each lot,
        the nearest threshold it has crossed (one reminder, not three, after a long break)."""
        if not self.enabled:
            return []
        overview = self._points.overview()
        today, sent, out = overview.today, self._sent(), []
        thresholds = self.days
        for holding in overview.holdings:
            by_day: dict[date, int] = {}
            for lot in holding.lots:
                by_day[lot.expires_on] = by_day.get(lot.expires_on, 0) + lot.remaining
            for expires_on, points in sorted(by_day.items()):
                left = (expires_on - today).days
                crossed = [d for d in thresholds if left <= d]
                if not crossed or left < 0:
                    continue
                threshold = min(crossed)
                key = f"expiry:{holding.partner.code}:{expires_on.isoformat()}:{threshold}"
                if key not in sent:
                    out.append(Reminder(key, "expiry", holding.partner.code, points, expires_on,
                                        left))
        return out

    def after_sync(self, results) -> list[Reminder]:
        """A reminder for each sync that changed a balance (results of PartnerService.sync)."""
        if not self.enabled:
            return []
        return [Reminder(f"sync:{r.partner}:{r.entry_seq}", "sync", r.partner,
                         r.imported + r.adjusted)
                for r in results if r.changed and (r.imported or r.adjusted)]

    def mark_sent(self, reminders: list[Reminder]) -> None:
        """Remember expiry reminders as given (sync ones are about a past event already)."""
        keys = [r.key for r in reminders if r.kind == "expiry"]
        if not keys:
            return
        today = self.ctx.clock.today().isoformat()
        kept = {k for k in self._sent() if k.split(":")[2] >= today}  # forget past expiries
        self.ctx.settings.set(SENT, json.dumps(sorted(kept | set(keys))))

    def _sent(self) -> set[str]:
        try:
            return set(json.loads(self.ctx.settings.get(SENT) or "[]"))
        except ValueError:
            return set()
