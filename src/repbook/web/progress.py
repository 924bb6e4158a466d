"""The charts of the stats and exercise pages, in the user's unit, built from the stats services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils.safestring import SafeString

from repbook.core.stats.lifts import SessionStats
from repbook.core.units import format_weight, from_kg
from repbook.services.exercise.exercise_stats import ExerciseStats
from repbook.services.progress.stats_words import UNRELIABLE, count_words, estimate_words, load_words
from repbook.services.progress.training_stats import TrainingWeeks
from repbook.services.workout.body_weight import BodyWeightLog
from repbook.web.bodymap import body_map_svg
from repbook.web.charts import Bar, Point, Series, bar_chart, line_chart


def _in(kg: Decimal | float, unit: str) -> float:
    return float(from_kg(Decimal(str(kg)), unit))


_w = load_words


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


#: What the exercise page's charts show unless asked for all time: the sessions of the last year.
CHART_DAYS = 365


@dataclass(frozen=True)
class ChartSpan:
    """The sessions an exercise page's charts draw: the last year, or all time as each month's best
    session for the chart's measure, so a chart (and its data table) holds about a hundred points,
    not ten years' worth."""

    all_time: bool
    longer: bool  # the history goes back further than the last year: the page offers both
    sessions: tuple[SessionStats, ...]  # every session in the span

    @property
    def monthly(self) -> bool:
        return self.all_time and self.longer

    @property
    def words(self) -> str:
        return "best session of each month" if self.monthly else "per session"

    def drawn(self, rank: Callable[[SessionStats], Any]) -> tuple[SessionStats, ...]:
        """The sessions a chart draws: each month's highest by `rank` over all time, else all."""
        if not self.monthly:
            return self.sessions
        best: dict[tuple[int, int], SessionStats] = {}
        for s in self.sessions:
            month = (s.day.year, s.day.month)
            if month not in best or rank(s) > rank(best[month]):
                best[month] = s
        return tuple(best.values())


def chart_span(stats: ExerciseStats, today: date, all_time: bool) -> ChartSpan:
    """The sessions to chart (see ChartSpan); the last year falls back to all time when it is empty."""
    since = today - timedelta(days=CHART_DAYS)
    recent = tuple(s for s in stats.sessions if s.day > since)
    longer = len(recent) < len(stats.sessions)
    if not all_time and (recent or not longer):
        return ChartSpan(False, longer, recent)
    return ChartSpan(True, longer, tuple(stats.sessions))


def _by_estimate(s: SessionStats) -> tuple[bool, float]:
    return (s.e1rm is not None and s.e1rm.reliable, s.e1rm.kg if s.e1rm is not None else 0.0)


def _by_volume(s: SessionStats) -> Decimal:
    return s.tonnage_kg


def _by_hold(s: SessionStats) -> int:
    return s.longest_s or 0


def e1rm_chart(stats: ExerciseStats, span: ChartSpan) -> SafeString:
    """Best estimated 1RM of each session; estimates from more than 12 reps hollow."""
    unit = stats.unit
    points = []
    for s in span.drawn(_by_estimate):
        if s.e1rm is None or s.best is None or s.best.load_kg is None:
            continue
        effort = f" @ RPE {s.best.rpe:g}" if s.best.rpe is not None else ""
        effort += f" RIR {s.best.rir}" if s.best.rir is not None else ""
        estimate = estimate_words(s.e1rm.kg, unit)
        tip = f"{_day(s.day)}: {estimate} from {_w(s.best.load_kg, unit)} × {s.best.reps}{effort}"
        # No link on the point: on a phone a tap should show the value, not leave the page.
        points.append(Point(s.day, _in(s.e1rm.kg, unit), tip, marked=not s.e1rm.reliable))
    series = [Series("Estimated 1RM", tuple(points))]
    words = span.words
    title = f"Estimated 1RM of the {stats.exercise.name.lower()}, {words} ({stats.formula})"
    return line_chart(series, title=title, y_unit=unit, marked_note=UNRELIABLE)


def volume_chart(stats: ExerciseStats, span: ChartSpan) -> SafeString:
    """Volume (load × reps over the counted sets) of each session."""
    unit = stats.unit
    words = span.words
    points = tuple(
        Point(
            s.day,
            _in(s.tonnage_kg, unit),
            f"{_day(s.day)}: {_w(s.tonnage_kg, unit)} in {count_words(s.sets, 'set')}",
        )
        for s in span.drawn(_by_volume)
        if s.tonnage_kg > 0
    )
    return line_chart([Series("Volume", points, "series-2")], title=f"Volume, {words}", y_unit=unit)


def hold_chart(stats: ExerciseStats, span: ChartSpan) -> SafeString:
    """The longest hold of each session, for timed exercises."""
    words = span.words
    points = tuple(
        Point(s.day, float(s.longest_s), f"{_day(s.day)}: {s.longest_s} s")
        for s in span.drawn(_by_hold)
        if s.longest_s
    )
    return line_chart([Series("Longest hold", points)], title=f"Longest hold, {words}", y_unit="s")


def weekly_sets_chart(training: TrainingWeeks) -> SafeString:
    """Hard sets per week across all exercises."""
    bars = [
        Bar(
            f"{t.start.day} {t.start:%b}",
            t.sets,
            f"Week of {_day(t.start)}: {count_words(t.sets, 'set')} in {count_words(t.sessions, 'session')}",
        )
        for t in training.totals
    ]
    return bar_chart(bars, title="Hard sets per week", y_unit="sets")


def muscle_chart(training: TrainingWeeks, muscle: str, name: str) -> SafeString:
    """One muscle's weekly hard sets against its target range."""
    row = next(m for m in training.muscles if m.muscle == muscle)
    bars = [
        Bar(f"{start.day} {start:%b}", sets, f"Week of {_day(start)}: {sets:g} sets")
        for start, sets in zip(training.weeks, row.sets, strict=True)
    ]
    return bar_chart(bars, title=f"{name}: hard sets per week", y_unit="sets", band=row.target)


def heat_map(training: TrainingWeeks) -> SafeString:
    """The body map coloured by this week's hard sets against each muscle's target."""
    levels = training.heat()
    classes = {m: f"heat-{level}" for m, level in levels.items() if level}
    labels = {
        m.muscle: f": {m.this_week:.1f} sets (target {m.target[0]}–{m.target[1]})" for m in training.muscles
    }
    return body_map_svg(classes, labels, title="Hard sets per muscle this week")


def body_weight_chart(log: BodyWeightLog, unit: str) -> SafeString:
    """Readings as points and the smoothed trend as a line."""
    readings = tuple(
        Point(
            r.date,
            _in(r.weight_kg, unit),
            f"{_day(r.date)}: {format_weight(r.weight_kg, unit, r.typed_value, r.typed_unit)}",
        )
        for r in reversed(log.rows)
    )
    trend = tuple(Point(day, _in(kg, unit), f"{_day(day)}: trend {_w(kg, unit)}") for day, kg in log.trend)
    series = [Series("Readings", readings, "series-3"), Series("Trend", trend, "trend")]
    return line_chart(series, title="Body weight", y_unit=unit)
