"""Time from ``vm.interrupt()`` (called on another thread) to ``vm.run()`` returning.

    python bench/stop_latency.py [--trials N]

Trials rotate through loop kinds, blocking input and sleep. Each trial starts the
script, waits until it has printed ``ready`` (so it is inside its runaway), then
stops it. Goal: p99 <= 30 ms.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
}


def one_trial(source: str) -> float:
    ready = threading.Event()

    def on_output(stream: str, text: str) -> None:
        if "ready" in text:
            ready.set()

    vm = VM(on_output=on_output, on_input_request=lambda prompt: None)
    returned: list[float] = []
    worker = threading.Thread(target=lambda: (vm.run(source), returned.append(time.perf_counter())))
    worker.start()
    if not ready.wait(10):
        raise RuntimeError("the script never became ready")
    stopped_at = time.perf_counter()
    vm.interrupt()
    worker.join(10)
    if not returned:
        raise RuntimeError("the run did not return after the stop")
    return returned[0] - stopped_at


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=270)
    args = parser.parse_args()
    by_kind: dict[str, list[float]] = {name: [] for name in SCENARIOS}
    names = list(SCENARIOS)
    for trial in range(args.trials):
        name = names[trial % len(names)]
        by_kind[name].append(one_trial(SCENARIOS[name]))
    everything = [value for values in by_kind.values() for value in values]
    print(f"{'scenario':20} {'trials':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, values in by_kind.items():
        print(f"{name:20} {len(values):6d} {statistics.median(values) * 1000:8.2f} "
              f"{percentile(values, 0.99) * 1000:8.2f} {max(values) * 1000:8.2f}")
    print(f"\nall {len(everything)} trials: p50 {statistics.median(everything) * 1000:.2f} ms, "
          f"p99 {percentile(everything, 0.99) * 1000:.2f} ms, max {max(everything) * 1000:.2f} ms "
          f"(goal: p99 <= 30 ms)")


if __name__ == "__main__":
    main()
