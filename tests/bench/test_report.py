"""The harness's report: the machine's speed is shown beside the figures it explains."""

from __future__ import annotations

from typing import Any

import pytest
from bench.report import _server_section

from bench import gauge


def _row(name: str, **extra: Any) -> dict[str, Any]:
    timing = {"median": 1.0, "p95": 2.0, "p99": 3.0}
    return {
        "name": name, "concurrency": 1, "requests": 10, "client_ms": timing, "server_ms": timing,
        "throughput_rps": 5.0, "errors": 0,
    } | extra  # fmt: skip


def _server(sequential: list[dict[str, Any]]) -> dict[str, Any]:
    burst = _row("burst") | {"acknowledged": 5, "stored": 5, "lost": 0, "duplicate_orders": 0}
    return {
        "workers": 1, "threads": 4, "cold_directory_ms": 9.0, "processes": 2, "peak_memory_mib": 100,
        "sequential": sequential, "concurrent": [], "gym": _row("gym"), "burst": burst,
    }  # fmt: skip


def test_the_gauge_range_is_reported_under_the_server_table() -> None:
    lines = _server_section(
        _server([_row("a", gauge_ms=5.1), _row("b", gauge_ms=9.8), _row("c", gauge_ms=6.0)])
    )
    (line,) = [line for line in lines if line.startswith("The machine's speed")]
    assert "5.1 to 9.8, median 6." in line


def test_results_without_a_gauge_still_report() -> None:
    lines = _server_section(_server([_row("a")]))
    assert not any(line.startswith("The machine's speed") for line in lines)
    assert any(line.startswith("| a | 1 | 10 |") for line in lines)


def test_the_gauge_is_the_median_of_its_timed_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs of 1, 9 and 4 ms (after the untimed warm-up): the gauge reads the middle one."""
    clock = iter([0.0, 0.001, 1.0, 1.009, 2.0, 2.004])
    monkeypatch.setattr(gauge.time, "perf_counter", lambda: next(clock))
    assert gauge.gauge_ms(runs=3) == 4.0
