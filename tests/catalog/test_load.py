"""Loading the catalog into the database is an idempotent upsert."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from repbook.catalog.files import read_catalog
from repbook.catalog.load import load_catalog, load_catalog_if_changed
from repbook.storage.models import Exercise, ExerciseMuscle, SiteSettings

pytestmark = pytest.mark.django_db


def test_load_is_idempotent_and_keeps_ids() -> None:
    specs = read_catalog()
    before = dict(Exercise.objects.filter(owner__isnull=True).values_list("slug", "pk"))
    load_catalog(specs)
    after = dict(Exercise.objects.filter(owner__isnull=True).values_list("slug", "pk"))
    assert before == after
    assert len(after) == len(specs)


def test_muscle_roles_are_stored() -> None:
    links = ExerciseMuscle.objects.filter(exercise__slug="back-extension", exercise__owner__isnull=True)
    roles = {(link.muscle_id, link.role) for link in links}
    assert roles == {
        ("lower_back", "primary"),
        ("glutes", "secondary"),
        ("hamstrings", "secondary"),
    }


def test_unchanged_catalog_is_not_reloaded() -> None:
    SiteSettings.objects.update_or_create(pk=1, defaults={"catalog_version": ""})
    assert load_catalog_if_changed() == len(read_catalog())
    with CaptureQueriesContext(connection) as queries:
        assert load_catalog_if_changed() is None
    assert len(queries) <= 2
