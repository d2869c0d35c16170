"""The real window with 100,000 signatories: a keystroke in the filter repaints fast.

The bound is ten times issue 15's target (8 ms a keystroke at 100k, from the key press to
the table, the chart and the count line repainted), so a busy CI machine does not flake
while a window that got an order of magnitude slower fails. benchmarks/bench_window.py
measures the real figures.
"""

from __future__ import annotations

import statistics
import sys
import time
import unicodedata

import pytest
from conftest import REPO
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from viewer.app import create_main_window

sys.path.insert(0, str(REPO / "benchmarks"))
import synthetic

SIZE = 100_000
TARGET_MS = 8  # issue 15, at 100k (benchmarks/harness.py TARGETS)
SLACK = 10
WORD = "garcia"

pytestmark = pytest.mark.slow


class PaintCounter(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def folded(text: str) -> str:
    """Case and accents ignored, as the filter promises its users."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@pytest.fixture(scope="module")
def csv_path(tmp_path_factory):
    return synthetic.write_csv(SIZE, tmp_path_factory.mktemp("scale") / "letter.csv")


def test_a_keystroke_repaints_the_table_fast(qtbot, csv_path):
    window = create_main_window(csv_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    viewport = window.table.viewport()
    paints = PaintCounter()
    viewport.installEventFilter(paints)
    edit = window.filter_bar.edit
    edit.setFocus()
    times = []
    for ch in WORD:
        before = paints.count
        start = time.perf_counter()
        qtbot.keyClick(edit, ch)
        QApplication.processEvents()
        if paints.count == before:
            viewport.repaint()  # the same rows as before: Qt had nothing to repaint
        times.append((time.perf_counter() - start) * 1000)
    matching = [
        s
        for s in window.state.document.signatories
        if WORD in folded(" ".join(filter(None, (s.name, s.role, s.country))))
    ]
    expected = len(matching)
    assert 0 < expected < SIZE
    model = window.table.model()
    assert model.rowCount() == expected
    shown = [model.index(row, 1).data() for row in range(min(expected, 20))]
    assert shown == [s.name for s in matching[:20]]  # the letter's order, the right people
    assert window.status_count.text().startswith(f"Showing {expected:,} of {SIZE:,} ")
    assert sum(bar.count for bar in window.chart.plot.bars) == expected  # the chart too
    assert statistics.median(times) <= TARGET_MS * SLACK, times
    viewport.removeEventFilter(paints)
