"""Find exercises by name: aliases, word order, typos; and say when a name is ambiguous.

Used by directory search, the quick-log line and importers' name matching. The index is built
from plain tuples so it can be cached and reused without touching the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from repbook.core.search import fold

#: Scores run 0–100. Below this, a name is not a match at all.
MIN_SCORE = 72.0
#: A best match must lead the runner-up by this much to be taken without asking.
CLEAR_LEAD = 6.0


@dataclass(frozen=True, slots=True)
class NamedExercise:
    id: int
    slug: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    exercise: NamedExercise
    score: float
    matched: str  # the name or alias that matched


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of resolving one name: `exercise` when clear, else the candidates."""

    exercise: NamedExercise | None
    candidates: tuple[Match, ...]

    @property
    def ambiguous(self) -> bool:
        return self.exercise is None and len(self.candidates) > 1


def _score(query: str, label: str) -> float:
    """How well a folded query matches a folded name: whole words beat word starts beat typos."""
    if query == label:
        return 100.0
    extra = min(abs(len(label) - len(query)), 30) * 0.1
    if label.startswith(query + " "):
        return 97.0 - extra
    if f" {query} " in f" {label} ":
        return 94.0 - extra
    if label.startswith(query):
        return 90.0 - extra
    token_set = fuzz.token_set_ratio(query, label)
    plain = fuzz.ratio(query, label)
    # Partial matching helps while typing a longer name; it misleads for short or longer queries.
    partial = fuzz.partial_ratio(query, label) * 0.9 if 4 <= len(query) <= len(label) else 0.0
    return max(plain, token_set * 0.96, partial)


class ExerciseIndex:
    """Searchable names of a set of exercises (the catalog plus one user's custom ones)."""

    def __init__(self, exercises: Iterable[NamedExercise]) -> None:
        self.entries: list[tuple[str, str, NamedExercise]] = []
        for exercise in exercises:
            for label in (exercise.name, *exercise.aliases):
                folded = fold(label)
                if folded:
                    self.entries.append((folded, label, exercise))

    def search(self, query: str, limit: int = 20, min_score: float = MIN_SCORE) -> list[Match]:
        """Best matches first, one per exercise."""
        folded = fold(query)
        if not folded:
            return []
        best: dict[int, Match] = {}
        for label_folded, label, exercise in self.entries:
            score = _score(folded, label_folded)
            if score >= min_score and (exercise.id not in best or score > best[exercise.id].score):
                best[exercise.id] = Match(exercise, score, label)
        ranked = sorted(best.values(), key=lambda m: (-m.score, len(m.exercise.name), m.exercise.name))
        return ranked[:limit]

    def resolve(self, name: str) -> Resolution:
        """One exercise when the name is clear; otherwise the close candidates (maybe none)."""
        matches = self.search(name, limit=6)
        if not matches:
            return Resolution(None, ())
        top = matches[0]
        runner_up = matches[1].score if len(matches) > 1 else 0.0
        exact = [m for m in matches if m.score == 100.0]
        if len(exact) == 1 or (top.score >= 80 and top.score - runner_up >= CLEAR_LEAD):
            return Resolution(top.exercise, (top,))
        close = tuple(m for m in matches if top.score - m.score < CLEAR_LEAD * 2)
        return Resolution(None, close)
