"""One execution of one script: its namespace, streams, stop signal and outcome."""
from __future__ import annotations

import builtins
import contextlib
import gc
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from types import FrameType
from typing import Any

from .core import run_binding
from .core.i18n import _
from .core.patching import original
from .debug.pause_request import AtSafePoint, PauseRequest
from .debug.tracing import tracers
from .drawing import DrawingLink
from .instrument.compiler import compile_script
from .output.streams import ErrorStream, InputChannel, ScriptStdin, ScriptStdout
from .plots import PlotsLink
from .process import host, protections
from .process.children import RunChildren
from .process.learner_imports import LearnerModules
from .process.main_module import MainModule, empty
from .process.package_folders import with_package_folders
from .process.process_hooks import run_hooks_end
from .process.process_state import ProcessState
from .process.recursion_room import RecursionRoom
from .process.run_threads import RunThreads
from .process.script_path import script_path
from .report.halt_sites import HaltSites
from .report.results import Frame, HaltReason, RunResult, Status
from .report.snapshot import FrameSnapshot
from .report.tracebacks import SourceBook, frames_from_traceback, syntax_error_frame
from .run_halt import RunHalt
from .run_io import RunIO
from .script_report import Report, report
from .stop.interrupt import ScriptStopped, StopSignal
from .stop.limits import Limits
from .stop.watchdog import Watchdog

MAX_RECURSION = 50_000          # what the script thread's 256 MB stack holds with room to spare


class Run(RunIO, RunHalt):
    """State shared by the script's threads, the engine and the stopping thread.

    This is the whole interface the patched modules (``vm.process.patches``) and the per-run
    ``sys`` (``vm.process.host``) use: the streams, ``argv``/``path``, ``checkpoint``/``halt``,
    ``read_line``, ``note`` and the thread book-keeping.
    """

    def __init__(self, source: str, filename: str, limits: Limits,
                 on_output: Callable[[str, str], None], on_input_request: Callable[[str], None],
                 trace: Callable[[str, Any, Any], None] | None, folder: str | None = None,
                 argv: list[str] | None = None, main: MainModule | None = None,
                 drawing: DrawingLink | None = None, plots: PlotsLink | None = None,
                 on_uncaught: Callable[[BaseException], None] | None = None,
                 working_folder: str | None = None) -> None:
        self.source, self.filename, self.limits = source, filename, limits
        self.main = main or MainModule()
        self._on_output, self._on_input_request, self._trace = on_output, on_input_request, trace
        self.book = SourceBook()
        self.drawing = drawing or DrawingLink(None)  # turtle's window, once imported
        self.plots = plots or PlotsLink(None)        # matplotlib's figures (``vm.plots``)
        self.input = InputChannel()
        self.closed = False
        self.halt_frames: tuple[Frame, ...] | None = None
        self.halt_site: FrameType | None = None  # see ``doing``
        self.pauses = PauseRequest()  # a debugger's call at the next safe point
        self.on_uncaught = on_uncaught
        self.working_folder = working_folder
        self.sites = HaltSites(self.book, lambda: self.script_thread)  # when it has no frame to show
        self._report = Report()  # how Python reports the outcome (``vm.script_report``)
        self.snapshot: tuple[FrameSnapshot, ...] = ()
        self.engine_busy = False  # the script thread is in the engine's own bookkeeping
        self.activity: str | None = None       # what the script waits in: input, sleep...
        self.halt_activity: str | None = None  # ...when the stop reached it
        self.threads = RunThreads()
        self.children = RunChildren()  # processes the script started (``vm.process.children``)
        self.threaded = False  # the script started a thread (print then writes piece by piece)
        self.script_thread: threading.Thread | None = None
        self.leftovers: list[str] = []
        self.exit_handlers: list[tuple[Callable, tuple, dict]] = []
        self._host_excepthook = vars(sys).get("excepthook")
        self.host_thread_excepthook = threading.excepthook
        self._output_chars = 0
        self.serviced = 0
        self.recursion = RecursionRoom(min(MAX_RECURSION, limits.recursion or MAX_RECURSION), self.note)
        self._stdout = ScriptStdout(self._emitter("stdout"), self._writes_alone)
        self.engine_stdout = self.stdout = self._stdout.stream
        self.engine_stderr = self.stderr = ErrorStream(self._emitter("stderr"), self.flush_stdout)
        self.engine_stdin = self.stdin = ScriptStdin(self.read_line)
        self._stdout_tail = ""
        self.file_path = os.path.abspath(os.path.join(folder, os.path.basename(filename))) \
            if folder else filename
        self.argv = list(argv) if argv is not None else [self.file_path]
        protections.install()
        # What ``python script.py`` gives (no Sprout folder), with the packages the learner
        # installed from the IDE where the user's site-packages would be.
        self.path = with_package_folders(script_path(folder))
        # The program is over once stopped: what is left to do is Sprout's, with Python's built-ins.
        self.stop = StopSignal(before=ProcessState.restore_builtins)
        self.stop.add_waker(self.input.wake)
        self.stop.add_waker(self.sites.note_request)  # before the children end and the script moves on
        self.stop.add_waker(self.children.stop_now)
        self.modules = LearnerModules(self)
        self.watchdog = Watchdog(self)  # watched by the caller of ``VM.run`` (``vm.stop.watchdog``)

    # ---- safe points -------------------------------------------------------
    def checkpoint(self) -> None:
        """The instrumented check, for engine code that waits or loops for the script (a
        pending pause counts too: a waiting main thread takes it without the flag)."""
        if self.stop.attention() or self.pauses.pending is not None:
            self.safe_point()

    def safe_point(self) -> None:
        """Called by the script when the attention flag is up: stop, pause, or flush output."""
        if self.pauses.pending is not None and threading.current_thread() is not self.script_thread:
            # A pause is for the program's main thread: another of its threads leaves the
            # flag up for it. (Lowering it here and raising it again after flushing output
            # left it down whenever the main thread got the interpreter: it never paused.)
            if self.stop.stopped:
                self.stop.take_attention()
                raise self.halt()
            return
        if self.stop.take_attention():
            raise self.halt()
        self.serviced += 1
        self.flush_stdout()
        self.drawing.hand_over(now=False)
        if self.pauses.pending is not None and threading.current_thread() is self.script_thread:
            pause = self.pauses.take()
            if pause is not None:
                pause(sys._getframe(1))
                if self.stop.stopped:
                    raise self.halt()

    @property
    def pause_request(self) -> AtSafePoint | None:
        """What the script thread is to call at its next safe point, if anything."""
        return self.pauses.pending

    def request_pause(self, at_safe_point: AtSafePoint) -> None:
        """Any thread: call ``at_safe_point(frame)`` on the script thread at its next safe point.

        Waits in ``input()`` and ``sleep()`` look at the flag every few milliseconds too.
        """
        self.pauses.set(at_safe_point)
        self.stop.ask_attention()
        self.input.wake_for_pause()

    # ---- threads started by the script ---------------------------------------
    def adopt_thread(self, thread: threading.Thread) -> None:
        if self.closed:
            raise RuntimeError(_("this program has ended; it cannot start new threads"))
        self.thread_starting()
        self.threads.adopt(thread)

    def thread_starting(self) -> None:
        if not self.threaded:
            self.threaded = True
            host.stream_changed(self)

    def _wait_for_threads(self) -> None:
        """Like Python at exit: executors wind down, non-daemon threads are waited for."""
        self.flush_stdout()
        self.threads.wait_as_python_exits()
        self.checkpoint()  # a stop that ended the last thread still counts

    def _end_threads(self) -> None:
        """No thread outlives its run: stop the rest and give them a moment to go."""
        bound = run_binding.current_run()
        run_binding.bind(None)  # the engine's own waits: a standing stop must not cut them short
        try:
            stopped = self.stop.stopped  # a stop ends the children it interrupted: no surprise
            self.leftovers.extend(self.threads.end(lambda: self.stop.request(HaltReason.ENDED)))
            ended_children = self.children.end()
            if not stopped:
                self.leftovers.extend(ended_children)
        finally:
            run_binding.bind(bound)

    # ---- the run itself ----------------------------------------------------
    def execute(self) -> RunResult:
        """Runs on the script thread; returns the outcome, never raises."""
        self.script_thread = threading.current_thread()
        # Threads the script starts inherit "not a daemon" from it, as from Python's main
        # thread; the flag is set after start, so the process never waits for this thread.
        self.script_thread._daemonic = False  # type: ignore[attr-defined]
        run_binding.bind(self)
        ProcessState.enter()  # records the working folder too: it is back after the runs
        if self.working_folder:
            with contextlib.suppress(OSError):
                os.chdir(self.working_folder)
        host.enter(self)
        watchdog = self.watchdog
        try:
            return self._execute(watchdog)
        except BaseException as error:  # noqa: BLE001 - the engine must not die either
            if isinstance(error, ScriptStopped) and self.stop.stopped:
                return self._result(error)  # a stop is the script's doing, never Sprout's failure
            return self.internal_failure(f"{type(error).__name__}: {error}")
        finally:
            self._close(watchdog)

    def _execute(self, watchdog: Watchdog) -> RunResult:
        self.main.release_discarded()
        ProcessState.freeze_existing_objects()
        self.book.add(self.filename, self.source)
        try:
            code = compile_script(self.source, self.filename, self.main.mode)
        except SyntaxError as error:
            return RunResult(status=Status.ERROR, error_type=type(error).__name__,
                             message=error.msg, filename=self.filename,
                             frames=(syntax_error_frame(error, self.filename, self.source),))
        except (ValueError, RecursionError, MemoryError, OverflowError) as error:
            return RunResult(status=Status.ERROR, error_type="SyntaxError",
                             message=str(error), filename=self.filename)
        module = self.main.prepare(self.file_path)
        namespace = module.__dict__
        sys.modules["__main__"] = module
        script_exec = original(builtins, "exec")  # the script's ``exec`` plants safe points in text
        self.recursion.measure_below(sys._getframe(), script_exec)
        self.recursion.set(self.limits.recursion or ProcessState.recursion_limit())
        watchdog.arm()
        outcome: BaseException | None = None
        try:
            watchdog.script_entered()
            if self._trace is not None:
                sys.settrace(self._tracer())
            try:
                script_exec(code, namespace)
            except BaseException as error:
                if self.on_uncaught is not None and not isinstance(error, (ScriptStopped, SystemExit)):
                    self.on_uncaught(error)  # a debugger may pause on it before the run ends
                raise
            finally:
                sys.settrace(None)
                sys.setprofile(None)  # the script's own, if it set one
                self.main.keep_last_value(namespace)
            self._wait_for_threads()
        except BaseException as error:  # noqa: BLE001 - every outcome is reported
            outcome = error
        outcome = self._settle(outcome)
        self._without_pushes(lambda: self._take_snapshot(outcome, namespace))
        try:
            self._run_exit_handlers()
            self._end_threads()
            run_hooks_end(self)
            if not self.main.keep and not self.threads.any_alive():
                empty(namespace)  # objects' __del__ runs now, on this thread, as at exit
                gc.collect()
        except BaseException as error:  # noqa: BLE001 - a stop while finalizing
            if not (isinstance(error, ScriptStopped) and self.stop.reason is HaltReason.ENDED):
                outcome = outcome or error
        while True:
            try:
                watchdog.script_left()
                break
            except ScriptStopped:
                continue  # a late push from the watchdog: the outcome is already known
        return self._result(outcome)

    def _settle(self, outcome: BaseException | None) -> BaseException | None:
        """Python's report of an uncaught error runs the script's code (the error's
        ``__str__``, its ``sys.excepthook``): run it while a stop can still end it."""
        if self.halt_frames is None and self.stop.stopped and (sighting := self.sites.fallback()):
            self.halt_frames, self.halt_activity, self.snapshot = sighting
        if outcome is None or isinstance(outcome, ScriptStopped) or self.halt_frames is not None:
            return outcome
        try:
            self._report = report(outcome, self._host_excepthook, self.engine_stderr)
        except ScriptStopped as stop:
            return stop
        return outcome

    def _without_pushes(self, step: Callable[[], Any]) -> None:
        """The engine's own work after the script: a push the watchdog made just before
        it stopped pushing may land here once; do the work again."""
        self.engine_busy = True
        try:
            for _attempt in range(3):
                try:
                    step()
                    return
                except ScriptStopped:
                    continue
        finally:
            self.engine_busy = False

    def _run_exit_handlers(self) -> None:
        """``atexit`` handlers the script registered run when it ends, newest first."""
        while self.exit_handlers:
            function, args, kwargs = self.exit_handlers.pop()
            try:
                function(*args, **kwargs)
            except ScriptStopped:
                raise
            except BaseException as error:  # noqa: BLE001 - reported as Python does
                self.engine_stderr.write("Exception ignored in atexit callback "
                                         f"{function!r}:\n")
                import traceback
                traceback.print_exception(error, file=self.engine_stderr)

    def _result(self, outcome: BaseException | None) -> RunResult:
        if isinstance(outcome, ScriptStopped) or self.halt_frames is not None:
            if self.halt_frames is None and outcome is not None:
                self.halt_frames = frames_from_traceback(self.book, outcome.__traceback__)
            return RunResult(status=Status.HALTED, reason=self.stop.reason or HaltReason.USER,
                             error_type="KeyboardInterrupt", message=self.stop.message(),
                             frames=self.halt_frames or (), filename=self.filename,
                             activity=self.halt_activity)
        if outcome is None:
            return RunResult(status=Status.FINISHED, exit_code=0, filename=self.filename)
        if isinstance(outcome, SystemExit):
            return RunResult(status=Status.FINISHED, exit_code=self._report.exit_code,
                             filename=self.filename)
        frames = frames_from_traceback(self.book, outcome.__traceback__)
        return RunResult(status=Status.ERROR, error_type=type(outcome).__name__,
                         message=self._report.message, frames=frames, filename=self.filename,
                         reported_by_script=self._report.reported_by_script)

    def _close(self, watchdog: Watchdog) -> None:
        """Always runs: end the run's threads, restore the process, forget the sources."""
        try:
            self.flush_stdout()
            self.drawing.hand_over()
            self._end_threads()  # again: the script may have failed before its end
        finally:
            run_hooks_end(self)
            self._stdout.end()
            self.engine_stderr.end()
            self.closed = True
            watchdog.stop()
            self.modules.unload()
            host.leave(self)
            run_binding.bind(None)
            self.leftovers.extend(ProcessState.leave())
            self.book.forget()

    def finish(self, result: RunResult, duration: float) -> RunResult:
        self.closed = True
        return replace(result, duration=duration, snapshot=self.snapshot, leftovers=tuple(self.leftovers))

    def internal_failure(self, detail: str) -> RunResult:
        return RunResult(status=Status.ERROR, error_type="SproutError",
                         message=_("Sprout itself failed while running this program: {detail}").format(detail=detail),
                         filename=self.filename)

    # ---- tracing -------------------------------------------------------------
    def _tracer(self) -> Callable:
        return tracers(self.book.is_user_code, self._trace)[0]  # type: ignore[arg-type]


