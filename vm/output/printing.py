"""A ``print`` of several values that writes once, with ``print``'s exact behaviour.

CPython's ``print("Line", i, "of", n)`` writes seven times (values and separators)
and then the end, each write a method lookup and a call. When a script prints to its
own run's stdout, the calls the compiler routes here (``vm.instrument.print_calls``: three values
or more, or ``*items``, and no keywords) join the values' ``str`` once and write once.
That is faster than plain Python's ``print``; what the script sees stays the same:

- A value whose ``str`` fails: the values before it and one separator were written,
  as by ``print``, before the error goes on.
- A value whose ``__str__`` prints (a classic beginner's slip): the values before it
  are written first. Values being converted gather in one list, which is also
  ``builtins.__sprout_printing__``; every routed ``print`` call that finds it not empty
  writes it out (and empties it) before its own output, so it only ever holds values
  of the innermost print still converting, none of them written yet.
- Anything else (another stream, ``sys.stdout`` replaced or ``None``, a run with
  threads, overlapping runs) goes to the built-in ``print`` itself.

The ``print`` the script sees is still the built-in one: ``print is builtins.print``,
``repr(print)`` and ``mock.patch("builtins.print")`` are as in plain Python.
"""
from __future__ import annotations

import builtins
import sys
from collections.abc import Callable
from typing import Any

from ..core.engine_frames import hide_engine_frames
from ..instrument.print_calls import PRINT, PRINTING

_builtin_print = builtins.print
_builtins = vars(builtins)
_sys = vars(sys)  # what the built-in print reads too: the dict, not ``sys``'s properties
_str = str
_map = map
_NOWHERE = object()
MANY_VALUES = 256
_fast_stream: Any = _NOWHERE
_fast_write: Any = None
_fast_attributes: dict = {}  # the stream's instance attributes: a ``write`` set there wins
_waiting: list[str] = []  # converted values not written yet (see above)


def _no_run() -> Any:
    return None


_current_run: Callable[[], Any] = _no_run  # set by ``install``
_convert_into_waiting = _waiting.extend  # bound once: a method lookup per print is 5% of it
_empty_waiting = _waiting.clear


def use_stream(stream: Any) -> None:
    """The stream the one-write path serves (``None``: none may be served now)."""
    global _fast_stream, _fast_write, _fast_attributes
    _fast_stream = _NOWHERE if stream is None else stream
    _fast_write = None if stream is None else stream.write
    _fast_attributes = {} if stream is None else stream.__dict__
    _waiting.clear()  # a run cut short in the middle of a print leaves nothing behind


def install(current_run: Callable[[], Any]) -> None:
    """``current_run``: the run the calling thread belongs to (``vm.process.host``, which imports
    this module, so it is handed over here)."""
    global _current_run
    _current_run = current_run
    _builtins.update({PRINT: _builtin_print, PRINTING: _waiting})


def _write_waiting(stream: Any, end: str) -> None:
    line = " ".join(_waiting) + end
    _waiting.clear()
    stream.write(line)


def _before_builtin_print(stream: Any) -> None:
    """An enclosing print's values, written before the built-in print writes its own."""
    if _waiting and stream is _fast_stream:
        _write_waiting(stream, " ")


def print_values(*values: Any) -> None:
    """``print(*values)`` for a call with no keywords."""
    try:
        stream = _sys["stdout"]
        if stream is not _fast_stream or _fast_attributes or _builtins["print"] is not _builtin_print:
            _before_builtin_print(stream)
            _print_elsewhere(values)
            return
        if _waiting:
            _write_waiting(stream, " ")  # an enclosing print's values come first
        try:
            _convert_into_waiting(_map(_str, values))
        except BaseException:
            if _waiting:
                _write_waiting(stream, " ")  # as print: the values before, one separator
            raise
        line = " ".join(_waiting) + "\n"  # (inline: this is the path every print takes)
        _empty_waiting()
        _fast_write(line)
    except BaseException as error:
        hide_engine_frames(error)
        raise


def print_unpacked(*values: Any) -> None:
    """``print(*items)``: joined as above while the items are few; a long sequence is
    printed by the built-in print, which writes as it goes instead of holding every
    item's text at once (``print(*range(10**7))``)."""
    try:
        if len(values) <= MANY_VALUES:
            print_values(*values)
            return
        _before_builtin_print(_sys["stdout"])
        _print_elsewhere(values)
    except BaseException as error:
        hide_engine_frames(error)
        raise


def _print_elsewhere(values: tuple) -> None:
    """The built-in print; or, in a file routed straight here, whatever ``builtins.print``
    is now (a test's mock, or nothing)."""
    current = _builtins.get("print", _NOWHERE)
    if current is _NOWHERE:
        raise NameError("name 'print' is not defined")
    current(*values)


def print_other(*values: Any, **options: Any) -> None:
    """Any other ``print`` call while an enclosing print converts its values, or one
    with ``flush=``: the built-in print, after the waiting values; a flush is shown."""
    try:
        _before_builtin_print(_sys["stdout"])
        _builtin_print(*values, **options)
        if options.get("flush"):
            _show_flushed(_sys["stdout"] if options.get("file") is None else options["file"])
    except BaseException as error:
        hide_engine_frames(error)
        raise


def flush(target: Any) -> Any:
    """``target.flush()``; when ``target`` is the script's stdout, what it printed is
    shown at once (it may be about to call something that holds the interpreter lock
    for a while)."""
    try:
        result = target.flush()
    except BaseException as error:
        hide_engine_frames(error)
        raise
    _show_flushed(target)
    return result


def _show_flushed(stream: Any) -> None:
    run = _current_run()
    if run is not None:
        run.show_flushed(stream)
