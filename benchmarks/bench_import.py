"""How long opening each real letter takes: file -> blocks -> plan -> Document.

Opens each letter of ../shared/external-letters (or the folder given with --letters) the
way File > Open does (viewer.core.opening.open_document: read, decode, read the blocks,
find the signatory part, read its sections) and prints, per letter, the median of --runs
runs (after one warm-up), the fastest run, the median CPU time of the process and the
signatories read. The target of issue
13: the 5,384-entry HTML page opens in under 1 s; the script exits with status 1 if any
letter's median is 1 s or more.

    python benchmarks/bench_import.py [--runs 7] [--letters DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(HERE.parent))

from viewer.core.opening import open_document  # noqa: E402

LETTERS = HERE.parent.parent / "shared" / "external-letters"
TARGET = 1.0  # seconds
SUFFIXES = (".txt", ".md", ".html", ".htm")


def time_open(path: Path, runs: int) -> tuple[float, float, float, int]:
    """(median, fastest, median CPU) seconds to open the file, and the signatories read.

    The CPU time (time.process_time) is this process's own: on a machine busy with other
    work the wall-clock figures grow, it stays near what an idle machine takes.
    """
    count = len(open_document(path).signatories)  # warm-up: imports, caches
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        open_document(path)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), min(times), statistics.median(cpu), count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--letters", type=Path, default=LETTERS)
    args, _others = parser.parse_known_args(argv)  # run_all.py passes on its own options
    files = sorted(
        p for p in args.letters.glob("*") if p.suffix in SUFFIXES and p.stem != "README"
    )  # the folder's README describes the letters; it is none
    if not files:
        print(f"no letters in {args.letters}; nothing measured")
        return 0
    width = max(len(p.name) for p in files)
    print(f"{'letter'.ljust(width)}  {'median':>9}  {'fastest':>9}  {'CPU':>9}  signatories")
    slow = []
    for path in files:
        median, fastest, cpu, count = time_open(path, max(args.runs, 1))
        print(f"{path.name.ljust(width)}  {median * 1000:7.0f} ms  {fastest * 1000:7.0f} ms  "
              f"{cpu * 1000:7.0f} ms  {count:>11,}")  # fmt: skip
        if median >= TARGET:
            slow.append(path.name)
    if slow:
        print(f"missed the {TARGET:.0f} s target: {', '.join(slow)}")
        return 1
    print(f"every letter opened in under {TARGET:.0f} s (median of {args.runs} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
