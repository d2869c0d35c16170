"""YAML front matter of the letters this viewer writes (Markdown, plain text): the format's
name and the metadata, one ``key: value`` line each, text quoted as JSON strings (which YAML
reads as they are), so the importer gives back every field as written."""

from __future__ import annotations

import json
from dataclasses import asdict

from viewer.core.formats.decoding import without_controls
from viewer.core.formats.json_document import FORMAT_NAME
from viewer.core.model import Metadata

PLAIN_TEXT = "plain text"  # the layout of a plain-text export (letter_layout), in its front matter
_START = f"---\nformat: {json.dumps(FORMAT_NAME)}\n"
_PLAIN_START = f"{_START}layout: {json.dumps(PLAIN_TEXT)}\n"


def own_export(text: str) -> str | None:
    """ "markdown" or "plain text" for a text this viewer exported (by the start of its front
    matter, which the writers put first), None for any other: the importer reads it as
    that whatever the file is called."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if text.startswith(_PLAIN_START):
        return PLAIN_TEXT
    return "markdown" if text.startswith(_START) else None


def front_matter(metadata: Metadata, layout: str | None = None) -> str:
    """``---``, ``format: "open-letter"``, the layout if given, the metadata that is stated,
    ``---``."""
    fields: dict[str, str | int] = {"format": FORMAT_NAME}
    if layout:
        fields["layout"] = layout
    for key, value in asdict(metadata).items():
        value = without_controls(value) if isinstance(value, str) else value
        if value is not None and value != "":
            fields[key] = value
    lines = ["---"]
    for key, value in fields.items():
        shown = value if isinstance(value, int) else json.dumps(value, ensure_ascii=False)
        lines.append(f"{key}: {shown}")
    lines.append("---")
    return "\n".join(lines)
