"""What the history is narrowed to. Its own module, free of the database layer, so the window
can build its filters before SQLAlchemy has loaded."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class HistoryFilter:
    kinds: tuple[str, ...] = ()
    asset: str | None = None  # MLK or a partner code
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None  # matched against the entry's details

    def is_empty(self) -> bool:
        return not (self.kinds or self.asset or self.since or self.until or self.text)
