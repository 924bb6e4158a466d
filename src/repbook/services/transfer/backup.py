"""`repbook backup`: a consistent copy of the live SQLite database, and the pg_dump line for PostgreSQL.

The copy uses SQLite's online backup API, which reads one snapshot of the database inside a read
transaction; in WAL mode writers (a running `repbook serve`) go on meanwhile, and the copy holds
every transaction committed before the snapshot and none after. It is written to a hidden file
next to the target and moved into place only once it has been read back, so a crash or a full
disk never leaves a half-written file under the target's name.
"""

from __future__ import annotations

import os
import shlex
import sqlite3
import tempfile
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from repbook.storage.models import Set, User, Workout


class BackupError(Exception):
    """The backup was not made; the message says why. Nothing was left behind."""


@dataclass(frozen=True)
class BackupReport:
    path: Path
    size_bytes: int
    users: int
    workouts: int
    sets: int


def backup_sqlite(source: Path, target: Path, *, force: bool = False) -> BackupReport:
    """Copy the SQLite database `source` to `target` while it may be in use; counts come from the copy.

    Refuses an existing `target` unless `force`, a missing directory, and the live file itself.
    """
    source, target = source.expanduser().absolute(), target.expanduser().absolute()
    _check_target(source, target, force)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    except OSError as exc:
        raise BackupError(f"cannot write in {target.parent}: {exc.strerror}") from exc
    os.close(fd)
    partial = Path(name)
    try:
        _copy(source, partial)
        users, workouts, sets = _counts(partial)
        _move(partial, target, force)
    finally:
        partial.unlink(missing_ok=True)
    return BackupReport(target, target.stat().st_size, users, workouts, sets)


def _check_target(source: Path, target: Path, force: bool) -> None:
    if not source.is_file():
        raise BackupError(f"there is no database at {source} yet: nothing to back up")
    if not target.parent.is_dir():
        raise BackupError(f"the directory {target.parent} does not exist")
    if target.is_dir():
        raise BackupError(f"{target} is a directory: give a file name, e.g. {target / 'repbook.sqlite3'}")
    if target.exists() and target.samefile(source):
        raise BackupError(f"{target} is the live database itself: write the backup somewhere else")
    if target.exists() and not force:
        raise BackupError(f"{target} already exists; use --force to replace it")


def _copy(source: Path, partial: Path) -> None:
    # mode=rw: never create an empty database where the live one should be.
    uri = f"{source.as_uri()}?mode=rw"
    try:
        with (
            closing(sqlite3.connect(uri, uri=True, timeout=20)) as live,
            closing(sqlite3.connect(partial)) as copy,
        ):
            live.backup(copy)  # all pages in one step: one snapshot, however busy the server is
            # A backup is one self-contained file: no -wal file beside it.
            copy.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as exc:
        raise BackupError(f"the copy failed: {exc}") from exc


def _counts(path: Path) -> tuple[int, int, int]:
    """Users, workouts and sets, read from the copy: proof that it opens and holds Repbook's tables."""
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as copy:
            (check,) = copy.execute("PRAGMA quick_check").fetchone()
            if check != "ok":
                raise BackupError(f"the copy is damaged: {check}")
            users, workouts, sets = (
                int(copy.execute(f'SELECT count(*) FROM "{model._meta.db_table}"').fetchone()[0])
                for model in (User, Workout, Set)
            )
            return users, workouts, sets
    except sqlite3.Error as exc:
        raise BackupError(f"the database is not a Repbook database ({exc})") from exc


def _move(partial: Path, target: Path, force: bool) -> None:
    try:
        if force:
            os.replace(partial, target)
        else:
            _move_new(partial, target)
    except FileExistsError as exc:
        raise BackupError(f"{target} already exists; use --force to replace it") from exc
    except OSError as exc:
        raise BackupError(f"cannot write {target}: {exc.strerror}") from exc
    if os.name == "posix":  # make the new directory entry durable too
        directory = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def _move_new(partial: Path, target: Path) -> None:
    try:
        # A hard link fails if the target appeared meanwhile; a rename would silently replace it.
        os.link(partial, target)
    except FileExistsError:
        raise
    except OSError:
        # Some file systems (FAT, some network shares) have no hard links: check, then rename.
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(partial, target)


def pg_dump_command(database: Mapping[str, Any], target: str) -> str:
    """The pg_dump line that backs up `database` (Django settings) to `target`; never the password."""
    words = ["pg_dump", "-Fc"]
    for flag, key in (("-h", "HOST"), ("-p", "PORT"), ("-U", "USER")):
        if database.get(key):
            words += [flag, str(database[key])]
    words += ["-f", target, str(database.get("NAME") or "")]
    return shlex.join(words)
