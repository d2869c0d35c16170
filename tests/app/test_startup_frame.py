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


PROBE = """
import gc, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
app = QApplication(sys.argv[:1])
seen = []
def later():
    if gc.isenabled() or len(seen) > 200:
        print("at the first paint", seen[0], "then", gc.isenabled(), flush=True)
        os._exit(0)
    seen.append(gc.isenabled())
    QTimer.singleShot(5, later)
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if not seen and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) \\
                and isinstance(obj.window(), QMainWindow):
            seen.append(gc.isenabled())
            QTimer.singleShot(0, later)
        return False
probe = FirstPaint()
app.installEventFilter(probe)
from viewer.app import main
main([])
"""


def test_the_cycle_collector_is_off_until_the_first_paint_and_on_after_it():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert "at the first paint False then True" in proc.stdout, (proc.stdout, proc.stderr)


CORE_FIRST_PROBE = """
import sys
from viewer.app import import_core_first
import_core_first()
first = set(sys.modules)
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from viewer.app import create_main_window
window = create_main_window()
window.show()
app.processEvents()
later = sorted(m for m in set(sys.modules) - first if m.startswith("viewer.core"))
print("imported after Qt:", " ".join(later) or "none")
"""


def test_the_core_that_the_first_frame_uses_is_imported_before_qt():
    """PySide6's import hook reads the source of every module imported after Qt (see
    viewer.app.import_core_first): a GUI-free module the window needs must come before."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", CORE_FIRST_PROBE], cwd=REPO, env=env, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    assert "imported after Qt: none" in proc.stdout, (proc.stdout, proc.stderr[-2000:])
