"""Where the bundled letter and resources live: installed, editable or frozen alike."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from viewer.core.formats.reading_snapshot import read_snapshot, write_snapshot
from viewer.core.model import Document
from viewer.core.opening import open_document

LETTER_FILE = "letter-2017-12-04-kem-sokha.txt"


@lru_cache(maxsize=4)
def bundled_dir(kind: str) -> Path:
    """The folder holding ``data`` or ``resources``.

    A wheel and a PyInstaller bundle carry them inside the package (viewer/data); a source
    checkout or an editable install keeps them at the repository root. This is the only
    place that knows.
    """
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / kind, package.parent / kind):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the viewer's {kind} folder is missing from {package}")


def bundled_letter_path() -> Path:
    return bundled_dir("data") / LETTER_FILE


def resource_path(name: str) -> Path:
    return bundled_dir("resources") / name


def load_bundled() -> Document:
    """The letter of 4 December 2017 with its metadata.

    From its snapshot (viewer.core.formats.reading_snapshot) while that was made from the
    letter and sidecar as they are: the start-up then needs no text importer. Otherwise read
    by the importer, as any text letter is.
    """
    path = bundled_letter_path()
    return read_snapshot(path) or open_document(path)


def write_bundled_snapshot() -> Path:
    """Read the bundled letter with the importer and keep that reading as its snapshot."""
    path = bundled_letter_path()
    return write_snapshot(path, open_document(path))


if __name__ == "__main__":  # python -m viewer.core.bundled: after the letter or importer changed
    print(f"wrote {write_bundled_snapshot()}")
