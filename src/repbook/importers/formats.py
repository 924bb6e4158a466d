"""The names of the formats Repbook reads, without loading their readers (the CLI lists them at start)."""

from __future__ import annotations

from typing import Final

#: Checked in this order when the format is told from the file (registry.py holds the readers).
FORMAT_NAMES: Final = ("repbook", "strong", "hevy", "fitnotes", "strengthlog", "jefit", "wger")
#: For people: each format and the file it reads.
FORMAT_LABELS: Final[dict[str, str]] = {
    "repbook": "Repbook (CSV export or JSON backup)",
    "strong": "Strong (CSV export)",
    "hevy": "Hevy (workout_data.csv)",
    "fitnotes": "FitNotes (spreadsheet export, CSV)",
    "strengthlog": "StrengthLog (CSV export)",
    "jefit": "JEFIT (backup CSV)",
    "wger": "wger (body-weight CSV or workout-log pages of its API)",
}
