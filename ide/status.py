"""The status bar's words, derived from the run's state: what the program is doing, and for how long."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from vm import Pause, RunResult

from .run_state import RunState

REASONS = {
    "user": "Stopped",
    "time_limit": "Stopped: time limit reached",
    "output_limit": "Stopped: too much output",
    "memory_limit": "Stopped: the program used too much memory",
}
PAUSE_REASONS = {"breakpoint": "at a breakpoint", "step": "after a step", "pause": "where you paused it",
                 "exception": "where an error was raised"}


def describe(state: RunState, elapsed: float, result: RunResult | None, pause: Pause | None) -> str:
    """The status text for ``state`` (the single source of what the bar says)."""
    if state is RunState.IDLE:
        return "Ready"
    if state is RunState.RUNNING:
        return f"Running… {elapsed:.1f} s"
    if state is RunState.WAITING_FOR_INPUT:
        return f"Waiting for your input… type in the console and press Enter ({elapsed:.1f} s)"
    if state is RunState.PAUSED:
        line = pause.frames[-1].line if pause is not None and pause.frames else "?"
        why = PAUSE_REASONS.get(pause.reason, "") if pause is not None else ""
        return " ".join(f"Paused on line {line} {why}".split()) + \
            " — F10 step over, F11 step into, F5 continue"
    if state is RunState.STOPPING:
        return f"Stopping… ({elapsed:.1f} s)"
    if state is RunState.STALLED:
        return ("The program is busy inside a long built-in call and has not stopped yet. "
                "You can abandon it.")
    if state is RunState.FINISHED:
        return f"Finished in {result.duration:.2f} s" if result is not None else "Finished"
    if state is RunState.STOPPED:
        return REASONS.get(result.reason or "user", "Stopped") if result is not None else "Stopped"
    if result is not None and result.frames:
        return f"Error: {result.error_type} on line {result.frames[-1].line}"
    return f"Error: {result.error_type}" if result is not None else "Error"


class RunStatus:
    """Two labels the main window places in its status bar."""

    def __init__(self, parent: QWidget) -> None:
        self.label = QLabel("Ready", parent)
        self.position_label = QLabel("", parent)

    def show(self, state: RunState, elapsed: float = 0.0, result: RunResult | None = None,
             pause: Pause | None = None) -> None:
        self.label.setText(describe(state, elapsed, result, pause))

    def clear(self) -> None:
        """A different file was loaded: a verdict about the last one no longer applies."""
        self.label.setText("Ready")

    def position(self, line: int, column: int) -> None:
        self.position_label.setText(f"Line {line}, Column {column}")
