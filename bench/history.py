"""A lifter's whole history, week by week: sessions at plausible times, missed weeks, body weight.

Pure and deterministic: every draw comes from one `random.Random`, and the only date is `end`
(the history covers the days before it). No Django, no clock.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterator
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from bench.lifter import LB, Lifter
from bench.lifts import LIFTS, STYLES
from bench.records import History, Profile, SimBodyWeight, SimEntry, SimSet, SimWorkout

WEEK = timedelta(days=7)
#: Re-pick the exercise of each slot this often (weeks): lifters rotate accessories.
BLOCK_WEEKS = 12
SKIPPED_SESSION = 0.015
WORKOUT_NOTES = (
    "Slept badly",
    "Great session",
    "Gym was packed, changed the order",
    "Felt tired",
    "Trained with a friend",
    "Hot in the gym",
    "Hotel gym",
    "New shoes",
)
REST_S = {"main": 180, "secondary": 150, "accessory": 90}


def draw_profile(rng: random.Random, index: int) -> Profile:
    """The lifter's body and habits. Every fifth user, from the second, logs in pounds."""
    style = rng.choices(STYLES, weights=(3, 4, 3))[0]
    sex = "f" if rng.random() < 0.3 else "m"
    mean, spread = (80.0, 9.0) if sex == "m" else (63.0, 7.0)
    return Profile(
        unit="lb" if index % 5 == 2 else "kg",
        sex=sex,
        sex_shown=sex if rng.random() < 0.7 else "",
        style=style,
        weekdays=rng.choice(style.weekdays),
        start_hour=rng.choice((6.5, 7.0, 12.0, 17.0, 17.5, 18.0, 19.0, 20.0)),
        body_weight_kg=min(130.0, max(45.0, rng.gauss(mean, spread))),
        talent=min(1.3, max(0.75, rng.gauss(1, 0.12))),
        learn_rate=rng.uniform(0.006, 0.012),
        main_sets=rng.choice((4, 4, 5)),
        accessory_sets=rng.choice((3, 4, 4)),
        rep_bias=rng.choice((0, 0, 1, 2)),
        effort=rng.choices(("none", "rpe", "rir"), weights=(40, 45, 15))[0],
        amrap_last=rng.random() < 0.25,
        supersets=rng.random() < 0.3,
        names_workouts=rng.random() < 0.75,
        rest_timer=rng.random() < 0.4,
        deload_every=rng.choice((0, 0, 6, 8, 10)),
        weigh_ins=rng.choice((1, 2, 2, 3)),
    )


def simulate(index: int, seed: int, years: float, end: date, available: Collection[str] = ()) -> History:
    """User `index`'s history over `years` before `end`, drawn from `random.Random(seed + index)`.

    `available` limits the exercises to these slugs (empty: every lift in `bench.lifts`).
    """
    rng = random.Random(seed + index)
    return _Calendar(rng, draw_profile(rng, index), set(available or LIFTS)).run(years, end)


class _Calendar:
    def __init__(self, rng: random.Random, profile: Profile, available: set[str]) -> None:
        self.rng = rng
        self.p = profile
        self.available = available
        self.lifter = Lifter(rng, profile)
        self.history = History(profile)
        self.rotation = 0
        self.picks: dict[tuple[int, int], str] = {}
        self.target_weight = profile.body_weight_kg
        self.trend = rng.gauss(0.3, 1.0)  # kg a year

    def run(self, years: float, end: date) -> History:
        first = end - timedelta(days=round(years * 365.25))
        monday = first - timedelta(days=first.weekday())
        weeks = ((end - monday).days + 6) // 7
        missed = self._missed_weeks(weeks)
        weeks_off = 0
        for week in range(weeks):
            start = monday + week * WEEK
            if week % BLOCK_WEEKS == 0:
                self._pick_exercises()
            if week in missed:
                weeks_off += 1
            else:
                self._train_week(start, first, end, week, weeks_off)
                weeks_off = 0
            self._weigh_ins(start, first, end)
            self._drift()
        return self.history

    def _missed_weeks(self, weeks: int) -> set[int]:
        """Holidays and illness: 3 to 6 weeks in each year, sometimes two in a row."""
        rng = self.rng
        missed: set[int] = set()
        for block in range(0, weeks, 52):
            span = min(52, weeks - block)
            wanted = round(rng.randint(3, 6) * span / 52)
            taken = 0
            while taken < wanted:
                week = block + rng.randrange(span)
                run = 2 if rng.random() < 0.35 else 1
                new = set(range(week, min(week + run, block + span))) - missed
                missed |= new
                taken += len(new)
        return missed

    def _pick_exercises(self) -> None:
        for d, (_, slots) in enumerate(self.p.style.days):
            for s, slot in enumerate(slots):
                choices = [slug for slug in slot.choices if slug in self.available]
                if choices and ((d, s) not in self.picks or self.rng.random() < 0.4):
                    self.picks[d, s] = self.rng.choice(choices)

    def _train_week(self, start: date, first: date, end: date, week: int, weeks_off: int) -> None:
        rng = self.rng
        every = self.p.deload_every
        deload = every > 0 and week % every == every - 1
        if weeks_off:
            self.lifter.detrain(weeks_off)
            if weeks_off >= 2 and rng.random() < 0.5:
                self.lifter.ease_off()
        back = weeks_off > 0
        for weekday in self.p.weekdays:
            day = start + timedelta(days=weekday)
            if not first <= day < end or rng.random() < SKIPPED_SESSION:
                continue
            self.history.workouts.append(self._session(day, deload, back))
            back = False

    def _session(self, day: date, deload: bool, back: bool) -> SimWorkout:
        rng = self.rng
        days = self.p.style.days
        index = self.rotation % len(days)
        self.rotation += 1
        name, slots = days[index]
        chosen = [
            (slot.role, self.picks[index, s]) for s, slot in enumerate(slots) if (index, s) in self.picks
        ]
        notes = ""
        if len(chosen) > 3 and rng.random() < 0.05:
            chosen.pop()
            notes = "Short on time" if rng.random() < 0.5 else ""
        form = rng.gauss(1, 0.025)
        entries = [self.lifter.entry(slug, role, form, deload) for role, slug in chosen]
        if self.p.supersets and len(entries) >= 4 and rng.random() < 0.7:
            for entry in entries[-2:]:
                entry.superset_group = "A"
        start = self._start_time(day)
        finish = self._timeline(start, entries)
        if back and rng.random() < 0.4:
            notes = "Back after a break"
        elif deload and rng.random() < 0.3:
            notes = "Deload week"
        elif not notes and rng.random() < 0.05:
            notes = rng.choice(WORKOUT_NOTES)
        pain = any(one.felt_pain for entry in entries for one in entry.sets)
        return SimWorkout(name if self.p.names_workouts else "", start, finish, entries, notes, pain)

    def _start_time(self, day: date) -> datetime:
        rng = self.rng
        hour = rng.gauss(10, 1) if day.weekday() >= 5 else rng.gauss(self.p.start_hour, 0.35)
        seconds = round(min(21.0, max(5.5, hour)) * 3600)
        return datetime.combine(day, time(), tzinfo=UTC) + timedelta(seconds=seconds)

    def _timeline(self, start: datetime, entries: list[SimEntry]) -> datetime:
        """Give every set its time, supersets alternating; returns when the workout finished."""
        rng = self.rng
        t = start + timedelta(seconds=rng.randint(180, 600))
        for group in _supersets(entries):
            for entry, one in _alternating(group):
                work = (one.duration_s or 0) + 3 * (one.reps or 0) + rng.randint(5, 20)
                t += timedelta(seconds=work)
                one.performed_at = t
                if one.set_type == "warmup":
                    rest = rng.randint(40, 90)
                elif entry is not group[-1]:
                    rest = rng.randint(15, 45)  # straight on to the other half of the superset
                else:
                    rest = round(REST_S[entry.role] * rng.uniform(0.75, 1.35))
                t += timedelta(seconds=rest)
            t += timedelta(seconds=rng.randint(60, 180))
        return t + timedelta(seconds=rng.randint(60, 360))

    def _weigh_ins(self, start: date, first: date, end: date) -> None:
        rng = self.rng
        count = min(3, max(1, self.p.weigh_ins + rng.choice((-1, 0, 0, 1))))
        for weekday in sorted(rng.sample(range(7), count)):
            day = start + timedelta(days=weekday)
            if first <= day < end:
                kg = self.lifter.body_weight + rng.gauss(0, 0.45)
                self.history.body_weights.append(SimBodyWeight(day, self._scale(kg)))

    def _scale(self, kg: float) -> Decimal:
        """A bathroom scale's reading: 0.1 kg steps, or 0.2 lb steps."""
        if self.p.unit == "lb":
            return Decimal(round(kg / LB * 5)) / 5
        return Decimal(round(kg * 10)) / 10

    def _drift(self) -> None:
        """Body weight follows a slowly moving target, with week-to-week noise."""
        rng = self.rng
        start = self.p.body_weight_kg
        target = self.target_weight + self.trend / 52 + rng.gauss(0, 0.05)
        self.target_weight = min(start + 15, max(start - 15, target))
        weight = self.lifter.body_weight
        self.lifter.body_weight = weight + 0.1 * (self.target_weight - weight) + rng.gauss(0, 0.2)


def _supersets(entries: list[SimEntry]) -> Iterator[list[SimEntry]]:
    """Consecutive entries of one superset group together; every other entry alone."""
    group: list[SimEntry] = []
    for entry in entries:
        if group and not (entry.superset_group and entry.superset_group == group[-1].superset_group):
            yield group
            group = []
        group.append(entry)
    if group:
        yield group


def _alternating(group: list[SimEntry]) -> Iterator[tuple[SimEntry, SimSet]]:
    for i in range(max(len(entry.sets) for entry in group)):
        for entry in group:
            if i < len(entry.sets):
                yield entry, entry.sets[i]
