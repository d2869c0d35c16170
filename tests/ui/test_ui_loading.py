"""Opening in a worker: progress, Cancel within 200 ms, a window that keeps answering.

A slow disk is simulated by a reader that hands over the file a fiftieth at a time, 20 ms
apart (1 s for the whole file), reporting each piece as the real chunked reader does; a
real large list is a synthetic CSV written to tmp_path.
"""

from __future__ import annotations

import itertools
import random
import sys
import threading
import time
from pathlib import Path

import pytest
from openhelp import LOAD_TIMEOUT_MS, assert_unchanged, snapshot, stub_open_dialog
from PySide6.QtCore import Qt, QTimer
from uihelp import open_window, shown_names, type_filter

from viewer.core import opening
from viewer.core.opening import INDEXING, PARSING, READING, STAGE_SHARES, open_document
from viewer.ui.common import worker
from viewer.ui.opening import load_progress

WORKER_STOP_S = 1.0  # Cancel -> the worker thread has ended, on a busy CI machine
SLOW_PIECES = 50
SLOW_PAUSE_S = 0.02
CANCEL_LIMIT_S = 0.2
# Where the stages end, as fractions of the whole open (the bar fills once across them).
READ_END = STAGE_SHARES[READING]
PARSED_END = READ_END + STAGE_SHARES[PARSING]


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


@pytest.fixture
def slow_disk(monkeypatch):
    """read_file_bytes as on a slow network share; records the worker threads that read."""
    readers: list[threading.Thread] = []

    def read_slowly(path, limit=None, progress=None):
        readers.append(threading.current_thread())
        data = Path(path).read_bytes()
        for i in range(1, SLOW_PIECES + 1):
            time.sleep(SLOW_PAUSE_S)  # the disk, not the test, is slow
            if progress is not None:
                progress.report(i / SLOW_PIECES)
        return data

    monkeypatch.setattr(opening, "read_file_bytes", read_slowly)
    return readers


def _csv(path: Path, rows: int, seed: int = 5) -> Path:
    rnd = random.Random(seed)
    countries = ["Chile", "Kenya", "Nepal", "Peru", "Japan", "Ghana", "Fiji"]
    with path.open("w", encoding="utf-8") as out:
        out.write("name,role,country\n")
        for i in range(rows):
            out.write(f"Person {i:06d} Sánchez,Signatory,{rnd.choice(countries)}\n")
    return path


def _open(window, monkeypatch, path) -> None:
    stub_open_dialog(monkeypatch, path)
    window.opening.open_action.trigger()


def test_a_slow_open_shows_progress_after_300_ms_with_the_fraction_read(
    qtbot, window, monkeypatch, tmp_path, slow_disk
):
    small = _csv(tmp_path / "small.csv", 50)
    seen: list[tuple[str, float]] = []
    window.opening.loader.progress.connect(lambda _r, stage, f: seen.append((stage, f)))
    progress = window.opening.progress
    started = time.monotonic()
    _open(window, monkeypatch, small)
    assert not progress.isVisible()  # a small file: no bar unless it takes a while
    qtbot.waitUntil(progress.isVisible, timeout=2000)
    assert time.monotonic() - started >= load_progress.SHOW_AFTER_MS / 1000 - 0.01
    assert progress.label.text() == "Reading small.csv\u2026"
    qtbot.waitUntil(lambda: not window.opening.loader.busy, timeout=LOAD_TIMEOUT_MS)
    assert not progress.isVisible()
    assert len(shown_names(window)) == 50
    fractions = [f for stage, f in seen if stage == READING]
    assert len(fractions) >= 5 and fractions == sorted(fractions)
    assert fractions[-1] == pytest.approx(READ_END)  # the stage's last report is never dropped
    stages = [stage for stage, _f in seen]
    assert stages.index(READING) < stages.index(PARSING) < stages.index(INDEXING)


def test_a_large_file_shows_its_progress_at_once(qtbot, window, monkeypatch, tmp_path):
    monkeypatch.setattr(load_progress, "LARGE_FILE_BYTES", 1000)
    path = _csv(tmp_path / "large.csv", 200)
    _open(window, monkeypatch, path)
    progress = window.opening.progress
    assert progress.isVisible()  # before the event loop has run once
    assert progress.cancel_button.isVisible()
    qtbot.waitUntil(lambda: not progress.isVisible(), timeout=LOAD_TIMEOUT_MS)
    assert len(shown_names(window)) == 200


def test_cancel_stops_within_200_ms_and_keeps_the_letter(qtbot, window, monkeypatch, tmp_path,
                                                         slow_disk):  # fmt: skip
    path = _csv(tmp_path / "slow.csv", 50)
    type_filter(qtbot, window, "germany")
    before = snapshot(window)
    progress = window.opening.progress
    _open(window, monkeypatch, path)
    qtbot.waitUntil(progress.isVisible, timeout=2000)
    with qtbot.waitSignal(window.opening.loader.cancelled, timeout=1000):
        clicked = time.monotonic()
        qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    assert not progress.isVisible()
    assert window.opening.loader.wait(timeout=1.0)  # the worker itself has stopped
    stopped = time.monotonic() - clicked
    assert not slow_disk[0].is_alive()
    assert stopped < CANCEL_LIMIT_S, f"stopped after {stopped * 1000:.0f} ms"
    qtbot.wait(50)  # anything the worker had queued is delivered now, and must be ignored
    assert_unchanged(window, before)
    assert window.filter_bar.edit.text() == "germany"


def test_a_new_open_replaces_one_still_running(qtbot, window, monkeypatch, tmp_path, slow_disk):
    slow = _csv(tmp_path / "slow.csv", 30)
    _open(window, monkeypatch, slow)
    qtbot.waitUntil(lambda: len(slow_disk) == 1, timeout=2000)
    monkeypatch.undo()  # the disk is fast again
    quick = tmp_path / "quick.csv"
    quick.write_text("name\nOnly One\n", encoding="utf-8")
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        _open(window, monkeypatch, quick)
    assert window.opening.loader.wait(timeout=2.0)
    qtbot.wait(50)
    assert shown_names(window) == ["Only One"]


def test_the_worker_never_runs_on_the_gui_thread(qtbot, window, monkeypatch, tmp_path):
    threads = []
    read = opening.read_file_bytes

    def recording_read(*args, **kwargs):
        threads.append(threading.current_thread())
        return read(*args, **kwargs)

    monkeypatch.setattr(opening, "read_file_bytes", recording_read)
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        _open(window, monkeypatch, _csv(tmp_path / "t.csv", 5))
    assert threads and threads[0] is not threading.main_thread()


def test_an_unexpected_error_in_the_worker_is_reported_on_the_gui_thread(
    qtbot, window, monkeypatch, tmp_path
):
    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug in a reader")

    monkeypatch.setattr(opening, "document_from_file_bytes", broken)
    before = snapshot(window)
    with qtbot.capture_exceptions() as caught:
        _open(window, monkeypatch, _csv(tmp_path / "t.csv", 5))
        qtbot.waitUntil(lambda: bool(caught), timeout=LOAD_TIMEOUT_MS)
    error = caught[0][1]
    assert isinstance(error, RuntimeError)
    assert error.viewer_activity == "opening t.csv"  # "Something went wrong while opening t.csv."
    assert not window.opening.loader.busy and not window.opening.progress.isVisible()
    assert_unchanged(window, before)


def test_closing_the_window_stops_an_open(qtbot, window, monkeypatch, tmp_path, slow_disk):
    _open(window, monkeypatch, _csv(tmp_path / "t.csv", 5))
    qtbot.waitUntil(lambda: len(slow_disk) == 1, timeout=2000)
    window.close()
    assert not window.opening.loader.busy
    assert window.opening.loader.wait(timeout=CANCEL_LIMIT_S + 0.1)


class TickRecorder:
    """Ticks of the event loop (a 10 ms timer) while a worker reads: a frozen window has none.

    Issue 6 asks for no gap over 100 ms, which benchmarks/bench_open.py measures (the
    worker holds the interpreter lock for a few milliseconds at a time). Here the bound is
    looser, for CI machines whose cores other processes share. A read on the GUI thread
    would freeze the window for seconds.
    """

    def __init__(self):
        self.ticks: list[float] = []
        self.started = time.monotonic()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.ticks.append(time.monotonic()))
        self.timer.start()

    def longest_gap(self) -> float:
        """The longest time (s) without a tick, from the start to now."""
        self.timer.stop()
        times = [self.started, *self.ticks, time.monotonic()]
        return max(b - a for a, b in itertools.pairwise(times))


MAX_GAP_S = 1.0


def assert_kept_answering(ticks: TickRecorder) -> None:
    gap = ticks.longest_gap()
    assert gap < MAX_GAP_S, f"the event loop stalled for {gap * 1000:.0f} ms"


def _cancel_when(window, wanted) -> dict:
    """Click Cancel on the first progress report that wanted(stage, fraction) accepts."""
    seen: dict = {}

    def report(_request, stage, fraction):
        if "clicked" not in seen and wanted(stage, fraction):
            seen["stage"] = stage
            seen["clicked"] = time.monotonic()
            window.opening.progress.cancel_button.click()
            seen["back"] = time.monotonic() - seen["clicked"]

    window.opening.loader.progress.connect(report)
    return seen


@pytest.mark.slow
@pytest.mark.parametrize("stage", [PARSING, INDEXING])
def test_cancel_while_a_large_list_is_read(qtbot, window, monkeypatch, tmp_path, stage):
    """100,000 signatories: Cancel while the rows are read, or while the table's columns are
    built, gives the window back at once; the worker stops at its next check."""
    path = _csv(tmp_path / "big.csv", 100_000)
    before = snapshot(window)
    # The first report of the rows, or the first of the columns after the stage's start.
    seen = _cancel_when(window, lambda s, f: s == stage and (stage == PARSING or f > PARSED_END))
    ticks = TickRecorder()
    with qtbot.waitSignal(window.opening.loader.cancelled, timeout=LOAD_TIMEOUT_MS):
        _open(window, monkeypatch, path)
    assert_kept_answering(ticks)
    assert seen["stage"] == stage and seen["back"] < CANCEL_LIMIT_S
    assert not window.opening.progress.isVisible()
    assert_unchanged(window, before)
    # The CSV reader checks after every slice of rows, building the columns every 65,536
    # rows: the worker itself stops soon after (the bound is loose for busy CI machines).
    assert window.opening.loader.wait(timeout=WORKER_STOP_S)
    stopped = time.monotonic() - seen["clicked"]
    assert stopped < WORKER_STOP_S, f"the worker stopped after {stopped * 1000:.0f} ms"
    qtbot.wait(50)
    assert_unchanged(window, before)


@pytest.mark.slow
def test_cancel_while_200k_rows_are_parsed_ends_the_worker(qtbot, window, monkeypatch,
                                                           tmp_path):  # fmt: skip
    """Cancel a third of the way through reading the rows: the worker thread has ended
    within a second (200 ms on a quiet machine; bench_open.py measures it) and the letter
    open before is still shown, unchanged."""
    path = _csv(tmp_path / "big.csv", 200_000)
    before = snapshot(window)
    third = READ_END + STAGE_SHARES[PARSING] * 0.3  # a third of the rows read
    seen = _cancel_when(window, lambda s, f: s == PARSING and f >= third)
    with qtbot.waitSignal(window.opening.loader.cancelled, timeout=LOAD_TIMEOUT_MS):
        _open(window, monkeypatch, path)
    assert window.opening.loader.wait(timeout=WORKER_STOP_S)
    stopped = time.monotonic() - seen["clicked"]
    assert stopped < WORKER_STOP_S, f"the worker stopped after {stopped * 1000:.0f} ms"
    qtbot.wait(50)
    assert_unchanged(window, before)
    assert window.opening.loader.job is None


def test_the_rows_are_read_with_a_rising_fraction(qtbot, window, monkeypatch, tmp_path):
    path = _csv(tmp_path / "rows.csv", 50_000)  # ~2 MB: four slices of rows at least
    seen: list[float] = []
    window.opening.loader.progress.connect(
        lambda _r, stage, f: seen.append(f) if stage == PARSING else None
    )
    monkeypatch.setattr(worker, "REPORT_EVERY_S", 0)  # every report reaches the bar
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        _open(window, monkeypatch, path)
    assert len(seen) >= 5 and seen == sorted(seen) and seen[-1] == pytest.approx(PARSED_END)


def test_the_bar_fills_once_across_the_stages(qtbot, window, monkeypatch, tmp_path):
    monkeypatch.setattr(load_progress, "LARGE_FILE_BYTES", 1000)
    monkeypatch.setattr(worker, "REPORT_EVERY_S", 0)
    bar = window.opening.progress.bar
    values: list[int] = []
    window.opening.loader.progress.connect(lambda *_: values.append(bar.value()))
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        _open(window, monkeypatch, _csv(tmp_path / "rows.csv", 50_000))
    assert len(values) >= 8 and values == sorted(values) and values[-1] == bar.maximum()


@pytest.mark.slow
def test_a_large_list_opens_while_the_window_keeps_answering(qtbot, window, monkeypatch,
                                                             tmp_path):  # fmt: skip
    path = _csv(tmp_path / "big.csv", 40_000)
    ticks = TickRecorder()
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=120_000):
        _open(window, monkeypatch, path)
        assert window.state.document.source.path != str(path)  # not yet: it is being read
    assert_kept_answering(ticks)
    assert window.table.model().rowCount() == 40_000
    assert window.state.document.signatories == open_document(path).signatories


def test_a_large_file_named_on_the_command_line_opens_after_the_window(qtbot, monkeypatch,
                                                                       tmp_path):  # fmt: skip
    from PySide6.QtWidgets import QApplication

    from viewer import app as app_module

    monkeypatch.setattr(load_progress, "LARGE_FILE_BYTES", 1000)
    path = _csv(tmp_path / "large.csv", 200)
    seen = {}

    made = []
    create = app_module.create_main_window

    def create_and_keep(*args, **kwargs):
        made.append(create(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(app_module, "create_main_window", create_and_keep)

    def run_instead_of_exec(*_args):
        (window,) = made
        qtbot.addWidget(window)
        seen["first"] = len(window.state.document.signatories)  # the 2017 letter, at once
        seen["progress"] = window.opening.progress.isVisible()
        qtbot.waitUntil(lambda: not window.opening.loader.busy, timeout=LOAD_TIMEOUT_MS)
        seen["then"] = len(window.state.document.signatories)
        return 0

    monkeypatch.setattr(QApplication, "exec", run_instead_of_exec)
    # main() installs the app's exception hooks; they go again after the test.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    assert app_module.main([str(path)]) == 0
    assert seen == {"first": 158, "progress": True, "then": 200}


def test_the_bar_moves_while_nothing_is_done_and_fills_as_the_file_is_read(
    qtbot, window, monkeypatch, tmp_path, slow_disk
):
    monkeypatch.setattr(load_progress, "LARGE_FILE_BYTES", 1000)
    bar = window.opening.progress.bar
    seen: list[tuple[float, int]] = []
    window.opening.loader.progress.connect(lambda _j, _s, f: seen.append((f, bar.maximum())))
    _open(window, monkeypatch, _csv(tmp_path / "slow.csv", 200))
    assert bar.maximum() == 0  # busy (a moving bar) before the first report
    qtbot.waitUntil(lambda: not window.opening.loader.busy, timeout=LOAD_TIMEOUT_MS)
    assert seen[0] == (0.0, 0)  # the read's start: still busy, not an empty bar
    assert all(maximum == 1000 for f, maximum in seen if f > 0)  # then it fills
