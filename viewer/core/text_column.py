"""Columns of texts as one UTF-8 byte buffer each, as written or folded for matching.

A column of a million names as a million Python strings costs ~70 MB and a second of object
making; as one buffer of bytes and an array of offsets it costs its bytes and 8 bytes a row,
and numpy can fold, search and sort it without a Python call per row. A row's text is made
only when something asks for it (a table row painted, a row copied). A CSV's cells are
gathered into a column straight from the file's bytes (gather_column); other documents'
texts are joined (build_text_columns).

fold() works character by character: the special letters are translated one by one, NFKD
decomposes each character on its own (canonical reordering only moves combining marks, which
fold drops), and casefold has no context. So fold(text) is the concatenation of fold(c) over
its characters, and a whole column folds through one table of the distinct characters it
holds: a million names fold in a fraction of a second instead of several seconds of
per-name Python work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from viewer.core.distinct import distinct
from viewer.core.folding import fold_uncached
from viewer.core.progress import Progress
from viewer.core.running_sum import running_sum

SEP = 0x0A  # ends every row; no folded character is a newline, no query term holds one
PAD = 16  # at least this many zero bytes after the last row (fixed-width reads stay inside)
_GATHER_ROWS = 1 << 15  # rows gathered at a time: bounds the temporary index arrays
_CHUNK = 1 << 15  # rows joined at a time: paces progress (and GIL releases)
_FOLD_CHARS = 1 << 20  # characters folded at a time: bounds the temporary memory
_CODE_POINTS = 0x110000
_GONE = 0xFFFFFFFF  # not a code point: marks a character that folds to nothing


@dataclass(frozen=True, eq=False)
class TextColumn:
    """Each row's UTF-8 bytes followed by SEP, back to back, then at least PAD zero bytes
    (up to a multiple of 8: the buffer can be read as aligned 8-byte words, aligned_words).

    exact is False if some row's text holds a newline: such a column keeps its rows apart by
    starts alone, and a reader that splits at SEP (folding, searching) must not be used on it.
    """

    data: np.ndarray  # uint8
    starts: np.ndarray  # int64, size rows + 1; row i is data[starts[i] : starts[i + 1] - 1]
    exact: bool

    @property
    def size(self) -> int:
        return int(self.starts.size - 1)

    @property
    def lengths(self) -> np.ndarray:
        return np.diff(self.starts) - 1

    def text(self, row: int) -> str:
        chunk = self.data[self.starts[row] : self.starts[row + 1] - 1]
        return chunk.tobytes().decode("utf-8", "surrogatepass")

    def texts(self, first: int, last: int) -> list[str]:
        """The texts of rows first..last-1, decoded in one call when the column is exact."""
        last = min(last, self.size)
        if first >= last:
            return []
        if not self.exact:
            return [self.text(row) for row in range(first, last)]
        chunk = self.data[self.starts[first] : self.starts[last] - 1]
        return chunk.tobytes().decode("utf-8", "surrogatepass").split("\n")

    @property
    def nbytes(self) -> int:
        return int(self.data.nbytes + self.starts.nbytes)


def gather_column(
    source: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    replaced: dict[int, bytes] | None = None,
    check: Callable[[], None] = lambda: None,
) -> TextColumn:
    """The cells source[starts[i]:ends[i]] as a TextColumn; replaced gives the bytes of rows
    whose text is not a plain slice of source (a CSV cell with escaped quotes); check is
    called between slices (Progress.check: a cancel).

    A slice of rows at a time, each one vectorised gather, so the temporary index arrays
    stay a few megabytes whatever the size.
    """
    lengths = ends - starts
    if replaced:
        rows = np.fromiter(replaced, dtype=np.int64, count=len(replaced))
        lengths = lengths.copy()
        lengths[rows] = [len(replaced[r]) for r in rows.tolist()]
    offsets = np.empty(starts.size + 1, dtype=np.int64)
    offsets[0] = 0
    spans = offsets[1:]
    spans[:] = lengths  # as int64 (viewer.core.running_sum)
    spans += 1  # each row's SEP
    running_sum(spans, out=spans)
    used = int(offsets[-1])
    data = np.empty(padded(used), dtype=np.uint8)
    data[used:] = 0
    for first in range(0, starts.size, _GATHER_ROWS):
        check()
        last = min(first + _GATHER_ROWS, starts.size)
        out = data[offsets[first] : offsets[last]]
        out[:] = source.take(_byte_index(starts[first:last], lengths[first:last]), mode="clip")
    data[offsets[1:] - 1] = SEP
    for row, value in (replaced or {}).items():
        data[offsets[row] : offsets[row] + len(value)] = np.frombuffer(value, np.uint8)
    exact = int(np.count_nonzero(data == SEP)) == starts.size
    return TextColumn(data, offsets, exact)


def _byte_index(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The offsets starts[k], starts[k] + 1, ..., starts[k] + lengths[k] for every k, back to
    back (one more than each length: the slot its SEP goes in), made by one cumulative sum."""
    spans = lengths.astype(np.int64)
    spans += 1
    steps = np.ones(int(spans.sum()), dtype=np.int64)
    steps[0] = starts[0]
    heads = running_sum(spans[:-1])  # where each later row begins
    steps[heads] = starts[1:] - (starts[:-1] + lengths[:-1])
    return np.cumsum(steps, out=steps)


def padded(size: int) -> int:
    """The size of a buffer holding size bytes and at least PAD zeros, a multiple of 8."""
    return (size + PAD + 7) // 8 * 8


def aligned_words(source: np.ndarray) -> np.ndarray:
    """source's bytes as aligned 8-byte words, the last two zero: a view of a padded column's
    buffer, else a copy."""
    ends_in_zeros = source.size % 8 == 0 and source.size >= 16 and not source[-16:].any()
    if ends_in_zeros and source.ctypes.data % 8 == 0 and source.flags.c_contiguous:
        return source.view("<u8")
    whole = source.size // 8 * 8
    words = np.empty(whole // 8 + 2, dtype="<u8")
    words[: whole // 8] = source[:whole].view("<u8") if whole else []
    words[whole // 8 :] = 0
    tail = source[whole:].tobytes().ljust(8, b"\0")
    words[whole // 8] = int.from_bytes(tail, "little")
    return words


class _CharFolder:
    """fold() of single characters, learnt as they are met, applied to code point arrays."""

    _UNKNOWN = 255  # the length of a character not met yet

    def __init__(self) -> None:
        self.first = np.arange(_CODE_POINTS, dtype=np.uint32)  # each character's fold's first
        self.length = np.full(_CODE_POINTS, self._UNKNOWN, dtype=np.uint8)  # its fold's length
        self.second: np.ndarray | None = None  # second and third characters, where any
        self.third: np.ndarray | None = None
        self.longer: dict[int, list[int]] = {}  # folds of more than three characters

    def learn(self, points: np.ndarray) -> None:
        for cp in distinct(points).tolist():
            folded = [ord(c) for c in fold_uncached(chr(cp))]
            if folded:
                self.first[cp] = folded[0]
            if len(folded) > 1:
                self._more(cp, folded)
            self.length[cp] = len(folded)  # last: a reader on another thread sees it whole

    def _more(self, cp: int, folded: list[int]) -> None:
        if self.second is None or self.third is None:
            self.second = np.zeros(_CODE_POINTS, dtype=np.uint32)
            self.third = np.zeros(_CODE_POINTS, dtype=np.uint32)
        self.second[cp] = folded[1]
        if len(folded) > 2:
            self.third[cp] = folded[2]
        if len(folded) > 3:
            self.longer[cp] = folded[3:]

    def fold(self, points: np.ndarray) -> np.ndarray:
        lengths = self.length[points]
        if np.any(lengths == self._UNKNOWN):  # characters not met before
            self.learn(points[lengths == self._UNKNOWN])
            lengths = self.length[points]
        out = self.first[points]
        odd = np.flatnonzero(lengths != 1)  # few: folds to nothing or to several
        return self._placed(out, points[odd], lengths[odd], odd) if odd.size else out

    def _placed(
        self, out: np.ndarray, points: np.ndarray, lengths: np.ndarray, where: np.ndarray
    ) -> np.ndarray:
        """out (each character's fold's first) with the folds of the characters at where
        (points, of those lengths) that fold to none or to several put right."""
        out[where[lengths == 0]] = _GONE
        several = lengths > 1
        if several.any():
            assert self.second is not None and self.third is not None
            cps, counts = points[several], lengths[several].astype(np.int64) - 1
            at = np.cumsum(counts) - counts  # where each one's further characters start
            tails = np.empty(int(counts.sum()), dtype=np.uint32)
            tails[at] = self.second[cps]
            three = np.flatnonzero(counts > 1)
            tails[at[three] + 1] = self.third[cps[three]]
            for k in three[counts[three] > 2].tolist():
                rest = self.longer[int(cps[k])]
                tails[at[k] + 2 : at[k] + 2 + len(rest)] = rest
            out = np.insert(out, np.repeat(where[several] + 1, counts), tails)
        return out[out != _GONE] if np.any(lengths == 0) else out


_FOLDER: list[_CharFolder] = []


def _folder() -> _CharFolder:
    """The one folder of the process: what it learnt of a character (a Python fold() call
    each) serves every later column, and its tables (5 MB) are made once."""
    if not _FOLDER:
        _FOLDER.append(_CharFolder())
    return _FOLDER[0]


def _utf32(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _from_utf32(points: np.ndarray) -> np.ndarray:
    text = points.tobytes().decode("utf-32-le", "surrogatepass")
    return np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)


def _joined(texts: Sequence[str]) -> tuple[str, bool]:
    """The texts, each followed by a newline; newlines inside a text become spaces."""
    joined = "\n".join(texts) + "\n"
    if joined.count("\n") == len(texts):
        return joined, True
    return "\n".join(t.replace("\n", " ") for t in texts) + "\n", False


def build_text_column(
    texts: Sequence[str], folded: bool = True, progress: Progress | None = None
) -> TextColumn:
    """The texts (folded for matching unless folded=False) as one byte buffer."""
    return build_text_columns(texts, folded=folded, raw=not folded, progress=progress)[0]


def build_text_columns(
    texts: Sequence,
    key: Callable[[object], str] | None = None,
    folded: bool = True,
    raw: bool = False,
    progress: Progress | None = None,
) -> list[TextColumn]:
    """The texts (or key(t) for each) folded, as written, or both (in that order).

    One pass, in slices: a worker thread building a million rows lets the GUI thread run
    between slices (each call below holds the GIL for milliseconds, not a second).
    """
    progress = progress or Progress()
    folder = _folder() if folded else None
    parts: tuple[list[np.ndarray], list[np.ndarray]] = ([], [])
    exact = True
    total = len(texts)
    for first in range(0, total, _CHUNK):
        chunk = texts[first : first + _CHUNK]
        joined, whole = _joined(chunk if key is None else list(map(key, chunk)))
        exact = exact and whole
        if folder is not None:  # characters fold one by one, so any cut will do
            for cut in range(0, len(joined), _FOLD_CHARS):
                piece = joined[cut : cut + _FOLD_CHARS]
                parts[0].append(_from_utf32(folder.fold(_utf32(piece))))
        if raw:
            parts[1].append(np.frombuffer(joined.encode("utf-8", "surrogatepass"), np.uint8))
        progress.report((first + _CHUNK) / max(total, 1))
    wanted = ([parts[0]] if folded else []) + ([parts[1]] if raw else [])
    return [_column(chunks, total, exact) for chunks in wanted]


def _column(
    chunks: list[np.ndarray], total: int, exact: bool, check: Callable[[], None] = lambda: None
) -> TextColumn:
    """The column of the chunks' rows; check is called between chunks (a cancel)."""
    used = sum(c.size for c in chunks)
    data = np.concatenate([*chunks, np.zeros(padded(used) - used, dtype=np.uint8)])
    starts = np.empty(total + 1, dtype=np.int64)
    starts[0] = 0
    found, offset = 1, 0
    for chunk in chunks:  # a chunk at a time: one search of a million rows takes 50 ms
        check()
        ends = np.flatnonzero(chunk == SEP)
        ends += offset + 1
        starts[found : found + ends.size] = ends
        found, offset = found + ends.size, offset + chunk.size
    if found != total + 1:
        raise ValueError(f"{found - 1} rows found in a column of {total}")
    return TextColumn(data, starts, exact)


def fold_column(
    raw: TextColumn, progress: Progress | None = None, errors: str = "surrogatepass"
) -> TextColumn:
    """An exact column of texts as written, folded for matching: the same bytes as
    build_text_columns(texts)[0], made from the column's bytes without a string per row.

    errors="strict" makes it check that the bytes are UTF-8 (UnicodeDecodeError if not).
    """
    if not raw.exact:
        texts = [
            raw.data[a : b - 1].tobytes().decode("utf-8", errors)
            for a, b in zip(raw.starts[:-1].tolist(), raw.starts[1:].tolist(), strict=True)
        ]
        return build_text_column(texts, progress=progress)
    progress = progress or Progress()
    folder = _folder()
    parts: list[np.ndarray] = []
    total = raw.size
    for first in range(0, total, _CHUNK):
        last = min(first + _CHUNK, total)
        chunk = raw.data[raw.starts[first] : raw.starts[last]].tobytes()  # rows and their SEPs
        if chunk.isascii():  # ASCII folds to its lower case (casefold; NFKD leaves it alone)
            parts.append(np.frombuffer(chunk.lower(), np.uint8))
        else:
            text = chunk.decode("utf-8", errors)
            for cut in range(0, len(text), _FOLD_CHARS):
                piece = text[cut : cut + _FOLD_CHARS]
                parts.append(_from_utf32(folder.fold(_utf32(piece))))
        progress.report(last / max(total, 1))
    return _column(parts, total, True, progress.check)
