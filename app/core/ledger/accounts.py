"""Who can hold what. Account owners are short strings; the prefix says the kind.

- `user:<id>`       a user of the app (never negative)
- `tica:pool`       TICA's liquidity pool: MLK and its inventory of every partner's points
- `tica:fee`        TICA's fee income
- `issuer:<CODE>`   a partner's issuance account: goes negative by what it has issued
- `bridge`          MLK on the main chain backing in-app MLK (negative = MLK inside the app)
- `bridge:pending`  in-app MLK on its way out in a withdrawal, until the receipt settles it
"""
from __future__ import annotations

POOL = "tica:pool"
FEES = "tica:fee"
BRIDGE = "bridge"
PENDING_WITHDRAWALS = "bridge:pending"
LOCAL_USER = "local"


def user(user_id: str = LOCAL_USER) -> str:
    return f"user:{user_id}"


def issuer(partner_code: str) -> str:
    return f"issuer:{partner_code}"


def is_user(owner: str) -> bool:
    return owner.startswith("user:")


def allows_negative(owner: str) -> bool:
    """Only issuers and the bridge represent claims on the outside world."""
    return owner == BRIDGE or owner.startswith("issuer:")
