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

The runner owns the run's one ``RunState`` (``ide.run_state``'s diagram) and announces
each change with ``state_changed``.
"""
from __future__ import annotations

import atexit
import sys
import threading
import weakref
from itertools import groupby
from operator import itemgetter

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QThread, QTimer, Signal, Slot

from vm import VM, Debugger, Limits, Pause, RunResult

from .i18n import tr
from .plots_feed import PlotsFeed
from .run_state import RunState, check_transition, ended_state

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
        self.generation = generation
        self.vm = VM(on_output=lambda stream, text: runner.queue_output(generation, stream, text),
                     on_input_request=lambda prompt: runner.input_wanted.emit(generation, prompt),
                     limits=limits,
                     on_drawing=lambda commands: runner.drawn.emit(generation, commands),
                     on_plots=lambda messages: runner.plots_feed.put(generation, messages))
        self.debugger = Debugger(
            self.vm, on_pause=lambda pause: runner.paused_from_script.emit(generation, pause),
            on_resume=lambda: runner.resumed_from_script.emit(generation))
        self.thread = QThread()
        self.thread.setObjectName(f"sprout-runner-{generation}")
        self.worker = ScriptWorker(self.vm)
        self.worker.moveToThread(self.thread)
        self.thread.start()


class Runner(QObject):
    """Start, stop, feed and abandon runs; every outcome arrives as ``finished``."""

    started = Signal()
    state_changed = Signal(object)       # the new RunState
    output = Signal(object)              # a list of (stream, text), in the order printed
    input_requested = Signal(str)
    finished = Signal(object)
    stop_stalled = Signal()
    paused = Signal(object)              # a vm.debugger.Pause
    resumed = Signal()
    input_wanted = Signal(int, str)      # from the script thread: (generation, prompt)
    paused_from_script = Signal(int, object)
    resumed_from_script = Signal(int)
    drawing = Signal(object)             # a batch of turtle's drawing commands (vm.drawing)
    drawn = Signal(int, object)          # from the script thread: (generation, commands)
    output_waiting = Signal()            # from the script thread: take the output buffer
    _run_requested = Signal(str, str, str, bool)

    def __init__(self, limits: Limits | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limits = limits
        self._state = RunState.IDLE
        self._awaiting_input = False
        self.shell_run = False
        self._pause_on_uncaught = True
        self.debugging = False
        self.pause_info: Pause | None = None
        self.last_result: RunResult | None = None
        self._output_lock = threading.Condition()
        self._pending: list[tuple[str, str]] = []
        self._pending_chars = 0
        self._output_asked = False    # a queued ``output_waiting`` has not been taken yet
        self._generation = 0
        self._abandoned: list[_Engine] = []
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self.flush_output)
        self._since_shown = QElapsedTimer()
        self._since_shown.start()
        self.output_waiting.connect(self._on_output_waiting)
        self._stall_timer = QTimer(self)
        self._stall_timer.setSingleShot(True)
        self._stall_timer.setInterval(STOP_STALL_MS)
        self._stall_timer.timeout.connect(self._on_stop_stalled)
        self.input_wanted.connect(self._on_input_wanted)
        self.drawn.connect(self._on_drawn)
        self.paused_from_script.connect(self._on_paused)
        self.resumed_from_script.connect(self._on_resumed)
        self.plots_feed = PlotsFeed(lambda: self._generation, self)  # matplotlib's figures (vm.plots)
        self._engine = self._new_engine()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        _live_runners.add(self)

    # ---- the run's state -----------------------------------------------------------
    @property
    def state(self) -> RunState:
        return self._state

    @property
    def running(self) -> bool:
        return self._state.active

    @property
    def stopping(self) -> bool:
        return self._state.stopping

    @property
    def debug_paused(self) -> bool:
        return self._state is RunState.PAUSED

    def _enter(self, new: RunState) -> None:
        if new is self._state:
            return
        check_transition(self._state, new)
        self._state = new
        self.state_changed.emit(new)

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
        self.shell_run = shell
        debugger = self._engine.debugger
        debugger.pause_on_uncaught = self._pause_on_uncaught  # an abandoned engine's replacement too
        if debug:
            debugger.set_breakpoints(filename, breakpoints)
            debugger.attach()
        else:
            debugger.detach()
        self.debugging, self.pause_info, self.last_result = debug, None, None
        self._awaiting_input = False
        self.vm.expect_run()  # a Stop pressed before the engine's thread picks this up still counts
        self._enter(RunState.RUNNING)
        self.started.emit()
        self._run_requested.emit(source, filename, folder, shell)
        return True

    def stop(self) -> None:
        """Ask the engine to halt at its next safe point (thread-safe, immediate)."""
        if not self.running:
            return
        self.vm.interrupt("user")
        if not self.stopping:
            self._enter(RunState.STOPPING)
            self._stall_timer.start()

    # ---- debugging (any of these is ignored unless a debug run is paused) ------------
    @property
    def debugger(self) -> Debugger:
        return self._engine.debugger

    def continue_(self) -> None:
        if self.debug_paused:
            self.debugger.continue_()

    def step_over(self) -> None:
        if self.debug_paused:
            self.debugger.step_over()

    def step_into(self) -> None:
        if self.debug_paused:
            self.debugger.step_into()

    def step_out(self) -> None:
        if self.debug_paused:
            self.debugger.step_out()

    def pause(self) -> None:
        """Pause any run (plain or debug) at its next safe point."""
        if self._state in (RunState.RUNNING, RunState.WAITING_FOR_INPUT):
            self.debugger.pause()

    @property
    def pause_on_uncaught(self) -> bool:
        return self._pause_on_uncaught

    def set_pause_on_uncaught(self, enabled: bool) -> None:
        """The one place the choice is made: every run's debugger gets it from here."""
        self._pause_on_uncaught = enabled
        self.debugger.pause_on_uncaught = enabled

    def set_breakpoints(self, filename: str, lines: set[int]) -> None:
        self.debugger.set_breakpoints(filename, lines)

    @Slot(int, object)
    def _on_paused(self, generation: int, pause: object) -> None:
        if generation == self._generation and self._state in (RunState.RUNNING,
                                                              RunState.WAITING_FOR_INPUT):
            self.flush_output()
            self.pause_info = pause  # type: ignore[assignment]  # a vm Pause
            self.debugging = True  # from a pause on, a plain run steps like a debug run
            self._enter(RunState.PAUSED)
            self.paused.emit(pause)

    @Slot(int)
    def _on_resumed(self, generation: int) -> None:
        if generation == self._generation and self._state is RunState.PAUSED:
            self.pause_info = None
            self._enter(RunState.WAITING_FOR_INPUT if self._awaiting_input else RunState.RUNNING)
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
        self._awaiting_input = False
        if self._state is RunState.WAITING_FOR_INPUT:
            self._enter(RunState.RUNNING)

    def abandon(self) -> None:
        """Leave a run that will not stop to finish alone; a fresh engine is ready now."""
        if not self.running:
            return
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
            self.vm.interrupt("user")
        clean = True
        for engine in [self._engine, *self._abandoned]:
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
            self.output_waiting.emit()
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
    def _on_drawn(self, generation: int, commands: list[tuple]) -> None:
        if generation == self._generation:
            self.drawing.emit(commands)

    def send_drawing_event(self, event: tuple) -> None:
        """A key, click or close in the Drawing pane, for the program's turtle handlers."""
        self.vm.send_drawing_event(event)

    @Slot(int, str)
    def _on_input_wanted(self, generation: int, prompt: str) -> None:
        if generation == self._generation and self.running:
            self.flush_output()
            self._awaiting_input = True
            if self._state is RunState.RUNNING:
                self._enter(RunState.WAITING_FOR_INPUT)
            self.input_requested.emit(prompt)

    @Slot(object)
    def _on_finished(self, result: RunResult) -> None:
        self._finish(result)

    def _finish(self, result: RunResult) -> None:
        self.flush_output()
        self._stall_timer.stop()
        self.debugging, self.pause_info, self.last_result = False, None, result
        self._enter(ended_state(result.status))
        self.finished.emit(result)

    def _on_stop_stalled(self) -> None:
        if self._state is RunState.STOPPING:
            self._enter(RunState.STALLED)
            self.stop_stalled.emit()
