"""The directory's scope: size, muscle and equipment coverage, the exercises the product names."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from repbook.catalog.files import read_catalog
from repbook.core.muscles import MUSCLES

SPECS = read_catalog()
BY_SLUG = {s.slug: s for s in SPECS}

#: Every exercise the back extension page names, and the big lifts of the common programs.
REQUIRED = [
    "back-extension", "good-morning", "deadlift", "trap-bar-deadlift", "romanian-deadlift",
    "kettlebell-swing", "floor-back-extension", "pull-up", "lat-pulldown", "dumbbell-row",
    "reverse-dumbbell-fly", "back-squat", "front-squat", "bench-press", "overhead-press",
    "barbell-row", "pendlay-row", "chin-up", "dip", "power-clean",
]  # fmt: skip


#: Names Strong, Hevy and FitNotes log these under, and the page each must find.
OTHER_APPS_NAMES = {
    "Clean (Barbell)": "clean",
    "Hang Power Clean": "hang-power-clean",
    "Snatch (Barbell)": "snatch",
    "Power Snatch (Barbell)": "power-snatch",
    "Push Jerk (Barbell)": "push-jerk",
    "Clean and Jerk (Barbell)": "clean-and-jerk",
    "Overhead Squat (Barbell)": "overhead-squat",
    "Safety Squat Bar Squat": "safety-bar-squat",
    "Shoulder Press (Dumbbell)": "standing-dumbbell-shoulder-press",
    "Seated Overhead Press (Dumbbell)": "seated-dumbbell-shoulder-press",
    "Lunge (Barbell)": "barbell-lunge",
    "Lateral Raise (Machine)": "machine-lateral-raise",
    "Glute Kickback (Cable)": "cable-glute-kickback",
    "Glute Kickback (Machine)": "machine-glute-kickback",
    "Hip Thrust (Machine)": "hip-thrust-machine",
    "Assisted Dip (Machine)": "assisted-dip",
    "Triceps Extension (Machine)": "machine-triceps-extension",
    "Bicep Curl (Machine)": "machine-biceps-curl",
    "Back Extension (Machine)": "seated-back-extension-machine",
    "Pendulum Squat (Machine)": "pendulum-squat",
    "Belt Squat (Machine)": "belt-squat",
    "Single Arm Cable Row": "single-arm-cable-row",
    "Crunch (Machine)": "ab-crunch-machine",
    "Reverse Crunch": "reverse-crunch",
    "Toes to Bar": "toes-to-bar",
    "Side Bend (Dumbbell)": "dumbbell-side-bend",
    "Tibialis Raise": "tibialis-raise",
    "Snatch (Kettlebell)": "kettlebell-snatch",
    "Clean (Kettlebell)": "kettlebell-clean",
    "Muscle Up": "muscle-up",
    "Treadmill": "running",
    "Running": "running",
    "Cycling": "stationary-bike",
    "Air Bike": "air-bike",
    "Stair Machine": "stair-climber",
    "Elliptical Machine": "elliptical",
    "Rowing (Machine)": "rowing-machine",
    "Jump Rope": "jump-rope",
    "Walking": "walking",
}


def test_at_least_200_exercises() -> None:
    assert len(SPECS) >= 200


def test_the_readme_says_how_many_exercises_there_are() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    assert re.search(rf"\b{len(SPECS)} exercises\b", readme)


def test_names_other_apps_log_find_their_page() -> None:
    owner = {label.casefold(): s.slug for s in SPECS for label in (s.name, *s.aliases)}
    assert {name: owner.get(name.casefold()) for name in OTHER_APPS_NAMES} == OTHER_APPS_NAMES


def test_endurance_cardio_is_logged_by_time_or_distance() -> None:
    endurance = ["running", "walking", "stationary-bike", "air-bike", "stair-climber", "elliptical",
                 "jump-rope", "rowing-machine"]  # fmt: skip
    kinds = {slug: BY_SLUG[slug].measure for slug in endurance}
    assert {slug: kind for slug, kind in kinds.items() if kind not in ("time", "distance")} == {}
    assert all(BY_SLUG[slug].category == "cardio" for slug in endurance)


def test_required_exercises_exist() -> None:
    assert [slug for slug in REQUIRED if slug not in BY_SLUG] == []


def test_every_muscle_group_is_a_primary_target_somewhere() -> None:
    counts = Counter(m for s in SPECS for m in s.primary_muscles)
    assert {m: counts[m] for m in MUSCLES if counts[m] == 0} == {}


def test_every_common_kind_of_equipment_is_covered() -> None:
    used = Counter(e for s in SPECS for e in s.equipment)
    for kind in (
        "barbell",
        "dumbbell",
        "kettlebell",
        "cable",
        "machine",
        "band",
        "bodyweight",
        "bench",
    ):
        assert used[kind] >= 3, kind


def test_back_extension_page_follows_the_source() -> None:
    page = BY_SLUG["back-extension"]
    assert page.primary_muscles == ("lower_back",)
    assert set(page.secondary_muscles) == {"glutes", "hamstrings"}
    rec = page.recommendation
    assert (rec.sets, rec.reps, rec.per_week, rec.progression) == (
        (2, 3),
        (10, 12),
        (1, 2),
        "double",
    )
    linked = page.linked_slugs
    for slug in ("good-morning", "deadlift", "trap-bar-deadlift", "romanian-deadlift", "kettlebell-swing",
                 "floor-back-extension"):  # fmt: skip
        assert slug in linked


def test_strength_pages_answer_where_to_feel_it() -> None:
    missing = [
        s.slug
        for s in SPECS
        if s.category == "strength" and not any("feel" in f.question.lower() for f in s.faq)
    ]
    assert len(missing) <= len(SPECS) // 10, missing


def test_pages_have_every_section_in_depth() -> None:
    for spec in SPECS:
        assert len(spec.steps) >= 4, spec.slug
        assert len(spec.benefits) >= 2, spec.slug
        assert len(spec.variations) >= 3, spec.slug
        assert len(spec.alternatives) >= 2, spec.slug
        assert 3 <= len(spec.faq) <= 6, spec.slug
