"""Charts on Home: what the user holds (a donut), what expires when (stacked bars), and the
total value and the MLK price over time (lines)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from PySide6.QtCharts import (
    QAreaSeries,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QPieSeries,
    QStackedBarSeries,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from app.ui import theme
from app.ui.widgets.common import clear_layout, color_dot, label, muted

MLK_COLOR = "#5B4CF5"
WALLET_COLOR = "#A49BFA"  # on-chain MLK: the same hue, lighter


def axis_scale(value: int, max_steps: int = 5) -> tuple[int, int]:
    """(top, step) for an axis from 0 that fits `value`: a round step (1, 2, 2.5 or 5 x 10^n)
    and at most `max_steps` steps, the tightest such top that is at least `value`."""
    value = max(int(value), 1)
    best = None
    magnitude = 1
    while best is None or magnitude <= value:
        for m in (10, 20, 25, 50):  # tenths, so 2.5 stays an integer
            step = m * magnitude // 10
            if step < 1 or step * 10 != m * magnitude:
                continue
            steps = -(-value // step)
            if steps <= max_steps and (best is None or step * steps < best[0]):
                best = (step * steps, step)
        magnitude *= 10
    return best


def value_axis(top: int, number, bottom: int = 0) -> QCategoryAxis:
    """A Y axis from `bottom` that fits `top`, its labels written by `number` (with thousands
    separators, in the user's language)."""
    span, step = axis_scale(top - bottom)
    start = bottom - bottom % step  # a round first tick at or below `bottom`
    ceiling = start + step * -(-(top - start) // step)
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setTruncateLabels(False)  # laid out before the chart has its size, it showed "…"
    axis.setRange(start, max(ceiling, start + step))
    axis.setStartValue(start)
    for i, tick in enumerate(range(start, max(ceiling, start + step) + 1, step)):
        axis.append(number(tick) + "\u200b" * i, tick)  # labels must differ, masked or not
    return axis


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
                 week_label, number=lambda n: f"{n:,}") -> None:
        """per_partner: (name, colour, lots with .expires_on/.remaining); `week_label` and
        `number` write a week's first day and an axis value."""
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
        axis_x.setTruncateLabels(False)  # a date is never shown as "1…"
        axis_y = value_axis(top, number)
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


class TrendChart(QChartView):
    """One quantity over time as a line with a soft area under it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(_chart(), parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(max(200, self.fontMetrics().height() * 12))
        self.setStyleSheet("background: transparent;")

    def set_points(self, points: list[tuple[date | datetime, Decimal]], color: str, number,
                   from_zero: bool = True) -> None:
        """(day or moment, value) pairs, oldest first; `number` writes an axis value."""
        chart = _chart()
        chart.legend().hide()
        # The area series does not own its lines: the chart does, or Python would free them.
        line, base = QLineSeries(chart), QLineSeries(chart)
        values = [int(v) for _, v in points] or [0]
        for when, value in points:
            moment = when if isinstance(when, datetime) else datetime.combine(when, time(12))
            x = moment.timestamp() * 1000
            line.append(x, float(value))  # display only
            base.append(x, 0.0)
        area = QAreaSeries(line, base if from_zero else None)
        pen = area.pen()
        pen.setColor(QColor(color))
        pen.setWidth(2)
        area.setPen(pen)
        soft = QColor(color)
        soft.setAlpha(40)
        area.setBrush(soft)
        chart.addSeries(area)
        low = 0 if from_zero else min(values)
        axis_y = value_axis(max(values), number, low)
        axis_x = QDateTimeAxis()
        axis_x.setFormat("MM/dd")
        axis_x.setTickCount(min(6, max(2, len(points))))
        if points:
            first, last = points[0][0], points[-1][0]
            axis_x.setRange(_moment(first), _moment(last) if last != first else
                            _moment(last) + timedelta(days=1))
        c = theme.colors()
        for axis in (axis_x, axis_y):
            axis.setLabelsColor(QColor(c.muted))
            axis.setGridLineColor(QColor(c.border))
            axis.setLinePenColor(QColor(c.border))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        area.attachAxis(axis_x)
        area.attachAxis(axis_y)
        _replace_chart(self, chart)


def _moment(when: date | datetime) -> datetime:
    return when if isinstance(when, datetime) else datetime.combine(when, time(12))
