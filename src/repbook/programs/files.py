"""Read and check the built-in program files; no database here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from repbook.core.exercise import ExerciseSpec
from repbook.core.program import Program
from repbook.core.program_text import ProgramSyntaxError, parse_program

PROGRAMS_DIR = Path(__file__).parent / "builtin"


class ProgramFileError(Exception):
    """A built-in program file that cannot be used: which file and what is wrong."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path.name}: {message}")
        self.path = path


@dataclass(frozen=True, slots=True)
class ProgramFile:
    slug: str
    program: Program
    source: str


def read_program_file(path: Path) -> ProgramFile:
    """Parse one program file; its slug is the file name without `.txt`."""
    source = path.read_text(encoding="utf-8")
    try:
        program = parse_program(source)
    except ProgramSyntaxError as exc:
        raise ProgramFileError(path, str(exc)) from exc
    return ProgramFile(path.stem, program, source)


def read_programs(directory: Path = PROGRAMS_DIR) -> list[ProgramFile]:
    """Every built-in program, parsed."""
    return [read_program_file(path) for path in sorted(directory.glob("*.txt"))]


def catalog_names(specs: list[ExerciseSpec]) -> dict[str, str]:
    """Casefolded slug, name and every alias → the exercise's slug."""
    names: dict[str, str] = {}
    for spec in specs:
        for label in (spec.slug, spec.name, *spec.aliases):
            names.setdefault(label.casefold(), spec.slug)
    return names


def check_exercises(files: list[ProgramFile], names: dict[str, str]) -> None:
    """Every exercise a built-in program names is in the catalog (by slug, name or alias)."""
    for file in files:
        for day in file.program.days:
            for prescription in day.prescriptions:
                for name in filter(None, (prescription.exercise, prescription.alternative)):
                    if name.casefold() not in names:
                        raise ProgramFileError(
                            PROGRAMS_DIR / f"{file.slug}.txt", f"{day.name}: unknown exercise {name!r}"
                        )
