"""Step through real scripts and check the line and the variables at every pause."""
import queue
import textwrap
import threading
import time

import pytest

from tests.vm.harness import ENDS_WITHIN
from vm import VM
from vm.debugger import Debugger, Pause
from vm.report.inspector import children_of, describe, visible_globals

SCRIPT = textwrap.dedent("""\
    def square(n):
        result = n * n
        return result

    total = 0
    for i in range(3):
        total += square(i)
    print(total)
""")


class Session:
    """A debugged run on its own thread; pauses arrive in a queue."""

    def __init__(self, source: str, breakpoints: set[int] = frozenset(), pause_on_uncaught: bool = True) -> None:
        self.output: list[str] = []
        self.printed = threading.Event()
        self.pauses: queue.Queue[Pause] = queue.Queue()
        self.vm = VM(on_output=lambda stream, text: (self.output.append(text), self.printed.set()))
        self.debugger = Debugger(self.vm, on_pause=self.pauses.put)
        self.debugger.set_breakpoints("main.py", set(breakpoints))
        self.debugger.pause_on_uncaught = pause_on_uncaught
        self.debugger.attach()
        self.result = None
        self.thread = threading.Thread(target=self._run, args=(source,), daemon=True)
        self.thread.start()

    def _run(self, source: str) -> None:
        self.result = self.vm.run(source)

    def next_pause(self) -> Pause:
        return self.pauses.get(timeout=10)

    def finish(self):
        self.thread.join(10)
        assert not self.thread.is_alive()
        return self.result


def _locals(pause: Pause) -> dict:
    return dict(pause.frames[-1].frame.f_locals)


def test_breakpoint_pauses_with_variables_then_continue():
    session = Session(SCRIPT, breakpoints={7})
    pause = session.next_pause()
    assert pause.reason == "breakpoint" and pause.line == 7
    assert _locals(pause)["i"] == 0 and _locals(pause)["total"] == 0
    session.debugger.continue_()
    pause = session.next_pause()
    assert pause.line == 7 and _locals(pause)["i"] == 1 and _locals(pause)["total"] == 0
    session.debugger.continue_()
    pause = session.next_pause()
    assert _locals(pause)["i"] == 2 and _locals(pause)["total"] == 1
    session.debugger.continue_()
    assert session.finish().status == "finished"
    assert "".join(session.output) == "5\n"


def test_step_into_over_and_out():
    session = Session(SCRIPT, breakpoints={7})
    assert session.next_pause().line == 7
    session.debugger.step_into()
    pause = session.next_pause()
    assert (pause.line, pause.frames[-1].function) == (2, "square")
    assert [f.function for f in pause.frames] == ["<module>", "square"]
    assert _locals(pause) == {"n": 0}
    session.debugger.step_over()
    pause = session.next_pause()
    assert pause.line == 3 and _locals(pause) == {"n": 0, "result": 0}
    session.debugger.step_out()
    pause = session.next_pause()
    assert pause.frames[-1].function == "<module>" and pause.line == 7
    session.debugger.step_over()
    pause = session.next_pause()
    assert pause.frames[-1].function == "<module>"
    session.debugger.continue_()
    session.debugger.set_breakpoints("main.py", set())
    session.debugger.continue_()
    assert session.finish().status == "finished"


STEPPED_OUT = textwrap.dedent("""\
    def helper(n):
        for k in range(n):
            n += k
        return n

    def main():
        for i in range(3):
            helper(i)

    main()
""")


def test_step_out_stops_in_the_caller_on_the_line_that_called():
    session = Session(STEPPED_OUT, breakpoints={3})
    assert session.next_pause().line == 3
    session.debugger.set_breakpoints("main.py", set())
    session.debugger.step_out()
    pause = session.next_pause()
    assert (pause.frames[-1].function, pause.line) == ("main", 8)
    session.debugger.step_over()
    pause = session.next_pause()
    assert (pause.frames[-1].function, pause.line) == ("main", 7)
    session.debugger.continue_()
    assert session.finish().status == "finished"


def test_stop_after_step_out_is_reported_where_the_caller_was_shown():
    session = Session(STEPPED_OUT, breakpoints={3})
    assert session.next_pause().line == 3
    session.debugger.set_breakpoints("main.py", set())
    session.debugger.step_out()
    pause = session.next_pause()
    assert (pause.frames[-1].function, pause.line) == ("main", 8)
    session.vm.interrupt()
    result = session.finish()
    assert result.status == "halted"
    assert [(frame.function, frame.line) for frame in result.frames] == [("<module>", 10), ("main", 8)]


def test_step_over_does_not_enter_calls():
    session = Session(SCRIPT, breakpoints={5})
    lines = [session.next_pause().line]
    for _ in range(5):
        session.debugger.step_over()
        pause = session.next_pause()
        assert pause.frames[-1].function == "<module>"
        lines.append(pause.line)
    assert lines == [5, 6, 7, 6, 7, 6]
    session.debugger.set_breakpoints("main.py", set())
    session.debugger.continue_()
    assert session.finish().status == "finished"


def test_stop_while_paused_halts_at_the_paused_line():
    session = Session(SCRIPT, breakpoints={2})
    assert session.next_pause().line == 2
    started = time.perf_counter()
    session.vm.interrupt()
    result = session.finish()
    assert time.perf_counter() - started < ENDS_WITHIN
    assert result.status == "halted" and result.frames[-1].line == 2


def test_pause_request_shows_the_current_line_without_ending_the_program():
    session = Session("print('ready')\nn = 0\nwhile n < 10**9:\n    n += 1\nprint('done')\n")
    assert session.printed.wait(10)
    session.debugger.pause()
    pause = session.next_pause()
    assert pause.reason == "pause" and pause.line in (3, 4)
    n_before = _locals(pause)["n"]
    session.debugger.step_over()
    pause = session.next_pause()
    assert _locals(pause)["n"] >= n_before
    session.vm.interrupt()
    assert session.finish().status == "halted"


def test_continue_through_ten_thousand_iterations_reaches_each_breakpoint():
    # How fast: bench/debug_stepping.py.
    source = "total = 0\nfor i in range(10000):\n    total += i\n    if i % 2500 == 0:\n        marker = i\n"
    session = Session(source, breakpoints={5})
    hits = 0
    while True:
        try:
            session.pauses.get(timeout=5)
        except queue.Empty:
            break
        hits += 1
        session.debugger.continue_()
        if hits == 4:
            break
    result = session.finish()
    assert hits == 4 and result.status == "finished"


def test_variables_are_described_safely():
    class Loops:
        def __repr__(self):
            while True:
                pass

    class Pet:
        def __init__(self):
            self.name = "Rex"
            self.tricks = ["sit", "roll"]

    assert describe("x", [1, 2, 3]).summary == "[1, 2, 3]"
    assert describe("big", list(range(1000))).summary.endswith("...]")
    assert describe("pet", Pet()).summary == "Pet(name='Rex', tricks=['sit', 'roll'])"
    assert describe("odd", Loops()).summary == "Loops()"
    assert [label for label, _ in children_of(Pet())] == ["name", "tricks"]
    assert [label for label, _ in children_of({"a": 1})] == ["'a'"]
    assert describe("n", 5).expandable is False and describe("l", [1]).expandable is True
    names = [name for name, _ in visible_globals({"__name__": "__main__", "x": 1})]
    assert names == ["x"]


UNCAUGHT = textwrap.dedent("""\
    def average(values):
        total = sum(values)
        return total / len(values)

    print(average([2, 4]))
    print(average([]))
""")


def test_an_uncaught_error_pauses_at_the_raise_with_its_values_live():
    session = Session(UNCAUGHT)
    pause = session.next_pause()
    assert pause.reason == "exception" and pause.line == 3
    assert _locals(pause) == {"values": [], "total": 0}
    session.debugger.continue_()
    result = session.finish()
    assert result.status == "error" and result.error_type == "ZeroDivisionError"


@pytest.mark.parametrize("source", [
    "try:\n    1 / 0\nexcept ZeroDivisionError:\n    print('caught')\n",
    "def f():\n    return int('x')\ntry:\n    f()\nexcept:\n    print('caught')\n",
    "class Count:\n    def __init__(self): self.n = 0\n    def __iter__(self): return self\n"
    "    def __next__(self):\n        self.n += 1\n        if self.n > 2:\n            raise StopIteration\n"
    "        return self.n\nprint(list(Count()))\n",
    "import json\ntry:\n    json.loads('{')\nexcept ValueError:\n    print('caught')\n",
])
def test_caught_errors_do_not_pause(source):
    session = Session(source)
    result = session.finish()
    assert result.status == "finished" and session.pauses.empty()


def test_an_error_inside_with_still_counts_as_uncaught_and_the_option_can_be_off():
    source = "import io\nwith io.StringIO() as buffer:\n    buffer.write(1)\n"
    session = Session(source)
    assert session.next_pause().line == 3
    session.debugger.continue_()
    assert session.finish().error_type == "TypeError"
    quiet = Session(source, pause_on_uncaught=False)
    assert quiet.finish().error_type == "TypeError" and quiet.pauses.empty()


class _WidenedCondition(threading.Condition):
    """The debugger's lock, with a hook where the script thread has just released it while
    resuming: a Pause pressed right then is the race under test."""

    def __init__(self, debugger_of) -> None:
        super().__init__()
        self.debugger_of = debugger_of
        self.tester = threading.current_thread()
        self.armed = threading.Event()
        self.in_window = threading.Event()
        self.pressed = threading.Event()

    def __exit__(self, *exc):
        result = super().__exit__(*exc)
        on_script_thread = threading.current_thread() is not self.tester
        if on_script_thread and self.armed.is_set() and not self.debugger_of().paused:
            self.armed.clear()
            self.in_window.set()
            self.pressed.wait(5)
        return result


def test_a_pause_pressed_just_as_the_program_resumes_is_not_undone():
    pauses: queue.Queue[Pause] = queue.Queue()
    vm = VM(on_output=lambda stream, text: None)
    debugger = Debugger(vm, on_pause=pauses.put)
    condition = debugger._condition = _WidenedCondition(lambda: debugger)
    debugger.set_breakpoints("main.py", {4})
    debugger.attach()
    results = []
    thread = threading.Thread(target=lambda: results.append(vm.run(
        "count = 0\nwhile True:\n    count += 1\n    count += 1\n")), daemon=True)
    thread.start()
    try:
        assert pauses.get(timeout=10).reason == "breakpoint"
        debugger.set_breakpoints("main.py", set())
        condition.armed.set()
        debugger.continue_()
        assert condition.in_window.wait(5)
        debugger.pause()          # the script thread has released the lock, not yet set its mode
        condition.pressed.set()
        assert pauses.get(timeout=5).reason == "pause"
    finally:
        condition.pressed.set()
        vm.interrupt()
        thread.join(10)
    assert results[0].status == "halted"


def test_continue_with_no_breakpoint_left_runs_the_rest_untraced():
    session = Session(textwrap.dedent("""\
        import sys
        total = 0
        for i in range(3):
            total += i
        print('traced' if sys.gettrace() else 'untraced')
    """), breakpoints={4})
    assert session.next_pause().line == 4
    session.debugger.continue_()
    assert session.next_pause().line == 4      # the breakpoint is still set: it stops again
    session.debugger.set_breakpoints("main.py", set())
    session.debugger.continue_()
    assert session.finish().status == "finished"
    assert "".join(session.output) == "untraced\n"


def test_an_uncaught_error_still_pauses_after_continue_took_the_tracer_off():
    session = Session(textwrap.dedent("""\
        def average(values):
            total = sum(values)
            return total / len(values)
        start = 1
        print(average([]))
    """), breakpoints={4})
    assert session.next_pause().line == 4
    session.debugger.set_breakpoints("main.py", set())
    session.debugger.continue_()
    pause = session.next_pause()
    assert pause.reason == "exception"
    assert [(f.function, f.line) for f in pause.frames] == [("<module>", 5), ("average", 3)]
    assert pause.frames[-1].local_values == {"values": [], "total": 0}
    session.debugger.continue_()
    result = session.finish()
    assert result.error_type == "ZeroDivisionError" and result.frames[-1].line == 3


def test_stop_while_paused_on_an_uncaught_error_after_continue_shows_where_it_was_raised():
    session = Session(textwrap.dedent("""\
        def average(values):
            total = sum(values)
            return total / len(values)
        start = 1
        print(average([]))
    """), breakpoints={4})
    assert session.next_pause().line == 4
    session.debugger.set_breakpoints("main.py", set())
    session.debugger.continue_()
    assert session.next_pause().reason == "exception"
    session.vm.interrupt()
    result = session.finish()
    assert result.status == "halted" and result.activity == "paused"
    assert [(frame.function, frame.line) for frame in result.frames] == [("<module>", 5), ("average", 3)]
    assert [frame.function for frame in result.snapshot] == ["<module>", "average"]
