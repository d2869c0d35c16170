"""Start-up: process start to the first painted window, the app against a bare Qt script.

Side by side in one run, alternating, N runs each (medians):

- app: ``python bench_startup.py --child app`` runs ``viewer.app.main([])``, which opens the
  bundled letter in the real main window; its first painted frame must show the letter's
  text, every row of its table and the chart's bars (checked after the time is taken,
  against the letter read again by the text importer), or the run fails;
- bare: ``python bench_startup.py --child bare`` imports PySide6 and pyqtgraph and shows an
  empty QMainWindow;
- stock: the same first frame as stock Qt builds it (a QTextEdit, a QStandardItemModel under
  a QTableView and a pyqtgraph BarGraphItem in a dock, the letter from its reading snapshot
  through the json module): what showing that content costs over the bare window at all.

Every child goes through this same file, so the interpreter's start and this script's own
imports cost each the same. The app's child does what main() does before it imports Qt
(viewer.app.prepare_imports): our GUI-free modules first, then PySide6's import hook told
not to read each module's source (the bare and stock children run PySide6 as it ships).
Each child creates the QApplication, watches for the first paint of a QMainWindow, lets
that paint pass finish (a zero timer after it), prints the wall-clock time and exits at
once; the parent takes the time from just before it started the process. Each run gets
fresh, empty settings folders (a first start).
The platform is offscreen by default (``--platform xcb`` under Xvfb or a desktop works too).

    python benchmarks/bench_startup.py             # 7 runs each
    python benchmarks/bench_startup.py --runs 15

Prints the medians, every run, the ratios and the load average, and exits with status 1 if
the app's median is more than 1.1 times the bare script's (issue 15).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 1.1  # issue 15
LABELS = {
    "bare": "bare PySide6 + pyqtgraph, empty QMainWindow",
    "stock": "stock Qt first frame: QTextEdit, QStandardItemModel table, pyqtgraph bars",
    "app": "letter viewer: the bundled letter, its table and chart",
}


def _watch_first_paint(app, check_frame: bool) -> None:
    """Print the time once a QMainWindow has finished its first paint, then exit.

    With check_frame (the app), what that first paint showed is noted as it starts and
    checked against the bundled letter once the time is printed (see _frame_problems): a
    window painted before its letter, table or chart are there does not count.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

    shown: dict[str, object] = {}

    def done() -> None:
        print(f"painted {time.time():.6f}", flush=True)
        if check_frame:
            problems = _frame_problems(shown)
            print("frame " + ("; ".join(problems) if problems else "ok"), flush=True)
        os._exit(0)  # the figure ends here; tearing down is not start-up

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, obj, event):
            if (
                not self.seen
                and event.type() == QEvent.Type.Paint
                and isinstance(obj, QWidget)
                and isinstance(obj.window(), QMainWindow)
            ):
                self.seen = True
                if check_frame:
                    shown.update(_what_is_shown(obj.window()))
                QTimer.singleShot(0, done)  # after the whole paint pass
            return False

    app._first_paint = FirstPaint()
    app.installEventFilter(app._first_paint)


def _what_is_shown(window) -> dict[str, object]:
    """The letter's text, the table's rows and the chart's bars as the first paint starts."""
    from PySide6.QtWidgets import QWidget

    def visible(name: str) -> QWidget | None:
        widget = window.findChild(QWidget, name)
        if widget is None or not widget.isVisible() or widget.width() < 50:
            return None
        return widget

    letter, table, chart = (visible(n) for n in ("letterView", "signatoryTable", "chartPlot"))
    return {
        "letter": letter.toPlainText() if letter is not None else None,
        "rows": table.model().rowCount() if table is not None else None,
        "bars": [(b.label, b.count) for b in getattr(chart, "bars", ())] if chart else None,
        "plot": type(chart).__name__ if chart is not None else None,
    }


def _frame_problems(shown: dict[str, object]) -> list[str]:
    """What the first frame lacked of the bundled letter, read again here by the importer."""
    from collections import Counter

    from viewer.core.bundled import bundled_letter_path
    from viewer.core.opening import open_document

    doc = open_document(bundled_letter_path())  # the text importer, not the start-up's path
    problems = []
    letter = shown["letter"]
    paragraphs = [getattr(b, "text", "") for b in doc.letter.body]
    if not isinstance(letter, str) or not all(p in letter for p in paragraphs if p):
        problems.append("the letter's text was not shown")
    if shown["rows"] != len(doc.signatories):
        problems.append(f"the table showed {shown['rows']} rows, not {len(doc.signatories)}")
    bars = shown["bars"]
    top = Counter(s.country for s in doc.signatories).most_common(1)[0][1]
    if shown["plot"] != "BarChart" or not bars or bars[0][1] != top:  # type: ignore[index]
        problems.append(f"the chart was not drawn ({shown['plot']}, bars {bars})")
    return problems


def child(kind: str) -> None:
    if kind == "app":
        sys.path.insert(0, str(HERE.parent))
        from viewer.app import prepare_imports

        prepare_imports()  # as main() does before it imports Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    _watch_first_paint(app, check_frame=kind == "app")
    if kind == "app":
        sys.path.insert(0, str(HERE.parent))
        from viewer.app import main

        main([])
        return
    import pyqtgraph  # noqa: F401  (the bare script's floor: PySide6 and pyqtgraph)
    from PySide6.QtWidgets import QMainWindow

    window = _stock_window() if kind == "stock" else QMainWindow()
    window.show()
    app.exec()


def _stock_window():
    """The app's first frame as stock Qt builds it: the letter's text in a QTextEdit, its
    signatories in a QStandardItemModel under a QTableView, a pyqtgraph BarGraphItem of the
    signatories per country in a dock. The letter comes from its reading snapshot (the
    app's own start-up path) through the json module, so nothing of ours is imported."""
    import json
    from collections import Counter

    import pyqtgraph as pg
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QTableView, QTextEdit

    path = HERE.parent / "data" / "letter-2017-12-04-kem-sokha.reading.json"
    doc = json.loads(path.read_text(encoding="utf-8"))["document"]
    letter, people = doc["letter"], doc["signatories"]
    paragraphs = [b.get("paragraph") or "\n".join(b.get("items", ())) for b in letter["body"]]
    text = "\n\n".join([*letter["addressee"], letter["salutation"], *paragraphs])
    window = QMainWindow()
    view = QTextEdit(window)
    view.setReadOnly(True)
    view.setPlainText(text)
    model = QStandardItemModel(len(people), 3, window)
    model.setHorizontalHeaderLabels(["Name", "Role", "Country"])
    for row, person in enumerate(people):
        for col, key in enumerate(("name", "role", "country")):
            model.setItem(row, col, QStandardItem(person.get(key, "")))
    table = QTableView(window)
    table.setModel(model)
    table.setSortingEnabled(True)
    splitter = QSplitter(Qt.Orientation.Horizontal, window)
    splitter.addWidget(view)
    splitter.addWidget(table)
    window.setCentralWidget(splitter)
    counts = Counter(p.get("country", "") for p in people).most_common()
    plot = pg.PlotWidget()
    plot.addItem(pg.BarGraphItem(x0=0, y=range(len(counts)), height=0.8,
                                 width=[n for _, n in counts]))  # fmt: skip
    plot.getAxis("left").setTicks([list(enumerate(c for c, _ in counts))])
    dock = QDockWidget("Signatories per country", window)
    dock.setWidget(plot)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(1280, 800)
    return window


def one_run(kind: str, platform: str) -> float:
    """Seconds from starting a child to its first painted window (for the app, a window
    showing the bundled letter, its table and its chart; RuntimeError otherwise)."""
    import harness  # here, not at the top: a child imports nothing before it is timed

    env = harness.with_fresh_settings(dict(os.environ, QT_QPA_PLATFORM=platform))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # see compile_sources()
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind]
    start = time.time()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=HERE.parent)
    lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines() if " " in line)
    if "painted" not in lines:
        raise RuntimeError(f"{kind} did not paint: {proc.stderr[-2000:]}")
    if kind == "app" and lines.get("frame") != "ok":
        raise RuntimeError(f"the app's first frame was incomplete: {lines.get('frame')}")
    return float(lines["painted"]) - start


def compile_sources() -> None:
    """Byte-compile the viewer as an installed app has it (pip and the frozen build do).

    With PYTHONDONTWRITEBYTECODE set (this project's environments set it), every start would
    compile our sources again while PySide6 and pyqtgraph come compiled from their wheels.
    """
    import compileall

    compileall.compile_dir(str(HERE.parent / "viewer"), quiet=1)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each, alternating")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for both")
    parser.add_argument("--child", choices=("app", "bare", "stock"), help=argparse.SUPPRESS)
    parser.add_argument("--sizes", help=argparse.SUPPRESS)  # run_all.py passes it to every bench
    args, _ = parser.parse_known_args(argv)
    if args.child:
        child(args.child)
        return 0
    import harness  # the parent only (see one_run)

    print(f"{harness.machine_line()}; {args.platform}; load average {_load()}")
    compile_sources()
    one_run("bare", args.platform)  # warm the file cache for both
    one_run("app", args.platform)
    one_run("stock", args.platform)
    times: dict[str, list[float]] = {"app": [], "bare": [], "stock": []}
    for _ in range(args.runs):
        for kind in ("bare", "stock", "app"):
            times[kind].append(one_run(kind, args.platform))
    app, bare = (harness.median(times[k]) for k in ("app", "bare"))
    ratio = app / bare
    ok = ratio <= TARGET_RATIO
    print()
    print("| start-up, process start -> first painted window | median | runs |")
    print("| --- | --- | --- |")
    for kind, label in LABELS.items():
        runs = ", ".join(f"{t * 1000:.0f}" for t in times[kind])
        print(f"| {label} | {harness.median(times[kind]) * 1000:.0f} ms | {runs} |")
    mark = "\u2713" if ok else "\u2717"
    print(f"| ratio app / bare | {ratio:.2f}\u00d7 {mark} (\u2264{TARGET_RATIO}) | |")
    stock = harness.median(times["stock"])
    print(f"| ratio stock first frame / bare | {stock / bare:.2f}\u00d7 | |")
    print(f"| ratio app / stock first frame | {app / stock:.2f}\u00d7 | |")
    # Each app run over the bare run just before it: steadier than the medians' ratio while
    # the machine's load drifts (shown, not judged).
    pairs = harness.median([a / b for a, b in zip(times["app"], times["bare"], strict=True)])
    print(f"| (median of the runs' own ratios, each app run over the bare run before it) | "
          f"{pairs:.2f}\u00d7 | |")  # fmt: skip
    print(f"load average at the end {_load()}")
    print("\nstart-up target met" if ok else "\nTARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
