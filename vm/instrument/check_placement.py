"""Where safe points can be left out, because the code there runs a bounded time.

**A function's check** goes before its first call, not at its first line.

A function can only run long by looping (every loop has its own check) or by calling
(recursion, or a call that runs long). So its check may wait until just before its
first statement that calls anything; what comes earlier runs a bounded number of
steps. Recursive functions gain the most: their base case returns before the check,
and in ``fib`` half of all calls are base cases.

    def fib(n):                                  def fib(n):
        if n < 2:                                    if n < 2:
            return n                      ->             return n
        return fib(n - 1) + fib(n - 2)               <check>
                                                     return fib(n - 1) + fib(n - 2)

An ``if`` whose test calls nothing gets checks inside its branches instead, and a
one-line ``return a if test else b`` is split into ``if test: return a`` and
``return b`` with the check between them.

**A loop step or comprehension step** that does only cheap work (``cheap_step``) needs
no check of its own: every step takes an item from the iterator, and every iterator
that could go on for long checks for a stop itself — a ``range`` beyond a million
items, ``itertools.count``/``cycle``/``repeat``, ``iter(f, sentinel)``, a generator's
own loop, a class's ``__next__``. A ``for`` over at most ``SHORT_LOOP`` items written
as constants (``range(60)``, a literal list) needs none either. ``while`` loops always
keep their check.
"""
from __future__ import annotations

import ast
from collections.abc import Callable

from .fast_ast import walk

# Nodes that may run an unbounded number of steps, or code of unknown length.
_UNBOUNDED: tuple[type[ast.AST], ...] = (
    ast.Call, ast.While, ast.For, ast.AsyncFor, ast.With, ast.AsyncWith, ast.Try, ast.ListComp,
    ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Lambda, ast.Yield, ast.YieldFrom, ast.Await,
    ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom, ast.Match,
    *([ast.TryStar] if hasattr(ast, "TryStar") else []))

MakeStatement = Callable[[ast.AST], ast.stmt]
SHORT_LOOP = 1000


def _bounded(node: ast.AST) -> bool:
    return not any(isinstance(inner, _UNBOUNDED) for inner in walk(node))


def _calls_anything(body: list[ast.stmt]) -> bool:
    return not all(_bounded(statement) for statement in body)


def _is_dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


def is_short_method(method: ast.FunctionDef) -> bool:
    """A plain method that calls nothing runs a bounded number of steps and cannot
    recurse, so the loop or function that called it already checks: it needs no check."""
    return not _is_dunder(method.name) and not _calls_anything(method.body)


def place_function_check(function: ast.FunctionDef | ast.AsyncFunctionDef,
                         statement_check: MakeStatement) -> None:
    if not _is_dunder(function.name) and _calls_anything(function.body):
        function.body = with_entry_check(function.body, statement_check)
        return
    # Functions that call nothing (a sort key, a comparison) and dunder methods may be
    # called from C millions of times in one go: they check at the top, after a
    # docstring so ``__doc__`` still works.
    body = function.body
    at = 1 if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
        and isinstance(body[0].value.value, str) else 0
    body.insert(at, statement_check(body[min(at, len(body) - 1)]))


def with_entry_check(body: list[ast.stmt], statement_check: MakeStatement) -> list[ast.stmt]:
    """``body`` with checks so that every path reaches one before anything unbounded."""
    placed: list[ast.stmt] = []
    for index, statement in enumerate(body):
        if _bounded(statement):
            placed.append(statement)
        elif isinstance(statement, ast.If) and _bounded(statement.test):
            statement.body = with_entry_check(statement.body, statement_check)
            statement.orelse = with_entry_check(statement.orelse, statement_check)
            placed.append(statement)  # the statements after it get a check of their own
        elif (split := _split_return(statement)) is not None:
            early, late = split
            return placed + [early] + with_entry_check([late], statement_check)
        else:
            return placed + [statement_check(statement)] + body[index:]
    return placed


def _split_return(statement: ast.stmt) -> tuple[ast.If, ast.Return] | None:
    """``return a if test else b`` on one line, with one side bounded, as ``if test:
    return a`` and ``return b`` (or the other way round): the same steps, and the check
    can go between them."""
    if not (isinstance(statement, ast.Return) and isinstance(statement.value, ast.IfExp)
            and statement.lineno == statement.end_lineno):
        return None
    choice = statement.value
    if not _bounded(choice.test):
        return None
    if _bounded(choice.body):
        test, early, late = choice.test, choice.body, choice.orelse
    elif _bounded(choice.orelse):
        test = ast.copy_location(ast.UnaryOp(op=ast.Not(), operand=choice.test), choice.test)
        early, late = choice.orelse, choice.body
    else:
        return None
    first = ast.copy_location(ast.If(test=test, body=[ast.copy_location(ast.Return(value=early), statement)],
                                     orelse=[]), statement)
    return first, ast.copy_location(ast.Return(value=late), statement)


def cheap_step(node: ast.AST) -> bool:
    """A bounded, small amount of work: no call (a call may take any time, and functions
    have checks of their own), no loop, no ``in`` (a search through a long list), no
    slice (a copy), no ``await`` or ``yield from``; no ``+=`` of a display (``items +=
    [item]`` over ``items`` itself would never end)."""
    for inner in walk(node):
        if isinstance(inner, _UNBOUNDED) and not isinstance(inner, ast.Yield) or isinstance(inner, ast.Slice):
            return False
        if isinstance(inner, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in inner.ops):
            return False
        if isinstance(inner, ast.AugAssign) and _may_extend(inner.value):
            return False
    return True


def _may_extend(value: ast.expr) -> bool:
    """Whether a ``+=`` of this value keeps its step's check: a display or a text could
    lengthen the list being looped over; numbers, names, attributes, items and
    arithmetic are taken as the counters and totals they almost always are (a name
    bound to the list itself is left to the watchdog's push)."""
    return not (isinstance(value, ast.Constant) and type(value.value) in (int, float, complex, bool)
                or isinstance(value, (ast.BinOp, ast.UnaryOp, ast.Subscript, ast.Attribute, ast.Name)))


def _constant_int(node: ast.expr) -> int | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        value = _constant_int(node.operand)
        return None if value is None else -value
    return node.value if isinstance(node, ast.Constant) and type(node.value) is int else None


def short_iterable(node: ast.expr, trust_range: bool = True) -> bool:
    """A ``for`` over at most SHORT_LOOP items written as constants needs no check of
    its own: each pass ends within a bounded number of steps, and every loop or call
    in its body has its own safe point."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return len(node.elts) <= SHORT_LOOP and not any(isinstance(e, ast.Starred) for e in node.elts)
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
        return len(node.value) <= SHORT_LOOP
    if not (trust_range and isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "range"
            and not node.keywords and 1 <= len(node.args) <= 3):
        return False
    bounds = [_constant_int(argument) for argument in node.args]
    if None in bounds:
        return False
    try:
        return len(range(*bounds)) <= SHORT_LOOP  # type: ignore[arg-type]
    except ValueError:
        return False
