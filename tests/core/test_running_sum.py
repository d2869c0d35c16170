"""running_sum: numpy's cumulative sum as int64, with the interpreter lock let go."""

from __future__ import annotations

import threading
import time

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from viewer.core.memory import keep_freed_memory
from viewer.core.running_sum import running_sum

DTYPES = st.sampled_from([np.bool_, np.uint8, np.int32, np.int64])


@given(DTYPES.flatmap(lambda dtype: hnp.arrays(dtype, st.integers(0, 300))))
def test_it_is_numpys_cumulative_sum_as_int64(values):
    got = running_sum(values)
    assert got.dtype == np.int64
    assert np.array_equal(got, np.cumsum(values, dtype=np.int64))
    out = np.full(values.size, -1, dtype=np.int64)
    assert running_sum(values, out=out) is out and np.array_equal(out, got)


def test_summing_in_place_leaves_no_copy():
    values = np.arange(5, dtype=np.int64)
    assert running_sum(values, out=values) is values
    assert values.tolist() == [0, 1, 3, 6, 10]


def _longest_wait_while(work) -> float:
    """The longest this thread went without running (ms) while work() ran on another one."""
    started, done = threading.Event(), threading.Event()

    def run() -> None:
        started.set()
        work()
        done.set()

    threading.Thread(target=run).start()
    started.wait()
    longest, last = 0.0, time.perf_counter()
    while not done.is_set():
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    return longest * 1000


def test_other_threads_run_while_a_column_of_int32_is_summed():
    # np.cumsum of int32 into int64 holds the lock while it faults in its output: with
    # malloc set up as for an open, this thread waited 420-480 ms on 20 million rows
    # (37-66 ms on three million: the window's event loop stopped that long). Here it
    # waited under 10 ms.
    keep_freed_memory()
    lengths = np.random.default_rng(0).integers(0, 40, 20_000_000, dtype=np.int32)
    assert _longest_wait_while(lambda: running_sum(lengths)) < 100
