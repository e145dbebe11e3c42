"""What the history is narrowed to, and the words its kinds go by. Its own module, free of the
database layer, so the window can build its filters before SQLAlchemy has loaded."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# Each kind's name on screen (the Activity page's words) and in statements, English and
# Korean, then other words people search with.
KIND_NAMES: dict[str, tuple[str, ...]] = {
    "genesis": ("TICA funding", "TICA 자금 조성"),
    "reward": ("Reward", "보상"),
    "sync": ("Partner sync", "제휴사 동기화", "import", "imported"),
    "sell": ("Points → MLK", "포인트 → MLK", "sell", "sold", "판매", "exchange", "교환"),
    "buy": ("MLK → points", "MLK → 포인트", "buy", "bought", "구매", "exchange", "교환"),
    "swap": ("Points → points", "포인트 → 포인트", "swap", "exchange", "교환"),
    "redeem": ("Points redeemed at partner", "제휴사 포인트 차감", "sell", "exchange", "교환"),
    "issue": ("Points issued at partner", "제휴사 포인트 적립", "buy", "exchange", "교환"),
    "release": ("Conversion reversed", "교환 취소", "reversed", "refused"),
    "unlink": ("Partner unlinked", "제휴사 연결 해제", "unlinked"),
    "expire": ("Expired", "소멸", "expiry"),
    "withdraw": ("Withdrawal", "출금", "withdraw"),
    "withdraw_settle": ("Withdrawal settled", "출금 완료", "withdraw"),
    "withdraw_reverse": ("Withdrawal returned", "출금 반환", "withdraw"),
    "deposit": ("Deposit", "입금"),
}


def kind_name(kind: str, lang: str = "en") -> str:
    names = KIND_NAMES.get(kind)
    return (names[1] if lang == "ko" else names[0]) if names else kind


def kinds_named(text: str) -> set[str]:
    """Kinds whose code or any of whose words contain `text` (case-insensitive)."""
    needle = text.strip().casefold()
    if not needle:
        return set()
    return {kind for kind, words in KIND_NAMES.items()
            if any(needle in w.casefold() for w in (kind, *words))}


@dataclass(frozen=True)
class HistoryFilter:
    kinds: tuple[str, ...] = ()
    asset: str | None = None  # MLK or a partner code
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None  # what is on screen: partner names, kind words, amounts, details,
    #                          the receipt's hash prefix or #seq

    def is_empty(self) -> bool:
        return not (self.kinds or self.asset or self.since or self.until or self.text)
