"""F5 → first output, in Sprout's process and in a separate process (warm spare, and cold).

    python bench/separate_startup.py [--runs N]

Drives the IDE's ``Runner`` (offscreen Qt, no window) as F5 does and times from
``Runner.start`` to the first ``output`` signal and to ``finished``, for a program that
prints one line. "warm" waits, before each run, until the spare worker has loaded the
engine and said hello; "cold" has no spare (the worker starts at F5). Also prints the
resident memory (RSS) of an idle spare worker.
"""
from __future__ import annotations

import argparse
import os
import select
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402

from ide.runner import Runner  # noqa: E402
from vm.separate import EngineProxy  # noqa: E402

SOURCE = "print('hello')\n"
WAIT_MS = 60_000


def _spin_until(app: QCoreApplication, done: list[float]) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if done else None)
    timer.start(1)
    QTimer.singleShot(WAIT_MS, loop.quit)
    loop.exec()
    timer.stop()


def _wait_spare_ready(proxy: EngineProxy) -> None:
    """Until the spare has written its hello (the engine is loaded)."""
    spare = proxy._spare
    if spare is not None and spare.process.stdout is not None:
        select.select([spare.process.stdout], [], [], WAIT_MS / 1000)


def one_run(app: QCoreApplication, runner: Runner, mode: str) -> tuple[float, float]:
    proxy = runner._engine.proxy
    if mode == "warm" and proxy is not None:
        proxy.prepare()
        _wait_spare_ready(proxy)
    if mode == "cold" and proxy is not None:
        proxy.close()  # no spare: the worker is started at F5
    first: list[float] = []
    ended: list[float] = []
    on_output = lambda chunks: first.append(time.perf_counter()) if not first else None  # noqa: E731
    on_finished = lambda result: ended.append(time.perf_counter())  # noqa: E731
    runner.output.connect(on_output)
    runner.finished.connect(on_finished)
    started = time.perf_counter()
    runner.start(SOURCE, "main.py")
    _spin_until(app, ended)
    runner.output.disconnect(on_output)
    runner.finished.disconnect(on_finished)
    return first[0] - started, ended[0] - started


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    runner = Runner()
    results: dict[str, list[tuple[float, float]]] = {}
    one_run(app, runner, "in-process")  # the engine's first run pays for its imports
    results["in-process"] = [one_run(app, runner, "in-process") for _ in range(args.runs)]
    runner.set_separate_processes(True)
    results["separate, warm spare"] = [one_run(app, runner, "warm") for _ in range(args.runs)]
    results["separate, cold"] = [one_run(app, runner, "cold") for _ in range(args.runs)]
    proxy = runner._engine.proxy
    assert proxy is not None
    proxy.prepare()
    _wait_spare_ready(proxy)
    spare = proxy._spare
    assert spare is not None
    rss = rss_kib(spare.pid)
    runner.shutdown()
    print(f"F5 to first output and to finished, median of {args.runs} runs (Python {sys.version.split()[0]}):")
    base = statistics.median(first for first, _ in results["in-process"])
    for name, times in results.items():
        first_output = statistics.median(first for first, _ in times)
        finished = statistics.median(end for _, end in times)
        print(f"  {name:22} first output {first_output * 1000:7.1f} ms ({first_output / base:5.1f}x)"
              f"   finished {finished * 1000:7.1f} ms")
    print(f"idle spare worker: RSS {rss / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
