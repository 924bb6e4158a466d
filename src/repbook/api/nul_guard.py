"""Refuse text holding NUL characters before it reaches a service.

PostgreSQL cannot store or even compare text with NUL (U+0000) in it and fails the whole request;
SQLite would store it. Refusing it in every API input keeps both databases alike and answers with
the field instead of a server error. (Django's form fields already refuse NUL on the web.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest
from pydantic import BaseModel

from repbook.core.errors import FieldError

NUL = "\x00"


def refuse_nul_characters(view: Callable[..., Any]) -> Callable[..., Any]:
    """Operation decorator (after validation): 404 for NUL in a path parameter, 422 naming the
    field for NUL in a query parameter, a form field or the JSON body."""

    @wraps(view)
    def checked(request: HttpRequest, **values: Any) -> Any:
        path_names = set(request.resolver_match.kwargs) if request.resolver_match else set()
        for name, value in values.items():
            for field, text in _texts(name, value):
                if NUL in text:
                    if name in path_names:
                        raise Http404(f"{name} holds a NUL character")
                    raise FieldError(field, "must not contain NUL characters")
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
