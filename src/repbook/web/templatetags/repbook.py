"""Template filters for Repbook's pages."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def words(slug: str) -> str:
    """ "hip_thrust" -> "Hip thrust": a slug as words for display."""
    text = str(slug).replace("_", " ").replace("-", " ")
    return text[:1].upper() + text[1:]
