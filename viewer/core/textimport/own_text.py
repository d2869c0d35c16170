"""A plain-text letter this viewer wrote (viewer.core.formats.letter_layout.write_text_letter,
marked by its front matter) read as that layout strictly: a closing line, then name lines
each optionally followed by a "Role, Country" line.

The writer reads its text back with the strict reader before it hands it out, so reading
the file the same way gives back exactly what was written; the importer's guesses (where
a list ends, which lines are prose, whether "Nom Prénom" puts the surname first) are for
letters from elsewhere and could read a name of this file otherwise.
"""

from __future__ import annotations

from viewer.core.formats.letter_layout import (
    find_closing,
    parse_letter_head,
    parse_signatory_blocks,
    split_lines,
    without_own_front_matter,
)
from viewer.core.model import Letter
from viewer.core.textimport.section_rows import ImportRow


def own_text_rows(
    text: str,
) -> tuple[Letter, int, tuple[ImportRow, ...]] | None:
    """(letter, closing line number, rows) of the text read strictly; None when it does
    not read so (then the importer reads it as any other letter)."""
    lines = without_own_front_matter(split_lines(text))  # blank: line numbers stay the file's
    closing_at = find_closing(lines)
    if closing_at is None:
        return None
    letter = parse_letter_head(lines[:closing_at], lines[closing_at].text.strip())
    after = [ln for ln in lines[closing_at + 1 :] if ln.text.strip()]
    people = parse_signatory_blocks(after, [])
    rows, at = [], 0
    for person in people:
        while at < len(after) and after[at].text.strip() != person.name:
            at += 1
        if at == len(after):
            return None
        first = last = after[at].number
        if (person.role or person.country) and at + 1 < len(after):
            at += 1
            last = after[at].number
        rows.append(ImportRow(first, last, person.name, person))
        at += 1
    return letter, lines[closing_at].number, tuple(rows)
