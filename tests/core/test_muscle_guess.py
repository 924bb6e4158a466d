"""Muscles guessed for names an import creates as the user's own exercises."""

from __future__ import annotations

import pytest

from repbook.core.muscle_guess import FALLBACK, guess_muscles


@pytest.mark.parametrize(
    ("name", "primary"),
    [
        ("Pendulum Squats", ("quads", "glutes")),
        ("Slant Board Squat", ("quads", "glutes")),
        ("High Pull", ("traps", "side_delts")),
        ("Jumping Lunge", ("quads", "glutes")),
        ("Band Assisted High jump", ("quads", "glutes")),
        ("AS Iso-Lateral Incline Chest Press", ("chest",)),
        ("Hip Abductor (Machine)", ("abductors",)),
        ("Hang Clean (Barbell)", ("quads", "glutes", "traps")),
        ("Pullover (Machine)", ("lats",)),
        ("Triceps Kickback (Cable)", ("triceps",)),
        ("Cable Pull Through", ("glutes",)),
    ],
)
def test_names_from_other_apps_get_their_main_muscles(name: str, primary: tuple[str, ...]) -> None:
    assert guess_muscles(name)[0] == primary


def test_a_name_saying_nothing_falls_back_to_its_category_then_the_legs() -> None:
    assert guess_muscles("Жим лёжа", "Chest") == (("chest",), ())
    assert guess_muscles("Yoga") == (FALLBACK, ())
