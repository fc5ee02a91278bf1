"""Run > Run Programs in a Separate Process: the choice, remembered, and what it changes.

Ticked, F5 runs the program in a worker process of its own (``vm.separate``), where
Stop always ends it, even inside a C call that holds the interpreter lock, and a crash
of the program cannot touch the window. What cannot reach that process yet is turned
off or runs in Sprout's own process, and says so: Pause is disabled during such a run,
Debug runs in-process with a note in the console, the Shell starts from fresh
variables (a note says why), and turtle drawings and figures are not shown (the
program's console gets a note when it makes one).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QWidget

from .actions import WHEN_IDLE, ActionRegistry, ActionSpec
from .i18n import tr
from .run_state import RunInfo
from .runner import Runner
from .settings import Settings


class SeparateRuns:
    """A panel without docks: its command, and the run's record followed."""

    dock_area = Qt.DockWidgetArea.BottomDockWidgetArea

    def __init__(self, runner: Runner, settings: Settings) -> None:
        self.runner = runner
        self.settings = settings
        self._action: QAction | None = None
        self._commands: ActionRegistry | None = None

    def add_commands(self, commands: ActionRegistry) -> None:
        self._commands = commands
        self._action = commands.add(ActionSpec(
            "separate_process", tr("Run Programs in a &Separate Process"), self._remember_choice,
            tip=tr("Run each program in a process of its own: Stop always ends it and a crash cannot "
                   "touch Sprout. Pause, the debugger, the Shell's view of its variables, drawings "
                   "and plots are not available there yet."),
            enabled_in=WHEN_IDLE))
        self._action.setCheckable(True)
        self._action.setChecked(self.runner.info.separate_processes)

    def _remember_choice(self) -> None:
        if self._action is None:
            return
        chosen = self._action.isChecked()
        self.settings.separate_process = chosen
        self.runner.set_separate_processes(chosen)

    def docks(self) -> list[QDockWidget]:
        return []

    def view_toggles(self) -> list[QAction]:
        return []

    def focus_panes(self) -> list[QWidget]:
        return []

    def set_text_size(self, points: int) -> None:
        pass

    def run_state_changed(self, run: RunInfo) -> None:
        if self._action is not None:
            self._action.setChecked(run.separate_processes)
        if run.in_separate_process and run.state.active and self._commands is not None:
            self._commands["pause"].setEnabled(False)  # the flag cannot pause another process yet


def debug_note() -> str:
    """Said in the console when Debug is pressed while programs run in a separate process."""
    return tr("The debugger works in Sprout's own process only: this debug run is not in a separate process.")


def shell_note(file_name: str) -> str:
    """Said in the Shell after a program ran in a separate process."""
    return tr("{file} ran in a separate process: the shell cannot see its variables and starts "
              "from fresh ones.").format(file=file_name)
