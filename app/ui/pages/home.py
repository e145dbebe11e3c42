"""Home — the one view: what everything is worth, partner by partner, and what expires."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QVBoxLayout, QWidget

from app.core.money import MLK_UNIT
from app.ui import fmt
from app.ui.backend import LEDGER, NETWORK, PARTNERS, PRICES, WALLET
from app.ui.errors import explain
from app.ui.pages.base import Page
from app.ui.widgets.charts import (
    MLK_COLOR,
    WALLET_COLOR,
    CompositionChart,
    ExpiryTimeline,
    TrendChart,
)
from app.ui.widgets.common import (
    Banner,
    Card,
    after_next_paint,
    button,
    clear_layout,
    label,
    muted,
    titled_row,
)
from app.ui.widgets.reflow import Columns


class PartnerCard(Card):
    clicked = Signal(str)

    def __init__(self, holding, overview, parent=None):
        super().__init__(parent, margins=16, spacing=6)
        self.code = holding.partner.code
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        p = holding.partner
        # The keyboard reaches it with Tab and opens it with Enter or Space, as a click does.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(f"{fmt.partner_name(p)}, {fmt.points(holding.balance)}")
        self.setAccessibleDescription(self.tr("Press Enter to convert these points"))
        head = titled_row(fmt.partner_name(p), p.color)
        if not holding.linked:
            head.addWidget(label(self.tr("not linked"), "Chip"))
        self.layout_.addLayout(head)
        self.layout_.addWidget(muted(p.category(fmt.i18n.current())))
        self.layout_.addWidget(label(fmt.points(holding.balance), "MidNumber"))
        worth = fmt.krw(holding.krw_value)
        if holding.mlk_value is not None:
            worth += " · " + self.tr("{} now").format(fmt.mlk(holding.mlk_value, 2))
        self.layout_.addWidget(muted(worth))
        if holding.pending_out or holding.pending_in:
            self.layout_.addWidget(label(self._pending_text(holding), "Muted"))
        if holding.expiring:
            when = fmt.short_day(holding.next_expiry)
            warn = label(self.tr("{points} expire by {day}").format(
                points=fmt.points(holding.expiring), day=when), "Warning")
            self.layout_.addWidget(warn)
        else:
            self.layout_.addWidget(muted(self.tr("Nothing expires within 30 days")))

    def _pending_text(self, holding) -> str:
        name = fmt.partner_name(holding.partner)
        parts = []
        if holding.pending_out:
            parts.append(self.tr("{points} leaving: pending at {partner}").format(
                points=fmt.points(holding.pending_out), partner=name))
        if holding.pending_in:
            parts.append(self.tr("{points} arriving: pending at {partner}").format(
                points=fmt.points(holding.pending_in), partner=name))
        return " · ".join(parts)

    def mouseReleaseEvent(self, event) -> None:
        self.clicked.emit(self.code)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.code)
        else:
            super().keyPressEvent(event)


class HomePage(Page):
    areas = frozenset({LEDGER, PARTNERS, PRICES, WALLET, NETWORK})
    convert_requested = Signal(str, int)  # partner code, points to convert
    populated = Signal()  # figures rendered (each load)
    painted = Signal()  # the first paint with figures in it (start-up timing, the tour)

    def __init__(self, backend, parent=None):
        super().__init__(backend, parent)
        self._overview = None
        self._awaiting_paint = self._painted_once = False
        self._live = False  # figures from the open profile (not only glanced at start-up)
        backend.glanced.connect(self._glanced)
        self._onchain: int | None = None
        self._onchain_note = ""
        self._onchain_read = False  # the wallet's balance asked of the chain once (or failed)
        summary = Card()
        top = QHBoxLayout()
        left = QVBoxLayout()
        self.total_caption = muted()
        self.total = label("—", "BigNumber")
        self.price_line = muted()
        left.addWidget(self.total_caption)
        left.addWidget(self.total)
        left.addWidget(self.price_line)
        top.addLayout(left, 2)
        self.stats = []
        for _ in range(3):
            box = QVBoxLayout()
            caption, value, note = muted(), label("—", "MidNumber"), muted()
            for w in (caption, value, note):
                box.addWidget(w)
            box.addStretch(1)
            top.addLayout(box, 1)
            self.stats.append((caption, value, note))
        summary.layout_.addLayout(top)
        self.content.addWidget(summary)

        self.banner = Banner()
        self.banner.hide()
        self.banner.action.clicked.connect(self._convert_expiring)
        self.content.addWidget(self.banner)

        self.partners_title = label("", "SectionTitle")
        self.content.addWidget(self.partners_title)
        self.grid_host = QWidget()
        self.grid = Columns(self.grid_host, min_width=240, max_columns=4)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(14)
        self.content.addWidget(self.grid_host)
        self.empty = muted(wrap=True)
        self.link_button = button(primary=True)
        self.empty_box = Card()
        self.empty_box.layout_.addWidget(self.empty)
        self.empty_box.layout_.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.empty_box.hide()
        self.content.addWidget(self.empty_box)

        charts = Columns(min_width=420, max_columns=2)
        self.mix_card, self.expiry_card = Card(), Card()
        self.mix_title, self.expiry_title = label("", "SectionTitle"), label("", "SectionTitle")
        self.mix = CompositionChart()
        self.timeline = ExpiryTimeline()
        self.mix_card.layout_.addWidget(self.mix_title)
        self.mix_card.layout_.addWidget(self.mix)
        self.expiry_card.layout_.addWidget(self.expiry_title)
        self.expiry_card.layout_.addWidget(self.timeline)
        charts.addWidget(self.mix_card, 1)
        charts.addWidget(self.expiry_card, 1)
        self.content.addLayout(charts)

        self.trend_card = Card()
        trend_head = QHBoxLayout()
        self.trend_title = label("", "SectionTitle")
        self.show_value, self.show_price = button(), button()
        trend_head.addWidget(self.trend_title)
        trend_head.addStretch(1)
        self._trend_choice = QButtonGroup(self)
        for b in (self.show_value, self.show_price):
            b.setCheckable(True)
            b.setObjectName("Segment")
            self._trend_choice.addButton(b)
            trend_head.addWidget(b)
        self.show_value.setChecked(True)
        self.trend = TrendChart()
        self.trend_card.layout_.addLayout(trend_head)
        self.trend_card.layout_.addWidget(self.trend)
        self.trend_card.hide()
        self.content.addWidget(self.trend_card)
        self._trends = None
        self._trend_choice.buttonClicked.connect(lambda _b: self._render_trend())
        self.content.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Home"))
        self.total_caption.setText(self.tr("Total value"))
        self.partners_title.setText(self.tr("Your points"))
        self.mix_title.setText(self.tr("What you hold"))
        self.expiry_title.setText(self.tr("Expiring in the next 8 weeks"))
        self.trend_title.setText(self.tr("The last 90 days"))
        self.show_value.setText(self.tr("Total value"))
        self.show_price.setText(self.tr("MLK price"))
        self.empty.setText(self.tr("No partner is linked yet. Link Yanolja, Shinsegae Duty "
                                   "Free, Seoul Airport Limousine or Delicar to see all your "
                                   "points here."))
        self.link_button.setText(self.tr("Link a partner"))
        self.banner.action.setText(self.tr("Convert now"))
        for (caption, _, _), text in zip(self.stats, (self.tr("Points"), self.tr("MLK in the app"),
                                                      self.tr("MLK in your wallet")), strict=True):
            caption.setText(text)
        if self._overview is not None:
            self._render()

    def refresh(self) -> None:
        self.backend.run(lambda svc: svc.points.overview(), self._loaded, self._failed)

    def _glanced(self, overview) -> None:
        """The figures read from the file before the profile opened: shown at once, and
        replaced by the full read (the same figures) once it is open."""
        if self._overview is None:
            self._show(overview)

    def _loaded(self, overview) -> None:
        self._live = True
        self._show(overview)

    def _show(self, overview) -> None:
        self._overview = overview
        self._render()
        self.populated.emit()
        if self._painted_once:
            if self._live:
                self._load_the_rest()
        elif not self._awaiting_paint:
            self._awaiting_paint = True
            after_next_paint(self.body, self._after_first_paint)
            self.body.update()

    def _load_the_rest(self) -> None:
        """The trend chart and the wallet's balance, after Home's first paint with figures:
        the trends walk 90 days of the ledger, and the wallet's first read loads the chain's
        libraries (web3, and py-evm for the demo chain: about a second of imports); either
        would otherwise hold the interpreter while Home fills in."""
        self.backend.run(lambda svc: (svc.insights.value_history(90),
                                      svc.insights.price_history(90)), self._trends_loaded,
                         lambda _e: self.trend_card.hide())
        self.backend.run(_onchain_balance, self._chain_loaded, self._chain_failed, lane="chain")

    def _after_first_paint(self) -> None:
        self._awaiting_paint, self._painted_once = False, True
        self.painted.emit()
        if self._live:  # (glanced figures: the rest follows the full read)
            self._load_the_rest()

    def _trends_loaded(self, trends) -> None:
        self._trends = trends
        self._render_trend()

    def _render_trend(self) -> None:
        """The last 90 days from the day the profile has data; a line needs two points, so
        a choice without them is not offered (a new profile shows the card from its 2nd day)."""
        if self._trends is None:
            return
        values, prices = self._trends
        first = next((i for i, d in enumerate(values) if d.total_krw), len(values))
        values = values[first:]
        self.show_value.setEnabled(len(values) >= 2)
        self.show_price.setEnabled(len(prices) >= 2)
        if not self.show_value.isEnabled() and not self.show_price.isEnabled():
            self.trend_card.hide()
            return
        if not self._trend_choice.checkedButton().isEnabled():
            (self.show_price if self.show_value.isChecked() else self.show_value).setChecked(True)
        if self.show_price.isChecked():
            self.trend.set_points([(p.as_of, p.krw_per_mlk) for p in prices], MLK_COLOR,
                                  fmt.price, from_zero=False)
        else:
            self.trend.set_points([(d.day, d.total_krw) for d in values], MLK_COLOR, fmt.krw)
        self.trend_card.show()

    def _failed(self, error) -> None:
        self.price_line.setText(explain(error))

    def _chain_loaded(self, units) -> None:
        self._onchain, self._onchain_note, self._onchain_read = units, "", True
        if self._overview is not None:
            self._render()

    def _chain_failed(self, error) -> None:
        self._onchain, self._onchain_note, self._onchain_read = None, explain(error), True
        if self._overview is not None:
            self._render()

    def _render(self) -> None:
        ov = self._overview
        wallet = self._wallet_krw(ov)
        self.total.setText(fmt.krw(ov.total_krw + (wallet or 0)))  # everything the user owns
        if ov.price:
            self.price_line.setText(self.tr("1 MLK = {price} · {source}").format(
                price=fmt.price(ov.price.krw_per_mlk),
                source=self.tr("live price") if ov.price.source == "upbit"
                else self.tr("fixed price")))
        else:
            self.price_line.setText(explain(ov.price_problem))
        (c1, v1, n1), (c2, v2, n2), (c3, v3, n3) = self.stats
        v1.setText(fmt.krw(ov.points_krw))
        n1.setText(self.tr("1 partner") if len(ov.holdings) == 1 else
                   self.tr("{n} partners").format(n=len(ov.holdings)))
        v2.setText(fmt.mlk(ov.mlk_in_app, 2))
        n2.setText(fmt.krw(ov.mlk_krw) if ov.mlk_krw is not None else "")
        if self._onchain is None:
            v3.setText("—")
            n3.setText(self._onchain_note or (self.tr("No wallet yet") if self._onchain_read
                                              else self.tr("Reading your wallet…")))
        else:
            v3.setText(fmt.mlk(self._onchain, 2))
            n3.setText(fmt.krw(wallet) if wallet is not None else "")
        self._render_banner(ov)
        self._render_cards(ov)
        self._render_charts(ov)
        self._render_trend()

    def _wallet_krw(self, ov) -> Decimal | None:
        """KRW value of the on-chain MLK, once both the balance and a price are known."""
        if self._onchain is None or ov.price is None:
            return None
        return Decimal(self._onchain) * ov.price.krw_per_mlk / MLK_UNIT

    def _render_banner(self, ov) -> None:
        soon = sorted(ov.expiring, key=lambda h: h.next_expiry)
        if not soon:
            self.banner.hide()
            return
        first = soon[0]
        text = self.tr("{points} of {partner} expire on {day}. Convert them before they "
                       "expire.").format(points=fmt.points(first.expiring),
                                         partner=fmt.partner_name(first.partner),
                                         day=fmt.day(first.next_expiry))
        if len(soon) == 2:
            text += " " + self.tr("1 more partner has points expiring within 30 days.")
        elif len(soon) > 2:
            text += " " + self.tr("{n} more partners have points expiring within 30 days.") \
                .format(n=len(soon) - 1)
        self.banner.text.setText(text)
        self._expiring = (first.partner.code, first.expiring)
        self.banner.show()

    def _render_cards(self, ov) -> None:
        clear_layout(self.grid)
        self.empty_box.setVisible(not ov.holdings)
        columns = 3
        for i, holding in enumerate(ov.holdings):
            card = PartnerCard(holding, ov)
            card.clicked.connect(lambda code: self.convert_requested.emit(code, 0))
            self.grid.addWidget(card, i // columns, i % columns)

    def _render_charts(self, ov) -> None:
        slices = [(fmt.partner_name(h.partner), h.krw_value, h.partner.color)
                  for h in ov.holdings]
        if ov.mlk_krw:
            slices.append((self.tr("MLK in the app"), ov.mlk_krw, MLK_COLOR))
        wallet = self._wallet_krw(ov)
        if wallet:
            slices.append((self.tr("MLK in your wallet"), wallet, WALLET_COLOR))
        self.mix.set_slices(slices, fmt.krw)
        self.timeline.set_lots(ov.today, [(fmt.partner_name(h.partner), h.partner.color,
                                           list(h.lots)) for h in ov.holdings],
                               fmt.axis_day, lambda n: fmt.points(n, unit=False))
        self.mix_card.setVisible(bool(ov.holdings))
        horizon = ov.today + timedelta(weeks=8)
        any_lots = any(lot.expires_on <= horizon for h in ov.holdings for lot in h.lots)
        self.expiry_card.setVisible(any_lots)

    def _convert_expiring(self) -> None:
        code, points = self._expiring
        self.convert_requested.emit(code, points)


def _onchain_balance(svc) -> int | None:
    if not svc.wallet.status().exists:
        return None
    return svc.wallet.balances().mlk_onchain
