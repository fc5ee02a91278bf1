"""The ``sys.path`` a script gets: the one ``python script.py`` would give it.

Python puts the script's folder first, then the interpreter's own entries
(``PYTHONPATH``, the standard library, site-packages and what their ``.pth`` files
add). The process Sprout runs in has other entries besides: the folder it was started
from (``python main.py`` puts Sprout's own checkout there) or the current directory,
and whatever a test runner added. A learner's ``import main`` must not find Sprout's.

Started as ``python main.py``, Sprout knows them: its own path at start, less the first
entry. Anywhere else (tests, an embedding host) they are asked of the interpreter itself,
once per process: a ``python -c`` child with the same environment and working directory
prints its path.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

SPROUT_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding ``vm``, ``ide``, ``main.py``
_PROBE = "import json, sys; print(json.dumps([sys.flags.safe_path, sys.path]))"
PROBE_TIMEOUT = 60.0  # a cold start on a busy machine; past it the host's own path is trimmed

_lock = threading.Lock()
_interpreter: tuple[bool, tuple[str, ...]] | None = None
_asking: threading.Thread | None = None


def ask_early() -> None:
    """Start asking the interpreter now, so the first run need not wait for the answer
    (a Python starts in tens of milliseconds on an idle machine, a second on a busy one)."""
    global _asking
    with _lock:
        if _asking is None and _interpreter is None:
            _asking = threading.Thread(target=_answer, name="sprout-script-path", daemon=True)
            _asking.start()


def launched_plainly() -> None:
    """Sprout's process was just started by Python (``python main.py``): its ``sys.path``
    is the launcher's folder, then the interpreter's entries, so no child need be asked.
    Not when the start left out part of what ``python script.py`` gets (``-I``, ``-E``,
    ``-s``, ``-S``) or Python is bundled into an app."""
    global _interpreter
    flags = sys.flags
    if getattr(sys, "frozen", False) or flags.isolated or flags.ignore_environment or \
            flags.no_user_site or flags.no_site:
        return
    with _lock:
        if _interpreter is None and _asking is None:
            safe_path = bool(getattr(flags, "safe_path", False))
            entries = [entry for entry in vars(sys)["path"] if isinstance(entry, str)]
            _interpreter = safe_path, tuple(entries if safe_path else entries[1:])


def script_path(folder: str | None) -> list[str]:
    """A fresh ``sys.path`` for a script in ``folder`` (None: an untitled buffer, no folder)."""
    safe_path, entries = _interpreter_entries()
    return ([folder] if folder and not safe_path else []) + list(entries)


def interpreter_entries() -> frozenset[str]:
    """The entries every script has, whatever its folder: not the learner's own."""
    return frozenset(_interpreter_entries()[1])


def _interpreter_entries() -> tuple[bool, tuple[str, ...]]:
    """Whether Python puts no script folder first (``-P``), and the entries after it."""
    ask_early()
    asking = _asking
    if asking is not None:
        asking.join()
    return _interpreter or _trimmed_host_path()


def _answer() -> None:
    global _interpreter
    answer = _ask_the_interpreter() or _trimmed_host_path()
    with _lock:
        _interpreter = answer


def _ask_the_interpreter() -> tuple[bool, tuple[str, ...]] | None:
    if getattr(sys, "frozen", False) or not sys.executable:
        return None  # a bundled app: its executable is Sprout, not a Python to ask
    try:
        done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=PROBE_TIMEOUT, check=True)
        safe_path, path = json.loads(done.stdout.strip().splitlines()[-1])
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        return None
    if not (isinstance(path, list) and all(isinstance(entry, str) for entry in path)):
        return None
    # ``-c`` put the current directory ('') first, as ``python script.py`` puts its folder.
    return bool(safe_path), tuple(path if safe_path else path[1:])


def _trimmed_host_path() -> tuple[bool, tuple[str, ...]]:
    """Without an interpreter to ask: the host's path without what its start put first
    and without Sprout's own folder."""
    safe_path = bool(getattr(sys.flags, "safe_path", False))
    entries = list(vars(sys)["path"])
    if getattr(sys, "frozen", False):
        # A standalone Sprout (tools/bundle.py): its path is its own Python's standard
        # library, inside the bundle's folder with Sprout's modules; nothing came first.
        return False, tuple(entry for entry in entries if isinstance(entry, str))
    if entries and not safe_path:
        entries = entries[1:]
    own = {SPROUT_ROOT, os.path.realpath(SPROUT_ROOT)}
    return safe_path, tuple(entry for entry in entries
                            if isinstance(entry, str) and os.path.realpath(entry or ".") not in own)
