"""Time importing a large Strong export and exporting it again, with the SQL each step costs.

    python bench/imports.py --rows 100000 [--runs 3] [--json FILE] [--export-user bench1]

Writes a Strong CSV of N rows (bench/strong_csv.py), then for each run imports it into a fresh
account of the configured database (REPBOOK_DATA_DIR or DATABASE_URL): the dry run (read, match,
check) and the real import (the same plus the writes), then the CSV and JSON exports of the
result. Reports the median of the runs per step. Bench accounts are named `import-bench-N` and
deleted afterwards. `--export-user` also times both exports of an existing (generated) user.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django
from django.apps import apps

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "repbook.settings")
if not apps.ready:
    django.setup()

from django.db import connection

from bench.queries import QueryCounter
from bench.strong_csv import write_csv
from repbook.importers.registry import read
from repbook.services.account.accounts import create_user
from repbook.services.system.bootstrap import ensure_ready
from repbook.services.system.data_dir import prepare_data_dir
from repbook.services.transfer.export import backup_text, csv_lines
from repbook.services.transfer.imports import ImportOptions, import_file
from repbook.storage.models import Set, User, Workout


def _timed(step: Callable[[], Any]) -> tuple[float, int, Any]:
    """Seconds and SQL queries one call takes (a batch sent with executemany or COPY is one)."""
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        result = step()
        seconds = time.perf_counter() - start
    return seconds, counter.count, result


def strong_file(rows: int, seed: int) -> bytes:
    buffer = io.StringIO()
    write_csv(rows, seed, buffer)
    return buffer.getvalue().encode()


def run_once(data: bytes, number: int) -> dict[str, tuple[float, int]]:
    for stale in User.objects.filter(username=f"import-bench-{number}"):
        Workout.objects.filter(owner=stale).delete()
        stale.delete()
    user = create_user(f"import-bench-{number}", "timing-only-4f9c2a1d7e", email="")
    steps: dict[str, tuple[float, int]] = {}
    try:
        seconds, queries, _ = _timed(lambda: read(data))
        steps["parse"] = (seconds, queries)
        seconds, queries, _ = _timed(
            lambda: import_file(user, data, ImportOptions(dry_run=True, create_missing=True))
        )
        steps["dry run"] = (seconds, queries)
        seconds, queries, report = _timed(lambda: import_file(user, data, ImportOptions(create_missing=True)))
        steps["import"] = (seconds, queries)
        steps["import again (nothing new)"] = _timed(
            lambda: import_file(user, data, ImportOptions(create_missing=True))
        )[:2]
        steps["export csv"] = _timed(lambda: sum(len(line) for line in csv_lines(user)))[:2]
        steps["export json"] = _timed(lambda: len(backup_text(user)))[:2]
        steps["sets written"] = (float(Set.objects.filter(owner=user).count()), report.workouts)
    finally:
        # Sets protect the custom exercises they use, so the log goes before the account.
        Workout.objects.filter(owner=user).delete()
        user.delete()
    return steps


def export_timings(username: str, runs: int) -> dict[str, Any]:
    """Median seconds of the CSV and JSON exports of an existing user, with their sets and queries."""
    user = User.objects.filter(username=username).first()
    if user is None:
        raise SystemExit(f"no user {username!r}: run bench/generate.py first")
    timings: dict[str, Any] = {"user": username, "sets": Set.objects.filter(owner=user).count()}
    for step, export in (
        ("export csv", lambda: sum(len(line) for line in csv_lines(user))),
        ("export json", lambda: len(backup_text(user))),
    ):
        measured = [_timed(export) for _ in range(runs)]
        seconds = statistics.median(m[0] for m in measured)
        timings[step] = {"median_s": round(seconds, 2), "queries": measured[0][1], "bytes": measured[0][2]}
        print(
            f"  {username} ({timings['sets']} sets): {step:<12} {seconds:7.2f} s  {measured[0][1]:5d} queries"
        )
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", dest="json_path", help="also write the figures to this file")
    parser.add_argument("--export-user", help="also time exporting this existing user's whole log")
    args = parser.parse_args(argv)
    prepare_data_dir()
    ensure_ready()
    exports = export_timings(args.export_user, args.runs) if args.export_user else None
    data = strong_file(args.rows, args.seed)
    runs = [run_once(data, n) for n in range(args.runs)]
    vendor = connection.vendor
    print(f"{args.rows} Strong rows ({len(data) / 1e6:.1f} MB), {vendor}, median of {args.runs} runs")
    results = {}
    for step in runs[0]:
        if step == "sets written":
            sets, workouts = runs[0][step]
            print(f"  {int(sets)} sets in {workouts} workouts written")
            continue
        seconds = statistics.median(r[step][0] for r in runs)
        queries = runs[0][step][1]
        results[step] = {"median_s": round(seconds, 2), "queries": queries}
        print(f"  {step:<28} {seconds:7.2f} s  {queries:5d} queries")
    if args.json_path:
        summary = {"rows": args.rows, "database": vendor, "runs": args.runs, "steps": results}
        if exports is not None:
            summary["export_user"] = exports
        Path(args.json_path).write_text(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    main()
