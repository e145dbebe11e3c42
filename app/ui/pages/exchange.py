"""Exchange — convert through TICA with a live quote, a confirmation, and the ledger entry."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
)

from app.core.errors import RuleError
from app.core.money import MLK, plain_amount
from app.ui import fmt
from app.ui.backend import LEDGER, PARTNERS, PRICES
from app.ui.dialogs.confirm_convert import ConfirmConvertDialog
from app.ui.errors import explain
from app.ui.pages.base import Page
from app.ui.widgets.common import Card, button, clear_layout, label, muted
from app.ui.widgets.reflow import Columns

QUOTE_DELAY_MS = 350


class ExchangePage(Page):
    areas = frozenset({LEDGER, PARTNERS, PRICES})
    link_requested = Signal(str)  # partner code: the user asked to link it from here

    def __init__(self, backend, parent=None):
        super().__init__(backend, parent)
        self._quote = None
        self._balances: dict[str, int] = {}
        self._catalog = []
        self._request_id = 0
        self._pending_prefill = None
        self._linked: set[str] = set()
        self._previous: tuple[int | None, int | None] = (None, None)  # (from, to) indexes
        self._converted_last = None  # the last receipt, re-rendered on a language switch
        self._review_when_quoted = False  # Enter came before the quote
        self.dialog = None
        row = Columns(min_width=360, max_columns=3, spacing=16)  # form, quote, result

        form = Card(spacing=12)
        self.form_title = label("", "SectionTitle")
        form.layout_.addWidget(self.form_title)
        self.from_caption, self.to_caption = muted(), muted()
        self.from_box, self.to_box = QComboBox(), QComboBox()
        self.from_caption.setBuddy(self.from_box)  # names the boxes for screen readers
        self.to_caption.setBuddy(self.to_box)
        self.swap_button = button(link=True)
        form.layout_.addWidget(self.from_caption)
        form.layout_.addWidget(self.from_box)
        swap_row = QHBoxLayout()
        swap_row.addStretch(1)
        swap_row.addWidget(self.swap_button)
        form.layout_.addLayout(swap_row)
        form.layout_.addWidget(self.to_caption)
        form.layout_.addWidget(self.to_box)
        self.pay_mode, self.get_mode = QRadioButton(), QRadioButton()
        self.pay_mode.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.pay_mode)
        modes.addButton(self.get_mode)
        form.layout_.addLayout(_row(self.pay_mode, self.get_mode))
        self.amount = QLineEdit()
        self.amount.setObjectName("AmountEdit")
        self.unit = label("", "MidNumber")
        self.max_button = button(link=True)
        form.layout_.addLayout(_row(self.amount, self.unit, self.max_button))
        self.available = muted()
        form.layout_.addWidget(self.available)
        self.problem = label("", "Error", wrap=True)
        form.layout_.addWidget(self.problem)
        self.review = button(primary=True)
        self.review.setEnabled(False)
        form.layout_.addWidget(self.review)
        form.layout_.addStretch(1)
        row.addWidget(form, 1)

        quote = Card(spacing=10)
        self.quote_title = label("", "SectionTitle")
        quote.layout_.addWidget(self.quote_title)
        self.receive_caption = muted()
        self.receive = label("—", "BigNumber")
        quote.layout_.addWidget(self.receive_caption)
        quote.layout_.addWidget(self.receive)
        self.details = QGridLayout()
        self.details.setHorizontalSpacing(18)
        self.details.setVerticalSpacing(8)
        quote.layout_.addLayout(self.details)
        self.countdown = muted()
        quote.layout_.addWidget(self.countdown)
        self.quote_hint = muted(wrap=True)
        quote.layout_.addWidget(self.quote_hint)
        quote.layout_.addStretch(1)
        row.addWidget(quote, 1)
        self.content.addLayout(row)

        self.result = Card()
        self.result_text = label("", "SectionTitle", wrap=True)
        self.result_entry = muted(wrap=True)
        self.result_entry.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.layout_.addWidget(self.result_text)
        self.result.layout_.addWidget(self.result_entry)
        self.link_hint = label("", "Warning", wrap=True)
        self.link_hint.hide()
        form.layout_.insertWidget(form.layout_.indexOf(self.problem), self.link_hint)
        self.link_button = button(link=True)  # opens the link dialog of that partner
        self.link_button.hide()
        self.link_button.clicked.connect(self._ask_to_link)
        form.layout_.insertWidget(form.layout_.indexOf(self.problem), self.link_button)
        self.result.layout_.addStretch(1)  # beside the form it is as tall as the form
        self.result.hide()
        row.addWidget(self.result)
        self.content.addStretch(1)

        self._debounce = QTimer(self, singleShot=True, interval=QUOTE_DELAY_MS)
        self._debounce.timeout.connect(self._request_quote)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._count_down)
        for signal in (self.from_box.currentIndexChanged, self.to_box.currentIndexChanged,
                       self.amount.textChanged, self.pay_mode.toggled):
            signal.connect(self._inputs_changed)
        self.swap_button.clicked.connect(self._swap)
        self.max_button.clicked.connect(self._use_max)
        self.review.clicked.connect(self._review)
        self.amount.returnPressed.connect(self._enter)
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Exchange"))
        self.form_title.setText(self.tr("Convert through TICA"))
        self.from_caption.setText(self.tr("From"))
        self.to_caption.setText(self.tr("To"))
        self.swap_button.setText(self.tr("⇅ Swap"))
        self.pay_mode.setText(self.tr("I give this amount"))
        self.get_mode.setText(self.tr("I receive this amount"))
        self.max_button.setText(self.tr("Max"))
        self.review.setText(self.tr("Review conversion"))
        self.quote_title.setText(self.tr("Live quote"))
        self.receive_caption.setText(self.tr("You receive") if self.pay_mode.isChecked()
                                     else self.tr("You give"))
        self.amount.setPlaceholderText(self.tr("Amount"))
        self.amount.setAccessibleName(self.tr("Amount"))
        self.quote_hint.setText(self.tr("TICA always trades at market value; every leg costs "
                                        "1.5%. Quotes are valid for 30 seconds."))
        self._fill_assets()
        self._render_available()
        self._render_quote()
        self._render_link_hint()
        if self._converted_last is not None:
            self._render_receipt(self._converted_last)
        if self.problem.text():  # an explanation in the old language: ask again
            self._inputs_changed()

    # -- data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        def load(svc):
            overview = svc.points.overview()
            linked = {st.partner.code for st in svc.partners.catalog() if st.linked}
            return list(svc.ctx.catalog), {h.partner.code: h.balance for h in overview.holdings} \
                | {MLK: overview.mlk_in_app}, linked

        self.backend.run(load, self._loaded, lambda e: self.problem.setText(explain(e)))

    def _loaded(self, data) -> None:
        self._catalog, self._balances, self._linked = data
        self._fill_assets()
        pending, self._pending_prefill = self._pending_prefill, None
        if pending:
            self.prefill(*pending)
        self._inputs_changed()

    def _fill_assets(self) -> None:
        for box in (self.from_box, self.to_box):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("MLK (in the app)"), MLK)
            for p in self._catalog:
                box.addItem(fmt.partner_name(p), p.code)
            index = box.findData(keep)
            box.setCurrentIndex(index if index >= 0 else 0)
            box.blockSignals(False)
        if self.from_box.currentData() == self.to_box.currentData() and self._catalog:
            self.to_box.setCurrentIndex(1 if self.from_box.currentIndex() == 0 else 0)

    def prefill(self, partner_code: str, points: int) -> None:
        """Open with `points` of `partner_code` to convert to MLK (from Home's call to action)."""
        if self.from_box.findData(partner_code) < 0:  # the catalog is still loading
            self._pending_prefill = (partner_code, points)
            return
        self.from_box.setCurrentIndex(max(0, self.from_box.findData(partner_code)))
        self.to_box.setCurrentIndex(0)
        self.pay_mode.setChecked(True)
        self.amount.setText(str(points) if points else "")
        self.result.hide()

    # -- quoting -------------------------------------------------------------------------------
    def _inputs_changed(self, *_args) -> None:
        if self.from_box.currentData() == self.to_box.currentData() and self._catalog:
            self._swap_to_differ()
            return
        self._previous = (self.from_box.currentIndex(), self.to_box.currentIndex())
        self._quote = None
        self._review_when_quoted = False
        self.review.setEnabled(False)
        self._tick.stop()
        self._render_available()
        self.problem.setText("")
        self._render_link_hint()
        self.amount.setProperty("invalid", False)
        self.amount.style().polish(self.amount)
        if not self.amount.text().strip() or self._unlinked_partner() is not None:
            self._render_quote()  # nothing to quote: the link hint says why
            return
        self._debounce.start()

    def _render_available(self) -> None:
        src, dst = self.from_box.currentData(), self.to_box.currentData()
        fixed = dst if self.get_mode.isChecked() else src
        self.unit.setText(MLK if fixed == MLK else self.tr("P"))
        have = self._balances.get(src)
        self.available.setText(self.tr("Available: {}").format(fmt.amount(src, have))
                               if have is not None else "")
        self.max_button.setVisible(self.pay_mode.isChecked() and bool(have))
        self.receive_caption.setText(self.tr("You receive") if self.pay_mode.isChecked()
                                     else self.tr("You give"))

    def _request_quote(self) -> None:
        src, dst = self.from_box.currentData(), self.to_box.currentData()
        text, exact_out = self.amount.text(), self.get_mode.isChecked()
        self._request_id += 1
        rid = self._request_id
        self.quote_hint.setText(self.tr("Getting a quote…"))
        self.backend.run(lambda svc: svc.exchange.quote(src, dst, text, exact_out),
                         lambda q: self._quoted(rid, q), lambda e: self._quote_failed(rid, e))

    def _quoted(self, rid: int, quote) -> None:
        if rid != self._request_id:
            return  # the inputs changed meanwhile
        self._quote = quote
        t = quote.trade
        have = self._balances.get(t.from_asset, 0)
        if t.amount_in > have:  # say so now, not after the user confirmed; no promise shown
            self._quote = None
            self._review_when_quoted = False
            self.problem.setText(explain(RuleError(
                "", code="insufficient_balance",
                details={"asset": t.from_asset, "available": have, "needed": t.amount_in})))
            self._render_quote()
            return
        self.review.setEnabled(True)
        self._tick.start()
        self._render_quote()
        self._render_link_hint()
        if self._review_when_quoted:
            self._review_when_quoted = False
            self._review()

    def _quote_failed(self, rid: int, error) -> None:
        if rid != self._request_id:
            return
        self._quote = None
        self._review_when_quoted = False
        self.problem.setText(explain(error))
        self._render_quote()
        if getattr(error, "exit_code", 0) == 2:
            self.amount.setProperty("invalid", True)
            self.amount.style().polish(self.amount)
        self._render_quote()

    def _render_quote(self) -> None:
        clear_layout(self.details)
        q = self._quote
        if q is None:
            self.receive.setText("—")
            self.countdown.setText("")
            self.quote_hint.setText(self._hint())
            return
        t = q.trade
        self.receive.setText(fmt.amount(t.to_asset, t.amount_out) if t.mode == "exact_in"
                             else fmt.amount(t.from_asset, t.amount_in))
        rows = [(self.tr("You give"), fmt.amount(t.from_asset, t.amount_in)),
                (self.tr("You receive"), fmt.amount(t.to_asset, t.amount_out)),
                (self.tr("Rate"), f"1 {self._asset_name(t.from_asset)} = {q.rate.normalize()} "
                                  f"{self._asset_name(t.to_asset)}")]
        for leg in t.legs:
            partner = self._partner(leg.partner)
            discount = Decimal(leg.discount)
            price = self.tr("{price} KRW per point").format(price=leg.point_price)
            if discount:
                price += " · " + self.tr("{pct}% below face value").format(
                    pct=fmt.percent(discount))
            rows.append((self.tr("{partner} price").format(
                partner=fmt.partner_name(partner) if partner else leg.partner), price))
        rows.append((self.tr("Fee (1.5% per leg)"), fmt.mlk(t.fee, None)))
        if t.mode == "exact_in":
            rows.append((self.tr("Minimum received"), fmt.amount(t.to_asset, q.min_out)))
        else:
            rows.append((self.tr("Maximum paid"), fmt.amount(t.from_asset, q.max_in)))
        price = fmt.price(q.price.krw_per_mlk)
        if self._manual_price(q):
            price += " · " + self.tr("manual price")
        rows.append((self.tr("MLK price"), price))
        for i, (k, v) in enumerate(rows):
            self.details.addWidget(muted(k), i, 0)
            value = label(v)
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.details.addWidget(value, i, 1)
        self.quote_hint.setText(self._hint())
        self._count_down()

    def _hint(self) -> str:
        return self.tr("TICA always trades at market value; every leg costs 1.5%. Quotes are "
                       "valid for 30 seconds.")

    @staticmethod
    def _manual_price(quote) -> bool:
        """A price the user typed in, on a real profile: every quote says so (the core's
        judgement, carried by the quote)."""
        from app.core.services.exchange import MANUAL_PRICE

        return MANUAL_PRICE in quote.warnings

    def _unlinked_partner(self):
        """A partner of this trade whose membership is not linked: points are converted in
        the member's account at the partner, so the core refuses the trade until it is."""
        for code in (self.from_box.currentData(), self.to_box.currentData()):
            partner = self._partner(code)
            if partner is not None and code not in self._linked:
                return partner
        return None

    def _render_link_hint(self) -> None:
        partner = self._unlinked_partner()
        self.link_hint.setVisible(partner is not None)
        self.link_button.setVisible(partner is not None)
        if partner is not None:
            name = fmt.partner_name(partner)
            self.link_hint.setText(self.tr(
                "{partner} is not linked. Points are converted in your {partner} account at "
                "{partner} itself, so link your membership first.").format(partner=name))
            self.link_button.setText(self.tr("Link {partner}…").format(partner=name))

    def _ask_to_link(self) -> None:
        partner = self._unlinked_partner()
        if partner is not None:
            self.link_requested.emit(partner.code)

    def _count_down(self) -> None:
        if self._quote is None or not self.backend.is_ready:
            return
        left = self._quote.seconds_left(self.backend.services.ctx.clock.now())
        if left <= 0:
            self.countdown.setText(self.tr("Quote expired — refreshing…"))
            self._tick.stop()
            if self.isVisible():
                self._request_quote()
            return
        self.countdown.setText(self.tr("Quote valid for {s} s").format(s=left))

    # -- actions -------------------------------------------------------------------------------
    def _swap(self) -> None:
        a, b = self.from_box.currentIndex(), self.to_box.currentIndex()
        for box, index in ((self.from_box, b), (self.to_box, a)):
            box.blockSignals(True)
            box.setCurrentIndex(index)
            box.blockSignals(False)
        self._inputs_changed()

    def _swap_to_differ(self) -> None:
        """The same asset chosen on both sides: the other side takes what the changed side
        had (a swap), as people expect from a currency converter."""
        old_from, old_to = self._previous
        from_changed = self.from_box.currentIndex() != old_from
        other, old = (self.to_box, old_from) if from_changed else (self.from_box, old_to)
        if old is None or old == other.currentIndex():
            old = 1 if other.currentIndex() == 0 else 0
        other.blockSignals(True)
        other.setCurrentIndex(old)
        other.blockSignals(False)
        self._inputs_changed()

    def _use_max(self) -> None:
        src = self.from_box.currentData()
        have = self._balances.get(src, 0)
        self.amount.setText(plain_amount(src, have))

    def _enter(self) -> None:
        """Enter in the amount reviews the conversion, or does so once the quote arrives."""
        if self.review.isEnabled():
            self.review.click()
        elif self.amount.text().strip():
            self._review_when_quoted = True
            if self._debounce.isActive():
                self._debounce.stop()
                self._request_quote()

    def _review(self) -> None:
        if self._quote is None:
            return
        quote = self._quote
        self.dialog = ConfirmConvertDialog(quote, self.backend.services.ctx.clock.now, self,
                                           manual_price=self._manual_price(quote))
        self.dialog.accepted.connect(lambda: self._execute(quote))
        self.dialog.open()

    def _execute(self, quote) -> None:
        self.review.setEnabled(False)
        self.backend.run(lambda svc: svc.exchange.execute(quote), self._converted,
                         self._convert_failed, changes=(LEDGER,))

    def _converted(self, conversion) -> None:
        self._converted_last = conversion
        self._render_receipt(conversion)
        self.result.show()
        self.amount.clear()

    def _render_receipt(self, c) -> None:
        give, get = fmt.amount(c.from_asset, c.amount_in), fmt.amount(c.to_asset, c.amount_out)
        if c.status == "pending":
            where = ", ".join(self._asset_name(code) for code in c.pending_at)
            text = self.tr("{give} into {get}: pending at {partner}. It is held in your ledger "
                           "and completes (or is returned) when the partner answers; the next "
                           "sync asks again.").format(give=give, get=get, partner=where)
        elif c.status == "partial":
            text = self.tr("{give} were converted, but {get} could not be delivered.").format(
                give=give, get=get)
            if c.note:
                text += " " + c.note
        else:
            text = self.tr("Converted {give} into {get}.").format(give=give, get=get)
        self.result_text.setText(text)
        self.result_entry.setText(self.tr("Ledger entry #{seq} · {hash}").format(
            seq=c.entry.seq, hash=c.entry.hash))

    def _convert_failed(self, error) -> None:
        self.problem.setText(explain(error))
        self.review.setEnabled(self._quote is not None)

    def _partner(self, code):
        return next((p for p in self._catalog if p.code == code), None)

    def _asset_name(self, asset: str) -> str:
        partner = self._partner(asset)
        return fmt.partner_name(partner) if partner else asset


def _row(*widgets) -> QHBoxLayout:
    row = QHBoxLayout()
    for w in widgets:
        row.addWidget(w, 1 if isinstance(w, QLineEdit) else 0)
    return row

