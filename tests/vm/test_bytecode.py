"""Bytecode with safe points never lands where plain Python reads bytecode."""
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.vm.harness import Harness

MAIN = Path(__file__).resolve().parents[2] / "main.py"
LOOP = "total = 0\nfor step in range(3):\n    total += step\nwhile total < 5:\n    total += 1\n"


def _bytecode_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.pyc"))


def _environment(**extra: str) -> dict[str, str]:
    """The learner's environment: Python writes bytecode there."""
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**environment, **extra}


def _plain_python(folder: Path, source: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(source)], cwd=folder, capture_output=True,
                          text=True, timeout=60, check=False, env=_environment(**env))


def test_modules_a_script_imports_compiles_or_loads_leave_plain_python_bytecode(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    for name in ("helper", "compiled", "loaded"):
        (tmp_path / f"{name}.py").write_text(LOOP)
    (tmp_path / "many").mkdir()
    (tmp_path / "many" / "one.py").write_text(LOOP)
    harness = Harness()
    result = harness.run('''
        import compileall, importlib.util, os, py_compile
        import helper
        here = os.path.dirname(__file__)
        py_compile.compile(os.path.join(here, "compiled.py"), doraise=True)
        compileall.compile_dir(os.path.join(here, "many"), quiet=1)
        spec = importlib.util.spec_from_file_location("loaded", os.path.join(here, "loaded.py"))
        loaded = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(loaded)
        print(helper.total, loaded.total)
    ''', filename="lesson.py", folder=str(tmp_path))
    assert result.status == "finished", result
    assert harness.text() == "5 5\n"
    written = _bytecode_files(tmp_path)
    assert {path.name.partition(".")[0] for path in written} == {"compiled", "loaded", "one"}
    for path in written:
        assert b"__sprout" not in path.read_bytes(), path
    plain = _plain_python(tmp_path, '''
        import sys
        sys.path.insert(0, "many")
        import compiled, helper, loaded, one
        print(compiled.total, helper.total, loaded.total, one.total)
    ''')
    assert plain.stderr == "" and plain.stdout == "5 5 5 5\n"


def test_a_library_first_imported_during_a_run_is_cached_as_plain_bytecode(tmp_path):
    # A folder on PYTHONPATH stands in for site-packages: not the learner's folder.
    library = tmp_path / "library"
    library.mkdir()
    (library / "counting.py").write_text(LOOP)
    script = tmp_path / "lesson.py"
    script.write_text("import counting\nprint(counting.total)\n")
    done = subprocess.run([sys.executable, str(MAIN), "run", str(script)], capture_output=True, text=True,
                          timeout=60, check=False, env=_environment(PYTHONPATH=str(library)))
    assert done.returncode == 0 and done.stdout == "5\n", done.stderr
    written = _bytecode_files(library)
    assert written
    for path in written:
        assert b"__sprout" not in path.read_bytes(), path
    plain = _plain_python(tmp_path, "import counting\nprint(counting.total)\n", PYTHONPATH=str(library))
    assert plain.stderr == "" and plain.stdout == "5\n"
