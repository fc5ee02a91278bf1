"""How Sprout replaces a function in a real module, and the originals it keeps.

``patch(owner, name, guarded)`` makes ``owner.name`` call the original on the host's
own threads and ``guarded(run, original, ...)`` on a run's threads. ``original`` gives
the function as it was before, for engine code that must not be guarded (and for
putting the process back). Below every module that patches, so none imports another's.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .engine_frames import hide_engine_frames
from .i18n import _
from .run_binding import this_thread

if TYPE_CHECKING:
    from .script_run import ScriptRun

originals: dict[tuple[str, str], Any] = {}


def patch(owner: Any, name: str, guarded: Callable[..., Any], host: Callable[..., Any] | None = None) -> None:
    """``owner.name`` becomes: the original (or ``host``) on host threads, ``guarded(run, ...)`` on runs."""
    original = getattr(owner, name)
    originals[(_key(owner), name)] = original
    on_host = host or original

    @functools.wraps(original)
    def dispatch(*args: Any, **kwargs: Any) -> Any:
        run = this_thread.run
        try:
            if run is None:
                return on_host(*args, **kwargs)
            return guarded(run, original, *args, **kwargs)
        except BaseException as error:
            hide_engine_frames(error)
            raise
    setattr(owner, name, dispatch)


def _key(owner: Any) -> str:
    """``module`` or ``module:Class``: where a patched function lives."""
    if isinstance(owner, ModuleType):
        return owner.__name__
    return f"{owner.__module__}:{owner.__qualname__}"


def original(owner: Any, name: str) -> Any:
    """The function as it was before Sprout patched it."""
    return originals.get((_key(owner), name), getattr(owner, name))


def refused(what: str) -> Callable[..., None]:
    """A guard that refuses ``what`` on a run's threads (it would take the IDE down too)."""
    def refuse(run: ScriptRun, real: Callable, *args: Any, **kwargs: Any) -> None:
        raise PermissionError(_("{what} would take the whole Sprout IDE down with your "
                                "program, so it is not available here").format(what=_(what)))
    return refuse
