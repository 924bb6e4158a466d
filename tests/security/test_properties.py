"""Property tests: whatever a user types or uploads, the parsers answer with a result or with the
project's own error (QuickLogError, ProgramSyntaxError, ImportFileError and the services' field
errors), never with anything else.

The tests next to each parser already feed them arbitrary text (tests/core/test_quicklog.py,
tests/core/test_program_text.py, tests/importers/test_registry.py) and the import service
arbitrary bytes (tests/services/test_import_fuzz.py). Arbitrary text rarely gets past the first
token, so these add text built from each grammar's own pieces, which reaches the deeper paths,
arbitrary bytes for every format named explicitly, rows of awkward values under every real
header, mangled JSON for the JSON formats, and the services that sit on the parsers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repbook.core.errors import FieldError
from repbook.core.imported import ImportFileError, ParsedFile
from repbook.core.program_text import ProgramSyntaxError, parse_prescription, parse_program, print_program
from repbook.core.quicklog import QuickLogError, parse_quicklog
from repbook.importers.common import decode
from repbook.importers.formats import FORMAT_NAMES
from repbook.importers.registry import FORMATS, read
from repbook.services.program.programs import ProgramError, save_user_program
from repbook.services.workout.quicklog import log_line
from repbook.storage.models import User

PROPERTY = settings(max_examples=150, deadline=None)
WITH_DB = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
FIXTURES = Path(__file__).parents[1] / "importers" / "fixtures"


def joined(pieces: list[str], max_size: int = 14) -> st.SearchStrategy[str]:
    """Text made of the given pieces (and now and then any character), in any order."""
    return st.lists(st.sampled_from(pieces) | st.characters(), max_size=max_size).map("".join)


# --- quick log -----------------------------------------------------------------------------------

QUICKLOG_PIECES = [
    " ", "  ", "3", "12", "0", "100", "102,5", "2.5", "50", "51", "99999999999999999999", "٣", "１",
    "x", "X", "×", "*", "@", "+", "-", ",", "/", ".", "kg", "kgs", "lb", "lbs", "s", "sec", "min", "m",
    "rpe", "RPE", "rir", "@8", "#", " # note", "\t",
]  # fmt: skip
#: Lines as people type them (see the grammar in core/quicklog.py), each followed by a few pieces.
QUICKLOG_LINES = st.builds(
    "{}{}{}".format,
    st.sampled_from(["Deadlift", "Back extension", "Pull-up", "Plank", "Deadlift 3", ""]),
    st.sampled_from([
        " 3x12", " 3x12 @ 10kg", " 140kg x 5,5,4", " 3x8 +5kg", " 100kg x 5 @8", " 3x60s",
        " 3x40m @ 24kg", " 100 x 5 x 3", " 3x5 -20kg", " 102,5kg x 5 rpe 8", " ", "",
    ]),
    st.lists(st.sampled_from(QUICKLOG_PIECES), max_size=6).map("".join),
)  # fmt: skip


@PROPERTY
@given(QUICKLOG_LINES)
def test_quick_log_lines_parse_or_raise_quicklog_error(text: str) -> None:
    try:
        parsed = parse_quicklog(text)
    except QuickLogError as error:
        assert 1 <= error.column <= len(text) + 1
    else:
        assert parsed.exercise.strip() and parsed.sets


@pytest.mark.django_db
@WITH_DB
@given(text=QUICKLOG_LINES | st.text(max_size=60))
def test_logging_any_quick_log_line_logs_or_names_the_field(alice: User, text: str) -> None:
    try:
        logged = log_line(alice, text)
    except FieldError as error:
        assert error.field and error.message
    else:
        assert logged.sets and all(s.owner_id == alice.pk for s in logged.sets)


# --- program text --------------------------------------------------------------------------------

PRESCRIPTION_PIECES = [
    "3", "5", "8", "12", "20", "21", "0", "x", "×", "-", "+", "s", "@", " ", "60kg", "+5kg", "135lb",
    "75%", "75% TM", "85% 1RM", "RPE 8", "RPE 8.5", "warm-up ", "back-off ", "drop ", "to failure ",
    "; ", ", ", "double", "linear", "gzclp t1", "531", "rpe", "amrap", "fixed", " +2.5kg",
    " deload 10% after 3", "rest 90s", "rest 3min", "rest 2:30", "superset A", "99999999999",
]  # fmt: skip
NAMES = st.sampled_from(["Deadlift", "Squat", "Pull-up or Lat pulldown", "Back extension", "Plank"])
GROUPS = st.sampled_from([
    "3x5", "3x6-8", "5x5 @ 60kg", "1x5+ @ 85% TM", "warm-up 2x5 @ 40%", "3x5 @ RPE 8", "3x60s",
    "back-off 3x8 @ 50% TM", "to failure 1x10 +5kg", "drop 1x12", "3x10-12 @ 135lb",
])  # fmt: skip
OPTIONS = st.sampled_from([
    "double", "linear +5kg", "gzclp t1", "531", "rpe", "amrap deload 10% after 3", "fixed",
    "rest 90s", "rest 3min", "rest 2:30", "superset A",
])  # fmt: skip
#: A prescription as the format reads it, now and then with pieces of the grammar added.
PRESCRIPTIONS = st.builds(
    "{}{}{}".format,
    st.lists(GROUPS, min_size=1, max_size=3).map(", ".join),
    st.lists(OPTIONS, max_size=2, unique=True).map(lambda o: "".join(f"; {x}" for x in o)),
    st.just("") | joined(PRESCRIPTION_PIECES, max_size=4),
)
EXERCISE = st.builds(
    "{}: {}{}".format, NAMES, PRESCRIPTIONS, st.sampled_from(["", "", "", "\nNote: slow and steady"])
)
DAY = st.builds(
    lambda name, lines: "\n".join([f"Day: {name}", *lines]), NAMES, st.lists(EXERCISE, min_size=1, max_size=4)
)
ODD_LINES = st.one_of(
    st.builds("Level: {}".format, st.sampled_from(["beginner", "intermediate", "expert", ""])),
    st.builds("Days per week: {}".format, st.sampled_from(["1", "3", "7", "9", "x", ""])),
    st.builds("Week {}".format, st.sampled_from(["1", "2", "3", "0", "x"])),
    st.builds("About: {}".format, st.text(max_size=20)),
    st.builds("Note: {}".format, st.text(max_size=20)),
    st.sampled_from(["", "# a comment", "   ", "Program: Again", "Day:"]),
    st.text(max_size=30),
)


@st.composite
def program_texts(draw: st.DrawFn) -> str:
    """A program as the format reads it (name, headers, days), with odd lines dropped in at times."""
    headers = [f"Program: {draw(NAMES)} program", "Level: beginner", "Days per week: 3"]
    lines = headers[: draw(st.integers(1, 3))]
    for day in draw(st.lists(DAY, min_size=1, max_size=3)):
        lines += day.splitlines()
    for _ in range(draw(st.integers(0, 2))):
        lines.insert(draw(st.integers(0, len(lines))), draw(ODD_LINES))
    return "\n".join(lines)


PROGRAM_TEXT = program_texts()


@PROPERTY
@given(PROGRAM_TEXT)
def test_program_shaped_text_is_read_or_refused_with_its_line(text: str) -> None:
    try:
        program = parse_program(text)
    except ProgramSyntaxError as error:
        assert 1 <= error.line <= text.count("\n") + 2 and error.message
    else:
        # What was read prints canonically and reads back the same.
        assert parse_program(print_program(program)) == program


@PROPERTY
@given(joined(PRESCRIPTION_PIECES, max_size=10) | st.text(max_size=60))
def test_one_prescription_is_read_or_refused(line: str) -> None:
    try:
        parse_prescription(line)
    except ProgramSyntaxError as error:
        assert error.line == 1 and error.message


@pytest.mark.django_db
@WITH_DB
@given(text=PROGRAM_TEXT)
def test_saving_any_program_text_saves_or_raises_program_error(alice: User, text: str) -> None:
    try:
        saved = save_user_program(alice, text)
    except ProgramError as error:
        assert error.message and error.field in ("text", "program")
    else:
        assert saved.program.owner_id == alice.pk


# --- importers -----------------------------------------------------------------------------------


def fixture_format(path: Path) -> str:
    """The format a sample file is in, from its name (strong6_… is Strong too)."""
    return path.name.split("_")[0].removeprefix("strong6") or "strong"


CSV_SAMPLES = sorted(FIXTURES.glob("*.csv"))
JSON_SAMPLES = sorted(FIXTURES.glob("*.json"))
CELLS = st.one_of(
    st.sampled_from([
        "", " ", "0", "-1", "5", "100.5", "102,5", "1e400", "-1e400", "NaN", "inf", "9" * 45, "1/2",
        "2026-03-02", "2026-03-02 18:05:12", "03/02/2026", "31/31/2026", "0000-00-00", "9999-12-31 23:59:59",
        "10000-01-01", "1h 5m", "65:00", "99:99:99", "-5s", "kg", "lbs", "km", "mi", "Deadlift (Barbell)",
        "Warmup", "W", "D", "F", "true", '"', '""', "\n", "\r", ";", ",",
    ]),
    st.text(max_size=12),
)  # fmt: skip


def assert_read_or_refused(name: str, text: str) -> None:
    """The format's parser answers a ParsedFile (problems with lines and words) or ImportFileError."""
    try:
        parsed = FORMATS[name].parse(text)
    except ImportFileError as error:
        assert error.message
    else:
        assert isinstance(parsed, ParsedFile)
        assert all(p.line >= 1 and p.message for p in parsed.problems)


@pytest.mark.parametrize("name", FORMAT_NAMES)
@PROPERTY
@given(data=st.binary(max_size=600))
def test_any_bytes_named_as_any_format_are_read_or_refused(name: str, data: bytes) -> None:
    try:
        text = decode(data)
    except ImportFileError:
        return
    assert_read_or_refused(name, text)
    try:
        assert isinstance(read(data, name), ParsedFile)
    except ImportFileError as error:
        assert error.message


@st.composite
def mangled_csv(draw: st.DrawFn, text: str) -> str:
    """A real export with a few cells swapped for awkward values, and lines dropped or doubled:
    the file keeps its header and sections, so the rows are read as that format's rows."""
    lines = text.splitlines()
    delimiter = ";" if text.count(";") > text.count(",") else ","
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(1, len(lines) - 1))
        change = draw(st.sampled_from(["cell", "cell", "cell", "quoted", "drop", "double"]))
        if change in ("cell", "quoted"):
            cells = lines[at].split(delimiter)
            value = draw(CELLS)
            cells[draw(st.integers(0, len(cells) - 1))] = f'"{value}"' if change == "quoted" else value
            lines[at] = delimiter.join(cells)
        elif change == "drop" and len(lines) > 2:
            del lines[at]
        else:
            lines.insert(at, lines[at])
    return "\n".join(lines)


@pytest.mark.parametrize("path", CSV_SAMPLES, ids=lambda p: p.name)
@PROPERTY
@given(data=st.data())
def test_mangled_csv_exports_are_read_or_refused(path: Path, data: st.DataObject) -> None:
    text = data.draw(mangled_csv(path.read_text(encoding="utf-8")))
    assert_read_or_refused(fixture_format(path), text)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def paths_in(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside a JSON value (dict keys and list indexes), the value itself first."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths_in(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths_in(item, (*prefix, index))
    return found


def replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = replaced(value[path[0]], path[1:], new)
    return copy


@st.composite
def mangled_json(draw: st.DrawFn, original: Any) -> str:
    """The original document with a few values (or whole branches) replaced by other JSON."""
    value = original
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths_in(value)))
        value = replaced(value, path, draw(JSON_VALUES))
    return json.dumps(value)


@pytest.mark.parametrize("path", JSON_SAMPLES, ids=lambda p: p.name)
@PROPERTY
@given(data=st.data())
def test_mangled_json_exports_are_read_or_refused(path: Path, data: st.DataObject) -> None:
    original = json.loads(path.read_text(encoding="utf-8"))
    assert_read_or_refused(fixture_format(path), data.draw(mangled_json(original)))


@pytest.fixture
def backup_of_a_lifter(alice: User) -> Any:
    """Alice's JSON backup (workouts with sets, body weight, a program, settings) as parsed JSON."""
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from repbook.services.program import programs
    from repbook.services.transfer.export import backup_text
    from repbook.services.workout import body_weight, workouts

    earlier = timezone.now() - timedelta(days=2)
    workouts.log_set(alice, workouts.SetInput("deadlift", Decimal(100), reps=5, performed_at=earlier))
    workouts.log_set(alice, workouts.SetInput("back-extension", Decimal(10), "lb", reps=12, rpe=Decimal(8)))
    body_weight.log_body_weight(alice, Decimal("80.5"), "kg")
    programs.save_user_program(alice, "Program: Mine\nDay: A\nDeadlift: 3x5; linear +5kg\n")
    return json.loads(backup_text(alice))


@pytest.mark.django_db
@WITH_DB
@given(data=st.data())
def test_mangled_repbook_backups_are_read_or_refused(backup_of_a_lifter: Any, data: st.DataObject) -> None:
    assert_read_or_refused("repbook", data.draw(mangled_json(backup_of_a_lifter)))
