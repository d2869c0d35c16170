"""A file's reading kept beside it: the document the importer made, as the viewer's own JSON.

The bundled letter is a text letter; reading it means loading the text importer (a tenth of
a second of imports, its patterns compiled) and running it, on every start. Its snapshot,
``<name>.reading.json``, holds what that reading gave (viewer.core.formats.json_document,
with the source's encoding and warnings) and the SHA-256 of the file and of its
``.meta.json`` sidecar. read_snapshot() returns the document only while both files are
still the ones it was made from, so an edited letter is read by the importer again; a test
(tests/core/test_bundled.py) proves the snapshot equal to a fresh reading, so a change of
the importer is caught there and the snapshot made again with ``python -m viewer.core.bundled``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from viewer.core.formats.json_document import document_from_json_obj, document_to_json
from viewer.core.model import Document, ImportWarning, Source

SUFFIX = ".reading.json"


def snapshot_path(path: str | Path) -> Path:
    """Where the snapshot of a file lies: ``letter.txt`` -> ``letter.reading.json``."""
    path = Path(path)
    return path.with_name(path.stem + SUFFIX)


def _sidecar(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def _digest(path: Path) -> str | None:
    """The file's SHA-256, None if it is not there."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def write_snapshot(path: str | Path, doc: Document) -> Path:
    """Keep doc, the reading of the file at path (and of its sidecar), beside it."""
    path = Path(path)
    obj = {
        "snapshot_of": {
            "file": path.name,
            "sha256": _digest(path),
            "sidecar_sha256": _digest(_sidecar(path)),
            "format": doc.source.format,
            "encoding": doc.source.encoding,
            "warnings": [[w.line, w.message] for w in doc.warnings],
        },
        "document": json.loads(document_to_json(doc)),
    }
    target = snapshot_path(path)
    target.write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


def read_snapshot(path: str | Path) -> Document | None:
    """The document the file at path was read as, if its snapshot was made from the file
    and sidecar as they are now; None otherwise (no snapshot, either file changed)."""
    path = Path(path)
    try:
        obj = json.loads(snapshot_path(path).read_text(encoding="utf-8"))
        made_from: dict[str, Any] = obj["snapshot_of"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    sha = _digest(path)
    if sha is None or made_from.get("sha256") != sha:
        return None
    if made_from.get("sidecar_sha256") != _digest(_sidecar(path)):
        return None
    doc = document_from_json_obj(obj["document"], str(path))
    source = Source(
        path=str(path), sha256=sha, format=made_from["format"], encoding=made_from["encoding"]
    )
    warnings = tuple(ImportWarning(line, message) for line, message in made_from["warnings"])
    return replace(doc, source=source, warnings=warnings)
