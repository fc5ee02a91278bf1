"""One execution of one script: its globals, streams, stop signal and outcome."""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from types import ModuleType
from typing import Any

from .compiler import ATTENTION, compile_script
from .guards import Guards
from .interrupt import ScriptStopped, StopSignal
from .limits import Limits
from .local_modules import LocalModules
from .memory import resident_bytes
from .results import Frame, RunResult, Status
from .runtime import build_builtins
from .streams import ErrorStream, InputChannel, Routers, ScriptStdin, buffered_text_stream
from .tracebacks import SourceBook, format_result, frames_from_live, frames_from_traceback, syntax_error_frame

HEARTBEAT_SECONDS = 1 / 30
MAX_RECURSION = 50_000          # what the script thread's 256 MB stack holds with room to spare
THREAD_GRACE_SECONDS = 1.0


class Run:
    """State shared by the script's threads, the engine and the stopping thread."""

    def __init__(self, source: str, filename: str, limits: Limits,
                 on_output: Callable[[str, str], None], on_input_request: Callable[[str], None],
                 trace: Callable[[str, Any, Any], None] | None, folder: str | None = None) -> None:
        self.source, self.filename, self.limits = source, filename, limits
        self._on_output, self._on_input_request, self._trace = on_output, on_input_request, trace
        self.book = SourceBook()
        self.input = InputChannel()
        self.closed = False
        self.halt_frames: tuple[Frame, ...] | None = None
        self.threads: list[threading.Thread] = []
        self._output_chars = 0
        self._serviced = 0
        self._done = threading.Event()
        self._recursion_limit_before = sys.getrecursionlimit()
        self._recursion_cap = min(MAX_RECURSION, limits.recursion or MAX_RECURSION)
        self.engine_stdout = self.stdout = buffered_text_stream(self._emitter("stdout"))
        self.engine_stderr = self.stderr = ErrorStream(self._emitter("stderr"), self.flush_stdout)
        self.engine_stdin = self.stdin = ScriptStdin(lambda: self.read_line(""))
        Routers.install()
        self.guards = Guards(self.checkpoint)
        self.builtins = build_builtins(self)
        self.stop = StopSignal(self.builtins)
        self.stop.add_waker(self.input.wake)
        self.local_modules = LocalModules(self, folder)

    # ---- safe points -------------------------------------------------------
    def checkpoint(self) -> None:
        """The instrumented check, for engine code that loops on the script's behalf."""
        if self.builtins[ATTENTION]:
            self.safe_point()

    def safe_point(self) -> None:
        """Called by the script when the attention flag is up: stop, or flush output."""
        if self.stop.take_attention():
            raise self.halt()
        self._serviced += 1
        self.flush_stdout()

    def halt(self) -> ScriptStopped:
        """The exception to raise now; the first one records where the program was."""
        if self.halt_frames is None:
            self.halt_frames = frames_from_live(self.book, sys._getframe(1))
        return ScriptStopped(self.stop.message())

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
            self._on_output(stream, text)
        return emit

    def redirect_stdout(self, stream: Any) -> None:
        """``sys.stdout = stream`` in the script; ``print`` follows it, as in Python."""
        self.stdout = stream
        self.builtins["print"] = partial(print, file=stream)

    def flush_stdout(self) -> None:
        try:
            self.engine_stdout.flush()
        except ValueError:
            pass  # the script closed its stdout

    def read_line(self, prompt: str) -> str | None:
        """Show ``prompt``, ask the host for a line and wait for it (or for a stop)."""
        if prompt:
            self.engine_stdout.write(prompt)
        self.flush_stdout()
        self.checkpoint()
        self._on_input_request(prompt)
        line = self.input.receive()
        if self.stop.stopped:
            raise self.halt()
        return line

    def set_recursion_limit(self, limit: int) -> None:
        """``sys.setrecursionlimit`` capped to what the script thread's stack can hold."""
        limit = int(limit)
        if limit > self._recursion_cap:
            self.engine_stderr.write(
                f"Sprout note: the recursion limit is capped at {self._recursion_cap:,} "
                f"(asked for {limit:,}) so deep recursion cannot crash the IDE.\n")
            limit = self._recursion_cap
        sys.setrecursionlimit(limit)

    # ---- threads started by the script ---------------------------------------
    def adopt_thread(self, thread: threading.Thread) -> None:
        if self.closed:
            raise RuntimeError("this program has ended; it cannot start new threads")
        self.threads.append(thread)

    def run_thread_body(self, body: Callable[[], None]) -> None:
        Routers.attach(self)
        try:
            body()
        except ScriptStopped:
            pass
        except SystemExit:
            pass
        except BaseException as error:  # noqa: BLE001 - reported like Python does
            self.report_thread_error(error)
        finally:
            Routers.detach()

    def report_thread_error(self, error: BaseException) -> None:
        frames = frames_from_traceback(self.book, error.__traceback__)
        text = format_result(RunResult(status="error", error_type=type(error).__name__,
                                       message=str(error), frames=frames))
        self.engine_stderr.write(f"Exception in thread {threading.current_thread().name}:\n{text}")

    def _wait_for_threads(self) -> None:
        """Like Python at exit: wait for non-daemon threads, stop-aware."""
        self.flush_stdout()
        for thread in list(self.threads):
            while thread.is_alive() and not thread.daemon:
                self.checkpoint()
                threading.Thread.join(thread, 0.05)
        self.checkpoint()  # a stop that ended the last thread still counts

    def _end_threads(self) -> None:
        """No thread outlives its run: stop the rest and give them a moment to go."""
        alive = [thread for thread in self.threads if thread.is_alive()]
        if not alive:
            return
        self.stop.request("ended")
        deadline = time.monotonic() + THREAD_GRACE_SECONDS
        for thread in alive:
            threading.Thread.join(thread, max(0.0, deadline - time.monotonic()))

    # ---- the run itself ----------------------------------------------------
    def execute(self) -> RunResult:
        """Runs on the script thread; returns the outcome, never raises."""
        Routers.attach(self)
        try:
            return self._execute()
        except BaseException as error:  # noqa: BLE001 - the engine must not die either
            return self.internal_failure(f"{type(error).__name__}: {error}")
        finally:
            Routers.detach()

    def _execute(self) -> RunResult:
        self.book.add(self.filename, self.source)
        try:
            code = compile_script(self.source, self.filename)
        except SyntaxError as error:
            return RunResult(status=Status.ERROR.value, error_type=type(error).__name__,
                             message=error.msg, filename=self.filename,
                             frames=(syntax_error_frame(error, self.filename, self.source),))
        except (ValueError, RecursionError, MemoryError, OverflowError) as error:
            return RunResult(status=Status.ERROR.value, error_type="SyntaxError",
                             message=str(error), filename=self.filename)
        module = ModuleType("__main__")
        namespace = module.__dict__
        namespace.update(__builtins__=self.builtins, __file__=self.filename)
        self.stop.watch(namespace)
        main_before = sys.modules.get("__main__")
        sys.modules["__main__"] = module
        if self.limits.recursion:
            sys.setrecursionlimit(self.limits.recursion)
        watchdog = threading.Thread(target=self._watch, name="sprout-watchdog", daemon=True)
        watchdog.start()
        outcome: BaseException | None = None
        try:
            if self._trace is not None:
                sys.settrace(self._tracer())
            try:
                exec(code, namespace)
            finally:
                sys.settrace(None)
            self._wait_for_threads()
        except BaseException as error:  # noqa: BLE001 - every outcome is reported
            outcome = error
        finally:
            if sys.modules.get("__main__") is module and main_before is not None:
                sys.modules["__main__"] = main_before
        result = self._result(outcome)
        self._cleanup(namespace, watchdog)
        return result

    def _result(self, outcome: BaseException | None) -> RunResult:
        base = {"filename": self.filename}
        if isinstance(outcome, ScriptStopped) or self.halt_frames is not None:
            if self.halt_frames is None and outcome is not None:
                self.halt_frames = frames_from_traceback(self.book, outcome.__traceback__)
            return RunResult(status=Status.HALTED.value, reason=self.stop.reason or "user",
                             error_type="KeyboardInterrupt", message=self.stop.message(),
                             frames=self.halt_frames or (), **base)
        if outcome is None:
            return RunResult(status=Status.FINISHED.value, exit_code=0, **base)
        if isinstance(outcome, SystemExit):
            return RunResult(status=Status.FINISHED.value, exit_code=self._exit_code(outcome), **base)
        frames = frames_from_traceback(self.book, outcome.__traceback__)
        return RunResult(status=Status.ERROR.value, error_type=type(outcome).__name__,
                         message=str(outcome), frames=frames, **base)

    def _exit_code(self, exit_request: SystemExit) -> int:
        code = exit_request.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        self.engine_stderr.write(f"{code}\n")
        return 1

    def _cleanup(self, namespace: dict, watchdog: threading.Thread) -> None:
        self.flush_stdout()
        self._end_threads()
        self.closed = True
        self._done.set()
        watchdog.join()
        sys.setrecursionlimit(self._recursion_limit_before)
        self.book.forget()
        if not any(thread.is_alive() for thread in self.threads):
            namespace.clear()  # frees the script's data now rather than at the next GC

    def finish(self, result: RunResult, duration: float) -> RunResult:
        self.closed = True
        self._done.set()
        return replace(result, duration=duration)

    def internal_failure(self, detail: str) -> RunResult:
        return RunResult(status=Status.ERROR.value, error_type="SproutError",
                         message=f"Sprout itself failed while running this program: {detail}",
                         filename=self.filename)

    # ---- watchdog and tracing ------------------------------------------------
    def _watch(self) -> None:
        """Asks for output flushes and enforces the time and memory limits."""
        started = time.monotonic()
        memory_base = resident_bytes() if self.limits.memory else 0
        serviced = -1
        while not self._done.wait(HEARTBEAT_SECONDS):
            if self.stop.stopped:
                continue
            if serviced == self._serviced:
                # No safe point since the last beat, yet this thread got the GIL: the
                # script waits in a blocking call, so show what it printed before it.
                self.flush_stdout()
            serviced = self._serviced
            self.stop.ask_attention()
            if self.limits.time is not None and time.monotonic() - started > self.limits.time:
                self.stop.request("time_limit")
            if self.limits.memory is not None and resident_bytes() - memory_base > self.limits.memory:
                self.stop.request("memory_limit")

    def _tracer(self) -> Callable:
        callback = self._trace
        is_user = self.book.is_user_code

        def local(frame: Any, event: str, arg: Any) -> Callable | None:
            callback(event, frame, arg)
            return local

        def global_trace(frame: Any, event: str, arg: Any) -> Callable | None:
            if not is_user(frame.f_code):
                return None
            callback(event, frame, arg)
            return local
        return global_trace
