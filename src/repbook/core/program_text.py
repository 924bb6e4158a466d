"""Repbook's program text format: read it, write it; `parse(print(p)) == p`.

A program is a few header lines, then days, each followed by one line per exercise::

    Program: Back workout
    Level: beginner
    Days per week: 2
    About: One session for the whole back.

    Day: Back
    Deadlift: 3x5; linear +5kg; rest 3min
    Pull-up or Lat pulldown: 3x6-8; double
    Note: Use the lat pulldown until you can do six pull-ups.
    Back extension: 3x10-12; double

Lines starting with ``#`` are comments. ``Week 2`` starts the second week (without any ``Week``
line every day is in week 1). A ``Note:`` line belongs to the exercise line above it.

An exercise line is ``EXERCISE [or ALTERNATIVE]: GROUP, GROUP...; OPTION; OPTION...``.

GROUP, a run of alike sets: ``[TYPE] [SETS x] REPS [@ LOAD]``
  - TYPE: ``warm-up``, ``back-off``, ``drop`` or ``to failure`` (nothing: working sets)
  - REPS: ``5``; a range ``8-12``; ``5+`` (the last set as many reps as possible); ``60s`` (a hold)
  - LOAD: ``60kg`` or ``135lb``; ``+5kg`` (added to body weight); ``75%`` (of your 1RM);
    ``75% TM`` (of a training max); ``RPE 8``. No load: you choose it, the rule goes on from it.

OPTION:
  - the rule: ``double``, ``linear``, ``gzclp t1`` (or t2, t3), ``531``, ``rpe``, ``amrap`` or
    ``fixed``, optionally followed by an increment ``+2.5kg`` and, for linear and amrap,
    ``deload 10% after 3`` (failed sessions). Without a rule: ``rpe`` for RPE loads, ``fixed`` for
    percentages and holds, ``double`` for rep ranges, else ``linear``.
  - ``rest 90s``, ``rest 3min`` or ``rest 2:30``
  - ``superset A``: exercises with the same label are done in turn.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Final

from repbook.core.program import (
    GROUP_TYPE_WORDS,
    LEVELS,
    RULE_NAMES,
    Day,
    GroupType,
    Load,
    Prescription,
    Program,
    Rule,
    RuleName,
    SetGroup,
)
from repbook.core.units import plain

MAX_SETS: Final = 20
MAX_REPS: Final = 100
MAX_SECONDS: Final = 3600
MAX_REST_S: Final = 1800
MAX_WEIGHT: Final = Decimal(1000)
MAX_NAME: Final = 120

_TYPES: Final[dict[str, GroupType]] = {
    "warm-up": "warmup", "warmup": "warmup", "back-off": "backoff", "backoff": "backoff",
    "drop": "drop", "to failure": "failure",
}  # fmt: skip
_GROUP: Final = re.compile(
    r"(?:(?P<type>warm-?up|back-?off|drop|to failure)\s+)?"
    r"(?:(?P<sets>\d+)\s*[x×]\s*)?"
    r"(?P<reps>\d+)(?:\s*-\s*(?P<reps_max>\d+))?(?P<seconds>\s*s)?(?P<amrap>\+)?"
    r"(?:\s*@\s*(?P<load>.+))?",
    re.IGNORECASE,
)
_NUMBER: Final = r"\d+(?:\.\d+)?"
_WEIGHT: Final = re.compile(rf"(?P<plus>\+)?\s*(?P<n>{_NUMBER})\s*(?P<unit>kg|lb)", re.IGNORECASE)
_PERCENT: Final = re.compile(rf"(?P<n>{_NUMBER})\s*%\s*(?P<of>TM|1RM)?", re.IGNORECASE)
_RPE: Final = re.compile(rf"RPE\s*(?P<n>{_NUMBER})", re.IGNORECASE)
_RULE: Final = re.compile(
    r"(?P<name>double|linear|gzclp|531|rpe|amrap|fixed)"
    r"(?:\s+t(?P<tier>\d))?"
    rf"(?:\s+\+\s*(?P<inc>{_NUMBER})\s*(?P<unit>kg|lb))?"
    r"(?:\s+deload\s+(?P<pct>\d+)\s*%\s+after\s+(?P<after>\d+))?",
    re.IGNORECASE,
)
_REST: Final = re.compile(r"rest\s+(?:(?P<m>\d+):(?P<ss>[0-5]\d)|(?P<n>\d+)\s*(?P<u>s|min))", re.IGNORECASE)
_SUPERSET: Final = re.compile(r"superset\s+(?P<label>[A-Za-z0-9]{1,8})", re.IGNORECASE)
_HEADER: Final = re.compile(r"(?P<key>program|level|days per week|about|day|note)\s*:\s*(?P<value>.*)", re.I)
_WEEK: Final = re.compile(r"week\s+(?P<n>\d+)", re.IGNORECASE)


class ProgramSyntaxError(ValueError):
    """A program text that cannot be read: the line, and what was expected there."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


# ---------------------------------------------------------------- reading


def parse_program(text: str) -> Program:
    """Read a program; raises ProgramSyntaxError naming the first line that cannot be read."""
    return _Reader().read(text)


def parse_prescription(line: str, note: str = "") -> Prescription:
    """Read one exercise line (as `prescription_line` writes it) and attach its note."""
    try:
        day = _Reader().read(f"Program: -\nDay: -\n{line}\n").days[0]
    except ProgramSyntaxError as exc:
        raise ProgramSyntaxError(1, exc.message) from None
    if len(day.prescriptions) != 1:
        raise ProgramSyntaxError(1, "expected exactly one exercise line")
    return replace(day.prescriptions[0], note=note)


class _Reader:
    def __init__(self) -> None:
        self.name = ""
        self.level = ""
        self.days_per_week: int | None = None
        self.about: list[str] = []
        self.week = 1
        self.days: list[Day] = []
        self.line_no = 0

    def read(self, text: str) -> Program:
        for self.line_no, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if line and not line.startswith("#"):
                self._line(line)
        self.line_no += 1
        if not self.name:
            raise self.error("the program needs a name: a line 'Program: NAME' at the top")
        if not self.days:
            raise self.error("the program has no days: add a line 'Day: NAME' and its exercises")
        for day in self.days:
            if not day.prescriptions:
                raise self.error(f"day {day.name!r} has no exercises")
        first_week = sum(1 for d in self.days if d.week == 1)
        return Program(
            name=self.name,
            days=tuple(self.days),
            level=self.level,
            days_per_week=self.days_per_week or min(first_week, 7),
            about="\n".join(self.about),
        )

    def error(self, message: str) -> ProgramSyntaxError:
        return ProgramSyntaxError(self.line_no, message)

    def _line(self, line: str) -> None:
        week = _WEEK.fullmatch(line)
        if week:
            return self._week(int(week["n"]))
        header = _HEADER.fullmatch(line)
        if header:
            return self._header(header["key"].lower(), header["value"].strip())
        if ":" not in line:
            raise self.error(f"could not read {line!r}: expected 'EXERCISE: SETSxREPS' or a header")
        if not self.days:
            raise self.error("an exercise before any day: start the day with 'Day: NAME'")
        day = self.days[-1]
        self.days[-1] = replace(day, prescriptions=(*day.prescriptions, self._prescription(line)))

    def _week(self, number: int) -> None:
        expected = self.week + 1 if any(d.week == self.week for d in self.days) else self.week
        if number != expected:
            raise self.error(f"expected 'Week {expected}' here, weeks are numbered in order")
        self.week = number

    def _header(self, key: str, value: str) -> None:
        if key == "day":
            if not value or len(value) > MAX_NAME:
                raise self.error(f"a day needs a name of 1 to {MAX_NAME} characters")
            self.days.append(Day(name=value, week=self.week, prescriptions=()))
        elif key == "note":
            self._note(value)
        elif self.days:
            raise self.error(f"'{key.capitalize()}:' belongs at the top, before the first day")
        elif key == "program":
            if not value or len(value) > MAX_NAME:
                raise self.error(f"the program name must be 1 to {MAX_NAME} characters")
            self.name = value
        elif key == "level":
            if value.lower() not in LEVELS:
                raise self.error(f"level {value!r} is not one of {', '.join(LEVELS)}")
            self.level = value.lower()
        elif key == "days per week":
            if not value.isdigit() or not 1 <= int(value) <= 7:
                raise self.error(f"days per week must be a whole number from 1 to 7, not {value!r}")
            self.days_per_week = int(value)
        elif value:  # an About line: a paragraph; an empty one says nothing, as printed
            self.about.append(value)

    def _note(self, text: str) -> None:
        day = self.days[-1] if self.days else None
        if day is None or not day.prescriptions:
            raise self.error("a note belongs under an exercise line")
        last = day.prescriptions[-1]
        note = f"{last.note}\n{text}" if last.note else text
        self.days[-1] = replace(day, prescriptions=(*day.prescriptions[:-1], replace(last, note=note)))

    def _prescription(self, line: str) -> Prescription:
        names, _, rest = line.partition(":")
        exercise, _, alternative = (part.strip() for part in names.partition(" or "))
        for name in (exercise, alternative):
            if len(name) > MAX_NAME:
                raise self.error(f"exercise name {name[:20]!r}... is longer than {MAX_NAME} characters")
        if not exercise or (" or " in names and not alternative):
            raise self.error("an exercise line starts with the exercise's name: 'Squat: 3x5'")
        group_text, *options = (part.strip() for part in rest.split(";"))
        if not group_text:
            raise self.error(f"{exercise}: expected sets and reps after the colon, like 3x8-12")
        groups = tuple(self._group(exercise, g.strip()) for g in group_text.split(","))
        prescription = Prescription(
            exercise=exercise, alternative=alternative or None, groups=groups, rule=_default_rule(groups)
        )
        return self._options(prescription, options)

    def _group(self, exercise: str, text: str) -> SetGroup:
        match = _GROUP.fullmatch(text)
        if not match:
            raise self.error(
                f"{exercise}: could not read {text!r}: expected sets and reps like 3x5, 3x8-12, 5+ or 3x60s"
            )
        sets = int(match["sets"] or 1)
        low, high = int(match["reps"]), int(match["reps_max"] or match["reps"])
        if not 1 <= sets <= MAX_SETS:
            raise self.error(f"{exercise}: {sets} sets: expected 1 to {MAX_SETS}")
        if match["seconds"]:
            if match["reps_max"] or not 1 <= low <= MAX_SECONDS:
                raise self.error(
                    f"{exercise}: a hold is one length from 1 to {MAX_SECONDS} seconds, like 60s"
                )
            reps_min = reps_max = None
            seconds: int | None = low
        else:
            if not 1 <= low <= high <= MAX_REPS:
                raise self.error(
                    f"{exercise}: reps {text!r}: expected 1 to {MAX_REPS}, the lower number first"
                )
            reps_min, reps_max, seconds = low, high, None
        return SetGroup(
            sets=sets,
            reps_min=reps_min,
            reps_max=reps_max,
            seconds=seconds,
            amrap=bool(match["amrap"]),
            set_type=_TYPES[match["type"].lower()] if match["type"] else "working",
            load=self._load(exercise, match["load"].strip()) if match["load"] else Load(),
        )

    def _load(self, exercise: str, text: str) -> Load:
        if weight := _WEIGHT.fullmatch(text):
            value = self._number(exercise, weight["n"], Decimal("0.01"), MAX_WEIGHT, "a weight")
            unit = weight["unit"].lower()
            return Load("added", value, unit) if weight["plus"] else Load("weight", value, unit)
        if percent := _PERCENT.fullmatch(text):
            value = self._number(exercise, percent["n"], Decimal(1), Decimal(110), "a percentage")
            of_tm = (percent["of"] or "").upper() == "TM"
            return Load("pct_tm" if of_tm else "pct_1rm", value)
        if rpe := _RPE.fullmatch(text):
            value = self._number(exercise, rpe["n"], Decimal(5), Decimal(10), "an RPE")
            if value * 2 != int(value * 2):
                raise self.error(f"{exercise}: RPE {rpe['n']}: use whole or half steps, like 8 or 8.5")
            return Load("rpe", value)
        raise self.error(
            f"{exercise}: could not read the load {text!r}: expected 60kg, 135lb, +5kg, 75%, 75% TM or RPE 8"
        )

    def _number(self, exercise: str, text: str, low: Decimal, high: Decimal, what: str) -> Decimal:
        try:
            value = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the patterns only let digits through
            raise self.error(f"{exercise}: {text!r} is not a number") from None
        if not low <= value <= high:
            raise self.error(f"{exercise}: {what} of {text} is out of range ({plain(low)} to {plain(high)})")
        return value

    def _options(self, prescription: Prescription, options: list[str]) -> Prescription:
        seen: set[str] = set()
        for option in options:
            kind, updated = self._option(prescription, option)
            if kind in seen:
                raise self.error(f"{prescription.exercise}: {kind} is given twice")
            seen.add(kind)
            prescription = updated
        return prescription

    def _option(self, prescription: Prescription, option: str) -> tuple[str, Prescription]:
        name = prescription.exercise
        if rest := _REST.fullmatch(option):
            if rest["m"]:
                seconds = int(rest["m"]) * 60 + int(rest["ss"])
            else:
                seconds = int(rest["n"]) * (60 if rest["u"].lower() == "min" else 1)
            if seconds > MAX_REST_S:
                raise self.error(f"{name}: rest of {seconds} s is longer than {MAX_REST_S // 60} minutes")
            return "rest", replace(prescription, rest_s=seconds)
        if superset := _SUPERSET.fullmatch(option):
            return "superset", replace(prescription, superset=superset["label"].upper())
        if rule := _RULE.fullmatch(option):
            return "the rule", replace(prescription, rule=self._rule(name, rule))
        raise self.error(
            f"{name}: could not read {option!r}: expected a rule (double, linear, gzclp t1, 531, rpe, "
            "amrap, fixed), 'rest 90s' or 'superset A'"
        )

    def _rule(self, exercise: str, match: re.Match[str]) -> Rule:
        name: RuleName = next(n for n in RULE_NAMES if n == match["name"].lower())
        tier = int(match["tier"]) if match["tier"] else None
        if name == "gzclp" and tier not in (1, 2, 3):
            raise self.error(f"{exercise}: gzclp needs a tier: gzclp t1, t2 or t3")
        if name != "gzclp" and tier is not None:
            raise self.error(f"{exercise}: a tier (t{tier}) goes only with the gzclp rule")
        rule = Rule(name=name, tier=tier)
        if match["inc"]:
            increment = self._number(exercise, match["inc"], Decimal("0.01"), Decimal(50), "an increment")
            rule = replace(rule, increment=increment, increment_unit=match["unit"].lower())
        if match["pct"]:
            if name not in ("linear", "amrap"):
                raise self.error(f"{exercise}: only linear and amrap rules take 'deload N% after M'")
            percent, after = int(match["pct"]), int(match["after"])
            if not 1 <= percent <= 50 or not 1 <= after <= 10:
                raise self.error(f"{exercise}: deload 1 to 50 % after 1 to 10 failed sessions")
            rule = replace(rule, deload_percent=percent, deload_after=after)
        return rule


def _default_rule(groups: tuple[SetGroup, ...]) -> Rule:
    kinds = {g.load.kind for g in groups}
    if "rpe" in kinds:
        return Rule("rpe")
    if kinds & {"pct_1rm", "pct_tm"} or any(g.seconds for g in groups):
        return Rule("fixed")
    return Rule("double") if any(g.is_range for g in groups) else Rule("linear")


# ---------------------------------------------------------------- writing


def print_program(program: Program) -> str:
    """The program in the text format, in a canonical form (rules and options written out)."""
    lines = [f"Program: {program.name}"]
    if program.level:
        lines.append(f"Level: {program.level}")
    lines.append(f"Days per week: {program.days_per_week}")
    lines += [f"About: {paragraph}" for paragraph in program.about.split("\n") if paragraph]
    week = 0
    for day in program.days:
        if day.week != week and program.weeks > 1:
            lines += ["", f"Week {day.week}"]
        week = day.week
        lines += ["", f"Day: {day.name}"]
        for prescription in day.prescriptions:
            lines.append(prescription_line(prescription))
            lines += [f"Note: {note}" for note in prescription.note.split("\n") if note]
    return "\n".join(lines) + "\n"


def prescription_line(p: Prescription) -> str:
    """One exercise line: 'Pull-up or Lat pulldown: 3x6-8; double; rest 2min'."""
    names = f"{p.exercise} or {p.alternative}" if p.alternative else p.exercise
    options = [rule_text(p.rule)]
    if p.rest_s is not None:
        options.append(
            f"rest {p.rest_s // 60}min" if p.rest_s and p.rest_s % 60 == 0 else f"rest {p.rest_s}s"
        )
    if p.superset:
        options.append(f"superset {p.superset}")
    return f"{names}: {', '.join(group_text(g) for g in p.groups)}; {'; '.join(options)}"


def group_text(group: SetGroup) -> str:
    """'3x8-12', '1x5+ @ 85% TM', 'warm-up 2x5 @ 40%'."""
    if group.seconds is not None:
        amount = f"{group.seconds}s"
    elif group.reps_min == group.reps_max:
        amount = str(group.reps_min)
    else:
        amount = f"{group.reps_min}-{group.reps_max}"
    text = f"{group.sets}x{amount}{'+' if group.amrap else ''}"
    if group.set_type != "working":
        text = f"{GROUP_TYPE_WORDS[group.set_type]} {text}"
    load = load_text(group.load)
    return f"{text} @ {load}" if load else text


def load_text(load: Load) -> str:
    """'60kg', '+5kg', '75%', '75% TM', 'RPE 8', or '' when no load is given."""
    value = plain(load.value) if load.value is not None else ""
    return {
        "none": "",
        "weight": f"{value}{load.unit}",
        "added": f"+{value}{load.unit}",
        "pct_1rm": f"{value}%",
        "pct_tm": f"{value}% TM",
        "rpe": f"RPE {value}",
    }[load.kind]


def rule_text(rule: Rule) -> str:
    """'linear +5kg', 'gzclp t1', 'amrap +2.5kg deload 15% after 2'."""
    text = f"gzclp t{rule.tier}" if rule.name == "gzclp" else rule.name
    if rule.increment is not None:
        text += f" +{plain(rule.increment)}{rule.increment_unit}"
    if (rule.deload_percent, rule.deload_after) != (10, 3):
        text += f" deload {rule.deload_percent}% after {rule.deload_after}"
    return text
