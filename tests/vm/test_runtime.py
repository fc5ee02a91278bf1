"""The language and standard library stay whole; only what harms the IDE is contained."""
import sys
import threading

from tests.vm.harness import Harness


def test_learner_programs_compute_what_plain_python_computes():
    source = '''
        """A module docstring."""
        from __future__ import annotations
        import math, random, json, collections, dataclasses, itertools, functools

        @dataclasses.dataclass
        class Point:
            x: int
            y: int = 0
            def norm(self) -> float:
                """Length of the vector."""
                return math.hypot(self.x, self.y)

        class Secret:
            def __init__(self):
                self.__hidden = 42
            def reveal(self):
                return self.__hidden

        def gen(n):
            for i in range(n):
                yield i * i

        @functools.lru_cache
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)

        async def nothing():
            return 1

        random.seed(7)
        counts = collections.Counter("mississippi")
        matrix = [[r * c for c in range(3)] for r in range(3)]
        print(Point(3, 4).norm(), Point.norm.__doc__, Secret().reveal())
        print(list(gen(4)), fib(60), counts.most_common(1), matrix[2])
        print(json.dumps({"a": [1, 2]}), sorted({3, 1, 2}), {k: v for k, v in [("x", 1)]})
        print((lambda *a, **k: (a, k))(1, b=2), __name__, __doc__)
        print(list(itertools.islice(itertools.count(), 3)), random.randint(1, 100) > 0)
        match Point(1, 2):
            case Point(x=1, y=y):
                print("matched", y)
        x = 10
        while x:
            x -= 3
            if x < 0:
                break
        else:
            print("never")
        import asyncio
        print(asyncio.run(nothing()))
        print(eval("sum(i for i in range(4))"), exec("z = 5") or z)
    '''
    harness = Harness()
    result = harness.run(source)
    assert result.status == "finished", result
    assert harness.text().splitlines() == [
        "5.0 Length of the vector. 42",
        "[0, 1, 4, 9] 1548008755920 [('i', 4)] [0, 2, 4]",
        '{"a": [1, 2]} [1, 2, 3] {\'x\': 1}',
        "((1,), {'b': 2}) __main__ A module docstring.",
        "[0, 1, 2] True",
        "matched 2",
        "1",
        "6 5",
    ]


def test_stdout_and_stderr_are_separate_and_ordered():
    harness = Harness()
    harness.run("import sys\nprint('one')\nprint('two', file=sys.stderr)\nsys.stdout.write('three\\n')\n")
    assert harness.chunks == [("stdout", "one\n"), ("stderr", "two"), ("stderr", "\n"),
                              ("stdout", "three\n")]


def test_print_with_file_none_still_reaches_the_console():
    harness = Harness()
    harness.run("print('explicit', file=None)\nprint('end', end='!', flush=True)\n")
    assert harness.text() == "explicit\nend!"


def test_library_output_reaches_the_console():
    harness = Harness()
    harness.run("""
        import pprint, traceback, logging
        pprint.pprint({"key": "value"})
        try:
            1 / 0
        except ZeroDivisionError:
            traceback.print_exc()
        log = logging.getLogger("learner")
        log.addHandler(logging.StreamHandler())
        log.warning("careful")
    """)
    assert "{'key': 'value'}" in harness.text()
    assert "ZeroDivisionError" in harness.text("stderr")
    assert "1 / 0" in harness.text("stderr")
    assert "careful" in harness.text("stderr")


def test_reassigning_sys_stdout_stays_inside_the_script():
    real_stdout = sys.stdout
    harness = Harness()
    result = harness.run("""
        import io, sys, contextlib
        buffer = io.StringIO()
        sys.stdout = buffer
        print("hidden")
        sys.stdout = sys.__stdout__
        print("captured:", buffer.getvalue().strip())
        other = io.StringIO()
        with contextlib.redirect_stdout(other):
            print("redirected")
        print("got", other.getvalue().strip())
        sys.stderr = None
    """)
    assert result.status == "finished", result
    assert harness.text() == "captured: hidden\ngot redirected\n"
    assert sys.stdout is real_stdout or type(sys.stdout).__name__ == "ThreadRouter"


def test_exit_calls_end_the_script_with_their_code():
    for call, code in [("sys.exit()", 0), ("sys.exit(3)", 3), ("exit(4)", 4), ("quit()", 0),
                       ("raise SystemExit(5)", 5), ("os._exit(6)", 6)]:
        harness = Harness()
        result = harness.run(f"import sys, os\nprint('before')\n{call}\nprint('after')\n")
        assert result.status == "finished" and result.exit_code == code, call
        assert harness.text() == "before\n"


def test_exit_with_a_message_prints_it_to_stderr():
    harness = Harness()
    result = harness.run("import sys\nsys.exit('bye now')\n")
    assert result.exit_code == 1 and harness.text("stderr") == "bye now\n"


def test_harmful_calls_get_a_clear_error():
    for call in ["os.abort()", "os.fork()", "os.kill(os.getpid(), 9)"]:
        result = Harness().run(f"import os\n{call}\n")
        assert result.status == "error" and result.error_type == "PermissionError", call
        assert "Sprout" in result.message


def test_refused_imports_explain_why():
    result = Harness().run("import multiprocessing\n")
    assert result.error_type == "ImportError" and "Sprout" in result.message


def test_threads_started_by_the_script_do_not_outlive_the_run():
    before = set(threading.enumerate())
    harness = Harness()
    result = harness.run("""
        import threading
        def forever():
            while True:
                pass
        threading.Thread(target=forever, daemon=True).start()
        print("main done")
    """)
    assert result.status == "finished"
    leftover = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    assert leftover == []


def test_non_daemon_threads_are_waited_for_and_their_output_kept():
    harness = Harness()
    result = harness.run("""
        import threading, time
        def later():
            time.sleep(0.1)
            print("from the thread")
        threading.Thread(target=later).start()
        print("main done")
    """)
    assert result.status == "finished"
    assert harness.text() == "main done\nfrom the thread\n"


def test_thread_errors_are_reported_on_stderr():
    harness = Harness()
    harness.run("import threading\nt = threading.Thread(target=lambda: 1 / 0)\nt.start()\nt.join()\n")
    assert "ZeroDivisionError" in harness.text("stderr")


def test_dunder_names_and_name_mangling_are_untouched():
    harness = Harness()
    result = harness.run("""
        class Box:
            def __init__(self):
                self.__items = [i for i in range(3)]
            def total(self):
                return sum(x for x in self.__items)
        print(Box().total())
    """)
    assert result.status == "finished", result
    assert harness.text() == "3\n"


def test_modules_beside_the_script_import_fresh_and_instrumented(tmp_path):
    (tmp_path / "helper.py").write_text(
        "GREETING = 'hi'\n\ndef spin():\n    while True:\n        pass\n", encoding="utf-8")
    harness = Harness()
    result = harness.run("import helper\nfrom helper import GREETING\nprint(helper.GREETING, GREETING)\n",
                         folder=str(tmp_path))
    assert result.status == "finished", result
    assert harness.text() == "hi hi\n"
    running = harness.start("import helper\nprint('ready')\nhelper.spin()\n", folder=str(tmp_path))
    harness.wait_for_output("ready\n" * 1)
    harness.vm.interrupt()
    result = running.result()
    assert result.status == "halted"
    assert [(f.filename, f.line) for f in result.frames] == [("main.py", 3), (str(tmp_path / "helper.py"), 5)]


def test_an_error_in_a_local_module_points_into_it(tmp_path):
    (tmp_path / "shapes.py").write_text("def area(w, h):\n    return w * hh\n", encoding="utf-8")
    result = Harness().run("import shapes\nshapes.area(2, 3)\n", folder=str(tmp_path))
    assert result.error_type == "NameError"
    assert result.frames[-1].filename == str(tmp_path / "shapes.py") and result.frames[-1].line == 2
