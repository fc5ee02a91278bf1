"""The per-run ``sys``: only ``sys`` itself answers per run, never other modules."""
from tests.vm.harness import Harness


def test_a_package_with_a_module_named_path_leaves_sys_path_a_list(tmp_path):
    # importlib makes every new module with ``type(sys)(name)`` and then sets each
    # submodule as an attribute of its package (matplotlib has ``matplotlib.path``).
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "__init__.py").write_text("")
    for name in ("path", "argv", "stdout"):
        (tmp_path / "tools" / f"{name}.py").write_text(f"NAME = {name!r}\n")
    harness = Harness()
    result = harness.run('''
        import sys
        import tools.argv, tools.path, tools.stdout
        import json
        print(type(sys.path).__name__, sys.path[0] == HERE, type(sys.argv).__name__)
        print(tools.path.NAME, tools.argv.NAME, tools.stdout.NAME)
    '''.replace("HERE", repr(str(tmp_path))), filename="lesson.py", folder=str(tmp_path))
    assert result.status == "finished", result
    assert harness.text() == "list True list\npath argv stdout\n"


def test_modules_made_from_type_of_sys_are_plain_modules():
    harness = Harness()
    result = harness.run('''
        import sys, types
        made = type(sys)("scratch")
        print(type(made) is types.ModuleType, isinstance(made, type(sys)), type(sys).__name__)
        print(hasattr(made, "argv"), hasattr(made, "stdout"))
        made.path = "mine"
        print(made.path, sys.path != "mine")

        class Lesson(type(sys)):
            pass

        own = Lesson("lesson")
        own.stdout = 3
        print(own.stdout, hasattr(own, "argv"), sys.stdout.write("still here\\n"))
    ''')
    assert result.status == "finished", result
    assert harness.text() == "True True module\nFalse False\nmine True\nstill here\n3 False 11\n"
