"""Refuse runaways that a safe point can never reach, and give C loops safe points.

A single long C call (``7 ** 10**10``, ``[0] * 10**11``) holds the GIL for its whole
length: no safe point runs and the IDE's window freezes with the script. The
arithmetic guards estimate how long such a call would take and refuse it before it
starts when that is more than about a second; anything quicker runs as in Python.

C code that drains an endless iterator (``sum(itertools.count())``) never returns to
bytecode either. The script's iterator *sources* therefore hand out their items in
chunks joined by one tiny Python call, which is a safe point: every consumer, whatever
it is, reaches a safe point every ``CHUNK`` items and never reads ahead.
"""
from __future__ import annotations

import math
import operator
import sys
from collections.abc import Callable
from itertools import chain, repeat
from typing import Any

from ..core.engine_frames import hide_engine_frames
from ..core.i18n import _
from ..core.run_binding import current_run

CHUNK = 4096
BUDGET_SECONDS = 1.0
# CPython multiplies with Karatsuba (time ~ bits ** 1.585). Measured on a 2024 laptop
# core: 10 ** 1_000_000 (3.3 M bits) takes 0.16 s; one product of two 31.7 M-bit
# numbers takes 18 s. Powers of two are shifts, linear in their size.
KARATSUBA = math.log2(3)
POW_SECONDS_PER_BITS = 0.16 / 3.32e6 ** KARATSUBA
MUL_SECONDS_PER_BITS = 18.0 / 31.7e6 ** KARATSUBA
SHIFT_BITS_PER_SECOND = 290e6
MAX_REPEAT_BYTES = 100_000_000    # [0] * 10**8 alone takes ~2 s to fill
MAX_FACTORIAL = 100_000           # math.factorial(10**5) takes ~0.25 s
MAX_STR_DIGITS = 100_000          # int("9" * 100_000) takes 0.04 s; it grows quadratically
MAX_SWITCH_INTERVAL = 0.05        # seconds a thread may keep the GIL: the window must repaint
SMALL_RANGE = 1_000_000           # summing a million ints in C takes ~10 ms


def _too_slow(what: str, bits: float) -> OverflowError:
    return OverflowError(_(
        "{what} would be a number with about {bits:,} binary digits; computing it "
        "could freeze Sprout for a long time, so it was refused").format(what=what, bits=int(bits)))


def check_pow(base: Any, exponent: Any) -> None:
    """Refuse an int power whose computation would take longer than the budget."""
    if type(exponent) is not int or type(base) not in (int, bool) or exponent <= 64:
        return
    magnitude = abs(base)
    if magnitude <= 1:
        return
    bits = math.log2(magnitude) * exponent
    if magnitude & (magnitude - 1) == 0:
        seconds = bits / SHIFT_BITS_PER_SECOND
    else:
        seconds = POW_SECONDS_PER_BITS * bits ** KARATSUBA
    if seconds > BUDGET_SECONDS:
        raise _too_slow("this power", bits)


_SEQUENCES = (str, bytes, bytearray, list, tuple)
_REPEATS = frozenset(kind.__mul__ for kind in _SEQUENCES)
_REVERSED_REPEATS = frozenset(kind.__rmul__ for kind in _SEQUENCES)


def check_mul(left: Any, right: Any) -> None:
    """Only the built-in types' own repetition is checked: a subclass's ``__mul__`` is
    the program's code, and may do anything."""
    if type(right) is int and type(left).__mul__ in _REPEATS:
        _check_repeat(left, right)
    elif type(left) is int and getattr(type(right), "__rmul__", None) in _REVERSED_REPEATS:
        _check_repeat(right, left)
    elif type(left) is int and type(right) is int:
        small, large = sorted((left.bit_length(), right.bit_length()))
        if small > 1_000_000 and MUL_SECONDS_PER_BITS * large * small ** (KARATSUBA - 1) > BUDGET_SECONDS:
            raise _too_slow("this product", small + large)


def _hiding_engine_frames(check: Callable[[Any, Any], None],
                         combine: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """A guard for compiled code: ``check(left, right)``, then ``combine(left, right)``;
    errors (refusals or Python's own) show no engine frame."""
    def guarded(left: Any, right: Any) -> Any:
        try:
            check(left, right)
            return combine(left, right)
        except BaseException as error:
            hide_engine_frames(error)
            raise
    return guarded


def _right(left: Any, right: Any) -> Any:
    return right


# ``x ** n`` and ``x * big`` in compiled code.
guarded_pow = _hiding_engine_frames(check_pow, operator.pow)
guarded_mul = _hiding_engine_frames(check_mul, operator.mul)
# ``x **= n`` and ``x *= big``: check, and hand the operand back to the in-place operator.
pow_operand = _hiding_engine_frames(check_pow, _right)
mul_operand = _hiding_engine_frames(check_mul, _right)


def _check_repeat(sequence: Any, times: int) -> None:
    if times > sys.maxsize:
        return  # Python's own OverflowError ("cannot fit 'int' into an index-sized integer")
    item_bytes = 1 if isinstance(sequence, (str, bytes, bytearray)) else 8
    size = len(sequence) * times * item_bytes
    if size > MAX_REPEAT_BYTES:
        raise MemoryError(_(
            "repeating a {type} of length {length:,} {times:,} times would need about {size:,.1f} GB; refused").format(
            type=type(sequence).__name__, length=len(sequence), times=times, size=size / 1e9))


def check_factorial(n: Any) -> None:
    if type(n) is int and n > MAX_FACTORIAL:
        raise OverflowError(_("factorial({n:,}) is too large to compute here (Sprout allows up to "
                              "factorial({most:,}))").format(n=n, most=MAX_FACTORIAL))


def check_comb(n: Any, k: Any) -> None:
    if type(n) is int and type(k) is int and 0 <= k <= n and min(k, n - k) > MAX_FACTORIAL:
        raise OverflowError(_("{call} is too large to compute here").format(call=f"comb({n:,}, {k:,})"))


def check_perm(n: Any, k: Any = None) -> None:
    k_value = n if k is None else k
    if type(n) is int and type(k_value) is int and 0 <= k_value <= n and k_value > MAX_FACTORIAL:
        raise OverflowError(_("{call} is too large to compute here").format(call=f"perm({n:,}, {k_value:,})"))


# ---- iterator sources --------------------------------------------------------------
def checked_source(source: Any, checkpoint: Callable[[], None]) -> Any:
    """Items of ``source`` (an iterator), lazily, with ``checkpoint()`` every CHUNK items."""
    last: list[Any] = [None]

    def next_chunk(_: Any) -> Any:
        previous = last[0]
        if previous is not None and operator.length_hint(previous) > 0:
            raise StopIteration  # the source ended inside the previous chunk
        checkpoint()
        last[0] = counter = repeat(source, CHUNK)
        return map(next, counter)
    return chain.from_iterable(map(next_chunk, repeat(None)))


def checked_source_type(base: type, state: Any) -> type:
    """A subclass of an itertools source whose iteration, in a run, reaches safe points."""
    def __iter__(self: Any) -> Any:
        run = state.run
        return self if run is None else checked_source(self, run.checkpoint)

    return type(base.__name__, (base,), {"__iter__": __iter__, "__slots__": (),
                                        "__module__": base.__module__, "__doc__": base.__doc__})


class HugeRange:
    """What ``range(...)`` gives the script for more than SMALL_RANGE items.

    It behaves as the range (``isinstance(r, range)``, indexing, slicing, ``in``, ``len``,
    equality, repr, pickling) but is iterated in chunks with a safe point between them,
    so ``sum(range(10**12))`` or ``deque(range(10**12))`` can be stopped.
    """

    __slots__ = ("_range", "_checkpoint")

    def __init__(self, real: range, checkpoint: Callable[[], None]) -> None:
        self._range = real
        self._checkpoint = checkpoint

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return range

    def _chunks(self, real: range) -> Any:
        def chunk(start: int) -> range:
            self._checkpoint()
            return real[start:start + CHUNK]
        return chain.from_iterable(map(chunk, range(0, _length(real), CHUNK)))

    def __iter__(self) -> Any:
        return self._chunks(self._range)

    def __reversed__(self) -> Any:
        return self._chunks(self._range[::-1])

    def __getitem__(self, index: Any) -> Any:
        item = self._range[index]
        return script_range_of(item, self._checkpoint) if isinstance(item, range) else item

    def __getattr__(self, name: str) -> Any:
        return getattr(self._range, name)  # start, stop, step, count, index

    def __len__(self) -> int:
        return len(self._range)

    def __contains__(self, item: Any) -> bool:
        return item in self._range

    def __bool__(self) -> bool:
        return bool(self._range)

    def __eq__(self, other: Any) -> bool:
        return self._range == (other._range if isinstance(other, HugeRange) else other)

    def __hash__(self) -> int:
        return hash(self._range)

    def __repr__(self) -> str:
        return repr(self._range)

    def __reduce__(self) -> Any:
        return self._range.__reduce__()


def _length(real: range) -> int:
    """``len(real)``, also past ``sys.maxsize``."""
    step = real.step
    return max(0, (real.stop - real.start + step - (1 if step > 0 else -1)) // step)


def script_range_of(real: range, checkpoint: Callable[[], None]) -> Any:
    return real if _length(real) <= SMALL_RANGE else HugeRange(real, checkpoint)


def script_range(given: Any, *args: Any, **kwargs: Any) -> Any:
    """``range(...)`` as written in the script (outside a ``for`` header); ``given`` is
    what the name ``range`` means there."""
    try:
        if given is not range:
            return given(*args, **kwargs)
        real = range(*args, **kwargs)
    except BaseException as error:
        hide_engine_frames(error)
        raise
    run = current_run()
    return real if run is None else script_range_of(real, run.checkpoint)

