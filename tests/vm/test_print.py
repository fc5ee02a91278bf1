"""``print`` and ``sys.stdout`` behave as in plain Python: each script here is also run by
``python`` itself and the two outputs must be the same, character for character."""
import time

import pytest

from tests.vm.harness import Harness, both
from vm import VM

SAME_AS_PYTHON = {
    "values, separators and ends": '''
        print("Line", 3, "squared is", 9)
        print(1.5, None, True, [1, "a"], {"k": (1,)})
        print(*[1, 2, 3]); print(*[]); print(); print("one")
        print("a", "b", sep="-", end="!\\n"); print("x", sep=None, end=None)
        print("é ☃ 中文", "\\U0001F600")
    ''',
    "long unpacked sequences": '''
        class Loud:
            def __str__(self):
                print(*range(300))
                return "loud"
        print(*range(1000))
        print("start", Loud(), *range(5))
        print("also", "here", Loud(), "end")
    ''',
    "a __str__ that prints comes after the values before it": '''
        class Dog:
            def __str__(self):
                print("Dog named", "Rex")
                print("(a good dog)")
                return "dog"
        print("My pet:", Dog(), "is", Dog())
        print(Dog(), "first")
    ''',
    "prints nested in __str__ at several depths": '''
        class Inner:
            def __str__(self):
                print("inner", 3)
                return "I"
        class Outer:
            def __str__(self):
                print("outer", Inner(), end=";\\n")
                return "O"
        print("top", 1, Outer(), 2, Outer())
    ''',
    "a value whose str fails leaves what print had written": '''
        import sys
        class Broken:
            def __str__(self):
                raise ValueError("no text")
        for values in (("a", "b", Broken(), "c"), (Broken(), "x"), ("only", Broken())):
            try:
                print(*values)
            except ValueError as error:
                print("|caught", error)
        sys.set_int_max_str_digits(1000)
        try:
            print("big", 10 ** 2000)
        except ValueError:
            print("|too many digits")
    ''',
    "a __str__ returning something else than a string": '''
        class Bad:
            def __str__(self):
                print("printing inside")
                return 42
        try:
            print("value:", Bad())
        except TypeError as error:
            print("|", error)
    ''',
    "print replaced, shadowed or mocked is what gets called": '''
        import builtins
        from unittest import mock
        with mock.patch("builtins.print") as fake:
            print("hidden", 1)
        builtins.print("calls:", fake.call_args_list)
        def show():
            print = lambda *values: builtins.print("local", *values)
            print("a", "b")
        show()
        print(print is builtins.print, repr(print), type(print).__name__)
    ''',
    "a global print defined by the script": '''
        def print(*values):
            __builtins__.print("mine:", *values)
        print("a", 1)
    ''',
    "stdout replaced, its write patched, or written to directly": '''
        import io, sys, contextlib
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            print("into", "buffer")
        print("got", repr(buffer.getvalue()))
        sys.stdout.write("direct\\n")
        print("after", "direct")
        original = sys.stdout.write
        sys.stdout.write = lambda text: original(text.upper())
        print("shouted", "words")
        del sys.stdout.write
        print("normal", "again")
        print("to stderr", 1, file=sys.stderr)
        saved, sys.stdout = sys.stdout, None
        print("nowhere", 1)
        sys.stdout = saved
        print("back", 2)
    ''',
    "the traceback a script prints shows only its own lines": '''
        import traceback, sys
        class Broken:
            def __str__(self):
                raise ValueError("no text")
        try:
            print("a", Broken())
        except ValueError:
            print()
            traceback.print_exc(file=sys.stdout)
    ''',
    "threads printing": '''
        import threading
        def work(n):
            print("worker", n, "done")
        threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
        for thread in threads:
            thread.start()
            thread.join()
        print("all", len(threads))
    ''',
    "stdout's file: its name, its descriptor, and closing it": '''
        import os, sys
        print(sys.stdout.name, sys.stdout.buffer.raw.name, sys.stdout.encoding)
        print("before the descriptor", flush=True)
        os.write(sys.stdout.fileno(), b"through the descriptor\\n")
        sys.stdout.flush()
        print("last words", 1)
        sys.stdout.close()
        try:
            print("after", "close")
        except ValueError as error:
            sys.stderr.write(str(error))
    ''',
    "the script's own print, however it is bound": '''
        import sys
        def mine(*values):
            sys.stdout.write("mine: " + "/".join(map(str, values)) + "\\n")
        print: object = mine
        print(1, 2, 3)
        (print := lambda *values: mine("walrus", *values))
        print(4, 5, 6)
        for print in [lambda *values: mine("loop", *values)]:
            print(7, 8, 9)
        def  print (*values):
            mine("def", *values)
        print("a", "b", "c")
        def count(range):
            return range(3)
        print(count(lambda n: "my range"), 0, 0)
    ''',
    "a print defined in full-width letters": '''
        def ｐｒｉｎｔ(*values):
            __import__("sys").stdout.write("mine: " + "/".join(map(str, values)) + "\\n")
        print("d", "e", "f")
    ''',
}


def test_a_print_brought_by_import_star_is_the_one_called(tmp_path):
    (tmp_path / "helpers.py").write_text("import builtins\n"
                                         "def print(*values):\n    builtins.print('helper:', *values)\n")
    expected, out, err = both('''
        from helpers import *
        print("one", "two", "three")
        print("four")
    ''', tmp_path)
    assert out == expected == "helper: one two three\nhelper: four\n", err


@pytest.mark.parametrize("name", SAME_AS_PYTHON)
def test_print_writes_what_plain_python_writes(name, tmp_path):
    expected, out, err = both(SAME_AS_PYTHON[name], tmp_path)
    assert out == expected, err
    assert "vm/" not in out and "vm\\" not in out


def test_an_error_in_a_values_str_is_reported_at_the_scripts_line():
    result = Harness().run('''
        class Broken:
            def __str__(self):
                raise ValueError("no text")
        print("a", Broken())
    ''')
    assert result.status == "error" and result.error_type == "ValueError"
    assert [frame.line for frame in result.frames] == [5, 4]


def test_a_thread_that_outlives_its_run_prints_nowhere_and_harms_nothing():
    harness = Harness()
    result = harness.run('''
        import threading, time
        def chatter():
            while True:
                print("still", "here")
                time.sleep(0.001)
        threading.Thread(target=chatter, daemon=True).start()
        time.sleep(0.05)
        print("done")
    ''')
    assert result.status == "finished"
    # Between "done" and the stop that ends it, the thread may print once more (as it may
    # while plain Python exits); once the run has returned, not a character.
    first = harness.text()
    assert "done\n" in first
    later = harness.run("print('next', 'run')")
    assert later.status == "finished" and harness.text()[len(first):] == "next run\n"


@pytest.mark.parametrize("flushing", ["print('before', 'the long call', flush=True)",
                                      "sys.stdout.write('before the long call\\n'); sys.stdout.flush()"])
def test_text_flushed_before_a_call_that_holds_the_interpreter_reaches_the_host_before_it(flushing):
    # The terminal runner writes what it is handed at once, on the script's thread.
    handed: list[tuple[float, str]] = []
    vm = VM(on_output=lambda stream, text: handed.append((time.perf_counter(), text)))
    result = vm.run(f"""import re, sys
{flushing}
re._compile(r"(a+)+$", 0).match("a" * 26 + "b")  # about two seconds inside one C call
""")
    ended = time.perf_counter()
    assert result.status == "finished"
    assert [text for _, text in handed] == ["before the long call\n"]
    assert ended - handed[0][0] > 0.3, "the text was handed over only when the call had ended"


def test_no_line_is_lost_while_threads_write_and_the_engine_reads_stdout():
    # The writers take turns: CPython's own TextIOWrapper loses and repeats lines when
    # threads write to it at the same moment (plain Python does so into a pipe too).
    # What Sprout must add nothing to is its own reading back, from other threads.
    harness = Harness()
    result = harness.run('''
        import sys, threading
        turn = threading.Lock()
        def write(name):
            for i in range(20000):
                with turn:
                    sys.stdout.write(f"{name} {i}\\n")
        threads = [threading.Thread(target=write, args=(name,)) for name in "abcd"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    ''')
    assert result.status == "finished"
    lines = harness.text().splitlines()
    assert sorted(lines) == sorted(f"{name} {i}" for name in "abcd" for i in range(20000))
