"""Code a script builds at run time (``exec``, ``eval``, ``compile``) gets safe points too.

The argument handling, errors and ``from __future__`` inheritance stay Python's; a
namespace that brings its own ``__builtins__`` (the safe-eval lesson) gets plain code.
These are the guarded halves of the patches ``vm.patches`` installs into ``builtins``.

What the import system compiles itself is the exception: it is plain code (see
``compile_imports_plainly``).
"""
from __future__ import annotations
import __future__

import ast
import builtins
import copy
import functools
import importlib._bootstrap_external
import os
import sys
from collections.abc import Callable
from types import CodeType
from typing import Any

from .compiler import deep_recursion, plant_safe_points

FUTURE_FLAGS = functools.reduce(
    lambda flags, name: flags | getattr(__future__, name).compiler_flag,
    __future__.all_feature_names, 0)
_real_compile = builtins.compile  # imported before Sprout patches builtins


def _foreign_builtins(namespace: Any) -> bool:
    """A namespace with its own ``__builtins__`` (the safe-eval lesson) gets plain code."""
    if not isinstance(namespace, dict) or "__builtins__" not in namespace:
        return False
    chosen = namespace["__builtins__"]
    return chosen is not builtins and chosen is not builtins.__dict__


def compile_(run: Any, real: Callable, source: Any, filename: Any, mode: Any, flags: int = 0,
             dont_inherit: bool = False, optimize: int = -1, **kwargs: Any) -> Any:
    if isinstance(source, CodeType) or not isinstance(flags, int) or flags & ast.PyCF_ONLY_AST:
        return real(source, filename, mode, flags, dont_inherit, optimize, **kwargs)
    if not dont_inherit:
        flags |= sys._getframe(2).f_code.co_flags & FUTURE_FLAGS
    if isinstance(source, ast.AST):
        real(source, filename, mode, flags, True, optimize, **kwargs)  # Python's own checks
        tree = copy.deepcopy(source)
    else:
        tree = real(source, filename, mode, flags | ast.PyCF_ONLY_AST, True, optimize, **kwargs)
    name = os.fsdecode(filename)
    run.book.add(name, source if isinstance(source, (str, bytes)) else "", cache=False)
    try:
        with deep_recursion():
            return real(plant_safe_points(tree), name, mode, flags, True, optimize, **kwargs)
    except RecursionError:
        if not isinstance(source, (str, bytes)):
            raise
        # An expression nested deeper than CPython compiles from a tree (3.12 caps it);
        # it has no loops to check, so it runs as written.
        return real(source, name, mode, flags, True, optimize, **kwargs)


def compile_imports_plainly() -> None:
    """importlib compiles with plain ``compile``, not the guarded one.

    ``SourceLoader.source_to_code`` is what every normal import, ``py_compile`` and
    ``compileall`` use, and they write its result to ``__pycache__``, where plain Python
    reads it back later (and would fail on the engine's names). The learner's own
    modules get their safe points from ``vm.learner_imports``, which caches nothing.
    """
    vars(importlib._bootstrap_external)["compile"] = _real_compile


def _namespaces(globals_: Any, locals_: Any) -> tuple[Any, Any]:
    if globals_ is None:
        caller = sys._getframe(3)
        globals_ = caller.f_globals
        if locals_ is None:
            locals_ = caller.f_locals
            if not isinstance(locals_, dict):
                locals_ = dict(locals_)  # 3.13: exec() in a function sees a snapshot
    return globals_, locals_


def _code_for(run: Any, source: Any, mode: str, namespace: Any) -> Any:
    """``source`` compiled as exec/eval would, with safe points unless builtins are foreign."""
    if isinstance(source, str) and mode == "eval":
        source = source.lstrip(" \t")
    elif isinstance(source, (bytes, bytearray)) and mode == "eval":
        source = bytes(source).lstrip(b" \t")
    flags = sys._getframe(3).f_code.co_flags & FUTURE_FLAGS
    real_compile = _real_compile
    if _foreign_builtins(namespace):
        return real_compile(source, "<string>", mode, flags, True)
    return compile_(run, real_compile, source, "<string>", mode, flags, True)


def exec_(run: Any, real: Callable, source: Any, globals_: Any = None, locals_: Any = None,
          *args: Any, **kwargs: Any) -> None:
    if args or not isinstance(source, (str, bytes, bytearray, CodeType)) or not (
            globals_ is None or isinstance(globals_, dict)):
        return real(source, globals_, locals_, *args, **kwargs)
    globals_, locals_ = _namespaces(globals_, locals_)
    if not isinstance(source, CodeType):
        source = _code_for(run, source, "exec", globals_)
    return real(source, globals_, locals_, **kwargs)


def eval_(run: Any, real: Callable, source: Any, globals_: Any = None, locals_: Any = None,
          *args: Any, **kwargs: Any) -> Any:
    if args or kwargs or not isinstance(source, (str, bytes, bytearray, CodeType)) or not (
            globals_ is None or isinstance(globals_, dict)):
        return real(source, globals_, locals_, *args, **kwargs)
    globals_, locals_ = _namespaces(globals_, locals_)
    if not isinstance(source, CodeType):
        source = _code_for(run, source, "eval", globals_)
    return real(source, globals_, locals_)
