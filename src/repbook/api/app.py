"""The NinjaAPI instance: routers, error handlers, OpenAPI at /api/v1/openapi.json."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from repbook import __version__
from repbook.api import accounts, exercises, programs, stats, transfer, workouts
from repbook.api.auth import AUTH
from repbook.api.docs import LocalSwagger
from repbook.api.nul_guard import refuse_nul_characters
from repbook.api.throttles import THROTTLES
from repbook.core.errors import FieldError
from repbook.services.program.programs import ProgramError

api = NinjaAPI(
    title="Repbook API",
    version=__version__,
    description="Repbook's JSON API. Authenticate with `Authorization: Bearer <token>`.",
    auth=AUTH,
    urls_namespace="api",
    docs=LocalSwagger(),
    throttle=THROTTLES,
)
api.add_decorator(refuse_nul_characters)
api.add_router("", accounts.router)
api.add_router("", exercises.router)
api.add_router("", workouts.router)
api.add_router("", programs.router)
api.add_router("", stats.router)
api.add_router("", transfer.router)


def _detail(request: HttpRequest, detail: object, status: int) -> HttpResponse:
    return api.create_response(request, {"detail": detail}, status=status)


def _field(loc: tuple[object, ...] | list[object]) -> str | None:
    """("body", "payload", "weight") -> "weight"; ("query", "weeks") -> "weeks"."""
    parts = list(loc)[2:] if loc and loc[0] == "body" and len(loc) > 2 else list(loc)[1:]
    return ".".join(str(p) for p in parts) or None


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [{"field": _field(e.get("loc", ())), "message": e.get("msg", "")} for e in exc.errors]
    return _detail(request, errors, 422)


@api.exception_handler(FieldError)
def on_field_error(request: HttpRequest, exc: FieldError) -> HttpResponse:
    """Every service's bad-input error (the log, body weight, …): 422 naming the field."""
    return _detail(request, [{"field": exc.field, "message": exc.message}], 422)


@api.exception_handler(ProgramError)
def on_program_error(request: HttpRequest, exc: ProgramError) -> HttpResponse:
    if exc.missing:
        return _detail(request, exc.message, 404)
    return _detail(request, [{"field": exc.field, "message": exc.message, "line": exc.line}], 422)


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _detail(request, "Authentication required: send a valid Bearer token.", 401)


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _detail(request, exc.message, exc.status_code)


@api.exception_handler(ObjectDoesNotExist)
def on_not_found(request: HttpRequest, exc: ObjectDoesNotExist) -> HttpResponse:
    # Someone else's row and a missing row answer the same, so ids leak nothing.
    return _detail(request, "Not found.", 404)


@api.exception_handler(Http404)
def on_http404(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _detail(request, "Not found.", 404)


@api.exception_handler(PermissionDenied)
def on_forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _detail(request, str(exc) or "Not allowed.", 403)
