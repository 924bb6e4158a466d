"""The harness's results as a short markdown report (what docs/performance.md quotes)."""

from __future__ import annotations

import statistics
from typing import Any

#: The issue's targets: (request, which figure, limit in ms); checked against the first server run.
TARGETS = [
    ("log a set (POST /api/v1/sets)", "server p50", 3.0),
    ("log a set (POST /api/v1/sets)", "server p95", 8.0),
    ("exercise directory (/exercises/)", "server p95", 15.0),
    ("stats page (/stats/)", "server p95", 80.0),
    ("stats page, 52 weeks (/stats/?weeks=52)", "server p95", 120.0),
    ("exercise page with history (/exercises/deadlift/)", "server p95", 60.0),
    ("exercise stats (GET /api/v1/stats/exercises/deadlift)", "server p95", 30.0),
    ("workouts, one page (GET /api/v1/workouts)", "server p95", 25.0),
    ("history page (/workouts/)", "server p95", 40.0),
    ("logging page of an open workout", "server p95", 15.0),
]
IMPORT_TARGET_S = 8.0
EXPORT_TARGET_S = 2.0
CLI_TARGET_S = 0.5


def markdown(results: dict[str, Any]) -> str:
    machine = results["machine"]
    lines = [
        f"# Repbook benchmark ({results['mode']} run, {results['database']})",
        "",
        f"{machine['cpu']}, {machine['cores']} cores, {machine['memory_gib']} GiB; "
        f"Python {machine['python']}; started {results['started']}, "
        f"took {results.get('wall_seconds', '?')} s.",
        "",
        _data_line(results),
        "",
    ]
    for server in results["server"]:
        lines += _server_section(server)
    lines += _targets(results)
    lines += _queries(results["queries"])
    lines += _imports(results["imports"])
    if "cli" in results:
        lines += _cli(results["cli"])
    return "\n".join(lines) + "\n"


def _data_line(results: dict[str, Any]) -> str:
    lifter, gym = results["data"]["lifter"], results["data"]["gym"]
    return (
        f"Data: one lifter with {lifter['years']:g} years of history ({_sets(lifter)} sets) and "
        f"{gym['users']} gym users with a year each ({_sets(gym)} sets in all)."
    )


def _sets(generated: dict[str, Any]) -> str:
    return f"{generated['sets']:,}"


def _server_section(server: dict[str, Any]) -> list[str]:
    lines = [
        f"## {server['workers']} worker(s) × {server['threads']} threads",
        "",
        f"First request to a fresh server (directory): {server['cold_directory_ms']} ms. "
        f"Peak memory of the {server['processes']} server processes: {server['peak_memory_mib']} MiB.",
        "",
        "| request | clients | requests | p50 | p95 | p99 | server p50 | server p95 | req/s | errors |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in [*server["sequential"], *server["concurrent"], server["gym"], server["burst"]]:
        client, srv = row["client_ms"], row["server_ms"] or {"median": "–", "p95": "–"}
        lines.append(
            f"| {row['name']} | {row['concurrency']} | {row['requests']} | {client['median']} | "
            f"{client['p95']} | {client['p99']} | {srv['median']} | {srv['p95']} | "
            f"{row['throughput_rps']} | {row['errors']} |"
        )
    burst = server["burst"]
    lines += [
        "",
        f"Burst: {burst['acknowledged']} sets acknowledged, {burst['stored']} stored, {burst['lost']} lost, "
        f"{burst['duplicate_orders']} duplicate set orders.",
        "",
    ]
    gauges = [row["gauge_ms"] for row in server["sequential"] if "gauge_ms" in row]
    if gauges:
        lines += [
            f"The machine's speed (bench/gauge.py, a fixed Python workload, ms; lower is faster) before "
            f"each one-client run: {min(gauges)} to {max(gauges)}, median {statistics.median(gauges):g}.",
            "",
        ]
    return lines


def _targets(results: dict[str, Any]) -> list[str]:
    first = results["server"][0]
    rows = {row["name"]: row for row in first["sequential"]}
    lines = ["## Targets (one client, first server run)", "", "| target | measured | met |", "|---|---|---|"]
    for name, figure, limit in TARGETS:
        row = rows.get(name)
        if row is None or row["server_ms"] is None:
            continue
        value = row["server_ms"]["median" if figure.endswith("p50") else "p95"]
        lines.append(
            f"| {name}: {figure} ≤ {limit:g} ms | {value} ms | {'yes' if value <= limit else 'NO'} |"
        )
    steps = results["imports"]["steps"]
    if "import" in steps:
        seconds = steps["import"]["median_s"]
        rows_n = results["imports"]["rows"]
        met = "yes" if seconds <= IMPORT_TARGET_S else ("NO" if rows_n >= 100_000 else "n/a (smaller file)")
        lines.append(
            f"| import of {rows_n:,} rows ≤ {IMPORT_TARGET_S:g} s (at 100,000) | {seconds} s | {met} |"
        )
    for step in ("export csv", "export json"):
        export = (results["imports"].get("export_user") or {}).get(step)
        if export is not None:
            met = "yes" if export["median_s"] <= EXPORT_TARGET_S else "NO"
            lines.append(f"| {step} of the lifter ≤ {EXPORT_TARGET_S:g} s | {export['median_s']} s | {met} |")
    for name, row in results.get("cli", {}).get("commands", {}).items():
        if "--version" not in name:
            met = "yes" if row["median"] <= CLI_TARGET_S else "NO"
            lines.append(f"| {name}: median ≤ {CLI_TARGET_S:g} s | {row['median']} s | {met} |")
    burst = first["burst"]
    safe = "yes" if not burst["errors"] and not burst["lost"] else "NO"
    lines.append(
        f"| {burst['concurrency']} clients logging at once: no error, no lost set | "
        f"{burst['errors']} errors, {burst['lost']} lost | {safe} |"
    )
    return [*lines, ""]


def _queries(counts: list[dict[str, Any]]) -> list[str]:
    lines = ["## SQL queries per request", "", "| request | queries | budget |", "|---|---|---|"]
    lines += [f"| {row['name']} | {row['queries']} | {row['budget']} |" for row in counts]
    return [*lines, ""]


def _imports(imports: dict[str, Any]) -> list[str]:
    lines = [
        f"## Import and export ({imports['rows']:,} Strong rows, median of {imports['runs']})",
        "",
        "| step | seconds | queries |",
        "|---|---|---|",
    ]
    lines += [f"| {step} | {row['median_s']} | {row['queries']} |" for step, row in imports["steps"].items()]
    exports = imports.get("export_user")
    if exports:
        for step in ("export csv", "export json"):
            row = exports[step]
            lines.append(
                f"| {step} of the lifter ({exports['sets']:,} sets) | {row['median_s']} | {row['queries']} |"
            )
    return [*lines, ""]


def _cli(cli: dict[str, Any]) -> list[str]:
    lines = [
        f"## The repbook command on the lifter, start to exit ({cli['runs']} runs)",
        "",
        "| command | median s | p95 s |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {row['median']} | {row['p95']} |" for name, row in cli["commands"].items()]
    return [*lines, ""]
