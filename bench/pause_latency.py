"""Time from ``Debugger.pause()`` (on another thread) to the pause being shown.

    python bench/pause_latency.py [--trials N]

A plain run (no tracer installed) is paused where learners' programs spend their time:
a tight loop, deep recursion, ``sleep``, ``input`` and turtle's waits. Goal: p99 <= 100 ms
in every scenario. (The tests only check that each pause comes at all.)
"""
from __future__ import annotations

import argparse
import queue
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from latency_table import percentile, print_table, trials_by_kind  # noqa: E402

from vm import VM, Debugger  # noqa: E402

SCENARIOS = {
    "tight_loop": "count = 0\nprint('ready')\nwhile True:\n    count += 1\n",
    "deep_recursion": ("import sys\nsys.setrecursionlimit(5000)\ndef down(n):\n    if n == 0:\n"
                       "        print('ready')\n        while True:\n            pass\n"
                       "    return down(n - 1)\ndown(300)\n"),
    "sleep": "import time\nprint('ready')\ntime.sleep(3600)\n",
    "input": "print('ready')\nname = input('Name? ')\n",
    "turtle_mainloop": "import turtle\nturtle.onkey(print, 'a')\nprint('ready')\nturtle.mainloop()\n",
    "turtle_slow_forward": "import turtle\nturtle.speed(1)\nprint('ready')\nturtle.forward(100000)\n",
}


def one_trial(source: str) -> float:
    ready = threading.Event()
    pauses: queue.Queue = queue.Queue()
    vm = VM(on_output=lambda stream, text: ready.set(), on_input_request=lambda prompt: None)
    debugger = Debugger(vm, on_pause=pauses.put)
    worker = threading.Thread(target=lambda: vm.run(source))
    worker.start()
    if not ready.wait(10):
        raise RuntimeError("the script never became ready")
    asked = time.perf_counter()
    debugger.pause()
    pauses.get(timeout=10)
    latency = time.perf_counter() - asked
    vm.interrupt()
    debugger.continue_()
    worker.join(10)
    if worker.is_alive():
        raise RuntimeError("the run did not return after the stop")
    return latency


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=len(SCENARIOS) * 10)
    args = parser.parse_args()
    by_kind = trials_by_kind(SCENARIOS, args.trials, one_trial)
    print_table(by_kind, 22)
    every = [value for values in by_kind.values() for value in values]
    print(f"\nall: {len(every)} trials, p99 {percentile(every, 0.99) * 1000:.2f} ms (goal: p99 <= 100 ms)")


if __name__ == "__main__":
    main()
