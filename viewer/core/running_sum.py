"""Cumulative sums that let other threads run.

numpy keeps the interpreter lock through an accumulate whose input must be cast to the
sum's type (a cumsum of int32 lengths or of a boolean mask, summed as int64): the lock is
held for the whole pass. On a column of three million rows that pass also faults in its
fresh output, and took 71 ms with every other thread stopped (bench: a 2 ms ticker on
another thread saw a 71 ms gap; the same sum of an int64 copy, 4 ms). The window's event
loop is one of those threads while a large file opens. So the values are cast first
(astype lets go of the lock) and summed in place, where the sum needs no cast.
"""

from __future__ import annotations

import numpy as np


def running_sum(values: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """np.cumsum(values) as int64, into out if given (an int64 array of values' shape, or
    values itself when they are int64)."""
    if out is None:
        out = values.astype(np.int64)  # a copy even when values are int64: summed in place
    elif out is not values:
        out[...] = values
    return np.cumsum(out, out=out)
