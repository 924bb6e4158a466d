"""How fast the machine runs Python right now: a fixed workload timed, to read a run's figures by.

A shared virtual machine's speed drifts with its neighbours' load: on the 2-core machine this
project is built on, the same build on the same data served a page at a median of 14 ms and,
minutes later, 26 ms. `bench/run.py` times this workload before each request type; the report
gives the range, so a slow phase shows as a slow gauge instead of passing for a regression.

    python bench/gauge.py          # prints the gauge in milliseconds

Standard library only; the workload is the kind of work a request does in Python (dictionaries,
strings, sorting, JSON), about 4 ms on an idle machine here.
"""

from __future__ import annotations

import json
import statistics
import time

RUNS = 7


def _workload() -> int:
    rows = [{"id": i, "name": f"set {i}", "kg": i * 2.5, "reps": i % 12} for i in range(2_000)]
    text = json.dumps(rows)
    back = json.loads(text)
    ordered = sorted(back, key=lambda row: (-row["kg"], row["name"]))
    return sum(len(row["name"]) for row in ordered) + len(text)


def gauge_ms(runs: int = RUNS) -> float:
    """The median time of the workload, in milliseconds, after one run to warm up."""
    _workload()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        _workload()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


if __name__ == "__main__":
    print(gauge_ms())
