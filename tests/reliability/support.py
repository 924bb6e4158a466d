"""What the reliability tests share: the server's database read from outside, and API clients.

The server is another process, so nothing here goes through Django: the database is read with
sqlite3 or psycopg, the API is called over HTTP with http.client (keep-alive, like a phone app).
"""

from __future__ import annotations

import http.client
import json
import secrets
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import psycopg
from bench.server import ServerConfig


@dataclass
class Backend:
    """The database a test's server uses: a fresh SQLite file or a fresh PostgreSQL database."""

    vendor: str  # "sqlite" or "postgresql"
    config: ServerConfig

    def query(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        """The rows of one read (`%s` placeholders), on a connection of its own."""
        if self.vendor == "sqlite":
            with closing(sqlite3.connect(self.config.data_dir / "repbook.sqlite3", timeout=20)) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()
        with psycopg.connect(self.config.database_url, autocommit=True) as db:
            return db.execute(sql, params).fetchall()

    def open_write(self) -> str | None:
        """Something naming the write transaction open right now on the database, or None.

        PostgreSQL: the transaction id of a session that has written and not committed. SQLite has
        one writer at a time: if BEGIN IMMEDIATE cannot get the write lock at once, someone holds it.
        """
        if self.vendor == "sqlite":
            db = sqlite3.connect(self.config.data_dir / "repbook.sqlite3", timeout=0, isolation_level=None)
            with closing(db):
                try:
                    db.execute("BEGIN IMMEDIATE")
                except sqlite3.OperationalError as exc:
                    assert "locked" in str(exc), exc
                    return "the write lock"
                db.execute("ROLLBACK")
                return None
        rows = self.query(
            "SELECT backend_xid::text FROM pg_stat_activity"
            " WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()"
        )
        return str(rows[0][0]) if rows else None

    def user_id(self, username: str) -> int:
        return int(self.query("SELECT id FROM repbook_user WHERE username = %s", username)[0][0])

    def count(self, table: str, owner_id: int) -> int:
        return int(self.query(f"SELECT count(*) FROM {table} WHERE owner_id = %s", owner_id)[0][0])

    def problems(self) -> list[str]:
        """What is broken in the database as a whole: rows pointing nowhere, a damaged file."""
        found = [f"{what}: {n}" for what, sql in ORPHANS.items() if (n := self.query(sql)[0][0])]
        if self.vendor == "sqlite":
            if (check := self.query("PRAGMA integrity_check")) != [("ok",)]:
                found.append(f"PRAGMA integrity_check: {check}")
            found += [f"PRAGMA foreign_key_check: {row}" for row in self.query("PRAGMA foreign_key_check")]
        return found


#: Rows that a half-written log or import would leave; each count must be 0.
ORPHANS = {
    "sets without their workout": "SELECT count(*) FROM storage_set s"
    " LEFT JOIN storage_workout w ON w.id = s.workout_id WHERE w.id IS NULL",
    "sets without their entry": "SELECT count(*) FROM storage_set s"
    " LEFT JOIN storage_workoutexercise e ON e.id = s.workout_exercise_id WHERE e.id IS NULL",
    "sets whose entry is in another workout": "SELECT count(*) FROM storage_set s"
    " JOIN storage_workoutexercise e ON e.id = s.workout_exercise_id WHERE e.workout_id <> s.workout_id",
    "sets of another exercise than their entry": "SELECT count(*) FROM storage_set s"
    " JOIN storage_workoutexercise e ON e.id = s.workout_exercise_id WHERE e.exercise_id <> s.exercise_id",
    "entries without their workout": "SELECT count(*) FROM storage_workoutexercise e"
    " LEFT JOIN storage_workout w ON w.id = e.workout_id WHERE w.id IS NULL",
    "entries without a set": "SELECT count(*) FROM storage_workoutexercise e"
    " WHERE NOT EXISTS (SELECT 1 FROM storage_set s WHERE s.workout_exercise_id = e.id)",
}


class ApiConnection:
    """One keep-alive connection to the server's API with a Bearer token, as one client app holds."""

    def __init__(self, base_url: str, token: str, timeout: float = 60) -> None:
        url = urlsplit(base_url)
        self.connection = http.client.HTTPConnection(url.hostname or "", url.port, timeout=timeout)
        self.headers = {"Authorization": f"Bearer {token}"}

    def call(self, method: str, path: str, payload: Any = None) -> tuple[int, Any]:
        """(status, JSON body) of one request."""
        headers = dict(self.headers)
        body = None
        if payload is not None:
            body = json.dumps(payload)
            headers["Content-Type"] = "application/json"
        self.connection.request(method, path, body=body, headers=headers)
        return self.answer()

    def answer(self) -> tuple[int, Any]:
        response = self.connection.getresponse()
        raw = response.read()
        try:
            return response.status, json.loads(raw) if raw else None
        except ValueError:  # not JSON (a server error page): show it as text
            return response.status, raw.decode(errors="replace")[:500]

    def send_upload(self, path: str, data: bytes, fields: dict[str, str]) -> None:
        """Send a multipart form with `data` as its file; `answer()` then waits for the response."""
        boundary = secrets.token_hex(16)
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            for name, value in fields.items()
        ]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="strong.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n".encode()
        )
        body = b"".join(parts) + data + f"\r\n--{boundary}--\r\n".encode()
        headers = self.headers | {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        self.connection.request("POST", path, body=body, headers=headers)

    def close(self) -> None:
        self.connection.close()


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout} s waiting for {what}")
        time.sleep(0.02)
