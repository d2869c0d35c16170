"""The real window at scale, against a stock Qt window and pandas measured in the same run.

For each size it writes a synthetic letter's CSV, opens it in the real main window
(viewer.app.create_main_window, offscreen), shows it, and times what a user does, each
figure from the user's action until the table has been repainted:

- typing a word into the filter field one character at a time (QLineEdit.insert, the
  path a key press takes), until the table's viewport has painted the new rows;
- choosing a country (ViewState.toggle, what a chip, the picker and a bar click call);
- clicking a column header (a mouse click on the header, first time and again);
- one repaint of the table's page, nothing changed, alternated in the same process with a
  stock QTableView over a QStandardItemModel holding the same page (the same texts, fonts,
  colours, alignment, column widths and viewport size): issue 15 wants ours within
  harness.PAGE_REPAINT_RATIO of it at 10k.

The baseline is what stock Qt offers: a QTableView over a QSortFilterProxyModel over a
QStandardItemModel with the same rows, a QLineEdit whose textChanged sets
setFilterFixedString (case-insensitive, every column), sorting by a header click; timed the
same way. Each side runs in its own process (memory is its own, offscreen). The baseline's
figures stop after --figure-budget seconds each (their median is of the samples taken).
Where pandas is installed (a benchmark-only extra), a third process times what a pandas
user would do for the same actions (bench_query.pandas_worker): str.contains for a
keystroke, a comparison for a country, sort_values for a first sort, read_csv for the open.

    python benchmarks/bench_window.py                    # 10k, 100k, 1M
    python benchmarks/bench_window.py --sizes 10k        # quick
    python benchmarks/bench_window.py --sizes 100k,1M,3M # issue 15's sizes

Prints a table of medians with the ratio baseline / window and exits with status 1 if the
window misses one of its targets (harness.TARGETS, issue 15) or the page-repaint ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(HERE.parent))
    sys.path.insert(0, str(HERE))

import bench_query as bq  # noqa: E402  (the query workload: words, countries, the stock proxy)
import harness  # noqa: E402  (timing loops, medians, worker processes, tables, options)
import synthetic  # noqa: E402

PAGE_SAMPLES = 60  # repaints of each page, ours and the stock one alternated
PAINT_TIMEOUT = 10.0  # seconds to wait for a repaint before calling the figure broken
COLUMNS = ("name", "role", "country")  # the table's sections, by sort column
FIGURES = (
    ("typed", "filter keystroke, typed -> table repainted", "ms", "keystroke"),
    ("country", "choose a country / click a bar -> repainted", "ms", "country"),
    ("sort_first", "header click, sort first time (slowest column)", "ms", "sort"),
    ("sort_first_name", "  by name, first time", "ms", "sort"),
    ("sort_first_role", "  by role, first time", "ms", "sort"),
    ("sort_first_country", "  by country, first time", "ms", "sort"),
    ("sort_again", "header click, sort again (slowest column)", "ms", "sort"),
    (
        "open",
        "start with the CSV: window built, shown, painted (File > Open: bench_open)",
        "s",
        "open",
    ),
    ("repaint", "for scale: one repaint of the table's page, nothing changed", "ms", "floor"),
    ("page", "the table's page repainted vs a stock model's same page (same process)", "ms", ""),
    ("memory", "resident memory, whole app with the document open", "MB", "memory"),
)


class PaintWatch:
    """Counts paint events of a widget, so a figure can wait for the repaint it caused."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        class _Filter(QObject):
            def __init__(self, owner):
                super().__init__()
                self.owner = owner

            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    self.owner.count += 1
                return False

        self.count = 0
        self.widget = widget
        self._filter = _Filter(self)
        widget.installEventFilter(self._filter)

    def timed(self, action: Callable[[], object]) -> float:
        """Milliseconds from action until the widget has painted once more."""
        from PySide6.QtWidgets import QApplication

        before = self.count
        start = time.perf_counter()
        action()
        QApplication.processEvents()  # queued signals, layout, the posted repaint
        if self.count == before:
            # Nothing on screen changed (a keystroke that kept the same rows): Qt skips the
            # repaint, so paint once ourselves, the same for both sides, to end the figure.
            self.widget.repaint()
        return (time.perf_counter() - start) * 1000


def page_repaints(table, samples: int = 40) -> list[float]:
    """Milliseconds to repaint the table's visible page with nothing changed: the floor under
    every figure above: a page of cells asked for and their text laid out, on both sides."""
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        table.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
    return times


def page_against_stock(table, samples: int = PAGE_SAMPLES) -> tuple[list[float], list[float]]:
    """Milliseconds to repaint the table's page, and a stock QTableView's over a
    QStandardItemModel holding the same page, alternated so both see the same machine."""
    stock = stock_page(table)
    ours, theirs = [], []
    for _ in range(samples):
        for view, times in ((table, ours), (stock, theirs)):
            start = time.perf_counter()
            view.viewport().repaint()
            times.append((time.perf_counter() - start) * 1000)
    stock.close()
    stock.deleteLater()
    return ours, theirs


def stock_page(table):
    """A stock QTableView showing what the table shows: the rows of its page with the texts,
    fonts, colours and alignment its model gives, the same columns, widths, row height,
    viewport size and view settings, shown; everything off the page left empty."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = table.model()
    first = max(table.rowAt(0), 0)
    last = table.rowAt(table.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    page = QStandardItemModel(last + 1, model.columnCount())
    roles = (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole)
    roles += (Qt.ItemDataRole.TextAlignmentRole,)
    for row in range(first, last + 1):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            item = QStandardItem(model.data(index))
            for role in roles:
                value = model.data(index, int(role))
                if value is not None:
                    item.setData(value, role)
            page.setItem(row, column, item)
    view = QTableView()
    view.setModel(page)
    page.setParent(view)
    for setting in ("alternatingRowColors", "showGrid", "wordWrap", "textElideMode", "font"):
        getattr(view, "set" + setting[0].upper() + setting[1:])(getattr(table, setting)())
    view.setSelectionBehavior(table.selectionBehavior())
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(table.verticalHeader().sectionResizeMode(0))
    view.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
    header, theirs = view.horizontalHeader(), table.horizontalHeader()
    header.setStretchLastSection(theirs.stretchLastSection())
    for column in range(model.columnCount()):
        view.setColumnHidden(column, table.isColumnHidden(column))
        view.setColumnWidth(column, table.columnWidth(column))
    view.resize(table.size())
    view.show()
    settle()
    if view.viewport().size() != table.viewport().size():
        raise RuntimeError(f"stock page {view.viewport().size()} != {table.viewport().size()}")
    return view


def settle() -> None:
    """Let the window finish what the last action started, as its event loop would: posted
    events, repaints, and the widgets deleteLater() handed to the loop (processEvents alone
    never deletes them)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def click_header(header, section: int) -> None:
    """A left click in the middle of a header section, as a user's mouse does it."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


# -- the real window -------------------------------------------------------------------------


def window_worker(csv_path: Path, reps: int, budget: float) -> None:
    from PySide6.QtWidgets import QApplication

    from viewer.app import create_main_window
    from viewer.ui.signatories.signatory_model import COLUMNS as MODEL_COLUMNS

    app = QApplication.instance() or QApplication([])
    before = harness.rss_mb()
    start = time.perf_counter()
    window = create_main_window(csv_path)
    window.resize(1280, 800)
    window.show()
    watch = PaintWatch(window.table.viewport())
    while watch.count == 0:
        app.processEvents()
    harness.emit("open", time.perf_counter() - start)
    settle()
    harness.emit("memory_before", before)
    harness.emit("repaint", page_repaints(window.table))
    ours, stock = page_against_stock(window.table)
    harness.emit("page", ours)
    harness.emit("page_stock", stock)
    doc = window.state.document
    state, edit = window.state, window.filter_bar.edit

    typed = []
    for _ in range(reps):
        for word in bq.typed_words(doc):
            edit.clear()
            state.engine.clear_cache()
            settle()
            for ch in word:
                typed.append(watch.timed(lambda c=ch: edit.insert(c)))
    harness.emit("typed", typed)
    edit.clear()
    settle()

    chosen = []
    for _ in range(reps):
        for country in bq.top_countries(doc):
            chosen.append(watch.timed(lambda c=country: state.toggle("country", c)))
            watch.timed(lambda c=country: state.toggle("country", c))
            settle()
    harness.emit("country", chosen)
    harness.emit("memory", harness.rss_mb())

    header = window.table.horizontalHeader()
    section = {c.sort_column: i for i, c in enumerate(MODEL_COLUMNS) if c.sort_column}
    first: dict[str, list[float]] = {c: [] for c in COLUMNS}
    again: dict[str, list[float]] = {c: [] for c in COLUMNS}
    for _ in range(reps):
        state.engine.clear_cache(sorts=True)
        state.sort_by("position")
        settle()
        for times in (first, again):
            for column in COLUMNS:
                state.sort_by("position")
                settle()
                times[column].append(watch.timed(lambda s=section[column]: click_header(header, s)))
                if state.query.sort_column != column:
                    raise RuntimeError(f"a click on the header did not sort by {column}")
    for column in COLUMNS:
        harness.emit(f"sort_first_{column}", first[column])
        harness.emit(f"sort_again_{column}", again[column])
    window.close()
    del budget


# -- the stock Qt baseline ---------------------------------------------------------------------


def stock_window(csv_path: Path):
    """A stock window over the CSV's rows, shown: QTableView / QSortFilterProxyModel /
    QStandardItemModel, a QLineEdit filtering every column. Returns (window, table, proxy,
    edit); the caller waits for the table's first paint (bench_open.py times this too)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QMainWindow, QTableView, QVBoxLayout, QWidget

    proxy = bq.stock_proxy(csv_path)
    window = QMainWindow()
    body = QWidget(window)
    edit = QLineEdit(body)
    table = QTableView(body)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # source order until a click
    layout = QVBoxLayout(body)
    layout.addWidget(edit)
    layout.addWidget(table)
    window.setCentralWidget(body)
    edit.textChanged.connect(proxy.setFilterFixedString)
    window.resize(1280, 800)
    window.show()
    return window, table, proxy, edit


def baseline_worker(csv_path: Path, reps: int, budget: float) -> None:
    """A stock window: QTableView / QSortFilterProxyModel / QStandardItemModel, a QLineEdit."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    before = harness.rss_mb()
    start = time.perf_counter()
    _window, table, proxy, edit = stock_window(csv_path)  # kept open while measured
    watch = PaintWatch(table.viewport())
    while watch.count == 0:
        app.processEvents()
    harness.emit("open", time.perf_counter() - start)
    settle()
    harness.emit("memory", harness.rss_mb())
    harness.emit("memory_before", before)
    harness.emit("repaint", page_repaints(table))
    doc = bq.doc_for_words(csv_path)

    chosen = harness.Budget(budget)
    for _ in range(reps):
        for country in bq.top_countries(doc):
            if chosen.open:
                proxy.setFilterKeyColumn(2)
                chosen.times.append(watch.timed(lambda c=country: edit.setText(c)))
                edit.clear()
                proxy.setFilterKeyColumn(-1)
                settle()
    harness.emit("country", chosen.times)

    typed = harness.Budget(budget)
    for _ in range(reps):
        for word in bq.typed_words(doc):
            if not typed.open:
                break
            edit.clear()
            settle()
            for ch in word:
                if typed.open:
                    typed.times.append(watch.timed(lambda c=ch: edit.insert(c)))
    harness.emit("typed", typed.times)
    edit.clear()
    settle()

    header = table.horizontalHeader()
    for kind in ("sort_first", "sort_again"):
        for section, column in enumerate(COLUMNS):
            table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
            settle()
            ms = watch.timed(lambda s=section: click_header(header, s))
            harness.emit(f"{kind}_{column}", ms)


# -- the parent: run both sides per size, print the table ------------------------------------


def reps_for(size: int, _baseline: bool = False) -> int:
    return 1 if size >= 1_000_000 else 2 if size >= 100_000 else 5


def main(argv: list[str] | None = None) -> int:
    workers = {"window": window_worker, "baseline": baseline_worker, "pandas": bq.pandas_worker}
    return harness.benchmark_main(argv, __doc__, workers, 30, run)


def run(args: argparse.Namespace) -> int:
    sides = harness.Sides("window", "the window", "stock Qt window", reps_for, fresh_settings=True)
    results = harness.run_sizes(args, __file__, sides)
    if results is None:
        return 2
    peers = harness.run_peer(args, __file__)  # {} where pandas is not installed
    return report(list(results), results, args, peers)


def page_cell(size: int, ours: dict) -> tuple[str, bool]:
    """Our page repaint against the stock model's same page: the ratio checked at 10k."""
    page, stock = ours.get("page"), ours.get("page_stock")
    if page is None or not stock:
        return "—", True
    ratio = page / stock
    text = f"{harness.fmt(page, 'ms')}; stock {harness.fmt(stock, 'ms')}, {ratio:.2f}×"
    if size != 10_000:  # issue 15 asks it at 10k; shown at every size for scale
        return text, True
    ok = ratio <= harness.PAGE_REPAINT_RATIO
    return text + f" {'✓' if ok else '✗'} (≤{harness.PAGE_REPAINT_RATIO:g}×)", ok


def report(
    sizes: list[int], results: dict, args: argparse.Namespace, peers: dict[int, dict]
) -> int:
    labels = [synthetic.size_label(s) for s in sizes]
    harness.print_table_head(
        "The window vs a stock Qt window (QTableView / QSortFilterProxyModel / "
        "QStandardItemModel) and pandas; medians, each until the table repainted",
        labels,
    )
    all_ok = True
    for key, label, unit, target_key in FIGURES:
        cells = []
        for size in sizes:
            ours, base, note, _, base_raw = results[size]
            if key == "page":
                text, ok = page_cell(size, ours)
                all_ok = all_ok and ok
                cells.append(text)
                continue
            missing = "no sample within its budget" if base_raw.get(key) == [] else note
            text, ok = harness.cell(key, unit, target_key, size, ours, base, missing)
            text += harness.peer_text(key, unit, ours, peers.get(size, {}))
            # Opening is informational here: the window opens synchronously on this branch
            # (opening in a worker is another branch's work); bench_query times the reader.
            all_ok = all_ok and (ok or key == "open")
            cells.append(text)
        print(f"| {label} | " + " | ".join(cells) + " |")
    print()
    for size in sizes:
        ours, base, note, raw, base_raw = results[size]
        counts = ", ".join(f"{k} {len(v)}" for k, v in raw.items() if len(v) > 1)
        bcounts = ", ".join(f"{k} {len(v)}" for k, v in base_raw.items() if len(v) > 1)
        print(
            f"{synthetic.size_label(size)}: window samples: {counts}; "
            f"slowest keystroke {max(raw.get('typed', [0])):.1f} ms; Qt samples: {bcounts}"
            + (f"; baseline {note}" if note else "")
        )
    print(
        f"\nNotes: each figure runs from the action to the table viewport's next paint (the "
        f"event loop ran, the table, chart and count updated). The baseline's figures each "
        f"stop after --figure-budget={args.figure_budget:g} s (the median is of the samples "
        f"taken within it; at 1M that is few), and a size's baseline is stopped after "
        f"--baseline-timeout={args.baseline_timeout:g} s. The window folds accents, the stock "
        f"proxy only ignores case. 'start with the CSV' builds the whole window (imports, "
        f"docks, chart) around the CSV on the GUI thread, as `letter-viewer FILE` does; it is "
        f"shown against the open target but does not fail this run: opening a CSV in the "
        f"window (File > Open, on a worker) is bench_open.py's figure. A first sort is the "
        f"first click after opening (the sort keys come with the columns, built during the "
        f"open). The page row alternates 60 repaints of the table's page "
        f"with 60 of a stock QTableView/QStandardItemModel holding the same page (texts, "
        f"fonts, colours, widths, viewport) in the window's process. pandas: "
        + (
            "bench_query's peer (str.contains over the lower-cased name, role and country for "
            "a keystroke, a comparison for a country, sort_values for a first sort, read_csv "
            "for the open), with no window to paint; its ratio is pandas / the window."
            if peers
            else "not installed (pip install '.[bench]', a benchmark-only extra)."
        )
    )
    print("\nall targets met" if all_ok else "\nTARGET MISSED")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
