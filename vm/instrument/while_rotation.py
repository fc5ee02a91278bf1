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

is specialised like any other and runs faster than the loop as written (a module-level
counting loop: 0.95x plain Python instead of 1.18x), and it reports the same lines to a
debugger. A loop with ``else:`` or a ``continue`` of its own (which would skip the
test) stays as written, and so does a loop in a generator or coroutine: resuming one
counts towards specialising it anyway, and there the extra jump back only costs (~4%).
3.12 and later need none of this.
"""
from __future__ import annotations

import ast
import copy
import sys

ROTATE = sys.version_info < (3, 12)


def worth_rotating(loop: ast.While, in_resumed_code: bool) -> bool:
    """``in_resumed_code``: the loop is in a generator or coroutine (``is_resumed``)."""
    return (ROTATE and not in_resumed_code and not loop.orelse
            and not isinstance(loop.test, ast.Constant) and not _continues(loop.body))


def is_resumed(function: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> bool:
    """Whether calling ``function`` makes a generator or coroutine (its frame is resumed)."""
    if isinstance(function, ast.AsyncFunctionDef):
        return True
    pending: list[ast.AST] = list(function.body) if isinstance(function.body, list) else [function.body]
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
        if not isinstance(node, _OWN_SCOPES):
            pending.extend(ast.iter_child_nodes(node))
    return False


_OWN_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


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
