"""Template filters for Repbook's pages."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any
from uuid import uuid4

from django import template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from repbook.core.muscles import MUSCLES
from repbook.core.units import format_weight, plain
from repbook.services.progress import stats_words
from repbook.services.workout.workout_targets import from_json
from repbook.web.icons import icon

register = template.Library()


@register.simple_tag
def new_client_id() -> str:
    """A fresh key for a form that logs sets: sent twice (a retry, a double tap), it logs once."""
    return str(uuid4())


@register.filter
def muscle_name(slug: str) -> str:
    """ "lower_back" -> "Lower back"."""
    return MUSCLES.get(slug, slug)


@register.filter
def words(slug: str) -> str:
    """ "hip_thrust" -> "Hip thrust": a slug as words for display."""
    text = str(slug).replace("_", " ").replace("-", " ")
    return text[:1].upper() + text[1:]


@register.filter
def set_weight(row: Any, unit: str) -> str:
    """A set's weight in the user's unit, as typed when typed in that unit; "" for none.

    A bodyweight exercise's weight is what was added to the body ("+10 kg") or taken off it by an
    assisting machine or band ("assisted 22.5 kg"); none at all is body weight alone ("BW")."""
    bodyweight = row.exercise.is_bodyweight
    if row.weight_kg is None or (bodyweight and row.weight_kg == 0):
        return "BW" if bodyweight else ""
    if bodyweight and row.weight_kg < 0:
        typed = -row.typed_weight if row.typed_weight is not None else None
        return f"assisted {format_weight(-row.weight_kg, unit, typed, row.typed_unit)}"
    text = format_weight(row.weight_kg, unit, row.typed_weight, row.typed_unit)
    return f"+{text}" if bodyweight else text


@register.filter
def set_target(row: Any, unit: str) -> str:
    """What the program asked of this set, "10–12 @ 20 kg"; "" when it asked nothing."""
    target = from_json(row.target)
    return "" if target is None else target.describe(unit, row.exercise.is_bodyweight)


#: The set type at a glance in a narrow table (a working set needs no mark).
SET_TYPE_MARKS = {"warmup": "W", "drop": "D", "failure": "F", "amrap": "AMRAP"}


@register.filter
def set_type_mark(set_type: str) -> str:
    """ "warmup" -> "W", "drop" -> "D", "failure" -> "F", "amrap" -> "AMRAP"; "" for a working set."""
    return SET_TYPE_MARKS.get(set_type, "")


@register.filter
def load_words(item: Any, kg: Decimal | None) -> str:
    """A planned load in words for this exercise: "12.5 kg", "body weight + 2.5 kg"."""
    return str(item.load_words(kg))


@register.filter
def set_amount(row: Any) -> str:
    """Reps, time or distance of a set: "12", "60 s", "40 m"."""
    if row.reps is not None:
        return str(row.reps)
    if row.duration_s is not None:
        return f"{row.duration_s} s"
    if row.distance_m is not None:
        return f"{plain(row.distance_m)} m"
    return ""


@register.filter
def kg_in(kg: Decimal | None, unit: str) -> str:
    """A total in kilograms shown in the user's unit: "1,250 kg"."""
    return stats_words.volume_words(kg if kg is not None else Decimal(0), unit)


@register.filter
def load_in(kg: Decimal | float | None, unit: str) -> str:
    """A load (or an estimate) in the user's unit to the plate: "116.67 kg", "257.2 lb"."""
    return stats_words.load_words(kg, unit) if kg is not None else ""


@register.filter
def estimate_in(kg: Decimal | float | None, unit: str) -> str:
    """An estimate (e1RM) in the user's unit, to the nearest barbell step: "167.5 kg"."""
    return stats_words.estimate_words(kg, unit) if kg is not None else ""


@register.filter(name="plain")
def plain_number(value: Decimal | None) -> str:
    """A decimal as typed, without trailing zeros: "22.5", "20"; "" for none."""
    return plain(Decimal(value)) if value is not None else ""


@register.filter
def duration(seconds: int | None) -> str:
    if seconds is None:
        return "–"
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours} h {rest // 60} min" if hours else f"{rest // 60} min"


@register.simple_tag(name="icon")
def icon_tag(name: str, size: int = 24) -> str:
    """{% icon "today" %}: one of Repbook's inline line icons (see web/icons.py)."""
    return icon(name, size)


@register.simple_tag
def exercise_cards(cards: Any, exercises_url: str) -> str:
    """The directory's cards as list items: its one long loop (up to 300 cards), written in
    Python with every value escaped, where the template language took 7 ms for the whole catalog."""
    return mark_safe("".join(_exercise_card(card, exercises_url) for card in cards))


def _exercise_card(card: Any, exercises_url: str) -> str:
    facts = card.facts
    href = escape(f"{exercises_url}{facts.slug}/")
    tag = ' <span class="tag">yours</span>' if card.is_custom else ""
    alias = (
        card.matched_alias and f'<span class="muted small">also called {escape(card.matched_alias)}</span>'
    )
    meta = f"{escape(capfirst(facts.level))} · {escape(words(facts.pattern))}"
    return (
        f'<li><a href="{href}"><strong>{escape(facts.name)}</strong>{tag}{alias}'
        f'<span class="meta">{meta}</span></a></li>'
    )


@register.simple_tag
def set_rows(entry_view: Any, unit: str) -> str:
    """The logging page's table rows of one exercise's sets, written in Python with every value
    escaped, as the directory's cards are: the page's longest loop (a full session is 15 to 30
    rows), where the template language resolved a dozen variables and filters per row."""
    with_target = bool(entry_view.entry.target)
    return mark_safe("".join(_set_row(number, row, unit, with_target) for number, row in entry_view.numbered))


def _set_row(number: str, row: Any, unit: str, with_target: bool) -> str:
    side = f" {escape(row.side[:1].upper())}" if row.side != "both" else ""
    kind = escape(row.get_set_type_display())
    mark = set_type_mark(row.set_type)
    abbr = (
        f' <abbr class="set-type set-type-{escape(row.set_type)}" title="{kind}" data-testid="set-type">'
        f"{mark}</abbr>"
        if mark
        else ""
    )
    if row.rpe:
        effort = escape(localize(row.rpe))
    elif row.rir is not None:
        effort = f"RIR {row.rir}"
    else:
        effort = ""
    pain = " ⚠ pain" if row.felt_pain else ""
    target = ""
    if with_target:
        target = f'<td class="muted" data-testid="set-target">{escape(set_target(row, unit))}</td>'
    warmup = " warmup" if row.set_type == "warmup" else ""
    edit = reverse("set-edit", args=[row.pk])
    return (
        f'<tr class="set-row{warmup}" data-testid="set-row">'
        f"<td>{escape(number)}{side}{abbr}</td>"
        f"<td>{escape(set_weight(row, unit) or '–')}</td>"
        f"<td>{escape(set_amount(row))}</td>"
        f"<td>{effort}</td>"
        f'<td class="wide-only">{kind}{pain}</td>'
        f"{target}"
        f'<td><a class="edit-link" href="{escape(edit)}" aria-label="Edit set {row.order}">'
        "Edit</a></td></tr>"
    )
