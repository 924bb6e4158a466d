"""A custom exercise's name finds the rotator cuff and the shins, the groups the model gained."""

from __future__ import annotations

import pytest

from repbook.core.muscle_guess import guess_muscles


@pytest.mark.parametrize(
    ("name", "primary"),
    [
        ("Band External Rotation", ("rotator_cuff",)),
        ("Side-lying internal rotation", ("rotator_cuff",)),
        ("Rotator cuff warm-up", ("rotator_cuff",)),
        ("Tibialis raise on a slant board", ("tibialis",)),
        ("Seated calf raise", ("calves",)),
    ],
)
def test_new_groups_are_guessed_from_the_name(name: str, primary: tuple[str, ...]) -> None:
    assert guess_muscles(name)[0] == primary
