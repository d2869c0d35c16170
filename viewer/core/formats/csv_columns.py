"""Reading a plain CSV of signatories straight into columns, with numpy, no object per row.

A CSV of a million rows read by csv.reader costs a list and a string per cell: 1.4 s, and as
many Signatory objects again. Here the file's bytes are scanned in numpy instead: the
positions of its delimiters and line ends (those inside quotes left out by the parity of the
quotes before them), each row's cells as (start, end) offsets, quotes and surrounding white
space trimmed by moving the offsets, and each column gathered into one byte buffer
(viewer.core.text_column) or, for roles and countries, into category ids. The document's
signatories are then a SignatoryTable, which makes a Signatory only when one is asked for.

This reader answers only for files it can read exactly as the row reader (csv_reader.py)
does: UTF-8, a "name" column, every row as wide as the header (blank lines aside), quotes
only around whole cells. Anything else (a short row, a row without a name, a stray quote,
another encoding, names from given and family columns) gives None, and the row reader
reads the file, with its line numbers for the errors it finds. Both give equal documents:
tests/core/formats/test_csv_as_columns.py holds them to it.
"""

from __future__ import annotations

import codecs
import csv
import functools
import itertools
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from viewer.core.categories import Categories, HashClash, categories_of_cells, joined_categories
from viewer.core.distinct import distinct
from viewer.core.formats.column_names import map_columns
from viewer.core.formats.csv_reader import as_shown, extra_column_keys, sniff_delimiter
from viewer.core.formats.decoding import MAX_CONTROL_SHARE, without_controls
from viewer.core.limits import MAX_LINE_CHARS, MAX_SIGNATORIES
from viewer.core.model import Document
from viewer.core.progress import Progress
from viewer.core.signatory_table import SignatoryTable
from viewer.core.text_column import TextColumn, fold_column, gather_column
from viewer.core.two_threads import on_two_threads

SCAN_BYTES = 1 << 22  # bytes scanned by one numpy call: a few milliseconds each
_QUOTE, _NEWLINE, _CR, _APOSTROPHE = 0x22, 0x0A, 0x0D, 0x27
# Bytes that str.strip() removes when they stand alone (ASCII white space and separators).
_SPACE = np.zeros(256, dtype=bool)
_SPACE[[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20]] = True
# Share of the reading that finds the cells; the rest gathers (and folds) the columns.
_SCAN = 0.5
CATEGORY_ROWS = 1 << 18  # rows of a role or country column made at a time (see _category_parts)


class _NotPlain(Exception):
    """The file is not one this reader can read exactly; the row reader will."""


def table_from_csv(data: bytes, path: str | None, progress: Progress | None = None):
    """The document of a plain UTF-8 CSV of signatories, as columns; None for any other.

    progress hears the fraction read and may stop the reading (Cancelled).
    """
    progress = progress or Progress()
    try:
        return _read(data, path, progress)
    except _NotPlain:
        return None


def _read(data: bytes, path: str | None, progress: Progress) -> Document:
    begin = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    header_end = data.find(b"\n", begin)
    if header_end < 0 or header_end + 1 == len(data):
        raise _NotPlain  # no rows: the row reader says so
    if b"\x00" in data or data.startswith(_UTF16_BOMS):
        raise _NotPlain
    header, delimiter = _header(data[begin:header_end])
    cols = map_columns(header)
    if "name" not in cols:
        raise _NotPlain  # a name made of given and family names is joined row by row
    body = np.frombuffer(data, np.uint8, offset=header_end + 1)
    scanning = progress.part(0, _SCAN)
    starts, ends, replaced = _cells(body, data, ord(delimiter), len(header), scanning)
    if starts[0].size > MAX_SIGNATORIES or not starts[0].size:
        raise _NotPlain  # the row reader says so, with the limit
    columns = _Columns(body, starts, ends, replaced, progress.part(_SCAN, 1))
    try:
        table = columns.table(cols, extra_column_keys(header, cols))
    except (UnicodeDecodeError, HashClash):
        raise _NotPlain from None  # not UTF-8 after all: the decoder says what it is
    progress.report(1.0)
    return Document(signatories=table)


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _header(line: bytes) -> tuple[list[str], str]:
    """The header's cells (trimmed, as shown) and the delimiter it uses."""
    if line.count(b'"') % 2:
        raise _NotPlain  # a header cell with a line break: read row by row
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        raise _NotPlain from None
    if len(text) > MAX_LINE_CHARS or without_controls(text) != text:
        raise _NotPlain
    delimiter = sniff_delimiter(text)
    header = next(csv.reader([text], delimiter=delimiter), [])
    header = [as_shown(h.strip()) for h in header]
    if not any(header):
        raise _NotPlain
    return header, delimiter


def _cells(
    body: np.ndarray, data: bytes, delimiter: int, width: int, progress: Progress
) -> tuple[list[np.ndarray], list[np.ndarray], dict[tuple[int, int], bytes]]:
    """Start and end offsets (into body) of every cell, a pair of arrays per column, one row
    per signatory (blank lines dropped), trimmed as the row reader trims them; and the bytes
    of the cells that are not a plain slice (escaped quotes, a neutralised formula), by
    (row, column).

    Offsets are 32-bit (a file is at most 512 MB) and the work goes a chunk or a column at a
    time on each of two threads, so that no temporary array outgrows the blocks malloc
    keeps for reuse (viewer.core.memory).
    """
    quoted = data.find(b'"', len(data) - body.size) >= 0
    found = _scan(body, delimiter, quoted, progress.part(0, 0.8))
    seps = found.seps
    escapes = np.empty(0, dtype=np.int32)
    if quoted:
        escapes = _check_quotes(body, found.quotes, delimiter)
        seps = _outside_quotes(seps, found.quotes)
    grid_starts, grid_ends = _rows(body, seps, width)
    trim_crs = found.carriage_returns > 0
    column = functools.partial(_column, body, grid_starts, grid_ends, trim_crs, quoted, progress)
    # Columns on two threads (numpy lets go of the interpreter lock in each step).
    made = on_two_threads([functools.partial(column, col) for col in range(width)])
    starts, ends = [s for s, _ in made], [e for _, e in made]
    del grid_starts, grid_ends, column, made
    keep = np.zeros(starts[0].size, dtype=bool)
    for s, e in zip(starts, ends, strict=True):
        keep |= e > s  # a row of empty cells is a blank line
    if not keep.all():
        starts = [s[keep] for s in starts]
        ends = [e[keep] for e in ends]

    def refuse(col: int) -> None:
        progress.check()
        _refuse_unicode_spaces(body, starts[col], ends[col])

    on_two_threads([lambda col=col: refuse(col) for col in range(width)])
    progress.check()
    replaced = _replaced(body, starts, ends, escapes)
    progress.report(1.0)
    return starts, ends, replaced


def _column(
    body: np.ndarray,
    grid_starts: np.ndarray,
    grid_ends: np.ndarray,
    trim_crs: bool,
    quoted: bool,
    progress: Progress,
    col: int,
) -> tuple[np.ndarray, np.ndarray]:
    """A column's cell starts and ends: a carriage return before the line end, the quotes
    around a quoted cell and the white space around every cell left out."""
    progress.check()  # each column's steps take milliseconds at a million rows
    s, e = grid_starts[:, col].copy(), grid_ends[:, col].copy()
    if trim_crs and col == grid_starts.shape[1] - 1:
        e -= (e > s) & (body.take(e - 1, mode="clip") == _CR)
    if quoted:
        inside = (e > s) & (body.take(s, mode="clip") == _QUOTE)
        s += inside
        e -= inside
    _strip(body, s, e)
    return s, e


def _outside_quotes(seps: np.ndarray, quotes: np.ndarray) -> np.ndarray:
    """The separators with an even number of quotes before them, a slice at a time."""
    kept = []
    for first in range(0, seps.size, _SLICE):
        part = seps[first : first + _SLICE]
        kept.append(part[(np.searchsorted(quotes, part) & 1) == 0])
    return np.concatenate(kept) if kept else seps


_SLICE = 1 << 20  # offsets handled at a time where a step would make a large temporary


class _Scanned:
    """What one pass over the bytes found: separators, quotes, carriage returns, controls."""

    def __init__(self) -> None:
        self.seps = np.empty(0, dtype=np.int32)
        self.quotes = np.empty(0, dtype=np.int32)
        self.carriage_returns = 0
        self.controls = 0


def _scan(body: np.ndarray, delimiter: int, quoted: bool, progress: Progress) -> _Scanned:
    """One pass, a few megabytes at a time, the chunks shared by two threads: the offsets of
    the delimiters and line ends (and of the quotes, if any); _NotPlain for a carriage
    return that does not end a line, or for so many control characters that the decoder
    might call the file binary."""
    firsts = range(0, body.size, SCAN_BYTES)
    scan = functools.partial(
        _scan_chunk, body, delimiter=delimiter, quoted=quoted, progress=progress
    )
    chunks = on_two_threads([functools.partial(scan, first) for first in firsts])
    progress.report(1.0)
    found = _Scanned()
    found.controls = sum(c.controls for c in chunks)
    found.carriage_returns = sum(c.carriage_returns for c in chunks)
    if found.controls and found.controls > MAX_CONTROL_SHARE * _characters(body):
        raise _NotPlain  # binary, as the decoder will say
    if chunks:
        found.seps = np.concatenate([c.seps for c in chunks])
        if quoted:
            found.quotes = np.concatenate([c.quotes for c in chunks])
    return found


def _scan_chunk(
    body: np.ndarray, first: int, *, delimiter: int, quoted: bool, progress: Progress
) -> _Scanned:
    """What the scan finds in the SCAN_BYTES bytes from first (offsets into body)."""
    progress.check()
    found = _Scanned()
    chunk = body[first : first + SCAN_BYTES + 1]  # one byte more: what follows a CR
    whole = chunk[:SCAN_BYTES]
    found.seps = (np.flatnonzero((whole == delimiter) | (whole == _NEWLINE)) + first).astype(
        np.int32
    )
    if quoted:
        found.quotes = (np.flatnonzero(whole == _QUOTE) + first).astype(np.int32)
    _count_controls(found, chunk, whole)
    return found


def _characters(body: np.ndarray) -> int:
    """The number of UTF-8 characters in body: its bytes that do not continue one."""
    return sum(
        int(np.count_nonzero((body[i : i + SCAN_BYTES] & 0xC0) != 0x80))
        for i in range(0, body.size, SCAN_BYTES)
    )


def _count_controls(found: _Scanned, chunk: np.ndarray, whole: np.ndarray) -> None:
    """Add the chunk's control characters (decoding._CONTROL) and carriage returns; chunk is
    whole and the byte after it, if any."""
    low = np.bincount(whole[whole < 0x20], minlength=0x20)
    found.controls += int(low.sum() - low[[0x09, 0x0A, 0x0C, 0x0D]].sum())
    found.controls += int(np.count_nonzero(whole == 0x7F))
    lead = np.flatnonzero(whole == 0xC2)  # C1 controls are 0xC2 0x80-0x9F
    if lead.size:
        after = chunk[np.minimum(lead + 1, chunk.size - 1)]
        found.controls += int(np.count_nonzero((after >= 0x80) & (after <= 0x9F)))
    if low[_CR]:
        cr = np.flatnonzero(whole == _CR)
        if cr[-1] + 1 >= chunk.size or np.any(chunk[cr + 1] != _NEWLINE):
            raise _NotPlain  # a line ended by a lone carriage return (or the file by one)
        found.carriage_returns += cr.size


def _check_quotes(body: np.ndarray, quotes: np.ndarray, delimiter: int) -> np.ndarray:
    """_NotPlain unless every quote opens a cell, closes one or doubles one inside; the
    offsets of the doubled quotes (the second of each pair)."""
    if quotes.size % 2:
        raise _NotPlain
    opens, closes = quotes[0::2], quotes[1::2]
    doubled = np.zeros(opens.size, dtype=bool)
    doubled[1:] = opens[1:] == closes[:-1] + 1  # "" inside a quoted cell
    before = np.where(opens > 0, body[np.maximum(opens - 1, 0)], _NEWLINE)
    after_at = closes + 1
    after = np.where(after_at < body.size, body[np.minimum(after_at, body.size - 1)], _NEWLINE)
    crlf = (after == _CR) & (body[np.minimum(after_at + 1, body.size - 1)] == _NEWLINE)
    opens_cell = doubled | (before == delimiter) | (before == _NEWLINE)
    closes_cell = np.append(doubled[1:], False) | (after == delimiter) | (after == _NEWLINE)
    if not (opens_cell.all() and (closes_cell | crlf).all()):
        raise _NotPlain  # a quote inside an unquoted cell, or text after a closing quote
    return opens[doubled]


def _rows(body: np.ndarray, seps: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows, width) arrays of cell starts and ends; blank lines (one empty cell) dropped."""
    last_line_open = not body.size or body[-1] != _NEWLINE
    if last_line_open:
        seps = np.append(seps, np.int32(body.size))  # the last line has no line break
    line_end = body.take(seps, mode="clip") == _NEWLINE
    if last_line_open:
        line_end[-1] = True
    cell_starts = np.empty(seps.size, dtype=seps.dtype)
    cell_starts[0] = 0
    np.add(seps[:-1], 1, out=cell_starts[1:])
    if seps.size % width == 0 and _every(line_end, width):  # no blank line: a reshape
        return cell_starts.reshape(-1, width), seps.reshape(-1, width)
    last_cell = np.flatnonzero(line_end)
    first_cell = np.concatenate(([0], last_cell[:-1] + 1))
    widths = last_cell - first_cell + 1
    odd = widths != width
    if odd.any():
        lines = np.flatnonzero(odd)
        if np.any(widths[lines] != 1):
            raise _NotPlain  # a row shorter or longer than the header
        s, e = cell_starts[first_cell[lines]], seps[first_cell[lines]]
        if not all(_blank(body[a:b]) for a, b in zip(s.tolist(), e.tolist(), strict=True)):
            raise _NotPlain
        first_cell = first_cell[~odd]
    index = first_cell[:, None] + np.arange(width)
    return cell_starts[index], seps[index]


def _every(line_end: np.ndarray, width: int) -> bool:
    """Whether the line ends are exactly every width-th separator."""
    grid = line_end.reshape(-1, width)
    return bool(grid[:, -1].all()) and not grid[:, :-1].any()


def _blank(cell: np.ndarray) -> bool:
    return not cell.tobytes().decode("utf-8", "replace").strip()


def _strip(body: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> None:
    """Move starts and ends past ASCII white space, in place (str.strip of each cell)."""
    while True:
        lead = (starts < ends) & _SPACE[body.take(starts, mode="clip")]
        if not lead.any():
            break
        starts += lead
    while True:
        trail = (ends > starts) & _SPACE[body.take(ends - 1, mode="clip")]
        if not trail.any():
            break
        ends -= trail


def _refuse_unicode_spaces(body: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> None:
    """_NotPlain if a cell starts or ends with a white space character beyond ASCII (a
    no-break space, an ideographic space): str.strip removes those too, byte offsets do not."""
    suspects = _MAY_START_SPACE[body.take(starts, mode="clip")]
    suspects |= _MAY_END_SPACE[body.take(ends - 1, mode="clip")]
    if not suspects.any():
        return
    starts, ends = starts[suspects], ends[suspects]
    length = ends - starts
    head = [body.take(starts + k, mode="clip") for k in range(3)]
    tail = [body.take(ends - k, mode="clip") for k in (3, 2, 1)]
    if np.any(
        ((length >= 2) & _two_byte_space(*head[:2]))
        | ((length >= 3) & _three_byte_space(*head))
        | ((length >= 2) & _two_byte_space(*tail[1:]))
        | ((length >= 3) & _three_byte_space(*tail))
    ):
        raise _NotPlain


# The bytes that can start, or end, one of those characters in UTF-8: most cells that start
# or end beyond ASCII (an accented letter) are cleared by one look at a table.
_MAY_START_SPACE = np.zeros(256, dtype=bool)
_MAY_START_SPACE[[0xC2, 0xE1, 0xE2, 0xE3]] = True
_MAY_END_SPACE = np.zeros(256, dtype=bool)
_MAY_END_SPACE[[*range(0x80, 0x8B), 0x85, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF]] = True


def _two_byte_space(b0: np.ndarray, b1: np.ndarray) -> np.ndarray:
    return (b0 == 0xC2) & ((b1 == 0x85) | (b1 == 0xA0))  # U+0085, U+00A0


def _three_byte_space(b0: np.ndarray, b1: np.ndarray, b2: np.ndarray) -> np.ndarray:
    """U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 in UTF-8."""
    general = (b0 == 0xE2) & (b1 == 0x80) & ((b2 <= 0x8A) | np.isin(b2, (0xA8, 0xA9, 0xAF)))
    return (
        general
        | ((b0 == 0xE1) & (b1 == 0x9A) & (b2 == 0x80))
        | ((b0 == 0xE2) & (b1 == 0x81) & (b2 == 0x9F))
        | ((b0 == 0xE3) & (b1 == 0x80) & (b2 == 0x80))
    )


def _replaced(
    body: np.ndarray, starts: list[np.ndarray], ends: list[np.ndarray], escapes: np.ndarray
) -> dict[tuple[int, int], bytes]:
    """The bytes of the cells that are not a plain slice of the file: quotes doubled in a
    quoted cell, an apostrophe that neutralises a formula ("'=SUM(A1)"), by (row, column)."""
    replaced = {}
    for col, (s, e) in enumerate(zip(starts, ends, strict=True)):
        escaped: set[int] = set()
        if escapes.size:  # the cell of each doubled quote: the last one starting before it
            rows = np.searchsorted(s, escapes, side="right") - 1
            inside = (rows >= 0) & (escapes < e[np.maximum(rows, 0)])
            escaped = set(distinct(rows[inside]).tolist())
        marked = np.flatnonzero((body.take(s, mode="clip") == _APOSTROPHE) & (e > s))
        for row in sorted(escaped | set(marked.tolist())):
            text = body[s[row] : e[row]].tobytes().decode("utf-8")
            if row in escaped:
                text = text.replace('""', '"')
            replaced[(row, col)] = as_shown(text.strip()).encode("utf-8")
    return replaced


class _Columns:
    """The cells of the rows, made into the table's columns one at a time."""

    def __init__(self, body, starts, ends, replaced, progress: Progress):
        self.body, self.starts, self.ends, self.replaced = body, starts, ends, replaced
        self.progress = progress
        self._done = 0

    def table(self, cols: dict[str, int], extra_keys: dict[int, str]) -> SignatoryTable:
        """The signatories: names (folded too), roles, countries, family names, further
        fields (folded too). UnicodeDecodeError if a value is not UTF-8."""
        self._steps = 2 + 2 * len(extra_keys) + ("family" in cols)
        parts = self._category_parts(cols)
        made: dict[tuple[str, int], Categories] = {}
        with ThreadPoolExecutor(1) as pool:  # roles and countries on a second core meanwhile
            helper = pool.submit(self._make_parts, parts, made)
            try:
                names, folded, extras, folded_extras, family = self._texts(cols, extra_keys)
                self._make_parts(parts, made)  # what the second thread has not begun
                helper.result()
            finally:
                parts.clear()  # after a failure the second thread stops after its part
        return SignatoryTable(
            names,
            roles=_joined(made, "role"),
            countries=_joined(made, "country"),
            family_names=family,
            extras=tuple(extras),
            folded_names=folded,
            folded_extras=tuple(folded_extras),
        )

    def _texts(self, cols: dict[str, int], extra_keys: dict[int, str]) -> tuple:
        """The names (and folded), the further fields (and folded), the family names."""
        names = self.text(cols["name"])
        if np.any(names.lengths == 0):
            raise _NotPlain  # the row reader names the line
        folded = self._folded(names)
        extras, folded_extras = [], []
        for i, key in extra_keys.items():
            column = self.text(i)
            extras.append((key, column))
            folded_extras.append(self._folded(column))
        family = self.text(cols["family"]) if "family" in cols else None
        if family is not None:
            _decodes(family)
        return names, folded, extras, folded_extras, family

    def _step(self) -> Progress:
        part = self.progress.part(self._done / self._steps, (self._done + 1) / self._steps)
        self._done += 1
        return part

    def _folded(self, column: TextColumn) -> TextColumn:
        return fold_column(column, self._step(), errors="strict")

    def _replaced_in(self, col: int) -> dict[int, bytes]:
        return {row: value for (row, c), value in self.replaced.items() if c == col}

    def text(self, col: int) -> TextColumn:
        made = self._gathered(col)
        self._step().report(1.0)
        return made

    def _gathered(self, col: int, first: int = 0, last: int | None = None) -> TextColumn:
        """Rows first..last-1 of a column gathered into one buffer."""
        last = self.starts[col].size if last is None else last
        replaced = {
            row - first: value
            for row, value in self._replaced_in(col).items()
            if first <= row < last
        }
        cells = self.starts[col][first:last], self.ends[col][first:last]
        return gather_column(self.body, *cells, replaced, self.progress.check)

    def _category_parts(self, cols: dict[str, int]) -> list[tuple[str, int, int, int]]:
        """(key, column, first row, last row) for the role and country columns, each in
        parts of about CATEGORY_ROWS rows: the second thread takes them while the names are
        read, and this one takes what is left after (at 1M rows the names took 300 ms, the
        two columns 440 ms on the other thread, in one piece each)."""
        rows = self.starts[0].size
        cuts = [*range(0, rows, CATEGORY_ROWS), rows]
        return [
            (key, cols[key], first, last)
            for key in ("role", "country")
            if key in cols
            for first, last in itertools.pairwise(cuts)
        ]

    def _make_parts(self, parts: list, made: dict[tuple[str, int], Categories]) -> None:
        """Make parts until none is left (two threads take from one list)."""
        while True:
            try:
                key, col, first, last = parts.pop(0)
            except IndexError:
                return
            made[(key, first)] = self.categories(col, first, last)

    def categories(self, col: int, first: int, last: int) -> Categories:
        """The values of rows first..last-1 of a column as ids (empty: not stated), labels in
        order of appearance. On a second thread: it only checks for cancel, the reading's
        steps report."""
        # Gathered first: read in order from a compact buffer, the cells' words cost a
        # third of what reading them where they lie in the file does.
        self.progress.check()
        cells = self._gathered(col, first, last)
        self.progress.check()
        starts, ends = cells.starts[:-1], cells.starts[1:] - 1
        return categories_of_cells(cells.data, starts, ends, check=self.progress.check)


def _joined(made: dict[tuple[str, int], Categories], key: str) -> Categories | None:
    """A column's parts joined, in row order; None if the file has no such column."""
    parts = [made[k] for k in sorted(k for k in made if k[0] == key)]
    return joined_categories(parts) if parts else None


def _decodes(column: TextColumn) -> None:
    """UnicodeDecodeError unless the column's bytes are UTF-8 (decoded a slice at a time)."""
    view = memoryview(column.data)
    for first in range(0, column.size, 1 << 15):
        last = min(first + (1 << 15), column.size)
        str(view[column.starts[first] : column.starts[last]], "utf-8")
