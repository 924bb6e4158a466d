"""The names an exercise page shows besides its own ("Also called")."""

from __future__ import annotations

from repbook.core.search import fold, known_names

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


def test_folding_drops_accents_of_latin_letters_and_keeps_every_other_script() -> None:
    assert fold("Pull-Up (Bodyweight)") == "pull up bodyweight"
    assert fold("Élévation latérale") == "elevation laterale"
    assert fold("Kniebeuge (Langhantel) – Straße") == "kniebeuge langhantel strasse"
    assert fold("Жим лёжа") == "жим лежа"  # ё is written е by many: the same word
    assert fold("Жим ЛЁЖА") == fold("жим лежа")
    assert fold("Подъём") == "подъем" and fold("Жим гантелей") == "жим гантелей"
    assert fold("ベンチプレス") == "ベンチプレス"  # the voicing mark makes another letter: kept
    assert fold("卧推（杠铃）") == "卧推 杠铃"
    assert fold("ม.ค.") != fold("มี.ค.")  # Thai vowel signs are part of the word
