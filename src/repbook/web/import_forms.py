"""The upload form of the import page."""

from __future__ import annotations

from typing import Any

from django import forms

from repbook.importers.common import MAX_FILE_BYTES
from repbook.importers.formats import FORMAT_LABELS


class ImportForm(forms.Form):
    file = forms.FileField(label="Export file", help_text="CSV or JSON, as the other app wrote it.")
    format = forms.ChoiceField(
        choices=[("auto", "Tell from the file"), *FORMAT_LABELS.items()],
        initial="auto",
        label="From",
    )
    unit = forms.ChoiceField(
        choices=[("kg", "kg"), ("lb", "lb")],
        label="Weights are in",
        help_text="Used only when the file does not say (Strong on iOS never does).",
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
        return upload
