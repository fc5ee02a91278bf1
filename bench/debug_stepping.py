"""The debugger's speed: Continue between breakpoints through a 10,000-iteration loop.

    python bench/debug_stepping.py

Prints the time for a Debug run that stops at a breakpoint every 1,000 iterations
(10 pauses, each answered with Continue at once), beside the same program in Run mode,
the time of 200 Step Over commands, and how long a plain run takes to finish its work
after Pause, three Step Overs and Continue, beside the same work never paused.
"""
from __future__ import annotations

import queue
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vm import VM, Debugger  # noqa: E402

SOURCE = """\
total = 0
for i in range(10_000):
    total += i * i
    if i % 1000 == 0:
        checkpoint = i
print(total)
"""


def debug_run(breakpoints: set[int], answer: str, pauses_wanted: int | None = None) -> tuple[float, int]:
    pauses: queue.Queue = queue.Queue()
    vm = VM(on_output=lambda stream, text: None)
    debugger = Debugger(vm, on_pause=pauses.put)
    debugger.set_breakpoints("main.py", breakpoints)
    debugger.attach()

    def run() -> None:
        vm.run(SOURCE)
        pauses.put(None)

    worker = threading.Thread(target=run)
    started = time.perf_counter()
    worker.start()
    count = 0
    while pauses.get() is not None:
        count += 1
        if pauses_wanted is not None and count >= pauses_wanted:
            debugger.set_breakpoints("main.py", set())
            debugger.continue_()
            continue
        getattr(debugger, answer)()
    worker.join()
    return time.perf_counter() - started, count


AFTER_PAUSE = """\
name = input()
first = 1
second = 2
total = 0
for i in range(300_000):
    total += i * i % 7
print(total)
"""


def rest_of_run(pause_and_step: bool) -> float:
    """Seconds from the last command (the answer, or Continue) to the end of the run."""
    pauses: queue.Queue = queue.Queue()
    prompted = threading.Event()
    vm = VM(on_output=lambda stream, text: None, on_input_request=lambda prompt: prompted.set())
    debugger = Debugger(vm, on_pause=pauses.put)
    debugger.detach()
    worker = threading.Thread(target=vm.run, args=(AFTER_PAUSE,))
    worker.start()
    prompted.wait()
    if pause_and_step:
        debugger.pause()
        pauses.get()
        debugger.step_over()
        vm.send_input("Ada")
        for _ in range(3):
            pauses.get()
            debugger.step_over()
        pauses.get()
        started = time.perf_counter()
        debugger.continue_()
    else:
        started = time.perf_counter()
        vm.send_input("Ada")
    worker.join()
    return time.perf_counter() - started


def main() -> None:
    vm = VM(on_output=lambda stream, text: None)
    run_mode = min(vm.run(SOURCE).duration for _ in range(5))
    # A VM that has been debugged and detached runs exactly as before: no tracer at all.
    debugged = VM(on_output=lambda stream, text: None)
    debugger = Debugger(debugged, on_pause=lambda pause: debugger.continue_())
    debugger.attach()
    debugged.run(SOURCE)
    debugger.detach()
    after_detach = min(debugged.run(SOURCE).duration for _ in range(5))
    continued, hits = debug_run({5}, "continue_")
    stepped, steps = debug_run({2}, "step_over", pauses_wanted=200)
    print(f"run mode: {run_mode * 1000:.1f} ms; run mode after a debug run and detach: "
          f"{after_detach * 1000:.1f} ms")
    print(f"debug, continue through {hits} breakpoints over 10,000 iterations: {continued * 1000:.1f} ms")
    print(f"debug, {steps} step-over commands: {stepped * 1000:.1f} ms "
          f"({stepped / steps * 1000:.2f} ms per step)")
    never_paused = min(rest_of_run(False) for _ in range(3))
    continued = min(rest_of_run(True) for _ in range(3))
    print(f"plain run, the work after Pause, 3 steps and Continue: {continued * 1000:.1f} ms; "
          f"never paused: {never_paused * 1000:.1f} ms ({continued / never_paused:.2f}x)")


if __name__ == "__main__":
    main()
