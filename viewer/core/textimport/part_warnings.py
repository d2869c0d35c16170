"""What the importer decided about a signatory part, in words: each decision is a warning.

Where the list starts and ends, its sections (kept as a "group" field), the layout read in
each, the lines left out, and a stated count that differs from the count read. Each names
the line it is about, so the window and ``letter-viewer list --explain`` can show it.
"""

from __future__ import annotations

import itertools

from viewer.core.model import ImportWarning
from viewer.core.textimport.blocks import Block, Inline
from viewer.core.textimport.section_rows import BLOCKS, LAYOUT_NAMES, ImportRow, SectionRows
from viewer.core.textimport.signatory_part import Part
from viewer.core.textimport.textclean import quote

MAX_LISTED = 10  # line numbers named in one warning


def part_warnings(
    blocks: list[Block],
    part: Part,
    sections: tuple[SectionRows, ...],
    rows: tuple[ImportRow, ...],
    list_end: int | None,
) -> list[ImportWarning]:
    """Every decision about the part, as warnings."""
    if _is_strict(part, sections, blocks):
        return []  # the 2017 letter's own layout: nothing was assumed
    warnings = [*_start(blocks, part, sections, rows)]
    if len(sections) > 1:
        warnings.append(_sections(sections))
    for section in sections:
        warnings.extend(section.warnings)
        warnings.extend(_numbering(section))
        if len(sections) > 1 or section.section.heading:
            warnings.append(_layout(section))
    left = [*part.notes, *(e for s in sections for e in s.left_out)]
    if left:
        warnings.append(_left_out(left))
    end = _end(blocks, part, rows, list_end)
    if end is not None:
        warnings.append(end)
    if part.stated_count is not None and part.stated_count != len(rows):
        line = blocks[part.start].line
        warnings.append(
            ImportWarning(
                line,
                f"The letter says {part.stated_count:,} signatories, but {len(rows):,} were "
                "read: check where the list starts and ends.",
            )
        )
    return warnings


def _is_strict(part: Part, sections: tuple[SectionRows, ...], blocks: list[Block]) -> bool:
    return (
        part.closing is not None
        and len(sections) == 1
        and sections[0].layout == BLOCKS
        and not part.notes
        and not sections[0].left_out
        and part.end >= len(blocks)
    )


def _start(blocks, part: Part, sections, rows) -> list[ImportWarning]:
    layout = LAYOUT_NAMES[sections[0].layout] if sections else "no list"
    if part.found_by == "run" and rows:
        first = rows[0].first_line
        return [
            ImportWarning(
                first,
                f"No sign-off or heading introduces the signatories; took the {len(rows)} "
                f"entries from line {first} on as the list ({layout}).",
            )
        ]
    start = blocks[part.start]
    if part.heading is None:
        return [
            ImportWarning(
                start.line, f"The list starts at line {start.line}, as chosen; read as {layout}."
            )
        ]
    fields = f", each entry as \u201c{sections[0].fields}\u201d" if sections else ""
    return [
        ImportWarning(
            start.line,
            f"Took line {start.line} ({quote(part.heading)}) as the start of the signatory "
            f"list and read the list as {layout}{fields}.",
        )
    ]


def _sections(sections: tuple[SectionRows, ...]) -> ImportWarning:
    """Which headings divide the part, and what each gives its entries."""
    headed = [s.section for s in sections if s.section.heading]
    described = [
        f"line {s.heading_line} {quote(s.heading or '')}"
        + (" (their country)" if s.heading == s.country else "")
        + f": {len(r.rows):,}"
        for s, r in ((r.section, r) for r in sections)
        if s.heading
    ]
    unheaded = sum(len(r.rows) for r in sections if not r.section.heading)
    before = f"; {unheaded:,} before the first heading" if unheaded else ""
    one = len(headed) == 1
    first = headed[0] if headed else sections[0].section
    return ImportWarning(
        first.heading_line,
        f"The signatory part has {len(sections)} sections, read one after another. Took "
        f"{len(headed)} {'line' if one else 'lines'} as {'a heading' if one else 'headings'} "
        f"for the entries under {'it' if one else 'them'} (kept as their \u201cgroup\u201d, or "
        f"as their country where the heading is one): {', '.join(described)}{before}.",
    )


def _numbering(section: SectionRows) -> list[ImportWarning]:
    """A numbered list whose numbers jump: an entry may be missing or misplaced."""
    out = []
    numbers = section.section.numbers
    for (a, _), (b, line) in itertools.pairwise(numbers):
        if b not in (a, a + 1):  # "1." on every line is Markdown's own way of numbering
            out.append(
                ImportWarning(
                    line,
                    f"The numbering goes from {a} to {b} here; is an entry missing or misplaced?",
                )
            )
    return out[:MAX_LISTED]


def _layout(section: SectionRows) -> ImportWarning:
    s = section.section
    lines = [e.line for e in s.entries if e.line is not None]
    span = f"lines {min(lines)} to {max(lines)}" if lines else "no lines"
    name = quote(s.heading) if s.heading else "before the first heading"
    return ImportWarning(
        s.heading_line or (min(lines) if lines else None),
        f"Section {name} ({span}): read as {LAYOUT_NAMES[section.layout]}, each entry as "
        f"\u201c{section.fields}\u201d; {len(section.rows):,} signatories.",
    )


def _left_out(left: list[Inline]) -> ImportWarning:
    numbers = sorted({e.line for e in left if e.line is not None})
    n = len(numbers)
    listed = ", ".join(str(k) for k in numbers[:MAX_LISTED])
    more = f" and {n - MAX_LISTED} more" if n > MAX_LISTED else ""
    where = f"line{'s' if n > 1 else ''} {listed}{more}"
    verb = "line" if n == 1 else "lines"
    return ImportWarning(
        numbers[0] if numbers else None,
        f"{n} {verb} inside the list did not look like a signatory; left out ({where}).",
    )


def _end(blocks, part: Part, rows, list_end: int | None) -> ImportWarning | None:
    rest = [b for b in blocks[part.end :] if b.kind == "rule" or b.text.strip()]
    if not rows:
        return None
    last = max(r.last_line for r in rows)
    if list_end is not None and not rest:
        return ImportWarning(list_end, f"The list ends at line {list_end}, as chosen.")
    if not rest:
        return None
    first = rest[0]
    count = len(rest)
    why = f", {part.end_reason}" if part.end_reason else ""
    what = quote(first.text) if first.text else "a rule"
    blocks_word = "block" if count == 1 else "blocks"
    return ImportWarning(
        first.line,
        f"The signatory list ends at line {last}; the text from line {first.line} on "
        f"({what}{why}, {count} {blocks_word}) is not read as signatories.",
    )
