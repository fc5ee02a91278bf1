"""Time from ``vm.interrupt()`` (called on another thread) to ``vm.run()`` returning.

    python bench/stop_latency.py [--trials N]

Trials rotate through every class of runaway Sprout knows. Each trial starts the
script, waits until it has printed ``ready`` (so it is inside its runaway), then
stops it. Goal: p99 <= 30 ms where the script reaches a safe point (SAFE_POINT), and
<= 1 s where only the watchdog's push through CPython's eval breaker reaches it
(PUSHED: loops in code Sprout did not instrument, a ``for`` loop whose cheap steps
are left to a long list's iterator, and the unwinding of a deep recursion that keeps
catching the stop).
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from latency_table import percentile, print_table, trials_by_kind  # noqa: E402

from vm import VM  # noqa: E402

SCENARIOS = {
    "while_loop": "print('ready')\nn = 0\nwhile True:\n    n += 1\n",
    "for_loop": "print('ready')\nfor i in range(10**15):\n    pass\n",
    "recursion_in_loop": ("def down(n):\n    return 0 if n == 0 else down(n - 1)\n"
                          "print('ready')\nwhile True:\n    down(200)\n"),
    "comprehension": "import itertools\nprint('ready')\n[x for x in itertools.count()]\n",
    "swallowing_except": ("print('ready')\nwhile True:\n    try:\n        while True:\n"
                          "            pass\n    except BaseException:\n        pass\n"),
    "c_iterator_sum": "print('ready')\nsum(range(10**13))\n",
    "input": "print('ready')\ninput('waiting: ')\n",
    "sleep": "import time\nprint('ready')\ntime.sleep(3600)\n",
    "print_flood": "print('ready')\nwhile True:\n    print('spam' * 20)\n",
    "reduce_count": "import functools, itertools, operator\nprint('ready')\n"
                    "functools.reduce(operator.add, itertools.count())\n",
    "deque_count": "import collections, itertools\nprint('ready')\ncollections.deque(itertools.count(), maxlen=1)\n",
    "dict_fromkeys": "import itertools\nprint('ready')\ndict.fromkeys(itertools.count())\n",
    "iter_sentinel": "print('ready')\nany(iter(int, 1))\n",
    "switch_interval": "import sys\nsys.setswitchinterval(1000)\nprint('ready')\nwhile True:\n    pass\n",
    "event_wait": "import threading\nprint('ready')\nthreading.Event().wait()\n",
    "queue_get": "import queue\nprint('ready')\nqueue.Queue().get()\n",
    "thread_join": ("import threading, time\nt = threading.Thread(target=time.sleep, args=(3600,))\n"
                    "t.start()\nprint('ready')\nt.join()\n"),
    "asyncio_future": ("import asyncio\nasync def main():\n    print('ready')\n    await asyncio.Future()\n"
                       "asyncio.run(main())\n"),
    "sleep_via_importlib": "import importlib\nprint('ready')\nimportlib.import_module('time').sleep(3600)\n",
    "worker_thread_loop": ("import threading\ndef spin():\n    while True:\n        pass\n"
                           "threading.Thread(target=spin).start()\nprint('ready')\n"),
    "stdlib_over_huge_range": "import statistics\nprint('ready')\nstatistics.mean(range(10**9))\n",
    "turtle_animation": ("import turtle\nt = turtle.Turtle()\nt.speed(1)\nprint('ready')\n"
                         "while True:\n    t.forward(5)\n    t.left(7)\n"),
    "turtle_mainloop": "import turtle\nturtle.onkey(print, 'a')\nprint('ready')\nturtle.mainloop()\n",
    "turtle_ontimer": ("import turtle\ndef tick():\n    turtle.forward(1)\n    turtle.ontimer(tick, 1)\n"
                       "tick()\nprint('ready')\nturtle.done()\n"),
    "catastrophic_regex": "import re\nprint('ready')\nre.match('(a|aa)+b', 'a' * 60)\n",
    "code_module": "import code\nprint('ready')\ncode.InteractiveInterpreter().runsource('while True: pass\\n\\n')\n",
    "self_extending_list": "items = [0]\nprint('ready')\nfor item in items:\n    items += [item]\n",
    "recursion_past_base_case": ("import sys\nsys.setrecursionlimit(40000)\ndef up(n):\n    if n < 0:\n"
                                 "        return 0\n    return up(n + 1)\nprint('ready')\nwhile True:\n    try:\n"
                                 "        up(0)\n    except RecursionError:\n        pass\n"),
}
PUSHED = {
    # Cheap steps are left to their iterator: a list's does not check (Sprout's push ends it).
    "cheap_steps_over_long_list": ("data = [1] * 10**7\nprint('ready')\ntotal = 0\nwhile True:\n"
                                   "    for x in data:\n        total += x\n"),
    "stdlib_python_loop": "import statistics\ndata = [1] * 10**7\nprint('ready')\nstatistics.mean(data)\n",
    "bare_except_recursion": ("import sys\nsys.setrecursionlimit(40000)\ndef dive(n):\n    try:\n"
                              "        if n < 30000:\n            dive(n + 1)\n        else:\n"
                              "            print('ready')\n            while True:\n                pass\n"
                              "    except:\n        dive(n + 1)\ndive(0)\n"),
}
SAFE_POINT = dict(SCENARIOS)
SCENARIOS.update(PUSHED)


def one_trial(source: str) -> float:
    # The run's end collects garbage; start each trial from a collected heap so one
    # trial's leftovers (a 30,000-frame traceback) are not timed in the next.
    gc.collect()
    ready = threading.Event()

    def on_output(stream: str, text: str) -> None:
        if "ready" in text:
            ready.set()

    vm = VM(on_output=on_output, on_input_request=lambda prompt: None)
    returned: list[float] = []

    def run() -> None:
        vm.run(source)
        returned.append(time.perf_counter())

    worker = threading.Thread(target=run)
    worker.start()
    if not ready.wait(10):
        raise RuntimeError("the script never became ready")
    stopped_at = time.perf_counter()
    vm.interrupt()
    worker.join(10)
    if not returned:
        raise RuntimeError("the run did not return after the stop")
    return returned[0] - stopped_at


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=len(SCENARIOS) * 15)
    args = parser.parse_args()
    by_kind = trials_by_kind(SCENARIOS, args.trials, one_trial)
    print_table(by_kind, 28)
    for label, group, goal in (("safe point", SAFE_POINT, "30 ms"), ("pushed", PUSHED, "1 s")):
        values = [value for name in group for value in by_kind[name]]
        print(f"\n{label}: {len(values)} trials, p50 {statistics.median(values) * 1000:.2f} ms, "
              f"p99 {percentile(values, 0.99) * 1000:.2f} ms, max {max(values) * 1000:.2f} ms "
              f"(goal: p99 <= {goal})", end="")
    print()


if __name__ == "__main__":
    main()
