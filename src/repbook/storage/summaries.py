"""Keep the statistics summaries (storage.models.summaries) equal to the sets they summarise.

A new set (services.workout.log_set) is merged into its session's stored summary, read with its
workout (`set_update`), and the new summary written with the set (hot_path.insert_set); the
session's first set, or one done before its latest, has the session summarised from its sets
instead (`refresh`: its few sets read back, its row replaced in one statement, the exercise's
bests raised when the session beat them), all inside the write's transaction. Edits, deletions,
moved workouts and body-weight changes refresh the sessions they touch and recompute those
exercises' bests; an import summarises its new workouts; `rebuild` (the `repbook rebuild-stats`
command, and the first start after upgrading) recomputes a user's summaries from nothing. Models
are looked up through an app registry (`registry`), so code running with historical models can
use the same functions.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from django.apps import apps as django_apps
from django.core.exceptions import EmptyResultSet
from django.db import connection, connections, transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from repbook.core.e1rm import estimate_set
from repbook.core.stats.lifts import LoggedSet, body_weight_on, lifted_load
from repbook.core.stats.session_summary import BestSet, SessionSummary, summarize, with_set
from repbook.storage import hot_path
from repbook.storage.bulk import insert_rows

#: Sessions refreshed per query when many are (imports, rebuilds).
CHUNK = 500
_SET_FIELDS = (
    "workout_id",
    "exercise_id",
    "weight_kg",
    "reps",
    "rpe",
    "rir",
    "set_type",
    "duration_s",
    "workout__started_at",
    "exercise__bodyweight_fraction",
    "performed_at",
)


def _model(name: str, registry: Any = None) -> Any:
    return (registry or django_apps).get_model("storage", name)


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


#: Stored loads as decimals: the same few hundred loads recur across a history's sessions, and a
#: Decimal is immutable, so each text is converted once (most of reading a long history's rows).
_decimal = lru_cache(maxsize=4096)(Decimal)


def _undec(value: str | None) -> Decimal | None:
    return None if value is None else _decimal(value)


#: The columns of a session row as `row_values` gives them.
SESSION_COLUMNS = (
    "owner",
    "workout",
    "exercise",
    "day",
    "logged",
    "sets",
    "reps",
    "tonnage_kg",
    "week_tonnage_kg",
    "heaviest_kg",
    "longest_s",
    "best",
    "rep_loads",
    "reps_at",
    "last_performed_at",
)


def row_values(
    owner_id: int, exercise_id: int, s: SessionSummary, week_tonnage: Decimal, last_at: datetime
) -> tuple[Any, ...]:
    """The ExerciseSession row holding `s`, in SESSION_COLUMNS order (`week_tonnage`: see
    ExerciseSession.week_tonnage_kg; `last_at`: its latest set's moment)."""
    return (
        owner_id,
        s.workout_id,
        exercise_id,
        s.day,
        s.logged,
        s.sets,
        s.reps,
        s.tonnage_kg,
        week_tonnage,
        s.heaviest_kg,
        s.longest_s,
        _best_json(s.best),
        {str(r): [str(load), done] for r, (load, done) in s.rep_loads.items()},
        {str(load): reps for load, reps in s.reps_at.items()},
        last_at,
    )


def _best_json(best: Mapping[str, BestSet]) -> dict[str, list[Any]]:
    """The stored form of a session's best sets; the list of a set the formulas share (most
    pick the same one) is built once."""
    written: dict[int, list[Any]] = {}
    out = {}
    for formula, b in best.items():
        if id(b) not in written:
            written[id(b)] = [str(b.load_kg), b.reps, _dec(b.rpe), b.rir, b.set_type, b.duration_s]
        out[formula] = written[id(b)]
    return out


def _best_sets(stored: dict[str, list[Any]]) -> dict[str, BestSet]:
    """The best sets of a stored `best`; formulas that picked the same set share one."""
    made: dict[tuple[Any, ...], BestSet] = {}
    out = {}
    for formula, v in stored.items():
        key = tuple(v)
        if key not in made:
            made[key] = BestSet(_decimal(v[0]), v[1], _undec(v[2]), v[3], v[4], v[5])
        out[formula] = made[key]
    return out


def from_row(row: tuple[Any, ...]) -> SessionSummary:
    """A summary from an ExerciseSession's SUMMARY_FIELDS values."""
    workout_id, day, logged, sets, reps, tonnage, heaviest, longest, best, rep_loads, reps_at = row
    return SessionSummary(
        day=day,
        workout_id=workout_id,
        logged=logged,
        sets=sets,
        reps=reps,
        tonnage_kg=tonnage,
        heaviest_kg=heaviest,
        longest_s=longest,
        # Read only: a decoded summary is shared by every request that reads its row (`_decoded`).
        best=MappingProxyType(_best_sets(best)),
        rep_loads=MappingProxyType({int(r): (_decimal(v[0]), v[1]) for r, v in rep_loads.items()}),
        reps_at=MappingProxyType({_decimal(load): n for load, n in reps_at.items()}),
    )


def read_summaries(sessions: Any) -> list[SessionSummary]:
    """The summaries of the ExerciseSession queryset `sessions`, in its order, as `from_row` makes
    them from Django's values (each with its best set under every formula).

    The rows come from the driver as they are, and only rows not decoded before are (`_decoded`),
    every JSON value of them in one parse: for a ten-year history (778 sessions of one exercise),
    Django's converters decoding three small JSON texts per row, one by one, were a third of the
    exercise page. The best sets are read whole: SQLite picking one formula's out of the text on
    every read cost as much as reading the rows."""
    return [summary for summary, _ in _read(sessions)]


def read_summaries_by_exercise(sessions: Any) -> dict[int, list[SessionSummary]]:
    """As `read_summaries`, grouped by exercise id (each group in the queryset's order)."""
    grouped: dict[int, list[SessionSummary]] = defaultdict(list)
    for summary, (exercise_id,) in _read(sessions, ("exercise_id",)):
        grouped[exercise_id].append(summary)
    return grouped


def _read(sessions: Any, extra: tuple[str, ...] = ()) -> list[tuple[SessionSummary, tuple[Any, ...]]]:
    """Each session's summary with the `extra` fields' raw values (see `read_summaries`)."""
    return _decoded(_driver_rows(sessions.values_list(*SUMMARY_FIELDS, *extra)))


#: Summaries already decoded, by their stored row. A summary is a function of its row's
#: values alone, so one decoded for an earlier request is the one this request would make: the
#: exercise page and its API read the same few hundred rows of a long history again and again,
#: and decoding them was half of their cost. Summaries are immutable and shared. Bounded (about
#: 2 KB each with the row text it is kept by: some 10 MB per process): when full, it starts
#: again empty, and a read of more rows than it holds (bests recomputed after an import) is
#: decoded without being kept.
_SUMMARIES_KEPT = 4096
_summaries: dict[tuple[Any, ...], SessionSummary] = {}


def _decoded(rows: list[tuple[Any, ...]]) -> list[tuple[SessionSummary, tuple[Any, ...]]]:
    """Each driver row of SUMMARY_FIELDS (and more) as its summary and the rest."""
    kept = _summaries
    keys = [row[:11] for row in rows]
    # Each summary is taken once, here: another thread may empty the store at any moment.
    found: dict[tuple[Any, ...], SessionSummary] = {}
    missing: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for key, row in zip(keys, rows, strict=True):
        summary = kept.get(key)
        if summary is None:
            missing[key] = row
        else:
            found[key] = summary
    if missing:
        new = dict(zip(missing, _decode(list(missing.values())), strict=True))
        found.update(new)
        if len(new) <= _SUMMARIES_KEPT:
            if len(kept) + len(new) > _SUMMARIES_KEPT:
                kept.clear()
            kept.update(new)
    return [(found[key], row[11:]) for key, row in zip(keys, rows, strict=True)]


def _decode(rows: list[tuple[Any, ...]]) -> list[SessionSummary]:
    """The summaries of these driver rows: every JSON value of them decoded in one parse (the
    columns are JSON text, never NULL, on every database: `JsonText`)."""
    decoded = json.loads("[" + ",".join(value for row in rows for value in row[8:11]) + "]")
    out = []
    for index, row in enumerate(rows):
        best, rep_loads, reps_at = decoded[3 * index : 3 * index + 3]
        workout_id, day, logged, sets, reps, tonnage, heaviest, longest = row[:8]
        values = (
            workout_id,
            day if isinstance(day, date) else date.fromisoformat(day),
            logged,
            sets,
            reps,
            _stored_decimal(tonnage),
            _stored_decimal(heaviest),
            longest,
            best,
            rep_loads,
            reps_at,
        )
        out.append(from_row(values))
    return out


@lru_cache(maxsize=8192)
def _stored_decimal(value: Any, places: int = 3) -> Decimal | None:
    """A decimal column of `places` places as the driver gives it (Decimal, or int or float from
    SQLite's numeric columns), as Django's converter makes it; each distinct value once."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    return Decimal(repr(value) if isinstance(value, float) else str(value)).quantize(
        Decimal(1).scaleb(-places)
    )


#: What replacing a session's summary rewrites: every column but the row's key.
UPSERT_FIELDS = [c for c in SESSION_COLUMNS if c not in ("owner", "workout", "exercise")]
#: The fields `from_row` reads, in its order.
SUMMARY_FIELDS = (
    "workout_id",
    "day",
    "logged",
    "sets",
    "reps",
    "tonnage_kg",
    "heaviest_kg",
    "longest_s",
    "best",
    "rep_loads",
    "reps_at",
)


def _readings(owner_id: int, days: set[date], registry: Any) -> list[tuple[date, Decimal]]:
    """The body-weight readings `body_weight_on` needs for `days`: for one day the reading on or
    before it (or the first one), so logging a set never reads the whole body-weight log."""
    rows = _model("BodyWeight", registry).objects.filter(owner_id=owner_id)
    if len(days) != 1:
        return list(rows.order_by("date").values_list("date", "weight_kg"))
    (day,) = days
    # The latest reading up to `day` first; failing that, the earliest after it: one query.
    on_or_before = Q(date__lte=day)
    order = (
        Case(When(on_or_before, then=Value(0)), default=Value(1)),
        Case(When(on_or_before, then=F("date"))).desc(nulls_last=True),
        "date",
    )
    return list(rows.order_by(*order).values_list("date", "weight_kg")[:1])


def summaries_of(
    owner_id: int, sets: Any, registry: Any = None
) -> dict[tuple[int, int], tuple[SessionSummary, Decimal, datetime]]:
    """The summary of every (workout, exercise) in the `sets` queryset (completed sets only), with
    the added load × reps of its bodyweight sets whose body weight is unknown.

    The rows come from the driver and are converted as Django's fields would, but only what is
    used: a workout's start once per workout, a set's time only for a session's last set, and
    each distinct load once (an import summarises 100,000 sets here)."""
    query = sets.filter(completed=True).order_by("performed_at", "order").values_list(*_SET_FIELDS)
    rows = _driver_rows(query)
    zone = connections[query.db].timezone
    days = {}
    for row in rows:
        if row[0] not in days:
            days[row[0]] = timezone.localdate(_stored_moment(row[8], zone))
    bodyweight_days = {days[row[0]] for row in rows if row[9]}
    readings = _readings(owner_id, bodyweight_days, registry) if bodyweight_days else []
    grouped: dict[tuple[int, int], list[LoggedSet]] = defaultdict(list)
    extra: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    last: dict[tuple[int, int], Any] = {}
    for workout_id, exercise_id, weight, reps, rpe, rir, set_type, duration, _, fraction, when in rows:
        weight, rpe = _stored_decimal(weight), _stored_decimal(rpe, 1)
        last[(workout_id, exercise_id)] = when
        day = days[workout_id]
        share = _stored_decimal(fraction) if fraction else None
        load = lifted_load(weight, share, body_weight_on(readings, day)) if share else weight
        grouped[(workout_id, exercise_id)].append(
            LoggedSet(day, workout_id, load, reps, rpe, rir, set_type, duration)
        )
        if load is None and weight and weight > 0 and reps and set_type != "warmup":
            extra[(workout_id, exercise_id)] += weight * reps
    out = {}
    for key, logged in grouped.items():
        summary = summarize(logged)
        if summary is not None:
            out[key] = (summary, extra[key], _stored_moment(last[key], zone))
    return out


def _driver_rows(query: Any) -> list[tuple[Any, ...]]:
    """The rows of a values_list queryset as the database driver returns them (no converters);
    none for a query that can match nothing (an `__in` of no values)."""
    try:
        sql, params = query.query.sql_with_params()
    except EmptyResultSet:
        return []
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _stored_moment(value: Any, zone: Any) -> datetime:
    """A datetime column as the driver gives it (aware, or SQLite's naive text in the connection's
    zone), as Django's converter makes it."""
    if not isinstance(value, datetime):
        value = parse_datetime(value)
    return value if timezone.is_aware(value) else timezone.make_aware(value, zone)


def refresh(owner: Any, workout_ids: Iterable[int], exercise_ids: Iterable[int] | None = None,
            *, lowered: bool = False, registry: Any = None) -> None:  # fmt: skip
    """Recompute the summaries of these workouts (only these exercises of them, if given).

    `lowered` says a best may have gone down (an edit or a deletion), so the touched exercises'
    bests are recomputed from their sessions; otherwise they are only raised.
    """
    owner_id = owner if isinstance(owner, int) else owner.pk
    workouts = sorted(set(workout_ids))
    exercises = None if exercise_ids is None else sorted(set(exercise_ids))
    session_model = _model("ExerciseSession", registry)
    set_model = _model("Set", registry)
    touched: set[int] = set()
    for start in range(0, len(workouts), CHUNK):
        chunk = workouts[start : start + CHUNK]
        sets = set_model.objects.filter(owner_id=owner_id, workout_id__in=chunk)
        old = session_model.objects.filter(owner_id=owner_id, workout_id__in=chunk)
        if exercises is not None:
            sets = sets.filter(exercise_id__in=exercises)
            old = old.filter(exercise_id__in=exercises)
        found = summaries_of(owner_id, sets, registry)
        rows = [
            row_values(owner_id, exercise_id, s, s.tonnage_kg + more, last)
            for (_, exercise_id), (s, more, last) in found.items()
        ]
        if lowered:
            touched.update(old.values_list("exercise_id", flat=True))
        if lowered or len(rows) != 1:
            old.delete()
            insert_rows(session_model, SESSION_COLUMNS, rows)
        else:  # one session: replaced in one statement
            hot_path.upsert_session(SESSION_ATTNAMES, rows[0])
        touched.update(exercise_id for _, exercise_id in found)
        if not lowered:
            _raise_bests(owner_id, {key: s for key, (s, _, _) in found.items()}, registry)
    if lowered and touched:
        recompute_bests(owner_id, touched, registry)


#: What logging a set reads of its session's summary (hot_path.entry_and_session): the summary,
#: its week's tonnage and its latest set's moment.
HELD_NAMES = (
    *(f"{name}_id" if name == "workout" else name for name in SUMMARY_FIELDS),
    "week_tonnage_kg",
    "last_performed_at",
)


@dataclass(frozen=True)
class SetUpdate:
    """What a set about to be written changes in the summaries: its session's new row (its
    SESSION_ATTNAMES values), and its exercise's bests when the set raised them (`best_id`
    None: the exercise has no bests stored yet)."""

    session: tuple[Any, ...]
    bests: dict[str, Any] | None
    best_id: int | None


def set_update(
    owner: Any, row: Any, bodyweight_fraction: Decimal, held: tuple[Any, ...] | None
) -> SetUpdate | None:
    """A new set (a Set row not yet written) merged into its session's stored summary `held` (its
    HELD_NAMES with the exercise's bests, or None): core `with_set`, so the cost does not grow with
    the session. None when the session must be summarised again from its sets once the set is
    written: its first set, a set done before the session's latest one, or a set not done."""
    if held is None:
        return None
    *fields, week, last_at, best_id, bests = held
    last_at = _stored_moment(last_at, connection.timezone) if last_at is not None else None
    if last_at is None or row.performed_at < last_at or not row.completed:
        return None
    # Decoded, not kept (`_decoded`): the row is about to be replaced by the set's new summary.
    (summary,) = _decode([tuple(fields)])
    # As the database gives them back, so the stored text matches a refresh's.
    weight = None if row.weight_kg is None else Decimal(row.weight_kg).quantize(Decimal("0.001"))
    rpe = None if row.rpe is None else Decimal(row.rpe).quantize(Decimal("0.1"))
    load = weight
    if bodyweight_fraction:
        readings = _readings(owner.pk, {summary.day}, None)
        load = lifted_load(weight, bodyweight_fraction, body_weight_on(readings, summary.day))
    logged = LoggedSet(
        summary.day, row.workout_id, load, row.reps, rpe, row.rir, row.set_type, row.duration_s
    )
    updated = with_set(summary, logged)
    week = (_stored_decimal(week) or Decimal(0)) + (updated.tonnage_kg - summary.tonnage_kg)
    if load is None and weight and weight > 0 and row.reps and logged.counts:
        week += weight * row.reps
    stored = dict(bests) if bests is not None else {}
    return SetUpdate(
        session=row_values(owner.pk, row.exercise_id, updated, week, row.performed_at),
        bests=stored if _merge(stored, updated) else None,
        best_id=best_id,
    )


def write_set_update(owner: Any, row: Any, update: SetUpdate | None) -> None:
    """The summaries' writes after the set `row` is written with `update.session` (see
    hot_path.insert_set): the raised bests; with no update, its session summarised from its sets."""
    if update is None:
        refresh(owner, [row.workout_id], [row.exercise_id])
    elif update.bests is None:
        return
    elif update.best_id is None:
        best = _model("ExerciseBest")
        best.objects.create(owner_id=owner.pk, exercise_id=row.exercise_id, best=update.bests)
    else:
        hot_path.write_bests(update.best_id, update.bests)


#: SESSION_COLUMNS as attribute names (the keys' `_id`).
SESSION_ATTNAMES = tuple(
    f"{name}_id" if name in ("owner", "workout", "exercise") else name for name in SESSION_COLUMNS
)


def _best_entry(s: SessionSummary, formula: str) -> list[Any] | None:
    """[e1rm_kg, load, reps, day] of the session's best set under `formula`, if reliable."""
    best = s.best.get(formula)
    if best is None:
        return None
    estimate = estimate_set(float(best.load_kg), best.reps, best.rpe, best.rir, formula)
    if estimate is None or not estimate.reliable:
        return None
    return [estimate.kg, str(best.load_kg), best.reps, s.day.isoformat()]


def _better(new: list[Any], old: list[Any] | None) -> bool:
    """A higher estimate wins; at the same estimate the earlier day (the first time it was done)."""
    return old is None or (new[0], old[3]) > (old[0], new[3])


def _merge(bests: dict[str, list[Any]], s: SessionSummary) -> bool:
    changed = False
    for formula in s.best:
        entry = _best_entry(s, formula)
        if entry is not None and _better(entry, bests.get(formula)):
            bests[formula] = entry
            changed = True
    return changed


def _raise_bests(owner_id: int, found: dict[tuple[int, int], SessionSummary], registry: Any) -> None:
    """Raise each exercise's bests to its new sessions' where they beat them."""
    best_model = _model("ExerciseBest", registry)
    by_exercise: dict[int, list[SessionSummary]] = defaultdict(list)
    for (_, exercise_id), s in found.items():
        by_exercise[exercise_id].append(s)
    stored = {
        row.exercise_id: row
        for row in best_model.objects.filter(owner_id=owner_id, exercise_id__in=list(by_exercise))
    }
    for exercise_id, new in by_exercise.items():
        row = stored.get(exercise_id)
        bests = dict(row.best) if row is not None else {}
        changed = False
        for s in new:
            changed = _merge(bests, s) or changed
        if not changed:
            continue
        if row is None:
            best_model.objects.create(owner_id=owner_id, exercise_id=exercise_id, best=bests)
        else:
            best_model.objects.filter(pk=row.pk).update(best=bests)


def recompute_bests(owner_id: int, exercise_ids: Iterable[int], registry: Any = None) -> None:
    """Recompute these exercises' bests from all of their sessions (after an edit or a deletion)."""
    ids = sorted(set(exercise_ids))
    session_model = _model("ExerciseSession", registry)
    best_model = _model("ExerciseBest", registry)
    bests: dict[int, dict[str, list[Any]]] = {pk: {} for pk in ids}
    sessions = session_model.objects.filter(owner_id=owner_id, exercise_id__in=ids).order_by()
    for exercise_id, summaries in read_summaries_by_exercise(sessions).items():
        for summary in summaries:
            _merge(bests[exercise_id], summary)
    best_model.objects.filter(owner_id=owner_id, exercise_id__in=ids).delete()
    best_model.objects.bulk_create(
        [best_model(owner_id=owner_id, exercise_id=pk, best=b) for pk, b in bests.items() if b]
    )


def refresh_after_import(owner: Any, last_set_id: int, *, body_weights: bool) -> None:
    """Summarise the sets of `owner` newer than `last_set_id`; with imported body weights, also
    refresh every bodyweight-exercise session, whose loads they may change."""
    new = _model("Set").objects.filter(owner_id=owner.pk, pk__gt=last_set_id)
    refresh(owner, set(new.values_list("workout_id", flat=True)))
    if body_weights:
        _refresh_bodyweight_sessions(owner, _model("ExerciseSession").objects.filter(owner_id=owner.pk))


def last_set_id() -> int:
    """The highest set id so far (0 with none): what `refresh_sets_since` counts from."""
    row = _model("Set").objects.order_by("-pk").values_list("pk", flat=True).first()
    return int(row or 0)


def refresh_body_weight(owner: Any, day: date) -> None:
    """Refresh the bodyweight exercises' sessions whose load a reading of `day` decides: from the
    reading before it (or from the start, for the first) to the next one."""
    readings = _model("BodyWeight").objects.filter(owner_id=owner.pk)
    earlier = readings.filter(date__lt=day).order_by("-date").values_list("date", flat=True).first()
    later = readings.filter(date__gt=day).order_by("date").values_list("date", flat=True).first()
    sessions = _model("ExerciseSession").objects.filter(owner_id=owner.pk)
    if earlier is not None:
        sessions = sessions.filter(day__gt=earlier)
    if later is not None:
        sessions = sessions.filter(day__lt=later)
    _refresh_bodyweight_sessions(owner, sessions)


def _refresh_bodyweight_sessions(owner: Any, sessions: Any) -> None:
    pairs = list(sessions.exclude(exercise__bodyweight_fraction=0).values_list("workout_id", "exercise_id"))
    if pairs:
        refresh(owner, {w for w, _ in pairs}, {e for _, e in pairs}, lowered=True)


@transaction.atomic
def rebuild(owner: Any, registry: Any = None) -> int:
    """Recompute every summary of `owner` from their sets; returns the number of sessions."""
    owner_id = owner if isinstance(owner, int) else owner.pk
    _model("ExerciseSession", registry).objects.filter(owner_id=owner_id).delete()
    _model("ExerciseBest", registry).objects.filter(owner_id=owner_id).delete()
    workouts = _model("Workout", registry).objects.filter(owner_id=owner_id).values_list("pk", flat=True)
    refresh(owner_id, list(workouts), registry=registry)
    return int(_model("ExerciseSession", registry).objects.filter(owner_id=owner_id).count())


def rebuild_everyone(registry: Any = None) -> int:
    """`rebuild` for every user with sets; returns the number of sessions."""
    # order_by(): without it the model's default ordering joins the DISTINCT, one owner per set.
    owners = _model("Set", registry).objects.order_by().values_list("owner_id", flat=True).distinct()
    return sum(rebuild(owner_id, registry) for owner_id in list(owners))
