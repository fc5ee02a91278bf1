"""Engine vs plain ``exec`` on learner-style programs, side by side in one run.

    python bench/overhead.py [--repeat N]          wall-clock time, best of N
    python bench/overhead.py --instructions        CPU instructions under valgrind

Wall-clock figures on a shared machine can swing by a third from one run to the
next; ``--instructions`` counts instructions with callgrind instead (repeatable, but
it ignores cache effects), subtracting each side's cost of running ``pass``.

Plain ``exec`` writes to a buffered text stream over a null sink (what a script printing
into a pipe costs); the engine delivers its output to a no-op ``on_output``. Both sides
include compiling the script; each figure is the best of N interleaved runs. Goal: geometric mean <= 1.10, worst <= 1.25.
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import io
import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure_one import NullSink  # noqa: E402
from programs import PROGRAMS  # noqa: E402

from vm import VM  # noqa: E402


def plain_exec(source: str) -> float:
    sink = io.TextIOWrapper(io.BufferedWriter(NullSink()), encoding="utf-8")
    started = time.perf_counter()
    code = compile(source, "main.py", "exec")
    with contextlib.redirect_stdout(sink):
        exec(code, {"__name__": "__main__"})
        sink.flush()
    return time.perf_counter() - started


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
          f"(goal: mean <= 1.10, worst <= 1.25)")


def main_instructions() -> None:
    base = {mode: instructions(mode, "pass") for mode in ("plain", "engine")}
    ratios = []
    print(f"{'program':22} {'exec Minstr':>12} {'engine Minstr':>14} {'ratio':>7}")
    for name in PROGRAMS:
        plain = instructions("plain", name) - base["plain"]
        engine = instructions("engine", name) - base["engine"]
        ratios.append(engine / plain)
        print(f"{name:22} {plain / 1e6:12.1f} {engine / 1e6:14.1f} {engine / plain:7.3f}")
    report(ratios)
    print(f"fixed cost of a run (thread, builtins, watchdog): "
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
    print(f"{'program':22} {'exec ms':>9} {'engine ms':>10} {'ratio':>7}")
    for name, source in PROGRAMS.items():
        plain, engine = [], []
        for attempt in range(args.repeat):
            # Alternate the order and start each side from a collected heap.
            for side in ((0, 1) if attempt % 2 == 0 else (1, 0)):
                gc.collect()
                if side == 0:
                    plain.append(plain_exec(source))
                else:
                    engine.append(engine_run(vm, source))
        ratio = min(engine) / min(plain)
        ratios.append(ratio)
        print(f"{name:22} {min(plain) * 1000:9.1f} {min(engine) * 1000:10.1f} {ratio:7.3f}")
    startup = min(engine_run(vm, "pass") for _ in range(20)) - min(plain_exec("pass") for _ in range(20))
    report(ratios)
    print(f"fixed cost of a run (thread, builtins, watchdog): {startup * 1000:.2f} ms")


if __name__ == "__main__":
    main()
