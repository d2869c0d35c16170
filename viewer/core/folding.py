"""Case- and accent-insensitive matching, and sort keys that put Ö with O."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters that Unicode does not decompose into base letter + accent.
_SPECIAL = str.maketrans(
    {
        "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
        "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ı": "i", "þ": "th", "Þ": "th",
        "ð": "d", "Ð": "d", "ħ": "h", "Ħ": "h",
        "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
        "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    }
)  # fmt: skip


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Text folded for matching: no case, no accents ("Rößner" -> "rossner")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


def fold_uncached(text: str) -> str:
    """fold() without the cache, for bulk work over columns that are seen once."""
    return fold.__wrapped__(text)


def sort_key(text: str) -> tuple[str, str]:
    """A collation key: letters compare by base letter first, accents only break ties."""
    primary = fold(text).lstrip("\"'([")
    return (primary, text)


def terms(query: str) -> list[str]:
    """The folded words of a filter query; every one must match."""
    return [t for t in fold(query).split() if t]
