"""Code a script builds at run time (``exec``, ``eval``, ``compile``) gets safe points too.

The argument handling, errors and ``from __future__`` inheritance stay Python's. Such
code may run in a namespace that brings its own ``__builtins__`` (the safe-eval lesson:
``exec(text, {"__builtins__": {}})``), where the engine's names are not found; so its
checks do not look names up: they read the real ``builtins`` module from the code's
own constants (``<module>.__sprout_attention__``). The learner's builtins still decide
every name the learner wrote, exactly as in Python.
These are the guarded halves of the patches ``vm.process.patches`` installs into ``builtins``.

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
from typing import TYPE_CHECKING, Any

from ..core.engine_builtins import caller_builtins
from .compiler import deep_recursion, plant_safe_points

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun

FUTURE_FLAGS = functools.reduce(
    lambda flags, name: flags | getattr(__future__, name).compiler_flag,
    __future__.all_feature_names, 0)
_real_compile = builtins.compile  # imported before Sprout patches builtins


_ENGINE_MODULE = "__sprout_engine_builtins__"  # stands for ``builtins`` until compiled


class _SelfContained(ast.NodeTransformer):
    """The engine's names (``__sprout_...__``) become attributes of a constant that
    stands for the ``builtins`` module, and leave the ``global`` declarations.
    ``range(...)`` still means whatever ``range`` names where it is written: the guarded
    call is handed that object."""

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if not _is_engine_name(node.id) or not isinstance(node.ctx, ast.Load):
            return node
        holder = ast.copy_location(ast.Constant(_ENGINE_MODULE), node)
        return ast.copy_location(ast.Attribute(value=holder, attr=node.id, ctx=ast.Load()), node)

    def visit_Global(self, node: ast.Global) -> ast.AST | None:
        node.names = [name for name in node.names if not _is_engine_name(name)]
        return node if node.names else None


def _is_engine_name(name: str) -> bool:
    return name.startswith("__sprout_") and name.endswith("__") and name in vars(builtins)


def _with_engine_module(code: CodeType) -> CodeType:
    """Put the ``builtins`` module where the compiled code holds its stand-in."""
    consts = tuple(_with_engine_module(const) if isinstance(const, CodeType)
                   else builtins if isinstance(const, str) and const == _ENGINE_MODULE else const
                   for const in code.co_consts)
    return code.replace(co_consts=consts)


_ANY = object()  # code from ``compile()``: no namespace known


def _own_builtins(namespace: Any) -> bool:
    """A namespace with builtins of its own, which may lack the engine's names."""
    if not isinstance(namespace, dict):
        return False
    chosen = namespace.get("__builtins__", builtins)
    return chosen is not builtins and chosen is not builtins.__dict__


def compile_(run: ScriptRun, real: Callable, source: Any, filename: Any, mode: Any, flags: int = 0,
             dont_inherit: bool = False, optimize: int = -1, **kwargs: Any) -> Any:
    # The learner's own ``compile()`` may be run anywhere; a library's (``importlib``,
    # ``codeop``) runs in a module's namespace, with Python's builtins.
    caller = sys._getframe(2).f_code
    namespace = _ANY if run.book.is_user_code(caller) else None
    return _compiled(run, real, source, filename, mode, flags, dont_inherit, optimize, kwargs, namespace)


def _compiled(run: ScriptRun, real: Callable, source: Any, filename: Any, mode: Any, flags: int,
              dont_inherit: bool, optimize: int, kwargs: dict, namespace: Any = _ANY) -> Any:
    """``namespace``: where ``exec``/``eval`` will run the code; code from ``compile()``
    may run anywhere, so its checks must not depend on the namespace's builtins."""
    if isinstance(source, CodeType) or not isinstance(flags, int) or flags & ast.PyCF_ONLY_AST:
        return real(source, filename, mode, flags, dont_inherit, optimize, **kwargs)
    if not dont_inherit:
        flags |= sys._getframe(3).f_code.co_flags & FUTURE_FLAGS
    if isinstance(source, ast.AST):
        real(source, filename, mode, flags, True, optimize, **kwargs)  # Python's own checks
        tree = copy.deepcopy(source)
    else:
        tree = real(source, filename, mode, flags | ast.PyCF_ONLY_AST, True, optimize, **kwargs)
    name = os.fsdecode(filename)
    run.book.add(name, source if isinstance(source, (str, bytes)) else "", cache=False)
    try:
        with deep_recursion():
            tree = plant_safe_points(tree)
            if namespace is not _ANY and not _own_builtins(namespace):
                return real(tree, name, mode, flags, True, optimize, **kwargs)  # the common case
            tree = _SelfContained().visit(tree)
            return _with_engine_module(real(tree, name, mode, flags, True, optimize, **kwargs))
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
    modules get their safe points from ``vm.process.learner_imports``, which caches nothing.
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


def _code_for(run: ScriptRun, source: Any, mode: str, namespace: Any) -> Any:
    """``source`` compiled as exec/eval would, with safe points."""
    if isinstance(source, str) and mode == "eval":
        source = source.lstrip(" \t")
    elif isinstance(source, (bytes, bytearray)) and mode == "eval":
        source = bytes(source).lstrip(b" \t")
    flags = sys._getframe(3).f_code.co_flags & FUTURE_FLAGS
    return _compiled(run, _real_compile, source, "<string>", mode, flags, True, -1, {},
                     namespace=namespace)


def with_caller_builtins(real: Callable) -> Callable[..., Any]:
    """``exec``/``eval`` for the host's threads: a namespace without ``__builtins__`` gets
    the caller's, as from Python's own (not the engine's copy, ``vm.core.engine_builtins``)."""
    def call(*args: Any, **kwargs: Any) -> Any:
        _fill_builtins(args[1] if len(args) > 1 else kwargs.get("globals"), 2)
        return real(*args, **kwargs)
    return call


def _fill_builtins(namespace: Any, depth: int) -> None:
    if isinstance(namespace, dict) and "__builtins__" not in namespace:
        namespace["__builtins__"] = caller_builtins(depth + 1)


def exec_(run: ScriptRun, real: Callable, source: Any, globals_: Any = None, locals_: Any = None,
          *args: Any, **kwargs: Any) -> None:
    _fill_builtins(globals_, 2)
    if args or not isinstance(source, (str, bytes, bytearray, CodeType)) or not (
            globals_ is None or isinstance(globals_, dict)):
        return real(source, globals_, locals_, *args, **kwargs)
    globals_, locals_ = _namespaces(globals_, locals_)
    if not isinstance(source, CodeType):
        source = _code_for(run, source, "exec", globals_)
    return real(source, globals_, locals_, **kwargs)


def eval_(run: ScriptRun, real: Callable, source: Any, globals_: Any = None, locals_: Any = None,
          *args: Any, **kwargs: Any) -> Any:
    _fill_builtins(globals_, 2)
    if args or kwargs or not isinstance(source, (str, bytes, bytearray, CodeType)) or not (
            globals_ is None or isinstance(globals_, dict)):
        return real(source, globals_, locals_, *args, **kwargs)
    globals_, locals_ = _namespaces(globals_, locals_)
    if not isinstance(source, CodeType):
        source = _code_for(run, source, "eval", globals_)
    return real(source, globals_, locals_)
