"""Activity — every ledger entry and chain transaction, newest first: filters, search, CSV
export, and the details of the selected row (with the entry's hash)."""
from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTextBrowser,
)

from app.core.history_filter import HistoryFilter
from app.ui import fmt
from app.ui.backend import LEDGER, WALLET
from app.ui.errors import explain
from app.ui.models.history_model import CHAIN, CONVERSIONS, HistoryModel, describe
from app.ui.models.wallet_models import status_text
from app.ui.pages.base import Page
from app.ui.widgets.common import button, captioned, muted
from app.ui.widgets.reflow import Flow

KIND_FILTERS = (("all", None), ("conversions", CONVERSIONS), ("sync", ("sync",)),
                ("expire", ("expire",)),
                ("bridge", ("withdraw", "withdraw_settle", "withdraw_reverse", "deposit")),
                ("chain", ()))
PERIODS = (("all", None), ("7", 7), ("30", 30), ("365", 365))


class ActivityPage(Page):
    areas = frozenset({LEDGER, WALLET})

    def __init__(self, backend, parent=None):
        super().__init__(backend, parent, scroll=False)
        self._catalog = []
        bar = Flow(spacing=10, bottom=True)  # wraps onto two lines in a narrow window
        self.kind = QComboBox()
        self.asset = QComboBox()
        self.period = QComboBox()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.export_button = button()
        self.captions = [muted() for _ in range(4)]  # Show, Asset, Period, Search
        for caption, w in zip(self.captions, (self.kind, self.asset, self.period, self.search),
                              strict=True):
            bar.addWidget(captioned(caption, w))
        bar.addWidget(self.export_button)
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
        for column, ems in ((0, 11), (1, 11), (3, 15)):
            header.resizeSection(column, ems * em)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setMinimumWidth(300)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.content.addWidget(split, 1)

        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for box in (self.kind, self.asset, self.period):
            box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.export_button.clicked.connect(self._export)
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
        self.export_button.setText(self.tr("Export CSV"))
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
        self.status.setText(self.tr("Nothing here yet.") if n == 0 and not more else
                            self.tr("{n} shown").format(n=f"{n:,}") +
                            (" · " + self.tr("scroll for more") if more else ""))

    def _select_first(self, _parent, first: int, _last: int) -> None:
        if first == 0 and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    # -- details and export --------------------------------------------------------------------
    def _show_details(self, current, _previous) -> None:
        row = self.model.data(current, Qt.ItemDataRole.UserRole) if current.isValid() else None
        if row is None:
            hint = self.tr("Select a row to see its details, including the ledger hash.")
            self.details.setHtml(f"<p style='color:gray'>{hint}</p>")
            return
        d = row.detail
        lines = [f"<h3>{row.title}</h3>", f"<p>{fmt.moment(row.created_at)}</p>"]
        if row.changes:
            lines.append("<p>" + "<br>".join(fmt.signed(a, v) for a, v in
                                             sorted(row.changes.items())) + "</p>")
        # (tr() outside the f-strings: lupdate does not look inside them)
        if row.source == "ledger":
            entry, digest, details = self.tr("Ledger entry"), self.tr("Hash"), self.tr("Details")
            pretty = json.dumps(d.memo, ensure_ascii=False, indent=1)
            lines.append(f"<p><b>{entry}</b> #{d.seq}<br><b>{digest}</b><br>"
                         f"<code>{d.hash}</code></p><p><b>{details}</b></p><pre>{pretty}</pre>")
        else:
            status, to, tx = self.tr("Status"), self.tr("To"), self.tr("Transaction")
            lines.append(f"<p><b>{status}</b> {status_text(d)}<br>"
                         f"<b>{to}</b> <code>{d.recipient}</code><br>"
                         f"<b>{tx}</b><br><code>{d.tx_hash}</code></p>")
        lines.append(f"<p>{describe(row, self.model.names)}</p>")
        self.details.setHtml("".join(lines))

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export activity"),
                                              str(Path.home() / "milk-activity.csv"),
                                              "CSV (*.csv)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        flt, _chain = self.current_filter()
        self.status.setText(self.tr("Exporting…"))
        self.backend.run(lambda svc: svc.history.export_csv(path, flt),
                         lambda n: self.status.setText(
                             self.tr("Exported {n} entries to {path}").format(n=n, path=path)),
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

