"""Sprout's script engine: run learners' Python with a Stop that always works.

Plain Python, no Qt. The IDE and the terminal runner use only what is exported here.
"""
from .explain import explain
from .limits import Limits
from .machine import VM
from .results import Frame, HaltReason, RunResult, Status
from .tracebacks import format_result

__all__ = ["VM", "RunResult", "Frame", "Limits", "Status", "HaltReason", "format_result", "explain"]
