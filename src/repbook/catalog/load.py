"""Upsert the validated catalog into the database (idempotent; skipped when nothing changed)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from pathlib import Path

from django.db import transaction

from repbook.catalog.files import CATALOG_DIR, read_catalog
from repbook.core.equipment import EQUIPMENT
from repbook.core.exercise import ExerciseSpec
from repbook.core.muscles import MUSCLES
from repbook.core.pose.svg import position_pictures
from repbook.core.search import fold
from repbook.storage.models import Equipment, Exercise, ExerciseMuscle, Muscle, SiteSettings

#: The code that draws the position pictures: a change to it redraws them.
POSE_CODE = Path(position_pictures.__code__.co_filename).parent


def catalog_fingerprint(directory: Path = CATALOG_DIR) -> str:
    """A hash of every catalog file, the canonical lists and the code that draws the position
    pictures (stored with each page); changes when any of them does."""
    digest = hashlib.sha256(repr((MUSCLES, EQUIPMENT)).encode())
    for path in (*sorted(directory.glob("*.toml")), *sorted(POSE_CODE.glob("*.py"))):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_catalog_if_changed(directory: Path = CATALOG_DIR) -> int | None:
    """Load the catalog when its files changed since the last load; returns the count loaded."""
    fingerprint = catalog_fingerprint(directory)
    site = SiteSettings.current()
    if site.catalog_version == fingerprint:
        return None
    count = load_catalog(read_catalog(directory))
    SiteSettings.objects.filter(pk=site.pk).update(catalog_version=fingerprint)
    return count


@transaction.atomic
def load_catalog(specs: list[ExerciseSpec]) -> int:
    """Insert or update every catalog exercise, its muscles and equipment; returns the count."""
    _upsert_reference_tables()
    existing = {e.slug: e for e in Exercise.objects.filter(owner__isnull=True)}
    rows = []
    for spec in specs:
        row = existing.get(spec.slug) or Exercise(slug=spec.slug)
        _fill(row, spec)
        rows.append(row)
    Exercise.objects.bulk_create([r for r in rows if r.pk is None])
    Exercise.objects.bulk_update(
        [r for r in rows if r.slug in existing],
        ["name", "aliases", "category", "level", "mechanics", "pattern", "force",
         "bodyweight_fraction", "measure", "unilateral", "rest_s", "content", "search_text"],
    )  # fmt: skip
    by_slug = {e.slug: e for e in Exercise.objects.filter(owner__isnull=True)}
    ids = [by_slug[s.slug].pk for s in specs]
    ExerciseMuscle.objects.filter(exercise_id__in=ids).delete()
    ExerciseMuscle.objects.bulk_create(
        ExerciseMuscle(exercise_id=by_slug[s.slug].pk, muscle_id=m, role=role)
        for s in specs
        for role, muscles in (("primary", s.primary_muscles), ("secondary", s.secondary_muscles))
        for m in muscles
    )
    through = Exercise.equipment.through
    through.objects.filter(exercise_id__in=ids).delete()
    through.objects.bulk_create(
        through(exercise_id=by_slug[s.slug].pk, equipment_id=e) for s in specs for e in s.equipment
    )
    return len(specs)


def _upsert_reference_tables() -> None:
    for order, (slug, name) in enumerate(MUSCLES.items()):
        Muscle.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})
    for slug, name in EQUIPMENT.items():
        Equipment.objects.update_or_create(slug=slug, defaults={"name": name})


def _fill(row: Exercise, spec: ExerciseSpec) -> None:
    row.name = spec.name
    row.aliases = list(spec.aliases)
    row.category = spec.category
    row.level = spec.level
    row.mechanics = spec.mechanics
    row.pattern = spec.pattern
    row.force = spec.force
    row.bodyweight_fraction = spec.bodyweight_fraction
    row.measure = spec.measure
    row.unilateral = spec.unilateral
    row.rest_s = spec.rest_s
    row.search_text = fold(" | ".join((spec.name, *spec.aliases)))
    row.content = {
        "introduction": spec.introduction,
        "steps": list(spec.steps),
        "benefits": [asdict(b) for b in spec.benefits],
        "variations": [asdict(v) for v in spec.variations],
        "alternatives": [asdict(a) for a in spec.alternatives],
        "recommendation": asdict(spec.recommendation),
        "faq": [asdict(f) for f in spec.faq],
    }
    if spec.poses is not None:
        # Drawn once per catalog load, not per page view: the pictures only change with the files.
        row.content["positions"] = position_pictures(spec.name, spec.slug, spec.poses)
