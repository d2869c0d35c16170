"""distinct: np.unique's sorted distinct values, without importing numpy.ma."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from viewer.core.distinct import distinct

DTYPES = st.sampled_from([np.uint8, np.int32, np.int64, np.uint32])


@given(DTYPES.flatmap(lambda dtype: hnp.arrays(dtype, st.integers(0, 200))))
def test_it_gives_what_np_unique_gives(values):
    got = distinct(values)
    assert got.dtype == values.dtype
    assert got.tolist() == sorted(set(values.tolist()))


def test_it_does_not_import_numpy_ma():
    code = (
        "import sys, numpy as np\n"
        "from viewer.core.distinct import distinct\n"
        "distinct(np.array([3, 1, 3]))\n"
        "print('numpy.ma' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
