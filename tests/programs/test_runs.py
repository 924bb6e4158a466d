"""Each built-in program played for twelve weeks or more through the services the CLI and web use:
every session's prescription is checked against a table written from the program's own rules
(tests/programs/runs/, each naming its source), then the session is logged as the table says."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from repbook.services.program.programs import set_training_max, start_program
from repbook.storage.models import User
from tests.programs.runner import play, read_table

#: program slug -> its table; at least 12 weeks of sessions each (days a week × 12).
RUNS = {
    "5x5-linear": ("5x5-linear.txt", 3),
    "gzclp": ("gzclp.txt", 3),
    "531": ("531.txt", 4),
    "back-workout": ("back-workout.txt", 2),
    "beginner-full-body": ("beginner-full-body.txt", 3),
    "bodyweight": ("bodyweight.txt", 3),
    "push-pull-legs": ("push-pull-legs.txt", 6),
}
#: Training maxes set by hand (as `repbook program tm` does) before a run starts.
TRAINING_MAXES = {
    "531": {"overhead-press": "40", "deadlift": "100", "bench-press": "60", "back-squat": "80"},
}


@pytest.mark.parametrize("slug", sorted(RUNS))
def test_a_program_played_for_twelve_weeks(alice: User, slug: str) -> None:
    table, per_week = RUNS[slug]
    start_program(alice, slug)
    for lift, load in TRAINING_MAXES.get(slug, {}).items():
        set_training_max(alice, slug, lift, Decimal(load))
    assert play(alice, table) >= 12 * per_week


def test_every_table_names_its_source() -> None:
    for table, _ in RUNS.values():
        assert read_table(table)
        assert "# Source:" in (Path(__file__).parent / "runs" / table).read_text(encoding="utf-8")
