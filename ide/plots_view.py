"""The Plots pane's contents: one run's figures in order, the current one large (fit
to the pane or zoomed) and a strip of thumbnails to pick another.

Pictures arrive as the engine's messages (``vm.plots``): RGBA pixels rendered at the
screen's device pixel ratio, so they are drawn 1:1 on a high-DPI screen. A figure
shown again (an animation's next frame) replaces its picture in place.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QKeyEvent, QPainter, QPaintEvent, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vm import MAX_FIGURES, PlotImage

from .i18n import tr

ZOOM_STEP = 1.25
ZOOM_LIMITS = (0.1, 8.0)
THUMB = QSize(96, 72)
KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class ShownFigure:
    key: int
    number: object
    label: str
    image: QImage


def image_of(picture: PlotImage) -> QImage:
    """A QImage that owns a copy of the pixels, sized in screen pixels by its ratio."""
    image = QImage(picture.pixels, picture.width, picture.height, picture.width * 4,
                   QImage.Format.Format_RGBA8888).copy()
    image.setDevicePixelRatio(picture.ratio)
    return image


class FigureCanvas(QWidget):
    """Paints one figure: scaled to fit (never past its own size, so it stays crisp) or zoomed."""

    zoom_requested = Signal(int)
    step_requested = Signal(int)  # Left/Right: the previous or next figure

    def __init__(self) -> None:
        super().__init__()
        self.image: QImage | None = None
        self.fitting = True
        self.zoom = 1.0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Figure"))
        self.setAccessibleDescription(tr("The figure shown; Left and Right go to the previous and next one"))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        steps: dict[int, int] = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
        if event.key() in steps:
            self.step_requested.emit(steps[event.key()])
        else:
            super().keyPressEvent(event)

    def logical_size(self) -> QSize:
        if self.image is None:
            return QSize(0, 0)
        return (self.image.deviceIndependentSize()).toSize()

    def scale(self) -> float:
        size = self.logical_size()
        if not self.fitting:
            return self.zoom
        if size.isEmpty():
            return 1.0
        return min(1.0, self.width() / size.width(), self.height() / size.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(self.backgroundRole()))
        if self.image is None:
            return
        size = self.logical_size()
        scale = self.scale()
        width, height = size.width() * scale, size.height() * scale
        target = QRectF(max(0.0, (self.width() - width) / 2), max(0.0, (self.height() - height) / 2), width, height)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, scale != 1.0)
        painter.drawImage(target, self.image)
        painter.end()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_requested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
        else:
            super().wheelEvent(event)


class PlotsView(QWidget):
    """The figures of the latest run; ``changed`` whenever the current one or the count changes."""

    changed = Signal()
    first_figure = Signal()  # the pane should appear

    def __init__(self) -> None:
        super().__init__()
        self.figures: list[ShownFigure] = []
        self.current = -1
        self.canvas = FigureCanvas()
        self.canvas.zoom_requested.connect(self.zoom)
        self.canvas.step_requested.connect(self.go)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setBackgroundRole(self.canvas.backgroundRole())
        self.strip = QListWidget()
        self.strip.setAccessibleName(tr("Figures of this run"))
        self.strip.setViewMode(QListWidget.ViewMode.IconMode)
        self.strip.setFlow(QListWidget.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setMovement(QListWidget.Movement.Static)
        self.strip.setIconSize(THUMB)
        self.strip.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.strip.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.strip.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip.setFixedHeight(THUMB.height() + 40)
        self.strip.currentRowChanged.connect(self._on_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.strip)

    # ---- figures --------------------------------------------------------------------
    def apply(self, messages: list[tuple]) -> None:
        """Apply the engine's messages: a clear, or a figure's new picture. A new figure
        becomes the one shown; a new picture of the shown one replaces it."""
        newest = None
        for message in messages:
            if message[0] == "clear":
                self.clear()
                newest = None
            elif message[0] == "figure":
                index, new = self._take(message[1])
                if new:
                    newest = index
        if newest is not None:
            self.show_figure(newest)
        else:
            figure = self.current_figure()
            self.canvas.image = figure.image if figure is not None else None
            if not self.canvas.fitting:
                self._lay_out()
            self.canvas.update()
            self.changed.emit()

    def _take(self, picture: PlotImage) -> tuple[int, bool]:
        image = image_of(picture)
        label = picture.label or tr("Figure {number}").format(number=picture.number)
        for index, shown in enumerate(self.figures):
            if shown.key == picture.key:
                shown.image, shown.label = image, label
                self._set_thumbnail(index)
                return index, False
        first = not self.figures
        self.figures.append(ShownFigure(picture.key, picture.number, label, image))
        item = QListWidgetItem(label)
        item.setData(KEY_ROLE, picture.key)
        item.setToolTip(label)
        self.strip.addItem(item)
        if len(self.figures) > MAX_FIGURES:  # the engine no longer keeps the oldest either
            self.figures.pop(0)
            self.strip.takeItem(0)
            self.current = max(-1, self.current - 1)
        self._set_thumbnail(len(self.figures) - 1)
        if first:
            self.first_figure.emit()
        return len(self.figures) - 1, True

    def _set_thumbnail(self, index: int) -> None:
        item = self.strip.item(index)
        if item is None:
            return
        shown = self.figures[index]
        pixmap = QPixmap.fromImage(shown.image.scaled(THUMB * shown.image.devicePixelRatio(),
                                                      Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))
        pixmap.setDevicePixelRatio(shown.image.devicePixelRatio())
        item.setIcon(QIcon(pixmap))
        item.setText(shown.label)

    def clear(self) -> None:
        """No figures (a new run, or the Clear button)."""
        self.figures.clear()
        self.strip.clear()
        self.current = -1
        self.canvas.image = None
        self.canvas.update()
        self.changed.emit()

    # ---- navigation and zoom -----------------------------------------------------------
    def show_figure(self, index: int) -> None:
        if not 0 <= index < len(self.figures):
            return
        self.current = index
        self.canvas.image = self.figures[index].image
        if self.strip.currentRow() != index:
            self.strip.setCurrentRow(index)
        self._lay_out()
        self.changed.emit()

    def _on_row(self, row: int) -> None:
        if row >= 0 and row != self.current:
            self.show_figure(row)

    def go(self, step: int) -> None:
        self.show_figure(self.current + step)

    def current_figure(self) -> ShownFigure | None:
        return self.figures[self.current] if 0 <= self.current < len(self.figures) else None

    def fit(self) -> None:
        self.canvas.fitting = True
        self._lay_out()

    def zoom(self, direction: int) -> None:
        scale = self.canvas.scale() * (ZOOM_STEP if direction > 0 else 1 / ZOOM_STEP)
        self.canvas.zoom = min(max(scale, ZOOM_LIMITS[0]), ZOOM_LIMITS[1])
        self.canvas.fitting = False
        self._lay_out()

    def _lay_out(self) -> None:
        if self.canvas.fitting:
            self.scroll_area.setWidgetResizable(True)
        else:
            self.scroll_area.setWidgetResizable(False)
            self.canvas.resize(self.canvas.logical_size() * self.canvas.zoom)
        self.canvas.update()

    def background(self) -> QColor:
        return self.canvas.palette().color(self.canvas.backgroundRole())
