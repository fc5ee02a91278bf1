"""A run's matplotlib: Sprout's backend, settings as a fresh ``python`` has them,
and a clear refusal of backends that open windows of their own.

The process (and its environment) is the IDE's, so nothing is set globally at
start-up: ``MPLBACKEND`` would reach every program the IDE starts. Instead, the first
time a run imports matplotlib the finder (``vm.process.learner_imports``) wraps its loader, and
right after matplotlib's own ``__init__`` runs, before anything resolves a backend,
``rcParams["backend"]`` names Sprout's. Each later program starts with
``reset_matplotlib``: matplotlib's settings from its rc file again, no figures left
from the last program, Sprout's backend again if the last one chose another.
"""
from __future__ import annotations

import importlib.abc
import sys
import warnings
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

from ..core.i18n import _

BACKEND = "module://vm.plots.backend"
# Backends (and their helpers) that need a GUI toolkit's event loop on the main thread:
# in-process, inside the IDE's own Qt application, they cannot work.
WINDOW_BACKENDS = ("backend_qt", "backend_tk", "_backend_tk", "backend_gtk", "_backend_gtk",
                   "backend_wx", "backend_macosx", "_macosx", "backend_webagg", "backend_nbagg",
                   "qt_compat")


def matplotlib_spec(fullname: str, path: Sequence[str] | None, asking: type) -> ModuleSpec | None:
    """On a run's thread: the spec for ``matplotlib`` with Sprout's backend set after it
    loads; an ``ImportError`` for a backend with windows of its own; else None. ``asking``
    is the finder's class (Sprout's own, which the real spec is looked up past)."""
    if fullname == "matplotlib":
        spec = _real_spec(fullname, path, asking)
        if spec is not None and spec.loader is not None:
            spec.loader = _ConfiguringLoader(spec.loader)
        return spec
    package, _dot, name = fullname.rpartition(".")
    if package == "matplotlib.backends" and name.startswith(WINDOW_BACKENDS):
        backend = name.removeprefix("backend_").lstrip("_")
        raise ImportError(_("cannot use matplotlib's {backend} backend inside Sprout: it opens "
                            "windows of its own, which need a program of their own. Sprout shows "
                            "your figures in its Plots pane instead: leave out matplotlib.use(...) "
                            "and call plt.show()").format(backend=backend), name=fullname)
    return None


def _real_spec(fullname: str, path: Sequence[str] | None, asking: type) -> ModuleSpec | None:
    """The spec the finders after Sprout's would give."""
    for finder in sys.meta_path:
        if isinstance(finder, asking) or not hasattr(finder, "find_spec"):
            continue
        spec = finder.find_spec(fullname, path)
        if spec is not None:
            return spec
    return None


class _ConfiguringLoader(importlib.abc.Loader):
    """matplotlib's own loader, then Sprout's backend; the module keeps the real loader."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self._loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        module.__loader__ = self._loader
        if module.__spec__ is not None:
            module.__spec__.loader = self._loader
        self._loader.exec_module(module)
        use_sprouts_backend(module)


def use_sprouts_backend(matplotlib: ModuleType) -> None:
    """Name Sprout's backend before anything resolves one (pyplot is not loaded yet)."""
    dict.__setitem__(matplotlib.rcParams, "backend", BACKEND)


def reset_matplotlib() -> None:
    """A new program: matplotlib's settings as a fresh ``python`` loads them, no figures."""
    matplotlib = sys.modules.get("matplotlib")
    if matplotlib is None or not hasattr(matplotlib, "rcParams"):
        return
    pyplot = sys.modules.get("matplotlib.pyplot")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if pyplot is not None:
            pyplot.close("all")
        matplotlib.rc_file_defaults()
        matplotlib.interactive(bool(dict.get(matplotlib.rcParamsOrig, "interactive", False)))
        if pyplot is not None and dict.get(matplotlib.rcParams, "backend") != BACKEND:
            pyplot.switch_backend(BACKEND)
        use_sprouts_backend(matplotlib)
