"""Editorial checks across the whole directory, beyond what the schema can see in one file.

Three kinds of mistake slip past a valid file: an alternative that trains other muscles than
the exercise it replaces, an alias promising equipment the page does not list ("Calf Raise
(Dumbbell)" on a page without dumbbells), and a sentence copied from one page into another.
`catalog_findings` lists every such finding so `python -m repbook.catalog` and the tests can
name them all at once instead of stopping at the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from repbook.core.exercise import ExerciseSpec

#: Words in an exercise's name or alias, and the equipment any of which makes them true. Longer
#: phrases come first so "smith machine" is read before "machine".
EQUIPMENT_WORDS: Final[tuple[tuple[str, frozenset[str]], ...]] = (
    ("smith machine", frozenset({"smith_machine"})),
    ("smith", frozenset({"smith_machine"})),
    ("ez bar", frozenset({"ez_bar"})),
    ("ez curl bar", frozenset({"ez_bar"})),
    ("trap bar", frozenset({"trap_bar"})),
    ("hex bar", frozenset({"trap_bar"})),
    ("barbell", frozenset({"barbell"})),
    ("dumbbell", frozenset({"dumbbell"})),
    ("kettlebell", frozenset({"kettlebell"})),
    ("cable", frozenset({"cable"})),
    ("band", frozenset({"band"})),
    ("banded", frozenset({"band"})),
    ("landmine", frozenset({"landmine"})),
    ("medicine ball", frozenset({"medicine_ball"})),
    ("ab wheel", frozenset({"ab_wheel"})),
    ("sled", frozenset({"sled", "machine"})),  # also the carriage of a leg press or hack squat
    ("rings", frozenset({"rings"})),
    ("trx", frozenset({"rings"})),
    ("suspension", frozenset({"rings"})),
    # A "machine" may be a plate-loaded or selectorised one, or a cardio machine of its own kind.
    ("machine", frozenset({"machine", "smith_machine", "rower", "bike", "air_bike", "stair_climber",
                           "elliptical"})),
)  # fmt: skip

#: Shorter sentences are stock cues ("Take a breath and brace your stomach.") that may recur by chance.
MIN_SENTENCE_WORDS: Final = 10

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_NOT_WORD = re.compile(r"[^\w°%]+")


@dataclass(frozen=True, slots=True)
class Finding:
    """One editorial problem: the page, the field, and what is wrong, in words."""

    slug: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.slug}.toml: {self.field}: {self.message}"


def catalog_findings(specs: Sequence[ExerciseSpec]) -> list[Finding]:
    """Every alternative, alias and repeated-sentence problem in the directory, page by page."""
    return [
        *alternative_findings(specs),
        *alias_equipment_findings(specs),
        *repeated_sentence_findings(specs),
    ]


def alternative_findings(specs: Sequence[ExerciseSpec]) -> Iterator[Finding]:
    """Alternatives that share no primary muscle with the exercise and give no `reason`."""
    by_slug = {spec.slug: spec for spec in specs}
    for spec in specs:
        for index, alternative in enumerate(spec.alternatives):
            other = by_slug.get(alternative.slug)
            if other is None or alternative.reason:
                continue
            if not set(spec.primary_muscles) & set(other.primary_muscles):
                yield Finding(
                    spec.slug,
                    f"alternatives[{index}]",
                    f"{alternative.slug!r} trains {', '.join(other.primary_muscles)}, none of this "
                    f"exercise's primary muscles ({', '.join(spec.primary_muscles)}); "
                    "choose another or give a reason",
                )


def equipment_named_by(label: str) -> list[tuple[str, frozenset[str]]]:
    """The equipment words in a name or alias, each with the equipment that satisfies it."""
    text = " " + _NOT_WORD.sub(" ", label.casefold().replace("-", " ")) + " "
    found = []
    for word, accepted in EQUIPMENT_WORDS:
        key = f" {word} "
        if key in text:
            found.append((word, accepted))
            text = text.replace(key, " ")
    return found


def alias_equipment_findings(specs: Sequence[ExerciseSpec]) -> Iterator[Finding]:
    """Names and aliases whose equipment word is missing from the exercise's equipment."""
    for spec in specs:
        for label in (spec.name, *spec.aliases):
            for word, accepted in equipment_named_by(label):
                if not accepted & set(spec.equipment):
                    yield Finding(
                        spec.slug,
                        "aliases",
                        f"{label!r} names {word!r}, but the equipment is {', '.join(spec.equipment)}",
                    )


def page_sentences(spec: ExerciseSpec) -> Iterator[tuple[str, str]]:
    """Each sentence of a page's prose, with the field it stands in."""
    texts: list[tuple[str, str]] = [("introduction", spec.introduction)]
    texts += [(f"steps[{i}]", step) for i, step in enumerate(spec.steps)]
    texts += [(f"benefits[{i}]", b.text) for i, b in enumerate(spec.benefits)]
    texts += [(f"variations[{i}]", v.text) for i, v in enumerate(spec.variations)]
    texts += [(f"alternatives[{i}]", a.why) for i, a in enumerate(spec.alternatives)]
    texts += [("recommendations.note", spec.recommendation.note)]
    texts += [(f"faq[{i}]", f.answer) for i, f in enumerate(spec.faq)]
    for field, text in texts:
        for sentence in _SENTENCE_END.split(text):
            yield field, sentence


def _sentence_key(sentence: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", sentence.casefold()).split())


def repeated_sentence_findings(specs: Sequence[ExerciseSpec]) -> Iterator[Finding]:
    """Sentences (of ten words or more) that appear word for word on two pages."""
    first_seen: dict[str, str] = {}
    for spec in specs:
        for field, sentence in page_sentences(spec):
            key = _sentence_key(sentence)
            if len(key.split()) < MIN_SENTENCE_WORDS:
                continue
            owner = first_seen.setdefault(key, spec.slug)
            if owner != spec.slug:
                yield Finding(spec.slug, field, f"repeats a sentence of {owner!r}: {sentence.strip()!r}")
