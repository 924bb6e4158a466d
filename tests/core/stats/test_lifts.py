from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from repbook.core.stats.lifts import (
    LoggedSet,
    RepsFrontier,
    body_weight_on,
    lifted_load,
    records,
    rep_max_records,
    rep_maxes,
    sessions,
)

D = Decimal


def s(day: int, workout: int, load: str | None, reps: int | None, **kw: object) -> LoggedSet:
    return LoggedSet(date(2026, 1, day), workout, D(load) if load is not None else None, reps, **kw)  # type: ignore[arg-type]


def test_session_totals_leave_warmups_out() -> None:
    rows = [s(5, 1, "60", 5, set_type="warmup"), s(5, 1, "100", 5), s(5, 1, "100", 4)]
    (session,) = sessions(rows)
    assert (session.sets, session.reps, session.tonnage_kg) == (2, 9, D(900))
    assert session.best == rows[1]
    assert session.e1rm is not None and round(session.e1rm.kg, 2) == 116.67
    assert session.e1rm.reliable and not session.e1rm.from_rpe


def test_rpe_logged_set_uses_the_chart_and_the_users_formula_otherwise() -> None:
    (with_rpe,) = sessions([s(5, 1, "100", 5, rpe=D(8))])
    assert with_rpe.e1rm is not None and with_rpe.e1rm.from_rpe
    assert round(with_rpe.e1rm.kg, 1) == 123.3  # 100 / 0.811
    (with_rir,) = sessions([s(5, 1, "100", 5, rir=2)])
    assert with_rir.e1rm == with_rpe.e1rm
    (brzycki,) = sessions([s(5, 1, "100", 5)], formula="brzycki")
    assert brzycki.e1rm is not None and round(brzycki.e1rm.kg, 2) == 112.5


def test_a_reliable_set_beats_a_bigger_unreliable_estimate() -> None:
    (session,) = sessions([s(5, 1, "60", 20), s(5, 1, "80", 8)])
    assert session.best is not None and session.best.reps == 8
    (only_high,) = sessions([s(5, 1, "60", 20)])
    assert only_high.e1rm is not None and not only_high.e1rm.reliable


def test_rep_maxes_use_at_least_that_many_reps_and_the_first_date() -> None:
    rows = [s(1, 1, "100", 5), s(3, 2, "110", 2), s(8, 3, "100", 5), s(9, 4, "90", 8)]
    table = {r.reps: r for r in rep_maxes(rows)}
    assert table[1].load_kg == D(110) and table[2].load_kg == D(110)
    assert table[3].load_kg == D(100) and table[3].done_reps == 5 and table[5].day == date(2026, 1, 1)
    assert table[8].load_kg == D(90) and 9 not in table


def test_rep_max_records_are_the_rep_counts_a_workout_did_heavier_than_before() -> None:
    rows = [s(1, 1, "100", 5), s(1, 1, "110", 2), s(3, 2, "105", 5), s(3, 2, "90", 8), s(3, 2, "60", 3)]
    found = {r.reps: (r.value, r.previous) for r in rep_max_records(rows, 2)}
    # 5 reps: 105 beats 100; 8 reps were never done before; 3 reps at 60 is no record; the 105 × 5
    # proves 105 for 3 reps too, but only the counts a set really did are named.
    assert found == {5: (D(105), D(100))}
    assert rep_max_records(rows, 1) == [], "the first session breaks nothing"
    assert rep_max_records(rows, 9) == []


def test_records_broken_after_the_first_session() -> None:
    rows = [
        s(1, 1, "100", 5),
        s(1, 1, "100", 5),
        s(3, 2, "100", 6),  # more reps at 100: reps record, e1RM record; less tonnage
        s(5, 3, "105", 5),
        s(5, 3, "105", 5),
        s(5, 3, "105", 5),
    ]
    found = records(sessions(rows), rows)
    kinds = [(r.day.day, r.kind, r.value, r.previous) for r in found]
    assert (1, "e1rm", D("116.67"), D("116.67")) not in kinds  # the first session breaks nothing
    assert (3, "reps", D(6), D(5)) in kinds
    assert (3, "e1rm", D("120.00"), D("116.67")) in kinds
    assert (5, "weight", D(105), D(100)) in kinds
    assert (5, "tonnage", D(1575), D(1000)) in kinds
    assert not [r for r in found if r.day.day == 3 and r.kind in ("weight", "tonnage")]


def test_a_high_rep_e1rm_record_is_marked_and_does_not_block_reliable_records() -> None:
    rows = [s(1, 1, "100", 5), s(3, 2, "80", 25), s(5, 3, "102.5", 5)]
    found = [r for r in records(sessions(rows), rows) if r.kind == "e1rm"]
    assert [(r.day.day, r.reliable) for r in found] == [(3, False), (5, True)]
    assert found[1].previous == D("116.67")  # compared with the reliable best, not the 25-rep guess


def test_timed_sets_give_hold_records() -> None:
    rows = [s(1, 1, None, None, duration_s=45), s(3, 2, None, None, duration_s=60)]
    found = records(sessions(rows), rows)
    assert [(r.kind, r.value, r.previous) for r in found] == [("hold", D(60), D(45))]


def test_body_weight_on_a_day_and_lifted_load() -> None:
    readings = [(date(2026, 1, 1), D(80)), (date(2026, 1, 10), D(82))]
    assert body_weight_on(readings, date(2025, 12, 1)) == D(80)  # before any reading: the first
    assert body_weight_on(readings, date(2026, 1, 9)) == D(80)
    assert body_weight_on(readings, date(2026, 1, 10)) == D(82)
    assert body_weight_on([], date(2026, 1, 10)) is None
    assert lifted_load(D(10), D(0), D(80)) == D(10)
    assert lifted_load(D(5), D("0.95"), D(80)) == D(81)
    assert lifted_load(D(-20), D("0.95"), D(80)) == D(56)
    assert lifted_load(D(5), D("0.95"), None) is None


@given(
    st.lists(
        st.tuples(
            st.integers(1, 28),
            st.integers(1, 6),
            st.decimals(min_value=1, max_value=400, places=1),
            st.integers(0, 40),
        ),
        max_size=40,
    )
)
def test_records_always_beat_what_they_replace(raw: list[tuple[int, int, Decimal, int]]) -> None:
    # Workouts keep to one day each, as real ones do.
    days = {w: d for d, w, _, _ in raw}
    rows = [s(days[w], w, str(load), reps) for _, w, load, reps in raw]
    stats = sessions(rows)
    assert [x.day for x in stats] == sorted(x.day for x in stats)
    for record in records(stats, rows):
        assert record.value > record.previous
    table = rep_maxes(rows)
    assert [r.load_kg for r in table] == sorted((r.load_kg for r in table), reverse=True)


def test_rep_maxes_do_not_depend_on_the_order_sets_arrive_in() -> None:
    # Two sets at 80 kg in one workout (5 and 3 reps), another workout the same day at 80 kg too:
    # the 2-rep max is the earliest workout's set with the most reps, whatever the order.
    rows = [s(4, 7, "80", 3), s(4, 7, "80", 5), s(4, 9, "80", 6)]
    for order in (rows, rows[::-1], [rows[1], rows[2], rows[0]]):
        table = {m.reps: (m.load_kg, m.done_reps, m.workout_id) for m in rep_maxes(order)}
        assert table[2] == (D("80"), 5, 7) and table[5] == (D("80"), 5, 7) and table[6] == (D("80"), 6, 9)


@given(
    st.lists(
        st.tuples(st.integers(1, 40).map(lambda n: D(n) * D("2.5")), st.integers(1, 30)),
        max_size=60,
    ),
    st.lists(st.integers(1, 40).map(lambda n: D(n) * D("2.5")), min_size=1, max_size=10),
)
def test_the_reps_frontier_answers_as_every_load_would(
    done: list[tuple[Decimal, int]], asked: list[Decimal]
) -> None:
    """The most reps at or above a load, from the frontier, equal the walk over every load."""
    frontier, every = RepsFrontier(), {}
    for load, reps in done:
        frontier.add(load, reps)
        every[load] = max(every.get(load, 0), reps)
        for question in asked:
            expected = max((r for w, r in every.items() if w >= question), default=None)
            assert frontier.most_at_or_above(question) == expected
    assert frontier.loads == sorted(set(frontier.loads))
    assert frontier.reps == sorted(frontier.reps, reverse=True)
