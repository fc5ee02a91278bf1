"""Sprout's script engine: run learners' Python with a Stop that always works.

Plain Python, no Qt. The IDE and the terminal runner use only what is exported here.
The exported names load on first use (``from vm import VM`` loads the engine):
``import vm.core.i18n`` for the window's first texts then costs milliseconds, not the
engine's ~150 ms, and the IDE loads the engine once its window is shown.
"""
# First: every other engine module is loaded with the engine's own built-ins.
from .core import engine_builtins  # noqa: F401

# isort: split
import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .debugger import Debugger, Pause, PausedFrame
    from .machine import VM
    from .plots import MAX_FIGURES, PlotImage
    from .report.explain import explain
    from .report.inspector import ValueView, children_of, describe, visible_globals
    from .report.results import Frame, HaltReason, RunResult, Status
    from .report.snapshot import FrameSnapshot, ValueNode
    from .report.tracebacks import format_result
    from .stop.limits import Limits

_HOMES = {  # each exported name and the module it lives in
    "Debugger": "debugger", "Pause": "debugger", "PausedFrame": "debugger", "explain": "report.explain",
    "ValueView": "report.inspector", "children_of": "report.inspector", "describe": "report.inspector",
    "visible_globals": "report.inspector", "Limits": "stop.limits", "VM": "machine", "MAX_FIGURES": "plots",
    "PlotImage": "plots", "Frame": "report.results", "HaltReason": "report.results", "RunResult": "report.results",
    "Status": "report.results", "FrameSnapshot": "report.snapshot", "ValueNode": "report.snapshot",
    "format_result": "report.tracebacks",
}

__all__ = ["VM", "RunResult", "Frame", "Limits", "Status", "HaltReason", "format_result", "explain",
           "Debugger", "Pause", "PausedFrame", "ValueView", "describe", "children_of",
           "visible_globals", "FrameSnapshot", "ValueNode", "PlotImage", "MAX_FIGURES"]


def __getattr__(name: str) -> Any:
    """An exported name, loading its module the first time it is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
