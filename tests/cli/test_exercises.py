from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from repbook.cli import main

pytestmark = pytest.mark.django_db(transaction=True)


def test_exercises_json_lists_150_complete_pages() -> None:
    result = CliRunner().invoke(main, ["exercises", "--json"])
    assert result.exit_code == 0, result.output
    pages = json.loads(result.output)
    assert len(pages) >= 150
    for page in pages:
        assert page["primary_muscles"] and page["steps"] and page["faq"], page["slug"]
        assert page["recommendations"]["sets"], page["slug"]


def test_exercises_text_filtered_by_muscle() -> None:
    result = CliRunner().invoke(main, ["exercises", "--muscle", "lower_back"])
    assert result.exit_code == 0
    assert "back-extension" in result.output


def test_exercise_page_as_text_and_json() -> None:
    text = CliRunner().invoke(main, ["exercise", "back-extension"])
    assert text.exit_code == 0
    assert "Back Extension" in text.output and "How to do it" in text.output and "Lower back" in text.output
    data = json.loads(CliRunner().invoke(main, ["exercise", "back-extension", "--json"]).output)
    assert data["primary_muscles"] == ["lower_back"]
    assert set(data["secondary_muscles"]) == {"glutes", "hamstrings"}


def test_unknown_slug_and_bad_muscle_are_clear_errors() -> None:
    result = CliRunner().invoke(main, ["exercise", "nope"])
    assert result.exit_code == 1 and "no exercise 'nope'" in result.output
    bad = CliRunner().invoke(main, ["exercises", "--muscle", "spleen"])
    assert bad.exit_code == 2 and "spleen" in bad.output


def test_every_command_the_group_lists_is_found_under_its_name() -> None:
    import click

    from repbook.cli import COMMANDS, main

    with click.Context(main) as ctx:
        for name in main.list_commands(ctx):
            command = main.get_command(ctx, name)
            assert command is not None and command.name == name, name
    assert sorted(COMMANDS) == main.list_commands(click.Context(main))
