"""The engine's home in the window's process: one ``VM`` (and, when chosen, its
``EngineProxy`` for runs in a separate process), its debugger, the ``QThread`` it runs
on and the ``ScriptWorker`` that calls it there. The ``Runner`` makes one, and a fresh
one when a run is abandoned.
"""
from __future__ import annotations

import atexit
import sys
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

if TYPE_CHECKING:
    from vm import Limits
    from vm.separate import EngineProxy

    from .runner import Runner

# The script and the window share one GIL. Python hands it over every 5 ms by
# default, and the window needs it several times per event-loop pass; 1 ms keeps
# the window answering while a script computes or prints flat out.
UI_SWITCH_INTERVAL = 0.001

live_runners: weakref.WeakSet[Runner] = weakref.WeakSet()  # each shut down at exit
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
    for runner in list(live_runners):
        runner.shutdown()


class ScriptWorker(QObject):
    """Lives on the runner's thread; ``run`` blocks that thread, never the UI."""

    finished = Signal(object)

    def __init__(self, engine: EngineThread) -> None:
        super().__init__()
        self.engine = engine

    @Slot(str, str, str, bool, bool)
    def run(self, source: str, filename: str, folder: str, shell: bool, separate: bool) -> None:
        proxy = self.engine.proxy
        if shell:
            self.finished.emit(self.engine.vm.run_in_shell(source))
        elif separate and proxy is not None:
            self.finished.emit(proxy.run(source, filename, folder=folder or None, working_folder=folder or None))
        else:
            # The program's variables stay for the Shell tab until the next run.
            self.finished.emit(self.engine.vm.run(source, filename, folder=folder or None, keep_namespace=True,
                                                  working_folder=folder or None))


class EngineThread:
    """One VM with its thread and worker; replaced whole when a run is abandoned."""

    def __init__(self, runner: Runner, generation: int, limits: Limits | None) -> None:
        from vm import VM, Debugger  # the engine loads with the first engine, not with the window
        self.generation = generation
        self.limits = limits
        self.proxy: EngineProxy | None = None  # runs in a separate process, while that is chosen
        self._runner = weakref.ref(runner)
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
        self.worker = ScriptWorker(self)
        self.worker.moveToThread(self.thread)
        self.thread.start()

    def use_separate_processes(self, enabled: bool) -> None:
        """Make (and warm a spare worker for) the proxy, or end its spare."""
        runner, generation = self._runner(), self.generation
        if enabled and self.proxy is None and runner is not None:
            from vm.separate import EngineProxy  # loaded when first chosen, not with the window
            self.proxy = EngineProxy(
                on_output=lambda stream, text: runner.queue_output(generation, stream, text),
                on_input_request=lambda prompt: runner.script_input_requested.emit(generation, prompt),
                limits=self.limits)
        if enabled and self.proxy is not None:
            self.proxy.prepare()
        elif self.proxy is not None:
            self.proxy.close()
