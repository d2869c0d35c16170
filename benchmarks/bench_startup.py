"""Start-up: process start to the first painted window, the app against a bare Qt script.

Side by side in one run, alternating, N runs each (medians):

- app: ``python bench_startup.py --child app`` runs ``viewer.app.main([])``, which opens the
  bundled letter in the real main window;
- bare: ``python bench_startup.py --child bare`` imports PySide6 and pyqtgraph and shows an
  empty QMainWindow.

Both children go through this same file, so the interpreter's start and this script's own
imports cost both the same. Each child creates the QApplication, watches for the first
paint of a QMainWindow, lets that paint pass finish (a zero timer after it), prints the
wall-clock time and exits at once; the parent takes the time from just before it started
the process. Each run gets fresh, empty settings folders (a first start). The platform is
offscreen by default (``--platform xcb`` under Xvfb or a desktop works too).

    python benchmarks/bench_startup.py             # 7 runs each
    python benchmarks/bench_startup.py --runs 15

Exits with status 1 if the app's median is more than 1.3 times the bare script's (issue 6).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 1.3


def _watch_first_paint(app, wait_for_chart: bool) -> None:
    """Print the time once a QMainWindow has finished its first paint, then exit.

    With wait_for_chart, also the time the chart's plot was built (it comes after the
    first paint), and exit only then.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QWidget

    def chart_built() -> bool:
        for top in app.topLevelWidgets():
            plot = top.findChild(QWidget, "chartPlot")
            if plot is not None and type(plot).__name__ == "BarChart":
                return True
        return False

    def done() -> None:
        print(f"painted {time.time():.6f}", flush=True)
        if wait_for_chart:
            poll()
        else:
            os._exit(0)  # the figure ends here; tearing down is not start-up

    def poll() -> None:
        if chart_built():
            QTimer.singleShot(0, chart_done)  # after the plot's first redraw
        else:
            QTimer.singleShot(1, poll)

    def chart_done() -> None:
        print(f"chart {time.time():.6f}", flush=True)
        os._exit(0)

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
                QTimer.singleShot(0, done)  # after the whole paint pass
            return False

    app._first_paint = FirstPaint()
    app.installEventFilter(app._first_paint)


def child(kind: str) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    _watch_first_paint(app, wait_for_chart=kind == "app")
    if kind == "app":
        sys.path.insert(0, str(HERE.parent))
        from viewer.app import main

        main([])
        return
    import pyqtgraph  # noqa: F401  (the bare script's floor: PySide6 and pyqtgraph)
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    window.show()
    app.exec()


def one_run(kind: str, platform: str) -> tuple[float, float | None]:
    """Seconds from starting a child to its first painted window, and to its chart."""
    import harness  # here, not at the top: a child imports nothing before it is timed

    env = harness.with_fresh_settings(dict(os.environ, QT_QPA_PLATFORM=platform))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # see compile_sources()
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind]
    start = time.time()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=HERE.parent)
    stamps = dict(line.split() for line in proc.stdout.splitlines() if line[:1] in "pc")
    if "painted" in stamps:
        chart = float(stamps["chart"]) - start if "chart" in stamps else None
        return float(stamps["painted"]) - start, chart
    raise RuntimeError(f"{kind} did not paint: {proc.stderr[-2000:]}")


def compile_sources() -> None:
    """Byte-compile the viewer as an installed app has it (pip and the frozen build do).

    With PYTHONDONTWRITEBYTECODE set (this project's environments set it), every start would
    compile our sources again while PySide6 and pyqtgraph come compiled from their wheels.
    """
    import compileall

    compileall.compile_dir(str(HERE.parent / "viewer"), quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each, alternating")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for both")
    parser.add_argument("--child", choices=("app", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--sizes", help=argparse.SUPPRESS)  # run_all.py passes it to every bench
    args, _ = parser.parse_known_args(argv)
    if args.child:
        child(args.child)
        return 0
    import harness  # the parent only (see one_run)

    print(f"{harness.machine_line()}; {args.platform}")
    compile_sources()
    one_run("bare", args.platform)  # warm the file cache for both
    one_run("app", args.platform)
    times: dict[str, list[float]] = {"app": [], "bare": []}
    charts: list[float] = []
    for _ in range(args.runs):
        for kind in ("bare", "app"):
            painted, chart = one_run(kind, args.platform)
            times[kind].append(painted)
            if chart is not None:
                charts.append(chart)
    app, bare = (harness.median(times[k]) for k in ("app", "bare"))
    ratio = app / bare
    ok = ratio <= TARGET_RATIO
    print()
    print("| start-up, process start -> first painted window | median | runs |")
    print("| --- | --- | --- |")
    for kind, label in (("bare", "bare PySide6 + pyqtgraph, empty QMainWindow"), ("app", "")):
        label = label or "letter viewer with the bundled letter"
        runs = ", ".join(f"{t * 1000:.0f}" for t in times[kind])
        print(f"| {label} | {harness.median(times[kind]) * 1000:.0f} ms | {runs} |")
    if charts:
        runs = ", ".join(f"{t * 1000:.0f}" for t in charts)
        later = harness.median(c - p for c, p in zip(charts, times["app"], strict=True))
        print(
            f"| (letter viewer: chart dock's plot drawn, {later * 1000:.0f} ms after the "
            f"first paint) | {harness.median(charts) * 1000:.0f} ms | {runs} |"
        )
    mark = "\u2713" if ok else "\u2717"
    print(f"| ratio app / bare | {ratio:.2f}\u00d7 {mark} (\u2264{TARGET_RATIO}) | |")
    print("\nstart-up target met" if ok else "\nTARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
