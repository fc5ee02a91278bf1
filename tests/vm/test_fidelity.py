"""What courses teach computes and prints exactly what plain Python does."""
import subprocess
import sys
from pathlib import Path

import pytest

from tests.vm.harness import Harness

MAIN = Path(__file__).resolve().parents[2] / "main.py"


def run(source: str, **kwargs):
    harness = Harness()
    result = harness.run(source, **kwargs)
    return result, harness.text(), harness.text("stderr")


def test_doctest_sees_the_scripts_print():
    result, out, _ = run('''
        def greet(name):
            """
            >>> greet("Ada")
            Hello, Ada
            """
            print(f"Hello, {name}")
        import doctest
        print(doctest.testmod())
    ''')
    assert result.status == "finished"
    assert out == "TestResults(failed=0, attempted=1)\n"


def test_patching_and_redirecting_stdout_capture_print():
    result, out, _ = run('''
        import io, contextlib, unittest.mock
        with unittest.mock.patch("sys.stdout", new_callable=io.StringIO) as fake:
            print("captured")
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            print("redirected")
        print(repr(fake.getvalue()), repr(buffer.getvalue()))
    ''')
    assert out == "'captured\\n' 'redirected\\n'\n"


def test_argv_is_the_scripts_and_unittest_main_finishes_with_its_code():
    result, out, err = run('''
        import sys, argparse, unittest
        print(sys.argv)
        print(argparse.ArgumentParser().parse_args(sys.argv[1:] and []))
        class T(unittest.TestCase):
            def test_ok(self):
                self.assertEqual(1 + 1, 2)
        unittest.main()
    ''', filename="lesson.py")
    assert out.splitlines()[:2] == ["['lesson.py']", "Namespace()"]
    assert result.status == "finished" and result.exit_code == 0
    assert "Ran 1 test" in err and "OK" in err


def test_monkeypatching_builtins_reaches_the_script():
    result, out, _ = run('''
        import builtins, unittest.mock
        with unittest.mock.patch("builtins.input", return_value="42"):
            print(int(input()) + 1)
        with unittest.mock.patch("time.sleep") as sleep:
            import time
            time.sleep(100)
        builtins.input = lambda prompt="": "7"
        print(input("?"), sleep.called)
    ''')
    assert out == "43\n7 True\n"


def test_sys_hooks_take_effect_and_are_restored():
    import sys
    before = sys.excepthook
    result, out, _ = run('''
        import sys
        def hook(kind, error, tb):
            print("my hook:", kind.__name__)
        sys.excepthook = hook
        1 / 0
    ''')
    assert result.error_type == "ZeroDivisionError" and out == "my hook: ZeroDivisionError\n"
    assert sys.excepthook is before


@pytest.mark.parametrize("source, expected", [
    ("it = iter([1, 3, 5, 0]); print(any(v > 2 for v in it), list(it))", "True [5, 0]"),
    ("it = iter([1, 3, 5, 0]); print(any(map(lambda v: v > 2, it)), list(it))", "True [5, 0]"),
    ("print(pow(2, 10, mod=7))", "2"),
    ("print(print.__name__, repr(print))", "print <built-in function print>"),
    ("import threading; print(threading.current_thread() is threading.main_thread())", "True"),
    ("print(eval(' + '.join(['1'] * 2000)))", "2000"),
    ("print((10**1_000_000).bit_length(), (2**82_589_933 - 1).bit_length())", "3321929 82589933"),
    ("import math; print(math.perm(1, 2**1000))", "0"),
    ("x = 1\nprint([k for k in globals() if 'sprout' in k], [k for k in dir() if 'sprout' in k])", "[] []"),
    ("import itertools; print(repr(itertools.count(2)), range(10**9), isinstance(range(10**9), range))",
     "count(2) range(0, 1000000000) True"),
    ("print(sum(range(10**7)), len(list(range(2 * 10**6))))", "49999995000000 2000000"),
])
def test_builtins_keep_their_exact_behaviour(source, expected):
    result, out, _ = run(source)
    assert result.status == "finished", result
    assert out == expected + "\n"


def test_an_iterator_whose_iter_resets_is_consumed_once():
    result, out, _ = run('''
        class Counter:
            def __iter__(self):
                self.i = 0
                return self
            def __next__(self):
                self.i += 1
                if self.i > 3:
                    raise StopIteration
                return self.i
        print(sum(Counter()))
    ''')
    assert out == "6\n"


@pytest.mark.parametrize("call, message", [
    ("eval(5)", "TypeError: eval() arg 1 must be a string, bytes or code object"),
    ("input('a', 'b')", "TypeError: input expected at most 1 argument, got 2"),
    ("__import__(1)", "TypeError: module name must be a string"),
    ("eval(\"__import__('os')\", {'__builtins__': {}})", "NameError: name '__import__' is not defined"),
    ("import threading; threading.Thread(target=print).join()",
     "RuntimeError: cannot join thread before it is started"),
])
def test_errors_match_plain_python(call, message):
    result, _, _ = run(call)
    assert f"{result.error_type}: {result.message}" == message


def test_engine_frames_stay_out_of_the_scripts_tracebacks():
    result, out, _ = run('''
        import sys, traceback
        try:
            exec("1/0")
        except ZeroDivisionError:
            traceback.print_exc(file=sys.stdout)
        try:
            x = 0 ** -1
        except ZeroDivisionError:
            traceback.print_exc(file=sys.stdout)
    ''')
    assert "vm/" not in out and 'File "<string>", line 1' in out


def test_a_package_beside_the_script_imports_and_its_objects_pickle(tmp_path):
    (tmp_path / "shapes").mkdir()
    (tmp_path / "shapes" / "__init__.py").write_text("from .square import Square\n")
    (tmp_path / "shapes" / "square.py").write_text(
        "class Square:\n    def __init__(self, side):\n        self.side = side\n")
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "extra.py").write_text("def forever():\n    while True:\n        pass\n")
    result, out, _ = run('''
        import pickle, sys
        from shapes import Square
        copy = pickle.loads(pickle.dumps(Square(3)))
        print(type(copy).__module__, copy.side)
        sys.path.append(LIB)
        import extra
        print(extra.__file__.endswith("extra.py"))
    '''.replace("LIB", repr(str(tmp_path / "lib"))), folder=str(tmp_path))
    assert result.status == "finished", result
    assert out == "shapes.square 3\nTrue\n"
    import sys
    assert "shapes" not in sys.modules and "extra" not in sys.modules


def test_syntax_warnings_name_the_learners_file(tmp_path):
    # In the terminal: pytest would record the warning itself.
    script = tmp_path / "lesson.py"
    script.write_text("x = 5\nif x is 5:\n    pass\n")
    done = subprocess.run([sys.executable, str(MAIN), "run", str(script)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0
    assert f"{script}:2: SyntaxWarning" in done.stderr and "if x is 5:" in done.stderr


def test_atexit_handlers_run_when_the_script_ends_and_the_collector_comes_back():
    import gc
    result, out, _ = run('''
        import atexit, gc
        atexit.register(print, "goodbye")
        gc.disable()
        print("main")
    ''')
    assert out == "main\ngoodbye\n"
    assert gc.isenabled()


def test_sys_reads_as_a_module_and_stdin_has_a_byte_buffer():
    from tests.vm.harness import Harness
    harness = Harness()
    running = harness.start('''
        import json, sys
        try:
            json.dumps(sys)
        except TypeError as error:
            print(error)
        print(sys.stdin.buffer.readline())
    ''')
    harness.wait_for_prompt()
    harness.vm.send_input("bytes please")
    result = running.result()
    assert result.status == "finished"
    assert harness.text() == "Object of type module is not JSON serializable\nb'bytes please\\n'\n"


def test_a_saved_scripts_argv_and_file_are_its_absolute_path(tmp_path):
    from tests.vm.harness import Harness
    harness = Harness()
    result = harness.run("import sys\nprint(sys.argv == [__file__], __file__)\n",
                         filename="lesson.py", folder=str(tmp_path))
    assert result.status == "finished"
    assert harness.text() == f"True {tmp_path / 'lesson.py'}\n"


def test_a_learners_file_named_like_a_loaded_module_is_what_their_code_imports(tmp_path):
    # The classic: a learner calls their file random.py. Python finds it first (and the
    # program usually breaks); Sprout must not quietly hand over the real random instead.
    import random  # noqa: F401 - make sure the process has the real one loaded

    from tests.vm.harness import Harness
    (tmp_path / "random.py").write_text("def randint(a, b):\n    return 'mine'\n")
    harness = Harness()
    result = harness.run("import random\nfrom random import randint\nprint(random.randint(1, 6), randint(1, 2))\n",
                         filename="game.py", folder=str(tmp_path))
    assert result.status == "finished", result
    assert harness.text() == "mine mine\n"
    import random as after
    assert after.randint(1, 1) == 1   # the process's own random is untouched


def test_the_hint_names_a_learners_file_that_shadows_the_standard_library(tmp_path):
    from tests.vm.harness import Harness
    from vm import explain
    (tmp_path / "random.py").write_text("print('my random module')\n")
    harness = Harness()
    source = "import random\nprint(random.randint(1, 6))\n"
    result = harness.run(source, filename="dice.py", folder=str(tmp_path))
    assert result.error_type == "AttributeError"
    assert "file of yours called random.py" in explain(result, source)


def test_a_scripts_unraisablehook_does_not_outlive_its_run():
    import sys

    from tests.vm.harness import Harness
    before = sys.unraisablehook
    result = Harness().run("import sys\nsys.unraisablehook = lambda u: None\n")
    assert result.status == "finished"
    assert sys.unraisablehook is before


def test_the_scripts_module_globals_are_those_python_gives(tmp_path):
    source = ("x: int = 1\n"
              "print([(name, type(value).__name__) for name, value in globals().items()])\n"
              "print(__annotations__, __cached__, __spec__, __package__, __loader__.name, __file__)\n")
    script = tmp_path / "lesson.py"
    script.write_text(source)
    plain = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60,
                           check=True)
    result, out, _ = run(source, filename="lesson.py", folder=str(tmp_path))
    assert result.status == "finished", result
    assert out == plain.stdout


@pytest.mark.parametrize("call", [
    "time.sleep(float('inf'))", "time.sleep(1e300)", "time.sleep(10**30)",
    "threading.Event().wait(1e300)", "threading.Event().wait(threading.TIMEOUT_MAX * 2)",
    "condition = threading.Condition(); condition.acquire(); condition.wait(float('inf'))",
    "thread = threading.Thread(target=time.sleep, args=(0.1,)); thread.start(); thread.join(1e300)",
])
def test_a_wait_too_long_for_the_clock_raises_as_in_python(call):
    from vm import Limits
    setup = "import threading, time\n"
    with pytest.raises(OverflowError) as plain:
        exec(setup + call, {})  # this thread is the host's: plain Python
    harness = Harness(Limits(time=10.0))  # before the fix: a wait for ever, cut by the limit
    result = harness.run(setup + call)
    assert f"{result.error_type}: {result.message}" == f"OverflowError: {plain.value}"
