"""Finding exercises by name, alias and with typos, against the real catalog."""

from __future__ import annotations

import pytest

from repbook.catalog.files import read_catalog
from repbook.services.exercise.exercise_names import ExerciseIndex, NamedExercise

INDEX = ExerciseIndex(NamedExercise(i, s.slug, s.name, s.aliases) for i, s in enumerate(read_catalog()))


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Back extension", "back-extension"),
        ("back extension", "back-extension"),
        ("hyperextension", "back-extension"),
        ("Back extnesion", "back-extension"),
        ("Deadlift", "deadlift"),
        ("deadlfit", "deadlift"),
        ("Deadlift (Barbell)", "deadlift"),
        ("Pull-up", "pull-up"),
        ("pullup", "pull-up"),
        ("Bench press", "bench-press"),
        ("Plank", "plank"),
        ("Romanian deadlift", "romanian-deadlift"),
        ("RDL", "romanian-deadlift"),
    ],
)
def test_names_aliases_and_typos_resolve(text: str, slug: str) -> None:
    resolution = INDEX.resolve(text)
    assert resolution.exercise is not None, [m.exercise.slug for m in resolution.candidates]
    assert resolution.exercise.slug == slug


def test_an_ambiguous_name_lists_candidates_instead_of_guessing() -> None:
    resolution = INDEX.resolve("curl")
    assert resolution.exercise is None
    assert resolution.ambiguous
    assert len({m.exercise.slug for m in resolution.candidates}) >= 2


def test_nonsense_matches_nothing() -> None:
    assert INDEX.resolve("zzqx flibber").candidates == ()
    assert INDEX.search("") == []


def test_search_ranks_the_exact_name_first() -> None:
    assert INDEX.search("row")[0].exercise.slug in {
        "barbell-row",
        "dumbbell-row",
        "seated-cable-row",
        "machine-row",
        "band-row",
    }
    assert INDEX.search("lat pulldown")[0].exercise.slug == "lat-pulldown"


def test_names_in_other_scripts_are_found_with_or_without_accents() -> None:
    own = ExerciseIndex(
        [NamedExercise(1, "zhim-lezha", "Жим лёжа"), NamedExercise(2, "benchi", "ベンチプレス"),
         NamedExercise(3, "wotui", "卧推（杠铃）")]
    )  # fmt: skip
    assert own.search("жим лежа")[0].exercise.slug == "zhim-lezha"
    assert own.search("Жим")[0].exercise.slug == "zhim-lezha"
    assert own.search("ベンチプレス")[0].exercise.slug == "benchi"
    assert own.search("卧推")[0].exercise.slug == "wotui"
