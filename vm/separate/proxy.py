"""``EngineProxy``: the ``VM`` API, with each run in a fresh worker process.

``run()`` blocks the calling thread as ``VM.run`` does; the callbacks (output, input
requests) are called on that thread as the worker's reports arrive. ``interrupt()``
works from any thread and always ends the run: the engine's flag first (the traceback
shows the line it was on); after ``SIGINT_AFTER`` seconds SIGINT to the worker; after
``KILL_AFTER`` seconds in all the worker and everything it started are killed, and the
result says the program was stuck inside a call, with the last line the worker
reported. A worker that dies on its own (a crash in C, killed from outside) ends only
its run. The next worker is started ahead of time, so a run starts without waiting
for Python and the engine to load.
"""
from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from vm import Frame, HaltReason, Limits, RunResult, Status

from . import protocol
from .processes import WORKER_COMMAND, WorkerProcess

SIGINT_AFTER = 1.0   # seconds after a stop before the worker gets SIGINT
KILL_AFTER = 2.0     # seconds after a stop before the worker's processes are killed
LIMIT_GRACE = 1.0    # past a time limit, seconds the engine gets to stop the run itself
CRASHED = "ProcessCrashed"  # the error type of a run whose process ended on its own

OutputCallback = Callable[[str, str], None]
InputRequestCallback = Callable[[str], None]
NoticeCallback = Callable[[str], None]

NOTICES = {
    "drawing": "Sprout note: turtle drawings are not shown yet for programs run in a separate "
               "process; the program runs without showing them (Stop ends one that waits for its "
               "window to be closed).",
    "plots": "Sprout note: matplotlib's figures are not shown yet for programs run in a separate "
             "process; the program runs without showing them.",
}


def _terminal_output(stream: str, text: str) -> None:
    target = sys.__stderr__ if stream == "stderr" else sys.__stdout__
    if target is not None:
        target.write(text)
        target.flush()


@dataclass
class _Run:
    """One run in one worker, as the proxy follows it."""

    worker: WorkerProcess
    source: str
    filename: str
    ended: threading.Event = field(default_factory=threading.Event)
    stop_reason: HaltReason | None = None        # the first stop asked for
    killed: bool = False                  # ended from outside after a stop
    line: int | None = None               # the last line the worker reported
    function: str = "<module>"
    activity: str | None = None


class EngineProxy:
    """Runs scripts in worker processes; the same calls as ``vm.VM`` for plain runs."""

    def __init__(self, on_output: OutputCallback | None = None,
                 on_input_request: InputRequestCallback | None = None,
                 limits: Limits | None = None, on_notice: NoticeCallback | None = None,
                 command: tuple[str, ...] = WORKER_COMMAND, spare: bool = True) -> None:
        self.on_output = on_output or _terminal_output
        self.on_input_request = on_input_request or self._read_terminal_line
        self.on_notice = on_notice or (lambda kind: self.on_output("stderr", NOTICES.get(kind, kind) + "\n"))
        self.limits = limits or Limits()
        self.command = command
        self.keep_spare = spare
        self._lock = threading.Lock()
        self._run: _Run | None = None
        self._spare: WorkerProcess | None = None
        self._expecting = False
        self._early_stop: HaltReason | None = None
        self._starting: tuple[WorkerProcess, threading.Event] | None = None  # a run's worker, until ready
        self._closed = False

    # ---- the contract ------------------------------------------------------------
    def run(self, source: str, filename: str = "main.py", limits: Limits | None = None,
            folder: str | None = None, argv: list[str] | None = None,
            keep_namespace: bool = False, working_folder: str | None = None) -> RunResult:
        """As ``VM.run``, in a fresh worker; never raises for anything the program does.
        ``keep_namespace`` is passed on, but the worker's variables end with its process."""
        started = time.perf_counter()
        merged = self.limits.merged(limits)
        try:
            worker = self._take_worker()
        except OSError as error:
            return self._refused(f"it could not be started ({error})", filename, time.perf_counter() - started)
        try:
            ready = threading.Event()
            with self._lock:
                self._starting = worker, ready
                stopped_early = self._early_stop is not None
            if stopped_early:
                self._watch_start(worker, ready)
            problem = worker.greet()
            ready.set()
            with self._lock:
                self._starting = None
                stopped = self._early_stop if problem is not None else None
                if problem is not None:
                    self._expecting, self._early_stop = False, None
            if problem is not None:
                worker.kill()
                if stopped is not None:  # Stop came while the worker was still starting
                    return RunResult(status=Status.HALTED, reason=stopped, error_type="KeyboardInterrupt",
                                     message="the program was stopped before it started", filename=filename,
                                     duration=time.perf_counter() - started)
                return self._refused(problem, filename, time.perf_counter() - started)
            run = _Run(worker, source, filename)
            with self._lock:
                self._run = run
                early, self._early_stop, self._expecting = self._early_stop, None, False
                worker.send(protocol.run_request(source, filename, folder, argv, merged, keep_namespace,
                                                 working_folder or _current_folder()))
            if early is not None:
                self.interrupt(early)
            if merged.time is not None:
                self._watch_time(run, merged.time)
            return self._follow(run)
        finally:
            with self._lock:
                if self._run is not None and self._run.worker is worker:
                    self._run.ended.set()
                    self._run = None
            worker.end()
            self.prepare()

    def expect_run(self) -> None:
        """A run has been asked for on another thread: a Stop from now on counts for it."""
        with self._lock:
            self._expecting, self._early_stop = True, None

    def interrupt(self, reason: HaltReason = HaltReason.USER) -> None:
        """Any thread, idempotent: stop the run, escalating until its process is gone."""
        with self._lock:
            run = self._run
            if run is None:
                first_early = False
                if self._expecting:
                    first_early = self._early_stop is None
                    self._early_stop = self._early_stop or reason
                starting = self._starting
                if self._expecting and first_early and starting is not None:
                    self._watch_start(*starting)
                return
            first = run.stop_reason is None
            if first:
                run.stop_reason = reason
            run.worker.send(protocol.stop(reason))
        if first:
            threading.Thread(target=self._escalate, args=(run,), name="sprout-stop-escalation",
                             daemon=True).start()

    def send_input(self, text: str | None) -> None:
        """Answer a pending (or the next) ``input()``; ``None`` means end of input."""
        with self._lock:
            run = self._run
        if run is not None:
            run.worker.send(protocol.input_reply(None if text is None else text.rstrip("\r\n")))

    @property
    def stop_requested(self) -> bool:
        with self._lock:
            return self._run is not None and self._run.stop_reason is not None

    @property
    def running(self) -> bool:
        with self._lock:
            return self._run is not None

    @property
    def activity(self) -> str | None:
        """What the program waits in now (``input``, ``sleep``...), as the worker last said."""
        with self._lock:
            return None if self._run is None else self._run.activity

    @property
    def worker_pid(self) -> int | None:
        """The running worker's process id (None between runs)."""
        with self._lock:
            return None if self._run is None else self._run.worker.pid

    def abandon(self) -> None:
        """End the running worker now, without waiting for the flag (Abandon in the IDE)."""
        with self._lock:
            run = self._run
            if run is None:
                return
            run.stop_reason = run.stop_reason or HaltReason.USER
            run.killed = True
        run.worker.kill()

    def prepare(self) -> None:
        """Start the next run's worker now, so that run starts without waiting for it."""
        with self._lock:
            if self._closed or not self.keep_spare or (self._spare is not None and self._spare.alive):
                return
            self._spare = WorkerProcess(self.command)

    def close(self) -> None:
        """End the spare and any run's worker (the window closes, the mode is turned off)."""
        with self._lock:
            self._closed = True
            spare, self._spare = self._spare, None
            run = self._run
        if spare is not None:
            spare.kill()
            spare.end(0)
        if run is not None:
            run.worker.kill()

    # ---- a run -------------------------------------------------------------------
    def _take_worker(self) -> WorkerProcess:
        with self._lock:
            spare, self._spare = self._spare, None
            self._closed = False
        if spare is not None and spare.alive:
            return spare
        if spare is not None:
            spare.end(0)
        return WorkerProcess(self.command)

    def _follow(self, run: _Run) -> RunResult:
        """Hand the worker's reports on until its result, or until it is gone."""
        while True:
            try:
                message = run.worker.receive()
            except (OSError, protocol.ProtocolError):
                message = None
            if message is None:
                break
            kind = message["type"]
            if kind == "output":
                self.on_output(message["stream"], message["text"])
            elif kind == "input_request":
                self.on_input_request(message["prompt"])
            elif kind == "where":
                with self._lock:
                    run.line, run.function, run.activity = message["line"], message["function"], message["activity"]
            elif kind == "notice":
                self.on_notice(message["kind"])
            elif kind == "result":
                result = protocol.result_from_data(message["result"])
                run.ended.set()
                return result
        run.ended.set()
        status = run.worker.end(0)
        return self._ended_outside(run, status)

    def _escalate(self, run: _Run) -> None:
        """The flag has been raised; if the run has not ended, SIGINT, then kill."""
        if run.ended.wait(SIGINT_AFTER):
            return
        run.worker.interrupt()
        if run.ended.wait(KILL_AFTER - SIGINT_AFTER):
            return
        run.killed = True
        run.worker.kill()

    @staticmethod
    def _watch_start(worker: WorkerProcess, ready: threading.Event) -> None:
        """A stop came while the run's worker was starting: kill it if it is not ready soon."""
        def end_if_starting() -> None:
            if not ready.wait(KILL_AFTER):
                worker.kill()
        threading.Thread(target=end_if_starting, name="sprout-stop-escalation", daemon=True).start()

    def _watch_time(self, run: _Run, seconds: float) -> None:
        """The engine stops a run at its time limit; one stuck in C is stopped from here."""
        def watch() -> None:
            if not run.ended.wait(seconds + LIMIT_GRACE):
                self.interrupt(HaltReason.TIME_LIMIT)
        threading.Thread(target=watch, name="sprout-time-limit", daemon=True).start()

    # ---- results made here ---------------------------------------------------------
    def _ended_outside(self, run: _Run, status: int) -> RunResult:
        """The worker went without a result: ended by a stop, or on its own."""
        frames = self._last_frame(run)
        where = (f" (last seen on line {run.line})" if run.line is not None
                 else " (where it was is not known: it got stuck before Sprout could look)")
        if run.killed or (run.stop_reason is not None and status == -signal.SIGINT):
            reason = run.stop_reason or HaltReason.USER
            halted = {HaltReason.TIME_LIMIT: "stopped: the time limit was reached"}.get(reason, "the program was stopped")
            return RunResult(status=Status.HALTED, reason=reason, error_type="KeyboardInterrupt",
                             message=f"{halted}: it was stuck inside a call that does not stop, so Sprout "
                                     f"ended its process{where}",
                             frames=frames, filename=run.filename, activity=run.activity)
        return RunResult(status=Status.ERROR, error_type=CRASHED,
                         message=f"the program's process {describe_exit(status)}{where}",
                         frames=frames, filename=run.filename)

    def _last_frame(self, run: _Run) -> tuple[Frame, ...]:
        if run.line is None:
            return ()
        lines = run.source.splitlines()
        text = lines[run.line - 1] if 0 < run.line <= len(lines) else ""
        column = len(text) - len(text.lstrip()) + 1
        return (Frame(run.filename, run.line, column, run.function, text.rstrip(),
                      end_line=run.line, end_column=len(text.rstrip()) + 1),)

    def _refused(self, problem: str, filename: str, duration: float) -> RunResult:
        return RunResult(status=Status.ERROR, error_type=CRASHED, duration=duration, filename=filename,
                         message=f"Sprout could not use a separate process for the program: {problem}")

    def _read_terminal_line(self, prompt: str) -> None:
        def read() -> None:
            stream = sys.__stdin__
            line = stream.readline() if stream is not None else ""
            self.send_input(line if line else None)
        threading.Thread(target=read, name="sprout-stdin", daemon=True).start()


def describe_exit(status: int) -> str:
    """How a process ended, in words: ``killed by signal SIGSEGV (Segmentation fault)``."""
    if status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        meaning = signal.strsignal(-status) or ""
        return f"ended unexpectedly: it was killed by {name}" + (f" ({meaning})" if meaning else "")
    return f"ended unexpectedly with exit code {status} before the program finished"


def _current_folder() -> str | None:
    import os
    try:
        return os.getcwd()
    except OSError:
        return None
