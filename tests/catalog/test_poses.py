"""Every exercise's position pictures make sense: joints in range, feet and hands where they belong,
nothing through the kit, both figures inside the frame."""

from __future__ import annotations

import pytest

from repbook.catalog.files import read_catalog
from repbook.core.pose.check import pair_problems
from repbook.core.pose.scene import solve_pair

SPECS = read_catalog()


@pytest.mark.parametrize("spec", [s for s in SPECS if s.poses is not None], ids=lambda s: s.slug)
def test_pose_pair_is_valid(spec) -> None:  # type: ignore[no-untyped-def]
    assert spec.poses is not None
    assert pair_problems(solve_pair(spec.poses)) == []


def test_every_exercise_has_a_pose_pair() -> None:
    missing = sorted(s.slug for s in SPECS if s.poses is None)
    assert missing == sorted(WITHOUT_PICTURES), "update the list: exercises still without pictures"


#: Exercises whose pictures are not drawn yet; the list may only shrink (it is empty: every page has them).
WITHOUT_PICTURES: list[str] = []
