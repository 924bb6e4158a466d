"""Readiness: a stored stamp lets every command skip migration planning and catalog hashing."""

from __future__ import annotations

from pathlib import Path

import pytest

from repbook.catalog.load import catalog_fingerprint
from repbook.programs.load import programs_fingerprint
from repbook.services.system import bootstrap
from repbook.storage.models import SiteSettings


@pytest.mark.django_db
def test_an_up_to_date_database_costs_one_query(django_assert_num_queries) -> None:
    bootstrap.ensure_ready()  # writes the stamp of this code
    assert SiteSettings.current().ready_stamp == bootstrap.ready_stamp()
    with django_assert_num_queries(1):
        assert bootstrap.ensure_ready() == 0


@pytest.mark.django_db
def test_a_stale_stamp_reloads_the_catalog_and_programs() -> None:
    SiteSettings.current()
    SiteSettings.objects.update(ready_stamp="from another version", catalog_version="", programs_version="")
    assert bootstrap.ensure_ready() == 0
    site = SiteSettings.current()
    assert site.catalog_version == catalog_fingerprint()
    assert site.programs_version == programs_fingerprint()
    assert site.ready_stamp == bootstrap.ready_stamp()


@pytest.mark.django_db
def test_the_same_stamp_skips_the_reload_even_when_versions_were_cleared() -> None:
    bootstrap.ensure_ready()
    SiteSettings.objects.update(catalog_version="")
    bootstrap.ensure_ready()
    assert SiteSettings.current().catalog_version == ""  # trusted the stamp: nothing was hashed


def test_the_stamp_follows_the_files(tmp_path: Path) -> None:
    (tmp_path / "deadlift.toml").write_text("name = 'Deadlift'\n")
    before = bootstrap.ready_stamp([tmp_path])
    assert bootstrap.ready_stamp([tmp_path]) == before
    (tmp_path / "deadlift.toml").write_text("name = 'Conventional deadlift'\n")
    assert bootstrap.ready_stamp([tmp_path]) != before
    changed = bootstrap.ready_stamp([tmp_path])
    (tmp_path / "squat.toml").write_text("")
    assert bootstrap.ready_stamp([tmp_path]) != changed


def test_the_stamp_covers_the_folders_the_loaders_read() -> None:
    from django.apps import apps

    from repbook.catalog.files import CATALOG_DIR
    from repbook.programs.files import PROGRAMS_DIR

    found = [Path(apps.get_app_config(label).path) / data for label, data in bootstrap.DATA_FOLDERS]
    assert found == [CATALOG_DIR, PROGRAMS_DIR]
