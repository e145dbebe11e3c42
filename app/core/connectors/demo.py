"""The demo connector: simulated partners with deterministic members.

Every member id has a fixed verification code and a fixed set of lots derived from a hash of
(partner, member id), anchored at the day the member linked: one lot expires within a few
weeks (so the "expiring soon" view has something to rescue), the rest later. Every 30 days
after linking the member "earns" a new lot, so syncing later brings in new points.
"""
from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta

from app.core.connectors.base import Challenge, PartnerLot, check_member_id
from app.core.errors import InputError
from app.core.partners import Partner

EARN_EVERY_DAYS = 30


class DemoConnector:
    def __init__(self, partner: Partner):
        self.partner = partner

    def _seed(self, member_id: str, salt: str = "") -> int:
        text = f"milk-demo|{self.partner.code}|{member_id}|{salt}"
        return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")

    def code_for(self, member_id: str) -> str:
        return f"{self._seed(check_member_id(member_id), 'code') % 1_000_000:06d}"

    def request_code(self, member_id: str) -> Challenge:
        member_id = check_member_id(member_id)
        return Challenge(self.partner.code, member_id,
                         sent_to=f"the {self.partner.name_en} app (demo)",
                         demo_code=self.code_for(member_id))

    def verify(self, member_id: str, code: str) -> None:
        if (code or "").strip() != self.code_for(member_id):
            raise InputError(f"That verification code is not right for {self.partner.name_en} "
                             f"member {member_id}.", code="wrong_code")

    def lots(self, member_id: str, linked_on: date, today: date) -> list[PartnerLot]:
        member_id = check_member_id(member_id)
        rng = random.Random(self._seed(member_id))
        tag = hashlib.sha256(member_id.encode()).hexdigest()[:6]
        out = []
        for i in range(rng.randint(3, 5)):
            soon = i == 0
            expires = linked_on + timedelta(days=rng.randint(6, 24) if soon
                                            else rng.randint(45, 700))
            earned = linked_on - timedelta(days=rng.randint(5, 300))
            amount = rng.randrange(2_000, 60_001, 100)
            out.append(PartnerLot(f"{self.partner.code}-{tag}-{i + 1}", amount, earned, expires))
        for k in range(1, (today - linked_on).days // EARN_EVERY_DAYS + 1):
            earn = random.Random(self._seed(member_id, f"earn{k}"))
            earned = linked_on + timedelta(days=EARN_EVERY_DAYS * k)
            out.append(PartnerLot(f"{self.partner.code}-{tag}-E{k}",
                                  earn.randrange(1_000, 8_001, 100), earned,
                                  earned + timedelta(days=self.partner.validity_days)))
        return [lot for lot in out if lot.expires_on >= today]
