"""The names an exercise page shows besides its own ("Also called")."""

from __future__ import annotations

from repbook.core.search import known_names

BACK_EXTENSION = [
    "Hyperextension",
    "45° back extension",
    "45 degree back extension",
    "Roman chair back extension",
    "Back hyperextension",
    "Back Extension (Weighted Hyperextension)",
    "Back Extension (Hyperextension)",
    "Weighted Hyperextension",
    "Hyperextensions",
    "Back Extensions",
    "Back Extension (Bodyweight)",
]


def test_the_page_shows_a_few_names_people_search_by_not_other_apps_spellings() -> None:
    assert known_names("Back Extension", BACK_EXTENSION) == [
        "Hyperextension",
        "45° back extension",
        "45 degree back extension",
        "Roman chair back extension",
    ]


def test_plurals_case_variants_and_the_name_itself_are_left_out() -> None:
    names = ["back extensions", "BACK EXTENSION", "Hyperextensions", "Hyperextension", "Good morning"]
    assert known_names("Back Extension", names, limit=10) == ["Hyperextensions", "Good morning"]
    assert known_names("Plank", []) == []
