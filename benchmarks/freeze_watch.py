"""Where the window freezes while a file opens: every thread's stack at each freeze.

Opens a file in the real window (offscreen) as File > Open does, several times, with a 2 ms
timer on the GUI thread. Each tick re-arms faulthandler's watchdog, a C thread that needs no
interpreter lock: when a tick is more than --limit seconds late, it writes the Python stack
of every thread at that moment, so the stacks show what held the lock (or the GUI thread)
while the window could not paint. This is how the freezes of issue 15 were found (a buffer
copied while it grew, commits waiting for the disk, numpy sums that cast); bench_open.py
measures the gaps, this script says where they come from.

    python benchmarks/freeze_watch.py benchmarks/.data/synthetic-1M.csv --opens 6
    python benchmarks/freeze_watch.py letter.csv --limit 0.025 --dumps freezes.txt

Prints each open's time and its longest gap, every gap over the limit with its place in
the open, and the stacks (to --dumps, or to standard error). The settings folders are fresh
and temporary, as in the benchmarks.
"""

from __future__ import annotations

import argparse
import faulthandler
import itertools
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(HERE.parent))
    sys.path.insert(0, str(HERE))

import bench_open  # noqa: E402  (the opener, the ticker and the event-loop wait)
import bench_window  # noqa: E402  (settling the window)
import harness  # noqa: E402  (fresh settings folders)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="the file to open")
    parser.add_argument("--opens", type=int, default=4, help="how many times to open it")
    parser.add_argument("--limit", type=float, default=0.04, help="seconds a tick may be late")
    parser.add_argument("--dumps", type=Path, help="file for the stacks (default: stderr)")
    args = parser.parse_args(argv)
    os.environ.update(harness.with_fresh_settings(dict(os.environ, QT_QPA_PLATFORM="offscreen")))
    with open(args.dumps, "w") if args.dumps else sys.stderr as out:
        watch(args.file, args.opens, args.limit, out)
    return 0


def watch(path: Path, opens: int, limit: float, out) -> None:
    from PySide6.QtWidgets import QApplication

    from viewer.app import create_main_window

    app = QApplication.instance() or QApplication([])
    window = create_main_window()  # the bundled letter, as the window starts
    window.resize(1280, 800)
    window.show()
    opener = bench_open.Opener(app, window)
    bench_open.wait_until(app, lambda: opener.watch.count > 0)
    bench_window.settle()
    ticker = opener.ticker

    def tick() -> None:
        ticker.times.append(time.perf_counter())
        faulthandler.dump_traceback_later(limit, file=out)  # re-armed: fires only if late

    ticker.timer.timeout.disconnect()
    ticker.timer.timeout.connect(tick)
    for number in range(opens):
        print(f"=== open {number + 1}", file=out, flush=True)
        seconds, gap = opener.open(path, probe=True)
        faulthandler.cancel_dump_traceback_later()
        print(f"open {number + 1}: {seconds:.2f} s, longest gap {gap:.1f} ms", flush=True)
        start = ticker.times[0]
        for before, after in itertools.pairwise(ticker.times):
            if after - before > limit:
                late = (after - before) * 1000
                print(f"    {late:.1f} ms from {(before - start) * 1000:.0f} ms into the open")
        opener.back_to_the_letter()
    window.close()


if __name__ == "__main__":
    sys.exit(main())
