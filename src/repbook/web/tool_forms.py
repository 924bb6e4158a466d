"""Forms of the calculators page (/tools/): read from GET, each under its own prefix.

Labels may say "{unit}" and "{bar}"; each form fills them in for the person looking.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.http import QueryDict

from repbook.core.e1rm import MAX_REPS
from repbook.core.plates import MAX_CALCULATOR_WEIGHT
from repbook.core.rpe import CHART, percent_of_1rm
from repbook.core.units import plain

DECIMAL_INPUT = {"inputmode": "decimal", "step": "any"}


def above_zero(value: Decimal) -> None:
    if value <= 0:
        raise forms.ValidationError("Enter a number above 0.")


def weight_field(label: str, required: bool = True) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        decimal_places=3,
        max_value=MAX_CALCULATOR_WEIGHT,
        validators=[above_zero],
        widget=forms.NumberInput(attrs=DECIMAL_INPUT),
    )


def reps_field() -> forms.IntegerField:
    return forms.IntegerField(label="Reps", min_value=1, max_value=MAX_REPS)


def rpe_field(required: bool) -> forms.DecimalField:
    return forms.DecimalField(
        label="RPE" if required else "RPE (optional)",
        required=required,
        min_value=1,
        max_value=10,
        step_size=Decimal("0.5"),
        error_messages={"step_size": "Enter an RPE in half steps, like 8 or 8.5."},
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.5"}),
    )


def bar_field() -> forms.DecimalField:
    return forms.DecimalField(
        label="Bar ({unit})",
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=3,
        help_text="Empty: {bar} {unit}.",
        widget=forms.NumberInput(attrs=DECIMAL_INPUT),
    )


class ToolForm(forms.Form):
    """A calculator's form, bound only when the request carries its own (prefixed) fields."""

    def __init__(self, query: QueryDict, **words: str) -> None:
        submitted = any(key.startswith(f"{self.prefix}-") for key in query)
        super().__init__(query if submitted else None)
        for field in self.fields.values():
            field.label = field.label and field.label.format(**words)
            field.help_text = field.help_text.format(**words)


class OneRepMaxForm(ToolForm):
    prefix = "e1rm"
    weight = weight_field("Weight ({unit})")
    reps = reps_field()
    rpe = rpe_field(required=False)


class LoadForm(ToolForm):
    prefix = "load"
    e1rm = weight_field("1RM ({unit})")
    reps = reps_field()
    rpe = rpe_field(required=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        reps, rpe = data.get("reps"), data.get("rpe")
        if reps is not None and rpe is not None and percent_of_1rm(reps, rpe) is None:
            self.add_error("reps", f"Off the RPE chart: reps + (10 − RPE) goes up to {plain(max(CHART))}.")
        return data


class PlatesForm(ToolForm):
    prefix = "plates"
    weight = weight_field("Weight ({unit})")
    bar = bar_field()


class WarmupForm(ToolForm):
    prefix = "warmup"
    weight = weight_field("Working weight ({unit})")
    bar = bar_field()


class ConvertForm(ToolForm):
    prefix = "convert"
    value = weight_field("Weight")
    unit = forms.ChoiceField(label="From", choices=[("kg", "kg → lb"), ("lb", "lb → kg")])


class ScoreForm(ToolForm):
    prefix = "score"
    total = weight_field("Total ({unit})")
    bodyweight = weight_field("Body weight ({unit})")
    sex = forms.ChoiceField(label="Sex", choices=[("m", "Male"), ("f", "Female")])
    event = forms.ChoiceField(label="Event", choices=[("sbd", "All three lifts"), ("bench", "Bench only")])
    equipped = forms.BooleanField(required=False, label="Equipped")
