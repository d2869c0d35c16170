"""YAML front matter of the letters this viewer writes (Markdown, plain text): the format's
name and the metadata, one ``key: value`` line each, text quoted as JSON strings (which YAML
reads as they are), so the importer gives back every field as written."""

from __future__ import annotations

import json
from dataclasses import asdict

from viewer.core.formats.decoding import without_controls
from viewer.core.formats.json_document import FORMAT_NAME
from viewer.core.model import Metadata


def front_matter(metadata: Metadata) -> str:
    """``---``, ``format: "open-letter"``, the metadata that is stated, ``---``."""
    fields: dict[str, str | int] = {"format": FORMAT_NAME}
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
