"""Server-rendered SVG charts: lines over days and bars, with axes, tips, a legend and a data table.

No JavaScript and no inline style: colours come from classes in app.css (series-1..4, trend, band),
tips show on :hover and :focus, and every text is escaped before the assembled string is marked safe.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

W, H = 360, 200  # viewBox: about the width of a phone, so text is drawn near its real size
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 22, 22  # room for the y labels, the unit and the x labels
PAD = 8  # keeps the first and last marker off the axes
CHAR_W = 6.2  # rough width of a character at font-size 11: keeps labels apart and tips inside
TIP_CHARS = 54  # longer tips are cut on the chart; the native <title> and the table keep them whole
MAX_MARKERS = 150  # beyond this only the highest point of each x-bucket gets a marker
MAX_ROWS = 150
MAX_X_TICKS = 6
LIMIT = 1e12  # larger values are clamped: no training number gets there, and floats stay exact
SVG_NS = "http://www.w3.org/2000/svg"
EMPTY = mark_safe('<p class="muted chart-empty">No data yet.</p>')
SUFFIXES = ((1e12, 1e12, "T"), (1e9, 1e9, "G"), (1e6, 1e6, "M"), (1e3, 1e4, "k"))  # divisor, from, suffix
X_STEPS = [("day", n) for n in (1, 2, 3, 7, 14)] + [("month", n) for n in (1, 2, 3, 6)]
X_STEPS += [("year", n) for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)]
UNIT_DAYS = {"day": 1.0, "month": 30.4, "year": 365.25}
DATE_LABELS: dict[str, Callable[[date], str]] = {
    "day": lambda d: f"{d.day} {d:%b}",  # 3 Nov
    "month": lambda d: f"{d:%b} '{d:%y}",  # Nov '25
    "year": lambda d: str(d.year),  # 2025
}
MAX_ORDINAL = date.max.toordinal()
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Point:
    x: date
    y: float
    tip: str  # shown on hover/tap, e.g. "12 Mar 2025: 120 kg (5 × 100 kg)"
    marked: bool = False  # e.g. an unreliable estimate: drawn hollow, the legend explains
    href: str = ""


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[Point, ...]
    css: str = "series-1"  # series-1 .. series-4, or "trend" for a line without markers


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    tip: str


@dataclass(frozen=True)
class Scale:
    lo: float
    hi: float
    start: float
    end: float

    def __call__(self, v: float) -> float:
        """The coordinate of value v (lo < hi always holds)."""
        return self.start + (v - self.lo) / (self.hi - self.lo) * (self.end - self.start)


def nice_ticks(lo: float, hi: float) -> list[float]:
    """4 to 6 round ticks, 1, 2, 2.5 or 5 × 10^n apart, from at or below lo to at or above hi (lo < hi)."""
    raw = (hi - lo) / 4
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw * (1 - 1e-9))
    first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    digits = max(0, 2 - math.floor(math.log10(step)))
    return [round(i * step, digits) + 0.0 for i in range(first, last + 1)]  # + 0.0: no "-0"


def tick_labels(ticks: Sequence[float]) -> list[str]:
    """Tick texts with the decimals their step needs, shortened with k, M, G or T from 10 000 on."""
    top = max(abs(t) for t in ticks)
    div, suffix = next(((d, s) for d, start, s in SUFFIXES if top >= start), (1.0, ""))
    step = (ticks[1] - ticks[0]) / div
    decimals = next(d for d in range(13) if abs(round(step, d) - step) <= step * 1e-6)
    return [f"{t / div:,.{decimals}f}{suffix}" if t else "0" for t in ticks]


def y_range(values: Sequence[float], zero: bool) -> tuple[float, float]:
    """Lowest and highest value (and 0 for bars); a flat range is padded so it never divides by zero."""
    lo, hi = min(*values, 0.0 if zero else values[0]), max(*values, 0.0 if zero else values[0])
    if hi - lo > max(1e-6, abs(lo) * 1e-6, abs(hi) * 1e-6):
        return lo, hi
    if zero:
        return (0.0, 1.0) if hi >= 0 else (-1.0, 0.0)
    half = max(abs(lo) * 0.1, 1.0)
    return lo - half, hi + half


def _date_steps(unit: str, step: int, lo: int, hi: int) -> Iterator[int]:
    """Ordinals of the ticks every `step` days, months or years between lo and hi."""
    lo, hi = max(lo, 1), min(hi, MAX_ORDINAL)
    first, last = date.fromordinal(lo), date.fromordinal(hi)
    if unit == "day":
        start = lo + (-first.weekday() % 7 if step >= 7 else 0)  # weekly ticks fall on Mondays
        yield from range(start, hi + 1, step)
    elif unit == "month":
        months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
        days = (date(m // 12, m % 12 + 1, 1).toordinal() for m in months if m % step == 0)
        yield from (d for d in days if d >= lo)
    else:
        years = (date(y, 1, 1).toordinal() for y in range(first.year, last.year + 1) if y % step == 0)
        yield from (d for d in years if d >= lo)


def date_ticks(lo: int, hi: int) -> list[tuple[int, str]]:
    """At most 6 x ticks (ordinal, label): "3 Nov" for weeks, "Nov '25" for months, "2025" for years."""
    for unit, step in X_STEPS:
        if (hi - lo) / (step * UNIT_DAYS[unit]) <= MAX_X_TICKS + 1:
            ticks = list(_date_steps(unit, step, lo, hi))
            if len(ticks) <= MAX_X_TICKS:
                return [(t, DATE_LABELS[unit](date.fromordinal(t))) for t in ticks]
    return []


def _esc(text: str) -> str:
    """Text escaped for HTML and SVG, without the control characters XML does not allow."""
    return escape(NOT_XML.sub("", text))


def _line(css: str, x1: float, x2: float, y1: float, y2: float) -> str:
    """A line from (x1, y1) to (x2, y2)."""
    return f'<line class="{css}" x1="{x1:.1f}" x2="{x2:.1f}" y1="{y1:.1f}" y2="{y2:.1f}"/>'


def _text(css: str, x: float, y: float, text: str, anchor: str = "middle") -> str:
    """An escaped label; a middle-anchored one is moved so it stays inside the viewBox."""
    half = len(text) * CHAR_W / 2
    x = min(max(x, half + 2), W - half - 2) if anchor == "middle" else x
    return f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{_esc(text)}</text>'


def _tip(x: float, y: float, text: str) -> str:
    """A guide up from (x, y) and the tip in the strip above the plot: no later marker covers it there."""
    label = text if len(text) <= TIP_CHARS else text[: TIP_CHARS - 1] + "…"
    return _line("guide", x, x, TOP, y) + _text("tip", x, TOP - 7, label)


def _frame(ticks: Sequence[float], y: Scale, unit: str, x_labels: Sequence[tuple[float, str]]) -> str:
    """Gridlines, both axes, the tick labels and the unit at the top of the y axis."""
    bottom = H - BOTTOM
    parts = [_text("unit", 2, 12, unit, "start")]
    for tick, label in zip(ticks, tick_labels(ticks), strict=True):
        parts += [
            _line("grid", LEFT, W - RIGHT, y(tick), y(tick)),
            _text("tick y", LEFT - 4, y(tick) + 4, label, "end"),
        ]
    parts += [_line("axis", LEFT, LEFT, TOP, bottom), _line("axis", LEFT, W - RIGHT, bottom, bottom)]
    for x, label in x_labels:
        parts += [_line("axis", x, x, bottom, bottom + 4), _text("tick x", x, bottom + 15, label)]
    return "".join(parts)


def _band(band: tuple[float, float] | None, y: Scale) -> str:
    """The shaded target range, drawn first so the data lies on top."""
    if band is None:
        return ""
    top, bottom = sorted((y(max(band)), y(min(band))))
    size = f'width="{W - LEFT - RIGHT}" height="{bottom - top:.1f}"'
    return f'<rect class="band" x="{LEFT}" y="{top:.1f}" {size}/>'


def _point(p: Point, x: float, y: float) -> str:
    """A focusable marker with its native title and a tip label; wrapped in a link when it has one."""
    href = p.href if p.href.startswith(("/", "?", "#", "https://", "http://")) else ""  # no javascript:
    focus = "" if href else ' tabindex="0"'  # a link is focusable itself
    g = (
        f'<g class="pt{" marked" if p.marked else ""}"{focus}>'
        f'<title>{_esc(p.tip)}</title><circle class="hit" cx="{x:.1f}" cy="{y:.1f}" r="9"/>'
        f'<circle class="dot{" hollow" if p.marked else ""}" cx="{x:.1f}" cy="{y:.1f}" r="3.5"/>'
        f"{_tip(x, y, p.tip)}</g>"
    )
    return f'<a href="{_esc(href)}">{g}</a>' if href else g


def _markers(points: Sequence[Point], budget: int, lo: int, hi: int) -> list[Point]:
    """All points, or, past the budget, the highest point of each of `budget` equal x-buckets."""
    if len(points) <= budget:
        return list(points)
    best: dict[int, Point] = {}
    for p in points:
        bucket = min(budget - 1, (p.x.toordinal() - lo) * budget // (hi - lo + 1))
        if bucket not in best or p.y > best[bucket].y:
            best[bucket] = p
    return [best[b] for b in sorted(best)]


def _series(s: Series, x: Scale, y: Scale, budget: int) -> str:
    """One series: the complete line, then its markers (none for a trend)."""

    def at(p: Point) -> tuple[float, float]:
        return x(p.x.toordinal()), y(p.y)

    path = "L".join(f"{px:.1f},{py:.1f}" for px, py in map(at, s.points))
    shown = [] if s.css == "trend" else _markers(s.points, budget, int(x.lo), int(x.hi))
    marks = "".join(_point(p, *at(p)) for p in shown)
    return f'<g class="series {_esc(s.css)}"><path class="line" d="M{path}"/>{marks}</g>'


def _bar(b: Bar, left: float, slot: float, y: Scale) -> str:
    """A focusable bar from 0 to its value, with a full-height hit area (a thin bar is hard to tap)."""
    top, bottom = sorted((y(b.value), y(0)))
    return (
        f'<g class="pt bar" tabindex="0"><title>{_esc(b.tip)}</title>'
        f'<rect class="hit" x="{left:.1f}" y="{TOP}" width="{slot:.1f}" height="{H - BOTTOM - TOP}"/>'
        f'<rect class="fill" x="{left + slot * 0.15:.1f}" y="{top:.1f}" width="{slot * 0.7:.1f}" '
        f'height="{max(bottom - top, 0.5):.1f}"/>{_tip(left + slot / 2, top, b.tip)}</g>'
    )


def _legend(items: Sequence[tuple[str, str]]) -> str:
    """An HTML legend (it wraps on a phone): a swatch class and a text per entry."""
    lis = "".join(f'<li><span class="swatch {_esc(css)}"></span>{_esc(text)}</li>' for css, text in items)
    return f'<ul class="legend chart-legend">{lis}</ul>' if items else ""


def _table(rows: Sequence[tuple[str, str]], with_series: bool) -> str:
    """The data as a table, for screen readers and no-CSS readers: the last 150 rows at most."""
    shown = rows[-MAX_ROWS:]
    note = f'<p class="muted">The last {len(shown)} of {len(rows)}.</p>' if len(rows) > len(shown) else ""
    head = "<th>Series</th><th>Value</th>" if with_series else "<th>Value</th>"
    body = "".join(
        f"<tr>{f'<td>{_esc(name)}</td>' if with_series else ''}<td>{_esc(tip)}</td></tr>"
        for name, tip in shown
    )
    return (
        f'<details class="chart-data"><summary>Data</summary>{note}'
        f'<table class="table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>'
    )


def _chart(
    title: str, y_unit: str, x_axis: str, summary: str, body: str, legend: str, table: str
) -> SafeString:
    """A visible title naming both axes' units, then the svg, its legend and its table, in one block."""
    label = _esc(f"{title}: {summary}")
    svg = (
        f'<svg class="chart-svg" viewBox="0 0 {W} {H}" width="100%" role="img" aria-label="{label}" '
        f'xmlns="{SVG_NS}"><title>{_esc(title)}</title>{body}</svg>'
    )
    axes = f'<span class="chart-axes">{_esc(y_unit)} · by {_esc(x_axis)}</span>'
    return mark_safe(
        f'<div class="chart"><p class="chart-title">{_esc(title)} {axes}</p>{svg}{legend}{table}</div>'
    )


def _clamp(value: float) -> float:
    """The value limited to ±LIMIT (callers leave out NaN and the infinities)."""
    return min(max(value, -LIMIT), LIMIT)


def _clean_band(band: tuple[float, float] | None) -> tuple[float, float] | None:
    """The band clamped, or None when there is none or it is not finite."""
    return (_clamp(band[0]), _clamp(band[1])) if band and all(map(math.isfinite, band)) else None


def _clean_series(s: Series) -> Series:
    """The series sorted by day, without NaN or infinite values, the rest clamped."""
    points = (replace(p, y=_clamp(p.y)) for p in s.points if math.isfinite(p.y))
    return replace(s, points=tuple(sorted(points, key=lambda p: p.x)))


def line_chart(
    series: Sequence[Series],
    *,
    title: str,
    y_unit: str,
    marked_note: str = "",
    band: tuple[float, float] | None = None,
) -> SafeString:
    """An SVG line chart of values over days with legend and data table; "No data yet." when empty."""
    drawn = [s for s in map(_clean_series, series) if s.points]
    if not drawn:
        return EMPTY
    band = _clean_band(band)
    points = [p for s in drawn for p in s.points]
    days = [p.x.toordinal() for p in points]
    lo, hi = min(days), max(days)
    lo, hi = (lo - 1, hi + 1) if lo == hi else (lo, hi)
    ticks = nice_ticks(*y_range([p.y for p in points] + list(band or ()), zero=False))
    x, y = Scale(lo, hi, LEFT + PAD, W - RIGHT - PAD), Scale(ticks[0], ticks[-1], H - BOTTOM, TOP)
    budget = MAX_MARKERS // max(1, sum(s.css != "trend" for s in drawn))
    body = _frame(ticks, y, y_unit, [(x(t), label) for t, label in date_ticks(lo, hi)]) + _band(band, y)
    body += "".join(_series(s, x, y, budget) for s in drawn)
    legend = [(s.css, s.name) for s in drawn] if len(drawn) > 1 else []
    legend += [("band", "target")] if band else []
    legend += [("hollow", marked_note)] if marked_note and any(p.marked for p in points) else []
    rows = sorted((p.x, i, s.name, p.tip) for i, s in enumerate(drawn) for p in s.points)
    summary = f"{len(points)} points, {min(p.y for p in points):g} to {max(p.y for p in points):g} {y_unit}"
    table = _table([(name, tip) for _, _, name, tip in rows], len(drawn) > 1)
    return _chart(title, y_unit, "date", summary, body, _legend(legend), table)


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    y_unit: str,
    band: tuple[float, float] | None = None,
    x_axis: str = "week",
) -> SafeString:
    """An SVG bar chart (bars start at 0) with thinned labels and a data table; "No data yet." when empty."""
    bars = [replace(b, value=_clamp(b.value)) for b in bars if math.isfinite(b.value)]
    if not bars:
        return EMPTY
    band = _clean_band(band)
    ticks = nice_ticks(*y_range([b.value for b in bars] + list(band or ()), zero=True))
    y = Scale(ticks[0], ticks[-1], H - BOTTOM, TOP)
    slot = (W - LEFT - RIGHT) / len(bars)
    every = max(1, math.ceil((max(len(b.label) for b in bars) * CHAR_W + 6) / slot))
    labels = [(LEFT + (i + 0.5) * slot, b.label) for i, b in enumerate(bars) if i % every == 0]
    drawn = "".join(_bar(b, LEFT + i * slot, slot, y) for i, b in enumerate(bars))
    zero = _line("axis", LEFT, W - RIGHT, y(0), y(0))
    body = _frame(ticks, y, y_unit, labels) + _band(band, y) + f'<g class="series series-1">{drawn}</g>'
    body += zero if ticks[0] < 0 else ""  # below zero the baseline is no longer the bottom axis
    summary = f"{len(bars)} bars, {min(b.value for b in bars):g} to {max(b.value for b in bars):g} {y_unit}"
    legend = _legend([("band", "target")] if band else [])
    return _chart(title, y_unit, x_axis, summary, body, legend, _table([("", b.tip) for b in bars], False))
