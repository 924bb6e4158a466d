"""User names: one spelling per person, whatever keyboard typed it.

Names are NFKC-normalised (full-width ＡＬＩＣＥ is ALICE, a ligature its letters) before they are
stored or compared; two names that differ only in case are the same name (storage's User.clean).
"""

from __future__ import annotations

import unicodedata


def normalise_username(name: str) -> str:
    """`name` as stored: NFKC-normalised, surrounding white space removed."""
    return unicodedata.normalize("NFKC", name).strip()
