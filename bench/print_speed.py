"""``print`` through the engine vs plain Python's two cheapest prints, side by side.

    python bench/print_speed.py [--repeat N]

Each form is printed 60,000 times by a loop, best of N interleaved runs: plain ``exec``
with CPython's ``print`` into a buffered stream over a real file (``/dev/null``), plain
``exec`` with a Python-level print that joins its arguments once and appends the line
to a list (``measure_one.py``), and the engine, whose output is read back and handed to
a no-op ``on_output``. The first figures are whole runs (loop, compiling, and for the
engine its fixed cost of a run); the last columns are the print alone, in nanoseconds:
each side's run minus the same loop calling ``abs(i)`` instead (a loop that calls
something has a safe point in the engine; subtracting one that calls ``abs`` leaves
the print). Goal: the engine's print at most as slow as the cheaper plain print. The
joined print cannot flush, so for ``flush=True`` only CPython's is a reference.
"""
from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure_one import PLAIN_MODES, run_plain  # noqa: E402

from vm import VM  # noqa: E402

LOOPS = 60_000
FORMS = {
    "several values": 'print("Line", i, "squared is", i * i)',
    "one number": "print(i)",
    "an f-string": 'print(f"Line {i} squared is {i * i}")',
    "end= keyword": 'print(i, end=" ")',
    "flush=True": 'print(i, end="\\r", flush=True)',
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()
    vm = VM(on_output=lambda stream, text: None)
    empty = best_times(vm, "abs(i)", args.repeat)
    print(f"{'print form':16} {'C print ms':>11} {'joined ms':>10} {'engine ms':>10} {'vs cheaper':>11}"
          f"   print alone, ns: {'C':>5} {'joined':>7} {'engine':>7} {'vs cheaper':>11}")
    for label, statement in FORMS.items():
        best = best_times(vm, statement, args.repeat)
        alone = {mode: (best[mode] - empty[mode]) / LOOPS * 1e9 for mode in best}
        cheaper = min(PLAIN_MODES, key=lambda mode: best[mode])
        cheaper_alone = min(alone[mode] for mode in PLAIN_MODES)
        print(f"{label:16} {best['plain'] * 1e3:11.1f} {best['joined'] * 1e3:10.1f} {best['engine'] * 1e3:10.1f} "
              f"{best['engine'] / best[cheaper]:11.3f}   {'':18}{alone['plain']:5.0f} {alone['joined']:7.0f} "
              f"{alone['engine']:7.0f} {alone['engine'] / cheaper_alone:11.3f}")


def best_times(vm: VM, statement: str, repeat: int) -> dict[str, float]:
    """Best seconds of each side for the loop running ``statement``, interleaved."""
    source = f"for i in range({LOOPS}):\n    {statement}\n"
    times: dict[str, list[float]] = {mode: [] for mode in (*PLAIN_MODES, "engine")}
    for attempt in range(repeat):
        order = list(times)
        for mode in order[attempt % 3:] + order[:attempt % 3]:
            gc.collect()
            times[mode].append(vm.run(source).duration if mode == "engine" else run_plain(source, mode))
    return {mode: min(values) for mode, values in times.items()}


if __name__ == "__main__":
    main()
