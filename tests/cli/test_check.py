"""`repbook check` in a real subprocess with good and bad environments: the problem lines it prints
and its exit status (1 with a problem, 0 with warnings only)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
REPBOOK = [sys.executable, "-m", "repbook"]
PUBLIC = {"REPBOOK_ALLOWED_HOSTS": "gym.example.org"}
#: Root may write anywhere; without these capabilities it meets file permissions like anyone.
WITHOUT_ROOTS_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def env_for(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REPBOOK_", "DJANGO_"))}
    return env | {"REPBOOK_DATA_DIR": str(data_dir)} | extra


def check(
    env: dict[str, str], *args: str, prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [*(prefix or []), *REPBOOK, "check", *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def lines(stream: str, kind: str) -> list[str]:
    return [line for line in stream.splitlines() if line.startswith(f"{kind}: ")]


@pytest.fixture(scope="module")
def ready_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with its secret key and a migrated SQLite database, made once and copied per test."""
    data_dir = tmp_path_factory.mktemp("ready") / "data"
    result = subprocess.run(
        [*REPBOOK, "migrate"], env=env_for(data_dir), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return data_dir


@pytest.fixture
def data_dir(ready_data_dir: Path, tmp_path: Path) -> Iterator[Path]:
    copy = tmp_path / "data"
    shutil.copytree(ready_data_dir, copy)
    yield copy
    for path in (copy, *copy.iterdir()):  # read-only modes set by a test must not stop the clean-up
        path.chmod(0o700 if path.is_dir() else 0o600)


def unprivileged() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv(1): file permissions cannot be tried")
    return WITHOUT_ROOTS_OVERRIDE


def test_a_good_configuration_passes(data_dir: Path) -> None:
    result = check(env_for(data_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("configuration ok")
    assert lines(result.stderr, "problem") == lines(result.stderr, "warning") == []


def test_a_fresh_data_dir_passes_says_serve_creates_it_and_is_left_untouched(tmp_path: Path) -> None:
    result = check(env_for(tmp_path / "fresh"))
    assert result.returncode == 0, result.stderr
    assert f"data dir: {tmp_path / 'fresh'}" in result.stdout
    assert f"database: SQLite {tmp_path / 'fresh' / 'repbook.sqlite3'}" in result.stdout
    (warning,) = lines(result.stderr, "warning")
    assert "no database" in warning and "`repbook serve`" in warning
    assert not (tmp_path / "fresh").exists()


def test_a_database_that_lacks_migrations_is_named(data_dir: Path) -> None:
    with sqlite3.connect(data_dir / "repbook.sqlite3") as db:
        db.execute("DELETE FROM django_migrations WHERE id = (SELECT max(id) FROM django_migrations)")
    result = check(env_for(data_dir))
    assert result.returncode == 0, result.stderr
    (warning,) = lines(result.stderr, "warning")
    assert "lacks 1 migration " in warning and "`repbook migrate`" in warning


def test_a_public_host_over_plain_http_passes_with_a_warning(data_dir: Path) -> None:
    result = check(env_for(data_dir, **PUBLIC), "--host", "0.0.0.0")
    assert result.returncode == 0, result.stderr
    assert lines(result.stderr, "warning") == [
        "warning: REPBOOK_HTTPS is off while serving on 0.0.0.0: session and CSRF cookies are not "
        "marked Secure and no HSTS is sent, and phones cannot install Repbook or log sets offline "
        "(browsers run its service worker only over HTTPS or on localhost); behind an HTTPS proxy, "
        "set REPBOOK_HTTPS=1."
    ]
    https = check(env_for(data_dir, **PUBLIC, REPBOOK_HTTPS="1"), "--host", "0.0.0.0")
    assert https.returncode == 0 and lines(https.stderr, "warning") == []


def test_debug_on_a_public_host_a_default_secret_and_any_host_are_each_named(data_dir: Path) -> None:
    env = env_for(data_dir, REPBOOK_DEBUG="1", REPBOOK_SECRET_KEY="changeme", REPBOOK_ALLOWED_HOSTS="*")
    result = check(env, "--host", "0.0.0.0")
    assert result.returncode == 1
    assert "configuration ok" not in result.stdout
    problems = lines(result.stderr, "problem")
    assert [p.split(" ")[1] for p in problems] == [
        "REPBOOK_DEBUG",
        "REPBOOK_SECRET_KEY",
        "REPBOOK_ALLOWED_HOSTS",
    ]
    assert "REPBOOK_DEBUG is on while serving on 0.0.0.0" in problems[0]
    assert "placeholder" in problems[1] and "contains '*'" in problems[2]


def test_a_read_only_data_dir_is_reported(data_dir: Path) -> None:
    prefix = unprivileged()
    data_dir.chmod(0o555)
    result = check(env_for(data_dir), prefix=prefix)
    assert result.returncode == 1
    assert lines(result.stderr, "problem") == [
        f"problem: the data directory {data_dir} is not writable: Permission denied"
    ]


def test_a_read_only_database_file_is_reported(data_dir: Path) -> None:
    prefix = unprivileged()
    sqlite_file = data_dir / "repbook.sqlite3"
    sqlite_file.chmod(0o444)
    result = check(env_for(data_dir), prefix=prefix)
    assert result.returncode == 1
    assert lines(result.stderr, "problem") == [
        f"problem: the database file {sqlite_file} is not writable; "
        "give the user running Repbook write access."
    ]


def test_a_secret_key_file_that_cannot_be_read_is_reported(data_dir: Path) -> None:
    prefix = unprivileged()
    key_file = data_dir / "secret_key"
    key_file.chmod(0o000)
    result = check(env_for(data_dir), prefix=prefix)
    assert result.returncode == 1
    assert lines(result.stderr, "problem") == [
        f"problem: the secret key file {key_file} cannot be used: Permission denied; "
        "fix its permissions or set REPBOOK_SECRET_KEY."
    ]


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        (
            "postgres://repbook@127.0.0.1:1/repbook",
            "problem: the database cannot be opened (connection failed:",
        ),
        ("nonsense", "problem: DATABASE_URL is not a database URL Repbook can use"),
    ],
)
def test_a_bad_database_url_is_one_clear_line(data_dir: Path, url: str, problem: str) -> None:
    result = check(env_for(data_dir, DATABASE_URL=url))
    assert result.returncode == 1
    (line,) = lines(result.stderr, "problem")
    assert line.startswith(problem), line


def test_an_unreachable_redis_is_a_problem(data_dir: Path) -> None:
    result = check(env_for(data_dir, REPBOOK_CACHE_URL="redis://127.0.0.1:1/0"))
    assert result.returncode == 1
    (line,) = lines(result.stderr, "problem")
    assert line.startswith("problem: the cache at REPBOOK_CACHE_URL cannot be used (") and "Redis" in line


def test_a_reachable_redis_passes(data_dir: Path) -> None:
    result = check(env_for(data_dir, REPBOOK_CACHE_URL="redis://127.0.0.1:6379/15"))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("setting", "words"),
    [
        ({"DATABASE_URL": "nonsense"}, "DATABASE_URL is not a database URL Repbook can use"),
        ({"REPBOOK_TIME_ZONE": "Mars/Olympus"}, "Incorrect timezone setting: Mars/Olympus"),
        ({"REPBOOK_TRUSTED_PROXIES": "10.0.0.1, proxy"}, "REPBOOK_TRUSTED_PROXIES: 'proxy' is not an IP"),
        ({"REPBOOK_CACHE_URL": "memcached://x"}, "REPBOOK_CACHE_URL is not a Redis URL"),
        ({"REPBOOK_API_RATE": "lots"}, "REPBOOK_API_RATE must be a whole number of requests per minute"),
        ({"REPBOOK_EMAIL_URL": "mail.example.org"}, "REPBOOK_EMAIL_URL is not an SMTP URL"),
        ({"REPBOOK_WORKOUT_IDLE_HOURS": "six"}, "REPBOOK_WORKOUT_IDLE_HOURS must be a number of hours"),
    ],
)
def test_every_command_says_unusable_settings_in_one_line(
    data_dir: Path, setting: dict[str, str], words: str
) -> None:
    for command in (["user", "list"], ["check"]):
        result = subprocess.run(
            [*REPBOOK, *command],
            env=env_for(data_dir, **setting),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1, command
        assert "Traceback" not in result.stderr
        assert words in result.stderr.splitlines()[0], result.stderr
