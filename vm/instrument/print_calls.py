"""Route a script's ``print(...)`` and ``x.flush()`` calls through ``vm.output.printing``.

``print(a, b, c)`` (three values or more, no keywords) compiles to

    (__sprout_print_values__ if print is __sprout_print__ else print)(a, b, c)

whatever ``print`` names at that moment (a local, the script's own function, a name
set through ``globals()`` or brought by ``import *``, a mock in ``builtins``) is still
what gets called unless it is the built-in one. Other ``print`` calls stay CPython's, and go through
``vm.output.printing`` only while a print is converting its values (so they write after
them) or when they ask to flush.
"""
from __future__ import annotations

import ast

PRINT = "__sprout_print__"                # the built-in print, to compare with
PRINTING = "__sprout_printing__"          # values of a print being converted (a list)
PRINT_VALUES = "__sprout_print_values__"
PRINT_UNPACKED = "__sprout_print_unpacked__"  # for ``print(*items)``: the count is not known
PRINT_OTHER = "__sprout_print_other__"
FLUSH = "__sprout_flush__"
VALUES_WORTH_JOINING = 3


def _load(identifier: str, like: ast.AST) -> ast.Name:
    return ast.copy_location(ast.Name(id=identifier, ctx=ast.Load()), like)


def routed_print(call: ast.Call) -> ast.Call:
    """The call with its ``print`` replaced by the choice described above."""
    like = call.func
    is_builtin = ast.Compare(left=_load("print", like), ops=[ast.Is()], comparators=[_load(PRINT, like)])
    if not call.keywords and _several_values(call.args):
        routed = PRINT_UNPACKED if any(isinstance(arg, ast.Starred) for arg in call.args) else PRINT_VALUES
        test: ast.expr = is_builtin
    elif any(keyword.arg == "flush" for keyword in call.keywords):
        test, routed = is_builtin, PRINT_OTHER
    else:
        # ``print`` first: where no built-ins are given, the error names it, as in Python.
        test = ast.BoolOp(op=ast.And(), values=[is_builtin, _load(PRINTING, like)])
        routed = PRINT_OTHER
    for node in (is_builtin, test):
        ast.copy_location(node, like)
    call.func = ast.copy_location(ast.IfExp(test=test, body=_load(routed, like), orelse=call.func), like)
    return call


def _several_values(args: list[ast.expr]) -> bool:
    """Three values or more (or an unknown number, ``*items``): there one write beats
    CPython's write per value and separator; with fewer, CPython's print is quicker
    (measured by ``bench/print_speed.py``)."""
    return len(args) >= VALUES_WORTH_JOINING or any(isinstance(arg, ast.Starred) for arg in args)


def is_print(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Name) and call.func.id == "print"


def is_flush(call: ast.Call) -> bool:
    return (isinstance(call.func, ast.Attribute) and call.func.attr == "flush"
            and not call.args and not call.keywords)


def routed_flush(call: ast.Call) -> ast.Call:
    """``x.flush()`` becomes ``__sprout_flush__(x)``, which calls it and then shows output."""
    assert isinstance(call.func, ast.Attribute)
    return ast.copy_location(ast.Call(func=_load(FLUSH, call.func), args=[call.func.value], keywords=[]), call)
