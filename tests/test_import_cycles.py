"""Sprout's modules import one way: no cycle, not even through an import deferred into a function.

Every module of ``vm`` and ``ide`` (and ``main.py``) is read with ``ast``; every import
counts wherever it stands, except under ``if TYPE_CHECKING:`` (types only, never run).
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("vm", "ide")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    """Every module of the project's packages, and ``main``."""
    modules = {_module_name(path): path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))}
    modules["main"] = ROOT / "main.py"
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth, outside ``if TYPE_CHECKING:`` bodies."""
    found: list[ast.Import | ast.ImportFrom] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return found


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute name an ``ImportFrom`` names (``from .x import y`` in ``vm.a`` is ``vm.x``)."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[:len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the project's modules it imports (a package's ``__init__`` runs first, so it counts too)."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets: list[str] = []
        for node in _imports(tree):
            if isinstance(node, ast.Import):
                targets.extend(alias.name for alias in node.names)
                continue
            base = _resolve(name, path, node)
            targets.append(base)
            targets.extend(f"{base}.{alias.name}" for alias in node.names)  # ``from pkg import module``
        for target in targets:
            parts = target.split(".")
            for end in range(1, len(parts) + 1):  # importing vm.a.b runs vm and vm.a first
                prefix = ".".join(parts[:end])
                if prefix in modules and prefix != name and not name.startswith(prefix + "."):
                    graph[name].add(prefix)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each with one loop through it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(start: str) -> None:
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return groups


def shortest_loop(graph: dict[str, set[str]], group: list[str]) -> list[str]:
    """The shortest import loop through the group's first module, to print."""
    members = set(group)
    start = group[0]
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(graph[node] & members):
                if child == start:
                    loop = [node]
                    while loop[-1] != start:
                        loop.append(previous[loop[-1]])
                    return [start, *reversed(loop[:-1]), start] if len(loop) > 1 else [start, node, start]
                if child not in previous:
                    previous[child] = node
                    following.append(child)
        frontier = following
    return group


def test_the_import_graph_has_no_cycles() -> None:
    graph = import_graph(project_modules())
    found = cycles(graph)
    described = [f"{len(group)} modules: {', '.join(group)}\n  e.g. {' -> '.join(shortest_loop(graph, group))}"
                 for group in found]
    assert not found, "import cycles (deferred imports count too):\n" + "\n".join(described)


def test_the_cycle_finder_sees_a_deferred_import(tmp_path: Path) -> None:
    """A cycle closed only by an import inside a function is still a cycle."""
    graph = {"vm.a": {"vm.b"}, "vm.b": {"vm.a"}, "vm.c": {"vm.a"}}
    assert cycles(graph) == [["vm.a", "vm.b"]]
    tree = ast.parse("import vm.b\ndef f():\n    from . import c\nif TYPE_CHECKING:\n    from .d import D\n")
    names = [node.module if isinstance(node, ast.ImportFrom) else node.names[0].name for node in _imports(tree)]
    assert sorted(str(name) for name in names) == ["None", "vm.b"]


def engine_layer(module: str, modules: dict[str, Path]) -> str:
    """The folder of ``vm`` a module lives in (``stop``, ``report``...), or ``vm`` for the top."""
    parts = module.split(".")
    folder = ".".join(parts[:2])
    return parts[1] if len(parts) > 1 and modules[folder].name == "__init__.py" else "vm"


def test_the_engine_folders_import_one_way() -> None:
    """Between the engine's folders too, every import points down: no two folders import each other."""
    modules = project_modules()
    graph = import_graph(modules)
    layers: dict[str, set[str]] = {}
    for module, targets in graph.items():
        if module == "vm" or module.startswith("vm."):
            layer = engine_layer(module, modules)
            layers.setdefault(layer, set()).update(
                engine_layer(target, modules) for target in targets if target.startswith("vm."))
            layers[layer].discard(layer)
    for layer in list(layers.values()):
        for target in layer:
            layers.setdefault(target, set())
    found = cycles(layers)
    described = [" -> ".join(shortest_loop(layers, group)) for group in found]
    assert not found, "engine folders that import each other:\n" + "\n".join(described)
