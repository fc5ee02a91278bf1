"""Resource limits a script sets would bind the IDE: they are refused.

``resource.setrlimit(resource.RLIMIT_CPU, (1, 1))`` ends a process with SIGXCPU after a
second of CPU time; lowering ``RLIMIT_AS`` or ``RLIMIT_NOFILE`` makes the IDE's own
allocations and files fail, and a lowered hard limit can never be raised again. In
plain Python they bind the script's process only; here they would bind the IDE's, so
on a run's threads setting a limit (``setrlimit``, ``prlimit`` of Sprout's own process)
is refused with a clear message. Reading limits works as in Python.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..core.patching import patch, refused

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun


def _setrlimit(run: ScriptRun, real: Callable, resource: Any, limits: Any) -> None:
    refused("resource.setrlimit()")(run, real)


def _prlimit(run: ScriptRun, real: Callable, pid: Any, resource: Any, *limits: Any) -> Any:
    if limits and pid in (0, os.getpid()):
        refused("resource.prlimit()")(run, real)
    return real(pid, resource, *limits)


def install() -> None:
    """Patch ``resource``; called once by ``host.install``."""
    try:
        import resource
    except ImportError:  # not on Windows
        return
    patch(resource, "setrlimit", _setrlimit)
    if hasattr(resource, "prlimit"):
        patch(resource, "prlimit", _prlimit)
