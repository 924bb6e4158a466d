"""The directory's scope: size, muscle and equipment coverage, the exercises the product names."""

from __future__ import annotations

from collections import Counter

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


def test_at_least_150_exercises() -> None:
    assert len(SPECS) >= 150


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
