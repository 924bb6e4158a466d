"""An import report as JSON values (the API's answer and `repbook import --json`), and mapping files."""

from __future__ import annotations

from typing import Any, Final

from repbook.core.imported import Problem
from repbook.services.transfer.import_matching import CREATE, SKIP, Choice, NameMatch
from repbook.services.transfer.imports import ImportRefused, ImportReport

#: At most this many skipped lines are listed; the count says how many there were.
MAX_LISTED_PROBLEMS: Final = 200


def _choice(choice: Choice | None) -> dict[str, Any] | None:
    return (
        None
        if choice is None
        else {"slug": choice.slug, "name": choice.name, "score": round(choice.score, 1)}
    )


def name_json(match: NameMatch) -> dict[str, Any]:
    return {
        "foreign_name": match.foreign_name,
        "sets": match.sets,
        "kind": match.kind,
        "confidence": match.confidence,
        "exercise": _choice(match.choice),
        "suggestions": [_choice(s) for s in match.suggestions],
        "note": match.note,
    }


def problem_json(problem: Problem) -> dict[str, Any]:
    return {"line": problem.line, "message": problem.message}


def report_json(report: ImportReport) -> dict[str, Any]:
    return {
        "format": report.format,
        "unit": report.unit,
        "dry_run": report.dry_run,
        "workouts": report.workouts,
        "duplicates": report.duplicates,
        "sets": report.sets,
        "body_weights": report.body_weights,
        "first_day": report.first_day.isoformat() if report.first_day else None,
        "last_day": report.last_day.isoformat() if report.last_day else None,
        "names": [name_json(n) for n in report.names],
        "unmatched": [n.foreign_name for n in report.unmatched],
        "created_exercises": report.created_exercises,
        "restored": report.restored,
        "summary": summary_json(report),
        "problem_count": len(report.problems),
        "problems": [problem_json(p) for p in report.problems[:MAX_LISTED_PROBLEMS]],
    }


def summary_json(report: ImportReport) -> dict[str, Any]:
    """Where every set of the file went and how its names matched: nothing leaves without a count."""
    return {
        "sets_read": report.sets_read,
        "sets_written": report.sets,
        "sets_in_workouts_already_there": report.duplicate_sets,
        "sets_left_out": report.left_out_sets,
        "sets_refused": report.refused_sets,
        "lines_skipped": len(report.problems),
        "skipped_by_reason": [{"reason": r, "lines": n} for r, n in report.skipped_reasons],
        "names_matched": report.names_matched,
        "names_suggested": report.names_suggested,
        "names_created": report.names_created,
    }


def parse_mapping(text: str) -> dict[str, str]:
    """A mapping file: one `Foreign name = slug` per line (`+new` creates, `-skip` leaves out; # comments)."""
    choices: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, slug = line.rpartition("=")
        if not sep or not name.strip() or not slug.strip():
            raise ImportRefused(
                "mapping", f"line {number}: write `Foreign name = exercise-slug`, got {line!r}"
            )
        choices[name.strip()] = slug.strip()
    return choices


def mapping_template(report: ImportReport) -> str:
    """A mapping file for the names to review, each with its best guess, ready to edit."""
    lines = [
        f"# Map each name to an exercise slug; {CREATE} creates your own exercise, {SKIP} leaves it out."
    ]
    for match in report.to_review:
        # A name without a match is never given a similar exercise as its answer: that is how wrong
        # matches got into logs. It starts as the user's own; the closest are named to choose from.
        if match.choice is None and match.suggestions:
            closest = ", ".join(s.slug for s in match.suggestions[:3])
            lines.append(
                f"# {match.foreign_name}: no exercise of the same movement and equipment; closest: {closest}"
            )
        lines.append(f"{match.foreign_name} = {match.choice.slug if match.choice else CREATE}")
    return "\n".join(lines) + "\n"
