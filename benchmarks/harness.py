"""What every benchmark shares: the timing loops, medians, the worker processes, the table
of figures against their targets, and the command line.

A scale benchmark (bench_query.py, bench_window.py, bench_open.py) runs each side (ours and
the stock Qt baseline) in its own worker process of the same script (``--worker KIND``),
which prints its figures as JSON lines (``emit``); the parent runs every size
(``run_sizes``), takes medians (``summarise``) and prints one table (``print_table_head``,
``cell``) whose cells say whether issue 6's target is met.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import synthetic

HERE = Path(__file__).resolve().parent
SORT_COLUMNS = ("name", "role", "country")  # sorts are timed per column; the slowest counts


# Targets per size (issue 15, scale part 2; issue 6's where issue 15 names none): filter
# keystroke until table, chart and count repainted, first sort, choosing a country, the
# longest event-loop gap while opening ("stall") and Cancel until the worker ended, in ms;
# open until painted in s; resident memory of the whole app in MB.
TARGETS = {
    10_000: {"keystroke": 6, "sort": 10, "country": 5, "open": 0.3, "stall": 40, "cancel": 50},
    100_000: {
        "keystroke": 8,
        "sort": 20,
        "country": 15,
        "open": 0.15,
        "stall": 40,
        "cancel": 50,
    },
    1_000_000: {
        "keystroke": 15,
        "sort": 250,
        "country": 50,
        "open": 1.0,
        "stall": 40,
        "cancel": 50,
        "memory": 450,
    },
    3_000_000: {
        "keystroke": 30,
        "sort": 800,
        "country": 150,
        "open": 3.0,
        "stall": 50,
        "cancel": 100,
        "memory": 1300,
    },
}
# At 10k the table's page repaint may take at most this many times a stock
# QStandardItemModel's showing the same page (bench_window).
PAGE_REPAINT_RATIO = 1.5


Worker = Callable[[Path, int, float], None]  # (CSV, repetitions, figure budget)


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(fn: Callable[[], object]) -> float:
    """Milliseconds fn takes."""
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


class Budget:
    """Times calls until a figure's time is up (setting up between calls counts too)."""

    def __init__(self, seconds: float):
        self.deadline = time.perf_counter() + seconds
        self.times: list[float] = []

    @property
    def open(self) -> bool:
        return time.perf_counter() < self.deadline

    def time(self, fn: Callable[[], object]) -> None:
        if self.open:
            self.times.append(timed(fn))


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def emit(figure: str, values: list[float] | float) -> None:
    """One measured figure, to the parent process (one JSON line, flushed at once)."""
    values = values if isinstance(values, list) else [values]
    print(json.dumps({"figure": figure, "values": values}), flush=True)


def run_worker(
    kind: str,
    csv_path: Path,
    reps: int,
    timeout: float,
    budget: float = 60,
    script: str = "",
    fresh_settings: bool = False,
) -> tuple[dict, bool]:
    """Figures from a worker process of script (a benchmark run with --worker kind); True if
    it finished. With fresh_settings the process has empty settings folders (no saved
    layout, and no user settings touched)."""
    cmd = [sys.executable, script, "--worker", kind, "--csv", str(csv_path), "--reps", str(reps)]
    cmd += ["--figure-budget", str(budget)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if fresh_settings:
        env = with_fresh_settings(env)
    figures: dict[str, list[float]] = {}
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=HERE.parent
        )
        out, finished = proc.stdout, proc.returncode == 0
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr[-3000:])
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        finished = False
    for line in out.splitlines():
        if line.startswith("{"):
            item = json.loads(line)
            figures[item["figure"]] = item["values"]
    return figures, finished


def with_fresh_settings(env: dict[str, str]) -> dict[str, str]:
    """env with empty settings folders of its own: no saved layout, no user settings touched."""
    home = tempfile.mkdtemp(prefix="bench-settings-")
    env = dict(env)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = os.path.join(home, var.lower())
    return env


def summarise(raw: dict[str, list[float]]) -> dict[str, float]:
    """Medians per figure, plus the slowest column's sorts."""
    out = {k: median(v) for k, v in raw.items() if v}
    for kind in ("sort_first", "sort_again"):
        cols = [out[f"{kind}_{c}"] for c in SORT_COLUMNS if f"{kind}_{c}" in out]
        if cols:
            out[kind] = max(cols)
    return out


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        if value < 0.01:
            return "<0.01 ms"
        return (
            f"{value:.2f} ms"
            if value < 1
            else f"{value:.1f} ms"
            if value < 100
            else f"{value:,.0f} ms"
        )
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:,.0f} MB"


def cell(key: str, unit: str, target_key: str, size: int, ours: dict, base: dict, note: str):
    value = ours.get(key)
    target = TARGETS.get(size, {}).get(target_key)
    text = fmt(value, unit)
    ok = True
    if value is not None and target is not None:
        ok = value <= target
        text += f" {'✓' if ok else '✗'} (≤{target:g})"
    b = base.get(key)
    if b is not None and value:
        text += f"; Qt {fmt(b, unit)}"
        if unit != "MB":
            ratio = b / max(value, 0.01 if unit == "ms" else 1e-5)
            text += f", {ratio:,.0f}×" if ratio >= 100 else f", {ratio:.1f}×"
    elif note:
        text += f"; Qt {note}"
    return text, ok


def print_table_head(title: str, labels: list[str]) -> None:
    """The title and the header rows of a benchmark's markdown table."""
    print()
    print(title)
    print()
    print("| work | " + " | ".join(labels) + " |")
    print("| --- |" + " --- |" * len(labels))


def machine_line() -> str:
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(
                (ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu
            )
    except OSError:
        pass
    import numpy

    try:
        import PySide6

        qt = f"PySide6 {PySide6.__version__}"
    except ImportError:
        qt = "no PySide6"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"machine: {os.cpu_count()} cores, {cpu}; Python {platform.python_version()}, "
        f"numpy {numpy.__version__}, {qt}; load average at start {load}"
    )


def benchmark_parser(doc: str, workers: tuple[str, ...], budget: float) -> argparse.ArgumentParser:
    """The options every scale benchmark takes."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1M,3M", help="e.g. 10k,100k,1M,3M")
    parser.add_argument("--data", default=str(HERE / ".data"), help="folder for the CSV files")
    parser.add_argument("--no-baseline", action="store_true", help="skip the Qt baseline")
    parser.add_argument(
        "--baseline-timeout", type=float, default=600, help="seconds per size for the baseline"
    )
    parser.add_argument(
        "--figure-budget", type=float, default=budget, help="seconds the baseline spends per figure"
    )
    parser.add_argument("--worker", choices=workers, help=argparse.SUPPRESS)
    parser.add_argument("--csv", help=argparse.SUPPRESS)
    parser.add_argument("--reps", type=int, default=0, help="repetitions (default by size)")
    return parser


def benchmark_main(
    argv: list[str] | None,
    doc: str,
    workers: dict[str, Worker],
    budget: float,
    run_all_sizes: Callable[[argparse.Namespace], int],
) -> int:
    """A scale benchmark's entry point: as a worker process, run one side and emit its
    figures; as the parent, run every size (run_all_sizes) and print the table."""
    args = benchmark_parser(doc, tuple(workers), budget).parse_args(argv)
    if args.worker:
        workers[args.worker](Path(args.csv), max(args.reps, 1), args.figure_budget)
        return 0
    return run_all_sizes(args)


@dataclass(frozen=True)
class Sides:
    """How a benchmark's two sides run: the worker kinds, their names for the progress lines,
    how many repetitions a size gets, and how the raw figures are summarised."""

    ours: str  # the worker kind: "engine", "window"
    ours_name: str  # "the engine", "the window"
    base_name: str  # "stock Qt baseline", "stock Qt window"
    reps_for: Callable[[int, bool], int]  # (size, baseline?) -> repetitions
    summarise: Callable[[dict[str, list[float]]], dict[str, float]] = summarise
    budget: float | None = None  # figure budget passed to both sides (None: --figure-budget)
    fresh_settings: bool = False  # run each side with empty settings folders


SizeResult = tuple[dict, dict, str, dict, dict]  # ours, base (summarised), note, ours, base (raw)


def run_sizes(args: argparse.Namespace, script: str, sides: Sides) -> dict[int, SizeResult] | None:
    """Run both sides at every size of --sizes; None if our side failed."""
    print(machine_line(), flush=True)
    budget = args.figure_budget if sides.budget is None else sides.budget
    results: dict[int, SizeResult] = {}
    for size in synthetic.parse_sizes(args.sizes):
        path = synthetic.csv_for(size, args.data)
        label = synthetic.size_label(size)
        print(f"{label}: {sides.ours_name} ...", flush=True)
        reps = args.reps or sides.reps_for(size, False)
        ours, ok = run_worker(sides.ours, path, reps, 3600, budget, script, sides.fresh_settings)
        if not ok:
            print(f"{label}: {sides.ours_name}'s run failed", file=sys.stderr)
            return None
        base: dict[str, list[float]] = {}
        note = ""
        if not args.no_baseline:
            reps = args.reps or sides.reps_for(size, True)
            print(f"{label}: {sides.base_name} ({reps} run(s) per figure) ...", flush=True)
            base, finished = run_worker(
                "baseline", path, reps, args.baseline_timeout, budget, script,
                sides.fresh_settings,
            )  # fmt: skip
            note = "" if finished else f"stopped after {args.baseline_timeout:g} s"
        results[size] = (sides.summarise(ours), sides.summarise(base), note, ours, base)
    return results


# -- the peer a user would pick instead (pandas), where it is installed -------------------


def have_pandas() -> bool:
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


def run_peer(
    args: argparse.Namespace, script: str, kind: str = "pandas"
) -> dict[int, dict[str, float]]:
    """Medians of the peer's figures per size (a worker process of script, like the other
    sides); empty where pandas is not installed (it is a benchmark-only extra)."""
    if not have_pandas():
        print("pandas is not installed: no peer figures (pip install '.[bench]')", flush=True)
        return {}
    out = {}
    for size in synthetic.parse_sizes(args.sizes):
        path = synthetic.csv_for(size, args.data)
        print(f"{synthetic.size_label(size)}: pandas ...", flush=True)
        figures, ok = run_worker(kind, path, args.reps or 3, args.baseline_timeout, 60, script)
        out[size] = summarise(figures) if ok or figures else {}
    return out


def peer_text(key: str, unit: str, ours: dict, peer: dict) -> str:
    """ "; pandas 0.43 s, 2.1×" (the peer's time over ours), or "" without a figure."""
    value, theirs = ours.get(key), peer.get(key)
    if theirs is None or not value:
        return ""
    text = f"; pandas {fmt(theirs, unit)}"
    if unit != "MB":
        ratio = theirs / max(value, 0.01 if unit == "ms" else 1e-5)
        text += f", {ratio:,.0f}×" if ratio >= 100 else f", {ratio:.1f}×"
    return text
