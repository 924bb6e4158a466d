"""What every format shares: decoding bytes, CSV records with their line numbers, and the
numbers, dates and durations other apps write. Bad values raise RowError, which an importer
turns into a skipped line with its reason."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Final

import charset_normalizer
from babel import Locale

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


#: Legacy encodings a real export may be in when it is not UTF-8 (older Windows and Excel re-saves).
LEGACY_ENCODINGS: Final = ("cp1252", "cp1251", "shift_jis", "cp932", "cp1250", "latin_1", "gb18030", "euc_kr")


def decode(data: bytes) -> str:
    """The text of an uploaded file: UTF-8 (with or without BOM), UTF-16 with BOM, else the legacy
    encoding charset-normalizer finds (cp1252, cp1251, Shift-JIS...); refused when none fits."""
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
            text = _legacy_text(data)
    if "\x00" in text:
        raise ImportFileError("this is not a text export (it holds binary data)")
    return text


def _legacy_text(data: bytes) -> str:
    """Text in a legacy encoding, as charset-normalizer tells it; a clear refusal when it cannot."""
    if b"\x00" in data:
        raise ImportFileError("this is not a text export (it holds binary data)")
    best = charset_normalizer.from_bytes(data).best()
    encoding = best.encoding if best is not None else None
    if encoding is None or codecs.lookup(encoding).name not in _LEGACY_NAMES:
        found = f" (it looks like {encoding})" if encoding else ""
        raise ImportFileError(
            "the file is not UTF-8 text and its encoding could not be told"
            f"{found}; save it again as UTF-8 (CSV UTF-8 in a spreadsheet) and import that"
        )
    return str(best)


_LEGACY_NAMES: Final = frozenset(codecs.lookup(name).name for name in LEGACY_ENCODINGS)


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


#: A number and the unit word after it ("1 h", "46min", "1小时", "13分钟"); the unit is read below.
_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\d\s.,:]*)\.?")
#: Unit words of durations in the languages apps write them (folded) -> seconds.
DURATION_UNITS: Final[dict[str, int]] = {
    **dict.fromkeys(
        [
            "h",
            "hr",
            "hrs",
            "hour",
            "hours",
            "std",
            "stunde",
            "stunden",
            "u",
            "uur",
            "ore",
            "ora",
            "hora",
            "horas",
            "godz",
            "g",
            "sa",
            "saat",
            "ч",
            "час",
            "часа",
            "часов",
            "小时",
            "小時",
            "時間",
            "時",
            "시간",
            "시",
        ],
        3600,
    ),
    **dict.fromkeys(
        [
            "m",
            "min",
            "mins",
            "minute",
            "minutes",
            "minuto",
            "minutos",
            "minuten",
            "minuti",
            "dk",
            "dakika",
            "мин",
            "минут",
            "минуты",
            "分钟",
            "分鐘",
            "分",
            "분",
        ],
        60,
    ),
    **dict.fromkeys(
        [
            "s",
            "sec",
            "secs",
            "second",
            "seconds",
            "seg",
            "segundos",
            "sek",
            "sekunden",
            "secondi",
            "sn",
            "saniye",
            "с",
            "сек",
            "секунд",
            "秒",
            "초",
        ],
        1,
    ),
}


def duration(text: str, what: str = "duration") -> int | None:
    """Seconds from "1h 13m", "54m", "1 h 46 min", "31min", "1小时13分钟", "0:01:00", "1:30" or "4200"."""
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
    if not parts or _DURATION_PART.sub("", text).strip() or any(u not in DURATION_UNITS for _n, u in parts):
        raise RowError(f"{what} {text!r} is not a duration")
    return round(sum(float(n.replace(",", ".")) * DURATION_UNITS[u] for n, u in parts))


#: The languages Hevy's app ships (and a few regional spellings, "Sept"): their month names come
#: from the CLDR data Babel carries, never from a table of our own.
MONTH_LOCALES: Final = tuple(
    [
        "en",
        "en_GB",
        "en_AU",
        "es",
        "es_MX",
        "de",
        "de_AT",
        "fr",
        "it",
        "pt",
        "pt_PT",
        "tr",
        "ru",
        "uk",
        "ja",
        "ko",
        "zh",
        "zh_Hant",
        "pl",
        "nl",
        "sv",
        "da",
        "nb",
        "fi",
        "id",
        "cs",
        "ro",
        "hu",
        "el",
        "vi",
        "th",
        "ms",
    ]
)


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Every month name and abbreviation of MONTH_LOCALES (folded, no dots or spaces) -> 1..12.

    A spelling two languages give to different months is left out: such a date is refused with its
    reason rather than read as the wrong month."""
    seen: dict[str, set[int]] = {}
    for code in MONTH_LOCALES:
        months = Locale.parse(code).months
        for context in ("format", "stand-alone"):
            for width in ("abbreviated", "wide"):
                for number, name in months[context][width].items():
                    seen.setdefault(_month_key(name), set()).add(number)
    return {name: next(iter(numbers)) for name, numbers in seen.items() if len(numbers) == 1 and name}


def _month_key(name: str) -> str:
    return fold(name).replace(" ", "")


_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?"
)
_SLASHED = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
#: "15 Sep 2025, 07:48", "5 Mai 2026", "11 März 2026", "5 de mai. de 2026", "5 5月 2026" (day, month, year).
_NAMED = re.compile(
    r"(\d{1,2})\.?\s+(?:de\s+)?(\S+?)\.?,?\s+(?:de\s+)?(\d{4})\s*(?:г\.?)?,?"
    r"(?:\s+(?:à\s+|um\s+|alle\s+|às\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?"
)
#: "2026年5月5日 18:20" (Chinese, Japanese) and "2026. 5. 5. 18:20" (Korean): year first, numbers.
_YEAR_FIRST = re.compile(
    r"(\d{4})\s*[年.]\s*(\d{1,2})\s*[月.]\s*(\d{1,2})\s*[日.]?,?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)


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
        named = month_names().get(_month_key(name))
        if named is None:
            raise RowError(f"date {raw!r} has a month we cannot read ({name!r})")
        return _build(int(y), named, int(d), h, mi, s, raw)
    if m := _YEAR_FIRST.fullmatch(raw):
        y, mo, d, h, mi, s = m.groups()
        return _build(int(y), int(mo), int(d), h, mi, s, raw)
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
