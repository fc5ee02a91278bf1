"""Refuse runaways that a safe point can never reach.

A single long C call (``2 ** 10**10``, ``[0] * 10**11``, ``sum(range(10**12))``) holds
the GIL for its whole length: no safe point runs, and the IDE's window freezes with
the script. These guards act *before* such a call starts: predictable giants are
refused with a clear error, and builtins that drain an iterator in C are fed in
chunks so the stop flag is seen between chunks.
"""
from __future__ import annotations

import builtins
import math
from collections.abc import Callable, Iterable
from itertools import islice
from types import GeneratorType
from typing import Any

MAX_POW_BITS = 2_000_000          # 3 ** 10**6 takes ~0.1 s; ten times that takes seconds
MAX_REPEAT_BYTES = 100_000_000    # [0] * 10**8 alone takes ~2 s to fill
MAX_FACTORIAL = 100_000           # math.factorial(10**5) takes ~0.25 s
CHUNK = 4096

# Containers already in memory: draining them is bounded by their (existing) size.
MATERIALIZED: frozenset[type] = frozenset(
    {list, tuple, set, frozenset, dict, str, bytes, bytearray, GeneratorType,
     type({}.keys()), type({}.values()), type({}.items())})
SMALL_RANGE = 1_000_000


def _refuse_pow(bits: int) -> OverflowError:
    return OverflowError(
        f"this power would be a number with about {bits:,} binary digits; "
        "computing it could freeze Sprout for minutes, so it was refused")


class Guards:
    """Guard functions for one run; ``checkpoint`` is that run's safe point check."""

    def __init__(self, checkpoint: Callable[[], None]) -> None:
        self.checkpoint = checkpoint
        self._chunked: dict[int, tuple[Callable, Callable]] = {
            id(builtins.sum): (builtins.sum, self._sum),
            id(builtins.max): (builtins.max, self._max),
            id(builtins.min): (builtins.min, self._min),
            id(builtins.any): (builtins.any, self._any),
            id(builtins.all): (builtins.all, self._all),
            id(builtins.sorted): (builtins.sorted, self._sorted),
        }
        for container in (list, tuple, set, frozenset, dict, bytes, bytearray):
            self._chunked[id(container)] = (container, self._into(container))

    # ---- arithmetic -------------------------------------------------------
    def pow(self, base: Any, exponent: Any, modulus: Any = None) -> Any:
        """``base ** exponent`` unless the result would be astronomically large."""
        if modulus is None and type(exponent) is int and type(base) in (int, bool) \
                and exponent > 64 and abs(base) > 1:
            bits = (abs(base).bit_length() - 1) * exponent
            if bits > MAX_POW_BITS:
                raise _refuse_pow(bits)
        if modulus is None:
            return base ** exponent
        return builtins.pow(base, exponent, modulus)

    def mul(self, left: Any, right: Any) -> Any:
        """``left * right`` unless it repeats a sequence into gigabytes."""
        if type(right) is int and isinstance(left, (str, bytes, bytearray, list, tuple)):
            self._check_repeat(left, right)
        elif type(left) is int and isinstance(right, (str, bytes, bytearray, list, tuple)):
            self._check_repeat(right, left)
        return left * right

    @staticmethod
    def _check_repeat(sequence: Any, times: int) -> None:
        item_bytes = 1 if isinstance(sequence, (str, bytes, bytearray)) else 8
        size = len(sequence) * times * item_bytes
        if size > MAX_REPEAT_BYTES:
            raise MemoryError(
                f"repeating a {type(sequence).__name__} of length {len(sequence):,} "
                f"{times:,} times would need about {size / 1e9:,.1f} GB; refused")

    def factorial(self, n: Any) -> int:
        if type(n) is int and n > MAX_FACTORIAL:
            raise OverflowError(
                f"factorial({n:,}) is too large to compute here (Sprout allows up to "
                f"factorial({MAX_FACTORIAL:,}))")
        return math.factorial(n)

    def comb(self, n: Any, k: Any) -> int:
        if type(n) is int and type(k) is int and min(k, n - k) > MAX_FACTORIAL:
            raise OverflowError(f"comb({n:,}, {k:,}) is too large to compute here")
        return math.comb(n, k)

    def perm(self, n: Any, k: Any = None) -> int:
        if type(n) is int and (k if type(k) is int else n) > MAX_FACTORIAL:
            raise OverflowError(f"perm({n:,}, {k}) is too large to compute here")
        return math.perm(n, k)

    @staticmethod
    def _check_buffer(factory: type, size: int) -> None:
        if size > MAX_REPEAT_BYTES:
            raise MemoryError(f"{factory.__name__}({size:,}) would need "
                              f"{size / 1e9:,.1f} GB; refused")

    # ---- consuming builtins ------------------------------------------------
    def consume(self, function: Any, iterable: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Call ``function(iterable, ...)``, draining big iterators chunk by chunk."""
        entry = self._chunked.get(id(function))
        if type(iterable) is int and (function is bytes or function is bytearray):
            self._check_buffer(function, iterable)
        if entry is None or entry[0] is not function or not self._needs_chunks(iterable):
            return function(iterable, *args, **kwargs)
        return entry[1](iterable, *args, **kwargs)

    def join(self, separator: Any, iterable: Any) -> Any:
        """``separator.join(iterable)``, materialising a big iterator in chunks first."""
        if type(separator) in (str, bytes) and self._needs_chunks(iterable):
            iterable = self._into(list)(iterable)
        return separator.join(iterable)

    @staticmethod
    def _needs_chunks(iterable: Any) -> bool:
        """Only iterators (``map``, ``zip``, ``iter(range(...))``...) and huge ranges."""
        kind = type(iterable)
        if kind in MATERIALIZED:
            return False
        if kind is range:
            return len(iterable) > SMALL_RANGE
        return hasattr(kind, "__next__") and not hasattr(kind, "__len__")

    def _chunks(self, iterable: Iterable) -> Iterable[list]:
        iterator = iter(iterable)
        while chunk := list(islice(iterator, CHUNK)):
            self.checkpoint()
            yield chunk

    def _into(self, container: type) -> Callable[..., Any]:
        def drain(iterable: Iterable, **kwargs: Any) -> Any:
            collected: list = []
            for chunk in self._chunks(iterable):
                collected.extend(chunk)
            return container(collected, **kwargs)
        return drain

    def _sum(self, iterable: Iterable, /, start: Any = 0) -> Any:
        total = start
        for chunk in self._chunks(iterable):
            total = builtins.sum(chunk, total)
        return total

    def _extreme(self, pick: Callable, iterable: Iterable, **kwargs: Any) -> Any:
        has_default = "default" in kwargs
        default = kwargs.pop("default", None)
        best: list = []
        for chunk in self._chunks(iterable):
            best = [pick(best + chunk, **kwargs)]
        if best:
            return best[0]
        if has_default:
            return default
        return pick((), **kwargs)  # raises the usual "empty sequence" error

    def _max(self, iterable: Iterable, /, **kwargs: Any) -> Any:
        return self._extreme(builtins.max, iterable, **kwargs)

    def _min(self, iterable: Iterable, /, **kwargs: Any) -> Any:
        return self._extreme(builtins.min, iterable, **kwargs)

    def _any(self, iterable: Iterable) -> bool:
        return builtins.any(builtins.any(chunk) for chunk in self._chunks(iterable))

    def _all(self, iterable: Iterable) -> bool:
        return builtins.all(builtins.all(chunk) for chunk in self._chunks(iterable))

    def _sorted(self, iterable: Iterable, /, **kwargs: Any) -> list:
        collected = self._into(list)(iterable)
        collected.sort(**kwargs)
        return collected
