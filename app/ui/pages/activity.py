"""Activity — every ledger entry and chain transaction, newest first: filters, search, CSV
export, and the details of the selected row (with the entry's hash)."""
from __future__ import annotations

import json
from datetime import timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.history_filter import HistoryFilter
from app.ui import fmt
from app.ui.backend import LEDGER, WALLET
from app.ui.errors import explain
from app.ui.models.history_model import CHAIN, CONVERSIONS, PARTNER_OPS, HistoryModel, summary
from app.ui.models.wallet_models import status_text
from app.ui.pages.base import Page
from app.ui.widgets.common import button, captioned, muted, pick_file
from app.ui.widgets.reflow import Flow

KIND_FILTERS = (("all", None), ("conversions", CONVERSIONS + PARTNER_OPS),
                ("sync", ("sync", "unlink")),
                ("expire", ("expire",)),
                ("bridge", ("withdraw", "withdraw_settle", "withdraw_reverse", "deposit")),
                ("chain", ()))
PERIODS = (("all", None), ("7", 7), ("30", 30), ("365", 365))


class ActivityPage(Page):
    areas = frozenset({LEDGER, WALLET})

    def __init__(self, backend, parent=None):
        super().__init__(backend, parent, scroll=False)
        self._catalog = []
        self.dialog = None
        bar = Flow(spacing=10, bottom=True)  # wraps onto two lines in a narrow window
        self.kind = QComboBox()
        self.asset = QComboBox()
        self.period = QComboBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.export_button = button()
        self.ledger_export_button = button(link=True)  # the raw postings, for an auditor
        self.captions = [muted() for _ in range(4)]  # Show, Asset, Period, Search
        for caption, w in zip(self.captions, (self.kind, self.asset, self.period, self.search),
                              strict=True):
            bar.addWidget(captioned(caption, w))
        bar.addWidget(self.export_button)
        bar.addWidget(self.ledger_export_button)
        self.content.addLayout(bar)
        self.status = muted()
        self.content.addWidget(self.status)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = HistoryModel(backend, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        # the time with its zone, uncut in either language; the details column takes the rest
        stamp = max(self.fontMetrics().horizontalAdvance(t)
                    for t in ("Dec 31, 2026 23:59 KST", "2026. 12. 31. 23:59 KST"))
        header.resizeSection(0, stamp + em)
        for column, ems in ((1, 10), (3, 15)):
            header.resizeSection(column, ems * em)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setTabChangesFocus(True)  # Tab moves on; the browser is for reading
        self.technical_button = button(link=True)  # the raw data, on request
        self.technical_button.setCheckable(True)
        self.technical_button.toggled.connect(self._toggle_technical)
        self._technical = False
        self.details.setMinimumWidth(300)
        split.addWidget(self.table)
        side = QWidget()  # the details, and the raw data behind a button
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 0, 0, 0)
        side_box.addWidget(self.details, 1)
        side_box.addWidget(self.technical_button, 0, Qt.AlignmentFlag.AlignLeft)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.content.addWidget(split, 1)

        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for box in (self.kind, self.asset, self.period):
            box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.export_button.clicked.connect(self._export)
        self.ledger_export_button.clicked.connect(self._export_ledger)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.model.loading_changed.connect(self._loading)
        self.model.failed.connect(lambda e: self.status.setText(explain(e)))
        self.model.rowsInserted.connect(lambda *_a: self._count())
        self.model.rowsInserted.connect(self._select_first)
        self.model.modelReset.connect(self._count)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Activity"))
        _fill(self.kind, [(key, text) for (key, _), text in zip(KIND_FILTERS, (
            self.tr("All activity"), self.tr("Conversions"), self.tr("Partner syncs"),
            self.tr("Expired points"), self.tr("Withdrawals and deposits"),
            self.tr("Chain transactions")), strict=True)])
        _fill(self.period, [(key, text) for (key, _), text in zip(PERIODS, (
            self.tr("All time"), self.tr("Last 7 days"), self.tr("Last 30 days"),
            self.tr("Last 12 months")), strict=True)])
        self._fill_assets()
        self.search.setPlaceholderText(self.tr("Search details, hashes, addresses"))
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(
            self.search.placeholderText()) + 48)  # the hint is read in full
        for caption, text in zip(self.captions, (self.tr("Show"), self.tr("Asset"),
                                                 self.tr("Period"), self.tr("Search")),
                                 strict=True):
            caption.setText(text)
        self.table.setAccessibleName(self.tr("Activity"))
        self.details.setAccessibleName(self.tr("Details of the selected entry"))
        self.export_button.setText(self.tr("Export statement"))
        self.export_button.setToolTip(self.tr("One row per entry, in your language, with "
                                              "partner names and KRW values (CSV)"))
        self.ledger_export_button.setText(self.tr("Ledger export"))
        self.ledger_export_button.setToolTip(self.tr("Every posting with its account, exact "
                                                     "amount, key and hash (CSV)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self._count()
        self._show_details(self.table.currentIndex(), None)

    def _fill_assets(self) -> None:
        items = [("", self.tr("All assets")), ("MLK", "MLK")]
        items += [(p.code, fmt.partner_name(p)) for p in self._catalog]
        _fill(self.asset, items)
        self.model.names = {p.code: fmt.partner_name(p) for p in self._catalog}

    def refresh(self) -> None:
        if not self._catalog and self.backend.services is not None:
            self._catalog = list(self.backend.services.ctx.catalog)
            self._fill_assets()
        self.apply_filter()

    # -- filtering -----------------------------------------------------------------------------
    def current_filter(self) -> tuple[HistoryFilter, bool]:
        kind_key = self.kind.currentData()
        kinds = dict(KIND_FILTERS).get(kind_key) or ()
        days = dict(PERIODS).get(self.period.currentData())
        since = None
        if days and self.backend.services is not None:
            since = self.backend.services.ctx.clock.now() - timedelta(days=days)
        asset = self.asset.currentData() or None
        include_chain = kind_key in ("all", CHAIN) and asset in (None, "MLK")
        if kind_key == CHAIN:
            kinds = ("__none__",)  # chain transactions only
        return HistoryFilter(kinds=tuple(kinds), asset=asset, since=since,
                             text=self.search.text().strip() or None), include_chain

    def apply_filter(self) -> None:
        if not self.backend.is_ready:
            return
        flt, chain = self.current_filter()
        self._show_details(self.model.index(-1, 0), None)
        self.model.set_filter(flt, chain)

    def _loading(self, busy: bool) -> None:
        if busy:
            self.status.setText(self.tr("Loading…"))
        else:
            self._count()

    def _count(self) -> None:
        n = self.model.rowCount()
        more = self.model.canFetchMore()
        filtered = self.kind.currentIndex() > 0 or self.asset.currentIndex() > 0 or \
            self.period.currentIndex() > 0 or bool(self.search.text().strip())
        empty = self.tr("No activity matches these filters.") if filtered else \
            self.tr("Nothing here yet.")
        self.status.setText(empty if n == 0 and not more else
                            self.tr("{n} shown").format(n=f"{n:,}") +
                            (" · " + self.tr("scroll for more") if more else ""))

    def _select_first(self, _parent, first: int, _last: int) -> None:
        if first == 0 and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    # -- details and export --------------------------------------------------------------------
    def _show_details(self, current, _previous) -> None:
        row = self.model.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        self._shown = row
        if row is None:
            hint = self.tr("Select a row to see its details, including the ledger hash.")
            self.details.setHtml(f"<p style='color:gray'>{escape(hint)}</p>")
            return
        d = row.detail
        lines = [f"<h3>{escape(row.title)}</h3>", f"<p>{escape(fmt.moment(row.created_at))}</p>",
                 f"<p>{escape(summary(row))}</p>"]
        if row.changes:
            lines.append("<p>" + "<br>".join(escape(fmt.signed(a, v, exact=True))
                                             for a, v in sorted(row.changes.items())) + "</p>")
        # (tr() outside the f-strings: lupdate does not look inside them)
        if row.source == "ledger":
            entry, digest = self.tr("Ledger entry"), self.tr("Hash")
            lines.append(f"<p><b>{entry}</b> #{d.seq}<br><b>{digest}</b><br>"
                         f"<code>{d.hash}</code></p>")
            if row.chain is not None:
                status, tx = self.tr("On chain"), self.tr("Transaction")
                lines.append(f"<p><b>{status}</b> {escape(status_text(row.chain))}<br>"
                             f"<b>{tx}</b><br><code>{row.chain.tx_hash}</code></p>")
            raw = json.dumps(d.memo, ensure_ascii=False, indent=1)
        else:
            status, to, tx = self.tr("Status"), self.tr("To"), self.tr("Transaction")
            lines.append(f"<p><b>{status}</b> {escape(status_text(d))}<br>"
                         f"<b>{to}</b> <code>{fmt.address(d.recipient)}</code><br>"
                         f"<b>{tx}</b><br><code>{d.tx_hash}</code></p>")
            raw = json.dumps({"id": d.id, "kind": d.kind, "sender": d.sender,
                              "recipient": d.recipient, "amount_units": str(d.amount),
                              "status": d.status, "tx_hash": d.tx_hash}, indent=1)
        self.technical_button.setText(self.tr("Hide technical details") if self._technical
                                      else self.tr("Technical details"))
        if self._technical and not fmt.is_private():
            lines.append(f"<pre>{escape(raw)}</pre>")
        self.details.setHtml("".join(lines))

    def _toggle_technical(self, on: bool) -> None:
        self._technical = on
        self._show_details(self.table.currentIndex(), None)

    def _export(self) -> None:
        self.dialog = pick_file(self, self.tr("Export statement"),
                                str(Path.home() / "milk-statement.csv"), self.export_to,
                                name_filter="CSV (*.csv)")

    def _export_ledger(self) -> None:
        self.dialog = pick_file(self, self.tr("Ledger export"),
                                str(Path.home() / "milk-ledger.csv"),
                                lambda path: self.export_to(path, ledger=True),
                                name_filter="CSV (*.csv)")

    def export_to(self, path: Path, ledger: bool = False) -> None:
        """The statement (one row per entry, in the user's language) or the raw ledger; the
        file chooser already asked before replacing a file."""
        flt, _chain = self.current_filter()
        lang = fmt.i18n.current()
        self.status.setText(self.tr("Exporting…"))

        def work(svc):
            if ledger:
                return svc.history.export_ledger_csv(path, flt, force=True)
            return svc.history.export_statement(path, flt, lang, force=True)

        self.backend.run(work, lambda n: self.status.setText(
            self.tr("Exported {n} entries to {path}").format(n=f"{n:,}", path=path)),
            lambda e: self.status.setText(explain(e)))


def _fill(box: QComboBox, items: list[tuple[str, str]]) -> None:
    keep = box.currentData()
    box.blockSignals(True)
    box.clear()
    for key, text in items:
        box.addItem(text, key)
    index = box.findData(keep)
    box.setCurrentIndex(index if index >= 0 else 0)
    box.blockSignals(False)

