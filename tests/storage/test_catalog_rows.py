"""The catalog's list kept per process (storage.queries.catalog_rows): read once while the
catalog is unchanged, read again when it changes, and merged with each user's own exercises."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from repbook.storage.models import Exercise, ExerciseMuscle, SiteSettings, User
from repbook.storage.queries import catalog_rows, listed_exercises

pytestmark = pytest.mark.django_db


def _names(user: object) -> list[str]:
    return [row.facts.name for row in listed_exercises(user)]


def test_the_catalog_is_read_once_while_it_is_unchanged() -> None:
    first = catalog_rows()
    assert len(first) >= 150 and not any(row.is_custom for row in first)
    with CaptureQueriesContext(connection) as queries:
        again = catalog_rows()
    assert again is first
    assert len(queries) == 1, [q["sql"] for q in queries]  # the catalog's stamp, count and last id


def test_new_catalog_files_are_read_again_by_every_process() -> None:
    """Loading new catalog files stamps SiteSettings.catalog_version: a process that did not make
    the change (no signal reached it; here, a queryset update) reads the catalog again."""
    catalog_rows()
    Exercise.objects.filter(owner__isnull=True, slug="deadlift").update(name="Deadlift (conventional)")
    SiteSettings.objects.update(catalog_version="a newer catalog")
    names = {row.facts.slug: row.facts.name for row in catalog_rows()}
    assert names["deadlift"] == "Deadlift (conventional)"


def test_a_catalog_row_added_or_removed_is_seen() -> None:
    catalog_rows()
    # Changes this process sends no signal for: the catalog's count and last id tell.
    (added,) = Exercise.objects.bulk_create([Exercise(slug="sled-push-repbook-test", name="Sled push")])
    assert "sled-push-repbook-test" in {row.facts.slug for row in catalog_rows()}
    with connection.cursor() as cursor:  # as another process would: no signal here
        cursor.execute(f"DELETE FROM {Exercise._meta.db_table} WHERE id = %s", [added.pk])
    assert "sled-push-repbook-test" not in {row.facts.slug for row in catalog_rows()}


def test_a_change_saved_in_this_process_is_seen_at_once() -> None:
    catalog_rows()
    row = Exercise.objects.get(owner__isnull=True, slug="back-extension")
    ExerciseMuscle.objects.create(exercise=row, muscle_id="calves", role="secondary")
    listed = {r.facts.slug: r.facts for r in catalog_rows()}
    assert "calves" in listed["back-extension"].secondary
    row.name = "Back extension (45°)"
    row.save()
    assert {r.facts.slug: r.facts.name for r in catalog_rows()}["back-extension"] == "Back extension (45°)"


def test_own_exercises_are_merged_in_by_name_and_kept_private(make_user: Callable[..., User]) -> None:
    alice, bob = make_user("alice"), make_user("bob")
    for name in ("aaa carry", "Deadlift from blocks", "zzz hold"):
        Exercise.objects.create(owner=alice, slug=name.lower().replace(" ", "-"), name=name)
    names = _names(alice)
    assert names == sorted(names, key=str.casefold)
    assert names.index("aaa carry") == 0 and names[-1] == "zzz hold"
    assert {"aaa carry", "Deadlift from blocks", "zzz hold"} <= set(names)
    assert [r.is_custom for r in listed_exercises(alice)].count(True) == 3
    assert not {"aaa carry", "zzz hold"} & set(_names(bob))
    assert _names(bob) == [row.facts.name for row in catalog_rows()]


def test_the_admin_shows_catalog_exercises_read_only(make_user: Callable[..., User]) -> None:
    """Catalog rows come from the catalog files (and each process keeps their list): the admin
    lets an operator look at them, and change or delete only users' own exercises."""
    operator = make_user("operator")
    User.objects.filter(pk=operator.pk).update(is_staff=True)
    operator.user_permissions.set(Permission.objects.filter(content_type__model="exercise"))
    owner = make_user("alice")
    own = Exercise.objects.create(owner=owner, slug="sandbag-carry", name="Sandbag carry")
    catalog = Exercise.objects.get(owner__isnull=True, slug="deadlift")
    client = Client()
    client.force_login(operator)
    page = client.get(f"/admin/storage/exercise/{catalog.pk}/change/")
    assert page.status_code == 200 and b'name="name"' not in page.content
    assert client.post(f"/admin/storage/exercise/{catalog.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get(f"/admin/storage/exercise/{own.pk}/change/").content.count(b'name="name"') == 1
    chosen = {"action": "delete_selected", "_selected_action": [catalog.pk, own.pk], "post": "yes"}
    refused = client.post("/admin/storage/exercise/", chosen)
    assert b"Cannot delete" in refused.content
    assert Exercise.objects.filter(pk__in=[catalog.pk, own.pk]).count() == 2
    client.post("/admin/storage/exercise/", chosen | {"_selected_action": [own.pk]})
    assert not Exercise.objects.filter(pk=own.pk).exists()
