from __future__ import annotations

from datetime import date

from repbook.core.guidance import frequency_advice, new_exercise_advice, pain_advice, volume_ramp_advice


def test_new_exercise_starts_light_then_builds_up() -> None:
    first = new_exercise_advice("Back Extension", 0)
    assert first is not None and "Start light" in first.message and "two sets" in first.message
    assert "not logged the back extension" in first.reason and first.source
    second = new_exercise_advice("Back Extension", 1)
    assert second is not None and "gradually" in second.message and "once" in second.reason
    assert new_exercise_advice("Back Extension", 3) is None


def test_volume_ramp_flags_big_jumps_only() -> None:
    jump = volume_ramp_advice("Lats", 18, 9)
    assert jump is not None and jump.level == "caution"
    assert jump.reason == "18 sets this week against 9.0 a week on average (200 %)"
    assert "not an injury prediction" in jump.source
    assert volume_ramp_advice("Lats", 4, 2) is None  # double, but only 2 sets more
    assert volume_ramp_advice("Lats", 12, 10) is None
    sudden = volume_ramp_advice("Lats", 12, 0)
    assert sudden is not None and "no lats training" in sudden.reason
    assert volume_ramp_advice("Lats", 6, 0) is None


def test_pain_means_time_off_then_a_careful_return() -> None:
    pain_day = date(2026, 11, 10)
    off = pain_advice("Back Extension", pain_day, date(2026, 11, 12), 0)
    assert off is not None and "one to two weeks off the back extension" in off.message
    assert "17 Nov" in off.message and off.reason == "you reported pain in it on 10 Nov"
    back = pain_advice("Back Extension", pain_day, date(2026, 11, 25), 1)
    assert back is not None and "lighter" not in back.message and "review your form" in back.message
    assert pain_advice("Back Extension", pain_day, date(2026, 12, 25), 3) is None
    # Two weeks later and not back yet: the reminder for the return.
    later = pain_advice("Back Extension", pain_day, date(2026, 11, 30), 0)
    assert later is not None and "coming back after pain" in later.message


def test_frequency_against_twice_a_week() -> None:
    once = frequency_advice("Chest", 1.0, 12)
    assert (
        once is not None
        and "2 days a week" in once.message
        and "12.0 sets a week on 1 day a week" in once.reason
    )
    rarely = frequency_advice("Chest", 1.3, 12)
    assert (
        rarely is not None and "on about 1 day a week" in rarely.reason
    )  # days are whole, as lifters count them
    assert frequency_advice("Chest", 2.0, 12) is None
    assert frequency_advice("Neck", 1.0, 2) is None
