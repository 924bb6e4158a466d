"""A first guess at the muscles of an exercise known only by name, for custom exercises an import creates.

The user can correct it on the exercise's page; a guess keeps weekly sets per muscle roughly right
meanwhile. Words are matched on the folded name, most specific first.
"""

from __future__ import annotations

from typing import Final

from repbook.core.search import fold

#: (words that must all appear, primary muscles, secondary muscles), most specific first.
_RULES: Final[tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...]] = (
    (("high", "pull"), ("traps", "side_delts"), ("upper_back",)),
    (("pull", "through"), ("glutes",), ("hamstrings",)),
    (("abduct",), ("abductors",), ("glutes",)),
    (("adduct",), ("adductors",), ()),
    (("clean",), ("quads", "glutes", "traps"), ("hamstrings", "lower_back")),
    (("snatch",), ("quads", "glutes", "traps"), ("hamstrings", "side_delts")),
    (("jerk",), ("front_delts", "quads"), ("triceps",)),
    (("reverse", "fly"), ("rear_delts",), ("upper_back",)),
    (("rear", "delt"), ("rear_delts",), ("upper_back",)),
    (("face", "pull"), ("rear_delts",), ("upper_back",)),
    (("lateral", "raise"), ("side_delts",), ()),
    (("front", "raise"), ("front_delts",), ()),
    (("external", "rotation"), ("rotator_cuff",), ("rear_delts",)),
    (("internal", "rotation"), ("rotator_cuff",), ()),
    (("rotator",), ("rotator_cuff",), ()),
    (("tibialis",), ("tibialis",), ()),
    (("calf",), ("calves",), ()),
    (("romanian",), ("hamstrings",), ("glutes", "lower_back")),
    (("leg", "curl"), ("hamstrings",), ()),
    (("hamstring",), ("hamstrings",), ()),
    (("leg", "extension"), ("quads",), ()),
    (("back", "extension"), ("lower_back",), ("glutes", "hamstrings")),
    (("hyperextension",), ("lower_back",), ("glutes", "hamstrings")),
    (("deadlift",), ("hamstrings", "glutes", "lower_back"), ("quads", "traps", "forearms")),
    (("hip", "thrust"), ("glutes",), ("hamstrings",)),
    (("glute",), ("glutes",), ("hamstrings",)),
    (("squat",), ("quads", "glutes"), ("adductors", "lower_back")),
    (("lunge",), ("quads", "glutes"), ("adductors",)),
    (("jump",), ("quads", "glutes"), ("calves",)),
    (("leg", "press"), ("quads", "glutes"), ()),
    (("step", "up"), ("quads", "glutes"), ()),
    (("shrug",), ("traps",), ()),
    (("pulldown",), ("lats",), ("biceps", "upper_back")),
    (("pull", "up"), ("lats",), ("biceps", "upper_back")),
    (("chin", "up"), ("lats", "biceps"), ("upper_back",)),
    (("row",), ("upper_back", "lats"), ("biceps", "rear_delts")),
    (("pullover",), ("lats",), ("chest", "triceps")),
    (("kickback",), ("triceps",), ()),
    (("curl",), ("biceps",), ("forearms",)),
    (("tricep",), ("triceps",), ()),
    (("pushdown",), ("triceps",), ()),
    (("skull",), ("triceps",), ()),
    (("dip",), ("chest", "triceps"), ("front_delts",)),
    (("overhead", "press"), ("front_delts",), ("triceps", "side_delts")),
    (("shoulder", "press"), ("front_delts",), ("triceps", "side_delts")),
    (("military",), ("front_delts",), ("triceps", "side_delts")),
    (("bench",), ("chest",), ("triceps", "front_delts")),
    (("push", "up"), ("chest",), ("triceps", "front_delts")),
    (("fly",), ("chest",), ("front_delts",)),
    (("chest",), ("chest",), ("triceps", "front_delts")),
    (("press",), ("chest",), ("triceps", "front_delts")),
    (("crunch",), ("abs",), ()),
    (("plank",), ("abs",), ("obliques",)),
    (("sit", "up"), ("abs",), ()),
    (("leg", "raise"), ("abs",), ()),
    (("twist",), ("obliques",), ("abs",)),
    (("wrist",), ("forearms",), ()),
    (("neck",), ("neck",), ()),
)

#: Other apps' categories and body parts, folded.
_CATEGORIES: Final[dict[str, tuple[str, ...]]] = {
    "back": ("upper_back", "lats"),
    "chest": ("chest",),
    "shoulders": ("front_delts", "side_delts"),
    "biceps": ("biceps",),
    "triceps": ("triceps",),
    "arms": ("biceps", "triceps"),
    "legs": ("quads", "hamstrings", "glutes"),
    "abs": ("abs",),
    "core": ("abs",),
    "glutes": ("glutes",),
    "calves": ("calves",),
    "forearms": ("forearms",),
}

#: Conditioning (rowing, running, cycling) works the legs most.
FALLBACK: Final = ("quads",)


def guess_muscles(name: str, category: str = "") -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(primary, secondary) muscle slugs for an exercise called `name`; never empty primary."""
    words = fold(name).split()
    for needed, primary, secondary in _RULES:
        if all(any(w.startswith(n) for w in words) for n in needed):
            return primary, secondary
    by_category = _CATEGORIES.get(fold(category))
    return (by_category, ()) if by_category else (FALLBACK, ())
