"""Migrations as their own step: `repbook migrate`, `serve --no-migrate`, and the default that
several workers on PostgreSQL wait for the operator; two migrations at once apply once."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from bench.server import create_database, drop_database, with_database
from django.db import connection

pytestmark = pytest.mark.slow
REPBOOK = [sys.executable, "-m", "repbook"]
MIGRATIONS = Path(__file__).resolve().parents[2] / "src" / "repbook" / "storage" / "migrations"
#: The storage migration before the newest: the schema of the previous version.
PREVIOUS = sorted(p.stem for p in MIGRATIONS.glob("0*.py"))[-2]


def env_for(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REPBOOK_", "DJANGO_"))}
    return env | {"REPBOOK_DATA_DIR": str(data_dir)} | extra


def make_older(env: dict[str, str], data_dir: Path) -> None:
    """Turn the database into one of the previous Repbook: its schema, and its readiness stamp."""
    older = subprocess.run(
        [sys.executable, "-m", "django", "migrate", "storage", PREVIOUS, "--settings=repbook.settings"],
        env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert older.returncode == 0, older.stderr
    with sqlite3.connect(data_dir / "repbook.sqlite3") as db:
        db.execute("UPDATE storage_sitesettings SET ready_stamp = 'the previous version'")


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*REPBOOK, *args], env=env, capture_output=True, text=True, timeout=180)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_serve_no_migrate_refuses_a_database_that_lacks_migrations_and_migrate_fixes_it(
    tmp_path: Path,
) -> None:
    env = env_for(tmp_path)
    assert run(env, "migrate").returncode == 0
    make_older(env, tmp_path)  # as after an upgrade of the code
    refused = run(env, "serve", "--no-migrate", "--port", "1")
    assert refused.returncode == 1
    assert "lacks 1 migration" in refused.stderr and "`repbook migrate`" in refused.stderr
    migrated = run(env, "migrate")
    assert migrated.returncode == 0 and "1 migration applied" in migrated.stdout
    assert "lacks" not in run(env, "check").stderr


def test_on_sqlite_a_command_applies_the_migrations_of_a_new_version(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    assert run(env, "migrate").returncode == 0
    make_older(env, tmp_path)
    listed = run(env, "user", "list")
    assert listed.returncode == 0, listed.stderr
    assert "lacks" not in run(env, "check").stderr


@pytest.fixture
def fresh_postgresql() -> Iterator[str]:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL: the advisory lock and the several-workers default")
    url = with_database(os.environ["DATABASE_URL"], f"repbook_migrate_{uuid.uuid4().hex[:8]}")
    create_database(url)
    try:
        yield url
    finally:
        drop_database(url)


def test_several_workers_on_postgresql_wait_for_repbook_migrate(
    tmp_path: Path, fresh_postgresql: str
) -> None:
    env = env_for(tmp_path, DATABASE_URL=fresh_postgresql)
    refused = run(env, "serve", "--workers", "2", "--port", "1")
    assert refused.returncode == 1
    assert "`repbook migrate`" in refused.stderr
    assert "lacks" in run(env, "check").stderr
    assert run(env, "user", "list").returncode == 1  # commands on PostgreSQL do not migrate either


def test_two_migrations_started_together_apply_once(tmp_path: Path, fresh_postgresql: str) -> None:
    env = env_for(tmp_path, DATABASE_URL=fresh_postgresql)
    both = [
        subprocess.Popen(
            [*REPBOOK, "migrate"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=300), *p.communicate()) for p in both]
    assert [code for code, _, _ in results] == [0, 0], [err for _, _, err in results]
    said = {out.splitlines()[-1] for _, out, _ in results}
    assert "Database ready (already up to date)." in said  # the second one waited for the first
    assert any(line.endswith("migrations applied).") for line in said), said
    programs = run(env, "programs", "--json")
    assert programs.returncode == 0 and programs.stdout.count('"slug"') == 7
