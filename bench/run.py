"""Repbook's performance harness: generate users, serve them for real, load the server, report.

    python bench/run.py --quick                      # about a minute, SQLite, small data
    python bench/run.py                              # the full run on SQLite (about 10 minutes)
    python bench/run.py --database-url postgres://postgres@127.0.0.1:5432/repbook_bench

Each run builds its own database (a temporary data dir for SQLite; the named PostgreSQL database is
dropped and created again, so never point it at real data), fills it with `bench/generate.py`,
starts `repbook serve` with production settings on 127.0.0.1 (`bench/server.py`) and drives it with
HTTP clients (`bench/load.py`). It writes `bench/results/latest.json` and `latest.md` (a table).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gauge import gauge_ms
from bench.load import Client, LoadResult, Request, Sample, run_load, session_headers, token_headers
from bench.report import markdown
from bench.server import RunningServer, ServerConfig, create_database, server_env, serving, tokens_for

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"
PASSWORD = "bench-password-123"  # bench/generate.py's password for every user
#: The load runner sends from one address and a few accounts what thousands of lifters would: the
#: API's per-minute limits (which it measures the cost of, not the effect) are lifted for it.
LOAD_ENV = {"REPBOOK_API_RATE": "10000000", "REPBOOK_API_ANONYMOUS_RATE": "10000000"}
END = "2026-11-01"  # a fixed last day, so every run generates the same rows
#: What the gym does in a workout: the set logged, then the pages looked at.
LOG_SET = "log a set (POST /api/v1/sets)"
WORKOUT_PAGE = "logging page of an open workout"
DIRECTORY = "exercise directory (/exercises/)"
EXERCISE_PAGE = "exercise page with history (/exercises/deadlift/)"
STATS_PAGE = "stats page (/stats/)"
STATS_YEAR = "stats page, 52 weeks (/stats/?weeks=52)"
EXERCISE_API = "exercise stats (GET /api/v1/stats/exercises/deadlift)"
WORKOUTS_API = "workouts, one page (GET /api/v1/workouts)"
SETS_API = "sets of an exercise, one page (GET /api/v1/sets)"
HISTORY_PAGE = "history page (/workouts/)"
NEXT_WORKOUT = "next workout (GET /api/v1/next-workout)"
#: Sets in the open workout whose logging page is loaded: a full session.
OPEN_WORKOUT = [("back-squat", 5, 100), ("bench-press", 5, 80), ("barbell-row", 8, 60)] * 5


@dataclass(frozen=True)
class Size:
    """How much data and how many requests a run uses."""

    years: float
    gym_users: int
    sequential: int
    concurrent: int
    concurrency: int
    burst_clients: int
    burst_sets: int
    workers: tuple[int, ...]
    import_rows: int
    runs: int


QUICK = Size(
    years=1, gym_users=4, sequential=40, concurrent=80, concurrency=8, burst_clients=50, burst_sets=5,
    workers=(1,), import_rows=10_000, runs=1,
)  # fmt: skip
FULL = Size(
    years=10, gym_users=50, sequential=200, concurrent=200, concurrency=16, burst_clients=50, burst_sets=20,
    workers=(1, 2, 4), import_rows=100_000, runs=3,
)  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small data and few requests (about a minute)")
    parser.add_argument(
        "--database-url",
        default="",
        help="run on this PostgreSQL database instead of SQLite; it is DROPPED and created again",
    )
    parser.add_argument("--gym-users", type=int, help="users of one year each for the gym load")
    parser.add_argument("--workers", help="comma-separated worker counts to compare, e.g. 1,2,4")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)
    size = QUICK if args.quick else FULL
    if args.gym_users is not None:
        size = replace(size, gym_users=max(1, args.gym_users))
    if args.workers:
        size = replace(size, workers=tuple(int(w) for w in args.workers.split(",")))
    started = time.perf_counter()
    with _database(args.database_url) as config:
        results = run(config, size, quick=args.quick)
    results["wall_seconds"] = round(time.perf_counter() - started, 1)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    table = markdown(results)
    args.output.with_suffix(".md").write_text(table)
    print()
    print(table)
    print(f"written: {args.output} and {args.output.with_suffix('.md')}")


@contextmanager
def _database(database_url: str) -> Iterator[ServerConfig]:
    data_dir = Path(tempfile.mkdtemp(prefix="repbook-bench-"))
    try:
        if database_url:
            create_database(database_url)
        yield ServerConfig(data_dir=data_dir, database_url=database_url, env=LOAD_ENV)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def run(config: ServerConfig, size: Size, *, quick: bool) -> dict[str, Any]:
    results: dict[str, Any] = {
        "mode": "quick" if quick else "full",
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
        "database": _database_label(config),
        "size": vars(size),
    }
    _step("generating the lifter (1 user) and the gym")
    results["data"] = {
        "lifter": generate_users(config, users=1, years=size.years, prefix="lifter", seed=1),
        "gym": generate_users(config, users=size.gym_users, years=1, prefix="gym", seed=1001),
    }
    gym = [f"gym{i}" for i in range(1, size.gym_users + 1)]
    tokens = tokens_for(config, ["lifter1", *gym])
    results["server"] = []
    for workers in size.workers:
        _step(f"serving with {workers} worker(s)")
        with serving(replace(config, workers=workers)) as server:
            results["server"].append(_load(server, size, tokens, gym, workers=workers))
    _step("query counts, in process")
    results["queries"] = json.loads(_bench_script(config, "queries.py", "lifter1"))
    _step(f"import of {size.import_rows:,} Strong rows and the lifter's export")
    out = config.data_dir / "imports.json"
    _bench_script(
        config, "imports.py", "--rows", str(size.import_rows), "--runs", str(size.runs),
        "--export-user", "lifter1", "--json", str(out),
    )  # fmt: skip
    results["imports"] = json.loads(out.read_text())
    _step("the repbook command on the lifter: start to exit")
    cli_out = config.data_dir / "cli.json"
    _bench_script(
        config, "cli.py", "--user", "lifter1", "--runs", str(5 if quick else 21), "--json", str(cli_out)
    )
    results["cli"] = json.loads(cli_out.read_text())
    return results


def _load(server: RunningServer, size: Size, tokens: dict[str, str], gym: list[str], *, workers: int) -> Any:
    """Every measurement against one running server."""
    base = server.base_url
    figures: dict[str, Any] = {"workers": workers, "threads": 4}
    # The first request to a fresh server: nothing is warm, not even the worker's imports.
    figures["cold_directory_ms"] = round(Client(base).send(Request("GET", "/exercises/")).client_ms, 2)
    token = token_headers(tokens["lifter1"])
    browser = session_headers(base, "lifter1", PASSWORD)
    lifter = Client(base, token)
    ok(lifter.send(Request.json("POST", "/api/v1/programs/5x5-linear/start", {})), "start a program")
    workout = open_workout(lifter, OPEN_WORKOUT)
    sets_workout = 0
    by_auth = {"browser": browser, "token": token}
    kinds = [(name, by_auth[auth], make) for name, auth, make in one_client_requests(workout)]
    sequential: list[LoadResult] = []
    gauges: dict[str, float] = {}
    concurrent: list[LoadResult] = []
    for name, headers, make in kinds:
        if name == LOG_SET:
            finish_workout(lifter, workout)
            sets_workout = open_workout(lifter, [("deadlift", 5, 60)])
        runs = size.sequential if name not in (STATS_PAGE, STATS_YEAR) else max(20, size.sequential // 3)
        gauges[name] = gauge_ms()  # the machine's speed just before this request type's latency run
        sequential.append(run_load(name, [Client(base, headers)], make, requests=runs))
        together = None
        if workers == size.workers[0] or name in (LOG_SET, EXERCISE_PAGE):
            clients = [Client(base, headers) for _ in range(size.concurrency)]
            together = run_load(name, clients, make, requests=size.concurrent)
            concurrent.append(together)
        _progress(sequential[-1], together)
    finish_workout(lifter, sets_workout)
    figures["sequential"] = [r.as_json() | {"gauge_ms": gauges[r.name]} for r in sequential]
    figures["concurrent"] = [r.as_json() for r in concurrent]
    figures["gym"] = _gym(base, size, tokens, gym).as_json()
    figures["burst"] = _burst(base, size, lifter)
    figures["peak_memory_mib"] = round(server.peak_memory_kib() / 1024, 1)
    figures["processes"] = 1 + len(server.worker_pids())
    return figures


def one_client_requests(workout: int) -> list[tuple[str, str, Callable[[int, int], Request]]]:
    """The requests timed one client at a time, in order: (name, how it authenticates: "browser"
    for the web pages' session or "token" for the API, a maker of the i-th of n requests).

    The logging page first, while `workout` (open) holds one session's sets; then sets are logged
    as the API's clients do, without a workout id, into today's open workout (a fresh one: it ends
    up with far more sets than a real session, the harder case).
    """
    return [
        (WORKOUT_PAGE, "browser", lambda i, n: Request("GET", f"/workouts/{workout}/")),
        (LOG_SET, "token", lambda i, n: Request.json("POST", "/api/v1/sets", _set("deadlift", n))),
        (DIRECTORY, "browser", lambda i, n: Request("GET", "/exercises/")),
        (EXERCISE_PAGE, "browser", lambda i, n: Request("GET", "/exercises/deadlift/")),
        (STATS_PAGE, "browser", lambda i, n: Request("GET", "/stats/")),
        (STATS_YEAR, "browser", lambda i, n: Request("GET", "/stats/?weeks=52")),
        (EXERCISE_API, "token", lambda i, n: Request("GET", "/api/v1/stats/exercises/deadlift")),
        (WORKOUTS_API, "token", lambda i, n: Request("GET", "/api/v1/workouts")),
        (SETS_API, "token", lambda i, n: Request("GET", "/api/v1/sets?exercise=deadlift")),
        (HISTORY_PAGE, "browser", lambda i, n: Request("GET", "/workouts/")),
        (NEXT_WORKOUT, "token", lambda i, n: Request("GET", "/api/v1/next-workout")),
    ]


def _set(slug: str, n: int, **extra: Any) -> dict[str, Any]:
    """The n-th set a client logs: a plausible working set, its load stepping up and down."""
    return {"exercise": slug, "reps": 5, "weight": 60 + n % 8 * 2.5} | extra


def open_workout(client: Client, sets: list[tuple[str, int, int]]) -> int:
    """A new open workout for today (the last one was finished), opened by these sets; its id."""
    workout = 0
    for slug, reps, weight in sets:
        payload = {"exercise": slug, "reps": reps, "weight": weight} | (
            {"workout": workout} if workout else {}
        )
        sample = client.send(Request.json("POST", "/api/v1/sets", payload), keep_body=True)
        workout = int(json.loads(ok(sample, "log a set").body)["workout"])
    return workout


def finish_workout(client: Client, workout: int) -> None:
    """Close a workout, so the next set opens a new one."""
    now = datetime.now(UTC).isoformat()
    ok(client.send(Request.json("PATCH", f"/api/v1/workouts/{workout}", {"finished_at": now})), "finish")


def _gym(base: str, size: Size, tokens: dict[str, str], gym: list[str]) -> LoadResult:
    """Many users at once, each in their own workout: a set, then a look at their exercise page."""
    users = [Client(base, token_headers(tokens[name])) for name in gym]
    count = min(size.concurrency, len(users))

    def request(index: int, n: int) -> Request:
        if n % 4 == 3:
            return Request("GET", "/api/v1/stats/exercises/back-squat")
        return Request.json("POST", "/api/v1/sets", _set("back-squat", n))

    # Each client is a different user (more clients than users reuse them).
    return run_load(f"gym: {len(gym)} users", users[:count], request, requests=size.concurrent)


def _burst(base: str, size: Size, owner: Client) -> dict[str, Any]:
    """50 clients log sets into one workout at once; count the rows afterwards."""
    workout = open_workout(owner, [("back-extension", 12, 10)])
    acknowledged: list[int] = []

    def record(index: int, request: Request, answer: Sample) -> None:
        if answer.status == 201:
            acknowledged.append(int(json.loads(answer.body)["id"]))

    payload = {"exercise": "back-extension", "reps": 12, "weight": 10, "workout": workout}
    result = run_load(
        f"{size.burst_clients} clients into one workout",
        [Client(base, owner.headers) for _ in range(size.burst_clients)],
        lambda i, n: Request.json("POST", "/api/v1/sets", payload),
        requests=size.burst_clients * size.burst_sets,
        on_sample=record,
    )
    stored = json.loads(
        ok(owner.send(Request("GET", f"/api/v1/workouts/{workout}"), keep_body=True), "read").body
    )
    sets = [s for entry in stored["exercises"] for s in entry["sets"]]
    orders = [s["order"] for s in sets]
    stored_ids = {s["id"] for s in sets}
    finish_workout(owner, workout)
    return result.as_json() | {
        "acknowledged": len(acknowledged),
        "stored": len(sets) - 1,  # less the set that opened the workout
        "lost": len(set(acknowledged) - stored_ids),
        "duplicate_orders": len(orders) - len(set(orders)),
    }


def ok(sample: Sample, what: str) -> Sample:
    if not 200 <= sample.status < 300:
        raise SystemExit(f"{what}: HTTP {sample.status} {sample.body[:300]!r}")
    return sample


def generate_users(
    config: ServerConfig, *, users: int, years: float, prefix: str, seed: int
) -> dict[str, Any]:
    started = time.perf_counter()
    output = _bench_script(
        config, "generate.py", "--users", str(users), "--years", str(years), "--seed", str(seed),
        "--prefix", prefix, "--end", END,
    )  # fmt: skip
    done = re.search(r"(\d+) workouts, \d+ exercise entries, (\d+) sets", output)
    if done is None:
        raise SystemExit(f"bench/generate.py said something unexpected:\n{output}")
    return {
        "users": users,
        "years": years,
        "workouts": int(done.group(1)),
        "sets": int(done.group(2)),
        "seconds": round(time.perf_counter() - started, 1),
    }


def _bench_script(config: ServerConfig, script: str, *args: str) -> str:
    """Run one of bench/'s scripts against the run's database; its standard output."""
    done = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        env=server_env(config),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"bench/{script} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return done.stdout.strip()


def _machine() -> dict[str, Any]:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gib = 0.0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kib = int(meminfo.read_text().split()[1])
        memory_gib = round(total_kib / 1024**2, 1)
    return {
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gib": memory_gib,
        "python": platform.python_version(),
        "os": platform.platform(terse=True),
    }


def _database_label(config: ServerConfig) -> str:
    if not config.database_url:
        return f"SQLite {sqlite3.sqlite_version}"
    import psycopg

    with psycopg.connect(config.database_url) as connection:
        row = connection.execute("SHOW server_version").fetchone()
    return f"PostgreSQL {row[0] if row else '?'}"


def _step(text: str) -> None:
    print(f"== {text}", flush=True)


def _progress(sequential: LoadResult, concurrent: LoadResult | None) -> None:
    figures = sequential.client_ms
    line = f"   {sequential.name:<52} p50 {figures.median:7.2f} ms  p95 {figures.p95:7.2f} ms"
    if concurrent is not None:
        line += f"  | x{concurrent.concurrency}: {concurrent.throughput:7.1f} req/s"
    print(line, flush=True)


if __name__ == "__main__":
    main()
