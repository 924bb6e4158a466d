"""A fresh database for each test's real server: SQLite in a tmp data dir, or, when DATABASE_URL is set
(CI's second run), a new PostgreSQL database on the same server, dropped afterwards.

pytest-django's test database is never used here: the server is another process.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from bench.server import ServerConfig, create_database, drop_database, with_database

from tests.reliability.support import Backend


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[Backend]:
    data_dir = tmp_path / "data"
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        yield Backend("sqlite", ServerConfig(data_dir))
        return
    database_url = with_database(url, f"repbook_crash_{secrets.token_hex(4)}")
    create_database(database_url)
    try:
        yield Backend("postgresql", ServerConfig(data_dir, database_url=database_url))
    finally:
        drop_database(database_url)
