"""Where this Repbook keeps its data, whether it is there yet, and making it.

Only `repbook serve`, `repbook migrate` and a WSGI server create the data directory and the
database. Every other command works on what exists and says where it looked, so a command run
with another REPBOOK_DATA_DIR than the server's cannot quietly start a second, empty Repbook.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections


class NotReady(Exception):
    """The database cannot be used yet; the message says what to run."""


@dataclass(frozen=True)
class DataLocation:
    data_dir: Path
    #: The database in words: "SQLite /path/repbook.sqlite3" or "PostgreSQL repbook on host:5432".
    database: str
    is_sqlite: bool


def data_location() -> DataLocation:
    """The data directory and database this process uses (from REPBOOK_DATA_DIR and DATABASE_URL)."""
    db = settings.DATABASES["default"]
    if not settings.DATABASE_URL:
        return DataLocation(Path(settings.DATA_DIR), f"SQLite {settings.SQLITE_PATH}", is_sqlite=True)
    vendor = "PostgreSQL" if "postgres" in db["ENGINE"] else db["ENGINE"].rsplit(".", 1)[-1]
    where = f" on {db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}" if db.get("HOST") else ""
    return DataLocation(Path(settings.DATA_DIR), f"{vendor} {db.get('NAME')}{where}", is_sqlite=False)


def sqlite_file_missing() -> bool:
    """True when Repbook runs on SQLite and its database file has not been made yet."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "sqlite":
        return False
    # The connection's file, not settings.SQLITE_PATH: the test runner swaps in its own.
    path = Path(connection.settings_dict["NAME"])
    return not path.is_file() or path.stat().st_size == 0


def require_database() -> None:
    """Raise NotReady, saying where Repbook looked and what to do, when there is no database yet."""
    if not sqlite_file_missing():
        return
    location = data_location()
    why = (
        "from REPBOOK_DATA_DIR"
        if settings.DATA_DIR_CONFIGURED
        else "the default data directory, as REPBOOK_DATA_DIR is not set"
    )
    raise NotReady(
        f"there is no Repbook database in {location.data_dir} ({why}). If Repbook already runs, "
        "set REPBOOK_DATA_DIR to the folder its server uses (`repbook check` prints it); to start "
        "a new Repbook here, run `repbook serve` (or `repbook migrate`)."
    )


def prepare_data_dir() -> None:
    """Create the data directory and the secret key file if missing, and use that key.

    The key is written once with owner-only permissions; O_EXCL keeps two first starts from racing.
    Errors are left to the configuration checks, which say what is wrong in one sentence.
    """
    data_dir = Path(settings.DATA_DIR)
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return
    if settings.SECRET_KEY_CONFIGURED or settings.SECRET_KEY_PROBLEM:
        return
    key_file = data_dir / settings.SECRET_KEY_FILE_NAME
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except OSError:
        return
    else:
        with os.fdopen(fd, "w") as handle:
            handle.write(settings.SECRET_KEY)
        return
    try:
        settings.SECRET_KEY = key_file.read_text().strip()
    except OSError as exc:
        settings.SECRET_KEY_PROBLEM = f"the secret key file {key_file} cannot be used: {exc.strerror}"
