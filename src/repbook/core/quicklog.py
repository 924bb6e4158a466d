"""The quick-log grammar: one line of text to one exercise and its sets.

    line      = exercise spec { extra } [ "#" note ]
    spec      = sets X amount [ load ]                  3x12 @ 10kg · 3x8 +5kg · 3x60s · 3x40m @ 24kg
              | weight X reps { "," reps } [ X sets ]   140kg x 5,5,4 · 100kg x 5 x 3
    amount    = reps | seconds ("s" | "sec" | "min") | meters "m"
    load      = "@" weight | "+" weight | "-" weight    "+" adds load, "-" is assistance
    weight    = number [ "kg" | "lb" ]                  no unit: the user's unit
    extra     = "@" number | "rpe" number | "rir" int   "@8" after a weight is RPE 8
    X         = "x" | "×" | "*"

Spaces between parts are optional; letters may be upper or lower case; a decimal comma is read
in weights ("102,5kg"). The exercise name is everything before the spec. Anything the grammar
cannot read raises QuickLogError naming the text, its column and what was expected there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_INT = re.compile(r"\d+")
_UNIT = re.compile(r"(kgs?|lbs?)(?![a-z])", re.IGNORECASE)
_TIME = re.compile(r"(sec|min|s)(?![a-z])", re.IGNORECASE)
_METERS = re.compile(r"m(?![a-z])", re.IGNORECASE)
_X = re.compile(r"[x×*]", re.IGNORECASE)
_WORD = re.compile(r"\S+")
MAX_SETS = 50


class QuickLogError(ValueError):
    """A line the grammar cannot read; `column` is 1-based."""

    def __init__(self, text: str, pos: int, expected: str) -> None:
        match = _WORD.match(text, pos)
        self.column = pos + 1
        self.found = match.group(0) if match else ""
        self.expected = expected
        if self.found:
            message = f"could not read {self.found!r} at column {self.column}: expected {expected}"
        else:
            message = f"the line ended at column {self.column}: expected {expected}"
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class QuickSet:
    reps: int | None = None
    weight: Decimal | None = None  # signed: negative is assistance
    unit: str | None = None  # None: the user's unit
    duration_s: int | None = None
    distance_m: Decimal | None = None
    rpe: Decimal | None = None
    rir: int | None = None


@dataclass(frozen=True, slots=True)
class QuickLog:
    exercise: str
    sets: tuple[QuickSet, ...]
    note: str = ""


class _Scanner:
    def __init__(self, text: str, pos: int) -> None:
        self.text = text
        self.pos = pos

    def skip_spaces(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def at_end(self) -> bool:
        self.skip_spaces()
        return self.pos >= len(self.text)

    def take(self, pattern: re.Pattern[str], expected: str, spaces: bool = True) -> str:
        if spaces:
            self.skip_spaces()
        match = pattern.match(self.text, self.pos)
        if not match:
            raise QuickLogError(self.text, self.pos, expected)
        self.pos = match.end()
        return match.group(0)

    def maybe(self, pattern: re.Pattern[str], spaces: bool = True) -> str | None:
        start = self.pos
        if spaces:
            self.skip_spaces()
        match = pattern.match(self.text, self.pos)
        if not match:
            self.pos = start
            return None
        self.pos = match.end()
        return match.group(0)

    def peek(self, chars: str) -> bool:
        self.skip_spaces()
        return self.pos < len(self.text) and self.text[self.pos].lower() in chars

    def number(self, expected: str = "a number") -> Decimal:
        return Decimal(self.take(_NUMBER, expected).replace(",", "."))

    def int(self, expected: str) -> int:
        return int(self.take(_INT, expected))

    def unit(self) -> str | None:
        found = self.maybe(_UNIT)
        if found:
            return "kg" if found.lower().startswith("kg") else "lb"
        # A letter glued to the number that is not a unit is a typo worth pointing at.
        if self.pos < len(self.text) and self.text[self.pos].isalpha():
            raise QuickLogError(self.text, self.pos, "a unit kg or lb")
        return None


def _sets_first(s: _Scanner) -> list[QuickSet]:
    s.skip_spaces()
    count_at = s.pos
    count = s.int("a number of sets")
    if not 1 <= count <= MAX_SETS:
        raise QuickLogError(s.text, count_at, f"1 to {MAX_SETS} sets")
    s.take(_X, "x between sets and reps (as in 3x12)")
    amount = s.int("a number of reps, seconds or meters")
    time_unit = s.maybe(_TIME, spaces=False)
    if time_unit:
        one = QuickSet(duration_s=amount * 60 if time_unit.lower() == "min" else amount)
    elif s.maybe(_METERS, spaces=False):
        one = QuickSet(distance_m=Decimal(amount))
    else:
        one = QuickSet(reps=amount)
    # After "SETSxREPS", "@ 10kg" (or "@ 10" in the user's unit) is the weight; "@rpe 8" is not.
    if s.maybe(re.compile(r"@(?!\s*rpe)", re.IGNORECASE)):
        weight = s.number("a weight after @")
        one = replace(one, weight=weight, unit=s.unit())
    elif s.peek("+-"):
        sign = s.take(re.compile(r"[+-]"), "+ or -")
        weight = s.number(f"a weight after {sign}")
        one = replace(one, weight=weight if sign == "+" else -weight, unit=s.unit())
    return [one] * count


def _weight_first(s: _Scanner) -> list[QuickSet]:
    weight = s.number("a weight")
    unit = s.unit()
    s.take(_X, "x between weight and reps (as in 100kg x 5)")
    reps = [s.int("a number of reps")]
    while s.maybe(re.compile(r"[,/]")):
        reps.append(s.int("a number of reps after the comma"))
    if s.maybe(_X):
        times = s.int("a number of sets")
        if not 1 <= times <= MAX_SETS or len(reps) != 1:
            raise QuickLogError(s.text, s.pos - len(str(times)), f"1 to {MAX_SETS} sets after one rep count")
        reps = reps * times
    return [QuickSet(reps=r, weight=weight, unit=unit) for r in reps]


def _extras(s: _Scanner, sets: list[QuickSet]) -> tuple[list[QuickSet], str]:
    expected = "the end of the line, @RPE, rpe N, rir N or # note"
    while not s.at_end():
        if s.maybe(re.compile("#")):
            return sets, s.text[s.pos :].strip()
        if s.maybe(re.compile(r"@\s*rpe|@|rpe", re.IGNORECASE)):
            rpe = s.number("an RPE from 1 to 10")
            sets = [replace(one, rpe=rpe) for one in sets]
        elif s.maybe(re.compile("rir", re.IGNORECASE)):
            rir = s.int("reps in reserve (a whole number)")
            sets = [replace(one, rir=rir) for one in sets]
        else:
            raise QuickLogError(s.text, s.pos, expected)
    return sets, ""


def _parse_from(text: str, start: int) -> QuickLog:
    s = _Scanner(text, start)
    sets = _weight_first(s) if _looks_weight_first(text, start) else _sets_first(s)
    sets, note = _extras(s, sets)
    return QuickLog(exercise=text[:start].strip(), sets=tuple(sets), note=note)


def _looks_weight_first(text: str, start: int) -> bool:
    """ "140kg x 5" starts with a weight (a unit or decimal point); "3x12" with a set count."""
    match = re.compile(r"\d+(?:[.,]\d+)?\s*(kgs?|lbs?)?").match(text, start)
    if match is None:
        return False
    number = match.group(0)
    return bool(match.group(1)) or "." in number or "," in number or _weight_then_list(text, match.end())


def _weight_then_list(text: str, pos: int) -> bool:
    """Bare "225 x 5,5,5" or "100 x 5 x 3": a reps list or a trailing set count means weight first."""
    rest = text[pos:]
    return bool(re.match(r"\s*[x×*]\s*\d+\s*([,/]|[x×*]\s*\d)", rest, re.IGNORECASE))


def parse_quicklog(text: str) -> QuickLog:
    """Read one quick-log line; raises QuickLogError pointing at what it could not read."""
    if not text.strip():
        raise QuickLogError(text, 0, "an exercise name followed by sets, e.g. 'Back extension 3x12'")
    # The sets start at a digit after a space, with the exercise name before it (" 3x12" names none).
    candidates = [m.start() for m in re.finditer(r"(?<=\s)\d", text) if text[: m.start()].strip()]
    if not candidates:
        end = len(text.rstrip())
        raise QuickLogError(text, end, "sets and reps after the exercise name, e.g. 3x12 or 100kg x 5")
    furthest: QuickLogError | None = None
    for start in candidates:
        try:
            return _parse_from(text, start)
        except QuickLogError as error:
            if furthest is None or error.column > furthest.column:
                furthest = error
    assert furthest is not None
    raise furthest
