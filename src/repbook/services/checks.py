"""Configuration checks shared by `repbook serve` and `repbook check`."""

from __future__ import annotations

import ipaddress
import os
import tempfile
from pathlib import Path

from django.conf import settings

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
    if secret_is_weak(settings.SECRET_KEY):
        problems.append(
            f"REPBOOK_SECRET_KEY is a placeholder or shorter than {MIN_SECRET_LENGTH} characters; "
            "unset it to use the generated key, or set a long random one."
        )
    if public and set(settings.ALLOWED_HOSTS) <= set(settings.LOOPBACK_HOSTS):
        problems.append(
            f"serving on {host} but REPBOOK_ALLOWED_HOSTS only lists local names; "
            "set it to the host name people will use."
        )
    problems.extend(_data_dir_problems(Path(settings.DATA_DIR)))
    return problems


def _data_dir_problems(data_dir: Path) -> list[str]:
    if not data_dir.is_dir():
        return [f"the data directory {data_dir} does not exist"]
    try:
        with tempfile.NamedTemporaryFile(dir=data_dir):
            pass
    except OSError as exc:
        return [f"the data directory {data_dir} is not writable: {exc.strerror}"]
    key_file = data_dir / "secret_key"
    if key_file.exists() and key_file.stat().st_mode & 0o077 and os.name == "posix":
        return [f"{key_file} can be read by other users; run: chmod 600 {key_file}"]
    return []
