"""The Drawing pane: the turtle's canvas with fit, zoom, save and clear, in a dock that
appears when a program first draws and that closes turtle's window when closed.

The dock (and its View toggle) exists from the start; the canvas inside is made when
first needed (a program's first drawing, the toggle, Ctrl+3), so the window opens
without loading it.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QImage, QPainter
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from . import dock_layout, resources
from .actions import ActionRegistry, ActionSpec
from .i18n import tr
from .pane_focus import PaneFocus
from .run_state import RunInfo
from .runner import Runner

if TYPE_CHECKING:
    from .drawing_view import DrawingView

DOCK_SHARE = 0.45  # of the window's width, when the pane first appears
PNG_SCALE = 2  # saved pictures at twice the screen's pixels: sharp when printed or projected


class DrawingPanel(QWidget):
    """The view and its toolbar."""

    def __init__(self) -> None:
        from .drawing_view import DrawingView
        super().__init__()
        self.view = DrawingView()
        self.toolbar = QToolBar()
        self.toolbar.setAccessibleName(tr("Drawing tools"))
        self.toolbar.setIconSize(QSize(16, 16))
        self._button(tr("Fit"), tr("Show the whole turtle window"), self.view.fit)
        # Zoom and Clear are shown by sign and icon, named in full for screen readers and
        # tooltips: the row then fits beside the debugger's panes at 1000 px in any language.
        self._button(tr("Zoom In"), tr("Zoom in (Ctrl+wheel)"), lambda: self.view.zoom(1), shown="+")
        self._button(tr("Zoom Out"), tr("Zoom out (Ctrl+wheel)"), lambda: self.view.zoom(-1), shown="−")
        self._button(tr("Save Image…"), tr("Save the drawing as a PNG picture or an SVG drawing"), self.ask_save)
        clear = self._button(tr("Clear"), tr("Clear the drawing (the next run clears it too)"), self.view.clear)
        clear.setIcon(resources.icon("clear"))
        clear.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)

    def _button(self, text: str, tip: str, slot: object, shown: str | None = None) -> QToolButton:
        button = QToolButton()
        button.setText(shown or text)
        button.setToolTip(tip)
        button.setAccessibleName(text.rstrip("…"))
        button.setAccessibleDescription(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(slot)
        self.toolbar.addWidget(button)
        return button

    def ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save Drawing"), "drawing.png",
                                              tr("PNG picture (*.png);;SVG drawing (*.svg)"))
        if not path:
            return
        try:
            self.save(path)
        except OSError as error:
            QMessageBox.warning(self, tr("Save Drawing"), tr("The drawing could not be saved:\n{reason}").format(reason=error))

    def save(self, path: str) -> None:
        """Write the drawing (with a margin) as PNG, or as SVG when the name ends in .svg."""
        source = self.view.content_rect()
        target = Path(path)
        if target.suffix.lower() == ".svg":
            from PySide6.QtSvg import QSvgGenerator  # Qt's SVG library loads with the first SVG saved
            generator = QSvgGenerator()
            generator.setFileName(str(target))
            generator.setSize(source.size().toSize())
            generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
            generator.setTitle(self.view.title or "Drawing")
            painter = QPainter(generator)
            self._paint(painter, QRectF(0, 0, source.width(), source.height()), source)
            painter.end()
            if not target.exists():
                raise OSError(tr("cannot write {file}").format(file=target))
            return
        image = QImage((source.size() * PNG_SCALE).toSize(), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        self._paint(painter, QRectF(image.rect()), source)
        painter.end()
        if not image.save(str(target), "PNG"):  # type: ignore[call-overload]  # str: PySide6 refuses the bytes its stub asks for
            raise OSError(tr("cannot write {file}").format(file=target))

    def _paint(self, painter: QPainter, target: QRectF, source: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(target, self.view.background)
        self.view.scene().render(painter, target, source)


class DrawingDock(QDockWidget):
    """Closing it is closing turtle's window: a program waiting in ``mainloop`` ends."""

    closed_by_learner = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Drawing"), parent)
        self.setObjectName("drawing_dock")
        self.setAccessibleName(tr("Drawing pane"))
        self.setAccessibleDescription(tr("Shows what the program draws with turtle"))

    def set_panel(self, panel: DrawingPanel) -> None:
        self.setWidget(panel)
        panel.view.title_changed.connect(self._show_title)

    def _show_title(self, title: str) -> None:
        self.setWindowTitle(tr("Drawing — {title}").format(title=title) if title else tr("Drawing"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed_by_learner.emit()
        super().closeEvent(event)


class DrawingController:
    """Connects the runner's drawing commands and the pane, both ways (an ``ide.panels.Panel``)."""

    dock_area = Qt.DockWidgetArea.RightDockWidgetArea

    def __init__(self, runner: Runner, host: QMainWindow) -> None:
        self.runner = runner
        self.host = host
        self._sized = False
        self._run = RunInfo()
        self._panel: DrawingPanel | None = None
        self.dock = DrawingDock(host)
        # Shown by the View toggle (or anything else): the canvas is there when it appears.
        self.dock.visibilityChanged.connect(lambda visible: visible and self.panel)
        self.toggle = self.dock.toggleViewAction()
        self.toggle.setText(tr("Drawing Panel"))
        # Qt renames the toggle after the dock's title, which takes turtle's window title.
        self.dock.windowTitleChanged.connect(lambda _title: self.toggle.setText(tr("Drawing Panel")))
        self.toggle.setShortcut("Ctrl+Shift+D")
        runner.drawing.connect(lambda commands: self.view.apply(commands))
        runner.started.connect(self._on_run_started)
        self.dock.closed_by_learner.connect(self._on_closed)

    def add_commands(self, commands: ActionRegistry) -> None:
        commands.add(ActionSpec("go_drawing", tr("Go to &Drawing"), lambda: PaneFocus.focus(self.view), ("Ctrl+3",),
                                window_wide=True))

    def docks(self) -> list[QDockWidget]:
        return [self.dock]

    def view_toggles(self) -> list[QAction]:
        return [self.toggle]

    def focus_panes(self) -> list[QWidget]:
        return [self.view] if self._panel is not None else []  # not built yet: nothing to visit

    def set_text_size(self, points: int) -> None:
        pass  # a picture: it has its own zoom

    def run_state_changed(self, run: RunInfo) -> None:
        self._run = run

    @property
    def panel(self) -> DrawingPanel:
        """The canvas and its tools, made the first time anything needs them."""
        if self._panel is None:
            panel = self._panel = DrawingPanel()
            self.dock.set_panel(panel)
            dock_layout.set_minimum_height(self.dock)
            panel.view.opened.connect(self.show)
            panel.view.listening.connect(self._on_listening)
            panel.view.program_event.connect(self.runner.send_drawing_event)
        return self._panel

    @property
    def view(self) -> DrawingView:
        return self.panel.view

    def show(self) -> None:
        appearing = self.dock.isHidden()
        beside = dock_layout.right_docks(self.host)  # the debugger's panes: keep their width
        self.dock.show()
        self.dock.raise_()
        if not self._sized and not beside:  # the first time alone: wide enough to see the drawing
            self._sized = True
            self.host.resizeDocks([self.dock], [int(self.host.width() * DOCK_SHARE)], Qt.Orientation.Horizontal)
        if appearing:
            dock_layout.share_right_height(self.host)

    def _on_listening(self) -> None:
        self.show()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_run_started(self, run: RunInfo) -> None:
        if not run.in_shell and self._panel is not None:
            self.view.clear()

    def _on_closed(self) -> None:
        if self._run.active and self._panel is not None and not self.view.closed:
            self.runner.send_drawing_event(("close",))
