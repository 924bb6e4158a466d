"""`repbook backup FILE`: a consistent copy while sets are being logged, a restore from it, and
the refusals (an existing file, a missing directory, PostgreSQL)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from django.db import connection

from repbook.cli import main
from repbook.services.transfer.backup import pg_dump_command
from repbook.services.workout.workouts import SetInput, log_set
from repbook.storage.models import User
from tests.conftest import PASSWORD

REPBOOK = [sys.executable, "-m", "repbook"]
ROOT = Path(__file__).parents[2]
ON_SQLITE = connection.vendor == "sqlite"
sqlite_only = pytest.mark.skipif(
    not ON_SQLITE, reason="repbook backup copies SQLite; PostgreSQL uses pg_dump"
)

#: Logs one set per transaction through the real service, forever, printing the count after each.
WRITER = """
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "repbook.settings")
import django
django.setup()
from decimal import Decimal
from repbook.services.workout.workouts import SetInput, log_set
from repbook.storage.models import User
user = User.objects.get(username="alice")
logged = 0
while True:
    log_set(user, SetInput("deadlift", Decimal(100) + logged % 20, "kg", reps=5))
    logged += 1
    print(logged, flush=True)
"""


def fresh_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REPBOOK_", "DJANGO_"))}
    env["REPBOOK_DATA_DIR"] = str(data_dir)
    return env


def repbook(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*REPBOOK, *args], env=fresh_env(data_dir), input=stdin, capture_output=True, text=True, timeout=120
    )


def count(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
        return db.execute(sql).fetchall()


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@sqlite_only
@pytest.mark.slow
def test_a_backup_while_sets_are_logged_is_consistent(tmp_path: Path) -> None:
    live = tmp_path / "live"
    assert repbook(live, "migrate").returncode == 0
    created = repbook(live, "user", "create", "alice", "--password-stdin", stdin=PASSWORD + "\n")
    assert created.returncode == 0, created.stderr
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER],
        env=fresh_env(live), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    reached: list[int] = []
    got_some = threading.Event()

    def follow() -> None:
        assert writer.stdout is not None
        for line in writer.stdout:
            reached.append(int(line))
            if len(reached) >= 20:
                got_some.set()
        got_some.set()  # the writer stopped (or died): do not wait any longer

    threading.Thread(target=follow, daemon=True).start()
    try:
        got_some.wait(timeout=120)
        assert writer.poll() is None and len(reached) >= 20, writer.stderr.read() if writer.stderr else ""
        before = reached[-1]  # committed before the backup started
        copy = tmp_path / "copy.sqlite3"
        done = repbook(live, "backup", str(copy))
        assert writer.poll() is None, "the writer must still be logging while the backup runs"
    finally:
        writer.terminate()
        writer.wait(timeout=30)
    assert done.returncode == 0, done.stderr
    after = count(live / "repbook.sqlite3", "SELECT count(*) FROM storage_set")[0][0]
    assert isinstance(after, int)

    assert count(copy, "PRAGMA integrity_check") == [("ok",)]
    assert count(copy, "PRAGMA foreign_key_check") == []
    copied = count(copy, "SELECT count(*) FROM storage_set")[0][0]
    assert isinstance(copied, int)
    assert before <= copied <= after, (before, copied, after)
    # Every set of the copy sits in an entry and a workout of the copy, numbered without gaps.
    orders = count(copy, 'SELECT count(*), min("order"), max("order") FROM storage_set')
    assert orders == [(copied, 1, copied)]
    assert f"1 user, 1 workout, {copied} sets." in done.stdout
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")]


@sqlite_only
@pytest.mark.slow
def test_restore_the_copy_into_a_new_data_dir(tmp_path: Path) -> None:
    live, restored = tmp_path / "live", tmp_path / "restored"
    monday = (date.today() - timedelta(days=7)).isoformat()
    assert repbook(live, "migrate").returncode == 0
    for line, day in (("Deadlift 140kg x 5,5,4", monday), ("Pull-up 3x8 +5kg", monday)):
        logged = repbook(live, "log", line, "--date", day)
        assert logged.returncode == 0, logged.stderr
    exported = repbook(live, "export", "--format", "json")
    assert exported.returncode == 0 and '"deadlift"' in exported.stdout
    copy = tmp_path / "repbook-backup.sqlite3"
    backed_up = repbook(live, "backup", str(copy))
    assert backed_up.returncode == 0, backed_up.stderr
    assert ", 1 workout, 6 sets." in backed_up.stdout
    assert repbook(live, "log", "Plank 3x60s").returncode == 0  # after the backup: not in it

    # Restore as the docs say: the file and the secret key in a data dir, then run Repbook on it.
    restored.mkdir()
    shutil.copyfile(copy, restored / "repbook.sqlite3")
    shutil.copy2(live / "secret_key", restored / "secret_key")
    again = repbook(restored, "export", "--format", "json")
    assert again.returncode == 0, again.stderr
    assert again.stdout == exported.stdout  # the same workouts, sets, settings and account
    assert repbook(restored, "user", "list").stdout == repbook(live, "user", "list").stdout
    stats = repbook(restored, "stats", "--exercise", "deadlift", "--json")
    assert stats.returncode == 0 and "140" in stats.stdout
    assert repbook(restored, "log", "Bench press 60kg x 5").returncode == 0  # it takes new sets too


def test_postgresql_gets_the_pg_dump_command_without_the_password(tmp_path: Path) -> None:
    env = fresh_env(tmp_path) | {"DATABASE_URL": "postgres://coach:s3cret@db.example.org:5433/gym"}
    result = subprocess.run(
        [*REPBOOK, "backup", "gym.dump"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "pg_dump -Fc -h db.example.org -p 5433 -U coach -f gym.dump gym" in result.stderr
    assert "PostgreSQL" in result.stderr and "pg_restore" in result.stderr
    assert "s3cret" not in result.stderr + result.stdout and "Traceback" not in result.stderr
    assert not (tmp_path / "gym.dump").exists()


def test_the_pg_dump_command_quotes_what_the_shell_would_split() -> None:
    database = {"NAME": "my gym", "USER": "coach", "PASSWORD": "s3cret", "HOST": "", "PORT": ""}
    assert pg_dump_command(database, "/backups/Repbook 1.dump") == (
        "pg_dump -Fc -U coach -f '/backups/Repbook 1.dump' 'my gym'"
    )


@pytest.mark.skipif(ON_SQLITE, reason="the PostgreSQL answer, from the configured test database")
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_command_names_the_configured_database(tmp_path: Path) -> None:
    result = run("backup", str(tmp_path / "repbook.dump"))
    assert result.exit_code == 1
    assert "pg_dump -Fc " in result.output and str(connection.settings_dict["NAME"]) in result.output
    password = connection.settings_dict.get("PASSWORD")
    assert not password or password not in result.output
    assert not (tmp_path / "repbook.dump").exists()


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_an_existing_file_is_kept_unless_force(alice: User, tmp_path: Path) -> None:
    log_set(alice, SetInput("pull-up", reps=8))
    target = tmp_path / "backup.sqlite3"
    target.write_text("yesterday's backup")
    refused = run("backup", str(target))
    assert refused.exit_code == 1
    assert refused.output == f"Error: {target} already exists; use --force to replace it\n"
    assert target.read_text() == "yesterday's backup"
    replaced = run("backup", str(target), "--force")
    assert replaced.exit_code == 0, replaced.output
    assert replaced.output.startswith(f"Wrote {target} (")
    assert replaced.output.endswith("): 1 user, 1 workout, 1 set.\n")
    assert count(target, "SELECT username FROM repbook_user") == [("alice",)]
    assert os.stat(target).st_mode & 0o077 == 0  # password hashes inside: owner only
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sqlite3"]  # no partial file left


@sqlite_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("missing/dir/backup.sqlite3", "the directory {tmp}/missing/dir does not exist"),
        (".", "{tmp} is a directory: give a file name, e.g. {tmp}/repbook.sqlite3"),
        ("LIVE", "{live} is the live database itself: write the backup somewhere else"),
    ],
)
def test_a_target_that_cannot_be_written_is_a_clear_error(tmp_path: Path, target: str, message: str) -> None:
    live = str(connection.settings_dict["NAME"])
    path = live if target == "LIVE" else str(tmp_path / target)
    for args in (["backup", path], ["backup", path, "--force"]):
        result = run(*args)
        assert result.exit_code == 1
        assert result.output == f"Error: {message.format(tmp=tmp_path, live=live)}\n"
    assert list(tmp_path.iterdir()) == []
    assert User.objects.count() == 0  # the live database is still there and readable
