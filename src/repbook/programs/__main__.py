"""`python -m repbook.programs`: check every built-in program file against the catalog."""

from __future__ import annotations

import sys

from repbook.catalog.errors import CatalogError
from repbook.catalog.files import read_catalog
from repbook.programs.files import ProgramFileError, catalog_names, check_exercises, read_programs


def main() -> int:
    try:
        files = read_programs()
        check_exercises(files, catalog_names(read_catalog()))
    except (ProgramFileError, CatalogError) as exc:
        print(exc, file=sys.stderr)
        return 1
    for file in files:
        print(f"{file.slug}: {file.program.name}, {len(file.program.days)} days, {file.program.weeks} weeks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
