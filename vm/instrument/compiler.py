"""Parse a learner's script and plant safe points in it before compiling.

A safe point is the two-bytecode check ``if __sprout_attention__: __sprout_safe_point__()``.
The flag lives in the script's builtins; the engine flips it from any thread when
the run needs attention (a stop, or buffered output waiting to be shown).

Safe points go at every loop iteration, every function entry (lambdas too; in a
function that calls, before its first call: ``vm.instrument.check_placement``) and every
comprehension step. A few operations that could run for minutes inside one C call
(huge ``**``, huge sequence repetition, consuming a huge iterator) are routed
through guards in ``vm.stop.guards`` instead.
"""
from __future__ import annotations

import ast
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from types import CodeType

from . import print_calls
from .bindings import builtins_rebound
from .check_placement import cheap_step, is_short_method, place_function_check, short_iterable
from .constant_folding import NOT_CONSTANT, folded
from .fast_ast import FastTransformer, fix_locations, walk
from .while_rotation import ROTATE, is_resumed, rotated, worth_rotating

ATTENTION = "__sprout_attention__"
SAFE_POINT = "__sprout_safe_point__"
GUARDED_POW = "__sprout_pow__"
GUARDED_MUL = "__sprout_mul__"
GUARDED_RANGE = "__sprout_range__"
GUARDED_POW_OPERAND = "__sprout_pow_operand__"
GUARDED_MUL_OPERAND = "__sprout_mul_operand__"

SEQUENCE_FACTORIES = frozenset({"list", "tuple", "str", "bytes", "bytearray"})
SMALL_EXPONENT = 64
BIG_INT_CONSTANT = 10**6
DEEP_TREE_RECURSION = 200_000
_set_recursion_limit = sys.setrecursionlimit  # the real ones, before the engine patches them
_get_recursion_limit = sys.getrecursionlimit
# The real ``compile``: on a script's thread the patched one would instrument the
# already instrumented tree a second time (every check twice, every loop slower).
_compile = compile


# CPython reads an existing file of the same name to place a SyntaxError's column,
# which misplaces it when the learner's buffer differs from the disk. Parsing under a
# name that is never a file keeps offsets true to the text we were given.
PARSE_NAME = "<sprout-source>"


def compile_script(source: str | bytes, filename: str, mode: str = "exec",
                   flags: int = 0) -> CodeType:
    """Parse, instrument and compile; raises ``SyntaxError`` like ``compile``.

    Warnings the compiler gives (``SyntaxWarning``) name ``filename``, as in Python.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            tree = ast.parse(source, PARSE_NAME, mode, type_comments=False)
            try:
                code = compile_tree(tree, filename, mode, flags, source)
            except RecursionError:
                # Nested deeper than CPython compiles from a tree (3.12 caps it); such an
                # expression has no loop to check, so it runs as written.
                code = _renamed(_compile(source, PARSE_NAME, mode, flags, dont_inherit=True), filename)
        except SyntaxError as error:
            error.filename = filename
            raise
    for warning in caught:
        warnings.warn_explicit(warning.message, warning.category, filename,
                               warning.lineno if warning.filename == PARSE_NAME else 1)
    return code


@contextmanager
def deep_recursion() -> Iterator[None]:
    """Room for the planter and the compiler on very deep expressions (a 2,000-term sum)."""
    before = _get_recursion_limit()
    _set_recursion_limit(max(before, DEEP_TREE_RECURSION))
    try:
        yield
    finally:
        _set_recursion_limit(before)


def plant_safe_points(tree: ast.AST, whole_file: bool = False, placed: bool = True,
                      source: str | bytes | None = None) -> ast.AST:
    """Instrument an already parsed tree (in place) and return it. ``whole_file``: the
    tree is all the code of its namespace (a script or module, not ``exec``'d text).
    ``placed``: give every injected node a position now (else the caller compiles and
    places them only if ``compile`` finds one missing). ``source``: the tree's text,
    if at hand (it can spare a walk of the tree)."""
    with deep_recursion():
        bound = builtins_rebound(tree, source)
        planter = SafePointPlanter(trust_range=not bound & {"range", "*"})
        tree = planter.visit(tree)
    if isinstance(tree, (ast.Module, ast.Interactive)):
        at = _after_preamble(tree.body)
        tree.body.insert(at, _global_flag(tree.body[at] if at < len(tree.body) else None))
    if placed:
        fix_locations(tree)
    return tree


def compile_tree(tree: ast.AST, filename: str, mode: str = "exec", flags: int = 0,
                 source: str | bytes | None = None) -> CodeType:
    """Instrument an already parsed tree and compile it."""
    tree = plant_safe_points(tree, whole_file=mode == "exec", placed=False, source=source)
    with deep_recursion():
        try:
            # Every node the planter adds is given a position as it is made, so the walk
            # that fills in missing ones (a fifth of the time) is needed only as a fallback.
            code = _compile(tree, PARSE_NAME, mode, flags, dont_inherit=True)  # type: ignore[call-overload]
        except TypeError:
            fix_locations(tree)
            code = _compile(tree, PARSE_NAME, mode, flags, dont_inherit=True)  # type: ignore[call-overload]
    return _renamed(code, filename)


def _after_preamble(body: list[ast.stmt]) -> int:
    """Index after the docstring and ``from __future__`` imports, which must come first."""
    at = 1 if body and _is_docstring(body[0]) else 0
    while at < len(body):
        statement = body[at]
        if not (isinstance(statement, ast.ImportFrom) and statement.module == "__future__"):
            break
        at += 1
    return at


ENGINE_NAMES = [ATTENTION, SAFE_POINT, GUARDED_POW, GUARDED_MUL, GUARDED_RANGE, GUARDED_POW_OPERAND,
                GUARDED_MUL_OPERAND, print_calls.PRINT, print_calls.PRINTING, print_calls.PRINT_VALUES,
                print_calls.PRINT_UNPACKED, print_calls.PRINT_OTHER, print_calls.FLUSH]


def _global_flag(like: ast.AST | None) -> ast.stmt:
    """``global __sprout_attention__, ...``: at top level and in class bodies the checks
    and guards become LOAD_GLOBAL, found in builtins in two cached version checks,
    instead of a three-dict LOAD_NAME."""
    statement = ast.Global(names=list(ENGINE_NAMES))
    if like is not None:
        ast.copy_location(statement, like)
    else:
        statement.lineno, statement.col_offset = 1, 0
    return statement


def _renamed(code: CodeType, filename: str) -> CodeType:
    consts = tuple(_renamed(const, filename) if isinstance(const, CodeType) else const
                   for const in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def _located(node: ast.AST, like: ast.AST) -> ast.AST:
    """Give every node of an injected subtree the location of the code it guards."""
    for child in walk(node):
        ast.copy_location(child, like)
        if hasattr(like, "end_lineno"):
            child.end_lineno = like.end_lineno  # type: ignore[attr-defined]
            child.end_col_offset = like.end_col_offset  # type: ignore[attr-defined]
    return node


def _name(identifier: str) -> ast.Name:
    return ast.Name(id=identifier, ctx=ast.Load())


def _call(identifier: str, *args: ast.expr, keywords: list[ast.keyword] | None = None) -> ast.Call:
    return ast.Call(func=_name(identifier), args=list(args), keywords=keywords or [])


def _guard_call(identifier: str, like: ast.AST, *args: ast.expr) -> ast.Call:
    """``identifier(*args)`` where ``like`` was: the call and its name take its place;
    the arguments keep their own."""
    call = _call(identifier, *args)
    ast.copy_location(call.func, like)
    return ast.copy_location(call, like)


def safe_point_statement(like: ast.AST) -> ast.stmt:
    """``if __sprout_attention__: __sprout_safe_point__()``"""
    check = ast.If(test=_name(ATTENTION), body=[ast.Expr(_call(SAFE_POINT))], orelse=[])
    return _located(check, like)  # type: ignore[return-value]


def safe_point_expression(like: ast.AST) -> ast.expr:
    """``(__sprout_attention__ and __sprout_safe_point__())``: falsy unless it raises."""
    check = ast.BoolOp(op=ast.And(), values=[_name(ATTENTION), _call(SAFE_POINT)])
    return _located(check, like)  # type: ignore[return-value]


def _is_docstring(statement: ast.stmt) -> bool:
    return (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str))


def _is_sequence_expression(node: ast.expr) -> bool:
    if isinstance(node, (ast.List, ast.Tuple, ast.ListComp, ast.JoinedStr)):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (str, bytes, tuple))
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in SEQUENCE_FACTORIES)


def _looks_huge(node: ast.expr) -> bool:
    for child in walk(node):
        if isinstance(child, ast.BinOp) and isinstance(child.op, ast.Pow):
            return True
        if (isinstance(child, ast.Constant) and type(child.value) is int
                and abs(child.value) >= BIG_INT_CONSTANT):
            return True
    return False


def _is_small_exponent(node: ast.expr) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and (
        type(node.value) is float or (type(node.value) is int and node.value <= SMALL_EXPONENT))


class SafePointPlanter(FastTransformer):
    """Adds safe points and guards; everything else is left exactly as written."""

    def __init__(self, trust_range: bool = True) -> None:
        super().__init__()
        self.trust_range = trust_range
        self.in_resumed_code = False  # inside a generator or coroutine

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        for statement in node.body:
            if isinstance(statement, ast.FunctionDef) and is_short_method(statement):
                statement._sprout_unchecked = True  # type: ignore[attr-defined]
        outer, self.in_resumed_code = self.in_resumed_code, False  # a class body runs once
        try:
            self.generic_visit(node)
        finally:
            self.in_resumed_code = outer
        if any(isinstance(statement, (ast.For, ast.While, ast.AsyncFor)) for statement in node.body):
            at = 1 if _is_docstring(node.body[0]) else 0
            node.body.insert(at, _global_flag(node.body[at] if at < len(node.body) else node))
        return node

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.AST:
        outer, self.in_resumed_code = self.in_resumed_code, ROTATE and is_resumed(node)
        try:
            self.generic_visit(node)
        finally:
            self.in_resumed_code = outer
        if not getattr(node, "_sprout_unchecked", False):
            place_function_check(node, safe_point_statement)
        return node

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        self.generic_visit(node)
        node.body = ast.copy_location(
            ast.BoolOp(op=ast.Or(), values=[safe_point_expression(node.body), node.body]),
            node.body)
        return node

    def _visit_loop(self, node: ast.While | ast.For | ast.AsyncFor) -> ast.AST:
        # A ``for`` whose steps are cheap is left to its iterator (a long ``range`` in its
        # header is then the guarded one); the others check at every step.
        cheap = isinstance(node, ast.For) and all(cheap_step(statement) for statement in node.body)
        if not isinstance(node, ast.While) and not cheap:
            _mark_loop_range(node.iter)
        self.generic_visit(node)
        if not cheap and not (isinstance(node, ast.For) and short_iterable(node.iter, self.trust_range)):
            node.body.insert(0, safe_point_statement(node.body[0]))
        if isinstance(node, ast.While) and worth_rotating(node, self.in_resumed_code):
            return rotated(node)
        return node

    visit_While = _visit_loop
    visit_For = _visit_loop
    visit_AsyncFor = _visit_loop

    def _visit_comprehension_expression(self, node: ast.ListComp | ast.SetComp | ast.DictComp
                                        | ast.GeneratorExp) -> ast.AST:
        """Each step gets a check, unless every step is cheap (``cheap_step``): then
        the steps are left to their source (``vm.instrument.check_placement``)."""
        parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
        parts += [condition for generator in node.generators for condition in generator.ifs]
        cheap = all(cheap_step(part) for part in parts)
        for generator in node.generators:
            generator._sprout_cheap = cheap  # type: ignore[attr-defined]
        self.generic_visit(node)
        return node

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _visit_comprehension_expression

    def visit_comprehension(self, node: ast.comprehension) -> ast.AST:
        cheap = getattr(node, "_sprout_cheap", False)
        if not cheap:
            _mark_loop_range(node.iter)  # its own check: the header's range stays the real one
        self.generic_visit(node)
        if not cheap:
            guard = ast.UnaryOp(op=ast.Not(), operand=safe_point_expression(node.target))
            node.ifs.insert(0, _located(guard, node.target))  # type: ignore[arg-type]
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        if folded(node) is not NOT_CONSTANT:
            return node  # CPython computes it at compile time: ``"hi" * 2 is "hihi"`` holds
        if isinstance(node.op, ast.Pow) and not _is_small_exponent(node.right):
            return _guard_call(GUARDED_POW, node, node.left, node.right)
        if isinstance(node.op, ast.Mult) and (
                _is_sequence_expression(node.left) or _is_sequence_expression(node.right)
                or _looks_huge(node.left) or _looks_huge(node.right)):
            return _guard_call(GUARDED_MUL, node, node.left, node.right)
        return node

    def visit_AugAssign(self, node: ast.AugAssign) -> ast.AST:
        """``x **= v`` becomes ``x **= __sprout_pow_operand__(x, v)``: the in-place operation
        (``__ipow__``) is kept, and the operand is checked before it runs."""
        self.generic_visit(node)
        if not _rereadable(node.target):
            return node
        if isinstance(node.op, ast.Pow) and not _is_small_exponent(node.value):
            checker = GUARDED_POW_OPERAND
        elif isinstance(node.op, ast.Mult) and (_is_sequence_expression(node.value)
                                                or _looks_huge(node.value)):
            checker = GUARDED_MUL_OPERAND
        else:
            return node
        current = _located(_as_load(node.target), node.target)
        node.value = _guard_call(checker, node.value, current, node.value)  # type: ignore[arg-type]
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        if print_calls.is_print(node):
            return print_calls.routed_print(node)
        if print_calls.is_flush(node):
            return print_calls.routed_flush(node)
        if (isinstance(node.func, ast.Name) and node.func.id == "range"
                and not getattr(node, "_sprout_loop_range", False)):
            # ``__sprout_range__(range, ...)``: whatever ``range`` names then (a mock, an
            # ``import *``'s) is what the guard calls, unless it is the built-in.
            node.args.insert(0, node.func)
            node.func = ast.copy_location(_name(GUARDED_RANGE), node.func)
        return node


def _mark_loop_range(iterable: ast.expr) -> None:
    """A ``for`` header's own ``range(...)`` stays the real range: the loop has a check."""
    if isinstance(iterable, ast.Call):
        iterable._sprout_loop_range = True  # type: ignore[attr-defined]


def _rereadable(target: ast.expr) -> bool:
    """Whether reading the target once more has no side effects worth keeping apart."""
    if isinstance(target, ast.Name):
        return True
    if isinstance(target, ast.Attribute):
        return isinstance(target.value, ast.Name)
    if isinstance(target, ast.Subscript):
        return isinstance(target.value, ast.Name) and isinstance(target.slice, (ast.Name, ast.Constant))
    return False


def _as_load(target: ast.expr) -> ast.expr:
    if isinstance(target, ast.Name):
        return ast.Name(id=target.id, ctx=ast.Load())
    if isinstance(target, ast.Attribute):
        return ast.Attribute(value=_as_load(target.value), attr=target.attr, ctx=ast.Load())
    assert isinstance(target, ast.Subscript)
    return ast.Subscript(value=_as_load(target.value), slice=target.slice, ctx=ast.Load())
