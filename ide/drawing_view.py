"""The turtle's canvas in the window: drawing commands become scene items, and the
learner's keys and clicks go back to the program as Tk would report them.

The command forms are the engine's (``vm.drawing``); they arrive in batches, and a
batch is applied in one go, so the window repaints once per batch however much the
program drew. Coordinates are Tk canvas pixels, which is what the scene uses too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from .i18n import tr
from .keysyms import keysym

DEFAULT_WINDOW = (960, 810)  # turtle's default window: half the screen wide, 3/4 high
DEFAULT_REGION = QRectF(-200, -150, 400, 300)  # turtle's default canvas (screensize)
FIT_MARGIN = 20
CAPS = {"round": Qt.PenCapStyle.RoundCap, "projecting": Qt.PenCapStyle.SquareCap,
        "butt": Qt.PenCapStyle.FlatCap}
BUTTONS = {Qt.MouseButton.LeftButton: 1, Qt.MouseButton.MiddleButton: 2, Qt.MouseButton.RightButton: 3}
ZOOM_STEP = 1.25


@dataclass
class Shown:
    """One canvas item as the window holds it."""

    kind: str
    coords: list[float]
    options: dict[str, Any] = field(default_factory=dict)
    graphic: QGraphicsItem | None = None


def _colour(value: Any) -> QColor | None:
    return QColor(value) if isinstance(value, str) and value else None


class DrawingView(QGraphicsView):
    """Shows one program's drawing; ``program_event`` carries the learner's input back."""

    program_event = Signal(tuple)
    opened = Signal()          # a program opened a turtle window
    title_changed = Signal(str)
    listening = Signal()       # the program wants key presses

    def __init__(self) -> None:
        super().__init__()
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setAccessibleName(tr("Drawing"))
        self.setAccessibleDescription(tr("The turtle drawing of the running program; it receives "
                                         "key presses and clicks when the program listens for them"))
        self._items: dict[int, Shown] = {}
        self._top = 0.0
        self._bottom = 0.0
        self._pressed: int | None = None
        self.fitting = True
        self.window_size = DEFAULT_WINDOW
        self.region_centre = QPointF(0, 0)
        self.shown_rect = QRectF(DEFAULT_REGION)  # what fitting shows; grows, never shrinks
        self.background = QColor("white")
        self.closed = False
        self.title = ""
        self.clear()

    # ---- applying commands ----------------------------------------------------------
    def apply(self, commands: list[tuple]) -> None:
        touched: set[int] = set()
        for command in commands:
            handler = getattr(self, f"_on_{command[0]}", None)
            if handler is not None:
                changed = handler(*command[1:])
                if changed is not None:
                    touched.add(changed)
        grown = False
        for number in touched:
            shown = self._items.get(number)
            if shown is not None:
                self._render(shown)
                if shown.graphic is not None and shown.graphic.isVisible():
                    grown = self._grow(shown.graphic.sceneBoundingRect()) or grown
        reframed = any(command[0] in ("open", "region", "window") for command in commands)
        if self.fitting and (grown or reframed):
            self._show_region()  # only what this batch drew is measured, not the whole scene

    def clear(self) -> None:
        """An empty white canvas (a new run, or the Clear button)."""
        self.scene().clear()
        self._items.clear()
        self._top = self._bottom = 0.0
        self.closed = False
        self.title = ""
        self._set_background(QColor("white"))

    def _on_open(self, title: str) -> None:
        self.clear()
        self.window_size = DEFAULT_WINDOW
        self.region_centre = QPointF(0, 0)
        self.shown_rect = QRectF(DEFAULT_REGION)
        self.fitting = True
        self._on_title(title)
        self.opened.emit()

    def _on_title(self, title: str) -> None:
        self.title = title
        self.title_changed.emit(title)

    def _on_window(self, width: int, height: int) -> None:
        self.window_size = (int(width), int(height))

    def _on_region(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.region_centre = QPointF((x1 + x2) / 2, (y1 + y2) / 2)
        self.shown_rect = QRectF(x1, y1, x2 - x1, y2 - y1)

    def _on_background(self, colour: str) -> None:
        self._set_background(QColor(colour))

    def _set_background(self, colour: QColor) -> None:
        self.background = colour
        self.setBackgroundBrush(QBrush(colour))

    def _on_focus(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.listening.emit()

    def _on_close(self) -> None:
        self.closed = True

    def _on_create(self, number: int, kind: str, coords: list[float], options: dict) -> int:
        graphic: QGraphicsItem
        if kind == "line":
            graphic = QGraphicsPathItem()
        elif kind == "polygon":
            graphic = QGraphicsPolygonItem()
        elif kind == "text":
            graphic = QGraphicsSimpleTextItem()
        else:
            graphic = QGraphicsPixmapItem()
        self._top += 1
        graphic.setZValue(self._top)
        self.scene().addItem(graphic)
        self._items[number] = Shown(kind, list(coords), dict(options), graphic)
        return number

    def _on_coords(self, number: int, coords: list[float]) -> int | None:
        shown = self._items.get(number)
        if shown is None:
            return None
        shown.coords = list(coords)
        return number

    def _on_config(self, number: int, options: dict) -> int | None:
        shown = self._items.get(number)
        if shown is None:
            return None
        shown.options.update(options)
        return number

    def _on_delete(self, number: int | None) -> None:
        numbers = list(self._items) if number is None else [number]
        for each in numbers:
            shown = self._items.pop(each, None)
            if shown is not None and shown.graphic is not None:
                self.scene().removeItem(shown.graphic)

    def _on_raise(self, number: int) -> None:
        shown = self._items.get(number)
        if shown is not None and shown.graphic is not None:
            self._top += 1
            shown.graphic.setZValue(self._top)

    def _on_lower(self, number: int) -> None:
        shown = self._items.get(number)
        if shown is not None and shown.graphic is not None:
            self._bottom -= 1
            shown.graphic.setZValue(self._bottom)

    # ---- drawing items ------------------------------------------------------------------
    def _render(self, shown: Shown) -> None:
        graphic, options = shown.graphic, shown.options
        points = [QPointF(x, y) for x, y in zip(shown.coords[0::2], shown.coords[1::2], strict=False)]
        if isinstance(graphic, QGraphicsPathItem):
            self._render_line(graphic, points, options)
        elif isinstance(graphic, QGraphicsPolygonItem):
            fill, outline = _colour(options.get("fill", "black")), _colour(options.get("outline", ""))
            graphic.setPolygon(QPolygonF(points))
            graphic.setFillRule(Qt.FillRule.OddEvenFill)  # as Tk fills on X11
            graphic.setBrush(QBrush(fill) if fill else QBrush(Qt.BrushStyle.NoBrush))
            _set_pen(graphic, outline, float(options.get("width", 1) or 1), Qt.PenCapStyle.RoundCap)
            graphic.setVisible(bool(points) and (fill is not None or outline is not None))
        elif isinstance(graphic, QGraphicsSimpleTextItem):
            self._render_text(graphic, points, options)
        elif isinstance(graphic, QGraphicsPixmapItem):
            image = options.get("image")
            pixmap = QPixmap(image["file"]) if isinstance(image, dict) and image.get("file") else QPixmap()
            graphic.setPixmap(pixmap)
            if points:
                graphic.setPos(points[0] - QPointF(pixmap.width() / 2, pixmap.height() / 2))
            graphic.setVisible(not pixmap.isNull())

    @staticmethod
    def _render_line(graphic: QGraphicsPathItem, points: list[QPointF], options: dict) -> None:
        colour = _colour(options.get("fill", "black"))
        width = float(options.get("width", 1) or 1)
        graphic.setVisible(colour is not None and len(points) >= 2)
        if colour is None or len(points) < 2:
            return
        path = QPainterPath()
        if all(point == points[0] for point in points):
            # Tk draws a zero-length line with round caps as a dot (that is turtle's dot()).
            if options.get("capstyle") == "round":
                path.addEllipse(points[0], width / 2, width / 2)
            graphic.setPath(path)
            graphic.setBrush(QBrush(colour))
            graphic.setPen(QPen(Qt.PenStyle.NoPen))
            return
        path.moveTo(points[0])
        for point in points[1:]:
            path.lineTo(point)
        graphic.setPath(path)
        graphic.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        _set_pen(graphic, colour, width, CAPS.get(str(options.get("capstyle", "butt")), Qt.PenCapStyle.FlatCap))

    @staticmethod
    def _render_text(graphic: QGraphicsSimpleTextItem, points: list[QPointF], options: dict) -> None:
        graphic.setText(str(options.get("text", "")))
        graphic.setFont(_font(options.get("font")))
        graphic.setBrush(QBrush(_colour(options.get("fill", "black")) or QColor("black")))
        box = graphic.boundingRect()
        anchor = str(options.get("anchor", "center"))
        x = -box.width() / 2 if anchor in ("center", "n", "s") else -box.width() if "e" in anchor else 0.0
        y = -box.height() / 2 if anchor in ("center", "e", "w") else -box.height() if "s" in anchor else 0.0
        origin = points[0] if points else QPointF(0, 0)
        graphic.setPos(origin + QPointF(x, y))

    # ---- looking at it ----------------------------------------------------------------
    def window_rect(self) -> QRectF:
        """What turtle's own window would show: its size, centred on turtle's region."""
        width, height = self.window_size
        return QRectF(self.region_centre.x() - width / 2, self.region_centre.y() - height / 2, width, height)

    def fit(self) -> None:
        """Show turtle's canvas and everything drawn so far, at most at full size.

        What is shown only grows during a run, so an animation does not zoom to and fro."""
        self.fitting = True
        self._grow(self.scene().itemsBoundingRect())
        self._show_region()

    def _grow(self, drawn: QRectF) -> bool:
        """Take ``drawn`` (with a margin) into what fitting shows; whether that grew."""
        if drawn.isEmpty() or self.shown_rect.contains(drawn):
            return False
        self.shown_rect = self.shown_rect.united(drawn.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN))
        return True

    def _show_region(self) -> None:
        self.setSceneRect(self.shown_rect)  # no scroll bars while the whole drawing is in view
        self.fitInView(self.shown_rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > 1:
            self.resetTransform()
            self.centerOn(self.shown_rect.center())

    def zoom(self, steps: int) -> None:
        self.fitting = False
        # Zoomed in, the learner can scroll to every part of turtle's window and drawing.
        self.setSceneRect(self.window_rect().united(self.shown_rect).united(self.scene().itemsBoundingRect()))
        factor = ZOOM_STEP ** steps
        self.scale(factor, factor)

    def content_rect(self) -> QRectF:
        """The drawing with a margin, or turtle's window when nothing is drawn."""
        drawn = self.scene().itemsBoundingRect()
        if drawn.isEmpty():
            return self.window_rect()
        return drawn.adjusted(-20, -20, 20, 20)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1 if event.angleDelta().y() > 0 else -1)
        else:
            super().wheelEvent(event)

    # ---- the learner's input, for the program ---------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        name = keysym(event.key(), event.text())
        if name is None:
            super().keyPressEvent(event)
            return
        self.program_event.emit(("key", "press", name, event.text()))

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        name = keysym(event.key(), event.text())
        if name is None or event.isAutoRepeat():
            super().keyReleaseEvent(event)
            return
        self.program_event.emit(("key", "release", name, event.text()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        number = BUTTONS.get(event.button())
        if number is not None:
            self._pressed = number
            self._send_button("press", number, event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed is not None:
            self._send_button("motion", self._pressed, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        number = BUTTONS.get(event.button())
        if number is not None:
            self._send_button("release", number, event)
            if number == self._pressed:
                self._pressed = None

    def _send_button(self, action: str, number: int, event: QMouseEvent) -> None:
        at = self.mapToScene(event.position().toPoint())
        self.program_event.emit(("button", action, number, at.x(), at.y()))


def _set_pen(graphic: QAbstractGraphicsShapeItem, colour: QColor | None, width: float,
             cap: Qt.PenCapStyle) -> None:
    if colour is None:
        graphic.setPen(QPen(Qt.PenStyle.NoPen))
        return
    pen = QPen(colour, width)
    pen.setCapStyle(cap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    graphic.setPen(pen)


def _font(spec: Any) -> QFont:
    """Tk's font description ``[family, size, style words]``; a negative size is pixels."""
    parts: list[Any] = list(spec) if isinstance(spec, (list, tuple)) else ["Arial", 8, "normal"]
    font = QFont(str(parts[0]) if parts else "Arial")
    size = float(parts[1]) if len(parts) > 1 and str(parts[1]).lstrip("-").replace(".", "", 1).isdigit() else 8.0
    if size < 0:
        font.setPixelSize(max(1, round(-size)))
    else:
        font.setPointSizeF(max(size, 1.0))
    words = " ".join(str(part) for part in parts[2:]).lower()
    font.setBold("bold" in words)
    font.setItalic("italic" in words)
    font.setUnderline("underline" in words)
    font.setStrikeOut("overstrike" in words)
    return font
