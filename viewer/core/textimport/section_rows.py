"""A section of the signatory part read as rows: the layout decided for the section as a
whole, then each entry read in it.

Layouts: items of a list (numbered or bulleted) and table rows are one entry each, whatever
their text; lines of a paragraph are one entry a line, except where the section is laid
out as a name line followed by a "Role, Country" line (the 2017 letter's "blocks", read by
viewer.core.formats.letter_layout itself so that letter comes out exactly as its strict
reader gives it) or as a name line followed by lines about the person ("paragraphs").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.core.countries import is_country
from viewer.core.formats.column_names import map_columns
from viewer.core.formats.letter_layout import Line, parse_signatory_blocks, split_role_line
from viewer.core.model import ImportWarning, Signatory
from viewer.core.textimport.blocks import Block, Inline
from viewer.core.textimport.entry_fields import (
    EntryFields,
    is_bare_name,
    is_description,
    is_person_description,
    parse_described,
    read_section,
)
from viewer.core.textimport.signatory_part import Section

BLOCKS = "blocks"
PARAGRAPHS = "paragraphs"
LINES = "lines"
NUMBERED = "numbered"
BULLETED = "bulleted"
TABLE = "table"
LAYOUTS = (BLOCKS, PARAGRAPHS, LINES, NUMBERED, BULLETED, TABLE)
LAYOUT_NAMES = {
    BLOCKS: "a name line followed by a role line",
    PARAGRAPHS: "one paragraph a signatory (a name line, then lines about them)",
    LINES: "one signatory a line",
    NUMBERED: "a numbered list",
    BULLETED: "a bulleted list",
    TABLE: "a table",
}
GROUP = "group"
_SPACED_SEPARATOR = re.compile(r"\S\s+[-\u2013\u2014/|]\s+\S")
_TITLED_NAME = re.compile(
    r"^(?:(?:prof|dr|mr|mrs|ms|mx|sir|dame|rev|hon)\.?\s+)+\p{Lu}[^,]*$".replace(
        "\\p{Lu}", "[A-ZÀ-ÖØ-ÞĀ-Ž]"
    ),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ImportRow:
    """One signatory as read, with the lines it came from (1-based, inclusive)."""

    first_line: int
    last_line: int
    source: str  # the entry's text as read
    signatory: Signatory


@dataclass(frozen=True)
class SectionRows:
    """A section's rows, its layout, the entries' field layout and what was left out."""

    section: Section
    layout: str
    fields: str  # the field layout in words ("Name - Role")
    rows: tuple[ImportRow, ...]
    left_out: tuple[Inline, ...]
    warnings: tuple[ImportWarning, ...]


def choose_layout(section: Section) -> str:
    """The layout of a section as a whole."""
    kinds = set(section.kinds)
    if kinds == {"row"}:
        return TABLE
    if "item" in kinds and kinds <= {"item", "line"}:
        return NUMBERED if section.numbered else BULLETED
    separated = sum(1 for e in section.entries if _SPACED_SEPARATOR.search(e.text))
    if separated * 2 >= len(section.entries):
        return LINES  # "Ana Lima – Professor" a line: each line is a whole entry
    paired = _paired_lines(section)
    if paired * 2 >= len(section.entries) * 0.8 and paired:
        return BLOCKS
    described = sum(
        1
        for p in section.paragraphs
        if len(p) > 1 and is_bare_name(p[0].text) and all(_describes(x.text) for x in p[1:])
    )
    if section.paragraphs and described >= 0.8 * len(section.paragraphs):
        return PARAGRAPHS
    return LINES


def _paired_lines(section: Section) -> int:
    """Entries that are a role line right after a name line (the 2017 layout)."""
    if set(section.kinds) != {"line"}:
        return 0
    count = 0
    after_name = False
    for entry in section.entries:
        role_line = is_role_line(entry.text)
        count += role_line and after_name
        # Only a bare name waits for a role line; "Jane Doe, Lecturer" is a whole entry.
        after_name = not role_line and is_bare_name(entry.text)
    return count


def is_role_line(text: str) -> bool:
    """A role line such as "Member of Parliament, Kenya"; "John Roe, Kenya" is an entry."""
    split = split_role_line(text)
    return split is not None and (split[0] is None or is_person_description(split[0]))


def _describes(text: str) -> bool:
    """A line about the person above it; "Prof. Ute Lang" is a name with a title."""
    if _TITLED_NAME.match(text):
        return False
    return is_description(text) or split_role_line(text) is not None or is_country(text)


def read_rows(section: Section, layout: str, grouped: bool) -> SectionRows:
    """The section's entries in this layout; ``grouped``: each with its section's group.

    A country in the heading over the section ("## Germany") is the country of its
    entries that state none.
    """
    if layout == BLOCKS:
        rows, left, warnings, fields = _blocks(section), (), [], "Name / Role, Country"
    elif layout == PARAGRAPHS:
        rows, left, warnings, fields = _described(section), (), [], "Name / lines about them"
    elif layout == TABLE:
        rows, left, warnings, fields = _table(section)
    else:
        rows, left, warnings, fields = _entries(section, layout)
    group = section.group if grouped else None
    if group or section.country:
        rows = [_grouped(row, group, section.country) for row in rows]
    return SectionRows(section, layout, fields, tuple(rows), tuple(left), tuple(warnings))


def _grouped(row: ImportRow, group: str | None, country: str | None) -> ImportRow:
    s = row.signatory
    extra = (*s.extra, (GROUP, group)) if group else s.extra
    person = Signatory(s.name, s.role, s.country or country, 0, s.family_name, extra)
    return ImportRow(row.first_line, row.last_line, row.source, person)


def _line_span(entry: Inline) -> tuple[int, int]:
    first = entry.line or 0
    return first, first + entry.text.count("\n")


def _entries(section: Section, layout: str) -> tuple[list, list, list, str]:
    units = section.entries
    if layout in (NUMBERED, BULLETED):  # lines of text between items are notes, not people
        units = tuple(e for e, k in zip(section.entries, section.kinds, strict=True) if k == "item")
    read = read_section(units, section.heading)
    rows: list[ImportRow] = []
    left: list[Inline] = [
        e for e, k in zip(section.entries, section.kinds, strict=True)
        if layout in (NUMBERED, BULLETED) and k != "item"
    ]  # fmt: skip
    for unit, fields in zip(units, read.entries, strict=True):
        if fields is None:
            left.append(unit)
            continue
        first, last = _line_span(unit)
        rows.append(ImportRow(first, last, unit.text, _signatory(fields)))
    return rows, left, list(read.warnings), read.layout


def _signatory(fields: EntryFields) -> Signatory:
    return Signatory(fields.name, fields.role, fields.country, 0, fields.family_name, fields.extra)


def _blocks(section: Section) -> list[ImportRow]:
    """The 2017 layout, read by the strict reader's own function."""
    lines = [Line(e.line or 0, e.text) for e in section.entries]
    people = parse_signatory_blocks(lines, [])
    rows: list[ImportRow] = []
    at = 0
    for person in people:
        while at < len(lines) and lines[at].text.strip() != person.name:
            at += 1
        number = lines[at].number if at < len(lines) else lines[-1].number
        end = number
        if (person.role or person.country) and at + 1 < len(lines):
            end = lines[at + 1].number
        rows.append(ImportRow(number, end, person.name, person))
        at += 1
    return rows


def _described(section: Section) -> list[ImportRow]:
    rows = []
    in_paragraph = {e.line for p in section.paragraphs for e in p[1:]}
    for para in section.paragraphs:
        entry = parse_described(para[0].text, [x.text for x in para[1:]])
        person = Signatory(entry.name, entry.role, entry.country, 0, None, entry.extra)
        rows.append(ImportRow(para[0].line or 0, para[-1].line or 0, para[0].text, person))
    singles = [e for e in section.entries if e.line not in in_paragraph]
    heads = {p[0].line for p in section.paragraphs}
    for entry in singles:
        if entry.line in heads:
            continue
        read = read_section([entry], section.heading).entries[0]
        if read is not None:
            rows.append(ImportRow(entry.line or 0, entry.line or 0, entry.text, _signatory(read)))
    return sorted(rows, key=lambda r: r.first_line)


def _table(section: Section) -> tuple[list, list, list, str]:
    header = [c.text for c in section.header.cells] if section.header else []
    columns = map_columns(header) if header else {}
    warnings: list[ImportWarning] = []
    if not {"name", "given", "family"} & set(columns):
        columns["name"] = 0
        if header:
            message = (
                f"The table has no \u201cname\u201d column; took the first column "
                f"(\u201c{header[0]}\u201d) as the names."
            )
            warnings.append(ImportWarning(section.header.line if section.header else None, message))
    rows, left = [], []
    for entry, block_cells in _row_cells(section):
        person = _table_row(block_cells, header, columns)
        if person is None:
            left.append(entry)
        else:
            rows.append(ImportRow(entry.line or 0, entry.line or 0, entry.text, person))
    return rows, left, warnings, " | ".join(header) if header else "cells"


def _row_cells(section: Section) -> list[tuple[Inline, list[str]]]:
    return [(e, e.text.split("\t")) for e in section.entries]


def _table_row(cells: list[str], header: list[str], columns: dict[str, int]) -> Signatory | None:
    def cell(key: str) -> str | None:
        idx = columns.get(key)
        return (cells[idx].strip() or None) if idx is not None and idx < len(cells) else None

    family = cell("family")
    name = cell("name") or " ".join(f"{cell('given') or ''} {family or ''}".split()) or None
    if name is None:
        return None
    used = set(columns.values())
    extra = tuple(
        (header[k], cells[k].strip())
        for k in range(min(len(header), len(cells)))
        if k not in used and cells[k].strip() and header[k]
    )
    return Signatory(name, cell("role"), cell("country"), family_name=family, extra=extra)


def header_of(block: Block | None) -> list[str]:
    return [c.text for c in block.cells] if block else []
