from __future__ import annotations

from repbook.core.alternatives import ExerciseFacts, computed_alternatives


def ex(
    slug: str,
    pattern: str,
    primary: set[str],
    equipment: set[str],
    secondary: set[str] = frozenset(),
    level: str = "beginner",
) -> ExerciseFacts:
    return ExerciseFacts(
        slug,
        slug.title(),
        pattern,
        level,
        frozenset(primary),
        frozenset(secondary),
        frozenset(equipment),
    )


TARGET = ex("back-extension", "hinge", {"lower_back"}, {"back_extension_bench"}, {"glutes", "hamstrings"})
GOOD_MORNING = ex("good-morning", "hinge", {"lower_back", "hamstrings"}, {"barbell"}, {"glutes"})
SUPERMAN = ex("superman", "hinge", {"lower_back"}, {"bodyweight"})
CURL = ex("curl", "elbow_flexion", {"biceps"}, {"dumbbell"})
RDL = ex("rdl", "hinge", {"hamstrings"}, {"barbell"}, {"lower_back"})


def test_same_pattern_and_a_shared_primary_muscle() -> None:
    found = computed_alternatives(TARGET, [TARGET, GOOD_MORNING, SUPERMAN, CURL, RDL])
    assert [f.slug for f in found] == ["good-morning", "superman"]


def test_filtered_by_the_equipment_the_user_has() -> None:
    found = computed_alternatives(TARGET, [GOOD_MORNING, SUPERMAN], owned_equipment=frozenset({"dumbbell"}))
    assert [f.slug for f in found] == ["superman"]


def test_curated_ones_are_excluded_and_the_limit_holds() -> None:
    many = [ex(f"hinge-{i}", "hinge", {"lower_back"}, {"bodyweight"}) for i in range(10)]
    found = computed_alternatives(TARGET, many, exclude=frozenset({"hinge-0"}), limit=4)
    assert len(found) == 4 and "hinge-0" not in {f.slug for f in found}


def test_cardio_and_lifts_do_not_stand_in_for_each_other() -> None:
    stairs = ExerciseFacts(
        "stair-climber", "Stair Climber", "full_body", "beginner", frozenset({"glutes", "quads"}),
        frozenset(), frozenset({"stair_climber"}), "cardio",
    )  # fmt: skip
    bike = ExerciseFacts(
        "stationary-bike", "Stationary Bike", "full_body", "beginner", frozenset({"quads"}),
        frozenset(), frozenset({"bike"}), "cardio",
    )  # fmt: skip
    clean = ex("clean", "full_body", {"glutes", "quads"}, {"barbell"})
    assert [f.slug for f in computed_alternatives(stairs, [clean, bike])] == ["stationary-bike"]
    assert computed_alternatives(clean, [stairs, bike]) == []
