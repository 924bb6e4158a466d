"""What every format shares: decoding bytes, CSV records with their line numbers, and the
numbers, dates and durations other apps write. Bad values raise RowError, which an importer
turns into a skipped line with its reason."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Final

from repbook.core.imported import ImportFileError
from repbook.core.search import fold

#: Past this size a file is refused before parsing: no real training history comes near it.
MAX_FILE_BYTES: Final = 64 * 1024 * 1024
KM_M: Final = Decimal(1000)
MILE_M: Final = Decimal("1609.344")


#: No weight, count or time needs more characters; longer cells are refused before any pattern runs.
MAX_NUMBER_LENGTH: Final = 40
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")


class RowError(ValueError):
    """One line holds a value that cannot be read; the line is skipped with this message."""


def decode(data: bytes) -> str:
    """The text of an uploaded file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFileError("the file says it is UTF-16 text but is not") from exc
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise ImportFileError("this is not a text export (it holds binary data)")
    return text


def first_line(text: str) -> str:
    """The first non-blank line, stripped."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def sniff_delimiter(header: str) -> str:
    """The delimiter of a header line: the most common of `,` `;` and tab outside quotes."""
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {d: unquoted.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_records(text: str, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """Each CSV record with the line it starts on (1-based); quoted fields may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(f"the file is not valid CSV here ({exc})", line=line) from exc
        yield line, row
        line = reader.line_num + 1


def columns(header: list[str], aliases: Mapping[str, tuple[str, ...]]) -> dict[str, int]:
    """Column positions by our key: each key's aliases are compared folded ("Weight (kg)" ~ "weight kg")."""
    folded = [fold(h) for h in header]
    found: dict[str, int] = {}
    for key, names in aliases.items():
        for name in names:
            if fold(name) in folded:
                found[key] = folded.index(fold(name))
                break
    return found


def cell(row: list[str], index: int | None) -> str:
    """The stripped value at `index`, or "" when the row is short or the column absent."""
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


def decimal(text: str, what: str) -> Decimal | None:
    """A number as written ("60.0", "60,5", "1e2" refused); None for an empty cell."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    if len(text) > MAX_NUMBER_LENGTH:
        raise RowError(f"{what} is too long to be a number")
    if not _NUMBER.fullmatch(text):
        raise RowError(f"{what} {text!r} is not a number")
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the pattern above admits only numbers
        raise RowError(f"{what} {text!r} is not a number") from exc


def whole(text: str, what: str) -> int | None:
    """A whole number written maybe as "10.0"; None for an empty cell; "8.5" is refused."""
    value = decimal(text, what)
    if value is None:
        return None
    if value != value.to_integral_value():
        raise RowError(f"{what} {text!r} is not a whole number")
    if abs(value) > 10**9:
        raise RowError(f"{what} {text!r} is too large")
    return int(value)


_DURATION_PART = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?)\b"
)


def duration(text: str, what: str = "duration") -> int | None:
    """Seconds from "1h 13m", "54m", "20s", "1 h 46 min", "9min", "0:01:00", "1:30" or "4200"."""
    text = text.strip().lower()
    if not text:
        return None
    if len(text) > MAX_NUMBER_LENGTH:
        raise RowError(f"{what} is too long to be a duration")
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return round(float(text.replace(",", ".")))
    if re.fullmatch(r"\d+(:\d{1,2}){1,2}", text):
        seconds = 0
        for part in text.split(":"):
            seconds = seconds * 60 + int(part)
        return seconds
    parts = _DURATION_PART.findall(text)
    if not parts or _DURATION_PART.sub("", text).strip():
        raise RowError(f"{what} {text!r} is not a duration")
    scale = {"h": 3600, "m": 60, "s": 1}
    return round(sum(float(n.replace(",", ".")) * scale[u[0]] for n, u in parts))


#: Month names and abbreviations as exports write them, English first, folded to ASCII.
MONTHS: Final[dict[str, int]] = {}
for _number, _names in enumerate(
    (
        "jan january januar janvier enero gennaio janeiro januari jan. janv",
        "feb february februar fevrier febrero febbraio fevereiro februari feb. fevr fev",
        "mar march marz maerz mars marzo marco maart mrt",
        "apr april avril abril aprile",
        "may mai mayo maggio maio mei",
        "jun june juni juin junio giugno junho",
        "jul july juli juillet julio luglio julho juil",
        "aug august aout agosto augustus",
        "sep sept september septembre septiembre settembre setembro",
        "oct october oktober octobre octubre ottobre outubro okt",
        "nov november novembre noviembre novembro",
        "dec december dezember decembre diciembre dicembre dezembro dez dic",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name.rstrip(".")] = _number

_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?"
)
_SLASHED = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_NAMED = re.compile(r"(\d{1,2})\.?\s+([^\W\d]+)\.?\s+(\d{4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def _build(y: int, mo: int, d: int, h: str | None, mi: str | None, s: str | None, text: str) -> datetime:
    try:
        return datetime(y, mo, d, int(h or 0), int(mi or 0), int(s or 0))
    except ValueError as exc:
        raise RowError(f"date {text!r} is not a real date or time") from exc


def timestamp(text: str) -> datetime:
    """A naive local time from the ways exports write one.

    "2026-03-02 18:05:12", "2026-03-02", "2026-03-02T17:20:00Z" (the zone is dropped: files hold
    wall-clock times), spreadsheet re-saves "9/12/2022 18:35" (month first unless the first number
    is over 12), and Hevy's "15 Sep 2025, 07:48", "18 Sept. 2026", "11 März 2026".
    """
    raw = text.strip()
    if m := _ISO.fullmatch(raw):
        y, mo, d, h, mi, s, _zone = m.groups()
        return _build(int(y), int(mo), int(d), h, mi, s, raw)
    if m := _SLASHED.fullmatch(raw):
        a, b, y, h, mi, s = m.groups()
        year = int(y) + (2000 if len(y) == 2 else 0)
        month, day_of_month = (int(a), int(b)) if int(a) <= 12 else (int(b), int(a))
        if "." in raw.split()[0]:  # 12.09.2022 is day first everywhere it is written so
            month, day_of_month = int(b), int(a)
        return _build(year, month, day_of_month, h, mi, s, raw)
    if m := _NAMED.fullmatch(raw):
        d, name, y, h, mi, s = m.groups()
        named = MONTHS.get(fold(name).replace(" ", ""))
        if named is None:
            raise RowError(f"date {raw!r} has a month we cannot read ({name!r})")
        return _build(int(y), named, int(d), h, mi, s, raw)
    raise RowError(f"date {raw!r} is not a date we can read" if raw else "the date is missing")


def day(text: str) -> date:
    """A calendar day, in any form `timestamp` reads."""
    return timestamp(text).date()


# Exports repeat the same few numbers on thousands of rows: each text is read once per process.
@lru_cache(maxsize=4096)
def cached_decimal(text: str, what: str) -> Decimal | None:
    """`decimal`, remembered."""
    return decimal(text, what)


@lru_cache(maxsize=4096)
def count(text: str, what: str) -> int | None:
    """A whole number that is not negative (reps), or None for an empty cell."""
    value = whole(text, what)
    if value is not None and value < 0:
        raise RowError(f"{what} {text!r} is negative")
    return value


@lru_cache(maxsize=4096)
def timed_seconds(text: str, what: str) -> int | None:
    """Seconds as `duration` reads them; 0 is no time (apps write 0 or 0:00:00 for untimed sets)."""
    return duration(text, what) or None
