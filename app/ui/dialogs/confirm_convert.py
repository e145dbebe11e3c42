"""Confirming a conversion: the exact amounts, fee and limit, how long the quote still holds,
and anything the user should know first — before anything is booked."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QVBoxLayout

from app.ui import fmt
from app.ui.widgets.common import label, muted
from app.ui.widgets.reflow import at_least


class ConfirmConvertDialog(QDialog):
    def __init__(self, quote, now, parent=None, manual_price: bool = False):
        """`now()` gives the clock's time (for the countdown)."""
        super().__init__(parent)
        self.quote, self._now = quote, now
        t = quote.trade
        self.setWindowTitle(self.tr("Confirm conversion"))
        box = QVBoxLayout(self)
        box.setContentsMargins(22, 20, 22, 18)
        at_least(self, 420)
        box.setSpacing(12)
        box.addWidget(label(self.tr("Convert with TICA?"), "SectionTitle"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        rows = [(self.tr("You give"), fmt.amount_of(t.from_asset, t.amount_in, exact=True)),
                (self.tr("You receive"), fmt.amount_of(t.to_asset, t.amount_out, exact=True)),
                (self.tr("Fee"), fmt.mlk(t.fee, None))]
        if t.mode == "exact_in":
            rows.append((self.tr("At least"), fmt.amount(t.to_asset, quote.min_out, True)))
        else:
            rows.append((self.tr("At most"), fmt.amount(t.from_asset, quote.max_in, True)))
        price = fmt.price(quote.price.krw_per_mlk)
        rows.append((self.tr("MLK price"), price + (" · " + self.tr("manual price")
                                                    if manual_price else "")))
        for i, (k, v) in enumerate(rows):
            grid.addWidget(muted(k), i, 0)
            grid.addWidget(label(v, wrap=True, selectable=True), i, 1)
        box.addLayout(grid)
        box.addWidget(muted(self.tr("If the price moves beyond this limit before TICA books it, "
                                    "nothing happens and you will be told why."), wrap=True))
        self.countdown = muted()
        box.addWidget(self.countdown)
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(self.tr("Convert"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("Primary")
        self.confirm.setDefault(True)  # Enter converts, Esc cancels
        self.cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._tick()

    def seconds_left(self) -> int:
        return self.quote.seconds_left(self._now())

    def _tick(self, *_args) -> None:
        left = self.seconds_left()
        if left <= 0:
            self._timer.stop()
            self.countdown.setText(self.tr("This quote has expired. Close this and get a new "
                                           "quote."))
            self.confirm.setEnabled(False)
            return
        self.countdown.setText(self.tr("Quote valid for {s} s").format(s=left))
        self.confirm.setEnabled(True)
