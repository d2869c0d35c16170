"""What the library says about one letter (no SQLite here: the window imports this at start)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PRESENT = "present"  # the file is at its path, as it was
MISSING = "missing"  # nothing at the path: moved or deleted
CHANGED = "changed"  # the file at the path holds other bytes now


@dataclass(frozen=True)
class LetterEntry:
    """One letter in the library; status is what the file at its path is now."""

    id: int
    path: str
    sha256: str
    title: str
    date: str | None
    count: int
    first_opened: str
    last_opened: str
    status: str = PRESENT

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass(frozen=True)
class Recorded:
    """What record() did: the entry, and a sentence for the user if the file moved or changed."""

    entry: LetterEntry
    notice: str | None = None
