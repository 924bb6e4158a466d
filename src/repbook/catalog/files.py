"""Read and validate the exercise catalog files; no database here."""

from __future__ import annotations

import tomllib
from pathlib import Path

from repbook.catalog.errors import CatalogError
from repbook.core.exercise import ExerciseSpec, ExerciseSpecError, parse_exercise

CATALOG_DIR = Path(__file__).parent / "exercises"


def read_exercise_file(path: Path) -> ExerciseSpec:
    """Parse one TOML file; the slug must match the file name."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(path, "(file)", f"not valid TOML: {exc}") from exc
    try:
        spec = parse_exercise(data)
    except ExerciseSpecError as exc:
        raise CatalogError(path, exc.field, exc.message) from exc
    if spec.slug != path.stem:
        raise CatalogError(path, "slug", f"{spec.slug!r} does not match the file name {path.stem!r}")
    return spec


def read_catalog(directory: Path = CATALOG_DIR) -> list[ExerciseSpec]:
    """Every exercise in `directory`, validated, with links and names checked across files."""
    specs = [read_exercise_file(path) for path in sorted(directory.glob("*.toml"))]
    check_cross_references(specs, directory)
    return specs


def check_cross_references(specs: list[ExerciseSpec], directory: Path) -> None:
    """Every linked slug exists; no name or alias is used by two exercises."""
    slugs = {spec.slug for spec in specs}
    owner_of_name: dict[str, str] = {}
    for spec in specs:
        path = directory / f"{spec.slug}.toml"
        missing = sorted(spec.linked_slugs - slugs)
        if missing:
            raise CatalogError(path, "variations/alternatives", f"links to unknown exercise {missing[0]!r}")
        if spec.slug in spec.linked_slugs:
            raise CatalogError(path, "variations", "links to itself")
        for label in (spec.name, *spec.aliases):
            key = label.casefold()
            other = owner_of_name.setdefault(key, spec.slug)
            if other != spec.slug:
                raise CatalogError(path, "aliases", f"{label!r} is already a name or alias of {other!r}")
