"""The real `repbook` command in a subprocess on a fresh data directory (SQLite)."""

from __future__ import annotations

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


def test_a_command_on_a_fresh_data_dir_migrates_and_creates_the_first_user(tmp_path: Path) -> None:
    result = subprocess.run(
        [*REPBOOK, "token", "create", "cli"],
        env=fresh_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("rb_")
    assert "Created your Repbook account" in result.stderr
    assert (tmp_path / "repbook.sqlite3").exists()
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


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
