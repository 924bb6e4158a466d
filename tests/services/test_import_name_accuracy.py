"""Name matching measured on a labelled list of other apps' exercise names (tests/fixtures/exercise_names).

Each row names the catalog exercise that is the same movement, or "none" when no catalog exercise
is. A suggestion is the exercise an import proposes for a name (exact or likely). A wrong one would
corrupt a user's records, so precision must stay near perfect; recall says how much typing is saved.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from repbook.core.imported import ImportedExercise, ImportedSet
from repbook.services.transfer.import_matching import Matcher

LABELLED = Path(__file__).parents[1] / "fixtures" / "exercise_names" / "labelled.csv"
#: The names the import must never again suggest as the exercise on the right.
ONCE_WRONG = {
    "High Pull": "pull-up",
    "Slant Board Squat": "back-squat",
    "Pendulum Squats": "bodyweight-squat",
    "AS Iso-Lateral Incline Chest Press": "incline-push-up",
    "Band Assisted High jump": "band-assisted-pull-up",
    "Jumping Lunge": "dumbbell-lunge",
}
#: Names of ONCE_WRONG whose own exercise the directory has since gained.
NOW_IN_THE_DIRECTORY = {"Pendulum Squats": "pendulum-squat"}


def labelled() -> list[tuple[str, str]]:
    with LABELLED.open(encoding="utf-8", newline="") as file:
        return [(row["name"], row["slug"]) for row in csv.DictReader(file)]


def suggested(matcher: Matcher, name: str) -> str | None:
    """The slug an import proposes for `name` by its name alone (its sets' kind is checked apart), or None."""
    choice, _confidence = matcher.suggest(name)
    return choice.slug if choice else None


def test_the_list_is_large_and_names_only_catalog_exercises(alice):
    rows = labelled()
    assert len(rows) >= 300
    assert len({name for name, _ in rows}) == len(rows), "each name once"
    matcher = Matcher(alice)
    unknown = {slug for _, slug in rows if slug != "none" and slug not in matcher.by_slug}
    assert not unknown, f"labels name exercises the catalog lacks: {sorted(unknown)}"


def test_suggestions_are_precise_and_find_most_names(alice):
    matcher = Matcher(alice)
    rows = labelled()
    results = [(name, truth, suggested(matcher, name)) for name, truth in rows]
    made = [(n, t, s) for n, t, s in results if s is not None]
    wrong = [(n, t, s) for n, t, s in made if s != t]
    findable = [(n, t, s) for n, t, s in results if t != "none"]
    found = [r for r in findable if r[2] == r[1]]
    precision = 1 - len(wrong) / len(made)
    recall = len(found) / len(findable)
    assert precision >= 0.98, f"precision {precision:.3f}; wrong: {wrong}"
    assert recall >= 0.8, f"recall {recall:.3f}; missed: {[r[0] for r in findable if r not in found]}"


@pytest.mark.parametrize(("name", "wrong"), ONCE_WRONG.items())
def test_names_once_matched_wrongly_are_offered_as_own_exercises(alice, name, wrong):
    match = Matcher(alice).match(name, [ImportedExercise(name, 1, [ImportedSet(1, reps=5)])])
    if name in NOW_IN_THE_DIRECTORY:  # the directory has the movement's own page now
        assert match.choice is not None and match.choice.slug == NOW_IN_THE_DIRECTORY[name]
        return
    assert match.choice is None
    assert match.confidence == "unmatched"
    assert "as your own exercise it would work" in match.note
