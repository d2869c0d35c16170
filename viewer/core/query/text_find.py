"""Find in a text the way the filter matches: case, accents and runs of spaces ignored.

fold() may change a string's length ("ß" -> "ss", "é" written as e + accent -> "e", "Æ" -> "ae"),
so positions found in the folded text are mapped back to the original one character at a
time: every folded character remembers which original character it came from.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from viewer.core.folding import fold
from viewer.core.wording import plural


@dataclass(frozen=True)
class FoldedText:
    """A text folded for matching, with the original index of every folded character."""

    original: str
    folded: str
    origin: tuple[int, ...]  # origin[j]: index in original of the character folded[j] came from

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded[start:end] (end > start), whole characters only.

        The span starts at the character the first folded character came from and ends where
        the next folded character's source begins, so a match keeps accents written as
        separate combining marks after its last letter ("Ro\u0308" for "ro").
        """
        first = self.origin[start]
        last = self.origin[end] if end < len(self.origin) else len(self.original)
        return first, max(last, self.origin[end - 1] + 1)


def fold_with_origins(text: str) -> FoldedText:
    """text folded one character at a time, with the origin of every folded character.

    The folded text is fold(text) with every run of whitespace made one space, so a phrase
    is found across a line break; folding each character alone gives what folding the whole
    text does, since fold() never looks at a character's neighbours.
    """
    parts: list[str] = []
    origin: list[int] = []
    in_space = False
    for i, char in enumerate(text):
        for out in fold(char):
            if out.isspace():
                if in_space:
                    continue
                out = " "
            in_space = out == " "
            parts.append(out)
            origin.append(i)
    return FoldedText(text, "".join(parts), tuple(origin))


def fold_query(query: str) -> str:
    """The folded form of what the user typed; "" if it holds nothing but spaces."""
    return " ".join(fold(query).split()) if query.strip() else ""


def find_spans(text: str | FoldedText, query: str) -> list[tuple[int, int]]:
    """Every match of query in text as (start, end) indices into the original text.

    Matches do not overlap and come in order; case and accents are ignored and any run of
    whitespace matches any other ("Rößner" is found by "rossner", "Kem\\nSokha" by "kem sokha").
    """
    haystack = text if isinstance(text, FoldedText) else fold_with_origins(text)
    needle = fold_query(query)
    if not needle:
        return []
    spans = []
    start = haystack.folded.find(needle)
    while start != -1:
        spans.append(haystack.span(start, start + len(needle)))
        start = haystack.folded.find(needle, start + len(needle))
    return _merge_shared(spans)


def _merge_shared(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # Two folded matches inside one original character ("ss" twice in "ßß" is fine, but
    # "s" twice in one "ß") would give the same span twice: keep it once.
    out: list[tuple[int, int]] = []
    for span in spans:
        if out and span[0] < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], span[1]))
        else:
            out.append(span)
    return out


def utf16_positions(text: str) -> Callable[[int], int]:
    """A function from an index into text to the same place counted in UTF-16 code units.

    Qt counts document positions in UTF-16, where a character beyond U+FFFF takes two.
    """
    astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
    if not astral:
        return lambda index: index
    return lambda index: index + bisect.bisect_left(astral, index)


def match_label(current: int | None, count: int) -> str:
    """ "3 of 7", "No matches", or "" with no current match and nothing to count."""
    if count == 0:
        return "No matches"
    if current is None:
        return plural(count, "match", "matches")
    return f"{current + 1:,} of {count:,}"
