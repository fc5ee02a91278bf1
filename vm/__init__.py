"""Sprout's script engine: run learners' Python with a Stop that always works.

Plain Python, no Qt. The IDE and the terminal runner use only what is exported here.
"""
# First: every other engine module is loaded with the engine's own built-ins.
from . import engine_builtins  # noqa: F401

# isort: split
from .debugger import Debugger, Pause, PausedFrame
from .explain import explain
from .inspector import ValueView, children_of, describe, visible_globals
from .limits import Limits
from .machine import VM
from .plots import MAX_FIGURES, PlotImage
from .results import Frame, HaltReason, RunResult, Status
from .snapshot import FrameSnapshot, ValueNode
from .tracebacks import format_result

__all__ = ["VM", "RunResult", "Frame", "Limits", "Status", "HaltReason", "format_result", "explain",
           "Debugger", "Pause", "PausedFrame", "ValueView", "describe", "children_of",
           "visible_globals", "FrameSnapshot", "ValueNode", "PlotImage", "MAX_FIGURES"]
