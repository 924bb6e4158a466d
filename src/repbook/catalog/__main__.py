"""`python -m repbook.catalog [--dir DIR] [--known SLUGS_FILE] [FILE ...]`: validate catalog files.

With no files, the whole catalog is read and cross-checked, then held to the editorial checks
(`checks.py`): alternatives that train the same muscles or say why not, aliases whose equipment the
page lists, no sentence repeated from another page; every finding is printed. With files, each is validated
alone and its links are checked against the catalog plus the slugs listed in SLUGS_FILE
(one per line), which lets several authors write pages in parallel.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from repbook.catalog.checks import catalog_findings
from repbook.catalog.errors import CatalogError
from repbook.catalog.files import CATALOG_DIR, read_catalog, read_exercise_file


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m repbook.catalog")
    parser.add_argument("--known", type=Path, help="file of slugs that links may point at")
    parser.add_argument("--dir", type=Path, default=CATALOG_DIR, help="the catalog folder to check")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    try:
        if not args.files:
            specs = read_catalog(args.dir)
            findings = catalog_findings(specs)
            for finding in findings:
                print(f"error: {finding}", file=sys.stderr)
            if findings:
                print(f"{len(findings)} problems in {len(specs)} exercises", file=sys.stderr)
                return 1
            muscles = Counter(m for s in specs for m in s.primary_muscles)
            print(f"{len(specs)} exercises valid; primary muscles: {dict(sorted(muscles.items()))}")
            return 0
        known = {p.stem for p in args.dir.glob("*.toml")}
        if args.known:
            known |= {line.split()[0] for line in args.known.read_text().splitlines() if line.strip()}
        for path in args.files:
            spec = read_exercise_file(path)
            missing = sorted(spec.linked_slugs - known)
            if missing:
                raise CatalogError(path, "variations/alternatives", f"links to unknown slug {missing[0]!r}")
            print(f"ok  {path.name}")
    except CatalogError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
