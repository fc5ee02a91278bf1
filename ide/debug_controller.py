"""Debug mode in the window: its actions, the Variables and Call stack docks, the paused line.

It is given what it works with (runner, editor tabs, the console's traceback links,
the window that holds its docks) rather than the main window itself, and plugs in as a
``Panel`` (``ide/panels.py``): its commands, two docks, their View toggles, and what
it does as the run's state changes. The paused line is shown in the tab of the file
the run is in, whichever tab is in front.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from . import dock_layout
from .actions import WHEN_IDLE, ActionRegistry, ActionSpec
from .debug_panels import CallStackPanel, VariablesPanel
from .editor_tabs import EditorTabs
from .i18n import tr
from .run_state import RunInfo, RunState
from .runner import Runner
from .settings import Settings

if TYPE_CHECKING:
    from vm import FrameSnapshot, Pause, PausedFrame, RunResult

DOCK_WIDTH = 320
PAUSED = frozenset({RunState.PAUSED})
PAUSABLE = frozenset({RunState.RUNNING, RunState.WAITING_FOR_INPUT})


class DebugController(QObject):
    """Owns everything the debugger adds to the main window."""

    dock_area = Qt.DockWidgetArea.RightDockWidgetArea

    def __init__(self, runner: Runner, tabs: EditorTabs, traceback_clicked: SignalInstance, host: QMainWindow,
                 settings: Settings, start_debug_run: Callable[[], None]) -> None:
        super().__init__(host)
        self.runner = runner
        self.tabs = tabs
        self.settings = settings
        self.host = host
        self._start_debug_run = start_debug_run
        self._docks_shown_for_run = False
        self._post_mortem_docks = False
        self._run = RunInfo()
        self._uncaught: QAction | None = None  # the Run menu's checkable "Pause on Uncaught Errors"
        self.variables = VariablesPanel()
        self.call_stack = CallStackPanel()
        self.variables_dock = self._dock(tr("Variables"), self.variables, "variables-dock")
        self.stack_dock = self._dock(tr("Call stack"), self.call_stack, "call-stack-dock")
        self._toggles = [self._view_toggle(self.variables_dock, "Ctrl+Shift+V"),
                         self._view_toggle(self.stack_dock, "Ctrl+Shift+K")]
        runner.paused.connect(self._on_paused)
        runner.resumed.connect(self._on_resumed)
        runner.finished.connect(self._on_finished)
        runner.started.connect(self._forget_last_run)
        self.call_stack.frame_selected.connect(self._show_frame)
        tabs.breakpoint_toggled.connect(self._sync_breakpoints)
        traceback_clicked.connect(lambda line, _column: self.call_stack.select_line(line))

    # ---- what it brings to the window (ide.panels.Panel) ----------------------------------
    def add_commands(self, commands: ActionRegistry) -> None:
        runner = self.runner
        commands.add_all([
            ActionSpec("debug", tr("&Debug"), self.start, ("Ctrl+F5",), "debug",
                       tr("Run with the debugger: pause at breakpoints (Ctrl+F5)"), enabled_in=WHEN_IDLE),
            ActionSpec("continue", tr("&Continue"), runner.continue_, ("F5",), "continue",
                       tr("Continue to the next breakpoint (F5)"), enabled_in=PAUSED),
            ActionSpec("step_over", tr("Step &Over"), runner.step_over, ("F10",), "step_over",
                       tr("Run the current line, without going into functions (F10)"), enabled_in=PAUSED),
            ActionSpec("step_into", tr("Step &Into"), runner.step_into, ("F11",), "step_into",
                       tr("Go into the function called on this line (F11)"), enabled_in=PAUSED),
            ActionSpec("step_out", tr("Step O&ut"), runner.step_out, ("Shift+F11",), "step_out",
                       tr("Finish this function and stop in its caller (Shift+F11)"), enabled_in=PAUSED),
            ActionSpec("pause", tr("&Pause"), runner.pause, ("F6",), "pause",
                       tr("Pause the program where it is now, to look inside (F6)"), enabled_in=PAUSABLE),
            ActionSpec("breakpoint", tr("Toggle &Breakpoint"), self._toggle_breakpoint_here, ("F9",)),
            ActionSpec("pause_on_uncaught", tr("Pause on &Uncaught Errors"), self._remember_uncaught_choice,
                       tip=tr("While debugging, pause where an error is raised that nothing will catch, "
                              "with its values still live")),
        ])
        self._uncaught = commands["pause_on_uncaught"]
        self._uncaught.setCheckable(True)
        self._uncaught.setChecked(self._run.pause_on_uncaught)

    def docks(self) -> list[QDockWidget]:
        return [self.variables_dock, self.stack_dock]

    def view_toggles(self) -> list[QAction]:
        return list(self._toggles)

    def focus_panes(self) -> list[QWidget]:
        return [self.variables, self.call_stack]

    def set_text_size(self, points: int) -> None:
        for pane in self.focus_panes():
            font = pane.font()
            font.setPointSize(points)
            pane.setFont(font)

    def _dock(self, title: str, widget: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(title, self.host)
        dock.setObjectName(name)
        dock.setAccessibleName(tr("{panel} pane").format(panel=title))
        dock.setWidget(widget)
        dock_layout.set_minimum_height(dock)
        return dock

    def _view_toggle(self, dock: QDockWidget, key: str) -> QAction:
        toggle = dock.toggleViewAction()
        toggle.setShortcut(key)
        toggle.setText(tr("{panel} Panel").format(panel=dock.windowTitle()))
        toggle.triggered.connect(lambda checked=False: self._kept_by_learner())
        return toggle

    # ---- commands ------------------------------------------------------------------
    def start(self) -> None:
        if self._run.active:
            return
        if not self.variables_dock.isVisible():
            self._show_docks()
        self._start_debug_run()

    def _show_docks(self) -> None:
        """Shown for this run; they close again when it ends."""
        self.variables_dock.show()
        self.stack_dock.show()
        self.host.resizeDocks([self.variables_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        dock_layout.share_right_height(self.host)
        self._docks_shown_for_run = True

    def _remember_uncaught_choice(self) -> None:
        if self._uncaught is None:
            return
        chosen = self._uncaught.isChecked()
        self.settings.pause_on_uncaught = chosen
        self.runner.set_pause_on_uncaught(chosen)

    def _kept_by_learner(self) -> None:
        """The learner chose the panels' visibility: leave it as they set it."""
        self._docks_shown_for_run = self._post_mortem_docks = False

    def _toggle_breakpoint_here(self) -> None:
        editor = self.tabs.current_editor
        editor.toggle_breakpoint(editor.textCursor().blockNumber() + 1)

    def _sync_breakpoints(self) -> None:
        for filename, lines in self.tabs.breakpoints_by_file().items():
            self.runner.set_breakpoints(filename, lines)

    def _show_paused_line(self, filename: str, line: int | None) -> None:
        """The paused line, in its file's tab (brought to the front: stepping is for watching)."""
        for editor in self.tabs.editors():
            editor.set_paused_line(None)
        tab = self.tabs.reveal_file(filename) if line is not None else None
        if tab is not None and line is not None:
            self.tabs.setCurrentWidget(tab)
            tab.editor.set_paused_line(line)

    # ---- what the runner reports ---------------------------------------------------------
    def _on_paused(self, pause: Pause) -> None:
        if not self.variables_dock.isVisible():
            self._show_docks()
        self.call_stack.show_pause(pause)
        frame = pause.frames[-1]
        self._show_paused_line(frame.filename, frame.line)

    def _on_resumed(self) -> None:
        self._show_paused_line("", None)
        self.variables.setEnabled(False)

    def _show_frame(self, frame: PausedFrame | FrameSnapshot | None) -> None:
        from vm import FrameSnapshot  # loaded with the engine, after the window is shown
        if isinstance(frame, FrameSnapshot):
            self.variables.setEnabled(True)
            self.variables.show_snapshot(frame)
            return
        self.variables.setEnabled(frame is not None)
        self.variables.show_frame(frame)
        if frame is not None:
            self._show_paused_line(frame.filename, frame.line)

    def _on_finished(self, result: RunResult) -> None:
        """After any run the panels keep its values; an error opens them at the failing frame."""
        self.call_stack.show_snapshot(result.snapshot)
        has_values = any(frame.local_values or frame.global_values for frame in result.snapshot)
        if result.status == "error" and has_values and not self.variables_dock.isVisible():  # values to look at
            self._show_docks()
            self._post_mortem_docks = True

    def _forget_last_run(self, _run: RunInfo) -> None:
        self.call_stack.show_snapshot(())
        self.variables.clear()

    def run_state_changed(self, run: RunInfo) -> None:
        previous, self._run = self._run.state, run
        if self._uncaught is not None:
            self._uncaught.setChecked(run.pause_on_uncaught)
        state = run.state
        if state is previous:
            return  # the state stays: only something beside it changed
        if state.active:
            if self._post_mortem_docks and state is RunState.RUNNING and not run.debugging:
                self.variables_dock.hide()  # opened for the last error; this run did not ask
                self.stack_dock.hide()
            if state is RunState.RUNNING:
                self._post_mortem_docks = False
            return
        # The run ended (any way): leave debug mode; panels opened for it close again.
        self._show_paused_line("", None)
        self.call_stack.show_pause(None)
        self.variables.clear()
        if self._docks_shown_for_run:
            self.variables_dock.hide()
            self.stack_dock.hide()
            self._docks_shown_for_run = False


