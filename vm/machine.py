"""The engine: ``VM.run`` executes a script; ``VM.interrupt`` stops it from any thread."""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType, ModuleType
from typing import Any

from .debug.tracing import trace_running_frames, untrace_running_frames
from .drawing import DrawingLink
from .plots import PlotsCallback, PlotsLink
from .process import script_path
from .process.main_module import MainModule
from .process.thread_stacks import start_with_large_stack
from .report.results import HaltReason, RunResult
from .run import Run
from .stop.limits import Limits

OutputCallback = Callable[[str, str], None]
InputRequestCallback = Callable[[str], None]
TraceCallback = Callable[[str, Any, Any], None]
DrawingCallback = Callable[[list[tuple]], None]
UncaughtCallback = Callable[[BaseException], None]


def _terminal_output(stream: str, text: str) -> None:
    # ``vars(sys)``: the process's own streams, whichever thread calls (``sys.__stdout__``
    # answers per run).
    target = vars(sys)["__stderr__" if stream == "stderr" else "__stdout__"]
    if target is not None:
        target.write(text)
        target.flush()


class VM:
    """Runs learners' scripts with a sticky, thread-safe stop.

    ``run()`` blocks the calling thread while the script executes on a thread of its
    own with a large stack; every run starts from fresh globals and a cleared flag,
    and the same ``VM`` can run again after any outcome.
    """

    def __init__(self, on_output: OutputCallback | None = None,
                 on_input_request: InputRequestCallback | None = None,
                 limits: Limits | None = None, on_drawing: DrawingCallback | None = None,
                 on_plots: PlotsCallback | None = None) -> None:
        self.on_output = on_output or _terminal_output
        self.on_input_request = on_input_request or self._read_terminal_line
        self.limits = limits or Limits()
        self._lock = threading.Lock()
        self._drawing = DrawingLink(on_drawing)   # turtle's commands, batched (``vm.drawing``)
        self._plots = PlotsLink(on_plots)         # matplotlib's figures (``vm.plots``)
        self._run: Run | None = None
        self._trace: TraceCallback | None = None
        self._on_uncaught: UncaughtCallback | None = None
        # Under ``_lock``: Reset comes from the window's thread while a run may be ending.
        self._kept: ModuleType | None = None      # the last run's __main__, for the shell
        self._discarded: list[ModuleType] = []     # given up; emptied by the next run
        self._resets = 0                           # Resets so far: one during a run gives its module up
        self._expecting = False                    # a run was asked for on another thread...
        self._early_stop: HaltReason | None = None        # ...and stopped before it began
        script_path.ask_early()                    # the interpreter's sys.path, for the first run

    # ---- the contract ------------------------------------------------------
    def run(self, source: str, filename: str = "main.py", limits: Limits | None = None,
            folder: str | None = None, argv: list[str] | None = None,
            keep_namespace: bool = False, working_folder: str | None = None) -> RunResult:
        """Run ``source`` to the end, an error or a stop; never raises for the script.

        ``folder`` is where the script's file lives: ``import helper`` finds
        ``helper.py`` there, and it runs with safe points too. ``argv`` is the
        script's ``sys.argv`` (default: the script's path). With ``keep_namespace`` the
        program's variables stay for ``run_in_shell`` instead of going at its end.
        ``working_folder``: the folder the program runs in (``os.getcwd()``), as when a
        learner types ``python script.py`` there; the process's own is back afterwards.
        """
        self.reset_namespace()
        self._drawing.forget()  # the last program's drawing takes no more events
        resets, _, discard = self._take_kept(take=False)
        self._plots.new_program()  # no figures yet, matplotlib's settings afresh
        main = MainModule(keep=keep_namespace, discard=discard)
        result = self._execute_run(source, filename, limits, folder, argv, main, working_folder)
        self._keep(main.module if keep_namespace else None, resets)
        return result

    def run_in_shell(self, source: str, filename: str = "<shell>") -> RunResult:
        """Run one shell entry in the kept variables (a fresh set if none); expressions echo."""
        resets, kept, discard = self._take_kept(take=True)
        main = MainModule(kept, mode="single", keep=True, discard=discard)
        result = self._execute_run(source, filename, None, None, None, main)
        self._keep(main.module, resets)
        return result

    def kept_names(self) -> list[str]:
        """The names in the kept variables (for completion in a shell)."""
        with self._lock:
            kept = self._kept
        return [] if kept is None else [name for name in list(kept.__dict__) if not name.startswith("__")]

    def reset_namespace(self) -> None:
        """The shell starts from fresh variables; the old ones go with the next run."""
        with self._lock:
            self._resets += 1
            if self._kept is not None:
                self._discarded.append(self._kept)
                self._kept = None

    def _take_kept(self, take: bool) -> tuple[int, ModuleType | None, list[ModuleType]]:
        """For a run starting: the Resets so far, the kept module (``take``) and the given-up ones."""
        with self._lock:
            kept = self._kept if take else None
            if take:
                self._kept = None  # the run holds it; it comes back with ``_keep``
            taken, self._discarded = self._discarded, []
            return self._resets, kept, taken

    def _keep(self, module: ModuleType | None, resets_at_start: int) -> None:
        """A run ended: its module is kept, unless Reset was pressed meanwhile."""
        with self._lock:
            if module is not None and self._resets != resets_at_start:
                self._discarded.append(module)
                module = None
            self._kept = module

    def _execute_run(self, source: str, filename: str, limits: Limits | None, folder: str | None,
                     argv: list[str] | None, main: MainModule, working_folder: str | None = None) -> RunResult:
        started = time.perf_counter()
        run = Run(source=source, filename=filename, limits=self.limits.merged(limits),
                  on_output=self.on_output, on_input_request=self.on_input_request,
                  trace=self._trace, folder=folder, argv=argv, main=main, drawing=self._drawing,
                  plots=self._plots, on_uncaught=self._on_uncaught, working_folder=working_folder)
        with self._lock:
            self._run = run
            early, self._early_stop, self._expecting = self._early_stop, None, False
        if early is not None:
            run.stop.request(early)
        box: list[RunResult] = []
        script_thread = self._start_script_thread(lambda: box.append(run.execute()))
        run.watchdog.watch(script_thread)  # this thread has nothing else to do meanwhile
        script_thread.join()
        result = box[0] if box else run.internal_failure("the script thread ended unexpectedly")
        return run.finish(result, time.perf_counter() - started)

    def expect_run(self) -> None:
        """A run has been asked for on another thread: a Stop from now on counts for it,
        even if it comes before the run has begun."""
        with self._lock:
            self._expecting, self._early_stop = True, None

    def interrupt(self, reason: HaltReason = HaltReason.USER) -> None:
        """Stop the running script at its next safe point; any thread, idempotent."""
        with self._lock:
            run = self._run
            if (run is None or run.closed) and self._expecting:
                self._early_stop = self._early_stop or reason
                return
        if run is not None:
            run.stop.request(reason)

    def send_input(self, text: str | None) -> None:
        """Answer a pending (or the next) ``input()``; ``None`` means end of input."""
        run = self._current()
        if run is not None:
            run.input.send(None if text is None else text.rstrip("\r\n"))

    def send_drawing_event(self, event: tuple) -> None:
        """Any thread: a key, click or close in the drawing, for the program's handlers
        (the event forms are listed in ``vm.drawing``)."""
        self._drawing.post(event)

    def set_plot_pixel_ratio(self, ratio: float) -> None:
        """Figures made from now on render with ``ratio`` pixels per screen pixel."""
        self._plots.pixel_ratio = max(1.0, float(ratio))

    def save_figure(self, key: int, path: str) -> None:
        """Any thread: write a figure the pane shows (``PlotImage.key``) with matplotlib's
        ``savefig``, format from the file name. ``LookupError`` if it is no longer kept,
        ``TimeoutError`` if the program is busy drawing it."""
        self._plots.save(key, path)

    def set_trace(self, callback: TraceCallback | None) -> None:
        """Deliver line/call/return/exception events for user frames from the next run.

        ``callback(event, frame, arg)`` runs on the script thread; with no callback
        the engine installs no tracer at all, so ordinary runs pay nothing.
        """
        self._trace = callback

    def set_uncaught_hook(self, callback: UncaughtCallback | None) -> None:
        """``callback(error)`` runs on the script thread when an error leaves the program's
        main code, before the run ends (a debugger pauses there if no tracer saw it)."""
        self._on_uncaught = callback

    @property
    def stop_requested(self) -> bool:
        """Whether the current run has been asked to stop (any thread)."""
        run = self._current()
        return run is not None and run.stop.stopped

    @contextmanager
    def doing(self, activity: str, at: FrameType | None = None) -> Iterator[None]:
        """On the script thread: a stop during this block is explained as ``activity``
        (and reported in the frame ``at``, if given)."""
        run = self._current()
        if run is None:
            yield
            return
        with run.doing(activity, at):
            yield

    def request_pause(self, at_safe_point: Callable[[FrameType], None]) -> bool:
        """Any thread: call ``at_safe_point(frame)`` on the script thread at its next safe
        point (a loop step, a call, or within ~20 ms in ``input``/``sleep``/waits).
        Returns False when no run is going."""
        run = self._current()
        if run is None or run.closed:
            return False
        run.request_pause(at_safe_point)
        return True

    def trace_from_here(self, callback: TraceCallback, frame: FrameType) -> None:
        """On the script thread (inside a pause): deliver trace events from now on."""
        run = self._current()
        if run is not None:
            trace_running_frames(run.book.is_user_code, callback, frame)

    def stop_tracing(self, frame: FrameType) -> None:
        """On the script thread: no more trace events; the run goes on as a plain one."""
        run = self._current()
        if run is not None:
            untrace_running_frames(run.book.is_user_code, frame)

    def raise_if_stopped(self) -> None:
        """On the script thread (a debugger pause, say): raise the halt if stopped."""
        run = self._current()
        if run is not None and run.stop.stopped:
            raise run.halt()

    def user_frames(self, frame: FrameType | None) -> list[FrameType]:
        """The learner's frames in a live stack (innermost first), for debuggers."""
        run = self._current()
        frames = []
        while frame is not None:
            if run is not None and run.book.is_user_code(frame.f_code):
                frames.append(frame)
            frame = frame.f_back
        return frames

    @property
    def running(self) -> bool:
        with self._lock:
            return self._run is not None and not self._run.closed

    @property
    def activity(self) -> str | None:
        """Any thread: what the running program waits in now (``input``, ``sleep``,
        ``turtle_events``...), or None while it computes or when no run is going."""
        run = self._current()
        return None if run is None or run.closed else run.activity

    # ---- helpers -----------------------------------------------------------
    def _current(self) -> Run | None:
        with self._lock:
            return self._run

    @staticmethod
    def _start_script_thread(target: Callable[[], None]) -> threading.Thread:
        # Named as Python names its main thread: the script's code runs there.
        thread = threading.Thread(target=target, name="MainThread", daemon=True)
        start_with_large_stack(thread.start)
        return thread

    def _read_terminal_line(self, prompt: str) -> None:
        """Default input: read one line of the real stdin on a helper thread."""
        def read() -> None:
            stream = vars(sys)["__stdin__"]
            line = stream.readline() if stream is not None else ""
            self.send_input(line if line else None)
        threading.Thread(target=read, name="sprout-stdin", daemon=True).start()
