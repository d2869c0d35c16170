"""The distinct values of an array, in order, without numpy.ma.

np.unique asks np.ma.is_masked of its input unless it is asked for indices or counts, and
np.ma is imported on that first use: 20-30 ms in the window's start-up, where the letter's
158 names were the only input (bench_startup). A sort and a comparison of neighbours give
the same values.
"""

from __future__ import annotations

import numpy as np


def distinct(values: np.ndarray) -> np.ndarray:
    """np.unique(values) of a one-dimensional array with no NaN: sorted, each value once."""
    ordered = np.sort(values)
    if ordered.size < 2:
        return ordered
    keep = np.empty(ordered.size, dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]
