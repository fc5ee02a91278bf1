"""What a script sees: its builtins and the module views that keep the IDE safe.

Scripts get the whole language and standard library. Only the few names that could
take the IDE down or block past a stop are replaced: ``print``/``input`` use the
engine's streams, ``time.sleep`` and ``Thread.join`` wake on a stop, ``exit`` and
``os._exit`` end the script instead of the process, ``sys.setrecursionlimit`` is
capped to what the script thread's stack holds, and ``exec``/``eval``/``compile``
plant safe points in code built at run time.
"""
from __future__ import annotations

import ast
import builtins
import contextlib
import math
import numbers
import os
import sys
import threading
import time
from collections.abc import Callable
from functools import partial
from types import CodeType, ModuleType
from typing import TYPE_CHECKING, Any

from .compiler import (
    GUARDED_CONSUME,
    GUARDED_JOIN,
    GUARDED_MUL,
    GUARDED_POW,
    SAFE_POINT,
    compile_script,
    compile_tree,
)

if TYPE_CHECKING:
    from .machine import Run

REFUSED_IMPORTS = {
    "multiprocessing": "Sprout runs your program inside the IDE, where starting new "
                       "Python processes is not possible; use threading instead",
    "turtle": "turtle graphics need their own window, which Sprout cannot show yet",
    "tkinter": "tkinter windows cannot run inside Sprout yet",
}


def module_view(real: ModuleType, overrides: dict[str, Any]) -> ModuleType:
    """A stand-in module: the overrides given, everything else from the real one.

    It is a plain ``ModuleType`` holding a snapshot of the real namespace, so
    ``math.sqrt`` stays a specialised attribute load; a module ``__getattr__``
    (PEP 562) still finds names the real module gains later.
    """
    view = ModuleType(real.__name__, real.__doc__)
    _fill_view(view, real, overrides)
    return view


def _fill_view(view: ModuleType, real: ModuleType, overrides: dict[str, Any]) -> None:
    namespace = view.__dict__
    namespace.update({name: value for name, value in vars(real).items()
                      if name not in type(view).__dict__})
    namespace.setdefault("__all__", [name for name in vars(real) if not name.startswith("_")])
    namespace["__getattr__"] = partial(getattr, real)
    namespace.update(overrides)


def _sys_view(run: Run) -> ModuleType:
    class SysView(ModuleType):
        """``sys.stdout`` and friends read and assign the run's own streams."""

        stdout = property(lambda self: run.stdout, lambda self, value: run.redirect_stdout(value))
        stderr = property(lambda self: run.stderr, lambda self, value: setattr(run, "stderr", value))
        stdin = property(lambda self: run.stdin, lambda self, value: setattr(run, "stdin", value))

    view = SysView("sys", sys.__doc__)
    _fill_view(view, sys, {
        "argv": [run.filename],
        "setrecursionlimit": run.set_recursion_limit,
        "__stdout__": run.engine_stdout,
        "__stderr__": run.engine_stderr,
        "__stdin__": run.engine_stdin,
    })
    return view


def _refuse(what: str):
    def refused(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(f"{what} would take the whole Sprout IDE down with your "
                              "program, so it is not available here")
    return refused


def _os_view(run: Run) -> ModuleType:
    def exit_now(status: int = 0) -> None:
        """``os._exit`` ends the script, not the IDE."""
        raise SystemExit(status)

    def kill(pid: int, sig: int) -> None:
        if pid in (0, os.getpid()):
            _refuse("Sending a signal to Sprout itself")()
        os.kill(pid, sig)

    return module_view(os, {"_exit": exit_now, "abort": _refuse("os.abort()"), "kill": kill,
                           "fork": _refuse("os.fork()"), "forkpty": _refuse("os.forkpty()")})


def _sleep(run: Run):
    def sleep(seconds: float) -> None:
        """``time.sleep`` that wakes at once when the run is stopped."""
        if isinstance(seconds, bool) or not isinstance(seconds, numbers.Real):
            raise TypeError(f"'{type(seconds).__name__}' object cannot be interpreted as an integer")
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        run.flush_stdout()
        run.checkpoint()
        if run.stop.event.wait(float(seconds)):
            raise run.halt()
    return sleep


def _threading_view(run: Run) -> ModuleType:
    class Thread(threading.Thread):
        """Threads that belong to the run: routed output, stop-aware, never outliving it."""

        def __init__(self, *args: Any, daemon: bool | None = None, **kwargs: Any) -> None:
            # The script's main thread is not a daemon, so neither are its children.
            super().__init__(*args, daemon=bool(daemon), **kwargs)

        def start(self) -> None:
            run.adopt_thread(self)
            body = self.run
            self.run = lambda: run.run_thread_body(body)  # type: ignore[method-assign]
            super().start()

        def join(self, timeout: float | None = None) -> None:
            deadline = None if timeout is None else time.monotonic() + timeout
            run.flush_stdout()
            while self.is_alive():
                run.checkpoint()
                left = 0.05 if deadline is None else min(0.05, deadline - time.monotonic())
                if left <= 0:
                    return
                super().join(left)

    class Timer(Thread):
        """``threading.Timer`` whose wait also ends when the run is stopped."""

        def __init__(self, interval: float, function: Any, args: Any = None, kwargs: Any = None):
            super().__init__()
            self.interval, self.function = interval, function
            self.args, self.kwargs = args or [], kwargs or {}
            self.finished = threading.Event()
            run.stop.add_waker(self.finished.set)

        def cancel(self) -> None:
            self.finished.set()

        def run(self) -> None:
            self.finished.wait(self.interval)
            if not self.finished.is_set():
                self.function(*self.args, **self.kwargs)
            self.finished.set()

    return module_view(threading, {"Thread": Thread, "Timer": Timer})


def _contextlib_view(sys_view: ModuleType) -> ModuleType:
    """``redirect_stdout``/``redirect_stderr`` that redirect the script's own streams."""
    def redirector(stream: str, base: type) -> type:
        class Redirect(base):  # type: ignore[valid-type, misc]
            def __enter__(self) -> Any:
                self._old_targets.append(getattr(sys_view, stream))
                setattr(sys_view, stream, self._new_target)
                return self._new_target

            def __exit__(self, *exc: Any) -> None:
                setattr(sys_view, stream, self._old_targets.pop())
        Redirect.__name__ = Redirect.__qualname__ = base.__name__
        return Redirect

    return module_view(contextlib, {
        "redirect_stdout": redirector("stdout", contextlib.redirect_stdout),
        "redirect_stderr": redirector("stderr", contextlib.redirect_stderr)})


ASYNC_SLEEP_SLICE = 0.05


def _asyncio_view(run: Run) -> ModuleType:
    """``asyncio.sleep`` in short slices: an event loop waiting in ``select`` cannot be
    woken from outside, so the script's own sleeps come back to a safe point often."""
    import asyncio

    async def sleep(delay: float, result: Any = None) -> Any:
        deadline = time.monotonic() + max(float(delay), 0.0)
        while True:
            run.checkpoint()
            left = deadline - time.monotonic()
            if left <= 0:
                return await asyncio.sleep(0, result)
            await asyncio.sleep(min(left, ASYNC_SLEEP_SLICE))

    return module_view(asyncio, {"sleep": sleep})


def _view_factories(run: Run, script_builtins: dict,
                    views: dict[str, ModuleType]) -> dict[str, Callable[[], ModuleType]]:
    """Views are built on first import: most scripts import one or two modules."""
    guards = run.guards

    def builtins_view() -> ModuleType:
        view = ModuleType("builtins", builtins.__doc__)
        view.__dict__.update(script_builtins)
        return view

    def sys_view() -> ModuleType:
        return views.get("sys") or views.setdefault("sys", _sys_view(run))

    return {
        "sys": sys_view,
        "os": lambda: _os_view(run),
        "time": lambda: module_view(time, {"sleep": _sleep(run)}),
        "threading": lambda: _threading_view(run),
        "math": lambda: module_view(math, {"factorial": guards.factorial, "comb": guards.comb,
                                          "perm": guards.perm}),
        "contextlib": lambda: _contextlib_view(sys_view()),
        "asyncio": lambda: _asyncio_view(run),
        "builtins": builtins_view,
    }


def build_builtins(run: Run) -> dict[str, Any]:
    """The builtins dict of one run; its ``__sprout_attention__`` is the stop flag."""
    script_builtins = dict(builtins.__dict__)
    real_import, real_exec, real_eval = __import__, exec, eval
    views: dict[str, ModuleType] = {}
    factories = _view_factories(run, script_builtins, views)

    def script_input(prompt: Any = "") -> str:
        if run.stdin is not run.engine_stdin:
            run.stdout.write(str(prompt))
            line = run.stdin.readline()
            if not line:
                raise EOFError("EOF when reading a line")
            return line.rstrip("\n")
        line = run.read_line(str(prompt))
        if line is None:
            raise EOFError("EOF when reading a line (the input was closed)")
        return line

    def script_import(name: str, globals: Any = None, locals: Any = None,
                      fromlist: Any = (), level: int = 0) -> ModuleType:
        if level == 0:
            top = name.partition(".")[0]
            if top in REFUSED_IMPORTS:
                raise ImportError(f"cannot import {top}: {REFUSED_IMPORTS[top]}", name=top)
            local = run.local_modules.find(top) if name == top else None
            if local is not None:
                return local
            view = views.get(top)
            if view is None and top in factories:
                view = views[top] = factories[top]()
            if view is not None and (name == top or not fromlist):
                if name != top:
                    real_import(name, globals, locals, fromlist, level)
                return view
        return real_import(name, globals, locals, fromlist, level)

    def script_compile(source: Any, filename: Any, mode: str, flags: int = 0,
                       dont_inherit: bool = False, optimize: int = -1, **kwargs: Any) -> Any:
        if isinstance(source, CodeType) or flags & ast.PyCF_ONLY_AST:
            return builtins.compile(source, filename, mode, flags, dont_inherit, optimize, **kwargs)
        filename = os.fsdecode(filename)
        if isinstance(source, ast.AST):
            run.book.add(filename, ast.unparse(source))
            return compile_tree(source, filename, mode, flags)
        if isinstance(source, (bytes, bytearray, memoryview)):
            source = bytes(source)
        run.book.add(filename, source)
        return compile_script(source, filename, mode, flags)

    def _namespaces(globals: Any, locals: Any, depth: int = 2) -> tuple[Any, Any]:
        if globals is None:
            caller = sys._getframe(depth)
            globals = caller.f_globals
            locals = caller.f_locals if locals is None else locals
        elif locals is None:
            locals = globals
        if isinstance(globals, dict) and globals.get("__builtins__") is not script_builtins:
            globals["__builtins__"] = script_builtins
        return globals, locals

    def script_exec(source: Any, globals: Any = None, locals: Any = None, /, **kwargs: Any) -> None:
        globals, locals = _namespaces(globals, locals)
        if not isinstance(source, CodeType):
            source = script_compile(source, "<string>", "exec")
        real_exec(source, globals, locals, **kwargs)

    def script_eval(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
        globals, locals = _namespaces(globals, locals)
        if isinstance(source, str):
            source = source.lstrip(" \t")
        if not isinstance(source, CodeType):
            source = script_compile(source, "<string>", "eval")
        return real_eval(source, globals, locals)

    def script_exit(code: Any = None) -> None:
        raise SystemExit(code)

    def script_help(*args: Any, **kwargs: Any) -> None:
        if not args and not kwargs:
            script_builtins["print"]("Interactive help is not available while a program runs; "
                         "try help(len) or help(str) instead.")
            return
        builtins.help(*args, **kwargs)

    script_builtins.update({
        # functools.partial is the cheapest wrapper (measured with callgrind: +9% per
        # print, a Python function +21%); assigning sys.stdout rebinds it.
        "print": partial(print, file=run.stdout), "input": script_input, "__import__": script_import,
        "compile": script_compile, "exec": script_exec, "eval": script_eval,
        "exit": script_exit, "quit": script_exit, "help": script_help,
        SAFE_POINT: run.safe_point, GUARDED_POW: run.guards.pow, GUARDED_MUL: run.guards.mul,
        GUARDED_CONSUME: run.guards.consume, GUARDED_JOIN: run.guards.join,
        "pow": run.guards.pow,
    })
    return script_builtins


__all__ = ["build_builtins", "module_view"]
