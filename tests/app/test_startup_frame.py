"""The app's first painted frame, in a fresh process as benchmarks/bench_startup.py times it:
the bundled letter's text, every row of its table and the chart's bars are all in it."""

import os
import subprocess
import sys

from conftest import REPO


def test_the_first_painted_frame_shows_the_letter_its_table_and_its_chart():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "bench_startup.py"), "--child", "app"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines() if " " in line)
    assert "painted" in lines, proc.stderr
    assert lines.get("frame") == "ok", lines
