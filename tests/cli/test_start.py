"""A command's start: Django and Repbook load with the garbage collector paused, and what they
built is set aside afterwards, so it does not scan them while they load nor in later passes."""

from __future__ import annotations

import gc

import pytest

from repbook.cli.context import loading


def test_modules_load_with_the_collector_paused_and_it_runs_again_after() -> None:
    assert gc.isenabled()
    before = gc.get_freeze_count()
    try:
        with loading():
            assert not gc.isenabled()
            kept = [object() for _ in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    try:
        with loading():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_the_collector_runs_again_when_loading_fails() -> None:
    try:
        with pytest.raises(ValueError), loading():
            raise ValueError("settings that cannot be used")
        assert gc.isenabled()
    finally:
        gc.unfreeze()
