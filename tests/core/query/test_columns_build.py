"""Building the columns off the GUI thread: progress, cancel, and the same answers."""

from __future__ import annotations

import sys
import threading

import pytest
from conftest import REPO

from viewer.core import text_column
from viewer.core.progress import Cancelled, Progress
from viewer.core.query import engine as query_module
from viewer.core.query import text_index
from viewer.core.query.engine import Columns, Query, QueryEngine

sys.path.insert(0, str(REPO / "benchmarks"))
import synthetic


@pytest.fixture(scope="module")
def doc():
    return synthetic.document(3000)


@pytest.fixture
def small_steps(monkeypatch):
    monkeypatch.setattr(text_column, "_CHUNK", 200)
    monkeypatch.setattr(text_index, "_ROWS_PER_STEP", 300)
    monkeypatch.setattr(text_index, "_LOOKUP_BLOCKS_PER_STEP", 16)
    monkeypatch.setattr(query_module, "_ROWS_PER_STEP", 500)


def test_progress_rises_to_one(doc, small_steps):
    seen: list[float] = []
    Columns(doc.signatories, Progress(lambda _stage, fraction: seen.append(fraction)))
    assert len(seen) > 20
    assert seen == sorted(seen)
    assert 0 <= seen[0] < 0.1 and seen[-1] == pytest.approx(1.0)


def test_cancel_stops_the_build_soon(doc, small_steps):
    calls = []

    def report(_stage: str, _fraction: float) -> None:
        calls.append(1)
        if len(calls) == 3:
            progress.cancel()

    progress = Progress(report)
    with pytest.raises(Cancelled):
        Columns(doc.signatories, progress)
    assert len(calls) == 3  # it stopped at the first check after the cancel


def test_columns_built_in_a_thread_answer_the_same(doc):
    built: dict[str, Columns] = {}
    worker = threading.Thread(target=lambda: built.setdefault("c", Columns(doc.signatories)))
    worker.start()
    here = QueryEngine(doc)
    worker.join(timeout=60)
    there = QueryEngine(doc, built["c"])
    for q in (
        Query(text="garc"),
        Query(text="maria garcia").sorted_by("name", True),
        Query(facets={"country": frozenset(doc.countries[:2])}).sorted_by("country"),
        Query(text="и").sorted_by("role"),
    ):
        assert here.run(q).rows.tolist() == there.run(q).rows.tolist()
        assert here.run(q).facet_counts == there.run(q).facet_counts
