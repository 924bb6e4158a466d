"""Configuration checks shared by `repbook serve` and `repbook check`.

A problem makes serving unsafe or impossible (serve refuses to start, check exits 1); a warning is
worth knowing but may be what the operator wants (check prints it and still exits 0).
"""

from __future__ import annotations

import ipaddress
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection

from repbook.services.system.bootstrap import pending_migrations
from repbook.services.system.data_dir import sqlite_file_missing

#: A secret shorter than this is treated as a placeholder.
MIN_SECRET_LENGTH = 32


def is_loopback(host: str) -> bool:
    """True for localhost and addresses in 127.0.0.0/8 or ::1."""
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def secret_is_weak(secret: str) -> bool:
    return secret.strip().lower() in settings.WEAK_SECRET_KEYS or len(secret) < MIN_SECRET_LENGTH


def configuration_problems(host: str = "127.0.0.1") -> list[str]:
    """Everything that makes serving on `host` unsafe or impossible, as sentences."""
    problems: list[str] = []
    public = not is_loopback(host)
    if public and settings.DEBUG:
        problems.append(f"REPBOOK_DEBUG is on while serving on {host}: debug pages leak secrets; unset it.")
    data_dir = _data_dir_problems(Path(settings.DATA_DIR))
    if settings.SECRET_KEY_PROBLEM:
        # A data dir that is missing or read-only explains the key file too: say that once.
        if not data_dir:
            problems.append(f"{settings.SECRET_KEY_PROBLEM}; fix its permissions or set REPBOOK_SECRET_KEY.")
    elif secret_is_weak(settings.SECRET_KEY):
        problems.append(
            f"REPBOOK_SECRET_KEY is a placeholder or shorter than {MIN_SECRET_LENGTH} characters; "
            "unset it to use the generated key, or set a long random one."
        )
    if "*" in settings.ALLOWED_HOSTS:
        problems.append(
            "REPBOOK_ALLOWED_HOSTS contains '*': Repbook would answer any Host header (host header "
            "injection, DNS rebinding); list the host names people use."
        )
    elif public and set(settings.ALLOWED_HOSTS) <= set(settings.LOOPBACK_HOSTS):
        problems.append(
            f"serving on {host} but REPBOOK_ALLOWED_HOSTS only lists local names; "
            "set it to the host name people will use."
        )
    return problems + data_dir


def configuration_warnings(host: str = "127.0.0.1") -> list[str]:
    """What may be intended but is worth a look before serving on `host`, as sentences."""
    if not is_loopback(host) and not settings.HTTPS:
        return [
            f"REPBOOK_HTTPS is off while serving on {host}: session and CSRF cookies are not marked "
            "Secure and no HSTS is sent, and phones cannot install Repbook or log sets offline "
            "(browsers run its service worker only over HTTPS or on localhost); behind an HTTPS "
            "proxy, set REPBOOK_HTTPS=1."
        ]
    return []


def database_problems() -> list[str]:
    """Whether the database can be opened and written, in one sentence each (never a traceback).

    A SQLite file that does not exist yet is no problem (serve makes it) and is not created here.
    """
    if sqlite_file_missing():
        return []
    if not settings.DATABASE_URL and _data_dir_problems(Path(settings.DATA_DIR)):
        return []  # the SQLite file lives in the data dir, whose problem is reported already
    try:
        connection.ensure_connection()
    except (DatabaseError, ImproperlyConfigured) as exc:
        where = "DATABASE_URL" if settings.DATABASE_URL else f"the SQLite file {settings.SQLITE_PATH}"
        return [f"the database cannot be opened ({_first_line(exc)}); check {where}."]
    sqlite_file = Path(settings.SQLITE_PATH)
    if connection.vendor == "sqlite" and sqlite_file.exists() and not os.access(sqlite_file, os.W_OK):
        return [
            f"the database file {sqlite_file} is not writable; give the user running Repbook write access."
        ]
    return []


def cache_problems() -> list[str]:
    """Whether the shared cache (REPBOOK_CACHE_URL) answers; the file cache needs only the data dir."""
    if not settings.CACHE_URL:
        return []
    from django.core.cache import cache

    try:
        cache.set("repbook-check", "ok", timeout=10)
        answered = cache.get("repbook-check")
    except Exception as exc:  # the Redis client's errors are not Django's: say any of them in one line
        return [f"the cache at REPBOOK_CACHE_URL cannot be used ({_first_line(exc)}); is Redis running?"]
    if answered != "ok":
        return ["the cache at REPBOOK_CACHE_URL does not keep what is stored in it"]
    return []


def database_warnings() -> list[str]:
    """A database that is not made yet, or lacks migrations."""
    if sqlite_file_missing():
        return [
            f"there is no database in {settings.DATA_DIR} yet: `repbook serve` (or `repbook migrate`) "
            "creates it. If Repbook already runs, point REPBOOK_DATA_DIR at the folder it uses."
        ]
    missing = pending_migrations()
    if missing:
        return [
            f"the database lacks {missing} migration{'s' if missing != 1 else ''} (or is new): "
            "`repbook migrate` applies them (`repbook serve` does too on SQLite or with one worker)."
        ]
    return []


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _data_dir_problems(data_dir: Path) -> list[str]:
    if not data_dir.exists():
        # Not made yet (serve makes it): a problem only when it could not be.
        parent = next((p for p in data_dir.parents if p.exists()), None)
        if parent is None or not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
            return [f"the data directory {data_dir} does not exist and cannot be created in {parent}"]
        return []
    if not data_dir.is_dir():
        return [f"the data directory {data_dir} is not a folder"]
    try:
        with tempfile.NamedTemporaryFile(dir=data_dir):
            pass
    except OSError as exc:
        return [f"the data directory {data_dir} is not writable: {exc.strerror}"]
    key_file = data_dir / settings.SECRET_KEY_FILE_NAME
    if key_file.exists() and key_file.stat().st_mode & 0o077 and os.name == "posix":
        return [f"{key_file} can be read by other users; run: chmod 600 {key_file}"]
    return []
