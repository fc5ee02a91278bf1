"""Where a script meets the process: which run a thread belongs to, and the real ``sys``.

Scripts run against the real ``builtins``, ``sys``, ``time``, ``threading``... so that
``unittest.mock.patch("builtins.input")``, ``sys.stdout = StringIO()``, doctest and
``contextlib.redirect_stdout`` behave exactly as in plain Python. Sprout's protections
are installed once into those real modules (``vm.process.protections``) and act only on threads
that belong to a run; every other thread (the IDE's own) sees plain Python.

A few ``sys`` attributes differ per run: ``stdout``/``stderr``/``stdin`` (and their
``__dunder__`` originals), ``argv`` and ``path``. The real ``sys`` module gets a
subclass of ``ModuleType`` whose properties answer per thread. C code (the built-in
``print`` and ``input``) reads ``sys``'s dict directly: while exactly one run is active
that dict holds the run's own streams, so ``print`` costs what it costs in plain
Python; when runs overlap (an abandoned one still stuck) it holds routers that pick
the stream by thread.
"""
from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

from ..core import run_binding
from ..core.run_binding import this_thread
from ..output import printing
from ..output.streams import ThreadRouter

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun

STREAMS = ("stdout", "stderr", "stdin")
PER_RUN = ("argv", "path", "__stdout__", "__stderr__", "__stdin__")


_host_streams: dict[str, Any] = {}
_routers: dict[str, ThreadRouter] = {}
_installed = False


def enter(run: ScriptRun) -> None:
    """A run starts: its streams become the ones C code writes to."""
    install()
    with run_binding.lock:
        run_binding.add(run)
        _refresh_streams()


def leave(run: ScriptRun) -> None:
    with run_binding.lock:
        run_binding.remove(run)
        _refresh_streams()


def _refresh_streams() -> None:
    """Put into ``sys``'s dict what C code should write to now (lock held)."""
    namespace = vars(sys)
    active = run_binding.active_runs()
    for name in STREAMS:
        if len(active) == 1:
            namespace[name] = getattr(active[0], name)
        elif active:
            namespace[name] = _routers[name]
        else:
            namespace[name] = _host_streams[name]
    alone = active[0] if len(active) == 1 else None
    printing.use_stream(alone.engine_stdout if alone is not None and not alone.threaded else None)


def stream_changed(run: ScriptRun) -> None:
    """A run assigned ``sys.stdout`` (or stderr/stdin) or started a thread: C code follows."""
    with run_binding.lock:
        _refresh_streams()


_PlainModule = types.ModuleType  # the real module type, taken before ``sys`` changes class


def _plain_get(module: types.ModuleType, name: str) -> Any:
    """What a module's attribute reads as in plain Python (its dict, then ``__getattr__``)."""
    namespace = vars(module)
    if name in namespace:
        return namespace[name]
    fallback = namespace.get("__getattr__")
    if fallback is not None:
        return fallback(name)
    raise AttributeError(f"module {namespace.get('__name__', '?')!r} has no attribute {name!r}")


def _plain_delete(module: types.ModuleType, name: str) -> None:
    try:
        del vars(module)[name]
    except KeyError:
        raise AttributeError(name) from None


def _stream_property(name: str) -> property:
    def get(module: types.ModuleType) -> Any:
        if module is not sys:
            return _plain_get(module, name)
        run = this_thread.run
        return getattr(run, name) if run is not None else _host_streams[name]

    def set_(module: types.ModuleType, value: Any) -> None:
        if module is not sys:
            vars(module)[name] = value
            return
        run = this_thread.run
        with run_binding.lock:
            if run is not None:
                setattr(run, name, value)
            else:
                _host_streams[name] = value
            _refresh_streams()

    def delete(module: types.ModuleType) -> None:
        if module is not sys:
            _plain_delete(module, name)
            return
        set_(module, None)  # C code then writes nowhere, as with ``sys.stdout = None``
    return property(get, set_, delete)


def _per_run_property(name: str, attribute: str) -> property:
    def get(module: types.ModuleType) -> Any:
        run = this_thread.run
        if run is not None and module is sys:
            return getattr(run, attribute)
        return _plain_get(module, name)

    def set_(module: types.ModuleType, value: Any) -> None:
        run = this_thread.run
        if run is not None and module is sys:
            setattr(run, attribute, value)
        else:
            vars(module)[name] = value

    def delete(module: types.ModuleType) -> None:
        if this_thread.run is not None and module is sys:
            raise AttributeError(name)  # a run's own ``argv``/``path`` stay
        _plain_delete(module, name)
    return property(get, set_, delete)


class _ModuleKind(type):
    """``isinstance(module, type(sys))`` holds for every module, as in plain Python."""

    def __instancecheck__(cls, instance: Any) -> bool:
        if cls is ScriptSys:
            return isinstance(instance, _PlainModule)
        return super().__instancecheck__(instance)

    def __subclasscheck__(cls, subclass: type) -> bool:
        if cls is ScriptSys:
            return issubclass(subclass, _PlainModule)
        return super().__subclasscheck__(subclass)


class ScriptSys(types.ModuleType, metaclass=_ModuleKind):
    """The real ``sys``'s class while Sprout is loaded: some attributes answer per run.

    Only ``sys`` itself answers per run. ``type(sys)(name)`` is how importlib makes
    every new module: it gets a plain module, or ``matplotlib.path`` (a submodule set
    on its package) would become the run's ``sys.path``. A script's own subclass of
    ``type(sys)`` inherits the properties, which then act as plain attributes.
    """

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        if cls is ScriptSys:
            return _PlainModule(*args, **kwargs)
        return super().__new__(cls, *args, **kwargs)

    stdout = _stream_property("stdout")
    stderr = _stream_property("stderr")
    stdin = _stream_property("stdin")
    argv = _per_run_property("argv", "argv")
    path = _per_run_property("path", "path")
    __stdout__ = _per_run_property("__stdout__", "engine_stdout")
    __stderr__ = _per_run_property("__stderr__", "engine_stderr")
    __stdin__ = _per_run_property("__stdin__", "engine_stdin")


# ``type(sys)`` reads as in plain Python: ``<class 'module'>``, and error messages that
# name the type (``json.dumps(sys)``: "Object of type module is not JSON serializable").
ScriptSys.__name__ = ScriptSys.__qualname__ = "module"
ScriptSys.__module__ = "builtins"


def _route(name: str) -> ThreadRouter:
    def pick() -> Any:
        run = this_thread.run
        return getattr(run, name) if run is not None else _host_streams[name]
    return ThreadRouter(pick)


def install() -> None:
    """Once per process: the real ``sys`` answers per run (``vm.process.protections`` installs the rest)."""
    global _installed
    with run_binding.lock:
        if _installed:
            return
        for name in STREAMS:
            _host_streams[name] = vars(sys)[name]
            _routers[name] = _route(name)
        for name in PER_RUN:
            vars(sys).setdefault(name, None)
        sys.__class__ = ScriptSys
        _installed = True
