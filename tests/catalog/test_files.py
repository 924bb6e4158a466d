"""The real catalog: every file valid, every link resolves, errors name file and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from repbook.catalog.errors import CatalogError
from repbook.catalog.files import CATALOG_DIR, read_catalog, read_exercise_file


def test_every_catalog_file_is_valid_and_links_resolve() -> None:
    specs = read_catalog()
    slugs = {s.slug for s in specs}
    assert "back-extension" in slugs
    for spec in specs:
        assert spec.linked_slugs <= slugs, spec.slug


def test_an_error_names_the_file_and_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "back-extension.toml"
    text = (CATALOG_DIR / "back-extension.toml").read_text()
    bad.write_text(text.replace('level = "beginner"', 'level = "legendary"'))
    with pytest.raises(CatalogError) as caught:
        read_exercise_file(bad)
    assert str(caught.value).startswith("back-extension.toml: level: 'legendary' is not one of")


def test_broken_toml_is_reported_with_the_file_name(tmp_path: Path) -> None:
    bad = tmp_path / "broken.toml"
    bad.write_text('slug = "broken\n')
    with pytest.raises(CatalogError, match=r"^broken.toml: \(file\): not valid TOML"):
        read_exercise_file(bad)


def test_slug_must_match_the_file_name(tmp_path: Path) -> None:
    shutil.copy(CATALOG_DIR / "back-extension.toml", tmp_path / "hyper.toml")
    with pytest.raises(CatalogError, match="does not match the file name"):
        read_exercise_file(tmp_path / "hyper.toml")


def test_a_link_to_a_missing_exercise_is_reported(tmp_path: Path) -> None:
    shutil.copy(CATALOG_DIR / "back-extension.toml", tmp_path)
    with pytest.raises(CatalogError, match="links to unknown exercise"):
        read_catalog(tmp_path)
