"""Who the demo partners know: any member id arrives with points, one lot expiring soon.

With `--demo-members` (and always for the in-process demo partners) the first verification
code asked for an unknown member id enrols it with 3 to 5 lots derived from a hash of
(partner, member id): the same id always brings the same points, one lot expires within a
few weeks (so the one view's "expiring soon" has something to rescue), the others later.
"""
from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta

from app.core.partners import Partner


def demo_lots(partner: Partner, member_id: str, today: date) -> list[tuple[int, date, date]]:
    """(points, earned_on, expires_on) of a demo member enrolled `today`."""
    text = f"milk-demo|{partner.code}|{member_id}|"
    rng = random.Random(int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big"))
    lots = []
    for i in range(rng.randint(3, 5)):
        expires = today + timedelta(days=rng.randint(6, 24) if i == 0 else rng.randint(45, 700))
        earned = today - timedelta(days=rng.randint(5, 300))
        lots.append((rng.randrange(2_000, 60_001, 100), earned, expires))
    return lots
