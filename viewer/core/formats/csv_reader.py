"""Reading a CSV of signatories, a slice of rows at a time, fast enough for a million rows.

The rows come from csv.reader fed by io.StringIO slices of the text chained together, so
every line is read in C. A slice of rows is then turned into columns (zip, str.strip and
dict lookups mapped over them, all in C) and into Signatory objects column by column
(model.signatories_from_columns). A slice that is not plain (a short or long row, a blank
row, a row without a name, given and family names to join) is read row by row instead, as
it always was. Between slices the reader reports the fraction read and checks for cancel,
and no single call holds the interpreter lock for more than a few milliseconds, so a GUI
thread keeps running while a worker reads.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator, Sequence
from itertools import chain, islice, repeat

from viewer.core.errors import ParseError
from viewer.core.formats.column_names import distinct_keys, map_columns
from viewer.core.formats.csv_writer import NEUTRALISED
from viewer.core.limits import MAX_FILE_BYTES, MAX_LINE_CHARS, MAX_SIGNATORIES
from viewer.core.model import Document, Signatory, signatories_from_columns
from viewer.core.progress import Progress

ROWS_PER_SLICE = 1 << 13  # ~5 ms of csv.reader: the longest the lock is held in one call
TEXT_SLICE = 1 << 20  # characters per io.StringIO


class _TextSlices:
    """The text (given whole or in pieces that end at a line's end) as io.StringIO pieces
    cut after a newline; ``done`` is the share of it handed out (the reader's progress)."""

    def __init__(self, pieces: Sequence[str], chunk: int):
        self.pieces = pieces
        self.chunk = chunk
        self.size = max(sum(map(len, pieces)), 1)
        self.done = 0.0

    def __iter__(self) -> Iterator[io.StringIO]:
        before = 0
        for text in self.pieces:
            start = 0
            while start < len(text):
                end = text.find("\n", start + self.chunk)  # after a newline: never in "\r\n"
                end = len(text) if end < 0 else end + 1
                self.done = (before + end) / self.size
                yield io.StringIO(text[start:end], newline="")
                start = end
            before += len(text)


def csv_lines(text: str, chunk: int = TEXT_SLICE) -> Iterator[str]:
    """The lines of text as csv.reader reads them from io.StringIO(text, newline=""), made a
    slice at a time: one StringIO of a 40 MB file is a 170 MB copy made in one call that holds
    the GIL for a quarter of a second, stalling a GUI thread while a worker reads."""
    return chain.from_iterable(_TextSlices((text,), chunk))


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon (spreadsheets in many European locales) or tab, from the header row."""
    header = text[: text.find("\n")] if "\n" in text else text
    counts = {d: _count_outside_quotes(header, d) for d in (",", ";", "\t")}
    if counts[","] or not (counts[";"] or counts["\t"]):
        return ","
    return ";" if counts[";"] >= counts["\t"] else "\t"


def _count_outside_quotes(line: str, delimiter: str) -> int:
    return sum(part.count(delimiter) for part in line.split('"')[::2])


def signatories_from_csv(
    text: str | Sequence[str], path: str | None = None, progress: Progress | None = None
) -> Document:
    """A document from a CSV of signatories; the header names the columns.

    text may come in pieces that each end at a line's end (Decoded.pieces). progress,
    if given, hears the fraction of the text read after every slice of rows, and may stop
    the reading there (viewer.core.progress.Cancelled).
    """
    progress = progress or Progress()
    csv.field_size_limit(MAX_FILE_BYTES)  # a cell as long as the file may be (see opening)
    pieces = [text] if isinstance(text, str) else list(text)
    if pieces:
        pieces[0] = pieces[0].removeprefix("\ufeff")
        _check_header_length(pieces[0], path)
    slices = _TextSlices(pieces, TEXT_SLICE)
    delimiter = sniff_delimiter(pieces[0] if pieces else "")
    reader = csv.reader(chain.from_iterable(slices), delimiter=delimiter)
    people: list[Signatory] = []
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise ParseError("The CSV file is empty: it has no header row.", path, 1)
        header = [as_shown(h.strip()) for h in header]
        table = _Table(header, _csv_columns(header, path), path)
        while True:
            first_line = reader.line_num
            rows = list(islice(reader, ROWS_PER_SLICE))
            if not rows:
                break
            people += table.signatories(rows, first_line, len(people))
            if len(people) > MAX_SIGNATORIES:
                raise ParseError(f"More than {MAX_SIGNATORIES:,} signatories.", path)
            progress.report(slices.done)
    except csv.Error as exc:
        raise ParseError(f"The CSV is malformed ({exc}).", path, reader.line_num or 1) from None
    if not people:
        raise ParseError("The CSV file has a header but no signatories.", path, 2)
    progress.report(1.0)
    return Document(signatories=tuple(people))  # numbered as read: no second copy of each


def _check_header_length(text: str, path: str | None) -> None:
    """ParseError for a first line longer than a line of a letter. A CSV's rows may be that
    long (its cells are read in C, and a writer cannot wrap them: see viewer.core.opening),
    but its first row names the columns; one this long says the file is no table, and is
    refused at once rather than parsed as one huge header."""
    if text.find("\n", 0, MAX_LINE_CHARS + 1) == -1 and len(text) > MAX_LINE_CHARS:
        raise ParseError(
            f"The first line is longer than {MAX_LINE_CHARS:,} characters; the first row of a "
            "CSV names its columns. The file is probably not a CSV of signatories.",
            path,
            1,
        )


def _csv_columns(header: list[str], path: str | None) -> dict[str, int]:
    cols = map_columns(header)
    if "name" not in cols and "given" not in cols and "family" not in cols:
        raise ParseError(
            "The CSV has no \u201cname\u201d column. The first row should name the "
            "columns, for example: name,role,country.",
            path,
            1,
        )
    return cols


def extra_column_keys(header: list[str], cols: dict[str, int]) -> dict[int, str]:
    """The further columns (not name, role, country, ...; with a header) by index, each with
    the key its values are kept under (distinct even where two headers are alike)."""
    used = set(cols.values())
    extra = [i for i in range(len(header)) if i not in used and header[i].strip()]
    keys = distinct_keys([header[i].strip() for i in extra])
    return dict(zip(extra, keys, strict=True))


class _Interned(dict):
    """Cell text (stripped) to the one string kept for it; empty to None. Roles and
    countries repeat: one string per value, not per row, saves ~100 MB a million."""

    def __init__(self) -> None:
        super().__init__({"": None})

    def __missing__(self, value: str) -> str:
        kept = self[value] = sys.intern(value)
        return kept


class _Table:
    """What each column of one CSV holds, and how its rows become signatories."""

    def __init__(self, header: list[str], cols: dict[str, int], path: str | None):
        self.header = header
        self.cols = cols
        self.path = path
        self.extra_keys = extra_column_keys(header, cols)
        self.extra_columns = list(self.extra_keys)
        self.interned = {"role": _Interned(), "country": _Interned()}
        # Rows made of whole columns need a name column (given + family is joined per row).
        self.by_columns = "name" in cols

    def signatories(self, rows: list[list[str]], first_line: int, before: int) -> list[Signatory]:
        """The signatories of rows, which follow line first_line and before earlier ones."""
        made = self._by_columns(rows, before) if self.by_columns else None
        return made if made is not None else self._by_rows(rows, first_line, before)

    def _by_columns(self, rows: list[list[str]], before: int) -> list[Signatory] | None:
        """The rows' signatories made a column at a time; None unless every row is plain:
        as wide as the header, with a name."""
        width = len(self.header)
        if any(map(width.__ne__, map(len, rows))):
            return None
        columns = list(zip(*rows, strict=True))
        names = _values(columns[self.cols["name"]])
        if not all(names):  # a blank row, or one without a name: the rows say which
            return None
        return signatories_from_columns(
            names,
            self._category(columns, "role", len(rows)),
            self._category(columns, "country", len(rows)),
            range(before + 1, before + len(rows) + 1),
            self._family_names(columns, len(rows)),
            self._extras(columns, len(rows)),
        )

    def _category(self, columns: list[tuple[str, ...]], key: str, n: int) -> list[str | None]:
        if key not in self.cols:
            return [None] * n
        return list(map(self.interned[key].__getitem__, _values(columns[self.cols[key]])))

    def _family_names(self, columns: list[tuple[str, ...]], n: int) -> list[str | None]:
        if "family" not in self.cols:
            return [None] * n
        return [v or None for v in _values(columns[self.cols["family"]])]

    def _extras(self, columns: list[tuple[str, ...]], n: int):
        if not self.extra_columns:
            return repeat((), n)
        keys = [self.extra_keys[i] for i in self.extra_columns]
        values = zip(*(_values(columns[i]) for i in self.extra_columns), strict=True)
        return [tuple((k, v) for k, v in zip(keys, row, strict=True) if v) for row in values]

    def _by_rows(self, rows: list[list[str]], first_line: int, before: int) -> list[Signatory]:
        """The rows' signatories one by one: blank rows skipped, a row without a name is a
        ParseError at its line."""
        people: list[Signatory] = []
        line = first_line
        for row in rows:
            line += _lines_in(row)
            if not "".join(row).strip():
                continue
            people.append(self._row(row, line, before + len(people) + 1))
        return people

    def _row(self, row: list[str], line: int, position: int) -> Signatory:
        cols = self.cols
        family = _cell(row, cols.get("family"))
        name = _cell(row, cols.get("name")) or " ".join(
            filter(None, (_cell(row, cols.get("given")), family))
        )
        if not name:
            raise ParseError("This row has no name.", self.path, line)
        extra = ()
        if self.extra_columns:
            extra = tuple(
                (self.extra_keys[i], shown)
                for i in self.extra_columns
                if i < len(row) and (shown := as_shown(row[i].strip()))
            )
        role, country = _cell(row, cols.get("role")), _cell(row, cols.get("country"))
        return Signatory(
            name=name,
            role=None if role is None else self.interned["role"][role],
            country=None if country is None else self.interned["country"][country],
            family_name=family,
            position=position,
            extra=extra,
        )


def _lines_in(row: list[str]) -> int:
    """The lines of the file a row took, as csv.reader counts them: one, plus every line
    break inside a quoted cell ("\\r\\n", "\\r" or "\\n", kept in the cell as written)."""
    breaks = sum(c.count("\r") + c.count("\n") - c.count("\r\n") for c in row)
    return 1 + breaks


def _cell(row: list[str], i: int | None) -> str | None:
    if i is None or i >= len(row):
        return None
    return as_shown(row[i].strip()) or None


def as_shown(value: str) -> str:
    """A trimmed cell as a spreadsheet shows it: without the apostrophe that a writer put
    before a formula ("'=SUM(A1)", "'+44 20 7946 0000") to keep it from being run."""
    return value[1:].strip() if value[:1] == "'" and NEUTRALISED.match(value) else value


def _values(column: tuple[str, ...]) -> list[str]:
    """A column's cells trimmed and as shown; the check for an apostrophe is one search of
    the joined column (in C), so a column without any costs no loop per cell."""
    values = list(map(str.strip, column))
    if "\n'" in "\n" + "\n".join(values):
        values = list(map(as_shown, values))
    return values
