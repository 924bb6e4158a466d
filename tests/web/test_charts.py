"""The SVG charts: well-formed, accessible, escaped, small, and sane on odd data (no database)."""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from repbook.web.charts import CHAR_W, MAX_X_TICKS, Bar, Point, Series, W, bar_chart, line_chart, nice_ticks

SVG = "{http://www.w3.org/2000/svg}"
DAY = date(2024, 11, 3)
NUMERIC = ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height")


def days(n: int, step: int = 1, y: float = 100.0) -> tuple[Point, ...]:
    return tuple(
        Point(DAY + timedelta(days=i * step), y + i % 7, f"{DAY + timedelta(days=i * step)}: {y + i % 7} kg")
        for i in range(n)
    )


def parse(html: str) -> ET.Element:
    return ET.fromstring(html)


def svg_of(root: ET.Element) -> ET.Element:
    svg = root.find(f"{SVG}svg")
    assert svg is not None
    return svg


def classes(el: ET.Element) -> list[str]:
    return el.get("class", "").split()


def with_class(root: ET.Element, tag: str, css: str) -> list[ET.Element]:
    return [el for el in root.iter(f"{SVG}{tag}") if css in classes(el)]


def texts(root: ET.Element, css: str) -> list[str]:
    return ["".join(el.itertext()) for el in with_class(root, "text", css)]


def assert_finite(html: str) -> None:
    """Every coordinate parses as a finite number; no nan or inf sneaks into the markup."""
    assert "nan" not in html.lower()
    assert "inf" not in html.lower()
    for el in list(svg_of(parse(html)).iter())[1:]:  # the svg itself is 100% wide
        for name in NUMERIC:
            if name in el.attrib:
                assert math.isfinite(float(el.attrib[name])), (el.tag, name, el.attrib[name])
        for number in re.findall(r"-?[\d.]+(?:e[-+]?\d+)?", el.get("d", "")):
            assert math.isfinite(float(number))


def is_nice(step: float) -> bool:
    mantissa = step / 10 ** math.floor(math.log10(step))
    return any(math.isclose(mantissa, m, rel_tol=1e-6) for m in (1, 2, 2.5, 5, 10))


def test_svg_has_title_role_label_and_viewbox() -> None:
    svg = svg_of(parse(line_chart([Series("Squat", days(5))], title="Squat e1RM", y_unit="kg")))
    title = svg.find(f"{SVG}title")
    assert title is not None and title.text == "Squat e1RM"
    assert svg.get("role") == "img"
    assert svg.get("aria-label", "").startswith("Squat e1RM: 5 points")
    assert svg.get("viewBox") == "0 0 360 200" and svg.get("width") == "100%"
    assert "style" not in {a for el in svg.iter() for a in el.attrib}
    assert not list(svg.iter(f"{SVG}script"))


def test_one_focusable_point_group_per_point_with_title_and_tip() -> None:
    svg = svg_of(parse(line_chart([Series("Squat", days(12))], title="t", y_unit="kg")))
    points = with_class(svg, "g", "pt")
    assert len(points) == 12
    for g in points:
        assert g.get("tabindex") == "0"
        assert g.find(f"{SVG}title") is not None and g.find(f"{SVG}circle") is not None
        assert with_class(g, "text", "tip")


def test_y_ticks_are_nice_numbers_and_the_unit_is_shown() -> None:
    svg = svg_of(parse(line_chart([Series("Squat", days(9, y=97.5))], title="t", y_unit="kg")))
    y_values = [float(t.replace(",", "")) for t in texts(svg, "y")]
    assert 3 <= len(y_values) <= 6
    steps = {round(b - a, 9) for a, b in itertools.pairwise(y_values)}
    assert len(steps) == 1 and is_nice(steps.pop())
    assert y_values[0] <= 97.5 and y_values[-1] >= 103.5
    assert texts(svg, "unit") == ["kg"]


@given(st.floats(-1e9, 1e9), st.floats(1e-3, 1e9))
def test_nice_ticks_cover_the_range_with_four_to_six_round_steps(lo: float, span: float) -> None:
    assume(span > abs(lo) * 1e-6)  # narrower ranges are padded before they get here (y_range)
    ticks = nice_ticks(lo, lo + span)
    step = ticks[1] - ticks[0]
    assert 4 <= len(ticks) <= 6 and is_nice(step)
    assert ticks[0] <= lo + step * 1e-6 and ticks[-1] >= lo + span - step * 1e-6


def test_large_tick_labels_are_shortened() -> None:
    bars = [Bar(f"w{i}", v, f"{v} kg") for i, v in enumerate((12_000, 25_000, 31_000))]
    labels = texts(svg_of(parse(bar_chart(bars, title="Tonnage", y_unit="kg"))), "y")
    assert labels[0] == "0" and all(t.endswith("k") for t in labels[1:])


def test_text_is_escaped() -> None:
    nasty = '<script>alert(1)</script>&"'
    point = Point(DAY, 100, nasty, href='/w/1?a=1&b="2"')
    html = line_chart([Series(nasty, (point,)), Series("b", days(2), "series-2")], title=nasty, y_unit=nasty)
    assert "<script>" not in html
    root = parse(html)
    svg = svg_of(root)
    assert svg.findtext(f"{SVG}title") == nasty
    assert nasty in texts(svg, "unit")
    assert [a.get("href") for a in svg.iter(f"{SVG}a")] == ['/w/1?a=1&b="2"']
    assert nasty in "".join(root.itertext())


def test_links_only_for_safe_urls() -> None:
    points = (Point(DAY, 1, "a", href="javascript:alert(1)"), Point(DAY, 2, "b", href="/workouts/7/"))
    svg = svg_of(parse(line_chart([Series("s", points)], title="t", y_unit="kg")))
    assert [a.get("href") for a in svg.iter(f"{SVG}a")] == ["/workouts/7/"]
    assert len(with_class(svg, "g", "pt")) == 2


def test_marked_points_are_hollow_and_the_note_explains_them() -> None:
    points = (Point(DAY, 100, "5 reps"), Point(DAY + timedelta(days=2), 110, "15 reps", marked=True))
    root = parse(line_chart([Series("e1RM", points)], title="t", y_unit="kg", marked_note="over 12 reps"))
    dots = with_class(svg_of(root), "circle", "dot")
    assert [("hollow" in classes(c)) for c in dots] == [False, True]
    assert "over 12 reps" in "".join(root.itertext())
    unmarked = line_chart([Series("e1RM", points[:1])], title="t", y_unit="kg", marked_note="over 12 reps")
    assert "over 12 reps" not in unmarked


def test_band_lies_behind_the_data_and_has_a_legend_entry() -> None:
    root = parse(bar_chart([Bar("3 Nov", 14, "14 sets")], title="Sets", y_unit="sets", band=(10, 20)))
    svg = svg_of(root)
    order = [classes(el) for el in svg]
    band_at = next(i for i, c in enumerate(order) if "band" in c)
    assert band_at < next(i for i, c in enumerate(order) if "series" in c)
    assert float(with_class(svg, "text", "y")[-1].text or 0) >= 20
    legend = root.find("ul")
    assert legend is not None and "target" in "".join(legend.itertext())


def test_several_series_share_axes_and_have_a_legend_trend_has_no_markers() -> None:
    trend = tuple(Point(p.x, p.y - 1, "trend") for p in days(10))
    root = parse(
        line_chart([Series("Weight", days(10)), Series("Trend", trend, "trend")], title="t", y_unit="kg")
    )
    svg = svg_of(root)
    assert len(with_class(svg, "g", "pt")) == 10
    assert len(with_class(svg, "path", "line")) == 2
    legend = root.find("ul")
    assert legend is not None and ["".join(li.itertext()) for li in legend] == ["Weight", "Trend"]
    assert len(root.findall(".//tbody/tr")) == 20 and root.findall(".//th")[0].text == "Series"


@pytest.mark.parametrize(
    "html",
    [
        line_chart([], title="t", y_unit="kg"),
        line_chart([Series("s", ())], title="t", y_unit="kg"),
        line_chart([Series("s", (Point(DAY, math.nan, "nan"),))], title="t", y_unit="kg"),
        bar_chart([], title="t", y_unit="kg"),
    ],
)
def test_no_data_is_a_short_message_not_an_svg(html: str) -> None:
    assert "No data yet." in html and "<svg" not in html


@pytest.mark.parametrize(
    "points",
    [
        (Point(DAY, 100, "one"),),
        tuple(Point(DAY + timedelta(days=i), 80.0, "flat") for i in range(5)),
        tuple(Point(DAY, 60.0 + i, "same day") for i in range(5)),
        (Point(DAY, 0.0, "zero"), Point(DAY, 0.0, "zero")),
        (Point(date.min, 1, "first day"), Point(date.max, 2, "last day")),
        (Point(date.min, 1, "only the first day"),),
    ],
)
def test_odd_series_give_finite_coordinates(points: tuple[Point, ...]) -> None:
    html = line_chart([Series("s", points)], title="t", y_unit="kg")
    assert_finite(html)
    assert len(with_class(svg_of(parse(html)), "g", "pt")) == len(points)


def test_a_decade_of_sessions_stays_small_and_keeps_the_whole_line() -> None:
    points = tuple(
        Point(DAY + timedelta(days=2 * i), 60 + i * 0.05 + i % 9, f"session {i}", marked=i % 11 == 0)
        for i in range(2000)
    )
    html = line_chart([Series("e1RM", points)], title="t", y_unit="kg", marked_note="rough")
    assert len(html.encode()) < 150_000
    root = parse(html)
    svg = svg_of(root)
    assert 50 <= len(with_class(svg, "g", "pt")) <= 150
    assert with_class(svg, "path", "line")[0].get("d", "").count("L") == 1999
    assert len(root.findall(".//tbody/tr")) == 150
    assert "The last 150 of 2000" in "".join(root.itertext())
    assert root.findall(".//tbody/tr/td")[-1].text == "session 1999"


@pytest.mark.parametrize(
    ("span_days", "pattern"),
    [
        (20, r"\d{1,2} [A-Z][a-z]{2}"),
        (300, r"[A-Z][a-z]{2} '\d{2}"),
        (5 * 365, r"\d{4}"),
        (0, r"\d{1,2} [A-Z][a-z]{2}"),
    ],
)
def test_x_tick_format_follows_the_span_and_labels_do_not_overlap(span_days: int, pattern: str) -> None:
    points = (Point(DAY, 1, "a"), Point(DAY + timedelta(days=span_days), 2, "b"))
    ticks = with_class(svg_of(parse(line_chart([Series("s", points)], title="t", y_unit="kg"))), "text", "x")
    labels = [t.text or "" for t in ticks]
    assert 2 <= len(labels) <= MAX_X_TICKS and all(re.fullmatch(pattern, label) for label in labels)
    xs = [float(t.get("x", "")) for t in ticks]
    for i in range(len(xs) - 1):
        assert xs[i + 1] - xs[i] > (len(labels[i]) + len(labels[i + 1])) * CHAR_W / 2


def test_tips_stay_inside_the_viewbox() -> None:
    long_tip = "12 Mar 2025: 180 kg (3 × 170 kg at RPE 9, belt and knee sleeves, felt heavy today)"
    points = (Point(DAY, 10, long_tip), Point(DAY + timedelta(days=30), 180, long_tip))
    svg = svg_of(parse(line_chart([Series("s", points)], title="t", y_unit="kg")))
    for tip in with_class(svg, "text", "tip"):
        half = len(tip.text or "") * CHAR_W / 2
        assert float(tip.get("x", "")) - half >= 0 and float(tip.get("x", "")) + half <= W
        assert 0 < float(tip.get("y", "")) < 200


def test_bars_start_at_zero_and_handle_zero_and_negative_values() -> None:
    bars = [Bar("a", 0, "zero"), Bar("b", 5, "five"), Bar("c", -3, "minus three")]
    html = bar_chart(bars, title="Change", y_unit="kg")
    assert_finite(html)
    svg = svg_of(parse(html))
    fills = [r for r in svg.iter(f"{SVG}rect") if "fill" in classes(r)]
    tops = [float(r.get("y", "")) for r in fills]
    bottoms = [top + float(r.get("height", "")) for top, r in zip(tops, fills, strict=True)]
    zero = bottoms[1]  # the positive bar ends at 0
    assert abs(tops[2] - zero) <= 0.2 and bottoms[2] > zero + 1 and abs(tops[0] - zero) <= 0.5
    assert len(with_class(svg, "g", "pt")) == 3


def test_a_year_of_weekly_bars_thins_its_labels() -> None:
    bars = [Bar(f"{(DAY + timedelta(weeks=i)):%d %b}", i % 20, f"week {i}") for i in range(52)]
    svg = svg_of(parse(bar_chart(bars, title="Sets", y_unit="sets", band=(10, 20))))
    assert len(with_class(svg, "g", "pt")) == 52
    assert 3 <= len(texts(svg, "x")) <= 10


def test_all_zero_bars_do_not_crash() -> None:
    assert_finite(bar_chart([Bar("a", 0, "zero")] * 3, title="t", y_unit="sets"))


finite = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(-1e-6, 1e-6),
    st.floats(-1000, 1000),
)


@given(st.lists(st.tuples(st.dates(), finite, st.booleans()), min_size=1, max_size=30))
def test_any_line_chart_parses_and_is_finite(rows: list[tuple[date, float, bool]]) -> None:
    points = tuple(Point(d, y, f"{d}: {y}", marked=m) for d, y, m in rows)
    html = line_chart([Series("s", points)], title="t", y_unit="kg", marked_note="m", band=(rows[0][1], 0))
    assert_finite(html)
    svg = svg_of(parse(html))
    assert len(with_class(svg, "g", "pt")) == len(points)
    assert 4 <= len(texts(svg, "y")) <= 6 and 2 <= len(texts(svg, "x")) <= MAX_X_TICKS


words = st.text(max_size=8).filter(lambda t: not {"nan", "inf"} & {t.lower()[i : i + 3] for i in range(6)})


@given(st.lists(st.tuples(words, finite), min_size=1, max_size=60))
def test_any_bar_chart_parses_and_is_finite(rows: list[tuple[str, float]]) -> None:
    html = bar_chart([Bar(label, v, f"{label}: {v}") for label, v in rows], title="t", y_unit="sets")
    assert_finite(html)
    assert len(with_class(svg_of(parse(html)), "g", "pt")) == len(rows)


def test_every_chart_has_a_visible_title_with_its_axes() -> None:
    line = parse(line_chart([Series("Squat", days(3))], title="Squat e1RM", y_unit="kg"))
    bars = parse(bar_chart([Bar("3 Nov", 14, "14 sets")], title="Sets", y_unit="sets"))
    for root, title, axes in ((line, "Squat e1RM", "kg · by date"), (bars, "Sets", "sets · by week")):
        caption = root.find("p")
        assert caption is not None and caption.get("class") == "chart-title"
        assert (caption.text or "").strip() == title
        assert "".join(caption.itertext()).strip().endswith(axes)
