"""The real `repbook` command in a subprocess on a fresh data directory (SQLite)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
REPBOOK = [sys.executable, "-m", "repbook"]


def fresh_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REPBOOK_", "DJANGO_"))}
    env["REPBOOK_DATA_DIR"] = str(data_dir)
    return env


def run(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*REPBOOK, *args], env=fresh_env(data_dir) | env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "args",
    [
        ("log", "Deadlift 100kg x 5"),
        ("token", "create", "cli"),
        ("user", "list"),
        ("exercises",),
        ("exercise", "back-extension"),
        ("next",),
        ("import", "missing.csv"),
        ("backup", "copy.sqlite3"),
    ],
)
def test_a_command_on_a_missing_data_dir_creates_nothing_and_says_where_it_looked(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    data_dir = tmp_path / "not-here"
    result = run(data_dir, *args)
    assert result.returncode != 0
    assert f"there is no Repbook database in {data_dir} (from REPBOOK_DATA_DIR)" in result.stderr
    assert "`repbook serve`" in result.stderr and "Traceback" not in result.stderr
    assert not data_dir.exists()


def test_without_repbook_data_dir_the_default_folder_is_named(tmp_path: Path) -> None:
    env = {k: v for k, v in fresh_env(tmp_path).items() if k != "REPBOOK_DATA_DIR"}
    env |= {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    result = subprocess.run([*REPBOOK, "user", "list"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"in {tmp_path / 'xdg' / 'repbook'} (the default data directory" in result.stderr
    assert "REPBOOK_DATA_DIR" in result.stderr
    assert not (tmp_path / "xdg").exists()


def test_read_only_commands_create_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "not-here"
    for args in (("check",), ("--help",), ("calc", "e1rm", "100", "5"), ("--version",), ("log", "--help")):
        assert run(data_dir, *args).returncode == 0, args
    assert not data_dir.exists()


def test_migrate_makes_the_data_dir_then_commands_use_it(tmp_path: Path) -> None:
    migrated = run(tmp_path, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert f"Database: SQLite {tmp_path / 'repbook.sqlite3'}" in migrated.stdout
    assert "migrations applied" in migrated.stdout
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert "already up to date" in run(tmp_path, "migrate").stdout

    token = run(tmp_path, "token", "create", "cli")
    assert token.returncode == 0, token.stderr
    assert token.stdout.strip().startswith("rb_")
    assert "Created your Repbook account" in token.stderr  # the first command that needs a user
    programs = run(tmp_path, "programs", "--json")
    assert len(json.loads(programs.stdout)) == 7


def test_check_reports_a_placeholder_secret(tmp_path: Path) -> None:
    env = fresh_env(tmp_path) | {"REPBOOK_SECRET_KEY": "changeme"}
    result = subprocess.run([*REPBOOK, "check"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "REPBOOK_SECRET_KEY" in result.stderr


def test_serve_refuses_debug_on_a_public_host(tmp_path: Path) -> None:
    env = fresh_env(tmp_path) | {"REPBOOK_DEBUG": "1", "REPBOOK_ALLOWED_HOSTS": "gym.example.org"}
    result = subprocess.run(
        [*REPBOOK, "serve", "--host", "0.0.0.0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "refusing to start" in result.stderr and "REPBOOK_DEBUG" in result.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_starts_prints_the_login_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [*REPBOOK, "serve", "--port", str(port), "--workers", "1"],
        env=fresh_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        body = b""
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.3)
        assert b'"status": "ok"' in body
        login_page = urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=5).read()
        assert b"Log in" in login_page
    finally:
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output
    assert "user name:" in output and "password:" in output
    assert f"http://127.0.0.1:{port}/" in output
    assert "Traceback" not in output
