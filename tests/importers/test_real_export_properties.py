"""Property tests for the layouts real exports add: any text under them gives a parsed file or a clean
refusal (ImportFileError), never a crash; localized dates and durations read back what was written."""

from __future__ import annotations

import contextlib
import csv
import io
from datetime import date

from babel.dates import format_date
from hypothesis import given
from hypothesis import strategies as st

from repbook.core.imported import ImportFileError
from repbook.core.search import fold
from repbook.importers import fitnotes, hevy, strong
from repbook.importers.common import MONTH_LOCALES, decode, duration, timestamp
from repbook.importers.registry import read

CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["", "0", "1", "W", "60", "10.0", "Ruhezeit", "休息计时器", "31min", "1 h 46 min", "kg", "lbs"]
    ),
)
DATES = st.datetimes().map(lambda moment: moment.strftime("%Y-%m-%d %H:%M:%S"))
SPANISH = (
    "Fecha,Nombre del entrenamiento,Duración,Nombre del ejercicio,Orden de la serie,Peso,Repeticiones,"
    "Distancia,Segundos,Notas,Notas del entrenamiento,RPE"
)
SWEDISH = (
    "Datum,Passnamn,Längd,Övningsnamn,Setordning,Vikt,Reps,Sträcka,Sekunder,Anteckningar,Passanteckningar,RPE"
)
OLDEST = "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes"


def lines(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue()


def parsed_or_refused(parse: object, text: str) -> None:
    """The parser returns a file whose every data line is a set, a rest or note row, or a skipped line;
    or it refuses the file with ImportFileError."""
    try:
        result = parse(text)  # type: ignore[operator]
    except ImportFileError:
        return
    assert result.format in ("strong", "hevy", "fitnotes")
    for problem in result.problems:
        assert problem.line >= 1 and problem.message


@given(
    st.sampled_from([SPANISH, SWEDISH, OLDEST, ""]), st.lists(st.tuples(DATES, st.lists(CELLS, max_size=13)))
)
def test_any_rows_in_strongs_other_layouts_parse_or_are_refused(
    header: str, rows: list[tuple[str, list[str]]]
) -> None:
    body = lines([[day, *cells] for day, cells in rows])
    parsed_or_refused(strong.parse, f"{header}\n{body}" if header else body)


@given(st.lists(st.tuples(DATES, st.lists(CELLS, min_size=12, max_size=13)), min_size=1, max_size=6))
def test_headerless_android_rows_parse_or_are_refused(rows: list[tuple[str, list[str]]]) -> None:
    parsed_or_refused(strong.parse, lines([[day, *cells] for day, cells in rows], ";"))


@given(st.text(max_size=300))
def test_any_text_is_read_or_refused_as_a_whole(text: str) -> None:
    with contextlib.suppress(ImportFileError):
        read(text.encode())


@given(st.binary(max_size=400))
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    with contextlib.suppress(ImportFileError):
        assert isinstance(decode(data), str)


@given(st.sampled_from(MONTH_LOCALES), st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_hevy_dates_in_every_shipped_language_read_back(locale: str, day: date) -> None:
    for width in ("d MMM y", "d MMMM y"):
        written = format_date(day, width, locale=locale)
        if written.split()[0].isdigit() and len(written.split()) == 3:
            assert timestamp(written).date() == day, written


@given(
    st.lists(st.lists(CELLS, max_size=16), max_size=6), st.sampled_from(["5 Mai 2026, 18:20", "11 Nis 2026"])
)
def test_hevy_rows_with_localized_times_parse_or_are_skipped(rows: list[list[str]], start: str) -> None:
    header = (
        "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,"
        "set_type,weight_kg,reps,distance_km,duration_seconds,rpe"
    )
    body = lines([["W", start, start, *cells] for cells in rows])
    parsed_or_refused(hevy.parse, f"{header}\n{body}")


@given(st.lists(st.lists(CELLS, max_size=12), max_size=6))
def test_legacy_fitnotes_with_comments_parse_or_are_skipped(rows: list[list[str]]) -> None:
    header = "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time,Comment"
    parsed_or_refused(fitnotes.parse, f"{header}\n{lines([['2015-06-01', *cells] for cells in rows])}")


UNITS = {
    "en": ("{h}h {m}m", "{m}m"),
    "es": ("{h} h {m} min", "{m}min"),
    "de": ("{h} Std. {m} Min.", "{m}min"),
    "zh": ("{h}小时{m}分钟", "{m}分钟"),
    "ja": ("{h}時間{m}分", "{m}分"),
    "ru": ("{h} ч {m} мин", "{m} мин"),
}


@given(st.sampled_from(sorted(UNITS)), st.integers(1, 9), st.integers(1, 59))
def test_durations_in_each_language_read_back(language: str, hours: int, minutes: int) -> None:
    long, short = UNITS[language]
    assert duration(long.format(h=hours, m=minutes)) == hours * 3600 + minutes * 60
    assert duration(short.format(m=minutes)) == minutes * 60


@given(st.text(max_size=40))
def test_folding_keeps_every_letter_and_digit(text: str) -> None:
    if any(char.isalnum() for char in text):
        assert fold(text), f"{text!r} folded to nothing"
