"""Debug mode in the window: its actions, the Variables and Call stack docks, the paused line.

It is given what it works with (runner, editor, action registry, the window to dock
into) rather than the main window itself, and follows the runner's state like the
rest of the window.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

from . import dock_layout
from .actions import WHEN_IDLE, ActionRegistry, ActionSpec
from .debug_panels import CallStackPanel, VariablesPanel
from .editor import CodeEditor
from .i18n import tr
from .run_state import RunState
from .runner import Runner
from .settings import Settings

if TYPE_CHECKING:
    from vm import FrameSnapshot, Pause, PausedFrame, RunResult

DOCK_WIDTH = 320
PAUSED = frozenset({RunState.PAUSED})
PAUSABLE = frozenset({RunState.RUNNING, RunState.WAITING_FOR_INPUT})


class DebugController(QObject):
    """Owns everything the debugger adds to the main window."""

    def __init__(self, runner: Runner, editor: CodeEditor, actions: ActionRegistry, host: QMainWindow,
                 settings: Settings, file_name: Callable[[], str], start_debug_run: Callable[[], None]) -> None:
        super().__init__(host)
        self.runner = runner
        self.editor = editor
        self.settings = settings
        self.host = host
        self._file_name = file_name
        self._start_debug_run = start_debug_run
        self._docks_shown_for_run = False
        self._post_mortem_docks = False
        self.pause_info: Pause | None = None
        self.variables = VariablesPanel()
        self.call_stack = CallStackPanel()
        self.variables_dock = self._dock(tr("Variables"), self.variables, "variables-dock")
        self.stack_dock = self._dock(tr("Call stack"), self.call_stack, "call-stack-dock")
        actions.add_all([
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
        self.pause_on_uncaught_action = actions["pause_on_uncaught"]
        self.pause_on_uncaught_action.setCheckable(True)
        self.pause_on_uncaught_action.setChecked(settings.pause_on_uncaught)
        runner.set_pause_on_uncaught(settings.pause_on_uncaught)  # the runner owns the choice
        self.debug_action = actions["debug"]
        self.continue_action = actions["continue"]
        self.step_over_action = actions["step_over"]
        self.step_into_action = actions["step_into"]
        self.step_out_action = actions["step_out"]
        self.pause_action = actions["pause"]
        self.breakpoint_action = actions["breakpoint"]
        self.stepping_actions = [self.continue_action, self.step_over_action,
                                 self.step_into_action, self.step_out_action]
        runner.paused.connect(self._on_paused)
        runner.resumed.connect(self._on_resumed)
        runner.state_changed.connect(self._on_state_changed)
        runner.finished.connect(self._on_finished)
        runner.started.connect(self._forget_last_run)
        self.call_stack.frame_selected.connect(self._show_frame)
        editor.breakpoint_toggled.connect(self._sync_breakpoints)

    def _dock(self, title: str, widget: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(title, self.host)
        dock.setObjectName(name)
        dock.setAccessibleName(tr("{panel} pane").format(panel=title))
        dock.setWidget(widget)
        dock_layout.set_minimum_height(dock)
        self.host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        return dock

    def add_to(self, toolbar: QToolBar, menu: QMenu) -> None:
        toolbar.addAction(self.debug_action)
        for action in (*self.stepping_actions, self.pause_action):
            toolbar.addAction(action)
        menu.addSeparator()
        menu.addActions([self.debug_action, *self.stepping_actions, self.pause_action,
                         self.breakpoint_action, self.pause_on_uncaught_action])

    def view_actions(self) -> list[QAction]:
        """View-menu toggles for the two docks."""
        toggles = []
        for dock, key in ((self.variables_dock, "Ctrl+Shift+V"), (self.stack_dock, "Ctrl+Shift+K")):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(key)
            toggle.setText(tr("{panel} Panel").format(panel=dock.windowTitle()))
            toggle.triggered.connect(lambda checked=False: self._kept_by_learner())
            toggles.append(toggle)
        return toggles

    def panels(self) -> list[QWidget]:
        return [self.variables, self.call_stack]

    # ---- commands ------------------------------------------------------------------
    def start(self) -> None:
        if self.runner.running:
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
        chosen = self.pause_on_uncaught_action.isChecked()
        self.settings.pause_on_uncaught = chosen
        self.runner.set_pause_on_uncaught(chosen)

    def _kept_by_learner(self) -> None:
        """The learner chose the panels' visibility: leave it as they set it."""
        self._docks_shown_for_run = self._post_mortem_docks = False

    def _toggle_breakpoint_here(self) -> None:
        self.editor.toggle_breakpoint(self.editor.textCursor().blockNumber() + 1)

    def _sync_breakpoints(self, _line: int) -> None:
        self.runner.set_breakpoints(self._file_name(), set(self.editor.breakpoints))

    # ---- what the runner reports ---------------------------------------------------------
    def _on_paused(self, pause: Pause) -> None:
        if not self.variables_dock.isVisible():
            self._show_docks()
        self.pause_info = pause
        self.call_stack.show_pause(pause)
        frame = pause.frames[-1]
        if frame.filename == self._file_name():
            self.editor.set_paused_line(frame.line)

    def _on_resumed(self) -> None:
        self.pause_info = None
        self.editor.set_paused_line(None)
        self.variables.setEnabled(False)

    def _show_frame(self, frame: PausedFrame | FrameSnapshot | None) -> None:
        from vm import FrameSnapshot  # loaded with the engine, after the window is shown
        if isinstance(frame, FrameSnapshot):
            self.variables.setEnabled(True)
            self.variables.show_snapshot(frame)
            return
        self.variables.setEnabled(frame is not None)
        self.variables.show_frame(frame)
        if frame is not None and frame.filename == self._file_name():
            self.editor.set_paused_line(frame.line)

    def _on_finished(self, result: RunResult) -> None:
        """After any run the panels keep its values; an error opens them at the failing frame."""
        self.call_stack.show_snapshot(result.snapshot)
        has_values = any(frame.local_values or frame.global_values for frame in result.snapshot)
        if result.status == "error" and has_values and not self.variables_dock.isVisible():  # values to look at
            self._show_docks()
            self._post_mortem_docks = True

    def _forget_last_run(self) -> None:
        self.call_stack.show_snapshot(())
        self.variables.clear()

    def select_traceback_line(self, line: int) -> None:
        """A traceback link was clicked: show that frame's values."""
        self.call_stack.select_line(line)

    def _on_state_changed(self, state: RunState) -> None:
        if state.active:
            if self._post_mortem_docks and state is RunState.RUNNING and not self.runner.debugging:
                self.variables_dock.hide()  # opened for the last error; this run did not ask
                self.stack_dock.hide()
            if state is RunState.RUNNING:
                self._post_mortem_docks = False
            return
        # The run ended (any way): leave debug mode; panels opened for it close again.
        self.pause_info = None
        self.editor.set_paused_line(None)
        self.call_stack.show_pause(None)
        self.variables.clear()
        if self._docks_shown_for_run:
            self.variables_dock.hide()
            self.stack_dock.hide()
            self._docks_shown_for_run = False


