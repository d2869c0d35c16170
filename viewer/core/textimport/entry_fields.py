"""One section's entries -> fields (a stand-in on entries.parse_entry until the entries
branch's reader lands; the interface is the one in the plan: read_section)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from viewer.core.model import ImportWarning
from viewer.core.textimport.blocks import Inline
from viewer.core.textimport.entries import looks_like_name, parse_entry


@dataclass(frozen=True)
class EntryFields:
    name: str
    role: str | None = None
    country: str | None = None
    family_name: str | None = None
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SectionFields:
    entries: tuple[EntryFields | None, ...]
    layout: str
    warnings: tuple[ImportWarning, ...]


def read_section(items: Sequence[Inline], heading: str | None = None) -> SectionFields:
    """Each item read as "Name, Role, ..." (None for an item that holds no name)."""
    entries: list[EntryFields | None] = []
    no_comma: list[int] = []
    for item in items:
        entry = parse_entry(item.text.replace("\n", ", "))
        if not entry.name or not looks_like_name(entry.name):
            entries.append(None)
            continue
        if entry.split_without_comma and item.line is not None:
            no_comma.append(item.line)
        entries.append(EntryFields(entry.name, entry.role, entry.country, None, entry.extra))
    warnings = ()
    if no_comma:
        listed = ", ".join(map(str, no_comma))
        message = (
            f"{len(no_comma)} {'line has' if len(no_comma) == 1 else 'lines have'} no comma "
            "between the name and the affiliation; split before the institution's name "
            f"(line{'s' if len(no_comma) > 1 else ''} {listed})."
        )
        warnings = (ImportWarning(no_comma[0], message),)
    return SectionFields(tuple(entries), "Name, Role, Affiliation", warnings)
