"""SQLite and PostgreSQL side by side: the same lifter served by both at once, requests alternated.

    python bench/versus.py --database-url postgres://postgres@127.0.0.1:5432/repbook_versus [--runs 200]

This machine's speed drifts by up to two times within minutes (bench/gauge.py), so two full runs of
`bench/run.py` made one after the other can differ by more than the databases do. Here both servers
(`repbook serve`, one worker each) hold the same ten-year lifter (`bench/generate.py`, same seed),
and every one-client request of the full run is sent to one and then the other, the order swapped
each round, so both meet the same moments of the machine. The report gives each side's server
p50 and p95 (its `Server-Timing`) and PostgreSQL's ratio to SQLite. The PostgreSQL database named
is dropped and created again: never point it at real data.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.gauge import gauge_ms
from bench.load import Client, Percentiles, Request, session_headers, token_headers
from bench.run import (
    LOAD_ENV,
    LOG_SET,
    OPEN_WORKOUT,
    PASSWORD,
    finish_workout,
    generate_users,
    ok,
    one_client_requests,
    open_workout,
)
from bench.server import RunningServer, ServerConfig, create_database, serving, tokens_for

SIDES = ("SQLite", "PostgreSQL")
WARM_UP = 10


class Side:
    """One server with the lifter's clients and open workouts."""

    def __init__(self, server: RunningServer, token: str) -> None:
        base = server.base_url
        self.api = Client(base, token_headers(token))
        browser = Client(base, session_headers(base, "lifter1", PASSWORD))
        self.clients = {"token": self.api, "browser": browser}
        ok(self.api.send(Request.json("POST", "/api/v1/programs/5x5-linear/start", {})), "start a program")
        self.workout = open_workout(self.api, OPEN_WORKOUT)
        self.server_ms: dict[str, list[float]] = {}

    def send(self, name: str, auth: str, request: Request) -> None:
        sample = ok(self.clients[auth].send(request), name)
        if sample.server_ms is None:
            raise SystemExit(f"{name}: the answer has no Server-Timing header")
        self.server_ms.setdefault(name, []).append(sample.server_ms)


def compare(sides: list[Side], runs: int) -> list[dict[str, Any]]:
    """Each request type, `runs` rounds of one request to each side (order swapped every round)."""
    rows = []
    kinds = [one_client_requests(side.workout) for side in sides]
    for index, (name, auth, _) in enumerate(kinds[0]):
        if name == LOG_SET:  # into a fresh open workout on each side, as the full run does
            for side in sides:
                finish_workout(side.api, side.workout)
                side.workout = open_workout(side.api, [("deadlift", 5, 60)])
        gauge = gauge_ms()
        for n in range(WARM_UP + runs):
            order = sides if n % 2 == 0 else sides[::-1]
            for side in order:
                make = kinds[sides.index(side)][index][2]
                side.send(name, auth, make(n, n))
        row: dict[str, Any] = {"name": name, "gauge_ms": gauge}
        for label, side in zip(SIDES, sides, strict=True):
            row[label] = vars(Percentiles.of(side.server_ms[name][WARM_UP:]))
        row["ratio_p50"] = round(row["PostgreSQL"]["median"] / row["SQLite"]["median"], 2)
        row["ratio_p95"] = round(row["PostgreSQL"]["p95"] / row["SQLite"]["p95"], 2)
        rows.append(row)
        print(_line(row), flush=True)
    return rows


def _line(row: dict[str, Any]) -> str:
    a, b = row["SQLite"], row["PostgreSQL"]
    return (
        f"| {row['name']} | {row['gauge_ms']} | {a['median']} / {a['p95']} | {b['median']} / {b['p95']} "
        f"| {row['ratio_p50']}× / {row['ratio_p95']}× |"
    )


@contextmanager
def _servers(database_url: str) -> Iterator[list[Side]]:
    folders = [Path(tempfile.mkdtemp(prefix=f"repbook-versus-{label.lower()}-")) for label in SIDES]
    try:
        create_database(database_url)
        configs = [
            ServerConfig(data_dir=folders[0], env=LOAD_ENV),
            ServerConfig(data_dir=folders[1], database_url=database_url, env=LOAD_ENV),
        ]
        for config in configs:
            generate_users(config, users=1, years=10, prefix="lifter", seed=1)
        tokens = [tokens_for(config, ["lifter1"])["lifter1"] for config in configs]
        with ExitStack() as stack:
            servers = [stack.enter_context(serving(config)) for config in configs]
            yield [Side(server, token) for server, token in zip(servers, tokens, strict=True)]
    finally:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="a PostgreSQL database to drop and create")
    parser.add_argument("--runs", type=int, default=200, help="requests to each side per request type")
    parser.add_argument("--output", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    print("| request | gauge | SQLite p50 / p95 | PostgreSQL p50 / p95 | ratio p50 / p95 |")
    print("|---|---|---|---|---|")
    with _servers(args.database_url) as sides:
        rows = compare(sides, args.runs)
    if args.output:
        args.output.write_text(json.dumps({"runs": args.runs, "requests": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
