"""Requests counted per caller and window, shared by every worker: what the API's rate limits read.

With a shared cache (Redis, REPBOOK_CACHE_URL) a count is one of its keys: one atomic increment,
shared by every machine serving the database. Without one, each caller has a small file next to
the file cache, holding its window and count, changed under an exclusive lock: four system calls
per request, where the file cache's own increment (read and unpickle the entry, pickle it into a
temporary file, rename it, list the folder to cull it) took 0.36 ms of every API request, and was
not atomic across workers.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import struct
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

#: A count file: the window it counts and the count, two little-endian 64-bit integers.
_RECORD = struct.Struct("<qq")
#: How often, at most, a worker removes the files of callers not seen for a while.
PRUNE_EVERY_S = 600.0
_last_prune = 0.0


def count_request(scope: str, who: str, window: int, window_s: int) -> int:
    """Count one request of caller `who` (within `scope`) in the numbered `window` of `window_s`
    seconds; return the caller's requests in that window, this one included."""
    folder = counts_folder()
    if folder is None:
        return _cache_count(f"api-rate:{scope}:{who}:{window}", window_s)
    return _file_count(folder, scope, who, window)


def counts_folder() -> Path | None:
    """Where the count files live: next to the file cache; None with a shared cache (Redis)."""
    config = settings.CACHES["default"]
    if not str(config["BACKEND"]).endswith("FileBasedCache"):
        return None
    return Path(str(config["LOCATION"])).parent / "request-counts"


def clear() -> None:
    """Forget every count (the file cache's are files of their own)."""
    folder = counts_folder()
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def _cache_count(key: str, window_s: int) -> int:
    # The window's counter usually exists: one increment (atomic in Redis); the first request of
    # a window adds it, and a request that lost the race to add it increments after all.
    try:
        return int(cache.incr(key))
    except ValueError:
        if cache.add(key, 1, timeout=window_s + 5):
            return 1
        return int(cache.incr(key))


def _file_count(folder: Path, scope: str, who: str, window: int) -> int:
    name = hashlib.sha256(f"{scope}:{who}".encode()).hexdigest()[:32]
    path = folder / name
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        _prune(folder)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # released by closing the file
        stored = os.pread(fd, _RECORD.size, 0)
        counted, count = _RECORD.unpack(stored) if len(stored) == _RECORD.size else (None, 0)
        count = count + 1 if counted == window else 1
        os.pwrite(fd, _RECORD.pack(window, count), 0)
        return count
    finally:
        os.close(fd)


def _prune(folder: Path) -> None:
    """Remove the files of callers idle for longer than PRUNE_EVERY_S, at most that often: the
    folder holds one file per recent caller, not one per caller ever seen."""
    global _last_prune
    now = time.time()
    if now - _last_prune < PRUNE_EVERY_S:
        return
    _last_prune = now
    for entry in os.scandir(folder):
        try:
            if entry.stat().st_mtime < now - PRUNE_EVERY_S:
                os.unlink(entry.path)
        except FileNotFoundError:  # another worker pruned it first
            pass
