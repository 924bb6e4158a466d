"""Stored JSON values (targets, loads set by hand, equipment steps) read with bounds or refused by path."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repbook.core.program_text import MAX_SETS
from repbook.core.stored import (
    MAX_GROUPS,
    StoredValueError,
    read_increments,
    read_override,
    read_set_target,
    read_target,
)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
GROUP_KEYS = ["sets", "reps_min", "reps_max", "seconds", "amrap", "set_type", "weight_kg", "rpe", "reason"]
GROUPS = st.lists(st.dictionaries(st.sampled_from(GROUP_KEYS), JSON, max_size=9), max_size=25)


@settings(max_examples=200, deadline=None)
@given(value=JSON | st.fixed_dictionaries({"groups": GROUPS}))
def test_any_json_reads_as_a_bounded_target_or_a_path_error(value: Any) -> None:
    try:
        target = read_target(value)
    except StoredValueError as exc:
        assert exc.field.startswith("target")
        return
    if target is not None:
        assert len(target["groups"]) <= MAX_GROUPS
        assert all(1 <= g["sets"] <= MAX_SETS for g in target["groups"])


@settings(max_examples=100, deadline=None)
@given(value=JSON)
def test_the_other_readers_answer_or_name_the_path(value: Any) -> None:
    for read in (read_set_target, read_override, read_increments):
        try:
            read(value)
        except StoredValueError as exc:
            assert exc.message


def test_a_target_as_the_program_writes_it_reads_back_unchanged() -> None:
    group = {"sets": 3, "reps_min": 8, "reps_max": 12, "seconds": None, "amrap": False,
             "set_type": "working", "weight_kg": "61.235", "rpe": None, "reason": "up 2.5 kg"}  # fmt: skip
    target = {"reason": "why", "caution": "", "rule": "double", "groups": [group]}
    assert read_target(target) == target


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ({"groups": [{"sets": 10**9}]}, "target.groups[0].sets"),
        ({"groups": [{"sets": 2, "weight_kg": "abc"}]}, "target.groups[0].weight_kg"),
        ({"groups": [{"sets": 2, "reason": "\ud800"}]}, "target.groups[0].reason"),
        ({"groups": [{"sets": 2}] * (MAX_GROUPS + 1)}, "target.groups"),
    ],
)
def test_bad_values_are_named_by_path(value: Any, path: str) -> None:
    with pytest.raises(StoredValueError) as caught:
        read_target(value)
    assert caught.value.field == path


def test_tiny_weights_are_kept_to_the_gram() -> None:
    assert read_override({"after": 1, "load_kg": "1e-999999"}) == {"after": 1, "load_kg": "0.000"}
    assert read_increments({"barbell": 2.5}) == {"barbell": "2.5"}
