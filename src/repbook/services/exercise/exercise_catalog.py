"""The exercise directory: listing, search, one exercise's page, and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from repbook.core.alternatives import ExerciseFacts, computed_alternatives
from repbook.core.exercise import VARIATION_KIND_LABELS
from repbook.core.muscles import MUSCLES
from repbook.services.exercise.exercise_names import ExerciseIndex, NamedExercise
from repbook.storage.models import Exercise, ExerciseSession, Set, UserSettings, owned
from repbook.storage.queries import (
    ListedExercise,
    exercise_by_slug,
    exercises_with_facts,
    facts,
    listed_exercises,
)


@dataclass(frozen=True)
class DirectoryFilters:
    q: str = ""
    muscle: str = ""
    equipment: str = ""
    pattern: str = ""
    level: str = ""

    @property
    def active(self) -> bool:
        return any((self.q, self.muscle, self.equipment, self.pattern, self.level))


@dataclass(frozen=True)
class Card:
    facts: ExerciseFacts
    is_custom: bool
    matched_alias: str = ""


@dataclass
class DirectoryGroup:
    key: str
    title: str
    cards: list[Card] = field(default_factory=list)


@dataclass
class Directory:
    groups: list[DirectoryGroup]
    total: int


def _cards(user: Any) -> list[tuple[ListedExercise, Card]]:
    return [(row, Card(row.facts, row.is_custom)) for row in listed_exercises(user)]


def directory(user: Any, filters: DirectoryFilters) -> Directory:
    """Exercises grouped by primary muscle, filtered and searched (typo-tolerant): 3 queries."""
    rows = _cards(user)
    cards = [
        card
        for _, card in rows
        if (not filters.equipment or filters.equipment in card.facts.equipment)
        and (not filters.pattern or card.facts.pattern == filters.pattern)
        and (not filters.level or card.facts.level == filters.level)
        and (not filters.muscle or filters.muscle in card.facts.primary | card.facts.secondary)
    ]
    if filters.q:
        kept = {id(card) for card in cards}
        by_id = {row.pk: card for row, card in rows if id(card) in kept}
        index = ExerciseIndex(
            NamedExercise(row.pk, row.facts.slug, row.facts.name, row.aliases)
            for row, _ in rows
            if row.pk in by_id
        )
        found = [
            Card(
                by_id[m.exercise.id].facts,
                by_id[m.exercise.id].is_custom,
                _alias_note(m.matched, m.exercise.name),
            )
            for m in index.search(filters.q, limit=50)
        ]
        return Directory([DirectoryGroup("results", f"Results for “{filters.q}”", found)], len(found))
    if filters.muscle:
        main = [c for c in cards if filters.muscle in c.facts.primary]
        also = [c for c in cards if filters.muscle not in c.facts.primary]
        name = MUSCLES.get(filters.muscle, filters.muscle)
        groups = [DirectoryGroup(filters.muscle, f"{name}: main target", main)]
        if also:
            groups.append(DirectoryGroup(f"{filters.muscle}-also", f"Also works the {name.lower()}", also))
        return Directory(groups, len(cards))
    by_muscle = {m: DirectoryGroup(m, name) for m, name in MUSCLES.items()}
    for card in cards:
        for muscle in card.facts.primary:
            by_muscle[muscle].cards.append(card)
    return Directory([g for g in by_muscle.values() if g.cards], len(cards))


def _alias_note(matched: str, name: str) -> str:
    return matched if matched != name else ""


@dataclass
class LinkedExercise:
    slug: str | None
    name: str
    text: str
    kind: str = ""


@dataclass
class ExercisePage:
    exercise: Exercise
    facts: ExerciseFacts
    content: dict[str, Any]
    variations: list[LinkedExercise]
    alternatives: list[LinkedExercise]
    computed: list[ExerciseFacts]

    @property
    def variation_groups(self) -> list[tuple[str, list[LinkedExercise]]]:
        """Variations by kind, in the order the page presents kinds (equipment first)."""
        groups: dict[str, list[LinkedExercise]] = {}
        for variation in self.variations:
            groups.setdefault(variation.kind, []).append(variation)
        order = list(VARIATION_KIND_LABELS)
        return [
            (VARIATION_KIND_LABELS.get(kind, kind), items)
            for kind, items in sorted(
                groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99
            )
        ]


def exercise_page(user: Any, slug: str, prefs: UserSettings | None = None) -> ExercisePage:
    """Everything an exercise page shows; raises Exercise.DoesNotExist. About 5 queries: the
    exercise with its muscles and equipment, the list of exercises (the catalog's kept per
    process) for its links and alternatives, and the user's equipment without `prefs`."""
    exercise = exercise_by_slug(user, slug)
    content = exercise.content or {}
    linked = {v.get("slug") for v in content.get("variations", [])} | {
        a["slug"] for a in content.get("alternatives", [])
    }
    owned = frozenset(prefs.equipment) or None if prefs is not None else _owned_equipment(user)
    candidates: dict[str, ExerciseFacts] = {}
    for row in listed_exercises(user):
        wanted = row.facts.pattern == exercise.pattern or row.facts.slug in linked
        if wanted and (row.facts.slug not in candidates or not row.is_custom):  # the catalog's wins
            candidates[row.facts.slug] = row.facts
    return _page(exercise, candidates, owned)


def exercise_pages(user: Any) -> list[ExercisePage]:
    """The page of every exercise `user` sees (None: the catalog), by slug: 4 queries in all."""
    rows = sorted(exercises_with_facts(user), key=lambda row: (row.slug, row.owner_id is not None))
    by_slug: dict[str, Exercise] = {}
    for row in rows:
        by_slug.setdefault(row.slug, row)  # the catalog's wins over a custom one with its slug
    all_facts = {slug: facts(row) for slug, row in by_slug.items()}
    owned = _owned_equipment(user)
    return [_page(row, all_facts, owned) for row in by_slug.values()]


def _page(
    exercise: Exercise, by_slug: dict[str, ExerciseFacts], owned: frozenset[str] | None
) -> ExercisePage:
    """An exercise page from its row and the facts of (at least) its linked and same-pattern exercises."""
    content = exercise.content or {}
    variations = [
        LinkedExercise(v.get("slug") if v.get("slug") in by_slug else None, v["name"], v["text"], v["kind"])
        for v in content.get("variations", [])
    ]
    alternatives = [
        LinkedExercise(a["slug"], by_slug[a["slug"]].name, a["why"])
        for a in content.get("alternatives", [])
        if a["slug"] in by_slug
    ]
    target = by_slug.get(exercise.slug) or facts(exercise)
    computed = computed_alternatives(
        target,
        by_slug.values(),
        owned_equipment=owned,
        exclude=frozenset(a.slug for a in alternatives if a.slug),
    )
    return ExercisePage(exercise, target, content, variations, alternatives, computed)


def _owned_equipment(user: Any) -> frozenset[str] | None:
    if not getattr(user, "is_authenticated", False):
        return None
    owned = UserSettings.objects.filter(owner=user).values_list("equipment", flat=True).first()
    return frozenset(owned) if owned else None


def exercise_summary(card: ExerciseFacts, is_custom: bool = False) -> dict[str, Any]:
    """The short JSON form used in lists."""
    return {
        "slug": card.slug,
        "name": card.name,
        "primary_muscles": sorted(card.primary, key=list(MUSCLES).index),
        "secondary_muscles": sorted(card.secondary, key=list(MUSCLES).index),
        "equipment": sorted(card.equipment),
        "pattern": card.pattern,
        "level": card.level,
        "custom": is_custom,
    }


def exercise_detail(page: ExercisePage) -> dict[str, Any]:
    """The full JSON form of an exercise page (API and `repbook exercise --json`)."""
    row, content = page.exercise, page.content
    rec = content.get("recommendation") or {}
    return {
        **exercise_summary(page.facts, row.is_custom),
        "aliases": list(row.aliases),
        "category": row.category,
        "mechanics": row.mechanics,
        "force": row.force,
        "measure": row.measure,
        "unilateral": row.unilateral,
        "bodyweight_fraction": float(row.bodyweight_fraction),
        "rest_s": row.rest_s,
        "introduction": content.get("introduction", ""),
        "steps": content.get("steps", []),
        "benefits": content.get("benefits", []),
        "variations": [
            {"kind": v.kind, "name": v.name, "text": v.text, "slug": v.slug} for v in page.variations
        ],
        "alternatives": [{"slug": a.slug, "name": a.name, "why": a.text} for a in page.alternatives],
        "computed_alternatives": [exercise_summary(c) for c in page.computed],
        "recommendations": {
            "sets": rec.get("sets"),
            "reps": rec.get("reps"),
            "seconds": rec.get("seconds"),
            "meters": rec.get("meters"),
            "per_week": rec.get("per_week"),
            "progression": rec.get("progression"),
            "note": rec.get("note", ""),
        },
        "faq": content.get("faq", []),
    }


#: The sets of one workout the exercise page lists; the rest are counted ("and 12 more").
SHOWN_SETS = 12


def recent_workouts(user: Any, exercise: Exercise, workouts: int = 5) -> list[tuple[Any, list[Set], int]]:
    """The user's last few workouts with this exercise, newest first: when, its first SHOWN_SETS
    sets and how many more it has. Two queries: the workouts come from the session summaries'
    index, so neither a long history nor a workout of hundreds of sets costs more.

    Counts, best sets, records and charts come from `services.exercise.exercise_stats`.
    """
    sessions = owned(ExerciseSession, user).filter(exercise=exercise, logged__gt=0)
    newest = sessions.order_by("-day", "-workout__started_at").values_list(
        "workout_id", "workout__started_at"
    )[:workouts]
    started = dict(newest)
    by_workout: dict[int, list[Set]] = {pk: [] for pk in started}
    done = Set.objects.filter(owner=user, exercise=exercise, completed=True, workout_id__in=list(started))
    for row in done.order_by("order"):
        row.exercise = exercise  # the page's own: not read again with every set
        by_workout[row.workout_id].append(row)
    return [
        (started[pk], rows[:SHOWN_SETS], max(0, len(rows) - SHOWN_SETS))
        for pk, rows in by_workout.items()
        if rows
    ]
