"""Which Repbook exercise each foreign exercise name in an import means.

Order of trust: the user's remembered answer, then Repbook's own slug, then the catalog's names and
aliases (exact), then a name with the same movement words and equipment (core.name_match: plurals,
word order, "(Barbell)" or "Barbell ..."). Nothing is matched on similarity alone: a wrong match
corrupts records, so a name that agrees with no exercise is offered as the user's own exercise
(muscles guessed from its name), with similar exercises listed to choose from. A match whose kind of
set does not fit (timed sets on a reps exercise) is not taken.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from repbook.core.imported import ImportedExercise, ParsedFile
from repbook.core.muscle_guess import guess_muscles
from repbook.core.name_match import IMPLEMENTS, Candidate, NameMatcher
from repbook.services.exercise.exercise_names import ExerciseIndex, NamedExercise
from repbook.storage.models import Exercise, ExerciseMapping, owned

#: The user's choice for a name: an exercise slug, or one of these.
CREATE: Final = "+new"
SKIP: Final = "-skip"


@dataclass(frozen=True, slots=True)
class Choice:
    slug: str
    name: str
    measure: str
    bodyweight: bool = False
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class NameMatch:
    """One foreign name, how many sets it has, and what it maps to (None: unmatched)."""

    foreign_name: str
    sets: int
    kind: str  # the measure its sets need: reps, time or distance
    choice: Choice | None
    confidence: str  # "remembered", "exact", "likely", "chosen", "unmatched", "new", "skip"
    suggestions: tuple[Choice, ...] = ()
    note: str = ""

    @property
    def needs_review(self) -> bool:
        return self.confidence in ("likely", "unmatched")


def set_kind(entries: Iterable[ImportedExercise]) -> str:
    """What the sets of a name measure: reps when any set has reps, else time, else distance.

    Zero reps beside a time or distance is how some apps write a cardio set: it is not reps."""
    sets = [s for e in entries for s in e.sets]
    if not sets or any(s.reps is not None and (s.reps or not (s.duration_s or s.distance_m)) for s in sets):
        return "reps"
    if any(s.duration_s for s in sets) and not any(s.distance_m for s in sets):
        return "time"
    return "distance" if any(s.distance_m for s in sets) else "time"


def fits(kind: str, measure: str) -> bool:
    """A time-or-distance exercise (rowing) takes both; a reps exercise takes only reps."""
    return kind == measure or (kind in ("time", "distance") and measure in ("time", "distance"))


def _by_name(parsed: ParsedFile) -> dict[str, list[ImportedExercise]]:
    names: dict[str, list[ImportedExercise]] = {}
    for workout in parsed.workouts:
        for entry in workout.exercises:
            names.setdefault(entry.name, []).append(entry)
    return names


class Matcher:
    """Matches names against one user's exercises: 2 queries, then in memory."""

    def __init__(self, user: Any) -> None:
        self.user = user
        visible = Exercise.objects.visible_to(user)
        rows = list(
            visible.values_list("pk", "slug", "name", "aliases", "measure", "bodyweight_fraction", "owner_id")
        )
        self.index = ExerciseIndex(
            NamedExercise(pk, slug, name, tuple(aliases)) for pk, slug, name, aliases, *_ in rows
        )
        implements: dict[int, set[str]] = {}
        for pk, equipment in Exercise.equipment.through.objects.filter(exercise__in=visible).values_list(
            "exercise_id", "equipment_id"
        ):
            if equipment in IMPLEMENTS:
                implements.setdefault(pk, set()).add(equipment)
        self.names = NameMatcher(
            Candidate(slug, (name, *aliases), frozenset(implements.get(pk, ())), fraction > 0)
            for pk, slug, name, aliases, _measure, fraction, _owner in rows
        )
        self.by_slug: dict[str, Choice] = {}
        for _pk, slug, name, _aliases, measure, fraction, owner in rows:
            if owner is not None or slug not in self.by_slug:  # a custom slug shadows the catalog's
                self.by_slug[slug] = Choice(slug, name, measure, fraction > 0)
        self.remembered = dict(owned(ExerciseMapping, user).values_list("foreign_name", "exercise__slug"))

    def _choice(self, named: NamedExercise, score: float) -> Choice:
        known = self.by_slug[named.slug]
        return Choice(known.slug, known.name, known.measure, known.bodyweight, score)

    def match(self, name: str, entries: list[ImportedExercise], chosen: str | None = None) -> NameMatch:
        kind = set_kind(entries)
        count = sum(len(e.sets) for e in entries)
        slug = chosen or self.remembered.get(name) or (entries[0].slug if entries else "")
        confidence = "chosen" if chosen else "remembered" if name in self.remembered else "exact"
        if slug in (CREATE, SKIP):
            return NameMatch(name, count, kind, None, "new" if slug == CREATE else "skip")
        if slug and slug in self.by_slug:
            return NameMatch(name, count, kind, self.by_slug[slug], confidence)
        return self._by_name(name, entries, kind, count)

    def suggest(self, name: str) -> tuple[Choice | None, str]:
        """The exercise a name is, by name alone, and how sure: "exact" (a name or alias of ours)
        or "likely" (the same movement words and equipment); (None, "unmatched") when neither."""
        resolution = self.index.resolve(name)
        exact = resolution.candidates[0] if resolution.exercise and resolution.candidates else None
        if exact is not None and exact.score >= 100:
            return self._choice(exact.exercise, exact.score), "exact"
        slug = self.names.match(name)
        if slug is None or slug not in self.by_slug:
            return None, "unmatched"
        return self.by_slug[slug], "likely"

    def _by_name(self, name: str, entries: list[ImportedExercise], kind: str, count: int) -> NameMatch:
        """The catalog's exact name, else the one exercise whose movement and equipment agree."""
        choice, confidence = self.suggest(name)
        similar = tuple(self._choice(m.exercise, m.score) for m in self.index.search(name, limit=4))
        if choice is None:
            return NameMatch(name, count, kind, None, "unmatched", similar, _guessed(name, entries))
        if not fits(kind, choice.measure):
            note = f"its sets measure {kind}, {choice.name} measures {choice.measure}"
            return NameMatch(name, count, kind, None, "unmatched", similar, note)
        suggestions = similar if any(s.slug == choice.slug for s in similar) else (choice, *similar[:3])
        return NameMatch(name, count, kind, choice, confidence, suggestions)

    def match_all(self, parsed: ParsedFile, choices: Mapping[str, str] | None = None) -> list[NameMatch]:
        """Every foreign name in the file with its match, in order of first appearance."""
        choices = choices or {}
        return [self.match(name, entries, choices.get(name)) for name, entries in _by_name(parsed).items()]


def _guessed(name: str, entries: list[ImportedExercise]) -> str:
    """What creating the name as the user's own exercise would give it: muscles guessed from the name."""
    category = next((e.category for e in entries if e.category), "")
    primary, secondary = guess_muscles(name, category)
    worked = ", ".join(m.replace("_", " ") for m in primary)
    also = f" (also {', '.join(m.replace('_', ' ') for m in secondary)})" if secondary else ""
    return (
        f"no exercise has the same movement and equipment; as your own exercise it would work {worked}{also}"
    )


def remember(user: Any, matches: Iterable[NameMatch], exercises: Mapping[str, Exercise]) -> None:
    """Keep the user's own answers (chosen or created) for the next import."""
    for match in matches:
        if match.confidence in ("chosen", "new") and match.foreign_name in exercises:
            ExerciseMapping.objects.update_or_create(
                owner=user,
                foreign_name=match.foreign_name[:200],
                defaults={"exercise": exercises[match.foreign_name]},
            )
