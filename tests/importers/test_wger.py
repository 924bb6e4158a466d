"""wger: the body weight CSVs and the REST API pages field by field, bad entries, detection."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repbook.core.imported import ImportFileError, ParsedFile
from repbook.importers import wger
from repbook.importers.common import decode

FIXTURES = Path(__file__).parent / "fixtures"
LOG_PAGE_TEXT = decode((FIXTURES / "wger_api_v2_workoutlog_page.json").read_bytes())
SESSION_PAGE_TEXT = decode((FIXTURES / "wger_api_v2_workoutsession_page.json").read_bytes())
LOG_PAGE: dict[str, Any] = json.loads(LOG_PAGE_TEXT)
SESSION_PAGE: dict[str, Any] = json.loads(SESSION_PAGE_TEXT)
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
)
HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
    '"set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"'
)
#: The body weights both CSV samples hold, oldest first.
WEIGHTS = [
    (date(2026, 2, 27), "82.70"),
    (date(2026, 2, 28), "82.60"),
    (date(2026, 3, 1), "82.50"),
    (date(2026, 3, 2), "82.40"),
    (date(2026, 3, 3), "82.40"),
    (date(2026, 3, 4), "82.20"),
    (date(2026, 3, 5), "82.10"),
    (date(2026, 3, 6), "82.30"),
    (date(2026, 3, 7), "82.00"),
    (date(2026, 3, 9), "82.10"),
    (date(2026, 3, 12), "81.80"),
]


def text(value: Decimal | None) -> str | None:
    """A Decimal as written (so 60 and 60.0 differ), None kept."""
    return None if value is None else str(value)


def sets(parsed: ParsedFile) -> list[tuple[object, ...]]:
    """Every set as (exercise, type, weight, unit, reps, rir, seconds, metres)."""
    return [
        (e.name, s.set_type, text(s.weight), s.unit, s.reps, s.rir, s.duration_s, text(s.distance_m))
        for w in parsed.workouts
        for e in w.exercises
        for s in e.sets
    ]


SAMPLE_SETS = [
    ("wger exercise 184", "working", "60.00", "kg", 5, None, None, None),
    ("wger exercise 184", "working", "120.00", "kg", 5, 3, None, None),
    ("wger exercise 184", "working", "120.00", "kg", 5, 2, None, None),
    ("wger exercise 475", "working", "0", None, 8, None, None, None),  # body weight, nothing added
    ("wger exercise 81", "working", "32.50", "kg", 10, None, None, None),
    ("wger exercise 822", "working", "8.00", "kg", 15, None, None, None),
    ("wger exercise 301", "working", "0", None, None, None, 60, None),  # repetitions_unit 3: seconds
]


def log(*drop: str, **changes: object) -> dict[str, Any]:
    """The sample's first log entry without the keys `drop`, with `changes`."""
    entry = {**LOG_PAGE["results"][0], **changes}
    return {key: value for key, value in entry.items() if key not in drop}


def page(*entries: dict[str, Any]) -> str:
    return json.dumps({"count": len(entries), "next": None, "previous": None, "results": list(entries)})


@pytest.mark.parametrize(
    "combined",
    [
        {"workoutlog": [LOG_PAGE], "workoutsession": [SESSION_PAGE]},
        {"workoutsession": SESSION_PAGE, "workoutlog": LOG_PAGE["results"]},
        [SESSION_PAGE, LOG_PAGE],
        [LOG_PAGE, *SESSION_PAGE["results"]],
    ],
    ids=["object of page lists", "object of page and entries", "list of pages", "page and entries"],
)
def test_logs_with_their_session(combined: object) -> None:
    parsed = wger.parse(json.dumps(combined, indent=2))
    assert (parsed.format, parsed.unit, parsed.problems, parsed.body_weights) == ("wger", None, [], [])
    assert [(w.name, w.started_at, w.duration_s, w.notes) for w in parsed.workouts] == [
        ("", datetime(2026, 3, 2, 18, 5), 70 * 60, 'Belt on, "hook grip" felt better')
    ]
    assert [(e.name, e.superset, e.notes) for e in parsed.workouts[0].exercises] == [
        (f"wger exercise {n}", "", "") for n in (184, 475, 81, 822, 301)
    ]
    assert sets(parsed) == SAMPLE_SETS


def test_log_page_alone_starts_at_the_utc_log_time() -> None:
    parsed = wger.parse(LOG_PAGE_TEXT)
    assert parsed.problems == []
    # "2026-03-02T17:20:00Z" with its zone dropped: no session record gives the local start.
    assert [(w.line, w.started_at, w.duration_s, w.notes) for w in parsed.workouts] == [
        (7, datetime(2026, 3, 2, 17, 20), None, "")
    ]
    assert sets(parsed) == SAMPLE_SETS
    # A record's line is the line of its "id" in the file.
    assert [s.line for e in parsed.workouts[0].exercises for s in e.sets] == [7, 27, 47, 67, 87, 107, 127]
    assert [e.line for e in parsed.workouts[0].exercises] == [7, 67, 87, 107, 127]


def test_session_page_alone_needs_the_logs() -> None:
    parsed = wger.parse(SESSION_PAGE_TEXT)
    assert parsed.workouts == []
    assert [(p.line, p.message) for p in parsed.problems] == [
        (1, "only workout sessions here: workout logs (/api/v2/workoutlog/) are needed to import sets")
    ]


def test_logs_without_session_group_by_day_in_log_order() -> None:
    entries = [
        log("session", id=1, date="2026-03-02T17:30:00Z", exercise=10),
        log(id=2, session=None, date="2026-03-02T17:20:00Z", exercise=11),
        log(id=3, session="", date="2026-03-02T17:40:00Z", exercise=10),
        log("session", id=4, date="2026-03-04T07:00:00Z", exercise=10),
    ]
    parsed = wger.parse(page(*entries))
    assert [(w.started_at, [e.name for e in w.exercises]) for w in parsed.workouts] == [
        (datetime(2026, 3, 2, 17, 20), ["wger exercise 10", "wger exercise 11", "wger exercise 10"]),
        (datetime(2026, 3, 4, 7, 0), ["wger exercise 10"]),
    ]


def test_bad_entries_are_skipped_with_a_reason() -> None:
    entries = [
        log(id=1, repetitions_unit=2),
        log(id=2, weight_unit=4),
        log(id=3, exercise={"id": 184}),
        log("date", id=4),
        log(id=5, repetitions="five"),
        log(id=6, repetitions="5.50"),
        log(id=7, rir="2.5"),
        log(id=8, weight_unit=3, weight="10.00"),
        log(id=9, weight_unit=2, weight="135.00"),
        log(id=10, repetitions_unit=3, repetitions=None),
        {"id": 11, "something": "else"},
        log(id=12, exercise=None),
    ]
    source = json.dumps({"count": 12, "next": None, "previous": None, "results": entries}, indent=1)
    parsed = wger.parse(source)
    lines = [n for n, line in enumerate(source.splitlines(), start=1) if '"id":' in line]
    assert [(p.line, p.message) for p in parsed.problems] == [
        (1, "1 JSON value(s) are neither workout logs nor sessions; skipped"),
        (lines[0], "repetitions_unit 2 is not imported (only 1, repetitions, and 3, seconds)"),
        (lines[1], "weight_unit 4 is not imported (only 1 kg, 2 lb and 3 body weight)"),
        (lines[2], "exercise {'id': 184} is not a number or text"),
        (lines[4], "the date is missing"),
        (lines[5], "repetitions 'five' is not a number"),
        (lines[6], "repetitions '5.50' is not a whole number"),
        (lines[7], "RIR 2.5 is read as 2 (whole steps only)"),
        (lines[8], "the weight 10.00 in wger's body weight unit is not imported"),
        (lines[10], "a timed set (repetitions_unit 3) has no seconds"),  # lines[3]: the nested {"id": 184}
        (lines[12], "the log names no exercise"),
    ]
    assert sets(parsed) == [
        ("wger exercise 184", "working", "60.00", "kg", 5, 2, None, None),
        ("wger exercise 184", "working", None, None, 5, None, None, None),
        ("wger exercise 184", "working", "135.00", "lb", 5, None, None, None),
    ]


def test_session_times_and_bad_sessions() -> None:
    sessions = [
        {**SESSION_PAGE["results"][0], "id": "a", "time_start": "23:30", "time_end": "00:40", "notes": None},
        {**SESSION_PAGE["results"][0], "id": "b", "time_start": "25:00"},
        {**SESSION_PAGE["results"][0], "id": "c", "time_start": None, "time_end": None},
    ]
    logs = [log(id=i, session=s) for i, s in enumerate("abc", start=1)]
    parsed = wger.parse(json.dumps([{"results": sessions}, {"results": logs}]))
    assert [(p.line, p.message) for p in parsed.problems] == [(1, "time_start '25:00' is not a time of day")]
    assert [(w.started_at, w.duration_s, w.notes) for w in parsed.workouts] == [
        (datetime(2026, 3, 2), None, 'Belt on, "hook grip" felt better'),  # session c: no times
        (datetime(2026, 3, 2, 17, 20), None, ""),  # session b unreadable: the log's time
        (datetime(2026, 3, 2, 23, 30), 70 * 60, ""),  # session a: past midnight
    ]


def test_a_partial_page_is_noted() -> None:
    parsed = wger.parse(json.dumps({**LOG_PAGE, "count": 20, "next": "https://wger.example/api/v2/?page=2"}))
    assert [(p.line, p.message) for p in parsed.problems] == [
        (1, "7 of 20 workout logs are here: save every page ('next')")
    ]
    assert len(sets(parsed)) == 7


@pytest.mark.parametrize("name", ["wger_Weightdata.csv", "wger_Weightdata_pre2.4.csv"])
def test_body_weight_csv(name: str) -> None:
    parsed = wger.parse(decode((FIXTURES / name).read_bytes()))
    assert (parsed.format, parsed.unit, parsed.workouts, parsed.problems) == ("wger", "kg", [], [])
    assert [(b.day, text(b.weight)) for b in parsed.body_weights] == WEIGHTS
    assert [(b.line, b.unit) for b in parsed.body_weights] == [(n, "kg") for n in range(2, 13)]


def test_body_weight_csv_bad_rows() -> None:
    parsed = wger.parse(
        "date,weight\n2026-03-01,82.5\n2026-02-30,82\n2026-03-02,heavy\n2026-03-03,\n\nnope,1\n"
    )
    assert [(b.day, text(b.weight), b.line) for b in parsed.body_weights] == [(date(2026, 3, 1), "82.5", 2)]
    assert [(p.line, p.message) for p in parsed.problems] == [
        (3, "date '2026-02-30' is not a real date or time"),
        (4, "weight 'heavy' is not a number"),
        (5, "the weight is empty"),
        (7, "date 'nope' is not a date we can read"),
    ]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{", "not valid JSON"),
        ("[1, 2", "not valid JSON"),
        ("[" * 100_000, "not valid JSON"),
        ('{"count": 0, "next": null, "previous": null, "results": []}', "no wger workout logs"),
        ('{"workouts": [{"name": "Pull A"}]}', "no wger workout logs"),
        ("[]", "no wger workout logs"),
        (STRONG_HEADER + "\n", "not a wger file"),
        ("Date,Weight,Fat\n2026-03-01,80,20\n", "not a wger file"),
        ("", "not a wger file"),
    ],
)
def test_not_wger_is_an_import_file_error(source: str, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        wger.parse(source)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.*")), ids=lambda p: p.name)
def test_detect_on_every_fixture(path: Path) -> None:
    assert wger.detect(decode(path.read_bytes())) == path.name.startswith("wger")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (STRONG_HEADER + "\n", False),
        (HEVY_HEADER + "\n", False),
        ("Name,Date,Body weight,Shape,Sleep,Calories,Stress\n", False),
        ("Date,Weight,Unit\n", False),
        ("{not json", False),
        ('{"results": [{"name": "x"}]}', False),
        ("Date,Weight\n", True),
        (" DATE , weight \n", True),
        (page(log()), True),
        (json.dumps([SESSION_PAGE]), True),
    ],
)
def test_detect(source: str, expected: bool) -> None:
    assert wger.detect(source) is expected


def check(source: str) -> None:
    try:
        parsed = wger.parse(source)
    except ImportFileError:
        return
    assert isinstance(parsed, ParsedFile)
    assert all(e.sets for w in parsed.workouts for e in w.exercises)


@given(st.text())
def test_any_text_parses_or_is_an_import_file_error(source: str) -> None:
    check(source)


KEYS = sorted({*LOG_PAGE["results"][0], *SESSION_PAGE["results"][0], "results", "count", "workoutlog"})
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
JSON_VALUES = st.recursive(
    SCALARS | st.sampled_from(["60.00", "3.0", "2026-03-02T17:20:00Z", "18:05:00", "1", "3"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=8),
    max_leaves=30,
)


@st.composite
def mangled_entry(draw: st.DrawFn) -> dict[str, Any]:
    """A sample log or session entry with some values replaced by arbitrary JSON."""
    entry = dict(draw(st.sampled_from(LOG_PAGE["results"] + SESSION_PAGE["results"])))
    for key in draw(st.lists(st.sampled_from(sorted(entry)), max_size=4)):
        entry[key] = draw(JSON_VALUES)
    return entry


@settings(deadline=None)
@given(JSON_VALUES)
def test_any_json_parses_or_is_an_import_file_error(value: object) -> None:
    check(json.dumps(value))


@settings(deadline=None)
@given(st.lists(mangled_entry(), max_size=10), st.booleans())
def test_mangled_pages_parse_or_are_an_import_file_error(entries: list[dict[str, Any]], nested: bool) -> None:
    body = {"count": len(entries), "results": entries}
    check(json.dumps({"workoutlog": [body]} if nested else body, indent=2))
