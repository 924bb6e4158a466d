"""`repbook calc e1rm|score|plates|warmup`: the calculators. No database and no user, so they start
at once; the `--json` shapes are listed in the group's help (`repbook calc -h`).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, TypeVar

import click

from repbook.cli.output import echo_json
from repbook.core import e1rm, rpe, scores
from repbook.core.plates import MAX_CALCULATOR_WEIGHT, STANDARD_SETUPS, BarbellSetup, plates_per_side
from repbook.core.units import UNITS, plain, to_kg
from repbook.core.warmup import warmup_ramp

F = TypeVar("F", bound=Callable[..., Any])

CENT = Decimal("0.01")
GRAM = Decimal("0.001")


class Amount(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.4; pyproject allows 8.1
    """A finite decimal from `low` (excluded unless `low_inclusive`) up to `high`, in multiples of `step`."""

    name = "number"

    def __init__(
        self,
        noun: str,
        low: Decimal,
        high: Decimal,
        *,
        low_inclusive: bool = False,
        step: Decimal | None = None,
    ) -> None:
        self.low, self.high, self.low_inclusive, self.step = low, high, low_inclusive, step
        bounds = (
            f"from {plain(low)} to {plain(high)}"
            if low_inclusive
            else f"above {plain(low)}, at most {plain(high)}"
        )
        self.expected = f"{noun} {bounds}" + (" in half steps" if step == Decimal("0.5") else "")

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Decimal:
        if isinstance(value, Decimal):
            return value
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            number = Decimal("NaN")
        if number.is_finite() and abs(number) <= self.high:
            number = number.quantize(GRAM)  # safe here; it turns 1e-999 into 0, which the range refuses
        if not (number.is_finite() and self._in_range(number)):
            self.fail(f"expected {self.expected}, not {value!r}", param, ctx)
        return number

    def _in_range(self, number: Decimal) -> bool:
        above_low = number >= self.low if self.low_inclusive else number > self.low
        return above_low and number <= self.high and not (self.step and number % self.step)


WEIGHT = Amount("a weight", Decimal(0), MAX_CALCULATOR_WEIGHT)
BAR = Amount("a bar weight", Decimal(0), Decimal(100), low_inclusive=True)
REPS = Amount(
    "a whole number of reps", Decimal(1), Decimal(e1rm.MAX_REPS), low_inclusive=True, step=Decimal(1)
)
HALF = Decimal("0.5")
RPE = Amount("an RPE", Decimal(1), Decimal(10), low_inclusive=True, step=HALF)
RIR = Amount("reps in reserve", Decimal(0), Decimal(9), low_inclusive=True, step=HALF)
#: Let a negative number reach its argument's check ("expected a weight above 0") instead of
#: click reading it as an unknown option ("No such option: -5").
NUMBERS_MAY_BE_NEGATIVE = {"ignore_unknown_options": True}
#: The scores that need only total, body weight and sex (gl also takes the event and equipment).
POINTS = {"wilks": scores.wilks, "wilks2020": scores.wilks2020, "dots": scores.dots}


def _unit_option(help_text: str) -> Callable[[F], F]:
    return click.option("--unit", type=click.Choice(UNITS), default="kg", show_default=True, help=help_text)


def _json_option(func: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON (see `repbook calc -h`).")(func)


def _rounded(value: float | Decimal) -> Decimal:
    """`value` to 2 decimals, half up (via str so a float's binary tail does not tip it)."""
    return Decimal(str(value)).quantize(CENT, ROUND_HALF_UP)


def _number(value: float | Decimal | None) -> int | float | None:
    """A JSON number to 2 decimals: 100 rather than 100.0."""
    if value is None:
        return None
    exact = _rounded(value)
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def _shown(value: float | Decimal, unit: str) -> str:
    return f"{plain(_rounded(value))} {unit}"


def _emit(data: dict[str, Any]) -> None:
    echo_json(data)


@click.group("calc")
def calc() -> None:
    """Calculators: estimated 1RM, strength scores, plates per side, warm-up sets.

    \b
    --json prints one object; numbers are rounded to 2 decimals:
    e1rm    {weight, reps, unit, estimates: {formula: 1RM}, rpe, rpe_estimate, reliable}
            rpe and rpe_estimate are null without --rpe/--rir, rpe_estimate off the chart
    score   {total, bodyweight, unit, sex, formula, event, equipped, score}
            event and equipped are null unless --formula gl
    plates  {weight, bar, unit, per_side: [plate, ...], loaded, exact, short_by, below_bar}
            short_by = weight − loaded (negative below the bar)
    warmup  {weight, bar, unit, sets: [{weight, reps, percent}, ...]}
    """


@calc.command("e1rm", context_settings=NUMBERS_MAY_BE_NEGATIVE)
@click.argument("weight", type=WEIGHT)
@click.argument("reps_typed", metavar="REPS", type=REPS)
@click.option(
    "--rpe", "effort", type=RPE, help="The set's RPE (1–10, half steps): adds the RPE-chart estimate."
)
@click.option("--rir", type=RIR, help="Reps in reserve instead of --rpe (RPE = 10 − RIR).")
@click.option("--formula", type=click.Choice(list(e1rm.FORMULAS)), help="Only this formula (default: all).")
@_unit_option("The unit of WEIGHT (the estimates are in the same unit).")
@_json_option
def e1rm_command(
    weight: Decimal,
    reps_typed: Decimal,
    effort: Decimal | None,
    rir: Decimal | None,
    formula: str | None,
    unit: str,
    as_json: bool,
) -> None:
    """Estimate the one-rep max from WEIGHT lifted for REPS (1 rep: the weight itself)."""
    if effort is not None and rir is not None:
        raise click.UsageError("give --rpe or --rir, not both")
    if rir is not None:
        effort = 10 - rir
    reps = int(reps_typed)
    names = [formula] if formula else list(e1rm.FORMULAS)
    estimates = {name: e1rm.estimate_1rm(float(weight), reps, name) for name in names}
    from_chart = rpe.e1rm_from_rpe(float(weight), reps, effort) if effort is not None else None
    reliable = reps <= e1rm.RELIABLE_REPS
    if as_json:
        _emit(
            {
                "weight": _number(weight),
                "reps": reps,
                "unit": unit,
                "estimates": {name: _number(value) for name, value in estimates.items()},
                "rpe": _number(effort),
                "rpe_estimate": _number(from_chart),
                "reliable": reliable,
            }
        )
        return
    click.echo(f"Estimated 1RM from {_shown(weight, unit)} × {reps}:")
    for name, value in estimates.items():
        click.echo(f"  {name:<10} {_shown(value or 0, unit)}")
    if effort is not None:
        percent = rpe.percent_of_1rm(reps, effort)
        chart = (
            f"{_shown(from_chart, unit)} (RPE chart: {plain(_rounded(percent or 0))} % of 1RM)"
            if from_chart
            else "off the chart"
        )
        click.echo(f"  {'RPE ' + plain(effort):<10} {chart}")
    if not reliable:
        click.echo(f"Unreliable: above {e1rm.RELIABLE_REPS} reps every estimate is a rough guess.")


@calc.command("score", context_settings=NUMBERS_MAY_BE_NEGATIVE)
@click.argument("total", type=WEIGHT)
@click.option("--bodyweight", type=WEIGHT, required=True, metavar="KG", help="Body weight (in --unit).")
@click.option("--sex", type=click.Choice(["m", "f"]), required=True, help="m or f.")
@click.option("--formula", type=click.Choice(scores.FORMULAS), required=True, help="The score to compute.")
@click.option("--event", type=click.Choice(["sbd", "bench"]), help="gl only: full power (default) or bench.")
@click.option("--equipped", is_flag=True, help="gl only: equipped rather than raw.")
@_unit_option("The unit of TOTAL and --bodyweight.")
@_json_option
def score(
    total: Decimal,
    bodyweight: Decimal,
    sex: str,
    formula: str,
    event: str | None,
    equipped: bool,
    unit: str,
    as_json: bool,
) -> None:
    """A strength score (Wilks, Wilks 2020, DOTS or IPF GL points) from a TOTAL and body weight."""
    if formula != "gl" and (event or equipped):
        raise click.UsageError("--event and --equipped apply to --formula gl only")
    total_kg, bodyweight_kg = float(to_kg(total, unit)), float(to_kg(bodyweight, unit))
    if formula == "gl":
        value = scores.ipf_gl(total_kg, bodyweight_kg, sex, event or "sbd", equipped)
    else:
        value = POINTS[formula](total_kg, bodyweight_kg, sex)
    if as_json:
        gl = formula == "gl"
        _emit(
            {
                "total": _number(total),
                "bodyweight": _number(bodyweight),
                "unit": unit,
                "sex": sex,
                "formula": formula,
                "event": (event or "sbd") if gl else None,
                "equipped": equipped if gl else None,
                "score": _number(value),
            }
        )
        return
    note = " (IPF GL is 0 below 35 kg body weight)" if formula == "gl" and bodyweight_kg < 35 else ""
    click.echo(f"{formula}: {plain(_rounded(value))}{note}")


def _bar(bar: Decimal | None, unit: str) -> tuple[BarbellSetup, Decimal]:
    setup = STANDARD_SETUPS[unit]
    return setup, setup.bar if bar is None else bar


@calc.command("plates", context_settings=NUMBERS_MAY_BE_NEGATIVE)
@click.argument("weight", type=WEIGHT)
@click.option("--bar", type=BAR, metavar="KG", help="The bar's weight in --unit (default 20 kg or 45 lb).")
@_unit_option("The unit of WEIGHT and --bar; also picks the standard plates.")
@_json_option
def plates(weight: Decimal, bar: Decimal | None, unit: str, as_json: bool) -> None:
    """Plates per side of the bar for WEIGHT, with the standard plates of the unit."""
    setup, bar_weight = _bar(bar, unit)
    load = plates_per_side(weight, bar_weight, setup.plates)
    below_bar = weight < bar_weight
    if as_json:
        _emit(
            {
                "weight": _number(weight),
                "bar": _number(bar_weight),
                "unit": unit,
                "per_side": [_number(p) for p in load.per_side],
                "loaded": _number(load.total),
                "exact": load.exact,
                "short_by": _number(load.short_by),
                "below_bar": below_bar,
            }
        )
        return
    if below_bar:
        click.echo(
            f"{_shown(weight, unit)} is below the {_shown(bar_weight, unit)} bar: the empty bar is the least."
        )
        return
    if not load.exact:
        sizes = ", ".join(plain(p) for p in setup.plates)
        click.echo(f"{_shown(weight, unit)} cannot be made exactly with {sizes} {unit} plates.")
    short = "" if load.exact else f" ({_shown(load.short_by, unit)} short)"
    per_side = " + ".join(plain(p) for p in load.per_side) or "nothing (the empty bar)"
    click.echo(
        f"{_shown(load.total, unit)} on a {_shown(bar_weight, unit)} bar{short}, each side: {per_side}"
    )


@calc.command("warmup", context_settings=NUMBERS_MAY_BE_NEGATIVE)
@click.argument("weight", type=WEIGHT)
@click.option("--bar", type=BAR, metavar="KG", help="The bar's weight in --unit (default 20 kg or 45 lb).")
@_unit_option("The unit of WEIGHT and --bar; also picks the smallest jump (2.5 kg or 5 lb).")
@_json_option
def warmup(weight: Decimal, bar: Decimal | None, unit: str, as_json: bool) -> None:
    """Warm-up sets before a working WEIGHT: the empty bar, then about 40, 60 and 80 %."""
    setup, bar_weight = _bar(bar, unit)
    ramp = warmup_ramp(weight, bar_weight, setup.step)
    if as_json:
        sets = [{"weight": _number(s.weight), "reps": s.reps, "percent": s.percent} for s in ramp]
        _emit({"weight": _number(weight), "bar": _number(bar_weight), "unit": unit, "sets": sets})
        return
    if not ramp:
        click.echo(
            f"No warm-up sets: {_shown(weight, unit)} is not above the {_shown(bar_weight, unit)} bar."
        )
        return
    click.echo(f"Warm-up for {_shown(weight, unit)} on a {_shown(bar_weight, unit)} bar:")
    for row in ramp:
        click.echo(f"  {_shown(row.weight, unit):>10} × {row.reps:<2}  ({row.percent} %)")
    click.echo(f"Then {_shown(weight, unit)}.")
