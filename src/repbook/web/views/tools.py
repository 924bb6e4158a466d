"""The calculators page: 1RM, RPE chart, plates, warm-up, kg ↔ lb and strength scores.

Public: logged out it uses kilograms and the standard barbell, logged in the user's unit and barbell.
Every number comes from `core`; this module only picks the inputs and formats the answers.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from repbook.core import scores
from repbook.core.e1rm import FORMULA_NAMES, RELIABLE_REPS, estimate_1rm
from repbook.core.plates import STANDARD_SETUPS, BarbellSetup, plates_per_side
from repbook.core.rpe import e1rm_from_rpe, load_for, percent_of_1rm
from repbook.core.units import from_kg, plain, to_kg
from repbook.core.warmup import warmup_ramp
from repbook.services.account.accounts import settings_for, user_barbell
from repbook.web.tool_forms import (
    ConvertForm,
    LoadForm,
    OneRepMaxForm,
    PlatesForm,
    ScoreForm,
    ToolForm,
    WarmupForm,
)

Result = dict[str, Any]
#: The chart's columns: RPE 10 down to 6 in half steps; its rows: the reps estimates are good for.
RPE_COLUMNS = [Decimal(10) - Decimal("0.5") * i for i in range(9)]
CHART_REPS = range(1, RELIABLE_REPS + 1)


def shown(value: float | Decimal) -> str:
    """A number to 2 decimals without trailing zeros (via str so a float's binary tail does not tip it)."""
    return plain(Decimal(str(value)).quantize(Decimal("0.01"), ROUND_HALF_UP))


def rpe_chart() -> list[tuple[int, list[str]]]:
    """Rows of (reps, %1RM at each RPE of RPE_COLUMNS); "–" where the chart has no value."""
    return [
        (reps, [shown(pct) if (pct := percent_of_1rm(reps, rpe)) else "–" for rpe in RPE_COLUMNS])
        for reps in CHART_REPS
    ]


def one_rep_max(data: Result, barbell: BarbellSetup) -> Result:
    """Every formula's 1RM for the weight and reps, and the RPE chart's when an RPE is given."""
    weight, reps, effort = float(data["weight"]), data["reps"], data["rpe"]
    from_chart = e1rm_from_rpe(weight, reps, effort) if effort is not None else None
    return {
        "weight": plain(data["weight"]),
        "reps": reps,
        "rows": [
            (slug, name, shown(estimate_1rm(weight, reps, slug) or 0)) for slug, name in FORMULA_NAMES.items()
        ],
        "rpe": plain(effort) if effort is not None else None,
        "from_chart": shown(from_chart) if from_chart else None,
        "reliable": reps <= RELIABLE_REPS,
    }


def load(data: Result, barbell: BarbellSetup) -> Result:
    """The load for reps at an RPE from a 1RM (the chart's share of it)."""
    # The form already refused reps and RPE off the chart, so neither is None here.
    reps, effort = data["reps"], data["rpe"]
    return {
        "load": shown(load_for(float(data["e1rm"]), reps, effort) or 0),
        "reps": reps,
        "rpe": plain(effort),
        "percent": shown(percent_of_1rm(reps, effort) or 0),
    }


def _bar(data: Result, barbell: BarbellSetup) -> Decimal:
    bar: Decimal | None = data["bar"]
    return barbell.bar if bar is None else bar


def plates(data: Result, barbell: BarbellSetup) -> Result:
    """Plates per side on the typed bar or the user's, with the user's plates."""
    bar = _bar(data, barbell)
    loaded = plates_per_side(data["weight"], bar, barbell.plates)
    return {
        "weight": plain(data["weight"]),
        "bar": plain(bar),
        "below_bar": data["weight"] < bar,
        "per_side": [plain(p) for p in loaded.per_side],
        "exact": loaded.exact,
        "loaded": plain(loaded.total),
        "short_by": plain(loaded.short_by),
        "plates": ", ".join(plain(p) for p in barbell.plates),
    }


def warmup(data: Result, barbell: BarbellSetup) -> Result:
    """Warm-up sets before the working weight, in the user's smallest barbell jump."""
    bar = _bar(data, barbell)
    ramp = warmup_ramp(data["weight"], bar, barbell.step)
    return {
        "weight": plain(data["weight"]),
        "bar": plain(bar),
        "sets": [(plain(s.weight), s.reps, s.percent) for s in ramp],
    }


def convert(data: Result, barbell: BarbellSetup) -> Result:
    """Kilograms to pounds or back, to 2 decimals."""
    value, unit = data["value"], data["unit"]
    # 2 decimals either way; pounds go through the gram-exact kilograms core stores.
    other = from_kg(value, "lb") if unit == "kg" else from_kg(to_kg(value, "lb"), "kg")
    return {
        "value": plain(value),
        "unit": unit,
        "other": plain(other),
        "other_unit": "lb" if unit == "kg" else "kg",
    }


def strength_scores(data: Result, barbell: BarbellSetup) -> Result:
    """Wilks, Wilks 2020, DOTS and IPF GL points for a total and body weight in the user's unit."""
    total, bodyweight = (
        float(to_kg(data["total"], barbell.unit)),
        float(to_kg(data["bodyweight"], barbell.unit)),
    )
    sex = data["sex"]
    gl = scores.ipf_gl(total, bodyweight, sex, data["event"], data["equipped"])
    return {
        "rows": [
            ("Wilks", shown(scores.wilks(total, bodyweight, sex))),
            ("Wilks 2020", shown(scores.wilks2020(total, bodyweight, sex))),
            ("DOTS", shown(scores.dots(total, bodyweight, sex))),
            ("IPF GL", shown(gl)),
        ],
        "gl_undefined": bodyweight < 35,
    }


#: Each calculator: its form, and what it makes of the form's clean data.
CALCULATORS: list[tuple[type[ToolForm], Callable[[Result, BarbellSetup], Result]]] = [
    (OneRepMaxForm, one_rep_max),
    (LoadForm, load),
    (PlatesForm, plates),
    (WarmupForm, warmup),
    (ConvertForm, convert),
    (ScoreForm, strength_scores),
]


def _barbell_and_formula(request: HttpRequest) -> tuple[BarbellSetup, str | None]:
    if not request.user.is_authenticated:
        return STANDARD_SETUPS["kg"], None
    prefs = settings_for(request.user)
    return user_barbell(prefs), prefs.e1rm_formula


@require_GET
def tools_page(request: HttpRequest) -> HttpResponse:
    """The calculators; each answers the form that was submitted, the others stay empty."""
    barbell, formula = _barbell_and_formula(request)
    context: dict[str, Any] = {
        "unit": barbell.unit,
        "my_formula": formula,
        "reliable_reps": RELIABLE_REPS,
        "rpe_columns": [plain(rpe) for rpe in RPE_COLUMNS],
        "chart": rpe_chart(),
    }
    for form_class, calculate in CALCULATORS:
        form = form_class(request.GET, unit=barbell.unit, bar=plain(barbell.bar))
        context[f"{form.prefix}_form"] = form
        context[f"{form.prefix}_result"] = calculate(form.cleaned_data, barbell) if form.is_valid() else None
    return render(request, "web/tools.html", context)
