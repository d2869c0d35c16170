"""Every input that ever failed a round trip, the import plan or a reader, kept as a case.

The cases are the JSON files of tests/core/regressions/: those found while fixing issue 18
(written with their literal inputs) and any tests/fuzz_readers.py saves when it finds one
(a mutation of a shared letter as its recipe: the seed's name and the changes).
"""

from __future__ import annotations

import json

import pytest
from conftest import BUNDLED_LETTER, EXTERNAL
from roundtrips import REGRESSIONS, check_regression, seed_files

CASES = sorted(REGRESSIONS.glob("*.json"))
SEEDS = seed_files(EXTERNAL if EXTERNAL.is_dir() else None, BUNDLED_LETTER)


def test_the_cases_are_there():
    kinds = {json.loads(p.read_text(encoding="utf-8"))["kind"] for p in CASES}
    assert kinds == {"plan", "round_trip", "reader"} and len(CASES) >= 20


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_a_case_that_failed_once_passes(path):
    check_regression(json.loads(path.read_text(encoding="utf-8", errors="surrogatepass")), SEEDS)
