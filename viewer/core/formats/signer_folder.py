"""A folder of one file per signer, as letters kept on GitHub collect their signatures.

The rms-support-letter repository keeps ``_data/signed/<name>.yaml`` files (``name:``,
``link:``); others keep Markdown files with the fields in their front matter, JSON files, or
one-line text files ("Name | Role, Company", as case-212 does). Every such file of the folder
and its subfolders is read, in the order of their paths (hidden files and folders skipped);
each is one signatory (records.read_record: the name from the name-like key the files share,
other plain values kept as fields). A letter text beside them (letter.md, index.md or
README.md with prose) is handed back to become the letter. A file that cannot be read is a
warning naming it; the folder fails only when no file gives a signatory.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from viewer.core.errors import ParseError
from viewer.core.formats.decoding import decode_letter_bytes
from viewer.core.formats.file_bytes import read_file_bytes
from viewer.core.formats.json_document import parse_json
from viewer.core.formats.records import (
    STRONG_NAME_KEYS,
    Record,
    best_name_key,
    choose_name_key,
    listed,
    parse_yaml,
    read_record,
)
from viewer.core.limits import MAX_SIGNATORIES
from viewer.core.model import ImportWarning, Signatory, numbered
from viewer.core.progress import Progress

DATA_SUFFIXES = frozenset({".yaml", ".yml", ".json"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
LINE_SUFFIXES = frozenset({".txt", ""})  # one-line files: "Name | Role" or a name alone
LETTER_STEMS = ("letter", "open-letter", "open_letter", "index", "readme")  # best first
MAX_SIGNER_BYTES = 1 << 20  # one signer's file; anything larger is not one
MAX_LINE_CHARS = 300  # a one-line signer file's line
MIN_PROSE_WORDS = 12  # a letter has a line of at least this many words
MAX_ERRORS_LISTED = 50  # files named one warning each; the rest are counted
SOURCE_FILE = "source file"  # the field that names each signatory's file
EMPTY = ("is empty", "are empty")
NO_SIGNER = ("names no signer", "name no signer")
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.S | re.M)


@dataclass(frozen=True)
class SignerFolder:
    """What a folder of signer files holds: its signatories, the letter text if one lies
    there, and what was left out."""

    signatories: tuple[Signatory, ...]
    warnings: tuple[ImportWarning, ...]
    letter_text: str | None
    letter_path: str | None
    sha256: str  # of every file read, names and bytes: the folder's identity
    files: int


@dataclass
class _Reading:
    """The folder as it is being read."""

    records: list[tuple[str, Mapping]]
    errors: list[str]  # files that could not be read, or were read with a fallback
    skipped: dict[tuple[str, str], list[str]]  # (reason for one, for several) -> files
    letters: list[tuple[int, str, str]]  # (rank, relative path, text)
    digest: Any


def read_signer_folder(folder: str | Path, progress: Progress | None = None) -> SignerFolder:
    """The signatories of a folder of signer files; progress hears the share of files read.

    ParseError when the folder cannot be listed, holds more files than a document may have
    signatories, or gives no signatory at all.
    """
    root = Path(folder)
    progress = progress or Progress()
    files = signer_files(root)
    reading = _Reading([], [], defaultdict(list), [], hashlib.sha256())
    for number, path in enumerate(files, start=1):
        _read_one(root, path, reading)
        progress.report(number / len(files))
    return _finished(root, files, reading)


def signer_files(root: Path) -> list[Path]:
    """The files that may be signers' (by their suffixes), sorted by path, hidden ones left
    out; one-line text files only where they make up most of their folder."""
    if not root.is_dir():
        raise ParseError("This is not a folder (it may have been moved).", str(root))
    found: list[Path] = []
    for directory, names in _walk(root):
        data = [directory / n for n in names if _suffix(n) in DATA_SUFFIXES | MARKDOWN_SUFFIXES]
        lines = [directory / n for n in names if _suffix(n) in LINE_SUFFIXES]
        if len(lines) >= 2 and len(lines) * 2 >= len(names):
            data += lines  # a folder of "Name | Role" files (case-212)
        else:
            data += [p for p in lines if _letter_rank(root, p) is not None]
        found.extend(data)
        if len(found) > MAX_SIGNATORIES:
            raise ParseError(
                f"This folder holds more than {MAX_SIGNATORIES:,} files; a letter has at most "
                f"{MAX_SIGNATORIES:,} signatories.",
                str(root),
            )
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _walk(root: Path) -> Iterator[tuple[Path, list[str]]]:
    def refuse(error: OSError) -> None:
        if Path(error.filename or "") == root:
            raise ParseError(f"The folder could not be read ({error.strerror}).", str(root))

    for directory, dirnames, filenames in os.walk(root, onerror=refuse):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        yield Path(directory), sorted(n for n in filenames if not n.startswith("."))


def _suffix(name: str) -> str:
    return os.path.splitext(name)[1].lower()  # (not Path: a folder has thousands of names)


def _letter_rank(root: Path, path: Path) -> int | None:
    """How good a letter file's name is (0 best), for files directly in the folder."""
    if path.parent != root:
        return None
    stem = path.stem.lower()
    return LETTER_STEMS.index(stem) if stem in LETTER_STEMS else None


# -- one file ------------------------------------------------------------------------------


def _read_one(root: Path, path: Path, reading: _Reading) -> None:
    relative = path.relative_to(root).as_posix()
    try:
        data = read_file_bytes(path, MAX_SIGNER_BYTES)
        decoded = decode_letter_bytes(bytes(data), relative)
    except ParseError as exc:
        reading.errors.append(f"{relative}: {exc.message}")
        return
    text = decoded.text
    if decoded.warning:  # read in a fallback encoding: said, as for a letter file
        reading.errors.append(f"{relative}: {decoded.warning}")
    reading.digest.update(relative.encode("utf-8", "surrogateescape") + b"\0" + data + b"\0")
    if not text.strip():
        reading.skipped[EMPTY].append(relative)
        return
    try:
        found = _records_of(path, text)
    except ParseError as exc:
        where = f", line {exc.line}" if exc.line else ""
        reading.errors.append(f"{relative}{where}: {exc.message}")
        return
    rank = _letter_rank(root, path)
    if rank is not None and _has_prose(text) and not any(map(_names_a_person, found)):
        reading.letters.append((rank, relative, text))  # a page's "title:" is not a signer
    elif found:
        reading.records.extend((relative, r) for r in found)
    else:
        reading.skipped[NO_SIGNER].append(relative)


def _names_a_person(record: Mapping) -> bool:
    return best_name_key(record, STRONG_NAME_KEYS) is not None


def _records_of(path: Path, text: str) -> list[Mapping]:
    """The signer records a file holds (usually one); [] if it holds none."""
    suffix = _suffix(path.name)
    if suffix in DATA_SUFFIXES:
        return _mappings(_parse_data(text, suffix, path.name))
    if suffix in MARKDOWN_SUFFIXES:
        match = _FRONT_MATTER.match(text)
        if not match:
            return []
        found = _mappings(_parse_data(match.group(1), ".yaml", path.name, first_line=2))
        return [r for r in found if choose_name_key([r])]
    return _line_record(text)


def _parse_data(text: str, suffix: str, name: str, first_line: int = 1) -> Any:
    """JSON or YAML text parsed; ParseError with the line for a malformed one."""
    if suffix == ".json":
        return parse_json(text, name)
    return parse_yaml(text, name, first_line)


def _mappings(obj: Any) -> list[Mapping]:
    if isinstance(obj, Mapping):
        return [obj]
    if isinstance(obj, list):
        return [item for item in obj if isinstance(item, Mapping)]
    return []


def _line_record(text: str) -> list[Mapping]:
    """A one-line file's signer: "Name | Role" or a name alone."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) != 1 or len(lines[0]) > MAX_LINE_CHARS:
        return []
    name, _, role = (part.strip() for part in lines[0].partition("|"))
    return [{"name": name, "role": role}] if name else []


def _has_prose(text: str) -> bool:
    return any(len(line.split()) >= MIN_PROSE_WORDS for line in text.splitlines())


# -- the whole folder ------------------------------------------------------------------------


def _finished(root: Path, files: list[Path], reading: _Reading) -> SignerFolder:
    name_key = choose_name_key([r for _, r in reading.records])
    signatories: list[Signatory] = []
    for relative, mapping in reading.records:
        record: Record = read_record(mapping, name_key)
        if record.signatory is None:
            field = f"\u201c{name_key}\u201d field"
            reading.skipped[(f"has no {field}", f"have no {field}")].append(relative)
            continue
        extra = (*record.signatory.extra, (SOURCE_FILE, relative))
        signatories.append(replace(record.signatory, extra=extra))
    if len(signatories) > MAX_SIGNATORIES:
        raise ParseError(f"More than {MAX_SIGNATORIES:,} signatories.", str(root))
    letter = min(reading.letters, default=None)
    warnings = _warnings(reading, letter)
    if not signatories:
        raise ParseError(_nothing_found(files, reading), str(root))
    return SignerFolder(
        signatories=numbered(signatories),
        warnings=warnings,
        letter_text=letter[2] if letter else None,
        letter_path=str(root / letter[1]) if letter else None,
        sha256=reading.digest.hexdigest(),
        files=len(files),
    )


def _warnings(reading: _Reading, letter: tuple[int, str, str] | None) -> tuple[ImportWarning, ...]:
    warnings = [ImportWarning(None, f"{e}") for e in reading.errors[:MAX_ERRORS_LISTED]]
    if len(reading.errors) > MAX_ERRORS_LISTED:
        more = len(reading.errors) - MAX_ERRORS_LISTED
        warnings.append(ImportWarning(None, f"{more:,} more files could not be read."))
    for _rank, relative, _text in reading.letters:
        if letter is None or relative != letter[1]:
            reading.skipped[NO_SIGNER].append(relative)
    for (one, several), names in reading.skipped.items():
        count = len(names)
        said = f"These {count:,} files {several} and were"
        if count == 1:
            said = f"This file {one} and was"
        warnings.append(ImportWarning(None, f"{said} left out: {listed(sorted(names))}."))
    if letter is not None:
        warnings.append(ImportWarning(None, f"The letter is read from {letter[1]}."))
    return tuple(warnings)


def _nothing_found(files: list[Path], reading: _Reading) -> str:
    if not files:
        return (
            "This folder holds no signer files (YAML, JSON, Markdown with front matter, "
            "or one-line text files), so it has no signatories to show."
        )
    return (
        f"None of the {len(files):,} files in this folder names a signer (a \u201cname\u201d "
        "field or another name-like field), so it has no signatories to show."
    )
