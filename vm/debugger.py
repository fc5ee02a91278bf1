"""Breakpoints, stepping and pause, built on ``VM.set_trace``.

The trace callback runs on the script thread. Pausing blocks that thread inside the
callback until a command arrives from any other thread (continue, step over/into/
out) or the run is stopped; a stop wakes the pause within ``PAUSE_POLL`` seconds and
raises the halt right there, so the traceback shows the paused line.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from types import FrameType
from typing import Any

from .machine import VM
from .uncaught import will_be_uncaught

PAUSE_POLL = 0.05


class Mode(Enum):
    RUN = "run"
    STEP_INTO = "step_into"
    STEP_OVER = "step_over"
    STEP_OUT = "step_out"
    PAUSE = "pause"


@dataclass(frozen=True)
class PausedFrame:
    """A user frame while the program is paused; ``frame`` is live until resumed.

    ``local_values``/``global_values`` are copies taken on the script thread at the
    pause, so a viewer on another thread never touches a running frame.
    """

    function: str
    filename: str
    line: int
    frame: FrameType
    local_values: dict
    global_values: dict


@dataclass(frozen=True)
class Pause:
    """Where the program is paused: user frames, outermost first."""

    frames: tuple[PausedFrame, ...]
    reason: str  # "breakpoint", "step", "pause" or "exception"

    @property
    def line(self) -> int:
        return self.frames[-1].line


class Debugger:
    """Drives one VM's trace hook; commands may come from any thread."""

    def __init__(self, vm: VM, on_pause: Callable[[Pause], None],
                 on_resume: Callable[[], None] | None = None) -> None:
        self.vm = vm
        self.on_pause = on_pause
        self.on_resume = on_resume or (lambda: None)
        self._condition = threading.Condition()
        self._breakpoints: dict[str, frozenset[int]] = {}
        self._mode = Mode.RUN
        self._target: FrameType | None = None
        self._command: tuple[Mode, bool] | None = None
        self._tracing = False
        self._seen_exception: BaseException | None = None
        self._pause_again = False
        self.pause_on_uncaught = True
        self.paused = False

    # ---- setup ------------------------------------------------------------------
    def attach(self) -> None:
        """Trace the next run (call before ``vm.run``)."""
        with self._condition:
            self._mode, self._target, self._command, self.paused = Mode.RUN, None, None, False
        self._tracing = True
        self.vm.set_trace(self._trace)

    def detach(self) -> None:
        """The next run is a plain one: no tracer at all until ``pause()`` asks for one."""
        with self._condition:
            self._mode, self._target, self._command, self.paused = Mode.RUN, None, None, False
        self._tracing = False
        self.vm.set_trace(None)

    def set_breakpoints(self, filename: str, lines: set[int] | frozenset[int]) -> None:
        self._breakpoints[filename] = frozenset(lines)

    # ---- commands (any thread) ------------------------------------------------------
    def _resume(self, mode: Mode) -> None:
        with self._condition:
            self._command = (mode, True)
            self._condition.notify_all()

    def continue_(self) -> None:
        self._resume(Mode.RUN)

    def step_over(self) -> None:
        self._resume(Mode.STEP_OVER)

    def step_into(self) -> None:
        self._resume(Mode.STEP_INTO)

    def step_out(self) -> None:
        self._resume(Mode.STEP_OUT)

    def pause(self) -> None:
        """Pause at the next line the program runs (it keeps its state); any thread.

        In a plain run (no ``attach``) the pause rides on the safe-point flag; stepping
        after it installs the tracer from that point on.
        """
        with self._condition:
            if self.paused:
                if self._command is not None:
                    self._pause_again = True  # it is resuming right now: pause straight after
                return
            self._mode = Mode.PAUSE
        if not self._tracing:
            self.vm.request_pause(self._pause_at_safe_point)

    def _pause_at_safe_point(self, frame: FrameType) -> None:
        user_frames = self.vm.user_frames(frame)
        if not user_frames:
            return
        self._pause(user_frames[0], "pause")
        if self._mode is not Mode.RUN and not self._tracing:
            self._tracing = True
            self.vm.trace_from_here(self._trace, frame)

    # ---- the trace hook (script thread) -------------------------------------------------
    def _trace(self, event: str, frame: FrameType, arg: Any) -> None:
        if event == "line":
            reason = self._should_pause(frame)
            if reason:
                self._pause(frame, reason)
        elif event == "exception" and self.pause_on_uncaught:
            error = arg[1]
            if error is not self._seen_exception:
                self._seen_exception = error  # its later frames unwinding are the same error
                if will_be_uncaught(error, frame, self._is_main_frame):
                    self._pause(frame, "exception")
        elif event == "return" and frame is self._target and self._mode in (Mode.STEP_OVER, Mode.STEP_OUT):
            # The frame being stepped is done: stop at the next line, wherever it is.
            with self._condition:
                if self._mode in (Mode.STEP_OVER, Mode.STEP_OUT):  # a Pause meanwhile stays
                    self._mode, self._target = Mode.STEP_INTO, None

    def _should_pause(self, frame: FrameType) -> str | None:
        if frame.f_lineno in self._breakpoints.get(frame.f_code.co_filename, ()):
            return "breakpoint"
        mode = self._mode
        if mode is Mode.STEP_INTO:
            return "step"
        if mode is Mode.PAUSE:
            return "pause"
        if mode is Mode.STEP_OVER and frame is self._target:
            return "step"
        return None

    def _pause(self, frame: FrameType, reason: str) -> None:
        with self._condition:
            self.paused = True
            self._command = None
        self.on_pause(Pause(frames=self._user_frames(frame), reason=reason))
        command = Mode.RUN  # if a stop ends the wait
        try:
            with self.vm.doing("paused"):
                command = self._wait_for_command()
        finally:
            # One critical section with ``pause()``: a Pause pressed now lands before it
            # (taken as "pause again") or after it (PAUSE over the new mode), never between.
            with self._condition:
                self.paused = False
                again, self._pause_again = self._pause_again, False
                self._mode = command
                self._target = frame if command in (Mode.STEP_OVER, Mode.STEP_OUT) else None
                if again and (self._tracing or command is not Mode.RUN):
                    self._mode, again = Mode.PAUSE, False
        self.on_resume()
        if again:
            self.vm.request_pause(self._pause_at_safe_point)

    def _wait_for_command(self) -> Mode:
        with self._condition:
            while self._command is None:
                if self.vm.stop_requested:
                    break
                self._condition.wait(PAUSE_POLL)
            command = self._command
        self.vm.raise_if_stopped()
        return command[0] if command else Mode.RUN

    def _is_main_frame(self, frame: FrameType) -> bool:
        """The outermost frame of the learner's program (its main module's code)."""
        return frame.f_code.co_name == "<module>" and not any(
            self.vm.user_frames(frame.f_back)) if frame.f_back is not None else True

    def _user_frames(self, frame: FrameType) -> tuple[PausedFrame, ...]:
        frames = [PausedFrame(f.f_code.co_name, f.f_code.co_filename, f.f_lineno, f,
                              dict(f.f_locals), dict(f.f_globals))
                  for f in self.vm.user_frames(frame)]
        return tuple(reversed(frames))
