"""Paragraph locators: "para. 3" (Chicago, APA), "par. 3" (MLA), ranges with an en dash."""

from __future__ import annotations

Paragraphs = int | tuple[int, int] | None


def paragraph_range(paragraphs: Paragraphs) -> tuple[int, int] | None:
    if paragraphs is None:
        return None
    if isinstance(paragraphs, int):
        return (paragraphs, paragraphs)
    first, last = paragraphs
    return (min(first, last), max(first, last))


def paragraph_locator(paragraphs: Paragraphs, abbreviation: str = "para") -> str | None:
    """The locator "para. 3" or "paras. 3–4" (MLA passes abbreviation="par": "par. 3")."""
    span = paragraph_range(paragraphs)
    if span is None:
        return None
    first, last = span
    if first == last:
        return f"{abbreviation}. {first}"
    return f"{abbreviation}s. {first}\u2013{last}"
