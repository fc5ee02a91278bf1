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
"""
from __future__ import annotations

import atexit
import sys
import threading
import weakref
from dataclasses import replace
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QThread, QTimer, Signal, Slot

from .i18n import tr
from .plots_feed import PlotsFeed
from .run_state import RunInfo, RunState, check_transition, ended_state

if TYPE_CHECKING:
    from vm import VM, Debugger, Limits, RunResult

STOP_STALL_MS = 2000
SHOW_GAP_MS = 25           # the window shows output at most this often (the engine's beat: 33 ms)
PENDING_LIMIT = 4_000_000  # characters not yet taken by the window before the script waits
PENDING_WAIT = 0.05        # seconds between looks at a stop while the script waits
SHUTDOWN_WAIT_MS = 2000
# The script and the window share one GIL. Python hands it over every 5 ms by
# default, and the window needs it several times per event-loop pass; 1 ms keeps
# the window answering while a script computes or prints flat out.
UI_SWITCH_INTERVAL = 0.001

_live_runners: weakref.WeakSet[Runner] = weakref.WeakSet()
_process_configured = False


def configure_process() -> None:
    """Once per application: the GIL hand-over the window needs, and a clean exit.

    Qt aborts the process if a ``QThread`` object dies while its thread runs, so every
    way out of the program stops the runners' threads first.
    """
    global _process_configured
    if _process_configured:
        return
    _process_configured = True
    sys.setswitchinterval(min(sys.getswitchinterval(), UI_SWITCH_INTERVAL))
    atexit.register(shutdown_all)


def shutdown_all() -> None:
    for runner in list(_live_runners):
        runner.shutdown()


class ScriptWorker(QObject):
    """Lives on the runner's thread; ``run`` blocks that thread, never the UI."""

    finished = Signal(object)

    def __init__(self, vm: VM) -> None:
        super().__init__()
        self.vm = vm

    @Slot(str, str, str, bool)
    def run(self, source: str, filename: str, folder: str, shell: bool) -> None:
        if shell:
            self.finished.emit(self.vm.run_in_shell(source))
        else:
            # The program's variables stay for the Shell tab until the next run.
            self.finished.emit(self.vm.run(source, filename, folder=folder or None, keep_namespace=True,
                                           working_folder=folder or None))


class _Engine:
    """One VM with its thread and worker; replaced wholesale when a run is abandoned."""

    def __init__(self, runner: Runner, generation: int, limits: Limits | None) -> None:
        from vm import VM, Debugger  # the engine loads with the first engine, not with the window
        self.generation = generation
        self.vm = VM(on_output=lambda stream, text: runner.queue_output(generation, stream, text),
                     on_input_request=lambda prompt: runner.script_input_requested.emit(generation, prompt),
                     limits=limits,
                     on_drawing=lambda commands: runner.script_drew.emit(generation, commands),
                     on_plots=lambda messages: runner.plots_feed.put(generation, messages))
        self.debugger = Debugger(
            self.vm, on_pause=lambda pause: runner.script_paused.emit(generation, pause),
            on_resume=lambda: runner.script_resumed.emit(generation))
        self.thread = QThread()
        self.thread.setObjectName(f"sprout-runner-{generation}")
        self.worker = ScriptWorker(self.vm)
        self.worker.moveToThread(self.thread)
        self.thread.start()


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
    _run_requested = Signal(str, str, str, bool)

    def __init__(self, limits: Limits | None = None, parent: QObject | None = None,
                 pause_on_uncaught: bool = True) -> None:
        super().__init__(parent)
        self.limits = limits
        self._info = RunInfo(pause_on_uncaught=pause_on_uncaught)
        self._output_lock = threading.Condition()
        self._pending: list[tuple[str, str]] = []
        self._pending_chars = 0
        self._output_asked = False    # a queued ``script_output_waiting`` not taken yet
        self._generation = 0
        self._abandoned: list[_Engine] = []
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
        self._current: _Engine | None = None  # made on first need, or by ``prepare``
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        _live_runners.add(self)

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
    def _engine(self) -> _Engine:
        if self._current is None:
            self._current = self._new_engine()
        return self._current

    @_engine.setter
    def _engine(self, engine: _Engine) -> None:
        self._current = engine

    def prepare(self) -> None:
        """Load the engine and start its thread now, so the first Run does not wait for them.

        The window calls this once it is shown: loading the engine takes ~0.1 s that the
        first window need not wait for."""
        self._engine  # noqa: B018 - made on first access

    @property
    def vm(self) -> VM:
        return self._engine.vm

    def _new_engine(self) -> _Engine:
        # Under the output lock: the script thread compares generations under it too, so
        # output of an abandoned run is either in before the abandon or never.
        with self._output_lock:
            self._generation += 1
            generation = self._generation
        engine = _Engine(self, generation, self.limits)
        engine.debugger.pause_on_uncaught = self._info.pause_on_uncaught
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
        debugger = self._engine.debugger
        debugger.pause_on_uncaught = self._info.pause_on_uncaught  # an abandoned engine's replacement too
        if debug:
            debugger.set_breakpoints(filename, breakpoints)
            debugger.attach()
        else:
            debugger.detach()
        self.vm.expect_run()  # a Stop pressed before the engine's thread picks this up still counts
        self._update(state=RunState.RUNNING, in_shell=shell, debugging=debug, awaiting_input=False,
                     pause=None, result=None)
        self.started.emit(self._info)
        self._run_requested.emit(source, filename, folder, shell)
        return True

    def stop(self) -> None:
        """Ask the engine to halt at its next safe point (thread-safe, immediate)."""
        if not self.running:
            return
        self.vm.interrupt()
        if not self.state.stopping:
            self._update(state=RunState.STOPPING)
            self._stall_timer.start()

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
        """Pause any run (plain or debug) at its next safe point."""
        if self.state in (RunState.RUNNING, RunState.WAITING_FOR_INPUT):
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
        self.vm.send_input(text)
        waiting = self.state is RunState.WAITING_FOR_INPUT
        self._update(awaiting_input=False, state=RunState.RUNNING if waiting else self.state)

    def abandon(self) -> None:
        """Leave a run that will not stop to finish alone; a fresh engine is ready now."""
        if not self.running:
            return
        from vm import RunResult
        old = self._engine
        self._run_requested.disconnect(old.worker.run)
        old.worker.finished.disconnect(self._on_finished)
        old.worker.finished.connect(old.thread.quit)
        self._abandoned.append(old)
        self._engine = self._new_engine()
        self._finish(RunResult.abandoned(tr("the run was abandoned; it may still finish in the background")))

    def shutdown(self) -> bool:
        """Stop everything for exit; False if some run is stuck and will not end."""
        if self.running:
            self.vm.interrupt()
        clean = True
        for engine in [*filter(None, [self._current]), *self._abandoned]:
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
                   and not self._engine.vm.stop_requested and QThread.currentThread() != self.thread()):
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
