"""The status bar's words, derived from the run's state: what the program is doing, and for how long."""
from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QWidget

from .i18n import tr
from .run_state import RunState

if TYPE_CHECKING:
    from vm import HaltReason, Pause, RunResult


def stopped_words(reason: HaltReason | None) -> str:
    """The bar's words for a halted run; every reason has its own case (a test checks)."""
    from vm import HaltReason  # here: the window starts without the engine, a run has loaded it
    given = reason or HaltReason.USER
    match given:
        case HaltReason.USER | HaltReason.ENDED:  # ENDED: the program's own end came first
            return tr("Stopped")
        case HaltReason.TIME_LIMIT:
            return tr("Stopped: time limit reached")
        case HaltReason.OUTPUT_LIMIT:
            return tr("Stopped: too much output")
        case HaltReason.MEMORY_LIMIT:
            return tr("Stopped: the program used too much memory")
        case _:
            assert_never(given)


def _pause_reasons() -> dict[str, str]:
    return {"breakpoint": tr("Paused on line {line} at a breakpoint"), "step": tr("Paused on line {line} after a step"),
            "pause": tr("Paused on line {line} where you paused it"),
            "exception": tr("Paused on line {line} where an error was raised")}


def describe(state: RunState, elapsed: float, result: RunResult | None, pause: Pause | None,
             activity: str | None = None, in_shell: bool = False, separate: bool = False) -> str:
    """The status text for ``state`` (the single source of what the bar says); ``in_shell``:
    a Shell entry is running, and an answer it asks for is typed there; ``separate``: the
    program runs in a process of its own."""
    if state is RunState.IDLE:
        return tr("Ready")
    if state is RunState.RUNNING and activity == "turtle_events":
        return tr("Running… {seconds:.1f} s — the drawing waits for keys, clicks or timers "
                  "(close it or press Stop to end)").format(seconds=elapsed)
    if state is RunState.RUNNING and separate:
        return tr("Running in a separate process… {seconds:.1f} s").format(seconds=elapsed)
    if state is RunState.RUNNING:
        return tr("Running… {seconds:.1f} s").format(seconds=elapsed)
    if state is RunState.WAITING_FOR_INPUT and in_shell:
        return tr("Waiting for your input… type in the Shell and press Enter ({seconds:.1f} s)").format(
            seconds=elapsed)
    if state is RunState.WAITING_FOR_INPUT:
        return tr("Waiting for your input… type in the console and press Enter ({seconds:.1f} s)").format(seconds=elapsed)
    if state is RunState.PAUSED:
        line = pause.frames[-1].line if pause is not None and pause.frames else "?"
        paused = _pause_reasons().get(pause.reason if pause is not None else "", tr("Paused on line {line}"))
        return paused.format(line=line) + tr(" — F10 step over, F11 step into, F5 continue")
    if state is RunState.STOPPING:
        return tr("Stopping… ({seconds:.1f} s)").format(seconds=elapsed)
    if state is RunState.STALLED:
        return tr("The program is busy inside a long built-in call and has not stopped yet. "
                  "You can abandon it.")
    if state is RunState.FINISHED:
        return tr("Finished in {seconds:.2f} s").format(seconds=result.duration) if result is not None else tr("Finished")
    if state is RunState.STOPPED:
        return stopped_words(result.reason) if result is not None else tr("Stopped")
    if result is not None and result.frames:
        return tr("Error: {error} on line {line}").format(error=result.error_type, line=result.frames[-1].line)
    return tr("Error: {error}").format(error=result.error_type) if result is not None else tr("Error")


def _spoken(state: RunState, text: str, in_shell: bool) -> str:
    """What a screen reader says when the run enters ``state`` (no running clock)."""
    if state is RunState.RUNNING:
        return tr("The program is running")
    if state is RunState.WAITING_FOR_INPUT and in_shell:
        return tr("The program is waiting for your input in the Shell")
    if state is RunState.WAITING_FOR_INPUT:
        return tr("The program is waiting for your input in the console")
    return text


class RunStatus:
    """Two labels the main window places in its status bar; a change of run state is
    also announced to screen readers (not shown by colour alone)."""

    def __init__(self, parent: QWidget) -> None:
        self.label = QLabel(tr("Ready"), parent)
        self.label.setAccessibleName(tr("Run status"))
        self.position_label = QLabel("", parent)
        self.position_label.setAccessibleName(tr("Cursor position"))
        self.announced: list[str] = []  # what was announced, newest last
        self._state: RunState | None = None

    def show(self, state: RunState, elapsed: float = 0.0, result: RunResult | None = None,
             pause: Pause | None = None, activity: str | None = None, in_shell: bool = False,
             separate: bool = False) -> None:
        text = describe(state, elapsed, result, pause, activity, in_shell, separate)
        self.label.setText(text)
        if state is not self._state:
            self._state = state
            if state is not RunState.IDLE:
                self.announce(_spoken(state, text, in_shell), urgent=state in (RunState.ERROR, RunState.STALLED))

    def announce(self, text: str, urgent: bool = False) -> None:
        self.announced.append(text)
        event = QAccessibleAnnouncementEvent(self.label, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if urgent
                            else QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)

    def clear(self) -> None:
        """A different file was loaded: a verdict about the last one no longer applies."""
        self.label.setText(tr("Ready"))

    def position(self, line: int, column: int) -> None:
        self.position_label.setText(tr("Line {line}, Column {column}").format(line=line, column=column))
