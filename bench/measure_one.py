"""Run one benchmark program once, plainly or in the engine (a child of overhead.py).

    python bench/measure_one.py plain|joined|engine PROGRAM

The two plain baselines differ only in their ``print``:

- ``plain``: CPython's own ``print`` into a buffered text stream over a real file
  (``/dev/null``), as a script printing into a pipe or a file;
- ``joined``: the cheapest ``print`` written in Python, which joins its arguments once
  and appends the line to a list (faster than CPython's for several values, slower
  for one).

All modes import the same modules, so under an instruction counter the difference
between PROGRAM and the empty program ``pass`` is the program's own cost.
"""
from __future__ import annotations

import contextlib
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from programs import PROGRAMS  # noqa: E402

from vm import VM  # noqa: E402

PLAIN_MODES = ("plain", "joined")


def run_plain(source: str, mode: str) -> float:
    """Seconds to compile, run and clear away ``source`` with plain ``exec`` and the mode's print."""
    sink = io.TextIOWrapper(io.BufferedWriter(io.FileIO(os.open(os.devnull, os.O_WRONLY), "w")),
                            encoding="utf-8")
    namespace: dict[str, object] = {"__name__": "__main__"}
    if mode == "joined":
        lines: list[str] = []

        def joined_print(*args, sep=" ", end="\n", file=None, flush=False):
            lines.append(sep.join(map(str, args)) + end)
        namespace["print"] = joined_print
    started = time.perf_counter()
    with contextlib.redirect_stdout(sink):
        exec(compile(source, "main.py", "exec"), namespace)
        sink.flush()
    namespace.clear()  # as Python clears ``__main__`` at exit, and the engine at a run's end
    elapsed = time.perf_counter() - started
    sink.close()
    return elapsed


def main() -> None:
    mode, name = sys.argv[1], sys.argv[2]
    source = "pass\n" if name == "pass" else PROGRAMS[name]
    vm = VM(on_output=lambda stream, text: None)
    if mode in PLAIN_MODES:
        run_plain(source, mode)
    else:
        result = vm.run(source)
        assert result.status == "finished", result


if __name__ == "__main__":
    main()
