"""A column of texts as one UTF-8 byte buffer, folded for matching, built with numpy.

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

from viewer.core.folding import fold_uncached
from viewer.core.progress import Progress

SEP = 0x0A  # ends every row; no folded character is a newline, no query term holds one
PAD = 8  # zero bytes after the last row, so fixed-width reads never run off the end
_CHUNK = 1 << 15  # rows joined at a time: paces progress (and GIL releases)
_FOLD_CHARS = 1 << 20  # characters folded at a time: bounds the temporary memory
_GONE = 0xFFFFFFFF  # not a code point: marks a character that folds to nothing
_CODE_POINTS = 0x110000


@dataclass(frozen=True)
class TextColumn:
    """Each row's UTF-8 bytes followed by SEP, back to back, then PAD zero bytes."""

    data: np.ndarray  # uint8
    starts: np.ndarray  # int64, size rows + 1; row i is data[starts[i] : starts[i + 1] - 1]
    exact: bool  # False if some row held a newline (turned into a space to keep rows apart)

    @property
    def size(self) -> int:
        return int(self.starts.size - 1)

    @property
    def lengths(self) -> np.ndarray:
        return np.diff(self.starts) - 1

    def text(self, row: int) -> str:
        chunk = self.data[self.starts[row] : self.starts[row + 1] - 1]
        return chunk.tobytes().decode("utf-8", "surrogatepass")

    @property
    def nbytes(self) -> int:
        return int(self.data.nbytes + self.starts.nbytes)


class _CharFolder:
    """fold() of single characters, learnt as they are met, applied to code point arrays."""

    _UNKNOWN, _ONE, _ODD = 0, 1, 2  # folds to one character, or to more or fewer

    def __init__(self) -> None:
        self.table = np.arange(_CODE_POINTS, dtype=np.uint32)
        self.kind = np.zeros(_CODE_POINTS, dtype=np.uint8)
        self.odd_folds: dict[int, list[int]] = {}

    def learn(self, points: np.ndarray) -> None:
        for cp in np.unique(points).tolist():
            folded = fold_uncached(chr(cp))
            if len(folded) == 1:
                self.table[cp] = ord(folded)
                self.kind[cp] = self._ONE
            else:
                self.odd_folds[cp] = [ord(c) for c in folded]
                self.kind[cp] = self._ODD

    def fold(self, points: np.ndarray) -> np.ndarray:
        kinds = self.kind[points]
        if not kinds.all():  # characters not met before
            self.learn(points[kinds == self._UNKNOWN])
            kinds = self.kind[points]
        out = self.table[points]
        if kinds.max(initial=self._ONE) == self._ODD:
            out = self._expand(out, points, np.flatnonzero(kinds == self._ODD))
        return out

    def _expand(self, out: np.ndarray, points: np.ndarray, where: np.ndarray) -> np.ndarray:
        folds = [self.odd_folds[cp] for cp in points[where].tolist()]
        out[where] = [f[0] if f else _GONE for f in folds]
        extra = np.fromiter((max(len(f) - 1, 0) for f in folds), dtype=np.intp, count=len(folds))
        if extra.any():
            tails = [c for f in folds for c in f[1:]]
            out = np.insert(out, np.repeat(where + 1, extra), np.array(tails, dtype=np.uint32))
        if any(not f for f in folds):
            out = out[out != _GONE]
        return out


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
    folder = _CharFolder() if folded else None
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


def _column(chunks: list[np.ndarray], total: int, exact: bool) -> TextColumn:
    data = np.concatenate([*chunks, np.zeros(PAD, dtype=np.uint8)])
    starts = np.empty(total + 1, dtype=np.int64)
    starts[0] = 0
    starts[1:] = np.flatnonzero(data == SEP) + 1
    return TextColumn(data, starts, exact)
