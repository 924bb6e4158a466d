"""Mangled files get a clear refusal or a report with skipped lines, and a refusal writes nothing.

Truncated exports, a wrong delimiter, binary junk, huge fields and random bytes go through the whole
import (detection, parsing, matching, checks, writing) against a real database.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repbook.services.transfer.imports import ImportOptions, ImportRefused, import_file
from repbook.storage.models import BodyWeight, Exercise, Set, Workout

FIXTURES = sorted((Path(__file__).parents[1] / "importers" / "fixtures").glob("*.[cj]s*"))
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def rows_of(user: object) -> tuple[int, int, int, int]:
    return (
        Workout.objects.filter(owner=user).count(),
        Set.objects.filter(owner=user).count(),
        BodyWeight.objects.filter(owner=user).count(),
        Exercise.objects.filter(owner=user).count(),
    )


def attempt(user: object, data: bytes) -> None:
    """Import for real; a refusal must name a field and leave the account as it was."""
    before = rows_of(user)
    try:
        report = import_file(user, data, ImportOptions(create_missing=True))
    except ImportRefused as exc:
        assert exc.field in ("file", "format", "unit", "mapping") and exc.message
        assert rows_of(user) == before
        return
    assert all(p.message for p in report.problems)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_truncation_of_every_sample(alice, path):
    data = path.read_bytes()
    for cut in range(0, len(data), max(len(data) // 25, 1)):
        attempt(alice, data[:cut])


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_wrong_delimiters_and_junk(alice, path):
    data = path.read_bytes()
    attempt(alice, data.replace(b",", b"\t"))
    attempt(alice, data.replace(b";", b","))
    attempt(alice, data.replace(b'"', b""))
    attempt(alice, data[:200] + bytes(range(256)) + data[200:])
    attempt(alice, data.decode().encode("utf-16"))


def test_huge_fields_and_lines(alice):
    header = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,"
        "Distance,Seconds,Notes,Workout Notes,RPE\n"
    )
    row = '2026-03-02 18:05:12,"Pull A",1h,"Deadlift (Barbell)",1,{w},5,0,0,"{n}",,\n'
    attempt(alice, (header + row.format(w="9" * 20000, n="")).encode())
    attempt(alice, (header + row.format(w="100", n="x" * 200_000)).encode())
    attempt(alice, (header + row.format(w="100", n="note " * 1000)).encode())
    attempt(alice, (header + '2026-03-02 18:05:12,"Pull A' + "x" * 300_000).encode())


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(alice, data):
    attempt(alice, data)


@FUZZ
@given(cells=st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=14), max_size=12))
def test_random_rows_under_real_headers(alice, cells):
    for path in FIXTURES:
        if path.suffix != ".csv":
            continue
        header = path.read_bytes().splitlines()[0]
        body = "\n".join(",".join(row) for row in cells).encode()
        attempt(alice, header + b"\n" + body)
