"""What a "Review import" view starts from: the import plan of a text file, read as opened.

``plan_file(path)`` reads the file exactly as ``open_document`` does (size limit, encoding
fallback, line lengths, a ``<name>.meta.json`` beside it), but stops at the ImportPlan, so a
user can check and correct the boundary, the end and the layout; ``plan.to_document()`` then
gives the document ``open_document`` would have given, provenance included.
"""

from __future__ import annotations

from pathlib import Path

from viewer.core.decoding import decode_letter_bytes
from viewer.core.errors import ParseError
from viewer.core.formats import check_line_lengths, read_file_bytes, read_metadata, sha256_hex
from viewer.core.importer import FileContext, ImportPlan, analyse
from viewer.core.model import ImportWarning, Source


def plan_file(path: str | Path) -> ImportPlan:
    """The importer's plan for a plain-text or Markdown letter; ParseError for a bad file."""
    path = Path(path)
    data = read_file_bytes(path)
    decoded = decode_letter_bytes(data, str(path))
    check_line_lengths(decoded.text, str(path))
    if not decoded.text.strip():
        raise ParseError("The file is empty.", str(path))
    sidecar = path.with_name(path.stem + ".meta.json")
    context = FileContext(
        source=Source(str(path), sha256_hex(data), "text", decoded.encoding),
        warnings=(ImportWarning(None, decoded.warning),) if decoded.warning else (),
        metadata=read_metadata(sidecar) if sidecar.is_file() else None,
    )
    return analyse(decoded.text, str(path), context=context)
