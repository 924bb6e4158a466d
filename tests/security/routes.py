"""Every route Repbook serves, read from the real URL conf and the API's OpenAPI schema.

Web and admin routes are keyed by their URL name ("web:workout-edit", "admin:storage_set_change"), or by
their pattern when they have none; API operations by "METHOD /path" as the schema lists them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from repbook.api.app import api

#: `<int:workout_id>` (Django path converters) and `{workout_id}` (OpenAPI) name a URL parameter.
_CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")
_BRACES = re.compile(r"\{(\w+)\}")
_TYPED_BRACES = re.compile(r"\{(?:\w+:)?(\w+)\}")


@dataclass(frozen=True)
class Route:
    key: str
    path: str  # the pattern, from the site root: "/workouts/<int:workout_id>/", "/api/v1/sets/{set_id}"
    method: str | None = None  # API operations only


def _walk(
    resolver: URLResolver, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, URLPattern]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + str(entry.pattern), entry.namespace or namespace)
        else:
            yield namespace, "/" + prefix + str(entry.pattern), entry


def _api_operations() -> list[Route]:
    """Each operation of the OpenAPI schema, and any the schema leaves out (include_in_schema=False)."""
    schema: dict[str, Any] = api.get_openapi_schema()
    found = {(method.upper(), path) for path, operations in schema["paths"].items() for method in operations}
    root = reverse("api:api-root")
    for prefix, router in api._routers:
        for sub, view in router.path_operations.items():
            parts = [part.strip("/") for part in (root, prefix, sub) if part.strip("/")]
            path = _TYPED_BRACES.sub(r"{\1}", "/" + "/".join(parts) + ("/" if sub.endswith("/") else ""))
            found |= {(method, path) for operation in view.operations for method in operation.methods}
    return [Route(f"{method} {path}", path, method) for method, path in sorted(found)]


def discovered_routes() -> list[Route]:
    """Every route: web pages and forms, the admin, each API operation and the API's own pages.

    A list, not a dict, so that two routes sharing one key show up as a duplicate in the tests.
    """
    operations = _api_operations()
    operation_paths = {route.path for route in operations}
    routes = list(operations)
    for namespace, pattern, entry in _walk(get_resolver()):
        if namespace == "api":
            path = _CONVERTER.sub(r"{\1}", pattern)
            if path not in operation_paths:  # openapi.json, the docs, ninja's root: pages, not operations
                routes.append(Route(f"GET {path}", path, "GET"))
        else:
            routes.append(Route(f"{namespace or 'web'}:{entry.name or pattern}", pattern))
    return routes


def parameters(path: str) -> set[str]:
    """The names of the parameters a route's pattern takes."""
    return {
        *_REGEX_GROUP.findall(path),
        *_CONVERTER.findall(_REGEX_GROUP.sub("", path)),
        *_BRACES.findall(path),
    }


def fill(path: str, values: dict[str, Any]) -> str:
    """The URL of a route with its parameters filled in; KeyError naming a parameter not given."""

    def value(match: re.Match[str]) -> str:
        return str(values[match[1]])

    url = _BRACES.sub(value, _CONVERTER.sub(value, _REGEX_GROUP.sub(value, path)))
    return url.replace("^", "").replace("$", "")
