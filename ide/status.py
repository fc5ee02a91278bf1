"""The status bar's words: what the program is doing, and for how long."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from vm import RunResult

REASONS = {
    "user": "Stopped",
    "time_limit": "Stopped: time limit reached",
    "output_limit": "Stopped: too much output",
    "memory_limit": "Stopped: the program used too much memory",
}


class RunStatus:
    """Two labels the main window places in its status bar."""

    def __init__(self, parent: QWidget) -> None:
        self.label = QLabel("Idle", parent)
        self.position_label = QLabel("", parent)
        self.state = "idle"

    def _show(self, state: str, text: str) -> None:
        self.state = state
        self.label.setText(text)

    def running(self, elapsed: float, stopping: bool) -> None:
        if self.state == "paused" and not stopping:
            return
        if self.state in ("input", "stalled") and not stopping:
            if self.state == "input":
                self.label.setText(f"Waiting for your input… ({elapsed:.1f} s)")
            return
        if self.state == "stalled":
            return
        self._show("stopping" if stopping else "running",
                   f"Stopping… ({elapsed:.1f} s)" if stopping else f"Running… {elapsed:.1f} s")

    def waiting_for_input(self) -> None:
        self._show("input", "Waiting for your input… type in the console and press Enter")

    def resume(self) -> None:
        self.state = "running"

    def paused(self, line: int, why: str) -> None:
        self._show("paused", f"Paused on line {line} {why} — F10 step over, F11 step into, "
                             "F5 continue".replace("  ", " "))

    def stalled(self) -> None:
        self._show("stalled", "The program is busy inside a long built-in call and has not "
                              "stopped yet. You can abandon it.")

    def finished(self, result: RunResult) -> None:
        if result.status == "finished":
            self._show("finished", f"Finished in {result.duration:.2f} s")
        elif result.status == "halted":
            self._show("stopped", REASONS.get(result.reason or "user", "Stopped"))
        else:
            where = f" on line {result.frames[-1].line}" if result.frames else ""
            self._show("error", f"Error: {result.error_type}{where}")

    def position(self, line: int, column: int) -> None:
        self.position_label.setText(f"Line {line}, Column {column}")
