"""Columns of few distinct values (roles, countries) as one id per row, made with numpy.

A CSV's role column of a million rows has a few dozen distinct texts. Each cell's bytes are
read as 8-byte words straight from the file and hashed; the distinct hashes of the first rows
are the first labels, and every row finds its label by a binary search among them (rows with
a value not seen yet are few, and are looked at the same way). Then every row is compared
word for word with its label's first row, so two texts that share a hash can never share an
id: the ids are exact, not probable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from viewer.core.text_column import aligned_words

_SAMPLE = 4096  # rows whose distinct values are found first
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd: a multiply that spreads the bits (Fibonacci hashing)


@dataclass(frozen=True, eq=False)
class Categories:
    """An id per row into labels (the distinct stated values in order of first appearance);
    the id len(labels) is "not stated"."""

    ids: np.ndarray  # int32
    labels: tuple[str, ...]

    def values(self, first: int, last: int) -> list[str | None]:
        labels = (*self.labels, None)
        return [labels[i] for i in self.ids[first:last].tolist()]


def categories_of_cells(
    source: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    words: np.ndarray | None = None,
    check: Callable[[], None] = lambda: None,
) -> Categories:
    """The cells source[starts[i]:ends[i]] (UTF-8; empty: not stated) as Categories; words
    is aligned_words(source) if the caller has made it already (for several columns).

    UnicodeDecodeError if a value is not UTF-8; HashClash (the caller reads the column
    another way) if two values share a hash. check is called between steps (a cancel).
    """
    lengths = ends - starts
    words = _cell_words(aligned_words(source) if words is None else words, starts, lengths, check)
    keys = _hash(lengths, words, check)
    ids, firsts = _ids(keys)
    check()
    _check_exact(ids, firsts, lengths, words)
    texts = [source[starts[row] : ends[row]].tobytes().decode("utf-8") for row in firsts.tolist()]
    stated = [i for i, text in enumerate(texts) if text]
    label_of = np.full(len(texts), len(stated), dtype=np.int32)  # empty: not stated
    label_of[stated] = np.arange(len(stated), dtype=np.int32)
    return Categories(label_of[ids], tuple(texts[i] for i in stated))


def joined_categories(parts: Sequence[Categories]) -> Categories:
    """The Categories of consecutive runs of rows as one: the labels in order of first
    appearance over all rows, each run's ids moved to them."""
    if len(parts) == 1:
        return parts[0]
    index: dict[str, int] = {}
    for part in parts:
        for label in part.labels:
            index.setdefault(label, len(index))
    ids = []
    for part in parts:
        moved = np.empty(len(part.labels) + 1, dtype=np.int32)
        moved[:-1] = [index[label] for label in part.labels]
        moved[-1] = len(index)  # not stated
        ids.append(moved[part.ids])
    return Categories(np.concatenate(ids), tuple(index))


def _cell_words(
    aligned: np.ndarray, starts: np.ndarray, lengths: np.ndarray, check: Callable[[], None]
) -> list[np.ndarray]:
    """Each cell's bytes as little-endian 8-byte words, zero past its end, as many words as
    the longest cell needs.

    A word at an unaligned offset is two aligned words shifted together; the second of one
    is the first of the next, so each word costs one read of the file's words.
    """
    longest = int(lengths.max(initial=0))
    index = starts >> 3
    right = ((starts & 7) * 8).astype(np.uint64)
    left = np.uint64(63) - right  # shifted left by this and then by 1: by 64 gives 0
    one = np.uint64(1)
    words = []
    low = aligned[np.minimum(index, aligned.size - 1)]
    for at in range(0, longest, 8):
        check()  # a word of a million rows takes some milliseconds: a cancel is heard soon
        high = aligned[np.minimum(index + (at // 8 + 1), aligned.size - 1)]
        word = (low >> right) | ((high << left) << one)
        kept = np.clip(lengths - at, 0, 8).astype(np.uint64) * np.uint64(8)
        mask = ((one << (kept >> one)) << (kept >> one)) - one  # 2**kept - 1, up to 2**64 - 1
        words.append(word & mask)
        low = high
    return words


def _hash(lengths: np.ndarray, words: list[np.ndarray], check: Callable[[], None]) -> np.ndarray:
    key = lengths.astype(np.uint64) * _MIX
    for word in words:
        check()
        key = (key ^ word) * _MIX
        key ^= key >> np.uint64(29)
    return key


def _ids(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A dense id per row (in order of first appearance) and the first row of each id.

    The distinct keys of the first pending rows are added, then every pending row looks its
    key up; the batch doubles each round, so a column of unique values (e-mail addresses)
    takes a few rounds, not one per value.
    """
    known = np.empty(0, dtype=np.uint64)  # distinct keys, sorted
    known_ids = np.empty(0, dtype=np.int64)  # their ids
    firsts: list[int] = []
    ids = np.empty(keys.size, dtype=np.int64)
    pending = np.arange(keys.size)
    batch = _SAMPLE
    while pending.size:
        rows = pending[:batch]
        new_keys, first_at = np.unique(keys[rows], return_index=True)
        by_appearance = np.argsort(first_at, kind="stable")
        new_ids = np.empty(new_keys.size, dtype=np.int64)
        new_ids[by_appearance] = np.arange(len(firsts), len(firsts) + new_keys.size)
        firsts += rows[first_at[by_appearance]].tolist()
        known = np.concatenate([known, new_keys])
        known_ids = np.concatenate([known_ids, new_ids])
        order = np.argsort(known, kind="stable")
        known, known_ids = known[order], known_ids[order]
        place = np.minimum(np.searchsorted(known, keys[pending]), known.size - 1)
        found = known[place] == keys[pending]
        ids[pending[found]] = known_ids[place[found]]
        pending = pending[~found]
        batch *= 2
    return ids, np.array(firsts, dtype=np.int64)


class HashClash(Exception):
    """Two different values of a column share a 64-bit hash (about one in 10^14 columns)."""


def _check_exact(
    ids: np.ndarray, firsts: np.ndarray, lengths: np.ndarray, words: list[np.ndarray]
) -> None:
    """Every row's bytes equal those of its id's first row (a shared hash is not enough)."""
    rep = firsts[ids]
    same = lengths == lengths[rep]
    for word in words:
        same &= word == word[rep]
    if not same.all():  # pragma: no cover - about one column in 10^14
        raise HashClash
