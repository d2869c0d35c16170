"""Opening a file as a document: which reader reads it, and the steps a worker runs.

``open_document(path)`` reads any file the viewer opens (JSON, CSV, text, Markdown, PDF, a
JSON or YAML list of signatories) with a ``<name>.meta.json`` sidecar beside it, or a folder
of one file per signer; ``load_file`` does the same on a worker thread,
reporting where it is and checking whether the user cancelled between steps, so a cancelled
open stops at the next check and the document on screen is never touched. The result
carries the query engine too, because building its columns is the other slow part of
opening a large list. ``plan_file`` stops at the import plan of a text letter, for the
Review Import view.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.core.errors import ParseError
from viewer.core.formats.csv_reader import signatories_from_csv
from viewer.core.formats.decoding import decode_letter_bytes
from viewer.core.formats.file_bytes import (
    check_decoded_lines,
    check_line_lengths,
    read_file_bytes,
    sha256_hex,
)
from viewer.core.formats.gc_pause import gc_paused
from viewer.core.formats.json_document import (
    document_from_json_obj,
    is_own_json,
    parse_json,
    read_metadata,
)
from viewer.core.formats.pdf_text import is_pdf
from viewer.core.formats.records import find_records, parse_yaml, records_document
from viewer.core.memory import keep_freed_memory
from viewer.core.model import Document, ImportWarning, Letter, Metadata, Source
from viewer.core.progress import Progress

if TYPE_CHECKING:  # the importer and the engine (numpy) load on first use, not at start-up
    from viewer.core.query.engine import QueryEngine
    from viewer.core.textimport.plan import ImportPlan

DECODE_SHARE = 0.15  # of a CSV's reading time, decoding and checking the text takes about this
PDF_SHARE = 0.9  # of a PDF's reading time, laying out its pages takes about this
FOLDER_SHARE = 0.95  # of a signer folder's reading time, its files take about this


# -- which reader ----------------------------------------------------------------------


def import_text_letter(text: str, path: str | None = None) -> Document:
    """A plain-text, Markdown or HTML letter, read by viewer.core.textimport.plan."""
    # Imported on first use: the importer (entries, list layouts, cleaning) is a tenth of a
    # second of imports that the start-up with the bundled JSON letter does not need.
    from viewer.core.textimport.plan import import_text_letter as read_text

    return read_text(text, path)


# Formats read as records by a parser in C (json.loads, csv.reader), in time linear in the
# file whatever its lines: the line-length limit, which keeps the text importer's per-line
# patterns to lines of a letter, does not apply to them. Their writers cannot wrap a long
# value (a JSON string, a CSV cell, has no line break to wrap at), so applying it would make
# a document with a long paragraph or name unreadable once exported; the file size limit
# still bounds them.
RECORD_FORMATS = frozenset({"json", "csv"})


def read_json_letter(text: str, path: str | None = None) -> Document:
    """The viewer's own JSON (``"format": "open-letter"``), or a foreign JSON list of
    signatories (viewer.core.formats.records); ParseError for anything else."""
    obj = parse_json(text, path)
    if not is_own_json(obj) and find_records(obj)[0] is not None:
        return records_document(obj, path, "JSON")
    return document_from_json_obj(obj, path)


def read_yaml_letter(text: str, path: str | None = None) -> Document:
    """A YAML list of signatories (viewer.core.formats.records)."""
    return records_document(parse_yaml(text, path), path, "YAML")


READERS: dict[str, Callable[[str, str | None], Document]] = {
    "json": read_json_letter,
    "csv": signatories_from_csv,
    "text": import_text_letter,
    "yaml": read_yaml_letter,
}
SUFFIXES = {
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".pdf": "pdf",
    # the text importer reads each by its own block reader (textimport.blocks.sources)
    **dict.fromkeys((".txt", ".md", ".markdown", ".text", ".html", ".htm", ""), "text"),
}


def format_from_suffix(path: str | Path) -> str | None:
    """json, csv, yaml, pdf or text by the file's extension; None if it does not tell."""
    return SUFFIXES.get(Path(path).suffix.lower())


def detect_format(path: str | Path, text: str) -> str:
    """json, csv or text: by the extension, else by the text (JSON starts with "{")."""
    known = format_from_suffix(path)
    if known is not None:
        return known
    stripped = text.lstrip()
    return "json" if stripped.startswith("{") else "text"


def parse_document(
    data: bytes,
    path: str | None = None,
    fmt: str | None = None,
    progress: Progress | None = None,
) -> Document:
    """Read a document from bytes; fmt is json, csv, yaml, pdf or text (guessed from the
    path; a text or unnamed file that starts as a PDF does is read as one: a download
    often loses its extension).

    Text that is not UTF-8 is read in a fallback encoding (viewer.core.formats.decoding); the
    document then says so in a warning and in ``source.encoding``. progress, if given,
    hears the fraction done and may stop the reading (viewer.core.progress.Cancelled); a
    CSV or a PDF reports as it goes, the other formats when they are done.
    """
    progress = progress or Progress()
    named = fmt or format_from_suffix(path or "")
    if named == "pdf" or (fmt is None and named in (None, "text") and is_pdf(data)):
        return _parse_pdf(data, path, progress)
    if named == "csv":
        doc = _csv_as_columns(data, path, progress)
        if doc is not None:
            return doc
    decoded = decode_letter_bytes(data, path, progress.part(0, DECODE_SHARE))
    fmt = fmt or format_from_suffix(path or "") or detect_format(path or "", decoded.text)
    if fmt not in RECORD_FORMATS:
        check_decoded_lines(decoded, data, path)
    if all(piece.isspace() or not piece for piece in decoded.pieces):
        raise ParseError("The file is empty.", path)  # (strip() would copy a 40 MB text)
    with gc_paused():  # a large CSV makes a million objects; see gc_pause.py
        if fmt == "csv":  # read from the pieces: the whole text is never made
            doc = signatories_from_csv(decoded.pieces, path, progress.part(DECODE_SHARE, 1))
        else:
            progress.check()
            doc = READERS[fmt](decoded.text, path)
    progress.report(1.0)
    warnings = doc.warnings
    if decoded.warning:
        warnings = (ImportWarning(None, decoded.warning), *warnings)
    source = Source(path=path, sha256=sha256_hex(data), format=fmt, encoding=decoded.encoding)
    return replace(doc, source=source, warnings=warnings)


def _csv_as_columns(data: bytes, path: str | None, progress: Progress) -> Document | None:
    """A plain UTF-8 CSV read straight into columns (viewer.core.formats.csv_columns), its
    SHA-256 worked out meanwhile on another thread (hashlib lets go of the interpreter lock);
    None if the file is not plain, and the row reader reads it."""
    from viewer.core.formats.csv_columns import table_from_csv

    with ThreadPoolExecutor(1) as pool:
        digest = pool.submit(sha256_hex, data)
        doc = table_from_csv(data, path, progress)
        if doc is None:
            digest.cancel()
            return None
        source = Source(path=path, sha256=digest.result(), format="csv", encoding="utf-8")
    progress.report(1.0)
    return replace(doc, source=source)


def _parse_pdf(data: bytes, path: str | None, progress: Progress) -> Document:
    """A PDF letter: its text layer, read by the same importer as a text file."""
    from viewer.core.formats.pdf_text import pdf_text

    extracted = pdf_text(data, path, progress.part(0, PDF_SHARE))
    check_line_lengths(extracted.text, path)
    with gc_paused():
        doc = import_text_letter(extracted.text, path)
    progress.report(1.0)
    source = Source(path=path, sha256=sha256_hex(data), format="pdf")
    return replace(doc, source=source, warnings=(*extracted.warnings, *doc.warnings))


def open_document(path: str | Path, fmt: str | None = None) -> Document:
    """Read a file, with metadata from a sidecar ``<name>.meta.json`` if one lies beside it;
    a folder is read as a folder of signer files (open_folder)."""
    if fmt is None and Path(path).is_dir():
        return open_folder(path)
    return document_from_file_bytes(read_file_bytes(path), path, fmt)


def open_folder(path: str | Path, progress: Progress | None = None) -> Document:
    """A folder of one file per signer (viewer.core.formats.signer_folder), with the letter
    from a letter text beside them if there is one; progress hears the share done."""
    from viewer.core.formats.signer_folder import read_signer_folder

    progress = progress or Progress()
    folder = read_signer_folder(path, progress.part(0, FOLDER_SHARE))
    letter, metadata = Letter(), Metadata()
    if folder.letter_text is not None:
        letter, metadata = letter_of_text(folder.letter_text, folder.letter_path)
    progress.report(1.0)
    return Document(
        letter=letter,
        signatories=folder.signatories,
        metadata=metadata,
        source=Source(path=str(path), sha256=folder.sha256, format="folder"),
        warnings=folder.warnings,
    )


def letter_of_text(text: str, path: str | None = None) -> tuple[Letter, Metadata]:
    """The letter (and what its front matter says) in a text that need not list signatories,
    read as the text importer reads the part before a list."""
    from viewer.core.textimport.plan import analyse

    plan = analyse(text, path)
    return plan.letter, plan.metadata


def document_from_file_bytes(
    data: bytes, path: str | Path, fmt: str | None = None, progress: Progress | None = None
) -> Document:
    """The document a file's bytes hold, as open_document reads it (sidecar metadata too);
    progress as for parse_document."""
    path = Path(path)
    doc = parse_document(data, str(path), fmt, progress)
    sidecar = path.with_name(path.stem + ".meta.json")
    if doc.source.format != "json" and sidecar.is_file():
        doc = replace(doc, metadata=read_metadata(sidecar))
    return doc


# -- opening on a worker ----------------------------------------------------------------


READING = "reading"  # the file's bytes
PARSING = "parsing"  # text to signatories
INDEXING = "indexing"  # the query engine's columns
# Each stage's share of an open, as they last on a local disk (a million rows: reading
# 0.1 s, the rows 2 s, the table's columns 1 s), so that one bar fills once across them.
STAGE_SHARES = {READING: 0.1, PARSING: 0.6, INDEXING: 0.3}


@dataclass(frozen=True)
class Loaded:
    """A document ready to show: its query engine is built, its import plan kept if any."""

    document: Document
    engine: QueryEngine
    plan: ImportPlan | None = None


def load_file(path: str | Path, progress: Progress | None = None) -> Loaded:
    """Read a file as open_document does, reporting the stages (READING, PARSING,
    INDEXING) and the fraction done; ParseError if bad, Cancelled once cancelled."""
    progress = progress or Progress()
    keep_freed_memory()  # a large open's temporary arrays reuse memory (viewer.core.memory)
    if Path(path).is_dir():
        return load_folder(path, progress)
    data = read_file_bytes(path, progress=progress.stage(READING, STAGE_SHARES[READING]))
    parsing = progress.stage(PARSING, STAGE_SHARES[PARSING])
    document = document_from_file_bytes(data, path, progress=parsing)
    del data  # the text and the signatories are what stays; the bytes can go before indexing
    return Loaded(document, build_engine(document, progress.stage(INDEXING, 1.0)))


def load_folder(path: str | Path, progress: Progress | None = None) -> Loaded:
    """Read a folder of signer files as open_folder does, reporting the share of files read
    (its reading is its parsing: one file per signer)."""
    progress = progress or Progress()
    parsing = progress.stage(PARSING, STAGE_SHARES[READING] + STAGE_SHARES[PARSING])
    document = open_folder(path, parsing)
    return Loaded(document, build_engine(document, progress.stage(INDEXING, 1.0)))


def _summarised(document: Document) -> Document:
    """The document with what the window's "Signed by" line counts worked out here, off the
    GUI thread (they are cached on the document): its countries, and its roles, which say
    whether the signatories are all parliamentarians (viewer.core.wording.signatory_noun)."""
    document.countries  # noqa: B018
    document.roles  # noqa: B018
    return document


def load_plan(plan: ImportPlan, progress: Progress | None = None) -> Loaded:
    """The document a (reviewed) import plan describes; ParseError if it has no signatories."""
    progress = progress or Progress()
    progress.stage(PARSING, STAGE_SHARES[READING] + STAGE_SHARES[PARSING])
    document = plan.to_document()
    return Loaded(document, build_engine(document, progress.stage(INDEXING, 1.0)), plan)


def review_plan(path: str | Path, progress: Progress | None = None) -> ImportPlan:
    """The import plan of a text or Markdown letter, for the Review Import view."""
    return plan_file(path, progress)


def build_engine(document: Document, progress: Progress | None = None) -> QueryEngine:
    """The query engine, its columns built now (off the GUI thread), reporting as it goes."""
    from viewer.core.query.engine import Columns, QueryEngine

    columns = Columns(document.signatories, progress)
    return QueryEngine(_summarised(document), columns)


# -- the import plan of a text letter ---------------------------------------------------


def plan_file(path: str | Path, progress: Progress | None = None) -> ImportPlan:
    """The importer's plan for a plain-text or Markdown letter; ParseError for a bad file.

    The file is read exactly as ``open_document`` reads it (size limit, encoding fallback,
    line lengths, a ``<name>.meta.json`` beside it), but stops at the ImportPlan, so a user
    can check and correct the boundary, the end and the layout; ``plan.to_document()`` then
    gives the document ``open_document`` would have given, provenance included. progress,
    if given, hears the stages (READING, PARSING) as load_file's do.
    """
    from viewer.core.textimport.plan import FileContext, analyse

    path = Path(path)
    progress = progress or Progress()
    data = read_file_bytes(path, progress=progress.stage(READING, STAGE_SHARES[READING]))
    parsing = progress.stage(PARSING, 1.0)
    decoded = decode_letter_bytes(data, str(path), parsing.part(0, DECODE_SHARE))
    check_line_lengths(decoded.text, str(path))
    if not decoded.text.strip():
        raise ParseError("The file is empty.", str(path))
    sidecar = path.with_name(path.stem + ".meta.json")
    context = FileContext(
        source=Source(str(path), sha256_hex(data), "text", decoded.encoding),
        warnings=(ImportWarning(None, decoded.warning),) if decoded.warning else (),
        metadata=read_metadata(sidecar) if sidecar.is_file() else None,
    )
    plan = analyse(decoded.text, str(path), context=context)
    parsing.report(1.0)
    return plan


def source_lines(plan: ImportPlan) -> list[str]:
    """The plan's text as lines numbered the way its line numbers count them (from 1)."""
    from viewer.core.textimport.textclean import clean_lines

    lines, _front = clean_lines(plan.text)
    return [line.raw for line in lines]
