"""One simulated lifter's lifts: true strength, the loads they pick, and the sets that come out.

Each lift has a true one-rep max that grows towards a personal ceiling, less the closer it gets.
The lifter picks loads by a simple rule (add a step after a good session, repeat after a miss,
take 10 % off after three misses, and add more slowly after each such deload), so progress is
linear at first, then slows, with failed sessions and deloads along the way. Reps a set can get
follow Epley's formula: max reps = 30 × (1RM / load − 1).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from bench.lifts import LIFTS, Lift
from bench.records import Profile, SimEntry, SimSet
from repbook.core.units import KG_PER_LB
from repbook.core.warmup import warmup_ramp

LB = float(KG_PER_LB)
D = Decimal
#: The smallest jump a lifter makes, by unit and gear.
STEPS: dict[str, dict[str, Decimal]] = {
    "kg": {"barbell": D("2.5"), "dumbbell": D(2), "machine": D(5), "cable": D("2.5"), "bodyweight": D("2.5")},
    "lb": {"barbell": D(5), "dumbbell": D(5), "machine": D(10), "cable": D(5), "bodyweight": D(5)},
}
BARS = {"kg": D(20), "lb": D(45)}
#: A deadlift starts from the floor, so its lightest warm-up has full-size plates on.
FLOOR_LOADS = {"kg": D(60), "lb": D(135)}
#: How much a woman's ceiling is of a man's, for upper- and lower-body lifts.
FEMALE_SHARE = {True: 0.6, False: 0.75}
#: Reps lost on each further set of an exercise (fatigue).
FATIGUE = 0.6

SET_NOTES = (
    "felt heavy",
    "felt easy",
    "paused reps",
    "slow eccentric",
    "belt",
    "straps",
    "grip was the limit",
    "lost tightness on the last rep",
    "form broke down on the last rep",
    "new gym, different equipment",
)
PAIN_NOTES = ("left knee twinge", "lower back tight", "right shoulder pinch", "elbow ache", "wrist sore")
ENTRY_NOTES = (
    "seat 4",
    "narrow grip",
    "wide grip",
    "pin 6",
    "V-bar handle",
    "left side weaker",
    "tempo 3-1-1",
)


@dataclass(slots=True)
class LiftState:
    lift: Lift
    strength: float  # true 1RM in kg, the body share included (timed: seconds one can hold)
    load: Decimal  # the lifter's working weight as typed (bodyweight: added load; timed: target seconds)
    reps: int  # current rep target
    misses: int = 0
    successes: int = 0
    patience: int = 1  # good sessions needed before the next step up


def on_grid(value: float, step: Decimal) -> Decimal:
    """`value` to the nearest multiple of `step`."""
    return step * round(value / float(step))


class Lifter:
    """Builds one lifter's entries session by session; every draw comes from `rng`."""

    def __init__(self, rng: random.Random, profile: Profile) -> None:
        self.rng = rng
        self.p = profile
        self.body_weight = profile.body_weight_kg
        self.states: dict[str, LiftState] = {}
        self.steps = STEPS[profile.unit]
        self.bar = BARS[profile.unit]
        self.per_unit = LB if profile.unit == "lb" else 1.0

    # -- strength ----------------------------------------------------------------------------

    def ceiling(self, lift: Lift) -> float:
        if lift.gear == "timed":
            return lift.ceiling * self.p.talent
        share = FEMALE_SHARE[lift.upper] if self.p.sex == "f" else 1.0
        return lift.ceiling * self.body_weight * self.p.talent * share

    def state(self, slug: str) -> LiftState:
        if slug not in self.states:
            self.states[slug] = self._first_state(LIFTS[slug])
        return self.states[slug]

    def _first_state(self, lift: Lift) -> LiftState:
        # A lift picked up after years of training starts about as far along as the others.
        trained = [s.strength / self.ceiling(s.lift) for s in self.states.values()]
        level = 0.9 * sum(trained) / len(trained) if trained else self.rng.uniform(0.45, 0.6)
        # Most people can lift their own body better than a barbell when they start.
        strength = self.ceiling(lift) * max(level, 0.65 if lift.gear == "bodyweight" else 0.45)
        low = lift.reps[0]
        if lift.gear == "timed":
            return LiftState(lift, strength, D(max(low, 5 * round(0.5 * strength / 5))), low)
        reps = low
        total_kg = strength / (1 + (reps + 2) / 30)
        if lift.gear == "bodyweight":
            added = total_kg - self.body_weight * lift.bodyweight
            load = D(0)
            if added < 0 and lift.loadable:
                # Too weak for the bottom of the range: band or machine assistance (a negative load).
                step = self._step(lift)
                load = -step * math.ceil(-added / self.per_unit / float(step))
            return LiftState(lift, strength, load, reps)
        load = max(on_grid(0.85 * total_kg / self.per_unit, self._step(lift)), self._lightest(lift))
        return LiftState(lift, strength, load, reps)

    def _step(self, lift: Lift) -> Decimal:
        return D(5) if lift.gear == "timed" else self.steps[lift.gear]

    def _lightest(self, lift: Lift) -> Decimal:
        return self.bar if lift.gear == "barbell" else self._step(lift)

    def load_kg(self, lift: Lift, typed: Decimal) -> float:
        body = self.body_weight * lift.bodyweight
        return body + float(typed) * self.per_unit

    def grow(self, lift: Lift, state: LiftState, deload: bool) -> None:
        gap = self.ceiling(lift) - state.strength
        state.strength += (
            self.p.learn_rate * gap * (0.5 if deload else 1.0) * max(0.0, self.rng.gauss(1, 0.3))
        )

    def detrain(self, weeks: int) -> None:
        for state in self.states.values():
            state.strength *= 0.99**weeks

    def ease_off(self) -> None:
        """Back after a break: the careful lifter takes 10 % off everything."""
        for state in self.states.values():
            self._deload(state)

    # -- one entry ---------------------------------------------------------------------------

    def entry(self, slug: str, role: str, form: float, deload: bool) -> SimEntry:
        """The sets of one exercise in today's session, and the lifter's next step for it."""
        lift = LIFTS[slug]
        state = self.state(slug)
        rng = self.rng
        linear = role == "main" and lift.gear == "barbell"
        load = self._deload_load(state) if deload else state.load
        target = self._main_reps(lift) if linear else int(load) if lift.gear == "timed" else state.reps
        count = self.p.main_sets if role == "main" else self.p.accessory_sets
        count = max(2, count - 1) if deload else count
        strength = state.strength * form * rng.gauss(1, 0.015)
        sets = self._warmups(lift, role, load)
        working = self._working(lift, role, strength, load, target, count)
        sets += working
        if lift.gear in ("dumbbell", "machine", "cable") and rng.random() < 0.04:
            sets.append(self._drop_set(lift, strength, load, target, count))
        entry = SimEntry(slug, role, sets)
        if rng.random() < 0.03:
            entry.notes = rng.choice(ENTRY_NOTES)
        if self.p.rest_timer:
            entry.rest_s = {"main": 180, "secondary": 150}.get(role, 90)
        if not deload:
            self._progress(state, linear, all(self._met(s, target) for s in working))
        self.grow(lift, state, deload)
        return entry

    def _main_reps(self, lift: Lift) -> int:
        low, high = lift.reps
        return min(high, low + self.p.rep_bias)

    def _deload_load(self, state: LiftState) -> Decimal:
        if state.lift.gear in ("timed", "bodyweight"):
            return state.load
        return max(on_grid(float(state.load) * 0.9, self._step(state.lift)), self._lightest(state.lift))

    def _warmups(self, lift: Lift, role: str, load: Decimal) -> list[SimSet]:
        if lift.gear != "barbell" or role == "accessory":
            return []
        step = self.steps["barbell"]
        if role == "main":
            ramp = [(w.weight, w.reps) for w in warmup_ramp(load, self.bar, step)]
            if lift.slug == "deadlift":
                floor = FLOOR_LOADS[self.p.unit]
                ramp = [(floor, 5)] * (load > floor) + [(w, r) for w, r in ramp if floor < w]
            return [SimSet("warmup", w, r) for w, r in ramp]
        lighter = (load * D("0.6") / step).to_integral_value(ROUND_FLOOR) * step
        return [SimSet("warmup", max(lighter, self.bar), 5)] if load > self.bar + step else []

    def _max_reps(self, lift: Lift, strength: float, load: Decimal, done_sets: int) -> float:
        if lift.gear == "timed":
            return strength - 8 * done_sets
        return 30 * (strength / max(self.load_kg(lift, load), 1.0) - 1) - FATIGUE * done_sets

    def _working(
        self, lift: Lift, role: str, strength: float, load: Decimal, target: int, count: int
    ) -> list[SimSet]:
        rng = self.rng
        sets: list[SimSet] = []
        for i in range(count):
            best = self._max_reps(lift, strength, load, i)
            if lift.gear == "timed":
                held = int(max(10, min(float(load), 5 * (best // 5))))
                sets.append(SimSet("working", None, None, duration_s=held))
                continue
            kind, reps = "working", target if best >= target else max(1, int(best))
            last = i == count - 1
            if last and role == "main" and (self.p.amrap_last or rng.random() < 0.02):
                kind, reps = "amrap", max(1, min(target + 10, int(best)))
            elif last and role == "accessory" and rng.random() < 0.01:
                kind, reps = "failure", max(1, int(best))
            one = SimSet(kind, self._typed(lift, load), reps)
            self._effort(one, role, best, reps < target and kind != "amrap")
            self._remark(one, reps < target)
            sets.append(one)
        return sets

    def _drop_set(self, lift: Lift, strength: float, load: Decimal, target: int, count: int) -> SimSet:
        lighter = max(on_grid(float(load) * self.rng.uniform(0.7, 0.8), self._step(lift)), self._step(lift))
        best = self._max_reps(lift, strength, lighter, count + 1)
        one = SimSet("drop", lighter, max(1, min(target + 4, int(best))))
        self._effort(one, "accessory", best, failed=False)
        return one

    def _typed(self, lift: Lift, load: Decimal) -> Decimal | None:
        # A bodyweight set without added load is logged without a weight, as the quick log does.
        return None if lift.gear == "bodyweight" and load == 0 else load

    def _effort(self, one: SimSet, role: str, best: float, failed: bool) -> None:
        rng = self.rng
        left = 0.0 if failed or one.set_type == "failure" else max(0.0, best - (one.reps or 0))
        if self.p.effort == "rpe" and rng.random() < (0.6 if role == "main" else 0.25):
            guess = 10 - left + rng.gauss(0, 0.5)
            one.rpe = D(10) if left == 0 else D(round(min(10.0, max(6.0, guess)) * 2)) / 2
        elif self.p.effort == "rir" and rng.random() < 0.4:
            one.rir = 0 if left == 0 else min(5, max(0, round(left + rng.gauss(0, 0.7))))

    def _remark(self, one: SimSet, failed: bool) -> None:
        rng = self.rng
        if rng.random() < 0.001:
            one.felt_pain, one.notes = True, rng.choice(PAIN_NOTES)
        elif failed and rng.random() < 0.2:
            one.notes = "missed the last rep"
        elif rng.random() < 0.012:
            one.notes = rng.choice(SET_NOTES)

    @staticmethod
    def _met(one: SimSet, target: int) -> bool:
        if one.duration_s is not None:
            return one.duration_s >= target
        return (one.reps or 0) >= target or one.set_type == "failure"

    # -- the next session --------------------------------------------------------------------

    def _progress(self, state: LiftState, linear: bool, success: bool) -> None:
        lift = state.lift
        if not success:
            state.misses += 1
            state.successes = 0
            if state.misses >= 3:
                self._deload(state)
                state.patience = min(state.patience + 1, 6)
            return
        state.misses = 0
        if lift.gear == "timed":
            state.load = min(state.load + 5, D(lift.reps[1]))
        elif linear:
            state.successes += 1
            if state.successes >= state.patience:
                state.load += self._step(lift)
                state.successes = 0
        else:
            state.reps += 1
            if state.reps > lift.reps[1]:
                if lift.gear == "bodyweight" and not lift.loadable:
                    state.reps = lift.reps[1]
                else:
                    state.load += self._step(lift)
                    state.reps = lift.reps[0]

    def _deload(self, state: LiftState) -> None:
        state.misses = 0
        lift = state.lift
        if lift.gear == "timed":
            state.load = max(D(lift.reps[0]), state.load - 10)
        elif lift.gear == "bodyweight":
            state.reps = lift.reps[0]
            if lift.loadable:
                state.load -= self._step(lift)
        else:
            state.load = max(on_grid(float(state.load) * 0.9, self._step(lift)), self._lightest(lift))
            state.reps = lift.reps[0]
