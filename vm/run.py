"""One execution of one script: its namespace, streams, stop signal and outcome."""
from __future__ import annotations

import builtins
import gc
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from . import host
from .compiler import compile_script
from .drawing import DrawingLink
from .engine_frames import without_engine_frames
from .error_message import message_of
from .i18n import _
from .interrupt import ScriptStopped, StopSignal
from .learner_imports import LearnerModules
from .limits import Limits
from .main_module import MainModule, empty
from .package_folders import with_package_folders
from .pause_request import AtSafePoint, PauseRequest
from .process_hooks import run_hooks_end
from .process_state import ProcessState
from .recursion_room import RecursionRoom
from .results import Frame, RunResult, Status
from .run_threads import RunThreads
from .script_path import script_path
from .snapshot import FrameSnapshot, snapshot_globals, snapshot_of_error, snapshot_of_stack
from .streams import PAUSE_WAKE, ErrorStream, InputChannel, ScriptStdin, ScriptStdout
from .tracebacks import SourceBook, frames_from_live, frames_from_traceback, syntax_error_frame
from .tracing import tracers
from .watchdog import Watchdog

MAX_RECURSION = 50_000          # what the script thread's 256 MB stack holds with room to spare
PROMPT_CHARS = 200


class Run:
    """State shared by the script's threads, the engine and the stopping thread.

    This is the whole interface the patched modules (``vm.patches``) and the per-run
    ``sys`` (``vm.host``) use: the streams, ``argv``/``path``, ``checkpoint``/``halt``,
    ``read_line``, ``note`` and the thread book-keeping.
    """

    def __init__(self, source: str, filename: str, limits: Limits,
                 on_output: Callable[[str, str], None], on_input_request: Callable[[str], None],
                 trace: Callable[[str, Any, Any], None] | None, folder: str | None = None,
                 argv: list[str] | None = None, main: MainModule | None = None,
                 drawing: DrawingLink | None = None,
                 on_uncaught: Callable[[BaseException], None] | None = None) -> None:
        self.source, self.filename, self.limits = source, filename, limits
        self.main = main or MainModule()
        self._on_output, self._on_input_request, self._trace = on_output, on_input_request, trace
        self.book = SourceBook()
        self.drawing = drawing or DrawingLink(None)  # turtle's window, once imported
        self.input = InputChannel()
        self.closed = False
        self.halt_frames: tuple[Frame, ...] | None = None
        self.pauses = PauseRequest()  # a debugger's call at the next safe point
        self.on_uncaught = on_uncaught
        self.snapshot: tuple[FrameSnapshot, ...] = ()
        self.engine_busy = False  # the script thread is in the engine's own bookkeeping
        self.activity: str | None = None       # what the script waits in: input, sleep...
        self.halt_activity: str | None = None  # ...when the stop reached it
        self.threads = RunThreads()
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
        host.install()
        # What ``python script.py`` gives (no Sprout folder), with the packages the learner
        # installed from the IDE where the user's site-packages would be.
        self.path = with_package_folders(script_path(folder))
        # The program is over once stopped: what is left to do is Sprout's, with Python's built-ins.
        self.stop = StopSignal(self, before=ProcessState.restore_builtins)
        self.stop.add_waker(self.input.wake)
        self.modules = LearnerModules(self)
        self.watchdog = Watchdog(self)  # watched by the caller of ``VM.run`` (``vm.watchdog``)

    # ---- safe points -------------------------------------------------------
    def checkpoint(self) -> None:
        """The instrumented check, for engine code that waits or loops for the script."""
        if self.stop.attention():
            self.safe_point()

    def safe_point(self) -> None:
        """Called by the script when the attention flag is up: stop, pause, or flush output."""
        if self.stop.take_attention():
            raise self.halt()
        self.serviced += 1
        self.flush_stdout()
        self.drawing.hand_over(now=False)
        if self.pauses.pending is not None:
            if threading.current_thread() is not self.script_thread:
                self.stop.ask_attention()  # another of the program's threads: leave it for the main one
                return
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

    def halt(self) -> ScriptStopped:
        """The exception to raise now; the first one records where the program was."""
        if self.halt_frames is None and self.stop.reason != "ended":
            # Recording a 50,000-frame stack takes a while: the watchdog's push must not
            # interrupt it (it would start over at the next safe point, forever).
            self.engine_busy = True
            try:
                frame = sys._getframe(1)
                self.halt_frames = frames_from_live(self.book, frame)
                self.halt_activity = self.activity
                self.snapshot = snapshot_of_stack(self.book.is_user_code, frame)
                error = sys.exc_info()[1]
                if not self.halt_frames and error is not None and not isinstance(error, ScriptStopped):
                    # Stopped while paused on an error that left the program's code: show it.
                    self.halt_frames = frames_from_traceback(self.book, error.__traceback__)
                    self.snapshot = snapshot_of_error(self.book.is_user_code, error)
            finally:
                self.engine_busy = False
        handled = sys.exc_info()[1]
        if isinstance(handled, ScriptStopped):
            # A bare ``except:`` caught the stop and carried on: raise the same one again.
            # A new exception would chain onto the old (``__context__``), and CPython walks
            # that chain at every raise: unwinding deep recursion would take quadratic time.
            return handled
        return ScriptStopped(self.stop.message())

    def _take_snapshot(self, outcome: BaseException | None, namespace: dict) -> None:
        """The values to show after the run, taken before anything is cleared."""
        if self.halt_frames is not None or isinstance(outcome, ScriptStopped):
            if not self.snapshot and outcome is not None:
                self.snapshot = snapshot_of_error(self.book.is_user_code, outcome)
        elif outcome is None or isinstance(outcome, SystemExit):
            self.snapshot = snapshot_globals(namespace, self.filename)
        else:
            self.snapshot = snapshot_of_error(self.book.is_user_code, outcome)

    @contextmanager
    def doing(self, activity: str) -> Iterator[None]:
        """The script waits in ``activity`` (``input``, ``sleep``, ``wait``, ``paused``)
        meanwhile, so a stop there is explained as what it interrupted."""
        before = self.activity
        self.activity = before or activity  # the outermost says what the program waits for
        try:
            yield
        finally:
            self.activity = before

    # ---- input and output ---------------------------------------------------
    def _emitter(self, stream: str) -> Callable[[str], None]:
        def emit(text: str) -> None:
            if self.closed:
                return
            limit = self.limits.output
            if limit is not None:
                room = limit - self._output_chars
                if room <= 0:
                    return
                if len(text) > room:
                    text = text[:room]
                    self.stop.request("output_limit")
                self._output_chars += len(text)
            if stream == "stdout":
                line_end = text.rfind("\n")
                tail = text[line_end + 1:] if line_end >= 0 else self._stdout_tail + text
                self._stdout_tail = tail[-PROMPT_CHARS:]
            self._on_output(stream, text)
        return emit

    def flush_stdout(self) -> None:
        """Any thread: show what the script has printed so far."""
        self._stdout.hand_over()

    def _writes_alone(self) -> bool:
        """Whether the calling thread is the only one that may be writing to stdout."""
        return not self.threaded and threading.current_thread() is self.script_thread

    def show_flushed(self, stream: Any) -> None:
        """The script flushed ``stream``: if that is its stdout, show the output soon."""
        if stream is self.engine_stdout:
            self._stdout.hand_over_flushed()

    def note(self, text: str) -> None:
        """A line from Sprout itself on the script's stderr."""
        self.engine_stderr.write(_("Sprout note: {text}").format(text=text) + "\n")

    def read_line(self) -> str | None:
        """Ask the host for a line and wait for it (or for a stop).

        ``input(prompt)`` has just written its prompt to stdout: the unfinished last
        line of output is what the learner is being asked.
        """
        self.flush_stdout()
        self.checkpoint()
        with self.doing("input"):
            self._on_input_request(self._stdout_tail)
            while True:
                line = self.input.receive()
                if self.stop.stopped:
                    raise self.halt()
                if line is not PAUSE_WAKE:
                    return line
                self.checkpoint()  # a pause was asked for: take it here, then keep waiting

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
        bound = host.current_run()
        host.bind(None)  # the engine's own waits: a standing stop must not cut them short
        try:
            self.leftovers.extend(self.threads.end(lambda: self.stop.request("ended")))
        finally:
            host.bind(bound)

    # ---- the run itself ----------------------------------------------------
    def execute(self) -> RunResult:
        """Runs on the script thread; returns the outcome, never raises."""
        self.script_thread = threading.current_thread()
        # Threads the script starts inherit "not a daemon" from it, as from Python's main
        # thread; the flag is set after start, so the process never waits for this thread.
        self.script_thread._daemonic = False  # type: ignore[attr-defined]
        host.bind(self)
        ProcessState.enter()
        host.enter(self)
        watchdog = self.watchdog
        try:
            return self._execute(watchdog)
        except BaseException as error:  # noqa: BLE001 - the engine must not die either
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
            return RunResult(status=Status.ERROR.value, error_type=type(error).__name__,
                             message=error.msg, filename=self.filename,
                             frames=(syntax_error_frame(error, self.filename, self.source),))
        except (ValueError, RecursionError, MemoryError, OverflowError) as error:
            return RunResult(status=Status.ERROR.value, error_type="SyntaxError",
                             message=str(error), filename=self.filename)
        module = self.main.prepare(self.file_path)
        namespace = module.__dict__
        sys.modules["__main__"] = module
        from .patches import original
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
        self._take_snapshot(outcome, namespace)
        try:
            self._run_exit_handlers()
            self._end_threads()
            run_hooks_end(self)
            if not self.main.keep and not self.threads.any_alive():
                empty(namespace)  # objects' __del__ runs now, on this thread, as at exit
                gc.collect()
        except BaseException as error:  # noqa: BLE001 - a stop while finalizing
            if not (isinstance(error, ScriptStopped) and self.stop.reason == "ended"):
                outcome = outcome or error
        while True:
            try:
                watchdog.script_left()
                break
            except ScriptStopped:
                continue  # a late push from the watchdog: the outcome is already known
        return self._result(outcome)

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
            return RunResult(status=Status.HALTED.value, reason=self.stop.reason or "user",
                             error_type="KeyboardInterrupt", message=self.stop.message(),
                             frames=self.halt_frames or (), filename=self.filename,
                             activity=self.halt_activity)
        if outcome is None:
            return RunResult(status=Status.FINISHED.value, exit_code=0, filename=self.filename)
        if isinstance(outcome, SystemExit):
            return RunResult(status=Status.FINISHED.value, exit_code=self._exit_code(outcome),
                             filename=self.filename)
        self._call_script_excepthook(outcome)
        frames = frames_from_traceback(self.book, outcome.__traceback__)
        return RunResult(status=Status.ERROR.value, error_type=type(outcome).__name__,
                         message=message_of(outcome), frames=frames, filename=self.filename)

    def _call_script_excepthook(self, error: BaseException) -> None:
        """A script that installed ``sys.excepthook`` gets it called, as in Python."""
        hook = vars(sys).get("excepthook")
        if hook is None or hook is self._host_excepthook:
            return
        try:
            hook(type(error), error, without_engine_frames(error.__traceback__))
        except BaseException:  # noqa: BLE001 - Python ignores a failing hook too
            pass

    def _exit_code(self, exit_request: SystemExit) -> int:
        code = exit_request.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        self.engine_stderr.write(f"{code}\n")
        return 1

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
            host.bind(None)
            self.leftovers.extend(ProcessState.leave())
            self.book.forget()

    def finish(self, result: RunResult, duration: float) -> RunResult:
        self.closed = True
        return replace(result, duration=duration, snapshot=self.snapshot, leftovers=tuple(self.leftovers))

    def internal_failure(self, detail: str) -> RunResult:
        return RunResult(status=Status.ERROR.value, error_type="SproutError",
                         message=_("Sprout itself failed while running this program: {detail}").format(detail=detail),
                         filename=self.filename)

    # ---- tracing -------------------------------------------------------------
    def _tracer(self) -> Callable:
        return tracers(self.book.is_user_code, self._trace)[0]  # type: ignore[arg-type]


