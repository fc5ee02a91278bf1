"""Run one benchmark program once, plainly or in the engine (a child of overhead.py).

    python bench/measure_one.py plain|engine PROGRAM

Both modes import the same modules, so under an instruction counter the difference
between PROGRAM and the empty program ``pass`` is the program's own cost.
"""
from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from programs import PROGRAMS  # noqa: E402

from vm import VM  # noqa: E402


class NullSink(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        return len(data)


def main() -> None:
    mode, name = sys.argv[1], sys.argv[2]
    source = "pass\n" if name == "pass" else PROGRAMS[name]
    vm = VM(on_output=lambda stream, text: None)
    sink = io.TextIOWrapper(io.BufferedWriter(NullSink()), encoding="utf-8")
    if mode == "plain":
        with contextlib.redirect_stdout(sink):
            exec(compile(source, "main.py", "exec"), {"__name__": "__main__"})
            sink.flush()
    else:
        result = vm.run(source)
        assert result.status == "finished", result


if __name__ == "__main__":
    main()
