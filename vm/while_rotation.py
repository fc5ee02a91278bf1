"""``while`` loops in a shape CPython 3.11 specialises.

CPython 3.11 specialises a code object's instructions once it has jumped back often
enough, but counts only unconditional jumps back, and ends a ``while test`` loop with a
conditional one: a module-level ``while`` loop (or one in a function called once) never
gets faster, and its safe point costs it 20% more instructions. The rotated loop

    if test:
        while True:
            body
            if not test:
                break

is specialised like any other and runs faster than the loop as written, and it reports
the same lines to a debugger. A loop with ``else:`` or a ``continue`` of its own (which
would skip the test) stays as written; 3.12 and later need none of this.
"""
from __future__ import annotations

import ast
import copy
import sys

ROTATE = sys.version_info < (3, 12)


def worth_rotating(loop: ast.While) -> bool:
    return (ROTATE and not loop.orelse and not isinstance(loop.test, ast.Constant)
            and not _continues(loop.body))


def rotated(loop: ast.While) -> ast.stmt:
    test = loop.test
    again = ast.If(test=ast.UnaryOp(op=ast.Not(), operand=copy.deepcopy(test)), body=[ast.Break()], orelse=[])
    for node in (again, again.test, again.body[0]):
        ast.copy_location(node, test)
    forever = ast.copy_location(ast.While(test=ast.Constant(value=True), body=[*loop.body, again], orelse=[]), loop)
    ast.copy_location(forever.test, test)
    return ast.copy_location(ast.If(test=test, body=[forever], orelse=[]), loop)


def _continues(statements: list[ast.stmt]) -> bool:
    """Whether a ``continue`` in these statements belongs to the loop they are the body of."""
    for statement in statements:
        if isinstance(statement, ast.Continue):
            return True
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        if isinstance(statement, (ast.For, ast.AsyncFor, ast.While)):
            blocks = [statement.orelse]  # a ``continue`` in its body is its own
        else:
            blocks = [getattr(statement, field, []) for field in ("body", "orelse", "finalbody")]
            blocks += [handler.body for handler in getattr(statement, "handlers", [])]
            blocks += [case.body for case in getattr(statement, "cases", [])]
        if any(_continues(block) for block in blocks):
            return True
    return False
