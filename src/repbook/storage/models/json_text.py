"""JSON kept as its text on every database, for values that are only ever read and written whole."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.db import models


class JsonText(models.TextField[Any, Any]):
    """A JSON value (dict, list, number, string) stored as compact JSON text.

    For values read whole and decoded in Python, never searched inside: the statistics summaries
    and an exercise's page text. PostgreSQL writes a `jsonb` value out as text again on every
    read, and for the summaries that was most of reading them: a ten-year lifter's 778 deadlift
    sessions took 6 to 7 ms as jsonb and under 2 ms as text. SQLite keeps JSON as text either way.
    Forms (the admin) edit it as JSON, as they edit a JSONField.
    """

    # What django-stubs' plugin reads as the types a model's attribute takes and gives.
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        return value if value is None else json.loads(value)

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> Any:
        return value if value is None else json.dumps(value, separators=(",", ":"))

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": forms.JSONField, **kwargs})

    def value_to_string(self, obj: models.Model) -> str:
        return json.dumps(self.value_from_object(obj), separators=(",", ":"))
