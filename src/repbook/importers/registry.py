"""Every format Repbook reads, and which one a file is: from its content, or as the user says."""

from __future__ import annotations

from types import ModuleType
from typing import Final

from repbook.core.imported import ImportFileError, ParsedFile
from repbook.importers import fitnotes, hevy, jefit, repbook, strengthlog, strong, wger
from repbook.importers.common import decode
from repbook.importers.formats import FORMAT_NAMES

#: Checked in this order; the first whose `detect` says yes reads the file.
FORMATS: Final[dict[str, ModuleType]] = {
    module.NAME: module for module in (repbook, strong, hevy, fitnotes, strengthlog, jefit, wger)
}
if tuple(FORMATS) != FORMAT_NAMES:  # pragma: no cover - a new format must be named in formats.py too
    raise ImportError("importers/formats.py and the registry list different formats")


def detect(text: str) -> str:
    """The name of the format `text` is in; ImportFileError naming the formats read when none fits."""
    for name, module in FORMATS.items():
        if module.detect(text):
            return name
    # No header any format knows: a Strong file in a language not listed, or without its header.
    if strong.detect_shape(text):
        return strong.NAME
    raise ImportFileError(
        "this file is not an export Repbook recognises; it reads " + ", ".join(FORMAT_NAMES) + " exports"
    )


def read(data: bytes, format: str = "auto") -> ParsedFile:
    """Decode and parse an uploaded file; ImportFileError (never anything else) when it cannot be read."""
    text = decode(data)
    if not text.strip():
        raise ImportFileError("the file is empty")
    name = detect(text) if format == "auto" else format
    module = FORMATS.get(name)
    if module is None:
        raise ImportFileError(f"unknown format {format!r}: choose one of {', '.join(FORMAT_NAMES)}")
    try:
        parsed: ParsedFile = module.parse(text)
    except ImportFileError:
        raise
    except (ValueError, KeyError, IndexError, TypeError, RecursionError) as exc:
        # A parser bug must not become a crash for the user: say the file could not be read.
        raise ImportFileError(f"the file could not be read as a {name} export ({exc})") from exc
    if not parsed.workouts and not parsed.body_weights and not parsed.backup:
        reasons = "; ".join(f"line {p.line}: {p.message}" for p in parsed.problems[:3])
        raise ImportFileError(
            f"no workouts or body weights found in this {name} file" + (f" ({reasons})" if reasons else "")
        )
    return parsed
