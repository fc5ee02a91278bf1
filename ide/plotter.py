"""View > Plotter: lines of printed numbers drawn as live lines (as in Mu and Thonny).

While a program runs, each line it prints that is only numbers — ``print(x, y)``,
``print((t, temp))``, ``print(f"{a},{b}")`` — adds one point to each series, one series
per column; a line of names printed before them (``print("time temp")``) labels the
series. The plotter reads output only while it is shown, and keeps the last
``MAX_POINTS`` points of at most ``MAX_SERIES`` series: its memory is bounded whatever
the program prints.
"""
from __future__ import annotations

import math
import re
from collections import deque

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from .actions import ActionRegistry
from .i18n import tr
from .run_state import RunInfo
from .runner import Runner

MAX_POINTS = 500     # per series: the plotter shows the most recent ones
MAX_SERIES = 8
MAX_TAIL = 1000      # characters of an unfinished line kept until its end arrives
SEPARATORS = re.compile(r"[,;\s]+")
NAME = re.compile(r"^[^\W\d]\w*$")
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")


def numbers_in(line: str) -> list[float] | None:
    """The numbers of a line that holds only numbers (in brackets or not), else None."""
    tokens = _tokens(line)
    if not tokens or len(tokens) > MAX_SERIES:
        return None
    try:
        values = [float(token) for token in tokens]
    except ValueError:
        return None
    return values if all(math.isfinite(value) for value in values) else None


def names_in(line: str) -> list[str] | None:
    """The names of a header line (only words such as ``time temp``), else None."""
    tokens = _tokens(line)
    if not tokens or len(tokens) > MAX_SERIES or not all(NAME.match(token) for token in tokens):
        return None
    return tokens


def _tokens(line: str) -> list[str]:
    text = line.strip().strip("()[]").strip()
    return [token for token in SEPARATORS.split(text) if token]


class PlotterView(QWidget):
    """The series and their lines, scaled to the widget."""

    def __init__(self) -> None:
        super().__init__()
        self.series: list[deque[float]] = []
        self.names: list[str] = []
        self._header: list[str] = []
        self._tail = ""
        self.setMinimumSize(200, 120)
        self.setAccessibleName(tr("Plotter"))
        self.setAccessibleDescription(tr("Lines of numbers the program prints, drawn as lines, one per column"))

    def clear(self) -> None:
        self.series, self.names, self._header, self._tail = [], [], [], ""
        self.update()

    def take(self, chunks: list[tuple[str, str]]) -> None:
        """Read what the program printed: whole lines only, the unfinished rest kept."""
        text = self._tail + "".join(chunk for stream, chunk in chunks if stream == "stdout")
        lines = text.split("\n")
        self._tail = lines.pop()[-MAX_TAIL:]
        added = False
        for line in lines:
            values = numbers_in(line)
            if values is None:
                self._header = names_in(line) or self._header
                continue
            if len(values) != len(self.series):
                self.series = [deque(maxlen=MAX_POINTS) for _ in values]
            self.names = self._header if len(self._header) == len(values) else []
            for series, value in zip(self.series, values, strict=True):
                series.append(value)
            added = True
        if added:
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.series or not self.series[0]:
            painter.setPen(QColor("#666666"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             tr("Print numbers to plot them, e.g. print(x, y)"))
            return
        low = min(min(series) for series in self.series)
        high = max(max(series) for series in self.series)
        if high == low:
            low, high = low - 1, high + 1
        metrics = painter.fontMetrics()
        margin = max(metrics.horizontalAdvance(f"{value:.4g}") for value in (low, high)) + 8
        area = QRectF(margin, 8, max(10, self.width() - margin - 8), max(10, self.height() - 16))
        painter.setPen(QColor("#999999"))
        painter.drawRect(area)
        painter.setPen(QColor("#333333"))
        painter.drawText(QPointF(4, area.top() + metrics.ascent()), f"{high:.4g}")
        painter.drawText(QPointF(4, area.bottom()), f"{low:.4g}")
        step = area.width() / max(1, MAX_POINTS - 1)
        for index, series in enumerate(self.series):
            path = QPainterPath()
            start = area.right() - step * (len(series) - 1)
            for at, value in enumerate(series):
                point = QPointF(start + at * step, area.bottom() - (value - low) / (high - low) * area.height())
                if at:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
            painter.setPen(QPen(QColor(COLOURS[index % len(COLOURS)]), 2))
            painter.drawPath(path)
        self._legend(painter, area)

    def _legend(self, painter: QPainter, area: QRectF) -> None:
        if not self.names:
            return
        metrics = painter.fontMetrics()
        y = area.top() + 6
        for index, name in enumerate(self.names):
            y += metrics.height()
            painter.setPen(QPen(QColor(COLOURS[index % len(COLOURS)]), 3))
            middle = y - metrics.ascent() / 2
            painter.drawLine(QPointF(area.left() + 8, middle), QPointF(area.left() + 24, middle))
            painter.setPen(QColor("#333333"))
            painter.drawText(QPointF(area.left() + 30, y), name)


class PlotterController:
    """The dock, its View toggle, and the console's output while it is shown (an
    ``ide.panels.Panel``)."""

    dock_area = Qt.DockWidgetArea.BottomDockWidgetArea

    def __init__(self, runner: Runner, host: QMainWindow) -> None:
        self.view = PlotterView()
        self.dock = QDockWidget(tr("Plotter"), host)
        self.dock.setObjectName("plotter_dock")
        self.dock.setWidget(self.view)
        self.dock.setAccessibleName(tr("Plotter pane"))
        self.toggle = self.dock.toggleViewAction()
        self.toggle.setText(tr("Plotter"))
        runner.output.connect(self._on_output)
        runner.started.connect(self._on_started)

    def add_commands(self, commands: ActionRegistry) -> None:
        pass  # its only command is its View toggle

    def docks(self) -> list[QDockWidget]:
        return [self.dock]

    def view_toggles(self) -> list[QAction]:
        return [self.toggle]

    def focus_panes(self) -> list[QWidget]:
        return []  # nothing to do there by keyboard

    def set_text_size(self, points: int) -> None:
        pass  # drawn at its own size

    def run_state_changed(self, run: RunInfo) -> None:
        pass  # a run's start is what it follows (``_on_started``)

    def _on_started(self, run: RunInfo) -> None:
        if not run.in_shell:
            self.view.clear()

    def _on_output(self, chunks: list[tuple[str, str]]) -> None:
        if self.dock.isVisible():  # no cost while hidden
            self.view.take(chunks)
