"""Run every benchmark (benchmarks/bench_*.py) in turn; exit non-zero if any misses a target.

    python benchmarks/run_all.py                  # all sizes
    python benchmarks/run_all.py --sizes 10k      # quick

Arguments are passed on to each benchmark.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name} {' '.join(args)}", flush=True)
        code = subprocess.call([sys.executable, str(script), *args], cwd=HERE.parent)
        if code:
            failed.append(f"{script.name} (status {code})")
    print("\n" + ("failed: " + ", ".join(failed) if failed else "every benchmark met its targets"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
