"""Start and stop a real `repbook serve` (gunicorn, production settings) for load and crash tests.

    config = ServerConfig(Path("/tmp/rb-load"), workers=2)
    token = create_user_with_token(config, "lifter")  # an API token
    with serving(config) as server:
        urllib.request.urlopen(server.base_url + "/healthz")

The server runs in a session of its own, so `kill()` takes the gunicorn master and its workers
down at once, as a crash or the kernel's out-of-memory killer would. Standard library only.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

REPBOOK = [sys.executable, "-m", "repbook"]
LOG_NAME = "server.log"
#: How long `stop()` lets gunicorn finish its requests (its graceful_timeout) before SIGKILL.
GRACE_S = 10


@dataclass
class ServerConfig:
    data_dir: Path  # REPBOOK_DATA_DIR for the server
    database_url: str = ""  # "" = SQLite in data_dir; else DATABASE_URL
    workers: int = 1
    threads: int = 4
    #: More environment for the server (e.g. REPBOOK_CACHE_URL), over this process's.
    env: dict[str, str] = field(default_factory=dict)


def server_env(config: ServerConfig) -> dict[str, str]:
    """This process's environment with the config's data dir and database, and debug pages off."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REPBOOK_DATA_DIR", "REPBOOK_DEBUG")
    }
    env["REPBOOK_DATA_DIR"] = str(config.data_dir)
    if config.database_url:
        env["DATABASE_URL"] = config.database_url
    return env | config.env


class RunningServer:
    """A `repbook serve` process group started by `start_server`."""

    def __init__(self, process: subprocess.Popen[bytes], port: int) -> None:
        self.process = process
        self.pid = process.pid  # the gunicorn master: `repbook serve` runs gunicorn in process
        self.base_url = f"http://127.0.0.1:{port}"

    def worker_pids(self) -> list[int]:
        return _children(self.pid)

    def peak_memory_kib(self) -> int:
        """The peak resident memory (VmHWM) of the master and its current workers, summed, in KiB."""
        return sum(_status_kib(pid, "VmHWM") for pid in [self.pid, *self.worker_pids()])

    def kill(self) -> None:
        """SIGKILL the master and every worker at once, and wait until none of them runs."""
        workers = self.worker_pids()
        with suppress(ProcessLookupError):  # the whole group has exited already
            os.killpg(self.pid, signal.SIGKILL)
        self.process.wait()
        _wait_until_gone(workers)

    def stop(self) -> None:
        """SIGTERM (gunicorn finishes the requests in flight), then SIGKILL what is left after 10 s."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            with suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=GRACE_S)
        self.kill()


def start_server(config: ServerConfig, *, timeout: float = 60) -> RunningServer:
    """Run `repbook serve` on a free port of 127.0.0.1 and return once GET /healthz answers 200.

    The first start on an empty database migrates and loads the catalog (a few seconds). Output
    goes to `server.log` in the data dir; a start that fails raises RuntimeError with its tail.
    """
    config.data_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    command = [*REPBOOK, "serve", "--port", str(port)]
    command += ["--workers", str(config.workers), "--threads", str(config.threads)]
    log_path = config.data_dir / LOG_NAME
    with log_path.open("ab") as log:
        log_start = log.tell()
        process = subprocess.Popen(
            command,
            env=server_env(config),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = RunningServer(process, port)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"repbook serve exited with {process.returncode}:\n{_tail(log_path, log_start)}"
            )
        if _healthy(server.base_url):
            return server
        time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"repbook serve did not answer /healthz in {timeout} s:\n{_tail(log_path, log_start)}")


@contextmanager
def serving(config: ServerConfig) -> Iterator[RunningServer]:
    """A running server for the `with` block; stopped (or killed) when it ends."""
    server = start_server(config)
    try:
        yield server
    finally:
        server.stop()


def create_user_with_token(config: ServerConfig, username: str) -> str:
    """Create the user `username` (random password) and return a new API token."""
    return create_users_with_tokens(config, [username])[username]


def create_users_with_tokens(config: ServerConfig, usernames: list[str]) -> dict[str, str]:
    """Create users (one random password) with an API token each, in one process: name -> token."""
    return _tokens(config, usernames, password=secrets.token_urlsafe(18))


def tokens_for(config: ServerConfig, usernames: list[str]) -> dict[str, str]:
    """A new API token for each existing user (e.g. made by bench/generate.py): name -> token."""
    return _tokens(config, usernames, password=None)


#: Run by `_tokens` in the server's environment: one Django start for all users.
_TOKENS = """
import json, sys
from repbook.cli.context import setup_django
setup_django()
from repbook.services.account.accounts import create_token, create_user
from repbook.services.system.bootstrap import ensure_ready
from repbook.services.system.data_dir import prepare_data_dir
from repbook.storage.models import User
prepare_data_dir()
ensure_ready()
asked = json.load(sys.stdin)
if asked["password"] is None:
    users = [User.objects.get(username=name) for name in asked["names"]]
else:
    users = [create_user(name, asked["password"]) for name in asked["names"]]
print(json.dumps({user.username: create_token(user, "bench").secret for user in users}))
"""


def _tokens(config: ServerConfig, usernames: list[str], password: str | None) -> dict[str, str]:
    asked = json.dumps({"names": usernames, "password": password})
    tokens: dict[str, str] = json.loads(_run([sys.executable, "-c", _TOKENS], config, asked))
    return tokens


def with_database(url: str, name: str) -> str:
    """A PostgreSQL `url` (postgres://user@host:port/db?options) naming the database `name` instead."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def create_database(url: str) -> None:
    """Create the PostgreSQL database `url` names, empty (dropping one of that name first)."""
    drop_database(url)
    _admin(url, "CREATE DATABASE {}")


def drop_database(url: str) -> None:
    """Drop the PostgreSQL database `url` names, ending its sessions (a killed server's may linger)."""
    _admin(url, "DROP DATABASE IF EXISTS {} WITH (FORCE)")


def _admin(url: str, statement: str) -> None:
    import psycopg
    from psycopg import sql

    name = urllib.parse.urlsplit(url).path.lstrip("/")
    with psycopg.connect(with_database(url, "postgres"), autocommit=True) as admin:
        admin.execute(sql.SQL(statement).format(sql.Identifier(name)))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(command: list[str], config: ServerConfig, stdin: str) -> str:
    config.data_dir.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        command, env=server_env(config), input=stdin, capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[1:3])} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done.stdout


def _healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(base_url + "/healthz", timeout=2) as response:
            return int(response.status) == 200
    except OSError:  # refused while gunicorn binds, 503 while the database is not there
        return False


def _tail(path: Path, start: int, chars: int = 3000) -> str:
    with path.open("rb") as log:
        log.seek(start)
        return log.read().decode(errors="replace")[-chars:]


def _children(pid: int) -> list[int]:
    """The child processes of `pid`: from /proc/PID/task/*/children, else a scan of /proc."""
    tasks = list(Path(f"/proc/{pid}/task").glob("*/children"))
    if tasks:
        found: list[int] = []
        for task in tasks:
            try:
                found += [int(child) for child in task.read_text().split()]
            except OSError:
                continue  # the thread ended
        return sorted(found)
    return sorted(p for p in _all_pids() if _status_kib(p, "PPid") == pid)


def _all_pids() -> list[int]:
    return [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]


def _status_kib(pid: int, field: str) -> int:
    """A number field of /proc/PID/status (`VmHWM` in KiB, `PPid`); 0 when the process is gone."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0
    for line in lines:
        name, _, value = line.partition(":")
        if name == field:
            return int(value.split()[0])
    return 0


def _wait_until_gone(pids: list[int], timeout: float = 10) -> None:
    """Wait until each process has exited (a zombie counts: it holds no file, lock or socket)."""
    deadline = time.monotonic() + timeout
    for pid in pids:
        while time.monotonic() < deadline and _state(pid) not in ("", "Z", "X"):
            time.sleep(0.02)


def _state(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rpartition(")")[2].split()[0]
