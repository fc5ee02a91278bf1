"""The Plots pane: matplotlib's figures with previous/next, fit, zoom, save, copy and
clear, in a dock that appears with a run's first figure and keeps the last run's
figures until the next run.

The dock (and its View toggle) exists from the start; the view inside is made when
first needed (a run's first figure, the toggle), so the window opens without loading it.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .actions import ActionRegistry
from .i18n import tr
from .run_state import RunInfo
from .runner import Runner

if TYPE_CHECKING:
    from .plots_view import PlotsView

DOCK_SHARE = 0.45  # of the window's width, when the pane first appears
SAVE_FORMATS = (".png", ".svg", ".pdf")


class PlotsPanel(QWidget):
    """The view and its toolbar."""

    save_clicked = Signal()

    def __init__(self) -> None:
        from .plots_view import PlotsView
        super().__init__()
        self.view = PlotsView()
        self.toolbar = QToolBar()
        self.toolbar.setAccessibleName(tr("Plots tools"))
        self.toolbar.setIconSize(QSize(16, 16))
        self.previous_button = self._button("", tr("Previous figure"), lambda: self.view.go(-1))
        self.previous_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.position = QLabel()
        self.position.setAccessibleName(tr("Which figure"))
        self.toolbar.addWidget(self.position)
        self.next_button = self._button("", tr("Next figure"), lambda: self.view.go(1))
        self.next_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.toolbar.addSeparator()
        self._button(tr("Fit"), tr("Fit the figure to the pane"), self.view.fit)
        self._button(tr("Zoom In"), tr("Zoom in (Ctrl+wheel)"), lambda: self.view.zoom(1))
        self._button(tr("Zoom Out"), tr("Zoom out (Ctrl+wheel)"), lambda: self.view.zoom(-1))
        self.toolbar.addSeparator()
        self.save_button = self._button(tr("Save…"), tr("Save the figure as PNG, SVG or PDF, at its own size and resolution"),
                                        self.save_clicked.emit)
        self.copy_button = self._button(tr("Copy"), tr("Copy the figure to the clipboard"), self.copy)
        self.clear_button = self._button(tr("Clear"), tr("Remove the figures from the pane (the next run clears it too)"),
                                         self.view.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        self.view.changed.connect(self._update)
        self._update()

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text.rstrip("…") or tip)
        button.setAccessibleDescription(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(slot)
        self.toolbar.addWidget(button)
        return button

    def _update(self) -> None:
        view = self.view
        count = len(view.figures)
        figure = view.current_figure()
        self.position.setText(tr("{index} / {count}").format(index=view.current + 1, count=count)
                              if figure is not None else tr("No figures"))
        self.position.setToolTip(figure.label if figure is not None else "")
        self.previous_button.setEnabled(view.current > 0)
        self.next_button.setEnabled(0 <= view.current < count - 1)
        for button in (self.save_button, self.copy_button, self.clear_button):
            button.setEnabled(figure is not None)
        view.strip.setVisible(count > 1)

    def copy(self) -> None:
        figure = self.view.current_figure()
        if figure is not None:
            QGuiApplication.clipboard().setImage(figure.image)


class PlotsController:
    """Connects the runner's figures to the pane, and the pane's Save to the engine (an
    ``ide.panels.Panel``)."""

    dock_area = Qt.DockWidgetArea.RightDockWidgetArea

    def __init__(self, runner: Runner, host: QMainWindow) -> None:
        self.runner = runner
        self.host = host
        self._sized = False
        self._panel: PlotsPanel | None = None
        self.dock = QDockWidget(tr("Plots"), host)
        self.dock.setObjectName("plots_dock")
        self.dock.setAccessibleName(tr("Plots pane"))
        self.dock.setAccessibleDescription(tr("Shows the figures the program draws with matplotlib"))
        # Shown by the View toggle (or anything else): the view is there when it appears.
        self.dock.visibilityChanged.connect(lambda visible: visible and self.panel)
        self.toggle = self.dock.toggleViewAction()
        self.toggle.setText(tr("Plots Panel"))
        self.toggle.setShortcut("Ctrl+Shift+P")
        runner.plots_feed.arrived.connect(lambda messages: self.view.apply(messages))
        runner.started.connect(self._on_run_started)
        self._shown_for_program = False  # opened by a program's first figure, not by the learner

    @property
    def panel(self) -> PlotsPanel:
        """The figures and their tools, made the first time anything needs them."""
        if self._panel is None:
            panel = self._panel = PlotsPanel()
            self.dock.setWidget(panel)
            panel.view.first_figure.connect(self._show_for_program)
            panel.save_clicked.connect(self.ask_save)
        return self._panel

    @property
    def view(self) -> PlotsView:
        return self.panel.view

    def add_commands(self, commands: ActionRegistry) -> None:
        pass  # its buttons are in the pane

    def docks(self) -> list[QDockWidget]:
        return [self.dock]

    def view_toggles(self) -> list[QAction]:
        return [self.toggle]

    def focus_panes(self) -> list[QWidget]:
        return [self.view.canvas] if self._panel is not None else []  # not built yet: nothing to visit

    def set_text_size(self, points: int) -> None:
        pass  # pictures: they have their own zoom

    def run_state_changed(self, run: RunInfo) -> None:
        pass  # a run's start is what it follows (``_on_run_started``)

    def show(self) -> None:
        self.dock.show()
        self.dock.raise_()
        if not self._sized:  # the first time: wide enough to see a figure
            self._sized = True
            self.host.resizeDocks([self.dock], [int(self.host.width() * DOCK_SHARE)], Qt.Orientation.Horizontal)

    def _show_for_program(self) -> None:
        self._shown_for_program = not self.dock.isVisible() or self._shown_for_program
        self.show()

    def _on_run_started(self, run: RunInfo) -> None:
        self.runner.vm.set_plot_pixel_ratio(self.host.devicePixelRatioF())
        if not run.in_shell and self._shown_for_program:
            # The last program's figures give way to this one's: a pane it opened goes
            # until this program draws (a turtle drawing gets the room meanwhile).
            self._shown_for_program = False
            self.dock.hide()

    def ask_save(self) -> None:
        figure = self.view.current_figure()
        if figure is None:
            return
        name = "".join(c if c.isalnum() else "_" for c in figure.label).strip("_") or "figure"
        path, _ = QFileDialog.getSaveFileName(self.panel, tr("Save Figure"), f"{name}.png",
                                              tr("PNG picture (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"))
        if not path:
            return
        try:
            self.save(path)
        except (OSError, ValueError, RuntimeError) as error:
            QMessageBox.warning(self.panel, tr("Save Figure"),
                                tr("The figure could not be saved:\n{reason}").format(reason=error))

    def save(self, path: str) -> None:
        """Write the current figure with matplotlib's ``savefig`` (format from the name's
        ending) while the engine keeps it; a picture of it as shown if only PNG can be."""
        figure = self.view.current_figure()
        if figure is None:
            return
        if Path(path).suffix.lower() not in SAVE_FORMATS:
            path += ".png"
        try:
            self.runner.vm.save_figure(figure.key, path)
        except TimeoutError:
            raise RuntimeError(tr("the program is drawing this figure just now: pause or stop it, "
                                  "then save again")) from None
        except LookupError:
            # An abandoned run's figures are gone with its engine: the picture is all there is.
            # "PNG" as str: PySide6 refuses the bytes its stub asks for.
            if Path(path).suffix.lower() != ".png" or not figure.image.save(path, "PNG"):  # type: ignore[call-overload]
                raise RuntimeError(tr("this figure's program is gone; only its picture can be saved, as PNG")) from None
