"""Regular expressions that can backtrack for ever, matched where Stop reaches them.

CPython's ``re`` holds the GIL for a whole match and checks for signals only on the
main thread, so ``re.match("(a|aa)+b", "a" * 40)`` would freeze the window with no
way to stop it. Patterns that *can* backtrack exponentially (a repeat around another
repeat or an alternation) are matched with the ``regex`` package instead, in ``re``'s
own dialect (``regex.V0``): it avoids most such blow-ups outright, and it lets go of
the GIL while it matches. The match runs on a helper thread while the script's thread
waits stop-aware, so Stop halts the program at once; an abandoned match ends by
itself after ``LEFTOVER_SECONDS``. Every other pattern is ``re``'s, untouched.

Differences for flagged patterns only: ``re.compile`` returns a ``GuardedPattern``
(not an ``re.Pattern``), and matches are ``regex`` match objects (same methods).
"""
from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..core.patching import original
from ..core.run_binding import bind

if TYPE_CHECKING:
    from ..core.script_run import ScriptRun

try:
    import regex  # type: ignore[import-untyped]
except ImportError:  # the dependency is declared; without it patterns stay re's
    regex = None

LEFTOVER_SECONDS = 120.0
WAIT_SLICE = 0.02
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _items(parsed: Any) -> list:
    return list(parsed) if not isinstance(parsed, list) else parsed


def _risky(parsed: Any, inside_repeat: bool) -> bool:
    for op, value in _items(parsed):
        name = str(op)
        if name in _REPEATS:
            low, high, body = value
            if inside_repeat and high > 1:
                return True
            if _risky(body, inside_repeat or high > 1):
                return True
        elif name == "BRANCH":
            if inside_repeat:
                return True
            if any(_risky(branch, inside_repeat) for branch in value[1]):
                return True
        elif name == "SUBPATTERN":
            if _risky(value[-1], inside_repeat):
                return True
        elif name in ("ASSERT", "ASSERT_NOT"):
            if _risky(value[1], inside_repeat):
                return True
    return False


@lru_cache(maxsize=512)
def can_backtrack_forever(pattern: str | bytes, flags: int) -> bool:
    """A repeat around another repeat or an alternation: exponential in the worst case."""
    if regex is None:
        return False
    try:
        from re import _parser  # type: ignore[attr-defined]
        return _risky(_parser.parse(pattern, int(flags)), False)
    except Exception:  # noqa: BLE001 - re reports bad patterns itself
        return False


def _off_thread(run: ScriptRun, work: Callable[[], Any]) -> Any:
    """Run ``work`` on a helper thread bound to ``run``; wait for it stop-aware."""
    box: list = []
    done = threading.Event()

    def helper() -> None:
        bind(run)
        try:
            box.append((True, work()))
        except BaseException as error:  # noqa: BLE001 - handed to the script's thread
            box.append((False, error))
        finally:
            bind(None)
            done.set()
    thread = threading.Thread(target=helper, name="sprout-regex", daemon=True)
    original(threading.Thread, "start")(thread)
    wait = original(threading.Event, "wait")
    with run.doing("regex"):
        while not wait(done, WAIT_SLICE):
            run.checkpoint()
    ok, value = box[0]
    if ok:
        return value
    raise value


class GuardedPattern:
    """What ``re.compile`` gives for a pattern that can backtrack for ever."""

    def __init__(self, run: ScriptRun, pattern: str | bytes, flags: int) -> None:
        self._run = run
        self._compiled = regex.compile(pattern, int(flags) | regex.V0)
        self.pattern, self.flags = pattern, int(flags) | (re.UNICODE if isinstance(pattern, str) else 0)
        self.groups, self.groupindex = self._compiled.groups, self._compiled.groupindex

    def __repr__(self) -> str:
        return f"re.compile({self.pattern!r})"

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        compiled = self._compiled
        return _off_thread(self._run, lambda: getattr(compiled, method)(
            *args, concurrent=True, timeout=LEFTOVER_SECONDS, **kwargs))

    def match(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        return self._call("match", string, pos, endpos)

    def search(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        return self._call("search", string, pos, endpos)

    def fullmatch(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        return self._call("fullmatch", string, pos, endpos)

    def findall(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> list:
        return self._call("findall", string, pos, endpos)

    def finditer(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        compiled = self._compiled
        return iter(_off_thread(self._run, lambda: list(compiled.finditer(
            string, pos, endpos, concurrent=True, timeout=LEFTOVER_SECONDS))))

    def split(self, string: Any, maxsplit: int = 0) -> list:
        return self._call("split", string, maxsplit)

    def sub(self, repl: Any, string: Any, count: int = 0) -> Any:
        return self._call("sub", repl, string, count)

    def subn(self, repl: Any, string: Any, count: int = 0) -> Any:
        return self._call("subn", repl, string, count)


def _flags_of(args: tuple, kwargs: dict, position: int) -> int:
    flags = kwargs.get("flags", args[position] if len(args) > position else 0)
    return int(flags) if isinstance(flags, int) else 0


def guard(name: str, flags_at: int) -> Callable[..., Any]:
    """The script's ``re.<name>``: flagged patterns go through ``GuardedPattern``."""
    def guarded(run: ScriptRun, real: Callable, pattern: Any, *args: Any, **kwargs: Any) -> Any:
        flags = _flags_of(args, kwargs, flags_at)
        caller = sys._getframe(2).f_code  # past the dispatch: the learner's code, or a library
        if not isinstance(pattern, (str, bytes)) or not run.book.is_user_code(caller) \
                or not can_backtrack_forever(pattern, flags):
            return real(pattern, *args, **kwargs)
        guarded_pattern = GuardedPattern(run, pattern, flags)
        if name == "compile":
            return guarded_pattern
        rest = [a for i, a in enumerate(args) if i != flags_at]
        kwargs.pop("flags", None)
        return getattr(guarded_pattern, name)(*rest, **kwargs)
    return guarded


# re.<function>(pattern, ..., flags): where flags stands among the other arguments.
FLAG_POSITIONS = {"compile": 0, "match": 1, "search": 1, "fullmatch": 1, "findall": 1,
                  "finditer": 1, "split": 2, "sub": 3, "subn": 3}
