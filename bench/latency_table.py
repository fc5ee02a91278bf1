"""The trial loop and table the latency benches share (stop_latency, pause_latency)."""
from __future__ import annotations

import statistics
from collections.abc import Callable


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def trials_by_kind(scenarios: dict[str, str], trials: int, one_trial: Callable[[str], float]) -> dict[str, list[float]]:
    """Seconds per trial, rotating through the scenarios so load hits them all alike."""
    by_kind: dict[str, list[float]] = {name: [] for name in scenarios}
    names = list(scenarios)
    for trial in range(trials):
        name = names[trial % len(names)]
        by_kind[name].append(one_trial(scenarios[name]))
    return by_kind


def print_table(by_kind: dict[str, list[float]], width: int) -> None:
    print(f"{'scenario':{width}} {'trials':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, values in by_kind.items():
        print(f"{name:{width}} {len(values):6d} {statistics.median(values) * 1000:8.2f} "
              f"{percentile(values, 0.99) * 1000:8.2f} {max(values) * 1000:8.2f}")
