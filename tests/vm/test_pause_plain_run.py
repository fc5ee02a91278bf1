"""Pause a plain run (no tracer installed) from another thread, look, continue, step, stop."""
import queue
import textwrap
import threading
import time

import pytest

from vm import VM
from vm.debugger import Debugger, Pause

# "It pauses": far above the 100 ms goal, far below what the
# waits below would take if the pause did not reach them (30 s, 15 s, for ever).
PAUSE_WITHIN = 5.0


class PlainRun:
    """A plain ``vm.run`` (the debugger is not attached) on its own thread."""

    def __init__(self, source: str, answers: list[str] | None = None) -> None:
        self.pauses: queue.Queue[Pause] = queue.Queue()
        self.printed = threading.Event()
        self.prompted = threading.Event()
        self.output: list[str] = []
        self.vm = VM(on_output=lambda stream, text: (self.output.append(text), self.printed.set()),
                     on_input_request=lambda prompt: self.prompted.set())
        self.debugger = Debugger(self.vm, on_pause=self.pauses.put)
        self.result = None
        self.thread = threading.Thread(target=self._run, args=(textwrap.dedent(source),), daemon=True)
        self.thread.start()

    def _run(self, source: str) -> None:
        self.result = self.vm.run(source)

    def pause(self) -> tuple[Pause, float]:
        asked = time.perf_counter()
        self.debugger.pause()
        pause = self.pauses.get(timeout=10)
        return pause, time.perf_counter() - asked

    def printed_text(self) -> str:
        return "".join(self.output)

    def finish(self):
        self.thread.join(10)
        assert not self.thread.is_alive()
        return self.result


def _locals(pause: Pause) -> dict:
    return pause.frames[-1].local_values


def test_pause_a_tight_loop_continue_and_pause_again_values_advance():
    run = PlainRun("""
        count = 0
        print('ready')
        while True:
            count += 1
    """)
    assert run.printed.wait(10)
    first, latency = run.pause()
    assert latency < PAUSE_WITHIN
    assert first.reason == "pause" and first.line in (4, 5)
    seen = _locals(first)["count"]
    run.debugger.continue_()
    second, _ = run.pause()   # paused before ``count += 1``: at least one step runs first
    assert _locals(second)["count"] > seen
    run.vm.interrupt()
    result = run.finish()
    assert result.status == "halted" and result.activity == "paused"


def test_pause_deep_recursion_shows_the_call_stack():
    run = PlainRun("""
        import sys
        sys.setrecursionlimit(5000)
        def down(n):
            if n == 0:
                print('ready')
                while True:
                    pass
            return down(n - 1)
        down(300)
    """)
    assert run.printed.wait(10)
    pause, latency = run.pause()
    assert latency < PAUSE_WITHIN
    assert len(pause.frames) == 302 and pause.frames[-1].function == "down"
    assert pause.frames[-1].local_values["n"] == 0 and pause.frames[-2].local_values["n"] == 1
    run.vm.interrupt()
    assert run.finish().status == "halted"


@pytest.mark.parametrize("source, ready", [
    ("import time\nprint('ready')\ntime.sleep(30)\n", "printed"),
    ("name = input('Name? ')\n", "prompted"),
    ("import turtle\nturtle.onkey(print, 'a')\nprint('ready')\nturtle.mainloop()\n", "printed"),
    ("import turtle\nturtle.speed(1)\nprint('ready')\nturtle.forward(5000)\n", "printed"),
])
def test_pause_reaches_sleep_input_and_turtle_waits(source, ready):
    run = PlainRun(source)
    assert getattr(run, ready).wait(10)
    pause, latency = run.pause()
    assert latency < PAUSE_WITHIN
    assert pause.frames[-1].function == "<module>"
    run.debugger.continue_()
    run.vm.interrupt()
    assert run.finish().status == "halted"


def test_step_over_after_a_pause_turns_the_run_into_a_debug_run():
    run = PlainRun("""
        total = 0
        print('ready')
        while True:
            total += 1
            total -= 1
            total += 2
    """)
    assert run.printed.wait(10)
    first, _ = run.pause()
    lines = [first.line]
    for _ in range(4):
        run.debugger.step_over()
        step = run.pauses.get(timeout=10)
        assert step.reason == "step"
        lines.append(step.line)
    assert set(lines[1:]) <= {4, 5, 6, 7} and len(set(lines)) >= 3
    run.debugger.continue_()
    run.vm.interrupt()
    assert run.finish().status == "halted"


def test_a_plain_run_never_pauses_unless_asked():
    run = PlainRun("total = sum(i for i in range(100_000))\nprint(total)\n")
    result = run.finish()
    assert result.status == "finished" and run.pauses.empty()


def test_every_pause_reaches_the_main_thread_while_another_thread_passes_safe_points():
    # The other thread reaches a safe point long before the sleeping main thread looks:
    # it must leave the request for the main thread, not take it and drop it.
    run = PlainRun("""
        import threading
        import time
        def spin():
            turns = 0
            while True:
                turns += 1
        threading.Thread(target=spin, daemon=True).start()
        print('ready')
        while True:
            time.sleep(30)
    """)
    try:
        assert run.printed.wait(10)
        for _ in range(10):
            run.debugger.pause()
            pause = run.pauses.get(timeout=5)  # a lost request never comes
            assert pause.frames[-1].function == "<module>"
            run.debugger.continue_()
    finally:
        run.vm.interrupt()
    assert run.finish().status == "halted"


def test_continue_after_a_pause_and_steps_takes_the_tracer_off():
    run = PlainRun("""
        import sys
        name = input()
        first = 1
        second = 2
        print('traced' if sys.gettrace() else 'untraced')
    """)
    try:
        assert run.prompted.wait(10)
        pause, _ = run.pause()
        assert pause.line == 3
        run.debugger.step_over()
        run.vm.send_input("Ada")
        assert run.pauses.get(timeout=10).line == 4
        run.debugger.step_over()
        assert run.pauses.get(timeout=10).line == 5
        run.debugger.continue_()
    finally:
        run.thread.join(10)
        run.vm.interrupt()    # only if it did not end
    assert run.finish().status == "finished"
    assert run.printed_text() == "untraced\n"


def test_a_breakpoint_set_after_continue_brings_the_tracer_back():
    run = PlainRun("""
        count = 0
        print('ready')
        while True:
            count += 1
            count -= 1
    """)
    try:
        assert run.printed.wait(10)
        run.pause()
        run.debugger.step_over()
        assert run.pauses.get(timeout=10).reason == "step"
        run.debugger.continue_()
        run.debugger.set_breakpoints("main.py", {6})
        pause = run.pauses.get(timeout=5)
        assert (pause.reason, pause.line) == ("breakpoint", 6)
        run.debugger.set_breakpoints("main.py", set())
        run.debugger.continue_()
    finally:
        run.vm.interrupt()
    assert run.finish().status == "halted"
