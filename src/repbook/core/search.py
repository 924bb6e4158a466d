"""Text folding for search and name matching (accents, case, punctuation)."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lowercase ASCII words, single-spaced: "Pull-Up (Bodyweight)" -> "pull up bodyweight"."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode().lower()
    return _NON_WORD.sub(" ", ascii_text).strip()
