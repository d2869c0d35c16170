"""Readers and writers: the JSON document format, CSV of signatories, the text layout.

Every reader raises ParseError (file, line, a plain sentence) and nothing else for bad input.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from viewer.core.columns import COUNTRY_COLUMNS as COUNTRY_COLUMNS
from viewer.core.columns import NAME_COLUMNS as NAME_COLUMNS
from viewer.core.columns import ROLE_COLUMNS as ROLE_COLUMNS
from viewer.core.csv_reading import csv_lines as csv_lines
from viewer.core.csv_reading import signatories_from_csv as signatories_from_csv
from viewer.core.csv_reading import sniff_delimiter as sniff_delimiter
from viewer.core.decoding import Decoded, decode_letter_bytes
from viewer.core.errors import ParseError
from viewer.core.gc_pause import gc_paused
from viewer.core.limits import MAX_FILE_BYTES, MAX_LINE_CHARS, MAX_SIGNATORIES
from viewer.core.model import (
    Block,
    Document,
    ImportWarning,
    ItemList,
    Letter,
    Metadata,
    NameParts,
    Paragraph,
    Signatory,
    Source,
    numbered,
)
from viewer.core.progress import Steps
from viewer.core.textformat import write_text_letter

SCHEMA_VERSION = 1
DECODE_SHARE = 0.15  # of a CSV's reading time, decoding and checking the text takes about this
FORMAT_NAME = "open-letter"


# -- bytes to text ---------------------------------------------------------------------


READ_CHUNK = 1 << 20


def read_file_bytes(
    path: str | Path,
    limit: int = MAX_FILE_BYTES,
    on_chunk: Callable[[int, int], None] | None = None,
) -> bytes:
    """The file's bytes, after checking its size; OSError becomes ParseError.

    With ``on_chunk``, the file is read a megabyte at a time and ``on_chunk(read, size)`` is
    called after each: a worker reports progress there, and may raise there to stop.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limit:
            raise _too_large(size, limit, p)
        if on_chunk is None:
            return p.read_bytes()
        return _read_chunks(p, size, limit, on_chunk)
    except ParseError:
        raise
    except IsADirectoryError:
        raise ParseError("This is a folder, not a file.", str(p)) from None
    except FileNotFoundError:
        raise ParseError("The file does not exist (it may have been moved).", str(p)) from None
    except PermissionError:
        raise ParseError("You do not have permission to read this file.", str(p)) from None
    except OSError as exc:
        raise ParseError(f"The file could not be read ({exc.strerror}).", str(p)) from None


def _too_large(size: int, limit: int, path: Path) -> ParseError:
    return ParseError(
        f"The file is {size / 1e6:,.0f} MB; letters this viewer opens are at most "
        f"{limit / 1e6:,.0f} MB.",
        str(path),
    )


def _read_chunks(path: Path, size: int, limit: int, on_chunk: Callable[[int, int], None]) -> bytes:
    """The file read into one buffer of its size, a chunk at a time. (Joining chunks read
    apart would be one 40 MB copy into fresh memory with the interpreter lock held for
    50 ms; reading into place fills the memory while the lock is free.) Returns a bytearray,
    which every reader takes as it takes bytes."""
    data = bytearray(size)
    done = 0
    with path.open("rb", buffering=0) as handle:
        with memoryview(data) as view:
            while done < size and (got := handle.readinto(view[done : done + READ_CHUNK])):
                done += got
                on_chunk(done, size)
        del data[done:]  # it shrank while being read
        while chunk := handle.read(READ_CHUNK):  # it grew, or is a device with no size
            data += chunk
            done += len(chunk)
            if done > limit:
                raise _too_large(done, limit, path)
            on_chunk(done, done)
    return data  # type: ignore[return-value]


def decode_text(data: bytes, path: str | None = None) -> str:
    """UTF-8 text (BOM allowed), refusing binary data and over-long lines."""
    if b"\x00" in data[:65536] or b"\x00" in data:
        raise ParseError(
            "This looks like a binary file (it contains NUL bytes), not a letter.",
            path,
            data.count(b"\n", 0, data.index(b"\x00")) + 1,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ParseError(
            "The text is not valid UTF-8 (a character at this line cannot be read). "
            "Save the file as UTF-8 and open it again.",
            path,
            line,
        ) from None
    check_line_lengths(text, path)
    return text


def check_line_lengths(text: str, path: str | None) -> None:
    """ParseError naming the first line longer than MAX_LINE_CHARS."""
    if len(text) <= MAX_LINE_CHARS or _longest_line_bytes(text) <= MAX_LINE_CHARS:
        return  # the usual case, with no loop per line
    start = 0
    line = 1
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        if end == -1:
            end = length
        if end - start > MAX_LINE_CHARS:
            raise ParseError(
                f"This line is {end - start:,} characters long; lines of a letter are at "
                f"most {MAX_LINE_CHARS:,}. The file is probably not a letter.",
                path,
                line,
            )
        start = end + 1
        line += 1


def _check_decoded_lines(decoded: Decoded, data: bytes, path: str | None) -> None:
    """check_line_lengths for decoded text; a UTF-8 file's lines are measured on its bytes
    (the text itself is only needed to name a line that is too long)."""
    if len(data) <= MAX_LINE_CHARS:  # no line can be longer (a character is a byte or more)
        return
    measured = data if decoded.encoding == "utf-8" else decoded.text
    if _longest_line_bytes(measured, 1 << 20) > MAX_LINE_CHARS:
        check_line_lengths(decoded.text, path)


def _longest_line_bytes(text: str | bytes | bytearray, slice_chars: int = 1 << 22) -> int:
    """The UTF-8 length of the longest line (at least its length in characters), found
    with numpy a few megabytes at a time: a Python loop per line takes 0.4 s on a million
    lines, and one split of the whole text would hold the GIL and the memory at once.
    text may be given as its UTF-8 bytes."""
    import numpy as np  # here: reading a small letter needs no numpy

    longest, start = 0, 0
    newline = "\n" if isinstance(text, str) else b"\n"
    if not isinstance(text, str) and text.startswith(codecs.BOM_UTF8):
        start = len(codecs.BOM_UTF8)  # not part of the text
    while start <= len(text):
        end = text.find(newline, start + slice_chars)  # type: ignore[arg-type]
        end = len(text) if end < 0 else end
        piece = text[start:end]
        if isinstance(piece, str):
            piece = piece.encode("utf-8", "surrogatepass")
        data = np.frombuffer(piece, dtype=np.uint8)
        edges = np.concatenate(([-1], np.flatnonzero(data == 10), [data.size]))
        longest = max(longest, int(np.diff(edges).max()) - 1)
        start = end + 1
    return longest


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- JSON ------------------------------------------------------------------------------


def document_to_json(doc: Document) -> str:
    """The project's JSON format; document_from_json() reads it back unchanged."""
    return json.dumps(_document_to_obj(doc), ensure_ascii=False, indent=2) + "\n"


def _document_to_obj(doc: Document) -> dict[str, Any]:
    meta = {k: v for k, v in asdict(doc.metadata).items() if v is not None}
    letter = doc.letter
    people = []
    for s in doc.signatories:
        entry: dict[str, Any] = {"name": s.name, "role": s.role, "country": s.country}
        if s.family_name:
            entry["family_name"] = s.family_name
        if s.extra:
            entry["extra"] = dict(s.extra)
        if s.name_parts:
            entry["name_parts"] = {k: v for k, v in asdict(s.name_parts).items() if v}
        people.append(entry)
    return {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "metadata": meta,
        "letter": {
            "addressee": list(letter.addressee),
            "date": letter.date,
            "salutation": letter.salutation,
            "body": [_block_to_obj(b) for b in letter.body],
            "closing": letter.closing,
        },
        "signatories": people,
    }


def _block_to_obj(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"paragraph": block.text}
    return {"list": list(block.items)}


def document_from_json(text: str, path: str | None = None) -> Document:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"The JSON is malformed: {exc.msg}.", path, exc.lineno) from None
    except RecursionError:
        raise ParseError("The JSON is nested too deeply to be a letter.", path) from None
    try:
        return _document_from_obj(obj, path)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ParseError(
            f"The JSON is not a letter in this viewer's format ({_describe(exc)}).", path
        ) from None


def _describe(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"missing field {exc.args[0]!r}"
    return str(exc) or type(exc).__name__


def _document_from_obj(obj: Any, path: str | None) -> Document:
    if not isinstance(obj, dict):
        raise ValueError("the top level is not an object")
    version = obj.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise ValueError("no schema_version")
    if version > SCHEMA_VERSION:
        raise ParseError(
            f"The file was written by a newer version of this viewer (format version "
            f"{version}); this one reads up to version {SCHEMA_VERSION}.",
            path,
        )
    meta_obj = obj.get("metadata") or {}
    known = set(Metadata.__dataclass_fields__)
    metadata = Metadata(**{k: _opt_scalar(v, k) for k, v in meta_obj.items() if k in known})
    lo = obj.get("letter") or {}
    letter = Letter(
        addressee=tuple(_str(a, "addressee") for a in lo.get("addressee", [])),
        date=_opt_str(lo.get("date"), "date"),
        salutation=_opt_str(lo.get("salutation"), "salutation"),
        body=tuple(_block_from_obj(b) for b in lo.get("body", [])),
        closing=_opt_str(lo.get("closing"), "closing"),
    )
    people = obj["signatories"]
    if not isinstance(people, list):
        raise ValueError("signatories is not a list")
    if len(people) > MAX_SIGNATORIES:
        raise ParseError(f"More than {MAX_SIGNATORIES:,} signatories.", path)
    signatories = numbered([_signatory_from_obj(p) for p in people])
    return Document(letter=letter, signatories=signatories, metadata=metadata)


def _block_from_obj(obj: Any) -> Block:
    if "paragraph" in obj:
        return Paragraph(_str(obj["paragraph"], "paragraph"))
    return ItemList(tuple(_str(i, "list item") for i in obj["list"]))


def _signatory_from_obj(obj: Any) -> Signatory:
    if not isinstance(obj, dict):
        raise ValueError("a signatory is not an object")
    extra = obj.get("extra") or {}
    if not isinstance(extra, dict):
        raise ValueError("extra is not an object")
    name = _str(obj["name"], "name")
    if not name.strip():
        raise ValueError("a signatory has an empty name")
    return Signatory(
        name=name,
        role=_opt_str(obj.get("role"), "role"),
        country=_opt_str(obj.get("country"), "country"),
        family_name=_opt_str(obj.get("family_name"), "family_name"),
        extra=tuple((_str(k, "extra"), _str(v, "extra")) for k, v in extra.items()),
        name_parts=_name_parts_from_obj(obj.get("name_parts")),
    )


def _name_parts_from_obj(obj: Any) -> NameParts | None:
    """The stated name parts ("given", "family", "particle", "suffix", "honorific")."""
    if obj is None:
        return None
    if not isinstance(obj, dict):
        raise ValueError("name_parts is not an object")
    known = set(NameParts.__dataclass_fields__)
    parts = NameParts(**{k: _opt_str(v, f"name_parts.{k}") for k, v in obj.items() if k in known})
    return parts if any(asdict(parts).values()) else None


def _str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} is not text")
    return value


def _opt_str(value: Any, what: str) -> str | None:
    return None if value is None or value == "" else _str(value, what)


def _opt_scalar(value: Any, what: str) -> Any:
    if value is None or (isinstance(value, str | int) and not isinstance(value, bool)):
        return value
    raise ValueError(f"{what} is not text or a number")


# -- CSV -------------------------------------------------------------------------------


def neutralise_formula(value: str) -> str:
    """Prefix an apostrophe where a spreadsheet would run the cell as a formula."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def signatories_to_csv(signatories: tuple[Signatory, ...], safe: bool = False) -> str:
    """CSV with header name,role,country and any extra columns; safe= neutralises formulas."""
    extra_keys = list(dict.fromkeys(k for s in signatories for k, _ in s.extra))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "role", "country", *extra_keys])
    cell: Callable[[str], str] = neutralise_formula if safe else (lambda v: v)
    for s in signatories:
        row = [s.name, s.role or "", s.country or ""]
        row += [s.extra_value(k) or "" for k in extra_keys]
        writer.writerow([cell(v) for v in row])
    return out.getvalue()


# -- opening files ---------------------------------------------------------------------


def import_text_letter(text: str, path: str | None = None) -> Document:
    """A plain-text or Markdown letter, read by viewer.core.importer."""
    # Imported on first use: the importer (entries, list layouts, cleaning) is a tenth of a
    # second of imports that the start-up with the bundled JSON letter does not need.
    from viewer.core.importer import import_text_letter as read_text

    return read_text(text, path)


READERS: dict[str, Callable[[str, str | None], Document]] = {
    "json": document_from_json,
    "csv": signatories_from_csv,
    "text": import_text_letter,
}


def format_from_suffix(path: str | Path) -> str | None:
    """json, csv or text by the file's extension; None if it does not tell."""
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix in (".txt", ".md", ".markdown", ".text", ""):
        return "text"
    return None


def detect_format(path: str | Path, text: str) -> str:
    """json, csv or text: by the extension, else by the text (JSON starts with "{")."""
    known = format_from_suffix(path)
    if known is not None:
        return known
    stripped = text.lstrip()
    return "json" if stripped.startswith("{") else "text"


def parse_document(
    data: bytes, path: str | None = None, fmt: str | None = None, steps: Steps | None = None
) -> Document:
    """Read a document from bytes; fmt is json, csv or text (guessed from the path).

    Text that is not UTF-8 is read in a fallback encoding (viewer.core.decoding); the
    document then says so in a warning and in ``source.encoding``. steps, if given, hears
    the fraction done and may stop the reading (viewer.core.progress.Cancelled); a CSV
    reports as it goes, the other formats when they are done.
    """
    steps = steps or Steps()
    decoded = decode_letter_bytes(data, path, steps.part(0, DECODE_SHARE))
    _check_decoded_lines(decoded, data, path)
    fmt = fmt or format_from_suffix(path or "") or detect_format(path or "", decoded.text)
    if all(piece.isspace() or not piece for piece in decoded.pieces):
        raise ParseError("The file is empty.", path)  # (strip() would copy a 40 MB text)
    with gc_paused():  # a large CSV makes a million objects; see gc_pause.py
        if fmt == "csv":  # read from the pieces: the whole text is never made
            doc = signatories_from_csv(decoded.pieces, path, steps.part(DECODE_SHARE, 1))
        else:
            doc = READERS[fmt](decoded.text, path)
    steps.step(1.0)
    warnings = doc.warnings
    if decoded.warning:
        warnings = (ImportWarning(None, decoded.warning), *warnings)
    source = Source(path=path, sha256=sha256_hex(data), format=fmt, encoding=decoded.encoding)
    return replace(doc, source=source, warnings=warnings)


def open_document(path: str | Path, fmt: str | None = None) -> Document:
    """Read a file, with metadata from a sidecar ``<name>.meta.json`` if one lies beside it."""
    return document_from_file_bytes(read_file_bytes(path), path, fmt)


def document_from_file_bytes(
    data: bytes, path: str | Path, fmt: str | None = None, steps: Steps | None = None
) -> Document:
    """The document a file's bytes hold, as open_document reads it (sidecar metadata too);
    steps as for parse_document."""
    path = Path(path)
    doc = parse_document(data, str(path), fmt, steps)
    sidecar = path.with_name(path.stem + ".meta.json")
    if doc.source.format != "json" and sidecar.is_file():
        doc = replace(doc, metadata=read_metadata(sidecar))
    return doc


def read_metadata(path: str | Path) -> Metadata:
    text = decode_text(read_file_bytes(path, 1024 * 1024), str(path))
    try:
        obj = json.loads(text)
        known = set(Metadata.__dataclass_fields__)
        return Metadata(**{k: _opt_scalar(v, k) for k, v in obj.items() if k in known})
    except (json.JSONDecodeError, TypeError, ValueError, AttributeError) as exc:
        raise ParseError(f"The metadata file is not valid ({exc}).", str(path)) from None


def write_document(doc: Document, fmt: str) -> str:
    """The document as text in one of the formats: json, csv or text."""
    if fmt == "json":
        return document_to_json(doc)
    if fmt == "csv":
        return signatories_to_csv(doc.signatories, safe=True)
    if fmt == "text":
        return write_text_letter(doc)
    raise ValueError(f"unknown format {fmt!r}")


def warnings_text(warnings: tuple[ImportWarning, ...]) -> list[str]:
    return [str(w) for w in warnings]
