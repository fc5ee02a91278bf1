"""A script that replaces built-ins breaks only its own code: Sprout keeps its own."""
import builtins
import subprocess
import sys
from pathlib import Path

from tests.vm.harness import Harness
from vm import Limits


def test_stop_works_after_the_script_replaces_builtins_the_engine_uses():
    # Stopped by the time limit: the same stop as the Stop button, and no waiting on this
    # thread for output (the standard library's own waits use ``len``).
    for replacement in ("builtins.isinstance = lambda *args: False",
                        "builtins.__import__ = lambda *args, **kwargs: None",
                        "builtins.len = lambda value: 0"):
        result = Harness(Limits(time=0.5)).run(f'''
            import builtins
            {replacement}
            while True:
                pass
        ''')
        assert result.status == "halted" and result.reason == "time_limit", (replacement, result)
        assert result.frames[-1].line == 5, replacement
    assert builtins.isinstance(1, int) and builtins.len("ab") == 2


def test_a_program_ends_normally_with_builtins_replaced():
    harness = Harness()
    result = harness.run('''
        import builtins
        builtins.isinstance = lambda *args: False
        builtins.len = lambda value: 0
        print(isinstance(1, int), len('abc'))
        numbers = [1, 2]
        numbers[5]
    ''')
    assert harness.text() == "False 0\n"
    assert result.status == "error" and result.error_type == "IndexError" and result.frames[-1].line == 7


def test_code_run_by_exec_sees_the_real_builtins():
    harness = Harness()
    result = harness.run('''
        import builtins
        namespace = {}
        exec("size = len('abc')", namespace)
        print(namespace['size'], namespace['__builtins__'] is builtins.__dict__)
        builtins.len = lambda value: -1
        print(eval("len('abc')", {}))
    ''')
    assert result.status == "finished" and harness.text() == "3 True\n-1\n"


def test_exec_on_the_ides_threads_fills_in_the_callers_builtins():
    Harness().run("pass\n")  # Sprout is loaded and its exec/eval are in place
    namespace: dict = {}
    exec("size = len('abc')", namespace)
    assert namespace["size"] == 3 and namespace["__builtins__"] is builtins.__dict__
    assert eval("__builtins__", {}) is builtins.__dict__


def test_a_host_that_imports_pyside6_after_the_engine_can_still_import():
    # The order of Sprout's own start: the engine first, then Qt, then a run and the
    # traceback of its error (whose formatting imports): it aborted the process.
    script = ("import vm\nimport PySide6.QtCore\nfrom vm import VM, format_result\n"
              "print(format_result(VM().run('1/0')).splitlines()[-1])\nimport fractions\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ZeroDivisionError: division by zero"
