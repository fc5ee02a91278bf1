"""The fast tree walkers instrument a script exactly as ``ast``'s own would."""
import ast
import copy
from pathlib import Path

import pytest

from vm import compiler
from vm.fast_ast import fix_locations

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "resources" / "examples").rglob("*.py")) + sorted((ROOT / "vm").glob("*.py"))


class StdlibPlanter(compiler.SafePointPlanter):
    visit = ast.NodeTransformer.visit
    generic_visit = ast.NodeTransformer.generic_visit


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_planting_and_placing_match_the_standard_walkers(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    fast = compiler.SafePointPlanter(print_is_builtin=True).visit(copy.deepcopy(tree))
    plain = StdlibPlanter(print_is_builtin=True).visit(copy.deepcopy(tree))
    assert ast.dump(fast, include_attributes=True) == ast.dump(plain, include_attributes=True)
    ast.fix_missing_locations(plain)
    fix_locations(fast)
    assert ast.dump(fast, include_attributes=True) == ast.dump(plain, include_attributes=True)
