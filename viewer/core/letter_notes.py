"""Notes a reader attaches to passages of a letter, and how they are exported.

A note keeps the passage it is on as quoted text (what a reader cites) and where it was in
the letter as shown (start and end characters), so that the window can select it again.
The notes live in the annotation store (viewer.core.library.annotations), never in the
document; the JSON export lists them under "notes", the Markdown export under a heading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_NOTE = 10_000
MAX_QUOTE = 5_000


@dataclass(frozen=True)
class Note:
    """A reader's note on a passage of the letter."""

    quote: str
    text: str
    start: int = 0
    end: int = 0
    created: str = ""  # ISO time, set by the store
    id: int | None = None  # the store's row, once kept

    def __post_init__(self) -> None:
        if not self.quote.strip():
            raise ValueError("a note needs the passage it is on")
        if self.end < self.start:
            raise ValueError("a passage ends after it starts")


def clean_quote(selected: str) -> str:
    """A selection as a quote: Qt's paragraph separators as line breaks, ends trimmed."""
    return selected.replace("\u2029", "\n").replace("\u2028", "\n").strip()[:MAX_QUOTE]


def note_obj(note: Note) -> dict[str, object]:
    """A note as the JSON export writes it."""
    obj: dict[str, object] = {"quote": note.quote, "note": note.text}
    obj.update(start=note.start, end=note.end)
    if note.created:
        obj["created"] = note.created
    return obj


def markdown_notes(notes: Sequence[Note], escape) -> str:
    """The notes as a Markdown section: each passage quoted, then its note ("" if none)."""
    if not notes:
        return ""
    parts = ["## Notes"]
    for note in notes:
        quoted = "\n".join(f"> {escape(line)}" if line else ">" for line in note.quote.split("\n"))
        parts.append(f"{quoted}\n\n{escape(note.text)}")
    return "\n\n".join(parts) + "\n"
