"""The letter to open at start: the one open when the viewer last closed, if still there.

No SQLite is imported, and no file made, when there is no library yet (a first start stays
as fast as it was).
"""

from __future__ import annotations

from pathlib import Path

from viewer.core.library.location import LIBRARY_FILE, data_dir


def letter_to_reopen(folder: Path | None = None) -> tuple[str | None, str | None]:
    """(path of the last letter open or None, a notice for the user or None)."""
    folder = folder or data_dir()
    if not (folder / LIBRARY_FILE).is_file():
        return None, None
    from viewer.core.library.entry import MISSING
    from viewer.core.library.letters import Library

    library = Library(folder / LIBRARY_FILE)
    try:
        entry = library.last_open()
    finally:
        library.close()
    if entry is None:
        return None, library.notice
    if entry.status == MISSING:
        return None, (
            f"The letter you had open last, {entry.name}, is no longer at {entry.path}; "
            "it is still listed under View > Letters."
        )
    return entry.path, library.notice
