"""The editorial checks: the real directory passes, and each kind of mistake it once held is caught."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from repbook.catalog.__main__ import main
from repbook.catalog.checks import Finding, catalog_findings, equipment_named_by
from repbook.catalog.files import CATALOG_DIR, read_catalog
from repbook.core.exercise import Alternative, ExerciseSpec

SPECS = read_catalog()


def _with(slug: str, **changes: object) -> list[ExerciseSpec]:
    """The real catalog with one page changed back to how it once read."""
    return [replace(s, **changes) if s.slug == slug else s for s in SPECS]  # type: ignore[arg-type]


def _spec(slug: str) -> ExerciseSpec:
    return next(s for s in SPECS if s.slug == slug)


def _alternatives(slug: str, *extra: str) -> tuple[Alternative, ...]:
    return (
        *_spec(slug).alternatives,
        *(Alternative(e, "An older alternative kept for the test.") for e in extra),
    )


def _messages(findings: list[Finding]) -> list[str]:
    return [str(f) for f in findings]


def test_the_directory_has_no_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert _messages(catalog_findings(SPECS)) == []
    assert main([]) == 0
    assert "exercises valid" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("slug", "old_alternative"),
    [
        ("dumbbell-shrug", "face-pull"),
        ("dumbbell-shrug", "band-pull-apart"),
        ("barbell-shrug", "face-pull"),
        ("cable-lateral-raise", "cable-external-rotation"),
        ("dumbbell-lateral-raise", "pike-push-up"),
        ("wall-sit", "plank"),
        ("band-curl", "inverted-row"),
        ("farmers-carry", "plank"),
        ("neck-extension", "superman"),
        ("neck-flexion", "hollow-hold"),
        ("neck-side-flexion", "side-plank"),
        ("hip-abduction-machine", "step-up"),
        ("banded-lateral-walk", "side-plank"),
        ("lying-leg-curl", "single-leg-glute-bridge"),
        ("seated-leg-curl", "single-leg-glute-bridge"),
    ],
)
def test_an_alternative_training_other_muscles_is_found(slug: str, old_alternative: str) -> None:
    findings = catalog_findings(_with(slug, alternatives=_alternatives(slug, old_alternative)))
    assert [(f.slug, repr(old_alternative) in f.message) for f in findings] == [(slug, True)]


def test_a_reason_lets_a_different_alternative_stand() -> None:
    explained = Alternative(
        "face-pull", "An older alternative kept for the test.", "It trains the traps too."
    )
    specs = _with("dumbbell-shrug", alternatives=(*_spec("dumbbell-shrug").alternatives, explained))
    assert catalog_findings(specs) == []


@pytest.mark.parametrize(
    ("slug", "old_equipment", "alias"),
    [
        ("thruster", ("dumbbell",), "Thruster (Barbell)"),
        ("standing-calf-raise", ("machine",), "Standing Calf Raise (Dumbbell)"),
        ("seated-calf-raise", ("machine",), "Seated Calf Raise (Dumbbell)"),
        ("goblet-squat", ("dumbbell",), "Goblet Squat (Kettlebell)"),
        ("farmers-carry", ("dumbbell",), "Farmer's Walk (Kettlebell)"),
        ("suitcase-carry", ("dumbbell",), "Suitcase Carry (Kettlebell)"),
        ("split-squat", ("bodyweight",), "Split Squat (Dumbbell)"),
        ("reverse-lunge", ("bodyweight",), "Reverse Lunge (Barbell)"),
        ("step-up", ("bodyweight", "box"), "Step Up (Dumbbell)"),
        ("clamshell", ("bodyweight",), "Clamshell (Band)"),
        ("neck-flexion", ("plate", "bench"), "Neck Flexion (Band)"),
        ("lat-pulldown", ("cable",), "Lat Pulldown (Machine)"),
    ],
)
def test_an_alias_naming_missing_equipment_is_found(
    slug: str, old_equipment: tuple[str, ...], alias: str
) -> None:
    findings = catalog_findings(_with(slug, equipment=old_equipment))
    assert any(f.slug == slug and f.field == "aliases" and repr(alias) in f.message for f in findings)


def test_a_sentence_copied_from_another_page_is_found() -> None:
    copied = _spec("back-extension").benefits[0].text
    findings = catalog_findings(
        _with("good-morning", introduction=_spec("good-morning").introduction + " " + copied)
    )
    assert [(f.slug, f.field) for f in findings] == [("good-morning", "introduction")]
    assert "'back-extension'" in findings[0].message


def test_short_stock_cues_may_recur() -> None:
    cue = "Take a breath and brace your stomach."
    specs = _with("good-morning", introduction=_spec("good-morning").introduction + " " + cue)
    specs = [
        replace(s, introduction=s.introduction + " " + cue) if s.slug == "deadlift" else s for s in specs
    ]
    assert catalog_findings(specs) == []


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("Standing Calf Raise (Smith Machine)", ["smith machine"]),
        ("Bench Press (Dumbbell)", ["dumbbell"]),
        ("EZ-Bar Curl", ["ez bar"]),
        ("Lat Pulldown (Machine)", ["machine"]),
        ("Bandit press", []),
        ("Back Extension", []),
    ],
)
def test_equipment_words_are_whole_words(label: str, words: list[str]) -> None:
    assert [w for w, _ in equipment_named_by(label)] == words


def test_the_checker_fails_on_the_old_thruster_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(CATALOG_DIR, tmp_path, dirs_exist_ok=True)
    page = tmp_path / "thruster.toml"
    text = page.read_text()
    page.write_text(
        text.replace('equipment = ["dumbbell", "barbell", "kettlebell"]', 'equipment = ["dumbbell"]')
    )
    assert main(["--dir", str(tmp_path)]) == 1
    errors = capsys.readouterr().err
    assert "thruster.toml: aliases: 'Thruster (Barbell)' names 'barbell'" in errors
    assert errors.rstrip().endswith(f"problems in {len(SPECS)} exercises")
