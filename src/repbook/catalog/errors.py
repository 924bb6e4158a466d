"""The catalog's error, apart from its readers so a command can catch it without loading them."""

from __future__ import annotations

from pathlib import Path


class CatalogError(Exception):
    """A catalog file that cannot be used: which file, which field, what is wrong."""

    def __init__(self, path: Path, field: str, message: str) -> None:
        super().__init__(f"{path.name}: {field}: {message}")
        self.path = path
        self.field = field
        self.message = message
