"""The library: every letter the viewer opened, and the user's decisions on matched names.

GUI-free; one SQLite file in the platform's data folder (see database.py).
"""

from viewer.core.library.letters import (
    CHANGED,
    MISSING,
    PRESENT,
    LetterEntry,
    Library,
    Recorded,
    open_library,
)

__all__ = [
    "CHANGED",
    "MISSING",
    "PRESENT",
    "LetterEntry",
    "Library",
    "Recorded",
    "open_library",
]
