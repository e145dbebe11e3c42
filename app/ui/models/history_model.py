"""One history of ledger entries and chain transactions, newest first, fetched in pages on
demand (Qt's canFetchMore/fetchMore). Opening a journal of a million entries costs the same
as opening one of a hundred: only the first page is read."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

from app.core.history_filter import HistoryFilter
from app.ui import fmt
from app.ui.models.wallet_models import status_text

PAGE = 200
CONVERSIONS = ("sell", "buy", "swap")
PARTNER_OPS = ("redeem", "issue", "release")  # a conversion's answer from the partner
BRIDGED = ("withdraw", "deposit")  # ledger kinds whose chain transaction joins their row
CHAIN = "chain"

translate = QCoreApplication.translate  # the name lupdate looks for


def kind_name(kind: str) -> str:
    return {
        "genesis": translate("History", "TICA funding"),
        "reward": translate("History", "Reward"),
        "sync": translate("History", "Partner sync"),
        "sell": translate("History", "Points → MLK"),
        "buy": translate("History", "MLK → points"),
        "swap": translate("History", "Points → points"),
        "redeem": translate("History", "Redeemed"),  # at the partner: the sale is complete
        "issue": translate("History", "Issued"),  # at the partner: the purchase is complete
        "release": translate("History", "Returned"),  # the partner did not move the points
        "unlink": translate("History", "Partner unlinked"),
        "expire": translate("History", "Expired"),
        "withdraw": translate("History", "Withdrawal"),
        "withdraw_settle": translate("History", "Withdrawal settled"),
        "withdraw_reverse": translate("History", "Withdrawal returned"),
        "deposit": translate("History", "Deposit"),
        "send": translate("History", "Sent on chain"),
        "cancel": translate("History", "Cancellation"),
        "gas": translate("History", "Gas"),
    }.get(kind, kind)


def chain_kind_name(kind: str) -> str:
    return {
        "send": translate("History", "Sent on chain"),
        "withdraw": translate("History", "Withdrawal on chain"),
        "deposit": translate("History", "Deposit on chain"),
        "cancel": translate("History", "Cancelled on chain"),
        "gas": translate("History", "Gas on chain"),
    }.get(kind, kind)


@dataclass(frozen=True)
class Row:
    source: str  # "ledger" | "chain"
    key: int  # entry seq or chain tx id
    created_at: str
    kind: str
    changes: dict  # asset -> units (the user's side)
    detail: object  # HistoryRow or ChainRow
    chain: object = None  # a withdrawal's or deposit's chain transaction (one item, two parts)

    @property
    def title(self) -> str:
        return kind_name(self.kind) if self.source == "ledger" else chain_kind_name(self.kind)


@dataclass
class Cursor:
    ledger_before: int | None = None
    chain_before: int | None = None
    ledger_done: bool = False
    chain_done: bool = False


def fetch(svc, cursor: Cursor, flt: HistoryFilter, include_chain: bool, limit: int):
    """The next `limit` rows across both sources in time order, and the advanced cursor.
    Runs on the ledger lane."""
    ledger, chain = [], []
    if not cursor.ledger_done:
        ledger = svc.history.page(before_seq=cursor.ledger_before, limit=limit, flt=flt)
    if include_chain and not cursor.chain_done:
        chain = svc.history.chain_page(before_id=cursor.chain_before, limit=limit, flt=flt)
    # A withdrawal or deposit is one item: its ledger entry with its chain transaction.
    parts = svc.history.chain_for({r.chain_key for r in ledger if r.chain_key and
                                   r.kind in BRIDGED})
    merged = sorted(
        [Row("ledger", r.seq, r.created_at, r.kind, r.changes, r,
             parts.get(r.chain_key) if r.kind in BRIDGED else None) for r in ledger]
        + [Row("chain", r.id, r.created_at, r.kind, _onchain_change(r), r) for r in chain
           if not (r.ledger_key and r.kind in BRIDGED)],
        key=lambda row: row.created_at,
        reverse=True,
    )[:limit]
    taken_ledger = [r for r in merged if r.source == "ledger"]
    taken_chain = [r for r in merged if r.source == "chain"]
    nxt = Cursor(
        taken_ledger[-1].key if taken_ledger else cursor.ledger_before,
        taken_chain[-1].key if taken_chain else cursor.chain_before,
        cursor.ledger_done or (len(ledger) < limit and len(taken_ledger) == len(ledger)),
        cursor.chain_done
        or not include_chain
        or (len(chain) < limit and len(taken_chain) == len(chain)),
    )
    return merged, nxt


def _onchain_change(r) -> dict:
    """The wallet's side of a chain transaction: withdrawals arrive, sends leave."""
    if r.kind == "cancel" or not r.amount:
        return {}
    return {"MLK": r.amount if r.kind == "withdraw" else -r.amount}


class HistoryModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    failed = Signal(object)

    COLUMNS = 4

    def __init__(self, backend, parent=None, page: int = PAGE):
        super().__init__(parent)
        self.backend = backend
        self.page = page
        self.rows: list[Row] = []
        self.flt = HistoryFilter()
        self.include_chain = True
        self._cursor = Cursor()
        self._loading = False
        self._generation = 0
        self.names: dict[str, str] = {}  # partner code -> display name

    # -- filtering and (re)loading ------------------------------------------------------------
    def set_filter(self, flt: HistoryFilter, include_chain: bool) -> None:
        self.flt, self.include_chain = flt, include_chain
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self._cursor = Cursor()
        self._loading = False
        self.endResetModel()
        if self.backend.is_ready:
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        if parent.isValid() or self._loading or not self.backend.is_ready:
            return False
        return not (self._cursor.ledger_done and self._cursor.chain_done)

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._loading = True
        self.loading_changed.emit(True)
        generation, cursor, flt, chain = (
            self._generation,
            self._cursor,
            self.flt,
            self.include_chain,
        )
        self.backend.run(
            lambda svc: fetch(svc, cursor, flt, chain, self.page),
            lambda result: self._arrived(generation, result),
            lambda error: self._error(generation, error),
        )

    def _arrived(self, generation: int, result) -> None:
        if generation != self._generation:
            return  # a reload happened meanwhile
        rows, cursor = result
        self._loading = False
        self._cursor = cursor
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.loading_changed.emit(False)

    def _error(self, generation: int, error) -> None:
        if generation == self._generation:
            self._loading = False
            self.loading_changed.emit(False)
            self.failed.emit(error)

    # -- the table ----------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                translate("History", "Time"),
                translate("History", "Type"),
                translate("History", "Details"),
                translate("History", "Amount"),
            )[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(row, index.column())  # a narrow column elides; hover shows all
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _cell(self, row: Row, column: int) -> str:
        if column == 0:
            return fmt.moment(row.created_at)
        if column == 1:
            return row.title
        if column == 2:
            return describe(row, self.names)
        text = " ".join(fmt.signed(asset, units) for asset, units in sorted(row.changes.items()))
        if row.chain is not None:  # the other part: MLK arriving in, or leaving, the wallet
            wallet = _onchain_change(row.chain).get("MLK", 0)
            text += " → " + translate("History", "wallet {}").format(fmt.signed("MLK", wallet))
        return text


def describe(row: Row, names: dict[str, str] | None = None) -> str:
    """One line saying what happened, in the user's language (partner names, not codes)."""
    names = names or {}
    d = row.detail
    if row.source == "chain":
        to = d.note or fmt.address(f"{d.recipient[:8]}…{d.recipient[-6:]}")
        return translate("History", "to {to} · {status}").format(to=to, status=status_text(d))
    memo = d.memo
    if row.kind in CONVERSIONS or (row.kind in PARTNER_OPS and memo.get("from")):
        return f"{names.get(memo.get('from'), memo.get('from'))} → " \
               f"{names.get(memo.get('to'), memo.get('to'))}"
    if row.kind in ("sync", "expire", "unlink") + PARTNER_OPS and memo.get("partner"):
        return names.get(memo["partner"], memo["partner"])
    if memo.get("tx_hash"):
        return memo["tx_hash"][:18] + "…"
    reasons = {
        "demo welcome reward": translate("History", "Demo welcome reward"),
        "TICA inventory at target": translate("History", "TICA's point inventory"),
    }
    reason = memo.get("reason", "")
    return reasons.get(reason, translate("History", "TICA's MLK pool") if "pool" in reason
                       else reason)


def summary(row: Row) -> str:
    """What happened, in a sentence a person reads (exact amounts; names, not codes)."""
    d = row.detail
    if row.source == "chain":
        to = d.note or fmt.address(d.recipient)
        return translate("History", "{amount} to {to}: {status}.").format(
            amount=fmt.mlk(d.amount, None), to=to, status=status_text(d))
    memo, kind = d.memo, row.kind

    def amt(asset_key: str, units_key: str) -> str:
        return fmt.amount_of(memo[asset_key], int(memo[units_key]), exact=True)

    if kind in CONVERSIONS:
        return translate("History", "You gave {give} and received {get}, at 1 MLK = {price} "
                                    "(TICA's fee: {fee}).").format(
            give=amt("from", "amount_in"), get=amt("to", "amount_out"),
            price=fmt.price(Decimal(memo.get("price", 0))),
            fee=fmt.mlk(int(memo.get("fee", 0)), None))
    if kind in PARTNER_OPS or kind == "unlink":
        partner = fmt.asset_name(memo.get("partner", ""))
        points = fmt.points(int(memo.get("points", 0)))
        if kind == "redeem":
            return translate("History", "{partner} took {points} from your account there for "
                                        "the conversion; it is complete.").format(
                partner=partner, points=points)
        if kind == "issue":
            return translate("History", "{partner} added {points} to your account there; the "
                                        "conversion is complete.").format(
                partner=partner, points=points)
        if kind == "unlink":
            return translate("History", "{partner} was unlinked: its {points} are no longer "
                                        "shown in MiL.k (they stay at {partner}).").format(
                partner=partner, points=points)
        return translate("History", "{partner} did not move {points}, so the conversion was "
                                    "undone and what it held is back: {reason}").format(
            partner=partner, points=points, reason=memo.get("reason", ""))
    if kind == "sync":
        change = sum(row.changes.values())
        return translate("History", "{partner} reported your points: {change}.").format(
            partner=fmt.asset_name(memo.get("partner", "")),
            change=fmt.signed(memo.get("partner", ""), change) if change else "±0")
    if kind == "expire":
        return translate("History", "{points} expired on {day}.").format(
            points=fmt.amount_of(memo["partner"], int(memo["points"])),
            day=memo.get("expired_on", ""))
    amount = fmt.mlk(int(memo.get("amount", 0)), None)
    texts = {
        "withdraw": translate("History", "{amount} left the app for {to}; it is held until the "
                                         "network confirms the transfer."),
        "withdraw_settle": translate("History", "The network confirmed the withdrawal of "
                                                "{amount}."),
        "withdraw_reverse": translate("History", "The withdrawal of {amount} did not go "
                                                 "through: the MLK is back in the app."),
        "deposit": translate("History", "{amount} arrived in the app from your wallet."),
    }
    if kind in texts:
        return texts[kind].format(amount=amount, to=memo.get("to", ""))
    return describe(row)
