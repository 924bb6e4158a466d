"""Import a file from another app (or a Repbook backup) and export everything."""

from __future__ import annotations

import json
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from ninja import File, Form, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.responses import Status
from pydantic import Field

from repbook.api.errors import errors
from repbook.importers.common import MAX_FILE_BYTES
from repbook.services.transfer.export import backup_text, csv_lines, export_filename
from repbook.services.transfer.import_json import report_json
from repbook.services.transfer.imports import ImportOptions, ImportRefused, import_file

router = Router(tags=["import and export"])


class ImportIn(Schema):
    format: str = Field("auto", description="auto (from the content) or strong, hevy, fitnotes, …")
    unit: Literal["kg", "lb"] | None = Field(None, description="for files that do not say; default: yours")
    dry_run: bool = Field(False, description="report what would be imported, write nothing")
    create_missing: bool = Field(False, description="create custom exercises for unmatched names")
    mapping: str = Field(
        "",
        description='JSON object: foreign name → exercise slug, "+new" (create) or "-skip"',
        max_length=100_000,
    )


def _choices(text: str) -> dict[str, str]:
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise ImportRefused("mapping", "must be a JSON object of names to slugs") from exc
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ImportRefused("mapping", "must be a JSON object of names to slugs")
    return {str(k): v for k, v in value.items()}


@router.post(
    "/imports", response={200: dict[str, Any], 201: dict[str, Any], **errors(400, 401, 403, 413, 422)}
)
def create_import(
    request: HttpRequest, file: File[UploadedFile], options: Form[ImportIn]
) -> Status[dict[str, Any]]:
    """Import an export file: 201 with the report, or 200 for a dry run.

    422 names the problem (`file`, `format`, `unit`, `mapping`) and nothing is written; unmatched
    exercise names are listed by a dry run and must be mapped, skipped or created.
    """
    if file.size is not None and file.size > MAX_FILE_BYTES:
        raise HttpError(413, f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    choices = _choices(options.mapping)
    opts = ImportOptions(options.format, options.unit, choices, options.create_missing, options.dry_run)
    report = import_file(request.auth, file.read(), opts)  # type: ignore[attr-defined]
    return Status(200 if options.dry_run else 201, report_json(report))


@router.get("/export.csv", response={200: None, **errors(401)})
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Every set as one CSV row (columns documented in docs/import-export.md)."""
    response = StreamingHttpResponse(csv_lines(request.auth), content_type="text/csv; charset=utf-8")  # type: ignore[attr-defined]
    response["Content-Disposition"] = f'attachment; filename="{export_filename("csv")}"'
    return response


@router.get("/export.json", response={200: None, **errors(401)})
def export_json(request: HttpRequest) -> HttpResponse:
    """Everything you own as JSON: the backup `repbook import` (or POST /imports) restores."""
    response = HttpResponse(backup_text(request.auth), content_type="application/json")  # type: ignore[attr-defined]
    response["Content-Disposition"] = f'attachment; filename="{export_filename("json")}"'
    return response
