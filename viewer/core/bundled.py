"""Where the bundled letter and resources live: installed, editable or frozen alike."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
    """The letter of 4 December 2017 with its metadata."""
    return open_document(bundled_letter_path())
