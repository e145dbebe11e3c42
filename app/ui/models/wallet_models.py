"""Table models for the Wallet page: the wallet's transactions and the address book."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from app.core.chain.addresses import OWN_LABEL
from app.ui import fmt

translate = QCoreApplication.translate  # the name lupdate looks for


def status_text(tx) -> str:
    from app.core.chain.tracker import NOT_SEEN

    names = {
        "signed": translate("WalletModels", "signed"),
        "pending": translate("WalletModels", "pending"),
        "confirmed": translate("WalletModels", "confirmed"),
        "failed": translate("WalletModels", "failed"),
        "replaced": translate("WalletModels", "replaced"),
    }
    text = names.get(tx.status, tx.status)
    if (getattr(tx, "status_note", None) or "").startswith(NOT_SEEN):
        text += " · " + translate("WalletModels", "not seen by the node — re-broadcasting")
    confirmations = getattr(tx, "confirmations", 0)  # history rows do not count them
    if tx.status == "confirmed" and confirmations:
        text += " · " + (translate("WalletModels", "1 confirmation") if confirmations == 1 else
                         translate("WalletModels", "{n} confirmations").format(n=confirmations))
    return text


def contact_name(contact) -> str:
    """The address book's name for an entry; the one the app made for the wallet itself reads
    in the current language."""
    return translate("WalletModels", "My wallet") if contact.label == OWN_LABEL else contact.label


def kind_text(kind: str) -> str:
    return {
        "send": translate("WalletModels", "Send"),
        "withdraw": translate("WalletModels", "Withdrawal"),
        "deposit": translate("WalletModels", "Deposit"),
        "cancel": translate("WalletModels", "Cancel"),
        "gas": translate("WalletModels", "Gas"),
    }.get(kind, kind)


class ListModel(QAbstractTableModel):
    """A read-only table over a Python list, replaced whole on refresh."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list = []

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def headers(self) -> list[str]:  # each table names its columns
        return []

    def cell(self, item, column: int) -> str:  # each table renders its cells
        return ""

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(item, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    right_aligned: frozenset[int] = frozenset()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def item(self, row: int):
        return self.items[row] if 0 <= row < len(self.items) else None


class TxModel(ListModel):
    right_aligned = frozenset({2})

    def __init__(self, parent=None):
        super().__init__(parent)
        self.labels: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [
            "#",
            translate("WalletModels", "Type"),
            translate("WalletModels", "Amount"),
            translate("WalletModels", "To"),
            translate("WalletModels", "Status"),
            translate("WalletModels", "Time"),
        ]

    def cell(self, tx, column: int) -> str:
        if column == 0:
            return str(tx.id)
        if column == 1:
            return kind_text(tx.kind)
        if column == 2:
            return fmt.mlk(tx.amount)
        if column == 3:
            name = self.labels.get(tx.recipient.lower())
            short = fmt.address(f"{tx.recipient[:8]}…{tx.recipient[-6:]}")
            return f"{name} ({short})" if name else short
        if column == 4:
            return status_text(tx)
        return fmt.moment(tx.created_at)


class ContactsModel(ListModel):
    def headers(self) -> list[str]:
        return [
            translate("WalletModels", "Name"),
            translate("WalletModels", "Kind"),
            translate("WalletModels", "Address"),
        ]

    def cell(self, c, column: int) -> str:
        if column == 0:
            return contact_name(c)
        if column == 1:
            return {
                "own": translate("WalletModels", "Own"),
                "exchange": translate("WalletModels", "Exchange deposit"),
                "other": translate("WalletModels", "Other"),
            }.get(c.kind, c.kind) + (f" · {c.exchange}" if c.exchange else "") + \
                (f" · {c.network}" if c.kind == "exchange" and c.network else "")
        return fmt.address(c.address)
