"""Collation ranks for a column, computed on bytes with numpy instead of a Python sort.

sort_key(text) is (fold(text) without leading quotes and brackets, text). UTF-8 bytes
compare in code point order, as Python strings do, so ranking rows by the bytes of their
folded text, then by the bytes of the text itself, gives sort_key's order exactly. The rows
are ranked up to eight bytes at a time, most significant first; each round sorts only the
rows still tied with another, so a million names take a few sorting passes over shrinking sets.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import numpy as np

from viewer.core.distinct import distinct
from viewer.core.folding import sort_key
from viewer.core.running_sum import running_sum
from viewer.core.text_column import TextColumn, aligned_words

ROUNDS_UP_TO = 256  # bytes compared in numpy rounds; ties still longer are finished in Python

_STRIPPED = np.frombuffer(b"\"'([", dtype=np.uint8)  # what sort_key strips from the front
_IS_STRIPPED = np.zeros(256, dtype=bool)  # the same as a table: one look-up a row
_IS_STRIPPED[_STRIPPED] = True


def text_ranks(
    folded: TextColumn,
    raw: TextColumn,
    texts: Sequence[str] | None = None,
    check: Callable[[], None] = lambda: None,
) -> np.ndarray:
    """Rank of each row by sort_key of its text; equal keys share a rank, smaller first.
    (text_order without the order.)"""
    return text_order(folded, raw, texts, check)[0]


def text_order(
    folded: TextColumn,
    raw: TextColumn,
    texts: Sequence[str] | None = None,
    check: Callable[[], None] = lambda: None,
) -> tuple[np.ndarray, np.ndarray]:
    """Rank of each row by sort_key of its text (equal keys share a rank, smaller first),
    and the rows in that order, ties in source order: a first sort needs no sort then.

    folded and raw are the texts as build_text_columns or a reader's columns give them;
    texts, the texts themselves, are read only in the rare case that is sorted in Python
    (raw's own rows if not given: exact for a reader's column, whose starts keep rows apart
    even where a text holds a newline). A rank is the number of rows whose key is smaller.
    check is called between rounds (Progress.check: it raises once the work is cancelled).
    """
    ordering = TextOrdering(folded, raw, texts, check)
    for task in ordering.tasks:
        task()
    return ordering.result()


class TextOrdering:
    """text_order as independent tasks, one per range of leading bytes, for threads to share.

    Rows are put in parts by their first two (stripped, folded) bytes, parts of about equal
    size in byte order: every row of a part sorts before every row of the next one, so each
    part is ranked on its own (its ranks start at the number of rows in the parts before)
    and the orders are joined. numpy lets go of the interpreter lock while it sorts, so two
    threads running the tasks take about half the time. Run every task, then result().
    """

    def __init__(
        self,
        folded: TextColumn,
        raw: TextColumn,
        texts: Sequence[str] | None = None,
        check: Callable[[], None] = lambda: None,
        parts: int = 1,
    ):
        self.folded, self.raw, self.check = folded, raw, check
        self.ranks = np.zeros(folded.size, dtype=np.int64)
        if not (folded.exact and raw.exact) or _holds_nul(raw):
            self._texts = texts
            self.tasks = [self._by_python]
            self._orders: list[np.ndarray | None] = [None]
            return
        self.starts, self.lengths = _stripped(folded)
        check()  # each step here takes some milliseconds at a million rows
        self.words = aligned_words(folded.data)
        self._raw_words = aligned_words(raw.data)
        groups = _parts(folded.data, self.starts, self.lengths, parts)
        self._orders = [None] * len(groups)
        self.tasks = []
        below = 0
        for index, rows in enumerate(groups):
            self.ranks[rows] = below
            below += rows.size
            self.tasks.append(lambda index=index, rows=rows: self._order(index, rows))

    def result(self) -> tuple[np.ndarray, np.ndarray]:
        """The ranks and the ascending order (once every task has run)."""
        if any(order is None for order in self._orders):
            raise RuntimeError("a part of the ordering has not been run")
        orders = self._orders
        return self.ranks, orders[0] if len(orders) == 1 else np.concatenate(orders)

    def _by_python(self) -> None:
        texts = self._texts
        if texts is None:
            texts = [self.raw.text(row) for row in range(self.raw.size)]
        self.ranks[:] = _ranks_by_python(texts)
        self._orders[0] = np.argsort(self.ranks, kind="stable")

    def _order(self, index: int, rows: np.ndarray) -> None:
        """Rank the rows of one part (their ranks so far: the part's first), keep its order."""
        ranks, raw = self.ranks, self.raw
        starts, lengths = self.starts[rows], self.lengths[rows]
        order, boundary = _refine(
            ranks, rows, self.folded.data, self.words, starts, lengths, self.check
        )
        tied = order[_tied(boundary)]  # in rank order
        if tied.size:  # equal once folded: the texts themselves decide ("Muller" < "Müller")
            differ = tied[_differing(ranks[tied], tied, raw, self._raw_words, self.check)]
            if differ.size:
                starts, lengths = raw.starts[differ], raw.lengths[differ]
                _refine(ranks, differ, raw.data, self._raw_words, starts, lengths, self.check)
                _reorder(order, differ, ranks)
        self._orders[index] = order


def _parts(data: np.ndarray, starts: np.ndarray, lengths: np.ndarray, parts: int) -> list:
    """The rows in up to parts groups of about equal size by their first two bytes, in
    byte order (a group holds every row of the byte pairs it covers)."""
    parts = min(parts, 255)  # a group's number is one byte
    if parts <= 1 or starts.size < 2 * parts:
        return [np.arange(starts.size)]
    first = np.where(lengths > 0, data[starts], 0).astype(np.int32)
    second = np.where(lengths > 1, data[starts + 1], 0).astype(np.int32)
    pairs = (first << 8) | second
    ends = np.cumsum(np.bincount(pairs, minlength=1 << 16))
    cuts = np.searchsorted(ends, starts.size * np.arange(1, parts) / parts)
    # Each byte pair's group from a table of all 65,536, then the rows sorted by group (a
    # stable radix sort of one byte each): one pass, not one comparison pass per group.
    group_of_pair = np.searchsorted(cuts, np.arange(1 << 16), side="left").astype(np.uint8)
    group = group_of_pair[pairs]
    by_group = np.argsort(group, kind="stable")  # within a group, rows stay in order
    found = np.split(by_group, np.cumsum(np.bincount(group, minlength=parts))[:-1])
    return [rows for rows in found if rows.size]


def _reorder(order: np.ndarray, moved: np.ndarray, ranks: np.ndarray) -> None:
    """Put the rows moved (whole groups whose ranks were refined, each group's ranks within
    its old range) back in rank order within the places they hold in order, in place."""
    marked = np.zeros(ranks.size, dtype=bool)  # order may be one part's rows
    marked[moved] = True
    places = np.flatnonzero(marked[order])
    rows = order[places]
    order[places] = rows[np.lexsort((rows, ranks[rows]))]


def _ranks_by_python(texts: Sequence[str]) -> np.ndarray:
    """The plain way, for the rare column holding NUL characters or line breaks."""
    distinct = sorted(set(texts), key=sort_key)
    order = np.empty(len(texts), dtype=np.int64)
    counts = dict.fromkeys(distinct, 0)
    for t in texts:
        counts[t] += 1
    below, rank_of = 0, {}
    for t in distinct:
        rank_of[t] = below
        below += counts[t]
    for i, t in enumerate(texts):
        order[i] = rank_of[t]
    return order


def _holds_nul(column: TextColumn) -> bool:
    return bool(np.count_nonzero(column.data[: column.starts[-1]] == 0))


def _stripped(column: TextColumn) -> tuple[np.ndarray, np.ndarray]:
    """Start and length of each row without its leading quotes and brackets."""
    starts = column.starts[:-1].copy()
    lengths = column.lengths.copy()
    while True:
        strip = (lengths > 0) & _IS_STRIPPED[column.data[starts]]
        if not strip.any():
            return starts, lengths
        starts[strip] += 1
        lengths[strip] -= 1


def _differing(
    ranks: np.ndarray,
    rows: np.ndarray,
    raw: TextColumn,
    words: np.ndarray,
    check: Callable[[], None],
) -> np.ndarray:
    """Of rows given in rank order, the places of those whose rank holds different texts."""
    starts, lengths = raw.starts[rows], raw.lengths[rows]
    pairs = np.flatnonzero(ranks[1:] == ranks[:-1])  # place k and k + 1 share a rank
    differ = lengths[pairs] != lengths[pairs + 1]
    same = np.flatnonzero(~differ)  # indices into pairs still equal so far
    offset = 0
    while same.size:
        check()
        first, second = pairs[same], pairs[same] + 1
        a = _next_bytes(words, starts[first], lengths[first], offset, 8)
        b = _next_bytes(words, starts[second], lengths[second], offset, 8)
        differ[same[a != b]] = True
        offset += 8
        same = same[(a == b) & (lengths[first] > offset)]
    bad = distinct(ranks[pairs[differ]])
    return np.flatnonzero(np.isin(ranks, bad))


def _refine(
    ranks: np.ndarray,
    rows: np.ndarray,
    data: np.ndarray,
    words: np.ndarray,
    starts: np.ndarray,
    lengths: np.ndarray,
    check: Callable[[], None],
) -> tuple[np.ndarray, np.ndarray]:
    """Split the ties among rows by their bytes, in place, until no tie has bytes left.

    rows index ranks; starts[k] and lengths[k] locate the bytes of rows[k] in data (words:
    data as aligned_words). Every
    row tied with one of rows must be among them. The rows are kept in sorted order; each
    round sorts only the runs still tied, by their next bytes, within their own slots.
    Returns rows in rank order and, for each place in it, whether a new rank starts there.
    """
    order = np.argsort(ranks[rows], kind="stable")  # slot -> k
    before = ranks[rows][order]  # each slot's rank so far; refining stays within a rank
    boundary = _changes(before)  # a slot where a new run starts
    slots = np.flatnonzero(_tied(boundary))  # every tied run, whole
    offset = 0
    while slots.size:
        check()
        if offset >= ROUNDS_UP_TO:  # long ties (duplicates of long texts): finish in Python
            _finish_by_bytes(order, boundary, slots, data, starts, lengths, offset)
            break
        members = order[slots]
        run = running_sum(boundary[slots]) - 1  # dense number of the tied run of each slot
        width = min(8, (64 - int(run[-1]).bit_length()) // 8)
        key = (run.astype(np.uint64) << np.uint64(8 * width)) | _next_bytes(
            words, starts[members], lengths[members], offset, width
        )
        sort = np.argsort(key, kind="stable")
        key, members = key[sort], members[sort]
        order[slots] = members
        boundary[slots] = _changes(key)
        offset += width
        heads = np.flatnonzero(boundary[slots])
        longer = np.maximum.reduceat(lengths[members], heads) > offset
        sizes = np.diff(np.append(heads, slots.size))
        keep = np.repeat((sizes > 1) & longer, sizes)
        slots = slots[keep]
    index = np.arange(order.size)
    run_head = np.maximum.accumulate(np.where(boundary, index, 0))
    group_head = np.maximum.accumulate(np.where(_changes(before), index, 0))
    ranks[rows[order]] = before + (run_head - group_head)
    return rows[order], boundary


def _finish_by_bytes(order, boundary, slots, data, starts, lengths, offset: int) -> None:
    """Sort the runs still tied by the rest of their bytes, with Python's sort.

    Rounds of a few bytes cost a sort each, so thousands of rows sharing a text of
    thousands of bytes would take thousands of rounds; comparing whole bytes objects
    (memcmp) does it in one go. A shorter text sorts first, as the zero padding does.
    """
    members = order[slots]
    run = (running_sum(boundary[slots]) - 1).tolist()
    ends = (starts[members] + lengths[members]).tolist()
    begins = (starts[members] + offset).tolist()
    rest = [data[b:e].tobytes() if e > b else b"" for b, e in zip(begins, ends, strict=True)]
    place = sorted(range(len(rest)), key=lambda i: (run[i], rest[i]))
    order[slots] = members[place]
    keys = [(run[i], rest[i]) for i in place]
    boundary[slots] = [True] + [a != b for a, b in itertools.pairwise(keys)]


def _tied(boundary: np.ndarray) -> np.ndarray:
    """Slots in runs of more than one, given where each run starts."""
    heads = np.flatnonzero(boundary)
    sizes = np.diff(np.append(heads, boundary.size))
    return np.repeat(sizes > 1, sizes)


def _changes(values: np.ndarray) -> np.ndarray:
    out = np.empty(values.size, dtype=bool)
    if values.size:
        out[0] = True
        np.not_equal(values[1:], values[:-1], out=out[1:])
    return out


def _next_bytes(
    words: np.ndarray, starts: np.ndarray, lengths: np.ndarray, offset: int, width: int
) -> np.ndarray:
    """The bytes offset..offset+width of each row as a big-endian number, zero past its end.

    words is the column's data as aligned 8-byte words (text_column.aligned_words): the eight
    bytes at an unaligned place are two aligned words shifted together (an unaligned strided
    read costs ten times more), then byte-swapped so that the first byte counts most.
    """
    at = starts + offset
    index = at >> 3
    right = ((at & 7) * 8).astype(np.uint64)
    one = np.uint64(1)
    word = (words[index] >> right) | ((words[index + 1] << (np.uint64(63) - right)) << one)
    key = word.byteswap()
    past = (8 - np.clip(lengths - offset, 0, 8)).astype(np.uint64) * np.uint64(8)
    key = (key >> past) << past  # zero the bytes beyond each row's end (no shift by 64)
    key[past == 64] = 0
    return key >> np.uint64(8 * (8 - width))
