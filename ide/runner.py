"""Runs scripts through the engine on a ``QThread`` and reports with Qt signals.

The engine's callbacks run on the script's own thread. Output has one batching policy,
the engine's: it hands output over ~30 times a second, at a flush, before ``input()``
or a wait, before stderr, and at the end. Each hand-over is appended to a locked
buffer; the first one since the window last took the buffer asks the window (a queued
signal) to take it, so batches that arrive while the window is busy are shown
together, as one ``output`` list, in order, all of it. The window takes the buffer at
once unless it took it less than ``SHOW_GAP_MS`` ago (stderr is handed over at every
write: a loop printing to it would otherwise redraw the console thousands of times a
second and keep the interpreter lock from the script). A script that prints faster
than the window can take waits (as ``print`` waits for a slow terminal) once
``PENDING_LIMIT`` characters are waiting; a stop ends that wait. Stop calls
``vm.interrupt()`` directly from the UI thread; it never goes through the busy
worker's event loop.

The runner owns the run's one ``RunInfo`` (its ``RunState``, from ``ide.run_state``'s
diagram, and what goes with it) and announces each change with ``state_changed``.
Signals named ``script_…`` are emitted on the script's thread and arrive queued on the
UI thread, where the runner checks they are from the current run and re-emits them
under the name without the prefix.

With Run > Run Programs in a Separate Process ticked, a program's run (not a debug run,
not a Shell entry) goes to the engine's ``EngineProxy`` (``vm.separate``) on the same
thread, with the same callbacks: the program runs in a worker process, and Stop always
ends it.
"""
from __future__ import annotations

import threading
from dataclasses import replace
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QThread, QTimer, Signal, Slot

from .engine_thread import EngineThread, live_runners
from .i18n import tr
from .plots_feed import PlotsFeed
from .run_state import RunInfo, RunState, check_transition, ended_state

if TYPE_CHECKING:
    from vm import VM, Debugger, Limits, RunResult
    from vm.separate import EngineProxy

STOP_STALL_MS = 2000
SEPARATE_STALL_MS = 5000   # a separate process is ended 2 s after Stop: Abandon only if that failed
SHOW_GAP_MS = 25           # the window shows output at most this often (the engine's beat: 33 ms)
PENDING_LIMIT = 4_000_000  # characters not yet taken by the window before the script waits
PENDING_WAIT = 0.05        # seconds between looks at a stop while the script waits
SHUTDOWN_WAIT_MS = 2000
class Runner(QObject):
    """Start, stop, feed and abandon runs; every outcome arrives as ``finished``."""

    # On the UI thread:
    started = Signal(object)             # the RunInfo of the run that starts
    state_changed = Signal(object)       # the new RunInfo
    output = Signal(object)              # a list of (stream, text), in the order printed
    input_requested = Signal(str)        # the prompt
    finished = Signal(object)            # the RunResult
    stop_stalled = Signal()
    paused = Signal(object)              # a vm.debugger.Pause
    resumed = Signal()
    drawing = Signal(object)             # a batch of turtle's drawing commands (vm.drawing)
    # Emitted on the script thread, each with the generation of the engine that sent it:
    script_input_requested = Signal(int, str)
    script_paused = Signal(int, object)
    script_resumed = Signal(int)
    script_drew = Signal(int, object)
    script_output_waiting = Signal()     # take the output buffer
    _run_requested = Signal(str, str, str, bool, bool)

    def __init__(self, limits: Limits | None = None, parent: QObject | None = None,
                 pause_on_uncaught: bool = True, separate_processes: bool = False) -> None:
        super().__init__(parent)
        self.limits = limits
        self._info = RunInfo(pause_on_uncaught=pause_on_uncaught, separate_processes=separate_processes)
        self._output_lock = threading.Condition()
        self._pending: list[tuple[str, str]] = []
        self._pending_chars = 0
        self._output_asked = False    # a queued ``script_output_waiting`` not taken yet
        self._generation = 0
        self._abandoned: list[EngineThread] = []
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self.flush_output)
        self._since_shown = QElapsedTimer()
        self._since_shown.start()
        self.script_output_waiting.connect(self._on_output_waiting)
        self._stall_timer = QTimer(self)
        self._stall_timer.setSingleShot(True)
        self._stall_timer.setInterval(STOP_STALL_MS)
        self._stall_timer.timeout.connect(self._on_stop_stalled)
        self.script_input_requested.connect(self._on_input_requested)
        self.script_drew.connect(self._on_drew)
        self.script_paused.connect(self._on_paused)
        self.script_resumed.connect(self._on_resumed)
        self.plots_feed = PlotsFeed(lambda: self._generation, self)  # matplotlib's figures (vm.plots)
        self._current: EngineThread | None = None  # made on first need, or by ``prepare``
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        live_runners.add(self)

    # ---- the run's state -----------------------------------------------------------
    @property
    def info(self) -> RunInfo:
        return self._info

    @property
    def state(self) -> RunState:
        return self._info.state

    @property
    def running(self) -> bool:
        return self._info.state.active

    @property
    def debug_paused(self) -> bool:
        return self._info.state is RunState.PAUSED

    def _update(self, **changes: object) -> None:
        """The one way the record changes: checked against the diagram, announced if it did."""
        old = self._info
        if all(getattr(old, name) is value for name, value in changes.items()):
            return
        new = replace(old, **changes)  # type: ignore[arg-type]
        if new.state is not old.state:
            check_transition(old.state, new.state)
        self._info = new
        self.state_changed.emit(new)

    @property
    def _engine(self) -> EngineThread:
        if self._current is None:
            self._current = self._new_engine()
        return self._current

    @_engine.setter
    def _engine(self, engine: EngineThread) -> None:
        self._current = engine

    def prepare(self) -> None:
        """Load the engine and start its thread now, so the first Run does not wait for them.

        The window calls this once it is shown: loading the engine takes ~0.1 s that the
        first window need not wait for."""
        self._engine  # noqa: B018 - made on first access

    @property
    def vm(self) -> VM:
        """The in-process engine: debug runs, Shell entries, drawings and plots."""
        return self._engine.vm

    @property
    def _running_engine(self) -> VM | EngineProxy:
        """The engine the current (or last) run went to: Stop and input go there."""
        proxy = self._engine.proxy
        return proxy if self._info.in_separate_process and proxy is not None else self._engine.vm

    @property
    def activity(self) -> str | None:
        """What the running program waits in now (``input``, ``sleep``...), if anything."""
        return self._running_engine.activity

    def _new_engine(self) -> EngineThread:
        # Under the output lock: the script thread compares generations under it too, so
        # output of an abandoned run is either in before the abandon or never.
        with self._output_lock:
            self._generation += 1
            generation = self._generation
        engine = EngineThread(self, generation, self.limits)
        engine.debugger.pause_on_uncaught = self._info.pause_on_uncaught
        if self._info.separate_processes:
            engine.use_separate_processes(True)
        self._run_requested.connect(engine.worker.run)
        engine.worker.finished.connect(self._on_finished)
        return engine

    # ---- commands from the UI --------------------------------------------------
    def start(self, source: str, filename: str, debug: bool = False,
              breakpoints: set[int] | frozenset[int] = frozenset(), folder: str = "",
              shell: bool = False) -> bool:
        """Run ``source``; with ``debug`` the program pauses at breakpoints and steps.

        ``folder`` is the saved file's folder, where its own modules are imported from.
        With ``shell`` it is one Shell entry, run in the last program's variables."""
        if self.running:
            return False
        # The debugger and the Shell reach only Sprout's own process for now.
        separate = self._info.separate_processes and not debug and not shell and self._engine.proxy is not None
        debugger = self._engine.debugger
        debugger.pause_on_uncaught = self._info.pause_on_uncaught  # an abandoned engine's replacement too
        if debug:
            debugger.set_breakpoints(filename, breakpoints)
            debugger.attach()
        else:
            debugger.detach()
        engine: VM | EngineProxy = self.vm
        if separate and self._engine.proxy is not None:
            engine = self._engine.proxy
            self.vm.reset_namespace()  # the Shell cannot see the worker's variables: fresh ones
        engine.expect_run()  # a Stop pressed before the engine's thread picks this up still counts
        self._update(state=RunState.RUNNING, in_shell=shell, debugging=debug, awaiting_input=False,
                     pause=None, result=None, in_separate_process=separate)
        self.started.emit(self._info)
        self._run_requested.emit(source, filename, folder, shell, separate)
        return True

    def stop(self) -> None:
        """Ask the engine to halt at its next safe point (thread-safe, immediate)."""
        if not self.running:
            return
        self._running_engine.interrupt()
        if not self.state.stopping:
            self._update(state=RunState.STOPPING)
            self._stall_timer.start(SEPARATE_STALL_MS if self._info.in_separate_process else STOP_STALL_MS)

    def set_separate_processes(self, enabled: bool) -> None:
        """Programs run from now on in a worker process of their own (or in Sprout's)."""
        self._engine.use_separate_processes(enabled)
        self._update(separate_processes=enabled)

    # ---- debugging (any of these is ignored unless a debug run is paused) ------------
    @property
    def debugger(self) -> Debugger:
        return self._engine.debugger

    def continue_(self) -> None:
        if self.state is RunState.PAUSED:
            self.debugger.continue_()

    def step_over(self) -> None:
        if self.state is RunState.PAUSED:
            self.debugger.step_over()

    def step_into(self) -> None:
        if self.state is RunState.PAUSED:
            self.debugger.step_into()

    def step_out(self) -> None:
        if self.state is RunState.PAUSED:
            self.debugger.step_out()

    def pause(self) -> None:
        """Pause any run (plain or debug) at its next safe point (not yet in a separate process)."""
        if self.state in (RunState.RUNNING, RunState.WAITING_FOR_INPUT) and not self._info.in_separate_process:
            self.debugger.pause()

    def set_pause_on_uncaught(self, enabled: bool) -> None:
        """The one place the choice is made: every run's debugger gets it from here."""
        if self._current is not None:  # an engine made later gets it when it is made
            self._current.debugger.pause_on_uncaught = enabled
        self._update(pause_on_uncaught=enabled)

    def set_breakpoints(self, filename: str, lines: set[int]) -> None:
        self.debugger.set_breakpoints(filename, lines)

    @Slot(int, object)
    def _on_paused(self, generation: int, pause: object) -> None:
        if generation == self._generation and self.state in (RunState.RUNNING, RunState.WAITING_FOR_INPUT):
            self.flush_output()
            # From a pause on, a plain run steps like a debug run.
            self._update(state=RunState.PAUSED, pause=pause, debugging=True)
            self.paused.emit(pause)

    @Slot(int)
    def _on_resumed(self, generation: int) -> None:
        if generation == self._generation and self.state is RunState.PAUSED:
            self._update(state=RunState.WAITING_FOR_INPUT if self._info.awaiting_input else RunState.RUNNING,
                         pause=None)
            self.resumed.emit()

    def reset_namespace(self) -> None:
        """The Shell starts again from fresh variables."""
        if not self.running:
            self.vm.reset_namespace()

    def shell_names(self) -> list[str]:
        """Names the Shell can complete: the kept variables (read while no run is going)."""
        return [] if self.running else self.vm.kept_names()

    def send_input(self, text: str | None) -> None:
        self._running_engine.send_input(text)
        waiting = self.state is RunState.WAITING_FOR_INPUT
        self._update(awaiting_input=False, state=RunState.RUNNING if waiting else self.state)

    def abandon(self) -> None:
        """Leave a run that will not stop to finish alone; a fresh engine is ready now."""
        if not self.running:
            return
        proxy = self._engine.proxy
        if self._info.in_separate_process and proxy is not None:
            proxy.abandon()  # its process is ended; the result follows as for any run
            return
        from vm import RunResult
        old = self._engine
        self._run_requested.disconnect(old.worker.run)
        old.worker.finished.disconnect(self._on_finished)
        old.worker.finished.connect(old.thread.quit)
        if old.proxy is not None:
            old.proxy.close()
        self._abandoned.append(old)
        self._engine = self._new_engine()
        self._finish(RunResult.abandoned(tr("the run was abandoned; it may still finish in the background")))

    def shutdown(self) -> bool:
        """Stop everything for exit; False if some run is stuck and will not end."""
        if self.running:
            self._running_engine.interrupt()
        clean = True
        for engine in [*filter(None, [self._current]), *self._abandoned]:
            if engine.proxy is not None:
                engine.proxy.close()  # its spare, and a run's worker process
            try:
                engine.thread.quit()
                clean = engine.thread.wait(SHUTDOWN_WAIT_MS) and clean
            except RuntimeError:
                pass  # Qt already deleted it
        return clean

    # ---- from the engine -----------------------------------------------------------
    def queue_output(self, generation: int, stream: str, text: str) -> None:
        """Called on the script's thread: buffer only, never touch Qt objects here."""
        with self._output_lock:
            if generation != self._generation:
                return  # an abandoned run: its output is discarded
            self._pending.append((stream, text))
            self._pending_chars += len(text)
            ask, self._output_asked = not self._output_asked, True
        if ask:
            self.script_output_waiting.emit()
        with self._output_lock:
            while (self._pending_chars > PENDING_LIMIT and generation == self._generation
                   and not self._running_engine.stop_requested and QThread.currentThread() != self.thread()):
                self._output_lock.wait(PENDING_WAIT)

    @Slot()
    def _on_output_waiting(self) -> None:
        if not self._show_timer.isActive():
            self._show_timer.start(max(0, SHOW_GAP_MS - self._since_shown.elapsed()))

    @Slot()
    def flush_output(self) -> None:
        """Show everything the script printed and the window has not shown yet."""
        self._show_timer.stop()
        self._since_shown.start()
        with self._output_lock:
            chunks, self._pending = self._pending, []
            self._pending_chars = 0
            self._output_asked = False
            self._output_lock.notify_all()
        merged = [(stream, "".join(text for _, text in group))
                  for stream, group in groupby(chunks, key=itemgetter(0))]
        if merged:
            self.output.emit(merged)

    @Slot(int, object)
    def _on_drew(self, generation: int, commands: list[tuple]) -> None:
        if generation == self._generation:
            self.drawing.emit(commands)

    def send_drawing_event(self, event: tuple) -> None:
        """A key, click or close in the Drawing pane, for the program's turtle handlers."""
        self.vm.send_drawing_event(event)

    @Slot(int, str)
    def _on_input_requested(self, generation: int, prompt: str) -> None:
        if generation == self._generation and self.running:
            self.flush_output()
            running = self.state is RunState.RUNNING
            self._update(awaiting_input=True, state=RunState.WAITING_FOR_INPUT if running else self.state)
            self.input_requested.emit(prompt)

    @Slot(object)
    def _on_finished(self, result: RunResult) -> None:
        self._finish(result)

    def _finish(self, result: RunResult) -> None:
        self.flush_output()
        self._stall_timer.stop()
        self._update(state=ended_state(result.status), debugging=False, pause=None, result=result)
        self.finished.emit(result)

    def _on_stop_stalled(self) -> None:
        if self.state is RunState.STOPPING:
            self._update(state=RunState.STALLED)
            self.stop_stalled.emit()
