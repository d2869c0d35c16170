"""Query engine at scale, against the stock Qt baseline measured in the same run.

For each size it opens a synthetic letter's CSV, then times what a user does: typing a word
character by character, pasting a word, choosing a country, sorting by each column (first
time and again), opening the CSV, and the memory it takes. The baseline is what stock Qt
offers: a QSortFilterProxyModel over a QStandardItemModel holding the same rows, filtering
case-insensitively on every column, sorting with sort(column). Each side runs in its own
process (so memory is its own, and a slow baseline can be stopped by a timeout), offscreen.

The peer a user would pick instead, where pandas is installed (pip install '.[bench]'):
read_csv, str.contains over the lower-cased name, role and country, a comparison for a
country, sort_values by each column; in its own process too.

    python benchmarks/bench_query.py                 # 10k, 100k, 1M, 3M
    python benchmarks/bench_query.py --sizes 10k     # quick

Prints a table of medians with the ratios (Qt / engine, pandas / engine), and exits with
status 1 if the engine misses one of its targets (issue 15; here measured at the core,
without the window).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(HERE.parent))
    sys.path.insert(0, str(HERE))

import harness  # noqa: E402  (timing loops, medians, worker processes, tables, options)
import synthetic  # noqa: E402

# Window-level figures shown against their target but not failing this core benchmark: the
# stall depends on the reader's single large calls (see the notes it prints).
INFORMATIONAL = {"stall"}
TYPED = ("garcia", "maria garcia")  # plus the fifth most common country, typed in full
PASTED = ("garcia", "kowalski", "иванов", "müller-", "zz")
COLUMNS = ("name", "role", "country")
# (key, label, unit, target key): the rows of the table, in order
FIGURES = (
    ("typed", "filter keystroke, typed (each char)", "ms", "keystroke"),
    ("typed_sorted", "filter keystroke, typed, table sorted by name", "ms", "keystroke"),
    ("pasted", "filter, pasted word (full search)", "ms", "keystroke"),
    ("country", "choose a country / click a bar", "ms", "country"),
    ("sort_first", "sort, first time (slowest column)", "ms", "sort"),
    ("sort_first_name", "  sort by name, first time", "ms", "sort"),
    ("sort_first_role", "  sort by role, first time", "ms", "sort"),
    ("sort_first_country", "  sort by country, first time", "ms", "sort"),
    ("sort_again", "sort again (slowest column)", "ms", "sort"),
    ("open", "open CSV (parse + columns)", "s", "open"),
    ("stall", "longest main-thread stall while a worker opens", "ms", "stall"),
    ("memory", "resident memory after open", "MB", "memory"),
)


def typed_words(doc) -> list[str]:
    return [*TYPED, ranked_countries(doc)[4].lower()]


def top_countries(doc) -> list[str]:
    """The biggest country, the tenth and the hundredth (as far as there are)."""
    ranked = ranked_countries(doc)
    return [ranked[i] for i in (0, 9, 99) if i < len(ranked)]


def ranked_countries(doc) -> list[str]:
    """The stated countries, most signatories first (ties in order of appearance), counted
    over the document's rows as the CSV has them."""
    import csv
    from collections import Counter

    path = doc.source.path
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        header = [h.strip().lower() for h in next(rows)]
        at = header.index("country")
        counts = Counter(row[at].strip() for row in rows if len(row) > at and row[at].strip())
    return [c for c, _ in counts.most_common()]


# -- the engine -------------------------------------------------------------------------


def engine_worker(csv_path: Path, reps: int) -> None:
    from viewer.core.opening import open_document
    from viewer.core.query.engine import Columns, Query, QueryEngine

    before = harness.rss_mb()
    doc, columns, seconds, stall = open_in_a_thread(csv_path)
    opened = [seconds]
    harness.emit("stall", stall)
    harness.emit("memory", harness.rss_mb())
    harness.emit("memory_before", before)
    harness.emit("engine_bytes", columns.nbytes / 1e6)
    engine = QueryEngine(doc, columns)
    engine.run(Query())

    def typing(sort: str) -> list[float]:
        times = []
        for _ in range(reps):
            for word in typed_words(doc):
                engine.clear_cache()
                engine.run(Query().sorted_by(sort))
                for end in range(1, len(word) + 1):
                    q = Query(text=word[:end]).sorted_by(sort)
                    times.append(harness.timed(lambda q=q: engine.run(q)))
        return times

    harness.emit("typed", typing("position"))
    engine.prepare_sort("name")
    harness.emit("typed_sorted", typing("name"))
    pasted = []
    for _ in range(reps):
        for word in PASTED:
            engine.clear_cache()
            pasted.append(harness.timed(lambda w=word: engine.run(Query(text=w))))
    harness.emit("pasted", pasted)
    chosen = []
    for _ in range(reps):
        for country in top_countries(doc):
            engine.run(Query())
            q = Query(facets={"country": frozenset({country})})
            chosen.append(harness.timed(lambda q=q: engine.run(q)))
    harness.emit("country", chosen)
    _engine_sorts(engine, reps)
    for _ in range(reps - 1):
        del doc, columns, engine
        start = time.perf_counter()
        doc = open_document(csv_path)
        columns = Columns(doc.signatories)
        engine = QueryEngine(doc, columns)
        opened.append(time.perf_counter() - start)
    harness.emit("open", opened)


def open_in_a_thread(csv_path: Path):
    """Open and build columns in a worker thread, as the window does, while this thread
    ticks every millisecond: returns the document, its columns, the seconds it took and
    the longest this thread could not run (ms), which the GIL decides."""
    import threading

    from viewer.core.opening import open_document
    from viewer.core.query.engine import Columns

    built: dict = {}

    def work() -> None:
        built["doc"] = open_document(csv_path)
        built["columns"] = Columns(built["doc"].signatories)

    worker = threading.Thread(target=work)
    start = last = time.perf_counter()
    longest = 0.0
    worker.start()
    while worker.is_alive():
        time.sleep(0.001)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    seconds = time.perf_counter() - start
    return built["doc"], built["columns"], seconds, longest * 1000


def _engine_sorts(engine, reps: int) -> None:
    from viewer.core.query.engine import Query

    first: dict[str, list[float]] = {c: [] for c in COLUMNS}
    again: dict[str, list[float]] = {c: [] for c in COLUMNS}
    for _ in range(reps):
        engine.clear_cache(sorts=True)
        engine.run(Query())
        for column in COLUMNS:
            first[column].append(harness.timed(lambda c=column: engine.run(Query().sorted_by(c))))
        for column in COLUMNS:
            engine.run(Query())
            again[column].append(harness.timed(lambda c=column: engine.run(Query().sorted_by(c))))
    for column in COLUMNS:
        harness.emit(f"sort_first_{column}", first[column])
        harness.emit(f"sort_again_{column}", again[column])


# -- the stock Qt baseline -----------------------------------------------------------------


def stock_proxy(csv_path: Path):
    """What stock Qt offers for the CSV's rows: a QSortFilterProxyModel filtering every column
    case-insensitively over a QStandardItemModel (the baseline of every benchmark here)."""
    import csv

    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    proxy = QSortFilterProxyModel()
    model = QStandardItemModel(0, 3, proxy)  # the proxy owns it: it lives as long as the proxy
    model.setHorizontalHeaderLabels(["Name", "Role", "Country"])
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        for name, role, country in rows:
            model.appendRow([QStandardItem(name), QStandardItem(role), QStandardItem(country)])
    proxy.setSourceModel(model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    return proxy


def baseline_worker(csv_path: Path, reps: int, budget: float) -> None:
    """The stock Qt figures, cheapest first; each figure stops after budget seconds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRegularExpression, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    before = harness.rss_mb()
    start = time.perf_counter()
    proxy = stock_proxy(csv_path)
    harness.emit("open", time.perf_counter() - start)
    harness.emit("memory", harness.rss_mb())
    harness.emit("memory_before", before)
    doc = doc_for_words(csv_path)
    ascending = Qt.SortOrder.AscendingOrder

    def search(text: str) -> None:
        proxy.setFilterFixedString(text)
        proxy.rowCount()

    def choose(country: str) -> None:
        exact = "^" + QRegularExpression.escape(country) + "$"
        proxy.setFilterRegularExpression(QRegularExpression(exact))
        proxy.rowCount()

    def reset() -> None:
        proxy.setFilterKeyColumn(-1)
        proxy.setFilterFixedString("")

    pasted = harness.Budget(budget)
    for _ in range(reps):
        for word in PASTED:
            if pasted.open:
                reset()
                pasted.time(lambda w=word: search(w))
    harness.emit("pasted", pasted.times)
    chosen = harness.Budget(budget)
    for _ in range(reps):
        for country in top_countries(doc):
            if chosen.open:
                reset()
                proxy.setFilterKeyColumn(2)
                chosen.time(lambda c=country: choose(c))
    harness.emit("country", chosen.times)
    for figure, sort_column in (("typed", -1), ("typed_sorted", 0)):
        typed = harness.Budget(budget)
        reset()
        proxy.sort(sort_column, ascending)
        for _ in range(reps):
            for word in typed_words(doc):
                if typed.open:
                    proxy.setFilterFixedString("")
                for end in range(1, len(word) + 1):
                    typed.time(lambda p=word[:end]: search(p))
        harness.emit(figure, typed.times)
    reset()
    for kind in ("sort_first", "sort_again"):
        for column, name in enumerate(COLUMNS):
            proxy.sort(-1)
            harness.emit(f"{kind}_{name}", harness.timed(lambda c=column: proxy.sort(c, ascending)))
    del app


def doc_for_words(csv_path: Path):
    """The rows as a Document, only to pick the same words and countries as the engine."""
    from viewer.core.opening import open_document

    return open_document(csv_path)


# -- the peer: pandas ------------------------------------------------------------------------


def pandas_worker(csv_path: Path, reps: int, budget: float) -> None:
    """What a user would do with pandas: read the CSV, search the name, role and country
    (lower-cased once, as the engine folds once: pandas has no accent folding), choose a
    country, sort_values by each column."""
    import pandas as pd

    del budget
    before = harness.rss_mb()
    start = time.perf_counter()
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    searched = (frame["name"] + "\n" + frame["role"] + "\n" + frame["country"]).str.lower()
    harness.emit("open", time.perf_counter() - start)
    harness.emit("memory", harness.rss_mb())
    harness.emit("memory_before", before)
    doc = doc_for_words(csv_path)

    def search(text: str) -> None:
        frame.index[searched.str.contains(text, regex=False).to_numpy()]

    for figure in ("typed", "typed_sorted"):
        times = []
        for _ in range(reps):
            for word in typed_words(doc):
                for end in range(1, len(word) + 1):
                    times.append(harness.timed(lambda p=word[:end]: search(p)))
        harness.emit(figure, times)
    harness.emit("pasted", [harness.timed(lambda w=w: search(w)) for w in PASTED])
    country = frame["country"]
    chosen = [
        harness.timed(lambda c=c: frame.index[(country == c).to_numpy()])
        for c in top_countries(doc)
    ]
    harness.emit("country", chosen)
    for kind in ("sort_first", "sort_again"):
        for column in COLUMNS:
            harness.emit(f"{kind}_{column}", harness.timed(lambda c=column: frame.sort_values(c)))


# -- the parent: run both sides per size, print the table ----------------------------------


def main(argv: list[str] | None = None) -> int:
    workers: dict[str, harness.Worker] = {
        "engine": lambda path, reps, _budget: engine_worker(path, reps),
        "baseline": baseline_worker,
        "pandas": pandas_worker,
    }
    return harness.benchmark_main(argv, __doc__, workers, 60, run)


def reps_for(size: int, baseline: bool) -> int:
    if size >= 3_000_000:
        return 1 if baseline else 2
    if size >= 1_000_000:
        return 1 if baseline else 3
    if size >= 100_000:
        return 1 if baseline else 5
    return 3 if baseline else 10


def run(args: argparse.Namespace) -> int:
    sides = harness.Sides("engine", "the engine", "stock Qt baseline", reps_for)
    results = harness.run_sizes(args, __file__, sides)
    if results is None:
        return 2
    return report(list(results), results, harness.run_peer(args, __file__))


def report(sizes: list[int], results: dict, peers: dict[int, dict] | None = None) -> int:
    peers = peers or {}
    labels = [synthetic.size_label(s) for s in sizes]
    harness.print_table_head(
        "Core query engine vs stock Qt (QSortFilterProxyModel over QStandardItemModel); medians",
        labels,
    )
    all_ok = True
    for key, label, unit, target_key in FIGURES:
        cells = []
        for size in sizes:
            ours, base, note, *_ = results[size]
            base_raw = results[size][4]
            missing = "no sample within its budget" if base_raw.get(key) == [] else note
            note = missing if key in ours else ""
            text, ok = harness.cell(key, unit, target_key, size, ours, base, note)
            text += harness.peer_text(key, unit, ours, peers.get(size, {}))
            all_ok = all_ok and (ok or target_key in INFORMATIONAL)
            cells.append(text)
        print(f"| {label} | " + " | ".join(cells) + " |")
    print()
    for size in sizes:
        ours, base, note, raw, _ = results[size]
        typed = raw.get("typed", [])
        print(
            f"{synthetic.size_label(size)}: engine's arrays {ours.get('engine_bytes', 0):.0f} MB;"
            f" process before opening {ours.get('memory_before', 0):.0f} MB"
            + (f" (Qt: {base['memory_before']:.0f} MB)" if "memory_before" in base else "")
            + ";"
            f" slowest typed keystroke {max(typed, default=0):.1f} ms;"
            f" sort again by name/role/country "
            + "/".join(harness.fmt(ours.get(f"sort_again_{c}"), "ms") for c in COLUMNS)
            + (f"; baseline {note}" if note else "")
        )
        base_raw = results[size][4]
        if base_raw:
            counts = ", ".join(f"{k} {len(v)}" for k, v in base_raw.items() if len(v) > 1)
            print(f"    Qt baseline samples per figure: {counts}")
    print(
        "\nNotes: the engine folds accents (\u201cgarcia\u201d finds \u201cGarc\u00eda\u201d); "
        "the stock proxy only ignores case. Memory is the resident size of each side's process "
        "(Python, the document or the Qt model, the engine's columns). The baseline runs once "
        "per figure from 100k on, and each of its figures stops after --figure-budget seconds "
        "(its median is then of the samples it took). Targets are issue 15's; this run "
        "measures the core without the window. The stall is how long the main thread could "
        "not run while a worker thread opened the CSV (the GIL): it is shown against the "
        "window's target but does not fail this run. A first sort is the first after opening: "
        "the sort keys are built with the columns (in the open's time), at any size; the "
        "stock proxy and pandas sort from scratch each time. pandas searches lower-cased text "
        "(no accents folded) and its open includes lower-casing the searched columns once."
    )
    print("\nall targets met" if all_ok else "\nTARGET MISSED")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
