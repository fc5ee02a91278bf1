"""What run() reports: statuses, frames, syntax errors, reuse and independence."""
import os
import subprocess
import sys
import threading

import pytest

from tests.vm.harness import Harness
from vm import VM, format_result


@pytest.mark.parametrize("source, error_type, line, column", [
    ("print('hi'\n", "SyntaxError", 1, 6),
    ("if x > 1\n    pass\n", "SyntaxError", 1, 9),
    ("def f():\nreturn 1\n", "IndentationError", 2, 1),
    ("x = 1\n  y = 2\n", "IndentationError", 2, 2),
    ("for i in range(3):\n    print(i)\n   print('x')\n", "IndentationError", 3, 4),
    ("x = 'unclosed\n", "SyntaxError", 1, 5),
    ("a = 1\nif a = 1:\n    pass\n", "SyntaxError", 2, 4),
])
def test_syntax_errors_come_back_with_line_and_column(source, error_type, line, column):
    result = Harness().run(source)
    assert result.status == "error"
    assert result.error_type == error_type
    assert (result.frames[0].line, result.frames[0].column) == (line, column)
    assert f'line {line}' in format_result(result)


def test_null_bytes_are_an_error_not_a_crash():
    result = Harness().run("print(1)\x00\n")
    assert result.status == "error" and result.error_type == "SyntaxError"


def test_runtime_error_frames_are_user_frames_with_columns():
    source = """
        def average(values):
            return sum(values) / len(values)

        scores = []
        print(average(scores))
    """
    result = Harness().run(source)
    assert result.status == "error" and result.error_type == "ZeroDivisionError"
    assert [(f.function, f.line) for f in result.frames] == [("<module>", 6), ("average", 3)]
    assert result.frames[-1].column == 12
    text = format_result(result)
    assert "return sum(values) / len(values)" in text and "^^^^" in text
    assert "vm/" not in text and "vm\\" not in text


def test_column_counts_characters_not_bytes():
    result = Harness().run("name = 'héllo wörld'; undefined_thing\n")
    assert result.error_type == "NameError"
    assert result.frames[-1].column == 23


def test_errors_inside_key_callbacks_keep_only_user_frames():
    result = Harness().run("def key(v):\n    return v.missing\nsorted([1, 2], key=key)\n")
    assert result.error_type == "AttributeError"
    assert [f.line for f in result.frames] == [3, 2]


def test_every_run_starts_clean_and_the_vm_is_reusable_after_any_outcome():
    harness = Harness()
    outcomes = [
        ("leak = 1\nprint('ok')\n", "finished"),
        ("print(leak)\n", "error"),
        ("x = (\n", "error"),
        ("import sys\nsys.exit(2)\n", "finished"),
    ]
    for source, status in outcomes:
        assert harness.run(source).status == status
    result, _ = harness.stop_at("print('ready')\nwhile True:\n    pass\n")
    assert result.status == "halted"
    assert harness.run("print('fresh', 'leak' in globals())\n").status == "finished"
    assert harness.text().endswith("fresh False\n")


def test_a_stop_before_a_run_does_not_leak_into_it():
    harness = Harness()
    harness.vm.interrupt()
    assert harness.run("for i in range(3):\n    pass\n").status == "finished"


def test_two_vms_in_two_threads_are_independent():
    first, second = Harness(), Harness()
    spinning = first.start("print('ready')\nwhile True:\n    pass\n")
    counting = second.start("""
        print('ready')
        import time
        total = 0
        for i in range(3):
            time.sleep(0.05)
            total += i
        print(total)
    """)
    first.wait_for_output("ready")
    second.wait_for_output("ready")
    first.vm.interrupt()
    assert spinning.result().status == "halted"
    assert counting.result().status == "finished"
    assert second.text() == "ready\n3\n"


def test_output_is_delivered_while_the_script_keeps_running():
    harness = Harness()
    running = harness.start("print('first line')\nwhile True:\n    pass\n")
    harness.wait_for_output("first line")
    harness.vm.interrupt()
    running.result()


def test_trace_hook_sees_user_frames_only():
    events = []
    harness = Harness()
    harness.vm.set_trace(lambda event, frame, arg: events.append(
        (event, frame.f_code.co_name, frame.f_lineno)))
    harness.run("def double(n):\n    return n * 2\nvalues = sorted([3, 1])\nprint(double(values[0]))\n")
    names = {name for _, name, _ in events}
    assert names == {"<module>", "double"}
    assert ("call", "double", 1) in events and ("line", "double", 2) in events
    assert ("return", "double", 2) in events
    harness.vm.set_trace(None)
    events.clear()
    harness.run("print(1)\n")
    assert events == []


def test_trace_hook_reports_exceptions():
    events = []
    harness = Harness()
    harness.vm.set_trace(lambda event, frame, arg: events.append(event))
    harness.run("try:\n    1 / 0\nexcept ZeroDivisionError:\n    pass\n")
    assert "exception" in events


def test_run_on_a_thread_that_is_not_the_main_thread():
    results = []
    vm = VM(on_output=lambda stream, text: None)
    worker = threading.Thread(target=lambda: results.append(vm.run("x = 1\n")))
    worker.start()
    worker.join(10)
    assert results[0].status == "finished" and results[0].duration > 0


def test_output_before_a_foreign_blocking_call_is_still_delivered():
    harness = Harness()
    running = harness.start("import threading\nprint('before the wait')\nthreading.Event().wait(60)\n")
    harness.wait_for(lambda: "before the wait" in harness.text())  # long before the wait ends
    harness.vm.interrupt()
    assert running.result().status == "halted"


def test_the_caret_lines_up_under_chinese_text_by_display_width():
    harness = Harness()
    result = harness.run("名字 = '小明'\nprint(名字 + 年龄)\n")
    assert result.status == "error" and result.error_type == "NameError"
    lines = format_result(result).splitlines()
    code_line, caret_line = lines[-3], lines[-2]
    assert code_line == "    print(名字 + 年龄)"
    # Every CJK character takes two columns in the console: the carets sit under 年龄.
    start = caret_line.index("^")
    assert caret_line.count("^") == 4
    assert start == len("    print(") + 2 * 2 + len(" + ")


TRACEBACK_SCRIPTS = {
    "nested subscripts": 'data = {"a": {"b": None}}\nprint(data["a"]["b"]["c"])\n',
    "attribute chain": "class Box:\n    pass\nbox = Box()\nbox.inner = Box()\nprint(box.inner.missing.value)\n",
    "call over lines": 'def add(a, b):\n    return a + b\nresult = add(\n    1,\n    "two",\n)\n',
    "comprehension": "values = [1, 2, 0]\nratios = [10 / v for v in values]\n",
    "f-string": 'name = "Ada"\nprint(f"{name.upper()} {name.missing()}")\n',
    "binary operators": "numbers = [3, 1, 2]\ntotal = sum(numbers) + numbers[10] * 2\n",
    "expression over lines": "result = (1 +\n          2) / 0\n",
    "wide characters": "名字 = '小明'\nprint(名字 + 年龄)\n",
    "endless recursion": "def countdown(n):\n    return countdown(n - 1)\ncountdown(5)\n",
    "recursion limit too low": "import sys\ndef f():\n    sys.setrecursionlimit(2)\nf()\n",
}


@pytest.mark.parametrize("source", TRACEBACK_SCRIPTS.values(), ids=TRACEBACK_SCRIPTS.keys())
def test_tracebacks_read_as_python_prints_them(source, tmp_path):
    script = tmp_path / "lesson.py"
    script.write_text(source, encoding="utf-8")
    plain = subprocess.run([sys.executable, str(script)], capture_output=True, timeout=30,
                           env={**os.environ, "PYTHONIOENCODING": "utf-8"}, encoding="utf-8")
    result = Harness().run(source, filename=str(script), folder=str(tmp_path))
    assert format_result(result) == plain.stderr


def test_a_recursion_goes_as_deep_as_under_python(tmp_path):
    from tests.vm.harness import both
    expected, out, err = both('''
        import sys
        def down(n):
            try:
                return down(n + 1)
            except RecursionError:
                return n
        print(sys.getrecursionlimit(), down(1))
        sys.setrecursionlimit(3000)
        print(sys.getrecursionlimit(), down(1))
    ''', tmp_path)
    assert out == expected == "1000 999\n3000 2999\n", err


def test_a_failing_heartbeat_does_not_lose_the_run(monkeypatch, capfd):
    # The heartbeat runs on the thread that called run(); whatever goes wrong there, the
    # run still ends normally and reports its result.
    from vm.stop import watchdog

    def broken_beat(self, state):
        raise RuntimeError("the host's output callback failed")
    monkeypatch.setattr(watchdog.Watchdog, "_beat", broken_beat)
    harness = Harness()
    result = harness.run("import time\nprint('before')\ntime.sleep(0.2)\nprint('after')\n")
    assert result.status == "finished", result
    assert harness.text() == "before\nafter\n"
    assert capfd.readouterr().err.count("RuntimeError: the host's output callback failed") == 1


def test_every_halt_reason_has_a_message_in_the_traceback():
    from vm import HaltReason
    from vm.report.results import halt_message
    messages = {reason: halt_message(reason) for reason in HaltReason}
    assert all(messages.values()) and len(set(messages.values())) == len(HaltReason), messages


def test_an_abandoned_run_reads_as_stopped_by_the_user():
    from vm import HaltReason, RunResult, Status
    result = RunResult.abandoned("left to finish alone")
    assert (result.status, result.reason, result.error_type) == (Status.HALTED, HaltReason.USER, "KeyboardInterrupt")
    assert result.status == "halted" and result.reason == "user"  # the contract's strings still compare equal
    assert "left to finish alone" in format_result(result)


def test_a_stop_request_keeps_the_reason_as_the_enum():
    from vm import HaltReason
    from vm.stop.interrupt import StopSignal
    stop = StopSignal()
    assert stop.request(HaltReason.TIME_LIMIT) and not stop.request(HaltReason.USER)
    assert stop.reason is HaltReason.TIME_LIMIT
    assert stop.take_attention()  # the stop stands: the flag stays raised for it
    assert not StopSignal().take_attention()  # a signal with no stop lowers it again
