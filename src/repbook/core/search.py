"""Text folding for search and name matching (accents, case, punctuation)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lowercase ASCII words, single-spaced: "Pull-Up (Bodyweight)" -> "pull up bodyweight"."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode().lower()
    return _NON_WORD.sub(" ", ascii_text).strip()


def known_names(name: str, aliases: Iterable[str], limit: int = 4) -> list[str]:
    """The few other names people know an exercise by, for its page ("Also called").

    Aliases also hold the spellings other apps export ("Back Extension (Bodyweight)") so imports
    match; those, plurals and spellings of a name already shown are left out. Searching still
    finds every alias.
    """
    seen = {fold(name)}
    shown: list[str] = []
    for alias in aliases:
        key = fold(alias)
        if "(" in alias or not key or key in seen or key.removesuffix("s") in seen or f"{key}s" in seen:
            continue
        seen.add(key)
        shown.append(alias)
        if len(shown) == limit:
            break
    return shown
