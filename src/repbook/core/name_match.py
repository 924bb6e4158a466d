"""When another app's exercise name is the same exercise as one of ours: movement and equipment agree.

A wrong match corrupts a user's records (a Smith-machine squat counted as a barbell back squat, a
pendulum squat as a bodyweight squat), so a name is matched only when, after folding, plurals and
known spellings, it holds the same words as one of the exercise's names, and names the same
equipment: the implement another app writes in brackets ("Squat (Smith Machine)") or in front
("Dumbbell Row"). A name without equipment matches only a name of ours that states none either.
Words that change the movement ("pendulum", "jumping", "high", "incline") are never ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from repbook.core.search import fold

#: Words (folded, as written) -> the implement they name. Longest phrases are tried first.
EQUIPMENT_WORDS: Final[dict[str, str]] = {
    "smith machine": "smith_machine",
    "smith": "smith_machine",
    "barbell": "barbell",
    "bb": "barbell",
    "dumbbell": "dumbbell",
    "dumbbells": "dumbbell",
    "db": "dumbbell",
    "kettlebell": "kettlebell",
    "kettlebells": "kettlebell",
    "kb": "kettlebell",
    "cable": "cable",
    "cables": "cable",
    "machine": "machine",
    "lever": "machine",
    "plate loaded": "machine",
    "hammer strength": "machine",
    "iso lateral": "machine",
    "band": "band",
    "banded": "band",
    "resistance band": "band",
    "bands": "band",
    "ez bar": "ez_bar",
    "ez": "ez_bar",
    "ez curl bar": "ez_bar",
    "trap bar": "trap_bar",
    "hex bar": "trap_bar",
    "assisted": "assisted",
    "machine assisted": "assisted",
    "bodyweight": "bodyweight",
    "body weight": "bodyweight",
    "bw": "bodyweight",
    "weighted": "weighted",
}
#: Implements that may be said or left out of a bodyweight exercise's name: a pull-up is a pull-up.
BODYWEIGHT_WAYS: Final = frozenset({"bodyweight", "weighted"})
#: Catalog equipment slugs that are the implement an exercise is known by (benches and boxes are not).
IMPLEMENTS: Final = frozenset(
    {"barbell", "dumbbell", "kettlebell", "cable", "machine", "smith_machine", "band", "ez_bar", "trap_bar"}
)
#: One spelling for words written several ways (folded).
SPELLINGS: Final[dict[str, str]] = {
    "pullup": "pull up", "pullups": "pull up", "pushup": "push up", "pushups": "push up",
    "chinup": "chin up", "chinups": "chin up", "situp": "sit up", "situps": "sit up",
    "pulldown": "pulldown", "pull down": "pulldown", "pulldowns": "pulldown", "pushdown": "pushdown",
    "push down": "pushdown", "pressdown": "pushdown", "press down": "pushdown",
    "tricep": "triceps", "bicep": "biceps", "delt": "delts", "delts": "delts", "flye": "fly",
    "flyes": "fly", "flys": "fly", "flies": "fly", "skullcrusher": "skull crusher",
    "skullcrushers": "skull crusher", "rdl": "romanian deadlift", "ohp": "overhead press",
    "sldl": "stiff leg deadlift", "stiff legged": "stiff leg", "hyperextensions": "hyperextension",
    "press up": "push up", "press ups": "push up", "lat pull": "lat pulldown", "rows": "row",
    "raises": "raise", "presses": "press", "curls": "curl", "squats": "squat", "lunges": "lunge",
    "deadlifts": "deadlift", "extensions": "extension", "crunches": "crunch", "dips": "dip",
    "shrugs": "shrug", "thrusts": "thrust", "kickbacks": "kickback", "swings": "swing",
    "bridges": "bridge", "twists": "twist", "jumps": "jump", "cleans": "clean", "snatches": "snatch",
    "planks": "plank", "walks": "walk", "carries": "carry", "step ups": "step up",
}  # fmt: skip
#: Words that say nothing about the movement ("each side" does: it is done one arm at a time).
FILLER: Final = frozenset({"the", "a", "an", "of", "on", "with", "exercise", "and", "to"})
_SPELLING = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SPELLINGS), key=len, reverse=True)) + r")\b")
_EQUIPMENT = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, EQUIPMENT_WORDS), key=len, reverse=True)) + r")\b"
)


@dataclass(frozen=True, slots=True)
class NameKey:
    """A name reduced to what identifies the exercise: its movement words and the implements it names."""

    words: frozenset[str]
    equipment: frozenset[str]


def name_key(name: str) -> NameKey:
    """The key of a name: "Bench Press (Dumbbell)" and "Dumbbell Bench Presses" have the same one."""
    folded = fold(name.replace("-", " "))
    equipment = frozenset(EQUIPMENT_WORDS[m] for m in _EQUIPMENT.findall(folded))
    rest = _EQUIPMENT.sub(" ", folded)
    rest = _SPELLING.sub(lambda m: SPELLINGS[m.group(1)], rest)
    words = frozenset(_singular(w) for w in rest.split() if w not in FILLER)
    return NameKey(words, equipment)


def _singular(word: str) -> str:
    """ "raises" -> "raise"; "press", "biceps", "triceps" and short words stay as they are."""
    word = SPELLINGS.get(word, word)
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "ps", "us")):
        return word[:-1]
    return word


def same_equipment(foreign: NameKey, label: NameKey, implements: frozenset[str], bodyweight: bool) -> bool:
    """True when the foreign name's implements are the ones our name states or, when it states
    none, the exercise's own; a name stating none matches only a name stating none."""
    if not foreign.equipment:
        return not label.equipment
    if bodyweight and foreign.equipment <= BODYWEIGHT_WAYS:
        return label.equipment <= BODYWEIGHT_WAYS
    said = foreign.equipment - BODYWEIGHT_WAYS if bodyweight else foreign.equipment
    ours = label.equipment - BODYWEIGHT_WAYS if bodyweight else label.equipment
    return said == (ours or implements)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One exercise as the matcher sees it: its slug, every name it goes by, its implements."""

    slug: str
    labels: tuple[str, ...]
    implements: frozenset[str]
    bodyweight: bool


class NameMatcher:
    """Finds the one exercise whose name has the same movement words and equipment as a foreign name."""

    def __init__(self, exercises: Iterable[Candidate]) -> None:
        self.by_words: dict[frozenset[str], list[tuple[NameKey, Candidate]]] = {}
        for exercise in exercises:
            for label in exercise.labels:
                key = name_key(label)
                if key.words:
                    self.by_words.setdefault(key.words, []).append((key, exercise))

    def match(self, name: str) -> str | None:
        """The slug of the only exercise that agrees with `name`; None when none or several do."""
        foreign = name_key(name)
        slugs = {
            exercise.slug
            for key, exercise in self.by_words.get(foreign.words, ())
            if same_equipment(foreign, key, exercise.implements, exercise.bodyweight)
        }
        return next(iter(slugs)) if len(slugs) == 1 else None
