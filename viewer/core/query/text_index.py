"""Substring search over a folded text column, fast enough to run on every keystroke.

A term of one byte is answered from a per-row bit mask of the ASCII letters, digits and
signs each row holds. A longer term is found by its byte positions: the occurrences of its
rarest byte pair come from one vectorised pass over the buffer, or, when the user typed one
more character, from the occurrences of the term before it, which are few by then. Every
candidate is then checked byte by byte, so the answer is exact. Recent terms are cached, so
deleting a character answers at once.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from viewer.core.distinct import distinct
from viewer.core.progress import Progress
from viewer.core.running_sum import running_sum
from viewer.core.text_column import SEP, TextColumn

# Bytes a one-byte term can be (folded text has no capitals, a term no white space), in the
# order they get one of the 64 bits of a row's mask; the few left over are searched by a scan.
_MASKED = (
    b"abcdefghijklmnopqrstuvwxyz0123456789-'.,&()/:;!?\"@#+_*=%$<>[]~|`^{}"[:64]
)  # fmt: skip
_BIT = np.zeros(256, dtype=np.uint64)
for _i, _b in enumerate(_MASKED):
    _BIT[_b] = np.uint64(1) << np.uint64(_i)
_ROWS_PER_STEP = 1 << 16
_PAIR_SAMPLE = 4  # count byte pairs in one of every so many steps
_BLOCK_BITS = 8
_LOOKUP_BLOCKS_PER_STEP = 4096
_CACHE_BYTES = 64 * 1024 * 1024
_SCAN_BYTES = 1 << 23  # bytes scanned at a time (even)
_KEEP_OFFSETS = 1 << 22  # occurrences kept for narrowing; past that only the rows are kept


@dataclass(frozen=True)
class _Found:
    rows: np.ndarray  # sorted row indices holding the term
    starts: np.ndarray | None = None  # byte offset of every occurrence (terms of 2+ bytes)
    rows_at: np.ndarray | None = None  # the row of every occurrence

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in (self.rows, self.starts, self.rows_at) if a is not None)


class TextIndex:
    """Rows of a TextColumn that contain a (folded, UTF-8) term."""

    def __init__(self, column: TextColumn, progress: Progress | None = None):
        progress = progress or Progress()
        self.column = column
        data = column.data
        self._row_bits, self._pair_counts = _masks_and_pairs(column, progress.part(0, 0.8))
        self._block_rows, self._in_block = _row_lookup(column, progress.part(0.8, 1))
        whole = (data.size // 2) * 2
        self._even = data[:whole].view(np.uint16)  # the byte pair at 2i
        odd_end = 1 + ((data.size - 1) // 2) * 2
        self._odd = data[1:odd_end].view(np.uint16)  # the byte pair at 2i + 1
        self._cache: OrderedDict[bytes, _Found] = OrderedDict()
        self._cached_bytes = 0

    @property
    def nbytes(self) -> int:
        """Memory held beyond the column itself (masks, pair counts, cache)."""
        held = (self._row_bits, self._pair_counts, self._block_rows, self._in_block)
        return sum(a.nbytes for a in held) + self._cached_bytes

    def clear_cache(self) -> None:
        self._cache.clear()
        self._cached_bytes = 0

    def rows(self, term: bytes) -> np.ndarray:
        """Sorted indices of the rows whose text contains term (not empty)."""
        found = self._cache.get(term)
        if found is None:
            found = self._find(term)
            self._remember(term, found)
        else:
            self._cache.move_to_end(term)
        return found.rows

    def _remember(self, term: bytes, found: _Found) -> None:
        found.rows.setflags(write=False)  # handed out as is
        self._cache[term] = found
        self._cached_bytes += found.nbytes
        while self._cached_bytes > _CACHE_BYTES and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._cached_bytes -= old.nbytes

    def _find(self, term: bytes) -> _Found:
        if len(term) == 1 and _BIT[term[0]]:
            return _Found(np.flatnonzero(self._row_bits & _BIT[term[0]]))
        if len(term) > 1:
            pair, _ = self._rarest_pair(term)
            scan_cost = self.column.data.size // 8 + int(self._pair_counts[pair])
            source = self._cached_source(term, scan_cost)
            if source is not None:
                return self._checked(term, *source)
        return self._scanned(term)

    def _checked(
        self, term: bytes, starts: np.ndarray, rows_at: np.ndarray | None, known: range
    ) -> _Found:
        """The occurrences among candidate starts that hold the whole term."""
        keep = self._verified(term, starts, known)
        if keep is not None:
            starts = starts[keep]
            rows_at = None if rows_at is None else rows_at[keep]
        if rows_at is None:
            rows_at = self._rows_of(starts)
        return _Found(_distinct(rows_at), starts, rows_at)

    def _scanned(self, term: bytes) -> _Found:
        """Scan the whole buffer, a slice at a time so that a pair found millions of times
        (long repetitive texts) never needs all its offsets in memory at once."""
        rows, starts, rows_at = [], [], []
        kept = 0
        for lo, hi in self._slices():
            found = self._checked(term, *self._slice_candidates(term, lo, hi))
            rows.append(found.rows)
            kept += found.rows_at.size if found.rows_at is not None else 0
            if kept <= _KEEP_OFFSETS and found.starts is not None:
                starts.append(found.starts)
                rows_at.append(found.rows_at)
        every = _distinct(np.concatenate(rows)) if len(rows) > 1 else rows[0]
        if kept > _KEEP_OFFSETS:  # too many to keep for narrowing: later terms scan again
            return _Found(every)
        return _Found(every, np.concatenate(starts), np.concatenate(rows_at))

    def _slices(self) -> list[tuple[int, int]]:
        size = self.column.data.size
        step = _SCAN_BYTES
        return [(lo, min(lo + step, size)) for lo in range(0, max(size, 1), step)]

    def _slice_candidates(self, term: bytes, lo: int, hi: int) -> tuple[np.ndarray, None, range]:
        """Starts in [lo, hi) of term's first byte, or of its rarest pair (offset back)."""
        if len(term) == 1:
            return np.flatnonzero(self.column.data[lo:hi] == term[0]) + lo, None, range(0, 1)
        pair, at = self._rarest_pair(term)
        return self._pair_starts(pair, lo, hi) - at, None, range(at, at + 2)

    def _rarest_pair(self, term: bytes) -> tuple[int, int]:
        codes = [term[i] | term[i + 1] << 8 for i in range(len(term) - 1)]
        at = min(range(len(codes)), key=lambda i: self._pair_counts[codes[i]])
        return codes[at], at

    def _cached_source(
        self, term: bytes, limit: int
    ) -> tuple[np.ndarray, np.ndarray, range] | None:
        """Occurrences of an earlier term inside this one, if checking them is cheaper."""
        best: tuple[np.ndarray, np.ndarray, range] | None = None
        for old, found in self._cache.items():
            if found.starts is None or found.rows_at is None:
                continue
            if found.starts.size >= limit or old not in term:
                continue
            at = term.find(old)
            best = (found.starts - at, found.rows_at, range(at, at + len(old)))
            limit = found.starts.size
        return best

    def _pair_starts(self, code: int, lo: int, hi: int) -> np.ndarray:
        """Offsets p in [lo, hi) (lo even) where the byte pair code starts."""
        half_lo, half_hi = lo // 2, -(-hi // 2)
        even = np.flatnonzero(self._even[half_lo:half_hi] == code) * 2 + lo
        odd = np.flatnonzero(self._odd[half_lo:half_hi] == code) * 2 + (lo + 1)
        both = np.concatenate((even, odd[odd < hi]))
        both.sort(kind="stable")  # two sorted runs: a stable sort merges them in one pass
        return both

    def _verified(self, term: bytes, starts: np.ndarray, known: range) -> np.ndarray | None:
        """Which starts hold the whole term (None: all of them)."""
        data = self.column.data
        keep: np.ndarray | None = None
        if starts.size and (starts[0] < 0 or starts[-1] + len(term) > data.size):
            keep = (starts >= 0) & (starts + len(term) <= data.size)
        for i, byte in enumerate(term):
            if i in known:
                continue
            at = np.flatnonzero(keep) if keep is not None else None
            if at is None:
                keep = data[starts + i] == byte
            elif at.size:
                keep[at] = data[starts[at] + i] == byte
        return keep

    def _rows_of(self, starts: np.ndarray) -> np.ndarray:
        """The row holding each byte offset."""
        return self._block_rows[starts >> _BLOCK_BITS] + self._in_block[starts]


def _distinct(sorted_rows: np.ndarray) -> np.ndarray:
    if sorted_rows.size < 2:
        return sorted_rows
    return sorted_rows[np.concatenate(([True], sorted_rows[1:] != sorted_rows[:-1]))]


def _row_lookup(column: TextColumn, progress: Progress) -> tuple[np.ndarray, np.ndarray]:
    """Tables giving the row of any byte offset p: block_rows[p >> 8] + in_block[p].

    block_rows holds the row at the start of each 256-byte block, in_block how many rows
    began since (fits a byte): 1.02 bytes per byte, where a row number per byte would take 4.
    """
    data = column.data
    block = 1 << _BLOCK_BITS
    blocks = -(-data.size // block)
    block_rows = np.empty(blocks, dtype=np.int64)
    in_block = np.empty(data.size, dtype=np.uint8)
    rows_before = 0
    step = block * _LOOKUP_BLOCKS_PER_STEP
    for lo in range(0, data.size, step):
        hi = min(lo + step, data.size)
        ends = data[lo:hi] == SEP
        before = running_sum(ends)
        before -= ends  # rows ended before each byte
        base = before[::block]
        in_block[lo:hi] = before - np.repeat(base, block)[: hi - lo]
        block_rows[lo // block : -(-hi // block)] = rows_before + base
        rows_before += int(before[-1] + ends[-1])
        progress.report(hi / data.size)
    return block_rows, in_block


def _masks_and_pairs(column: TextColumn, progress: Progress) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the bits of the masked bytes it holds; over a sample of rows, counts of byte
    pairs (only used to pick which pair of a term to look for: any pick is exact)."""
    data, starts = column.data, column.starts
    n = column.size
    bits = np.zeros(n, dtype=np.uint64)
    pairs = np.zeros(1 << 16, dtype=np.int64)
    for step, (first, last) in enumerate(_row_steps(starts)):
        lo, hi = int(starts[first]), int(starts[last])
        chunk = data[lo:hi]
        bits[first:last] = np.bitwise_or.reduceat(_BIT[chunk], starts[first:last] - lo)
        if step % _PAIR_SAMPLE == 0:  # a sample is enough to tell rare pairs from common ones
            codes = chunk[:-1].astype(np.uint16) | (chunk[1:].astype(np.uint16) << 8)
            pairs += np.bincount(codes, minlength=1 << 16)
        progress.report(last / n)
    return bits, pairs


def _row_steps(starts: np.ndarray) -> list[tuple[int, int]]:
    """Row ranges of at most _ROWS_PER_STEP rows and about _SCAN_BYTES bytes (long texts
    make fewer rows per step, so temporaries stay a few tens of megabytes)."""
    n = starts.size - 1
    marks = np.arange(0, int(starts[-1]), _SCAN_BYTES)
    by_bytes = np.searchsorted(starts, marks, side="right") - 1  # the row holding each mark
    cuts = distinct(np.concatenate((np.arange(0, n + 1, _ROWS_PER_STEP), by_bytes, [n])))
    cuts = cuts.tolist()
    return [(a, b) for a, b in itertools.pairwise(cuts) if 0 <= a < b <= n]
