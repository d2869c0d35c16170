"""Export of the shown signatories: CSV, the project's JSON (with the letter), Markdown.

The rows are whatever the caller shows, in the shown order (a filtered, sorted view). Files
are written atomically (viewer.core.storage.atomic). The Markdown is a readable letter (front matter
with the metadata, the text, then a table of signatories) that this viewer's importer reads
back to the same signatories.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, replace
from pathlib import Path

from viewer.core.formats.csv_writer import signatories_to_csv
from viewer.core.formats.decoding import without_controls
from viewer.core.formats.front_matter import front_matter
from viewer.core.formats.json_document import document_to_json
from viewer.core.letter_notes import Note, markdown_notes, note_obj
from viewer.core.model import Document, Metadata, Paragraph, Signatory
from viewer.core.progress import Progress
from viewer.core.query.facets import facet_for_key
from viewer.core.storage.atomic import write_atomic
from viewer.core.textimport.plan import OWN_SIGNATORIES_HEADING
from viewer.core.verification import SignatoryKey, Verification, verification_obj

EXPORT_FORMATS = ("csv", "json", "md")
FORMAT_SUFFIXES = {".csv": "csv", ".json": "json", ".md": "md", ".markdown": "md"}
FORMAT_LABELS = {
    "csv": "CSV spreadsheet (*.csv)",
    "json": "Letter viewer JSON (*.json)",
    "md": "Markdown (*.md)",
}

# CommonMark reads a backslash before any ASCII punctuation as that character: these are
# the ones that can start markup inside a line (emphasis, code, links, HTML, entities,
# table cells, strike-through).
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>|~&!])")
# ... and these at the start of a line (headings, list items, setext underlines, quotes).
_LINE_START_SPECIALS = re.compile(r"^(\s*)(?:([#+\-=>])|(\d+)(?=[.)]))")


def export_format_for(path: str | Path) -> str:
    """The export format a file name asks for; ValueError naming the choices otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMAT_SUFFIXES:
        raise ValueError(
            f"cannot export to \u201c{Path(path).name}\u201d: the name should end in "
            ".csv, .json or .md"
        )
    return FORMAT_SUFFIXES[suffix]


def default_export_name(doc: Document, fmt: str) -> str:
    """A file name for the save dialog, from the letter's file name or its title."""
    return f"{_stem(doc)}-signatories.{fmt}"


def default_chart_name(doc: Document, facet: str, fmt: str) -> str:
    """A file name for the chart's picture: "<letter>-chart-by-country.png" (facet: its key;
    a further column is named by its noun, "...-chart-by-party.png")."""
    return f"{_stem(doc)}-chart-by-{_slug(facet_for_key(facet).one) or 'value'}.{fmt}"


def _stem(doc: Document) -> str:
    stem = Path(doc.source.path).stem if doc.source.path else _slug(doc.title)
    return stem or "letter"


def _slug(text: str) -> str:
    words = re.findall(r"\w+", text.lower())
    return "-".join(words)[:60].strip("-")


def export_text(
    doc: Document,
    signatories: Sequence[Signatory],
    fmt: str,
    filter_text: str | None = None,
    verifications: Mapping[SignatoryKey, Verification] | None = None,
    notes: Sequence[Note] = (),
) -> str:
    """The shown signatories (and, for JSON and Markdown, the letter and the reader's notes)
    as text; the JSON and Markdown keep the letter's metadata and, for some of its
    signatories, mark the subset; the JSON has each signatory's status, note and source URL
    (verifications, by position and name)."""
    rows = tuple(signatories)
    if fmt == "csv":
        return signatories_to_csv(rows, safe=True)
    marked = replace(doc, metadata=subset_metadata(doc, rows, filter_text))
    if fmt == "json":
        written = {k: verification_obj(v) for k, v in (verifications or {}).items()}
        text = document_to_json(replace(marked, signatories=rows), written)
        if not notes:
            return text
        obj = json.loads(text)
        obj["notes"] = [note_obj(n) for n in notes]
        return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        text = markdown_letter(marked, rows)
        return text + ("\n" + markdown_notes(notes, _escape) if notes else "")
    raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")


def subset_metadata(
    doc: Document, rows: Sequence[Signatory], filter_text: str | None = None
) -> Metadata:
    """The letter's metadata for an export of rows: unchanged for all of them; for some, with
    how many the letter has (of the original letter, if doc is itself a subset), the filter
    and the original file's SHA-256, so that a reopened export still cites the letter."""
    m = doc.metadata
    if len(rows) >= len(doc.signatories):
        return m
    return replace(
        m,
        subset_of=m.subset_of or len(doc.signatories),
        subset_filter=filter_text or m.subset_filter,
        original_sha256=m.original_sha256 or doc.source.sha256,
    )


def sidecar_path(path: str | Path) -> Path:
    """The metadata file read with a letter: "<name>.meta.json" beside it."""
    path = Path(path)
    return path.with_name(path.stem + ".meta.json")


def sidecar_text(doc: Document, rows: Sequence[Signatory], filter_text: str | None) -> str | None:
    """The .meta.json that goes with a CSV export; None when there is nothing to say."""
    meta = {k: v for k, v in asdict(subset_metadata(doc, rows, filter_text)).items() if v}
    return json.dumps(meta, ensure_ascii=False, indent=2) + "\n" if meta else None


def export_file(
    doc: Document,
    signatories: Sequence[Signatory],
    path: str | Path,
    fmt: str | None = None,
    *,
    overwrite: bool = False,
    filter_text: str | None = None,
    progress: Progress | None = None,
    verifications: Mapping[SignatoryKey, Verification] | None = None,
    notes: Sequence[Note] = (),
) -> Path:
    """Write the export atomically; FileExistsError if the file exists and not ``overwrite``.

    A CSV export also writes its sidecar "<name>.meta.json" (the letter's metadata and the
    subset's marks), which the viewer reads when it opens the CSV. progress, if given, hears
    when the text is made (most of the work) and may stop the export there, before the file
    is touched (viewer.core.progress.Cancelled).
    """
    progress = progress or Progress()
    fmt = fmt or export_format_for(path)
    rows = tuple(signatories)
    text = export_text(doc, rows, fmt, filter_text, verifications, notes)
    progress.report(0.9)  # the last check: once writing starts, it ends
    written = write_atomic(path, text, overwrite=overwrite)
    sidecar = sidecar_text(doc, rows, filter_text) if fmt == "csv" else None
    if sidecar:
        write_atomic(sidecar_path(path), sidecar, overwrite=True)  # belongs to this CSV
    return written


# -- Markdown --------------------------------------------------------------------------------


def markdown_letter(doc: Document, signatories: Sequence[Signatory]) -> str:
    """The letter and the given signatories as Markdown the importer reads back."""
    parts = [front_matter(doc.metadata), f"# {_escape(doc.title)}"]
    letter = doc.letter
    if letter.addressee:
        parts.append("  \n".join(_escape(a) for a in letter.addressee))
    for line in (letter.date, letter.salutation):
        if line:
            parts.append(_escape(line))
    for block in letter.body:
        if isinstance(block, Paragraph):
            parts.append(_paragraph(block.text))
        else:  # (an item with no text would be no item on reading: it is left out)
            items = [_escape(item) for item in block.items]
            parts.append("\n".join(f"- {item}" for item in items if item))
    if letter.closing:
        parts.append(_escape(letter.closing))
    parts.append(f"## {OWN_SIGNATORIES_HEADING}")
    parts.append(_table(signatories))
    return "\n\n".join(p for p in parts if p) + "\n"


def _table(signatories: Sequence[Signatory]) -> str:
    extra_keys = [
        k for k in dict.fromkeys(_cell_text(k) for s in signatories for k, _ in s.extra) if k
    ]
    family = any(s.family_name for s in signatories)
    header = ["Name", "Role", "Country", *(["Family name"] if family else []), *extra_keys]
    lines = [_table_row(header), "| " + " | ".join("---" for _ in header) + " |"]
    for s in signatories:
        extra = {_cell_text(k): v for k, v in reversed(s.extra)}  # the first of a key wins
        row = [s.name, s.role or "", s.country or ""]
        row += [s.family_name or ""] if family else []
        row += [extra.get(k) or "" for k in extra_keys]
        lines.append(_table_row(row))
    return "\n".join(lines)


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(_escape(c) for c in cells) + " |"


def _cell_text(text: str) -> str:
    return squeeze_spaces(without_controls(text))


def _paragraph(text: str) -> str:
    """A paragraph, its lines kept under the reader's line limit: wrapped at single spaces
    (a line break inside a paragraph reads as a space)."""
    text = _escape(text)
    if len(text) <= WRAP_AT:
        return text
    lines, start = [], 0
    while len(text) - start > WRAP_AT:
        cut = text.rfind(" ", start, start + WRAP_AT)
        if cut <= start:
            break  # no space to wrap at: the line stays long
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])
    return "\n".join(_escape_line_start(line) for line in lines)


WRAP_AT = 10_000  # far below the reader's line limit, well above any sentence


def _escape(text: str) -> str:
    """Text that Markdown (and the importer) reads as itself, on one line: every Markdown or
    HTML mark escaped with a backslash, a line break written as <br>, white space squeezed."""
    text = without_controls(text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [squeeze_spaces(line) for line in text.split("\n")]
    text = "<br>".join(_escape_line_start(_INLINE_SPECIALS.sub(r"\\\1", line)) for line in lines)
    return text.strip()


def _escape_line_start(text: str) -> str:
    """A backslash before what would make a line a heading, a list item or a quote."""
    return _LINE_START_SPECIALS.sub(
        lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[1]}{m[3]}\\", text, count=1
    )


def squeeze_spaces(text: str) -> str:
    """Runs of white space as one space, none at either end (how Markdown reads them)."""
    return " ".join(text.split())
