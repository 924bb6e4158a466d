"""Every format together: each sample file is recognised as its own format, and any text fed to
any parser is either read or refused with ImportFileError, never anything else (the format's own
tests add stronger checks on structured junk)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repbook.core.imported import ImportFileError, ParsedFile
from repbook.importers.registry import FORMATS, detect, read

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".csv", ".json"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_each_sample_is_recognised_as_its_format(path: Path) -> None:
    expected = path.name.split("_")[0].removeprefix("strong6")  # strong6_… is Strong too
    text = path.read_text(encoding="utf-8")
    assert detect(text) == (expected or "strong")
    if "workoutsession" in path.name:  # sessions alone hold no sets
        with pytest.raises(ImportFileError, match="workout logs"):
            read(path.read_bytes())
    else:
        assert isinstance(read(path.read_bytes()), ParsedFile)


def test_a_file_of_no_known_format_names_the_ones_read() -> None:
    with pytest.raises(ImportFileError, match="it reads repbook, strong, hevy"):
        read(b"name,age\nbob,3\n")


@pytest.mark.parametrize("name", list(FORMATS))
@given(text=st.text())
def test_any_text_is_read_or_refused(name: str, text: str) -> None:
    module = FORMATS[name]
    assert isinstance(module.detect(text), bool)
    try:
        parsed = module.parse(text)
    except ImportFileError:
        return
    assert isinstance(parsed, ParsedFile)
