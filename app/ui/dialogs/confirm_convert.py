"""Confirming a conversion: the exact amounts, fee and limit, before anything is booked."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QVBoxLayout

from app.ui import fmt
from app.ui.widgets.common import label, muted
from app.ui.widgets.reflow import at_least


class ConfirmConvertDialog(QDialog):
    def __init__(self, quote, partner_of, parent=None):
        super().__init__(parent)
        t = quote.trade
        self.setWindowTitle(self.tr("Confirm conversion"))
        box = QVBoxLayout(self)
        box.setContentsMargins(22, 20, 22, 18)
        at_least(self, 420)
        box.setSpacing(12)
        box.addWidget(label(self.tr("Convert with TICA?"), "SectionTitle"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)

        def name(asset):
            p = partner_of(asset)
            return fmt.partner_name(p) if p else asset

        rows = [(self.tr("You give"), f"{fmt.amount(t.from_asset, t.amount_in)} "
                                      f"({name(t.from_asset)})"),
                (self.tr("You receive"), f"{fmt.amount(t.to_asset, t.amount_out)} "
                                         f"({name(t.to_asset)})"),
                (self.tr("Fee"), fmt.mlk(t.fee, None))]
        if t.mode == "exact_in":
            rows.append((self.tr("At least"), fmt.amount(t.to_asset, quote.min_out)))
        else:
            rows.append((self.tr("At most"), fmt.amount(t.from_asset, quote.max_in)))
        for i, (k, v) in enumerate(rows):
            grid.addWidget(muted(k), i, 0)
            grid.addWidget(label(v), i, 1)
        box.addLayout(grid)
        box.addWidget(muted(self.tr("If the price moves beyond this limit before TICA books it, "
                                    "nothing happens and you will be told why."), wrap=True))
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(self.tr("Convert"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("Primary")
        self.confirm.setDefault(True)  # Enter converts, Esc cancels
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
