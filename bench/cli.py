"""Time `repbook` commands from start to exit on a ready database: what a lifter waits for in a shell.

    REPBOOK_DATA_DIR=/tmp/rbgen .venv/bin/python bench/cli.py --user bench1 [--runs 11] [--json FILE]

Each command runs `--runs` times as a new process of the installed `repbook` command, after one
untimed run that warms the operating system's file cache. Repbook's modules are byte-compiled
first, as pip does when it installs the wheel: an editable checkout run with
PYTHONDONTWRITEBYTECODE set would otherwise compile every module from source at every start.
The user follows the 5×5 program (started here if they follow none), so `repbook next` computes a
real workout from their history; each timed `repbook log` adds one plank set on the day after the
history ends.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    # Run as `python bench/cli.py`: the repository root must be importable for `bench.*`.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load import Percentiles

REPBOOK = Path(sys.executable).with_name("repbook")
#: What the CLI start target is measured on, and the floor no database command can beat.
COMMANDS: dict[str, list[str]] = {
    "repbook --version (no Django)": ["--version"],
    "repbook exercises --json": ["exercises", "--json"],
    "repbook next": ["next", "--user", "{user}"],
    "repbook log": ["log", "Plank 1x60s", "--user", "{user}", "--date", "{day}"],
}
TARGET_S = 0.5


def time_command(args: list[str], runs: int) -> Percentiles:
    """Wall seconds of `runs` runs of `repbook ARGS` (after one untimed run)."""
    seconds = []
    for index in range(runs + 1):
        started = time.perf_counter()
        done = subprocess.run([str(REPBOOK), *args], capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"repbook {' '.join(args)} failed:\n{done.stderr[-2000:]}")
        if index:
            seconds.append(elapsed)
    return Percentiles.of(seconds)


def byte_compile() -> None:
    """Write the bytecode of the repbook package the command runs, as an install from the wheel has it."""
    spec = importlib.util.find_spec("repbook")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("the repbook package is not installed in this environment")
    for folder in spec.submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)


def measure(user: str, day: str, runs: int) -> dict[str, dict[str, float]]:
    byte_compile()
    active = subprocess.run([str(REPBOOK), "next", "--user", user], capture_output=True, text=True)
    if active.returncode != 0:
        subprocess.run([str(REPBOOK), "program", "start", "5x5-linear", "--user", user], check=True)
    figures = {}
    for name, template in COMMANDS.items():
        args = [part.format(user=user, day=day) for part in template]
        figures[name] = vars(time_command(args, runs))
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", required=True, help="a user with history, e.g. made by bench/generate.py")
    parser.add_argument("--day", default="2026-11-02", help="the day `repbook log` logs on")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--json", dest="json_path", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    figures = measure(args.user, args.day, args.runs)
    print(f"{'command':<34} {'median':>8} {'p95':>8}")
    for name, row in figures.items():
        print(f"{name:<34} {row['median']:>7.3f}s {row['p95']:>7.3f}s")
    if args.json_path:
        args.json_path.write_text(json.dumps({"runs": args.runs, "commands": figures}, indent=2) + "\n")


if __name__ == "__main__":
    main()
