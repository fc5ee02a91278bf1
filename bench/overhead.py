"""Engine vs plain ``exec`` on learner-style programs, side by side in one run.

    python bench/overhead.py [--repeat N]          wall-clock time, best of N
    python bench/overhead.py --instructions        CPU instructions under valgrind

Wall-clock figures on a shared machine can swing by a third from one run to the
next; ``--instructions`` counts instructions with callgrind instead (repeatable, but
it ignores cache effects), subtracting each side's cost of running ``pass``.

Plain ``exec`` is measured twice, with CPython's ``print`` into a real file and with
the cheapest Python-level ``print`` (``measure_one.py`` says more); each program's
baseline is the cheaper of the two, named in the ``baseline`` column. The engine
delivers its output to a no-op ``on_output``. Both sides include compiling the
script. Goal: geometric mean <= 1.05, worst <= 1.10.
"""
from __future__ import annotations

import argparse
import gc
import math
import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure_one import PLAIN_MODES, run_plain  # noqa: E402
from programs import PROGRAMS  # noqa: E402

from vm import VM  # noqa: E402


def engine_run(vm: VM, source: str) -> float:
    result = vm.run(source)
    assert result.status == "finished", result
    return result.duration


def instructions(mode: str, name: str) -> int:
    """CPU instructions of one child process running ``name`` (callgrind's total)."""
    # A fixed hash seed keeps dict layouts, and so instruction counts, the same run to run.
    completed = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, str(Path(__file__).with_name("measure_one.py")), mode, name],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    found = re.search(r"Collected : (\d+)", completed.stderr)
    if not found:
        raise RuntimeError(f"no instruction count from valgrind: {completed.stderr[-400:]}")
    return int(found.group(1))


def report(ratios: list[float]) -> None:
    geometric_mean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"\ngeometric mean {geometric_mean:.3f}   worst {max(ratios):.3f}   "
          f"(goal: mean <= 1.05, worst <= 1.10)")


def main_instructions() -> None:
    modes = (*PLAIN_MODES, "engine")
    base = {mode: instructions(mode, "pass") for mode in modes}
    ratios = []
    print(f"{'program':22} {'plain M':>9} {'joined M':>9} {'engine M':>9} {'ratio':>7}  baseline")
    for name in PROGRAMS:
        counts = {mode: instructions(mode, name) - base[mode] for mode in modes}
        baseline = min(PLAIN_MODES, key=lambda mode: counts[mode])
        ratio = counts["engine"] / counts[baseline]
        ratios.append(ratio)
        print(f"{name:22} {counts['plain'] / 1e6:9.1f} {counts['joined'] / 1e6:9.1f} "
              f"{counts['engine'] / 1e6:9.1f} {ratio:7.3f}  {baseline}")
    report(ratios)
    print(f"fixed cost of a run (thread, bookkeeping): "
          f"{(base['engine'] - base['plain']) / 1e6:.1f} M instructions")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--instructions", action="store_true",
                        help="count CPU instructions with valgrind instead of timing")
    args = parser.parse_args()
    if args.instructions:
        main_instructions()
        return
    vm = VM(on_output=lambda stream, text: None)
    ratios = []
    print(f"{'program':22} {'plain ms':>9} {'joined ms':>10} {'engine ms':>10} {'ratio':>7}  baseline")
    for name, source in PROGRAMS.items():
        times: dict[str, list[float]] = {mode: [] for mode in (*PLAIN_MODES, "engine")}
        for attempt in range(args.repeat):
            # Rotate the order and start each side from a collected heap.
            order = list(times)
            for mode in order[attempt % 3:] + order[:attempt % 3]:
                gc.collect()
                times[mode].append(engine_run(vm, source) if mode == "engine" else run_plain(source, mode))
        best = {mode: min(values) for mode, values in times.items()}
        baseline = min(PLAIN_MODES, key=lambda mode: best[mode])
        ratio = best["engine"] / best[baseline]
        ratios.append(ratio)
        print(f"{name:22} {best['plain'] * 1000:9.1f} {best['joined'] * 1000:10.1f} "
              f"{best['engine'] * 1000:10.1f} {ratio:7.3f}  {baseline}")
    startup = (min(engine_run(vm, "pass") for _ in range(20))
               - min(run_plain("pass", "plain") for _ in range(20)))
    report(ratios)
    print(f"fixed cost of a run (thread, bookkeeping): {startup * 1000:.2f} ms")


if __name__ == "__main__":
    main()
