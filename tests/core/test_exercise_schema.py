"""The exercise page schema: what it accepts and how precisely it names what is wrong."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from repbook.core.exercise import ExerciseSpecError, parse_exercise

MODEL_PAGE = Path(__file__).parents[2] / "src/repbook/catalog/exercises/back-extension.toml"


@pytest.fixture
def page() -> dict[str, Any]:
    return tomllib.loads(MODEL_PAGE.read_text())


def test_model_page_parses_with_every_section(page: dict[str, Any]) -> None:
    spec = parse_exercise(page)
    assert spec.primary_muscles == ("lower_back",)
    assert set(spec.secondary_muscles) == {"glutes", "hamstrings"}
    assert spec.recommendation.sets == (2, 3)
    assert spec.recommendation.reps == (10, 12)
    assert spec.recommendation.per_week == (1, 2)
    assert spec.recommendation.first_added_kg == 5  # "start with 5 to 10 kg", as its page says
    assert {v.kind for v in spec.variations} >= {
        "equipment",
        "arm_position",
        "added_resistance",
        "tempo",
        "technique",
    }
    assert any("feel" in f.question.lower() for f in spec.faq)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda p: p.update(primary_muscles=["lower_back", "biceps_femoris"]), "primary_muscles"),
        (lambda p: p.update(secondary_muscles=["lower_back"]), "secondary_muscles"),
        (lambda p: p.update(slug="Back Extension"), "slug"),
        (lambda p: p.update(level="expert"), "level"),
        (lambda p: p.update(pattern="wiggle"), "pattern"),
        (lambda p: p.update(equipment=["spaceship"]), "equipment"),
        (lambda p: p.update(bodyweight_fraction=3), "bodyweight_fraction"),
        (lambda p: p.update(steps=["Stand."]), "steps"),
        (lambda p: p.update(colour="red"), "colour"),
        (lambda p: p["recommendations"].update(reps=[12, 10]), "recommendations.reps"),
        (lambda p: p["recommendations"].pop("reps"), "recommendations.reps"),
        (lambda p: p["recommendations"].update(first_added_kg=0), "recommendations.first_added_kg"),
        (lambda p: p["recommendations"].update(first_added_kg="5"), "recommendations.first_added_kg"),
        (lambda p: p["recommendations"].update(first_added_kg=80), "recommendations.first_added_kg"),
        (lambda p: p["variations"][0].update(kind="vibes"), "variations[0].kind"),
        (lambda p: p["faq"].clear(), "faq"),
        (
            lambda p: p["alternatives"].append({"slug": "back-extension", "why": "x" * 30}),
            "alternatives",
        ),
    ],
)
def test_errors_name_the_field(page: dict[str, Any], change: Any, field: str) -> None:
    broken = copy.deepcopy(page)
    change(broken)
    with pytest.raises(ExerciseSpecError) as caught:
        parse_exercise(broken)
    assert caught.value.field == field


def test_time_measured_exercise_needs_seconds(page: dict[str, Any]) -> None:
    page["measure"] = "time"
    with pytest.raises(ExerciseSpecError, match=r"recommendations\.seconds"):
        parse_exercise(page)
    page["recommendations"]["seconds"] = [20, 60]
    assert parse_exercise(page).recommendation.seconds == (20, 60)
