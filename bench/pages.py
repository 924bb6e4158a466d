"""Time Repbook's pages and API calls for one generated user, in process, with SQL query counts.

    python bench/pages.py --user bench1 [--runs 30] [--json FILE]

Uses the configured database (REPBOOK_DATA_DIR or DATABASE_URL) after `bench/generate.py` has
filled it. Each request goes through Django's full stack (middleware, session login, templates)
without a network, so the figures are server-side times. Reports the median, p95 and the
number of SQL queries of each request. The load runner against a real server comes on top.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django
from django.apps import apps

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "repbook.settings")
if not apps.ready:
    django.setup()

from django.conf import settings
from django.db import connection
from django.test import Client

from bench.queries import QueryCounter
from repbook.storage.models import Set, User

#: (name, path): what a user of the progress features loads.
REQUESTS = [
    ("stats page", "/stats/"),
    ("stats page, 52 weeks", "/stats/?weeks=52"),
    ("exercise page with history (deadlift)", "/exercises/deadlift/"),
    ("exercise page with history (bench press)", "/exercises/bench-press/"),
    ("API exercise stats (deadlift)", "/api/v1/stats/exercises/deadlift"),
    ("API muscle stats, 8 weeks", "/api/v1/stats/muscles?weeks=8"),
    ("API best lifts", "/api/v1/stats/lifts"),
    ("API workouts, one page", "/api/v1/workouts"),
    ("API sets of the deadlift, one page", "/api/v1/sets?exercise=deadlift"),
    ("history page", "/workouts/"),
    ("API guidance", "/api/v1/guidance"),
    ("tools page", "/tools/?weight=100&reps=5"),
]


@dataclass(frozen=True)
class Timing:
    name: str
    path: str
    median_ms: float
    p95_ms: float
    queries: int
    status: int


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(client: Client, name: str, path: str, runs: int) -> Timing:
    """Warm up once, then time `runs` requests; count the queries of one."""
    client.get(path)
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        status = client.get(path).status_code
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    return Timing(
        name, path, round(statistics.median(times), 1), round(_p95(times), 1), counter.count, status
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", default="bench1")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--json", dest="json_path", help="also write the figures to this file")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    user = User.objects.filter(username=args.user).first()
    if user is None:
        raise SystemExit(f"no user {args.user!r}: run bench/generate.py first")
    client = Client()
    client.force_login(user)
    sets = Set.objects.filter(owner=user).count()
    print(
        f"{args.user}: {sets:,} sets on {connection.vendor}; {args.runs} runs each, server-side, in process"
    )
    print(f"{'request':<44} {'median':>8} {'p95':>8} {'queries':>8}")
    results = []
    for name, path in REQUESTS:
        timing = measure(client, name, path, args.runs)
        results.append(timing)
        figures = f"{timing.median_ms:>6} ms {timing.p95_ms:>5} ms {timing.queries:>8}"
        print(f"{name:<44} {figures}  ({timing.status})")
    if args.json_path:
        data = {"user": args.user, "sets": sets, "database": connection.vendor, "runs": args.runs}
        Path(args.json_path).write_text(
            json.dumps(data | {"requests": [asdict(t) for t in results]}, indent=2)
        )


if __name__ == "__main__":
    main()
