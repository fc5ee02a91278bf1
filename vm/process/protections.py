"""Everything Sprout installs into the process, once, before the first run.

The per-run ``sys`` (``vm.process.host``), the guarded functions in the real modules
(``vm.process.patches``), the process-wide hooks, signals and limits (``vm.process.process_hooks``,
``vm.process.process_signals``, ``vm.process.process_limits``) and the finder of the learner's own
imports (``vm.process.learner_imports``). Each acts only on a run's threads. Installing is
kept here, above all of them, so none of them imports another to install it.
"""
from __future__ import annotations

import threading

from . import host, learner_imports, patches, process_hooks, process_limits, process_signals

_lock = threading.Lock()
_installed = False


def install() -> None:
    """Install every protection; later calls do nothing."""
    global _installed
    with _lock:
        if _installed:
            return
        host.install()
        patches.install()
        learner_imports.install()
        process_hooks.install()
        process_signals.install()
        process_limits.install()
        _installed = True
