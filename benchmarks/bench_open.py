"""Opening a large CSV in the real window, against a stock Qt window built in the same run.

For each size the real window (viewer.app.create_main_window on the bundled 2017 letter)
is shown and painted, offscreen, and the synthetic CSV is opened through the code path
File > Open takes once its dialog has answered (OpenActions.open_path: the worker, its
progress bar, the result handed to the view state). Measured:

- open: from the request until the table's viewport has painted the new rows;
- longest gap between ticks of a 2 ms timer on the GUI thread during an open (a frozen
  window has none: this is how long it could not paint or answer); measured in a second open
  of each rep, since the timer's Python slot takes the interpreter lock 500 times a second
  and slows the open it watches;
- progress: the reports the bar received (their count; every stage's fractions increase
  and the last one reaches 1);
- cancel: an open cancelled (its Cancel button clicked) at 30% of the open's median time;
  the time until the worker thread has actually ended, and whether the 2017 letter is
  still what the window shows;
- memory: the resident size of the whole app with the document open (after the first open).

The baseline is the stock Qt way: a QStandardItemModel filled from csv.reader rows, a
QSortFilterProxyModel, a QTableView shown (bench_window.stock_window), timed from the start
until its table has painted, on the GUI thread (it has no worker: its gap is the whole
load, and it has no Cancel). Each side runs in its own process.

The peer a user would pick instead, where pandas is installed (pip install '.[bench]'):
pandas.read_csv of the same file (every column as text, as the viewer reads it), and the
floor: reading the file's bytes. Each runs in its own process too.

    python benchmarks/bench_open.py                 # 10k, 100k, 1M, 3M
    python benchmarks/bench_open.py --sizes 100k    # one size

Prints a table of medians with the ratios (Qt / window, pandas / window) and exits with
status 1 if a target of issue 15 is missed.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(HERE.parent))
    sys.path.insert(0, str(HERE))

import bench_window as bw  # noqa: E402  (the paint watch, the stock window, settling)
import harness  # noqa: E402  (timing loops, medians, worker processes, tables, options)
import synthetic  # noqa: E402

TICK_MS = 2  # the GUI thread's timer; a gap is the longest time between two of its ticks
CANCEL_AT = 0.3  # cancel at this share of the open's median time
REST_S = 1.5  # idle time before each open (the window frees a replaced large document meanwhile)
WAIT_S = 300.0  # give up on an open (or a cancel) after this long
FIGURES = (
    ("open", "open CSV -> new rows painted (window usable)", "s", "open"),
    ("gap", "longest event-loop gap during the open (worst open)", "ms", "stall"),
    ("cancel", "Cancel -> worker ended (previous letter kept)", "ms", "cancel"),
    ("memory", "resident memory, whole app with the document open", "MB", "memory"),
)
PEER_FIGURES = (
    ("open", "pandas.read_csv of the file (dtype=str)", "s"),
    ("floor", "floor: reading the file's bytes", "ms"),
    ("memory", "pandas: resident memory with the frame", "MB"),
)


class Ticker:
    """Timestamps of a short repeating timer on the GUI thread."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer

        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def start(self) -> None:
        self.times = [time.perf_counter()]
        self.timer.start()

    def longest_gap(self, until: float) -> float:
        """Milliseconds of the longest stretch without a tick, from start to until."""
        self.timer.stop()
        times = [t for t in self.times if t <= until] + [until]
        return max(b - a for a, b in itertools.pairwise(times)) * 1000


def wait_until(app, done, seconds: float = WAIT_S, poll_ms: int = 5) -> None:
    """Run the event loop (as app.exec does, idle between events) until done() is true;
    done() is also looked at every poll_ms (for a state no event announces)."""
    from PySide6.QtCore import QEventLoop, QTimer

    wake = QTimer()  # no Python slot: it only makes the loop look at done() every few ms
    wake.start(poll_ms)
    deadline = time.perf_counter() + seconds
    while not done():
        if time.perf_counter() > deadline:
            raise RuntimeError("timed out")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    wake.stop()


# -- the real window -------------------------------------------------------------------------


class Opener:
    """Opens files in a shown main window as File > Open does, and records what happened."""

    def __init__(self, app, window):
        self.app = app
        self.window = window
        self.loader = window.opening.loader
        self.watch = bw.PaintWatch(window.table.viewport())
        self.ticker = Ticker()
        self.progress: list[tuple[str, float | None]] = []
        self.bar_shown = False
        self.shown_at: float | None = None  # the first paint after the new rows arrived
        self.arrived = False
        self.loader.progress.connect(self._progress)
        self.loader.succeeded.connect(self._arrived)
        self.loader.failed.connect(lambda _r, error: sys.exit(f"open failed: {error}"))

    def _progress(self, _request, stage: str, fraction: float | None) -> None:
        self.progress.append((stage, fraction))
        self.bar_shown = self.bar_shown or self.window.opening.progress.isVisible()

    def _arrived(self, _request, _result) -> None:
        self.arrived = True
        self.arrived_at = time.perf_counter()
        self.paints = self.watch.count

    def open(self, path: Path, probe: bool = True) -> tuple[float, float]:
        """Seconds until the new rows were painted, and the longest gap (ms) till then
        (with probe; else NaN: the ticker's 2 ms slot competes with the open's threads for
        the interpreter lock, so the open's time is measured in opens without it, and the
        loop waits for the paint's own events)."""
        self.progress, self.arrived, self.bar_shown = [], False, False
        if probe:
            self.ticker.start()
        start = time.perf_counter()
        self.window.opening.open_path(path)  # what File > Open calls with the chosen file
        done = lambda: self.arrived and self.watch.count > self.paints
        wait_until(self.app, done, poll_ms=5 if probe else 200)
        end = time.perf_counter()
        gap = self.ticker.longest_gap(end) if probe else float("nan")
        if self.window.table.model().rowCount() != len(self.window.state.document.signatories):
            raise RuntimeError("the table does not show the document's rows")
        return end - start, gap

    def cancel_after(self, path: Path, delay: float) -> tuple[float, int]:
        """Open path, click Cancel after delay seconds: ms until the worker thread ended, and
        how many opens had already ended when Cancel was clicked (a small file on a busy
        machine can: that is no cancel, so it is tried again with half the delay)."""
        late = 0
        while (ended := self._cancel_once(path, delay)) is None:
            late += 1
            delay /= 2
        return ended, late

    def _cancel_once(self, path: Path, delay: float) -> float | None:
        from PySide6.QtCore import QTimer

        before = self.window.state.document
        clicked: list[float] = []

        def click() -> None:
            clicked.append(time.perf_counter())
            self.window.opening.progress.cancel_button.click()

        self.arrived = False
        self.window.opening.open_path(path)
        QTimer.singleShot(round(delay * 1000), click)
        wait_until(self.app, lambda: bool(clicked))
        wait_until(self.app, lambda: self.loader.wait(0) or self.arrived)
        ended = (time.perf_counter() - clicked[0]) * 1000
        if self.arrived and self.arrived_at < clicked[0]:
            return None  # the open had ended before Cancel was clicked
        if self.arrived or self.window.state.document is not before:
            raise RuntimeError("the cancelled open replaced the document")
        if self.window.table.model().rowCount() != len(before.signatories):
            raise RuntimeError("the table no longer shows the previous letter")
        return ended

    def back_to_the_letter(self) -> None:
        """File > Open the 2017 Letter, waiting until it is shown and the window is idle
        (its letter laid out, its chart drawn, the large document it replaced freed), so the
        next open starts from rest."""
        self.arrived = False
        self.window.opening.open_bundled()
        wait_until(self.app, lambda: self.arrived and self.watch.count > self.paints)
        rest = time.perf_counter() + REST_S
        wait_until(self.app, lambda: time.perf_counter() > rest)


def progress_ok(reports: list[tuple[str, float | None]]) -> bool:
    """Every stage's fractions increase, and the last report of the open says 1."""
    by_stage: dict[str, list[float]] = {}
    for stage, fraction in reports:
        if fraction is not None:
            by_stage.setdefault(stage, []).append(fraction)
    increasing = all(f == sorted(f) for f in by_stage.values())
    return bool(reports) and increasing and reports[-1][1] == 1.0


def window_worker(csv_path: Path, reps: int, budget: float) -> None:
    from PySide6.QtWidgets import QApplication

    from viewer.app import create_main_window

    app = QApplication.instance() or QApplication([])
    window = create_main_window()  # the bundled 2017 letter
    window.resize(1280, 800)
    window.show()
    opener = Opener(app, window)
    wait_until(app, lambda: opener.watch.count > 0)
    bw.settle()
    harness.emit("memory_before", harness.rss_mb())
    opened, gaps, counts, checks, shown = [], [], [], [], []
    for rep in range(reps):
        seconds, _none = opener.open(csv_path, probe=False)
        opened.append(seconds)
        opener.back_to_the_letter()
        _seconds, gap = opener.open(csv_path, probe=True)
        gaps.append(gap)
        counts.append(len(opener.progress))
        checks.append(float(progress_ok(opener.progress)))
        shown.append(float(opener.bar_shown))
        if rep == 0:
            bw.settle()
            harness.emit("memory", harness.rss_mb())
        opener.back_to_the_letter()
    harness.emit("open", opened)
    harness.emit("gap", gaps)
    harness.emit("progress_reports", counts)
    harness.emit("progress_ok", checks)
    harness.emit("bar_shown", shown)
    delay = CANCEL_AT * sorted(opened)[len(opened) // 2]
    cancels = [opener.cancel_after(csv_path, delay) for _ in range(reps)]
    harness.emit("cancel", [ended for ended, _late in cancels])
    harness.emit("cancel_late", float(sum(late for _ended, late in cancels)))
    harness.emit("cancel_delay", delay * 1000)
    window.close()
    del budget


# -- the stock Qt baseline -------------------------------------------------------------------


def baseline_worker(csv_path: Path, reps: int, budget: float) -> None:
    """The stock window built and painted on the GUI thread, timed with the same ticker."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    harness.emit("memory_before", harness.rss_mb())
    opened, gaps = [], []
    for rep in range(reps):
        ticker = Ticker()
        built: dict = {}

        def build(built=built) -> None:
            built["parts"] = bw.stock_window(csv_path)
            built["watch"] = bw.PaintWatch(built["parts"][1].viewport())

        ticker.start()
        start = time.perf_counter()
        QTimer.singleShot(0, build)
        wait_until(app, lambda built=built: "watch" in built and built["watch"].count > 0)
        end = time.perf_counter()
        opened.append(end - start)
        gaps.append(ticker.longest_gap(end))
        if rep == 0:
            bw.settle()
            harness.emit("memory", harness.rss_mb())
        built["parts"][0].close()
        built.clear()
        bw.settle()
    harness.emit("open", opened)
    harness.emit("gap", gaps)
    del budget


# -- the peer: pandas, and the floor -----------------------------------------------------------


def pandas_worker(csv_path: Path, reps: int, budget: float) -> None:
    """pandas.read_csv of the CSV, every column as text (as the viewer keeps them), and the
    time to read the file's bytes: the floor under any reader."""
    import pandas as pd

    del budget
    floors, opens = [], []
    for _ in range(max(reps, 3)):
        start = time.perf_counter()
        csv_path.read_bytes()
        floors.append((time.perf_counter() - start) * 1000)
    for rep in range(max(reps, 2)):
        start = time.perf_counter()
        frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
        opens.append(time.perf_counter() - start)
        if rep == 0:
            harness.emit("memory", harness.rss_mb())
        del frame
    harness.emit("open", opens)
    harness.emit("floor", floors)


# -- the parent: run both sides per size, print the table ------------------------------------


def reps_for(size: int, baseline: bool) -> int:
    if size >= 3_000_000:
        return 1 if baseline else 3
    if size >= 1_000_000:
        return 1 if baseline else 2
    if size >= 100_000:
        return 2 if baseline else 5
    return 3 if baseline else 9


def main(argv: list[str] | None = None) -> int:
    workers = {"window": window_worker, "baseline": baseline_worker, "pandas": pandas_worker}
    return harness.benchmark_main(argv, __doc__, workers, 600, run)


def run(args: argparse.Namespace) -> int:
    sides = harness.Sides(
        "window", "the window", "stock Qt window", reps_for, worst_gap, budget=0,
        fresh_settings=True,
    )  # fmt: skip
    results = harness.run_sizes(args, __file__, sides)
    if results is None:
        return 2
    return report(list(results), results, harness.run_peer(args, __file__))


def worst_gap(raw: dict[str, list[float]]) -> dict[str, float]:
    """Medians per figure, but the longest gap of all opens: no open may freeze the window."""
    out = harness.summarise(raw)
    if raw.get("gap"):
        out["gap"] = max(raw["gap"])
    return out


def report(sizes: list[int], results: dict, peers: dict[int, dict] | None = None) -> int:
    peers = peers or {}
    labels = [synthetic.size_label(s) for s in sizes]
    harness.print_table_head(
        "Opening a CSV in the window (worker, progress, Cancel) vs a stock Qt window "
        "(QStandardItemModel + QSortFilterProxyModel + QTableView, built on the GUI thread); "
        "medians, but the gap is the worst of all opens",
        labels,
    )
    all_ok = True
    for key, label, unit, target_key in FIGURES:
        cells = []
        for size in sizes:
            ours, base, note, _, _ = results[size]
            missing = "has no Cancel" if key == "cancel" else note
            text, ok = harness.cell(key, unit, target_key, size, ours, base, missing)
            if key == "open":
                text += harness.peer_text(key, unit, ours, peers.get(size, {}))
            all_ok = all_ok and ok
            cells.append(text)
        print(f"| {label} | " + " | ".join(cells) + " |")
    for key, label, unit in PEER_FIGURES if peers else ():
        cells = [harness.fmt(peers.get(size, {}).get(key), unit) for size in sizes]
        print(f"| {label} | " + " | ".join(cells) + " |")
    cells = []
    for size in sizes:
        raw = results[size][3]
        ok = all(raw.get("progress_ok", [0])) and (size < 1_000_000 or all(raw["bar_shown"]))
        all_ok = all_ok and ok
        reports = harness.median(raw.get("progress_reports", [0]))
        cells.append(f"{reports:.0f} reports, increasing {'✓' if ok else '✗'}")
    print("| progress bar: reports per open | " + " | ".join(cells) + " |")
    print()
    for size in sizes:
        ours, base, note, raw, base_raw = results[size]
        base_raw = base_raw if "open" in base_raw else {}
        print(
            f"{synthetic.size_label(size)}: opens {', '.join(f'{s:.2f}' for s in raw['open'])} s;"
            f" gaps {', '.join(f'{g:.0f}' for g in raw['gap'])} ms;"
            f" cancels {', '.join(f'{c:.0f}' for c in raw['cancel'])} ms"
            f" (clicked {ours['cancel_delay']:.0f} ms after the request;"
            f" {ours.get('cancel_late', 0):.0f} opens ended before the click, tried sooner);"
            f" bar shown in {sum(raw['bar_shown']):.0f} of {len(raw['bar_shown'])} opens;"
            f" process before opening {ours['memory_before']:.0f} MB"
            + (
                f"; Qt opens {', '.join(f'{s:.2f}' for s in base_raw['open'])} s"
                if base_raw
                else ""
            )
            + (f"; baseline {note}" if note else "")
        )
    print(
        f"\nNotes: 'open' runs from OpenActions.open_path (what File > Open calls with the "
        f"chosen file) until the table's viewport painted the new rows. The gap is the longest "
        f"time between ticks of a {TICK_MS} ms timer on the GUI thread, in opens of their own "
        f"(each rep opens the file twice: the ticker's Python slot competes for the interpreter "
        f"lock and slows the open, so 'open' is timed without it); the stock window builds "
        f"on the GUI thread, so its gap is its whole load. Cancel is clicked at "
        f"{CANCEL_AT:.0%} of the median open time; the figure runs until the worker thread has "
        f"ended (the window itself lets go of the job at once). The progress bar is only shown "
        f"for files of 20 MB and more, or after 300 ms."
    )
    print("\nall targets met" if all_ok else "\nTARGET MISSED")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
