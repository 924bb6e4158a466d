"""Statistics as plain JSON-ready dicts, shared by the API and `repbook stats --json`.

Weights are kilograms rounded to 0.01; dates are ISO strings; the user's unit is given for display.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from repbook.core.guidance import Advice
from repbook.core.muscles import MUSCLES
from repbook.core.stats.lifts import SessionStats
from repbook.core.stats.weeks import Comparison
from repbook.services.exercise.exercise_stats import ExerciseStats
from repbook.services.progress.training_stats import BestLift, TrainingWeeks
from repbook.storage.models import BodyWeight


def kg(value: Decimal | float | None) -> float | None:
    return round(float(value), 2) if value is not None else None


def exercise_stats_json(stats: ExerciseStats) -> dict[str, Any]:
    """One exercise's sessions, rep maxes and records."""
    best = stats.best
    return {
        "exercise": {"slug": stats.exercise.slug, "name": stats.exercise.name},
        "formula": stats.formula,
        "unit": stats.unit,
        "total_sets": stats.total_sets,
        "needs_body_weight": stats.needs_body_weight,
        "best": _session(best) if best else None,
        "sessions": [_session(s) for s in stats.sessions],
        "rep_maxes": [
            {
                "reps": r.reps,
                "weight_kg": kg(r.load_kg),
                "done_reps": r.done_reps,
                "date": r.day.isoformat(),
                "workout_id": r.workout_id,
            }
            for r in stats.rep_maxes
        ],
        "records": [
            {
                "date": r.day.isoformat(),
                "workout_id": r.workout_id,
                "kind": r.kind,
                "value": float(r.value),
                "previous": float(r.previous),
                "reliable": r.reliable,
                "weight_kg": kg(r.load_kg),
            }
            for r in stats.records
        ],
    }


def _session(s: SessionStats) -> dict[str, Any]:
    best = s.best
    return {
        "date": s.day.isoformat(),
        "workout_id": s.workout_id,
        "sets": s.sets,
        "reps": s.reps,
        "tonnage_kg": kg(s.tonnage_kg),
        "e1rm_kg": kg(s.e1rm.kg) if s.e1rm else None,
        "e1rm_reliable": s.e1rm.reliable if s.e1rm else None,
        "e1rm_from_rpe": s.e1rm.from_rpe if s.e1rm else None,
        "best_set": {"weight_kg": kg(best.load_kg), "reps": best.reps, "rpe": kg(best.rpe), "rir": best.rir}
        if best
        else None,
        "longest_s": s.longest_s,
    }


def _comparison(c: Comparison) -> dict[str, Any]:
    return {"this_week": round(c.this_week, 2), "average": round(c.average, 2), "percent": c.percent}


def training_json(training: TrainingWeeks) -> dict[str, Any]:
    """Weekly totals and per-muscle hard sets over a window of weeks."""
    heat = training.heat()
    return {
        "weeks": [w.isoformat() for w in training.weeks],
        "secondary_weight": float(training.secondary_weight),
        "totals": [
            {
                "week": t.start.isoformat(),
                "sessions": t.sessions,
                "sets": t.sets,
                "tonnage_kg": kg(t.tonnage_kg),
                "training_days": t.training_days,
            }
            for t in training.totals
        ],
        "this_week_vs_average": {
            "sets": _comparison(training.sets_comparison),
            "tonnage_kg": _comparison(training.tonnage_comparison),
        },
        "muscles": [
            {
                "muscle": m.muscle,
                "name": MUSCLES[m.muscle],
                "sets": list(m.sets),
                "this_week": m.this_week,
                "average": round(m.average, 2),
                "days": list(m.days),
                "frequency": round(m.frequency, 2),
                "target": list(m.target),
                "heat": heat[m.muscle],
            }
            for m in training.muscles
        ],
    }


def best_lifts_json(lifts: list[BestLift]) -> list[dict[str, Any]]:
    return [
        {
            "exercise": lift.slug,
            "name": lift.name,
            "e1rm_kg": kg(lift.e1rm_kg),
            "weight_kg": kg(lift.weight_kg),
            "reps": lift.reps,
            "date": lift.day.isoformat() if lift.day else None,
        }
        for lift in lifts
    ]


def body_weight_json(row: BodyWeight) -> dict[str, Any]:
    """One reading: the day, kilograms, and the value and unit as typed."""
    return {
        "date": row.date.isoformat(),
        "weight_kg": float(row.weight_kg),
        "typed_value": float(row.typed_value),
        "typed_unit": row.typed_unit,
    }


def advice_json(advice: list[Advice]) -> list[dict[str, Any]]:
    return [
        {
            "kind": a.kind,
            "level": a.level,
            "subject": a.subject,
            "message": a.message,
            "reason": a.reason,
            "source": a.source,
        }
        for a in advice
    ]
