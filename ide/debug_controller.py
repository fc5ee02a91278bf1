"""Debug mode in the window: actions, the Variables and Call stack docks, the paused line."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget

from vm import Pause, PausedFrame

from .debug_panels import CallStackPanel, VariablesPanel

if TYPE_CHECKING:
    from .main_window import MainWindow


class DebugController(QObject):
    """Owns everything the debugger adds to the main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.editor = window.editor
        self.pause_info: Pause | None = None
        self.variables = VariablesPanel()
        self.call_stack = CallStackPanel()
        self.variables_dock = self._dock("Variables", self.variables, "variables-dock")
        self.stack_dock = self._dock("Call stack", self.call_stack, "call-stack-dock")
        make = window._action
        self.debug_action = make("&Debug", self.start, ["Ctrl+F5"], "debug",
                                 "Run with the debugger: pause at breakpoints (Ctrl+F5)")
        self.continue_action = make("&Continue", self.runner.continue_, [], "continue",
                                    "Continue to the next breakpoint (F5)")
        self.step_over_action = make("Step &Over", self.runner.step_over, ["F10"], "step_over",
                                     "Run the current line, without going into functions (F10)")
        self.step_into_action = make("Step &Into", self.runner.step_into, ["F11"], "step_into",
                                     "Go into the function called on this line (F11)")
        self.step_out_action = make("Step O&ut", self.runner.step_out, ["Shift+F11"], "step_out",
                                    "Finish this function and stop in its caller (Shift+F11)")
        self.pause_action = make("&Pause", self.runner.pause, [], "pause",
                                 "Pause the program where it is now")
        self.breakpoint_action = make("Toggle &Breakpoint", self._toggle_breakpoint_here, ["F9"])
        self.stepping_actions = [self.continue_action, self.step_over_action,
                                 self.step_into_action, self.step_out_action]
        self.runner.paused.connect(self._on_paused)
        self.runner.resumed.connect(self._on_resumed)
        self.call_stack.frame_selected.connect(self._show_frame)
        self.editor.breakpoint_toggled.connect(self._sync_breakpoints)
        self.update_actions()

    def _dock(self, title: str, widget, name: str) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        return dock

    def add_to(self, toolbar, menu) -> None:
        toolbar.addAction(self.debug_action)
        for action in (*self.stepping_actions, self.pause_action):
            toolbar.addAction(action)
        menu.addSeparator()
        menu.addActions([self.debug_action, *self.stepping_actions, self.pause_action,
                         self.breakpoint_action])

    # ---- commands ------------------------------------------------------------------
    def start(self) -> None:
        if self.runner.running:
            return
        if not self.variables_dock.isVisible():
            self.variables_dock.show()
            self.stack_dock.show()
            self.window.resizeDocks([self.variables_dock], [420], Qt.Orientation.Horizontal)
        self.window.run_script(debug=True)
        self._swap_f5(debugging=True)

    def _toggle_breakpoint_here(self) -> None:
        self.editor.toggle_breakpoint(self.editor.textCursor().blockNumber() + 1)

    def _sync_breakpoints(self, _line: int) -> None:
        self.runner.set_breakpoints(self.window.document.display_name, set(self.editor.breakpoints))

    def _swap_f5(self, debugging: bool) -> None:
        """While debugging F5 means Continue; otherwise it means Run."""
        self.window.run_action.setShortcuts([] if debugging else [QKeySequence("F5")])
        self.continue_action.setShortcuts([QKeySequence("F5")] if debugging else [])

    # ---- what the runner reports ---------------------------------------------------------
    def _on_paused(self, pause: Pause) -> None:
        self.pause_info = pause
        self.call_stack.show_pause(pause)
        frame = pause.frames[-1]
        if frame.filename == self.window.document.display_name:
            self.editor.set_paused_line(frame.line)
        why = {"breakpoint": "at a breakpoint", "step": "after a step", "pause": "where you paused it"}
        self.window.status.paused(frame.line, why.get(pause.reason, ""))
        self.update_actions()

    def _on_resumed(self) -> None:
        self.pause_info = None
        self.editor.set_paused_line(None)
        self.variables.setEnabled(False)
        self.window.status.resume()
        self.update_actions()

    def _show_frame(self, frame: PausedFrame | None) -> None:
        self.variables.setEnabled(frame is not None)
        self.variables.show_frame(frame)
        if frame is not None and frame.filename == self.window.document.display_name:
            self.editor.set_paused_line(frame.line)

    def finished(self) -> None:
        """The run ended (any way): leave debug mode."""
        self.pause_info = None
        self.editor.set_paused_line(None)
        self.call_stack.show_pause(None)
        self.variables.clear()
        self._swap_f5(debugging=False)
        self.update_actions()

    def update_actions(self) -> None:
        running, paused = self.runner.running, self.runner.debug_paused
        self.debug_action.setEnabled(not running)
        for action in self.stepping_actions:
            action.setEnabled(paused)
        self.pause_action.setEnabled(self.runner.debugging and not paused)
