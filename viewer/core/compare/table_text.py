"""The comparison as text: CSV or TSV for a file or the clipboard, a table for a terminal.

Each letter's citation follows the table, so a pasted comparison says where it came from.
Cells that a spreadsheet would run as formulas are neutralised as in every CSV export.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence

from viewer.core.compare.comparison import Comparison
from viewer.core.formats.csv_writer import neutralise_formula

SIGNED = "yes"


def header(comparison: Comparison) -> list[str]:
    letters = [f"{letter.label}: {letter.title}" for letter in comparison.letters]
    return ["Person", *letters, "Names as written"]


def rows(comparison: Comparison, people: Sequence[int]) -> list[list[str]]:
    out = []
    for index in people:
        person = comparison.people[index]
        marks = [SIGNED if s is not None else "" for s in person.signed]
        forms = [
            f"{comparison.letters[i].label}: {s}"
            for i, s in enumerate(person.signed)
            if s is not None and s != person.name
        ]
        out.append([person.name, *marks, "; ".join(forms)])
    return out


def delimited(
    comparison: Comparison, people: Sequence[int], citations: Sequence[str], delimiter: str = ","
) -> str:
    """CSV (delimiter ",") or TSV ("\\t"): the table, a blank row, then one row per letter's
    citation."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header(comparison))
    for row in rows(comparison, people):
        writer.writerow([neutralise_formula(cell) for cell in row])
    writer.writerow([])
    for letter, citation in zip(comparison.letters, citations, strict=True):
        writer.writerow([f"Letter {letter.label}", neutralise_formula(citation)])
    return buffer.getvalue()


def plain_table(comparison: Comparison, people: Sequence[int], citations: Sequence[str]) -> str:
    """A terminal table: a mark under each letter signed, then the letters and suggestions."""
    labels = [letter.label for letter in comparison.letters]
    lines = [["Person", *labels]]
    for index in people:
        person = comparison.people[index]
        lines.append([person.name, *("x" if s else "-" for s in person.signed)])
    width = max(display_width(line[0]) for line in lines)
    text = [
        f"{line[0]}{' ' * (width - display_width(line[0]))}  {'  '.join(line[1:])}".rstrip()
        for line in lines
    ]
    text.append(f"{len(people)} of {len(comparison.people)} people")
    text.append("")
    for letter, citation in zip(comparison.letters, citations, strict=True):
        text.append(f"{letter.label}  {letter.count} signatories  {citation}")
    if comparison.suggestions:
        text.append("")
        text.append("Possible matches (confirm or reject them in the viewer's Compare window):")
        for s in comparison.suggestions:
            text.append(
                f"  {labels[s.letter_a]}: {s.name_a}  ~  {labels[s.letter_b]}: {s.name_b}"
                f"  ({s.reason})"
            )
    return "\n".join(text) + "\n"


def display_width(text: str) -> int:
    """Columns a terminal gives text: two for a wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
