"""CSL-JSON (the input format of Zotero, pandoc and every CSL processor): a list of one item.

Type: CSL 1.0.2 has no "letter" type; its type for letters is "personal_communication"
(Zotero's Letter item maps to it, and the CSL styles build "Letter to X" from the type and
the "recipient" variable). So an untitled letter gets no "title": the recipient carries the
description, and a style such as Chicago prints "Letter to X" itself; giving the description
as a title too would print it twice. Where no recipient is known, the description is the
title. The publishing page's headline is the container-title, the organiser the publisher.
Names are {"literal": ...} unless the family name is stated; dates are date-parts.
"""

from __future__ import annotations

import json
from typing import Any

from viewer.core.cite.facts import DateParts, Facts, PersonName


def csl_name(name: PersonName) -> dict[str, str]:
    if name.family and name.given:
        out = {"family": name.family, "given": name.given}
        if name.particle:  # kept with the family name: "de Carvalho, D." in APA
            out["non-dropping-particle"] = name.particle
        if name.suffix:
            out["suffix"] = name.suffix
        return out
    return {"literal": name.literal}


def csl_date(date: DateParts) -> dict[str, Any]:
    parts = [p for p in (date.year, date.month, date.day if date.month else None) if p]
    return {"date-parts": [parts]}


def item(f: Facts) -> dict[str, Any]:
    """The CSL item as a dict (fields absent where the document has nothing to say)."""
    out: dict[str, Any] = {"id": f.key, "type": "personal_communication"}
    if f.authors:
        out["author"] = [csl_name(n) for n in f.authors]
    if f.title:
        out["title"] = f.title
    if f.recipient:
        out["recipient"] = [{"literal": f.recipient}]
    elif not f.title:
        out["title"] = f.description
    if f.date:
        out["issued"] = csl_date(f.date)
    if f.accessed:
        out["accessed"] = csl_date(f.accessed)
    if f.headline and f.headline != f.title:
        out["container-title"] = f.headline
    if f.publisher:
        out["publisher"] = f.publisher
    if f.url:
        out["URL"] = f.url
    if f.language:
        out["language"] = f.language
    return out


def document(f: Facts) -> str:
    """The CSL-JSON text: a JSON array holding the one item, one name or field a line."""
    return _dump([item(f)], "")


COMPACT_UP_TO = 72
_ONE_LINE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
COMPACT_ITEMS = 6  # a longer list or object is spread without trying it on one line


def _dump(value: Any, indent: str) -> str:
    """JSON laid out for reading: a short object or array on one line, a long one spread."""
    if not isinstance(value, dict | list) or len(value) <= COMPACT_ITEMS:
        compact = _ONE_LINE.encode(value)
        if not isinstance(value, dict | list) or len(compact) <= COMPACT_UP_TO:
            return compact
    inner = indent + "  "
    if isinstance(value, dict):
        rows = [
            f"{inner}{json.dumps(k, ensure_ascii=False)}: {_dump(v, inner)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(rows) + "\n" + indent + "}"
    rows = [inner + _dump(v, inner) for v in value]
    return "[\n" + ",\n".join(rows) + "\n" + indent + "]"
