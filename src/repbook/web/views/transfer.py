"""Import history from other apps (upload, review the exercise names, import) and export everything."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from repbook.importers.formats import FORMAT_LABELS
from repbook.services.account.accounts import settings_for
from repbook.services.transfer.export import backup_text, csv_lines, export_filename
from repbook.services.transfer.import_matching import CREATE, SKIP
from repbook.services.transfer.imports import (
    ImportOptions,
    ImportRefused,
    ImportReport,
    UnmatchedNames,
    import_file,
    read_file,
)
from repbook.services.transfer.pending_imports import forget_upload, keep_upload, pending_upload
from repbook.storage.models import Exercise, PendingImport
from repbook.web.import_forms import ImportForm


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    """The upload form (and the export buttons); a readable upload goes on to its review."""
    user: Any = request.user
    form = ImportForm(request.POST or None, request.FILES or None, initial={"unit": settings_for(user).unit})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            options = ImportOptions(form.cleaned_data["format"], form.cleaned_data["unit"])
            try:
                read_file(data, options)
            except ImportRefused as exc:
                form.add_error("file" if exc.field == "file" else None, exc.message)
            else:
                pending = keep_upload(user, upload.name, data, options.format, form.cleaned_data["unit"])
                return redirect("import-review", pending_id=pending.pk)
        status = 422
    return render(request, "web/import/upload.html", {"form": form, "formats": FORMAT_LABELS}, status=status)


def _choices(request: HttpRequest) -> dict[str, str]:
    """The user's answers: row N of the review form sends the foreign name (foreign-N), what Repbook
    proposed (proposed-N) and the choice (name-N); only changed answers count as the user's own."""
    chosen = {}
    number = 0
    while (foreign := request.POST.get(f"foreign-{number}")) is not None:
        value = request.POST.get(f"name-{number}", "")
        if value and value != request.POST.get(f"proposed-{number}", ""):
            chosen[foreign] = value
        number += 1
    return chosen


def _exercise_options(user: Any) -> list[tuple[str, str]]:
    rows = Exercise.objects.visible_to(user).order_by("name").values_list("slug", "name")
    return [(slug, name) for slug, name in rows]


def _review(request: HttpRequest, pending: PendingImport) -> tuple[ImportReport | None, str, int]:
    """One run of the kept upload with the user's answers: a dry run, or the import when asked."""
    user: Any = request.user
    importing = request.method == "POST" and request.POST.get("action") == "import"

    def run(choices: dict[str, str], dry_run: bool) -> ImportReport:
        options = ImportOptions(pending.format, pending.unit, choices, dry_run=dry_run)
        return import_file(user, bytes(pending.data), options)

    choices = _choices(request) if request.method == "POST" else {}
    try:
        return run(choices, dry_run=not importing), "", 200
    except UnmatchedNames as exc:
        return exc.report, exc.message, 422
    except ImportRefused as exc:
        if exc.field != "mapping":
            return None, exc.message, 422
        error = exc.message
    try:  # an answer naming no exercise: show the review as the file alone gives it
        return run({}, dry_run=True), error, 422
    except ImportRefused as exc:
        return None, exc.message, 422


@login_required
def import_review(request: HttpRequest, pending_id: int) -> HttpResponse:
    user: Any = request.user
    try:
        pending = pending_upload(user, pending_id)
    except PendingImport.DoesNotExist as exc:
        raise Http404 from exc
    report, error, status = _review(request, pending)
    if report is not None and not report.dry_run:
        forget_upload(user, pending.pk)
        return render(request, "web/import/done.html", {"report": report})
    context = {
        "pending": pending,
        "report": report,
        "error": error,
        "exercises": _exercise_options(user),
        "create": CREATE,
        "skip": SKIP,
        "format_label": FORMAT_LABELS.get(report.format, report.format) if report else "",
    }
    return render(request, "web/import/review.html", context, status=status)


@login_required
@require_GET
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_lines(request.user), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export_filename("csv")}"'
    return response


@login_required
@require_GET
def export_json(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(backup_text(request.user), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{export_filename("json")}"'
    return response
