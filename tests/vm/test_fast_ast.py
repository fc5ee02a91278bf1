"""The fast tree walkers instrument a script exactly as ``ast``'s own would."""
import ast
import copy
from pathlib import Path

import pytest

from vm.instrument import compiler
from vm.instrument.fast_ast import fix_locations

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "resources" / "examples").rglob("*.py")) + sorted((ROOT / "vm").rglob("*.py"))


class StdlibPlanter(compiler.SafePointPlanter):
    visit = ast.NodeTransformer.visit
    generic_visit = ast.NodeTransformer.generic_visit


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_planting_and_placing_match_the_standard_walkers(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    fast = compiler.SafePointPlanter().visit(copy.deepcopy(tree))
    plain = StdlibPlanter().visit(copy.deepcopy(tree))
    assert ast.dump(fast, include_attributes=True) == ast.dump(plain, include_attributes=True)
    ast.fix_missing_locations(plain)
    fix_locations(fast)
    assert ast.dump(fast, include_attributes=True) == ast.dump(plain, include_attributes=True)


GUARDED = """
import math
def grow(items, n):
    items *= 3
    total = 2 ** n + len(items * 2)
    for i in range(10 ** 7):
        total += i
        if i > 3:
            break
    print("total", total, "n", n)
    return [x * x for x in range(n)]
grow([1], 70)
"""


def test_injected_nodes_carry_positions_so_compiling_needs_no_filling_walk(monkeypatch):
    walks = []
    monkeypatch.setattr(compiler, "fix_locations", lambda tree: walks.append(tree) or fix_locations(tree))
    for path in SOURCES:
        compiler.compile_script(path.read_text(encoding="utf-8"), str(path))
    compiler.compile_script(GUARDED, "guarded.py")
    assert walks == []


def test_a_node_without_a_position_is_placed_when_compile_asks():
    tree = ast.parse("x = 1\n")
    tree.body.append(ast.Expr(ast.Call(func=ast.Name(id="print", ctx=ast.Load()), args=[], keywords=[])))
    code = compiler.compile_tree(tree, "late.py")
    assert code.co_filename == "late.py"
