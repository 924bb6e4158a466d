"""Refuse text holding NUL characters or lone surrogates before it reaches a service.

PostgreSQL cannot store or even compare text with NUL (U+0000) in it and fails the whole request;
SQLite would store it. A lone surrogate ("\ud800" in JSON) cannot be encoded for either database.
Refusing both in every API input (with `core.text`'s rule) keeps the databases alike and answers
with the field instead of a server error, also for text that is only looked up (a slug), never
stored. (Django's form fields refuse NUL on the web; form data cannot carry a surrogate.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest
from pydantic import BaseModel

from repbook.core.errors import FieldError
from repbook.core.text import unstorable


def refuse_nul_characters(view: Callable[..., Any]) -> Callable[..., Any]:
    """Operation decorator (after validation): 404 for NUL in a path parameter, 422 naming the
    field for NUL in a query parameter, a form field or the JSON body."""

    @wraps(view)
    def checked(request: HttpRequest, **values: Any) -> Any:
        path_names = set(request.resolver_match.kwargs) if request.resolver_match else set()
        for name, value in values.items():
            for field, text in _texts(name, value):
                if reason := unstorable(text):
                    if name in path_names:
                        raise Http404(f"{name} holds {reason}")
                    raise FieldError(field, f"must not contain {reason}")
        return view(request, **values)

    return checked


def _texts(field: str, value: Any) -> Iterator[tuple[str, str]]:
    """Every string inside `value` (models, lists, dicts and their keys), with the field it is in."""
    if isinstance(value, str):
        yield field, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(name, getattr(value, name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(field, key)
            yield from _texts(field, item)
    elif isinstance(value, list | tuple | set):
        for item in value:
            yield from _texts(field, item)
