"""Build sessions and contexts for the progression tests from program lines and short set lists."""

from __future__ import annotations

from decimal import Decimal

from repbook.core.loadable import Loading
from repbook.core.program import Prescription
from repbook.core.program_text import parse_program
from repbook.core.progression import BestSet, Context, DoneSet, Override, Plan, Session, State, replay

D = Decimal


def line(text: str) -> Prescription:
    """The prescription written on one program line."""
    return parse_program(f"Program: Test\nDay: A\n{text}\n").days[0].prescriptions[0]


def context(
    kind: str = "barbell", unit: str = "kg", step: str = "2.5", base: str = "20", **changes: object
) -> Context:
    loading = Loading(kind, unit, D(step), D(base) if kind == "barbell" else D(0))  # type: ignore[arg-type]
    values: dict[str, object] = {"unit": unit, "loading": loading, "increment_kg": loading.step_kg}
    values.update(changes)
    return Context(**values)  # type: ignore[arg-type]


def sets(weight: str | None, *reps: int, rpe: str | None = None, pain: bool = False) -> tuple[DoneSet, ...]:
    return tuple(
        DoneSet(D(weight) if weight is not None else None, r, rpe=D(rpe) if rpe else None, pain=pain)
        for r in reps
    )


class Walk:
    """Sessions of one prescription, one at a time, keeping every plan and reason along the way."""

    def __init__(self, prescription: Prescription, ctx: Context, override: Override | None = None) -> None:
        self.prescription = prescription
        self.ctx = ctx
        self.override = override
        self.sessions: list[Session] = []

    def plan(self) -> Plan:
        return self.state_and_plan()[1]

    def state_and_plan(self) -> tuple[State, Plan]:
        p = self.prescription
        return replay(p.rule, self.sessions, p.groups, self.ctx, self.override)

    def did(
        self, done: tuple[DoneSet, ...], *, week: int = 1, last_week: bool = False, groups: object = None
    ) -> Plan:
        """Log a session and return the plan for the next one."""
        chosen = groups if groups is not None else self.prescription.groups
        self.sessions.append(Session(done, chosen, week=week, last_week=last_week))  # type: ignore[arg-type]
        return self.plan()


def loads(plan: Plan) -> list[Decimal | None]:
    return [g.load_kg for g in plan.groups]


def best(weight: str, reps: int, e1rm: str) -> BestSet:
    return BestSet(D(weight), reps, D(e1rm))
