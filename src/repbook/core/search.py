"""Text folding for search and name matching (accents, case, punctuation)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_NON_WORD = re.compile(r"[^a-z0-9]+")
#: Marks stripped only from letters of these scripts (Latin and Greek): "é" is "e" to a reader of
#: either, but a kana's voicing mark or the breve of Cyrillic "й" makes another letter.
_FOLDED_SCRIPTS_END = 0x0400
#: Cyrillic letters written with or without their dots by the same people.
_CYRILLIC: dict[int, str] = {ord("ё"): "е", ord("Ё"): "е"}


def fold(text: str) -> str:
    """Lowercase words, single-spaced, accents off: "Pull-Up (Bodyweight)" -> "pull up bodyweight".

    Letters of every script are kept ("Жим лёжа" -> "жим лежа", "ベンチプレス" stays itself);
    only the accents of Latin and Greek letters are dropped ("Élévation" -> "elevation").
    """
    if text.isascii():
        return _NON_WORD.sub(" ", text.lower()).strip()
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text.translate(_CYRILLIC)):
        if unicodedata.combining(char) and kept and ord(kept[-1]) < _FOLDED_SCRIPTS_END:
            continue
        kept.append(char)
    composed = unicodedata.normalize("NFC", "".join(kept)).casefold()
    # Marks left on letters of other scripts (Thai vowels, Devanagari signs) belong to the word.
    words = "".join(c if c.isalnum() or unicodedata.category(c)[0] == "M" else " " for c in composed)
    return " ".join(words.split())


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
