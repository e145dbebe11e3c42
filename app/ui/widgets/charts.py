"""Charts on Home: what the user holds (a donut) and what expires when (stacked bars)."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from app.ui import theme
from app.ui.widgets.common import clear_layout, color_dot, label, muted

MLK_COLOR = "#5B4CF5"
WALLET_COLOR = "#A49BFA"  # on-chain MLK: the same hue, lighter


def _nice_ceiling(value: int, ticks: int = 4) -> int:
    """A round axis maximum: `ticks` steps of 1, 2 or 5 x 10^n, at least `value`."""
    magnitude = 1
    while True:
        for m in (1, 2, 5):
            if m * magnitude * ticks >= max(value, 1):
                return m * magnitude * ticks
        magnitude *= 10


def _chart() -> QChart:
    c = theme.colors()
    chart = QChart()
    chart.setBackgroundVisible(False)
    chart.setPlotAreaBackgroundVisible(False)
    chart.setMargins(QMargins(0, 0, 0, 0))
    chart.legend().setLabelColor(QColor(c.text))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _replace_chart(view: QChartView, chart: QChart) -> None:
    """QChartView releases, but does not delete, the chart it showed: delete it here, or every
    refresh would leak one."""
    old = view.chart()
    view.setChart(chart)
    if old is not None and old is not chart:
        old.deleteLater()


class CompositionChart(QWidget):
    """Share of total KRW value: a donut, and beside it a legend that never elides (name,
    share and value per line)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = QChartView(_chart())
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(180, 200)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture: the legend says it all
        self.view.setStyleSheet("background: transparent;")
        self.legend = QGridLayout()
        self.legend.setHorizontalSpacing(10)
        self.legend.setVerticalSpacing(6)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.view, 1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addLayout(self.legend)
        column.addStretch(1)
        row.addLayout(column)

    def set_slices(self, slices: list[tuple[str, Decimal, str]], money) -> None:
        """(label, KRW value, colour) per slice; `money` formats a KRW value."""
        chart = _chart()
        chart.legend().hide()
        series = QPieSeries()
        series.setHoleSize(0.58)
        shown = [(n, v, c) for n, v, c in slices if v > 0]
        total = sum((v for _, v, _ in shown), Decimal(0)) or Decimal(1)
        clear_layout(self.legend)
        for i, (name, value, color) in enumerate(shown):
            s = series.append(name, float(value))  # display only
            s.setColor(QColor(color))
            s.setBorderColor(QColor(theme.colors().card))
            share = label(f"{value * 100 / total:.0f}%")
            share.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.legend.addWidget(color_dot(color), i, 0)
            self.legend.addWidget(label(name), i, 1)
            self.legend.addWidget(share, i, 2)
            self.legend.addWidget(muted(money(value)), i, 3)
        chart.addSeries(series)
        _replace_chart(self.view, chart)


class ExpiryTimeline(QChartView):
    """Points expiring per week for the next weeks, stacked by partner."""

    def __init__(self, parent: QWidget | None = None, weeks: int = 8):
        super().__init__(_chart(), parent)
        self.weeks = weeks
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(max(200, self.fontMetrics().height() * 12))  # presenter type
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture, not a control
        self.setStyleSheet("background: transparent;")

    def set_lots(self, today: date, per_partner: list[tuple[str, str, list]],
                 week_label) -> None:
        """per_partner: (name, colour, lots with .expires_on/.remaining)."""
        chart = _chart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        series = QStackedBarSeries()
        top = 0
        totals = [0] * self.weeks
        for name, color, lots in per_partner:
            bars = QBarSet(name)
            bars.setColor(QColor(color))
            bars.setBorderColor(QColor(color))
            weekly = [0] * self.weeks
            for lot in lots:
                index = (lot.expires_on - today).days // 7
                if 0 <= index < self.weeks:
                    weekly[index] += lot.remaining
            for i, value in enumerate(weekly):
                bars.append(value)
                totals[i] += value
            series.append(bars)
        top = max(totals) if totals else 0
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([week_label(today + timedelta(days=7 * i)) for i in range(self.weeks)])
        axis_y = QValueAxis()
        axis_y.setRange(0, _nice_ceiling(top))
        axis_y.setTickCount(5)
        axis_y.setLabelFormat("%.0f")
        c = theme.colors()
        for axis in (axis_x, axis_y):
            axis.setLabelsColor(QColor(c.muted))
            axis.setGridLineColor(QColor(c.border))
            axis.setLinePenColor(QColor(c.border))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        _replace_chart(self, chart)
