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

from .debug.uncaught import will_be_uncaught
from .machine import VM

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
    """Drives one VM's trace hook; commands may come from any thread.

    The tracer is on only while something needs it: stepping, or a breakpoint set. A
    Continue with no breakpoint takes it off (the rest of the run costs what a plain
    run does); setting a breakpoint puts it back at the next safe point, and an error
    no frame catches still pauses, where it leaves the program's main code.
    Call ``attach()`` or ``detach()`` before each run.
    """

    def __init__(self, vm: VM, on_pause: Callable[[Pause], None],
                 on_resume: Callable[[], None] | None = None) -> None:
        self.vm = vm
        self.on_pause = on_pause
        self.on_resume = on_resume or (lambda: None)
        # Guards the mode, the command, ``paused`` and ``_tracing``: commands come from
        # the window's thread while the script thread pauses and resumes.
        self._condition = threading.Condition()
        self._breakpoints: dict[str, frozenset[int]] = {}
        self._mode = Mode.RUN
        self._target: FrameType | None = None
        self._command: tuple[Mode, bool] | None = None
        self._tracing = False   # the trace hook is on, on the script thread
        self._engaged = False   # a debug run, or a plain run since its first pause
        self._seen_exception: BaseException | None = None
        self._paused_on_error: BaseException | None = None
        self._pause_again = False
        self.pause_on_uncaught = True
        self.paused = False
        vm.set_uncaught_hook(self._on_uncaught)

    # ---- setup ------------------------------------------------------------------
    def attach(self) -> None:
        """Trace the next run (call before ``vm.run``)."""
        with self._condition:
            self._start_afresh()
            self._tracing = self._engaged = True
        self.vm.set_trace(self._trace)

    def detach(self) -> None:
        """The next run is a plain one: no tracer at all until ``pause()`` asks for one."""
        with self._condition:
            self._start_afresh()
            self._tracing = self._engaged = False
        self.vm.set_trace(None)

    def _start_afresh(self) -> None:
        self._mode, self._target, self._command, self.paused = Mode.RUN, None, None, False
        self._pause_again, self._paused_on_error = False, None

    def set_breakpoints(self, filename: str, lines: set[int] | frozenset[int]) -> None:
        """Any thread; a run that continued without the tracer gets it back at its next
        safe point."""
        with self._condition:
            self._breakpoints[filename] = frozenset(lines)
            wanted = bool(lines) and self._engaged and not self._tracing and not self.paused
        if wanted:
            self.vm.request_pause(self._at_safe_point)

    def _any_breakpoint(self) -> bool:
        return any(self._breakpoints.values())

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

        Without the tracer (a plain run, or after a Continue) the pause rides on the
        safe-point flag; stepping after it installs the tracer from that point on.
        """
        with self._condition:
            if self.paused:
                if self._command is not None:
                    self._pause_again = True  # it is resuming right now: pause straight after
                return
            self._mode = Mode.PAUSE
            tracing = self._tracing
        if not tracing:
            self.vm.request_pause(self._at_safe_point)

    def _at_safe_point(self, frame: FrameType) -> None:
        """On the script thread, untraced: pause if asked to, else a breakpoint was set and
        the tracer comes back."""
        with self._condition:
            pausing = self._mode is Mode.PAUSE
            tracer_back = not pausing and not self._tracing and self._engaged and self._any_breakpoint()
            if tracer_back:
                self._tracing = True
        if tracer_back:
            self.vm.trace_from_here(self._trace, frame)
            return
        user_frames = self.vm.user_frames(frame)
        if not pausing or not user_frames:
            return
        self._engaged = True  # from a pause on, a plain run steps and stops like a debug run
        self._pause(user_frames[0], "pause", running_from=frame)

    def _on_uncaught(self, error: BaseException) -> None:
        """On the script thread: an error has left the program's main code. If the tracer
        did not pause where it was raised (it was off), pause now: the frames are over but
        the traceback keeps their values."""
        with self._condition:
            wanted = self.pause_on_uncaught and self._engaged and error is not self._paused_on_error
        if not wanted:
            return
        entries = []
        tb = error.__traceback__
        while tb is not None:
            entries.append((tb.tb_frame, tb.tb_lineno))
            tb = tb.tb_next
        users = {id(f) for f in self.vm.user_frames(entries[-1][0])} if entries else set()
        frames = [self._paused_frame(f, line) for f, line in entries if id(f) in users]
        if frames:
            self._paused_on_error = error
            self._pause(frames[-1].frame, "exception", frames=tuple(frames))

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
                    self._paused_on_error = error
                    self._pause(frame, "exception")
        elif event == "return" and frame is self._target and self._mode in (Mode.STEP_OVER, Mode.STEP_OUT):
            # The frame being stepped is done: stop in its caller on the line that called
            # it (as the learner expects of Step Out), else at the next line, wherever it is.
            with self._condition:
                stepping = self._mode in (Mode.STEP_OVER, Mode.STEP_OUT)  # a Pause meanwhile stays
                if stepping:
                    self._mode, self._target = Mode.STEP_INTO, None
            caller = frame.f_back
            if stepping and caller is not None and self.vm.user_frames(caller)[:1] == [caller]:
                self._pause(caller, "step", halt_at=caller)  # a Stop now stops where it is shown

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

    def _pause(self, frame: FrameType, reason: str, running_from: FrameType | None = None,
               frames: tuple[PausedFrame, ...] | None = None, halt_at: FrameType | None = None) -> None:
        """Block the script thread until a command comes. ``frames`` are given for a
        pause after the frames ended (an uncaught error): nothing is traced then.
        ``halt_at``: where a Stop meanwhile is reported, when not the running frame."""
        with self._condition:
            self.paused = True
            self._command = None
        self.on_pause(Pause(frames=frames or self._user_frames(frame), reason=reason))
        command = Mode.RUN  # if a stop ends the wait
        try:
            with self.vm.doing("paused", at=halt_at):
                command = self._wait_for_command()
        finally:
            # One critical section with ``pause()``: a Pause pressed now lands before it
            # (taken as "pause again") or after it (PAUSE over the new mode), never between.
            with self._condition:
                self.paused = False
                again, self._pause_again = self._pause_again, False
                self._mode = Mode.PAUSE if again else command
                self._target = frame if command in (Mode.STEP_OVER, Mode.STEP_OUT) else None
                tracer = None if frames else self._tracer_change()
                ask_at_safe_point = self._mode is Mode.PAUSE and not self._tracing
        self.on_resume()
        if tracer is not None:
            tracer(running_from or frame)
        if ask_at_safe_point:
            self.vm.request_pause(self._at_safe_point)

    def _tracer_change(self) -> Callable[[FrameType], None] | None:
        """Under the lock, as a pause ends: whether the tracer goes on or off from here."""
        wanted = self._mode in (Mode.STEP_INTO, Mode.STEP_OVER, Mode.STEP_OUT) or self._any_breakpoint()
        if self._mode is Mode.PAUSE:
            wanted = self._tracing  # either way the next line or safe point pauses
        if wanted == self._tracing:
            return None
        self._tracing = wanted
        if wanted:
            return lambda frame: self.vm.trace_from_here(self._trace, frame)
        return self.vm.stop_tracing

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
        return tuple(reversed([self._paused_frame(f, f.f_lineno) for f in self.vm.user_frames(frame)]))

    @staticmethod
    def _paused_frame(frame: FrameType, line: int) -> PausedFrame:
        return PausedFrame(frame.f_code.co_name, frame.f_code.co_filename, line, frame,
                           dict(frame.f_locals), dict(frame.f_globals))
