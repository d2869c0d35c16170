"""`letter-viewer --smoke-test [FILE]`: build the real window, paint it, filter, copy, exit.

It exercises the same code a user starts (window, query, table, clipboard) and prints one
line of timings, so CI and the frozen app can check a whole start in a second or two.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

SMOKE_FILTER = "a"


def run_smoke_test(path: str | Path | None, started: float) -> int:
    """Returns the exit status: 0 when every step worked, 1 with the reason otherwise."""
    try:
        line = _smoke(path, started)
    except Exception as exc:  # the point is to report any failure as one line
        print(f"smoke-test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(line, flush=True)
    return 0


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _smoke(path: str | Path | None, started: float) -> str:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent, QKeySequence
    from PySide6.QtWidgets import QApplication

    from viewer.app import create_main_window

    app = QApplication.instance()
    window = create_main_window(path)
    window.show()
    app.processEvents()
    window.grab()  # one full paint of every part
    painted = time.perf_counter()

    total = window.state.result.total
    t0 = time.perf_counter()
    window.filter_bar.edit.setText(SMOKE_FILTER)
    app.processEvents()
    shown = len(window.state.result)
    if window.table.model().rowCount() != shown:
        raise RuntimeError("the table does not show the filtered rows")
    filtered = time.perf_counter() - t0

    t0 = time.perf_counter()
    window.table.setFocus()
    window.table.selectAll()
    copy = QKeySequence(QKeySequence.StandardKey.Copy)[0]
    QApplication.sendEvent(
        window.table, QKeyEvent(QEvent.Type.KeyPress, copy.key(), copy.keyboardModifiers())
    )
    copied_text = QApplication.clipboard().text()
    if not copied_text.strip():
        raise RuntimeError("copying from the table put nothing on the clipboard")
    copied = time.perf_counter() - t0
    # hide(), not close(): closing saves the layout, and a smoke test must leave the user's
    # saved window (with their last filter) as it was.
    window.hide()
    # Qt's offscreen and minimal platforms crash at exit while the clipboard holds our
    # QMimeData (a real X11 or Wayland clipboard does not); leave it empty there.
    if QApplication.platformName() in ("offscreen", "minimal"):
        QApplication.clipboard().clear()
    del Qt
    return (
        f"smoke-test ok: {window.state.document.title}: {total} signatories; "
        f"first paint {_ms(painted - started)}, filter {_ms(filtered)} ({shown} rows), "
        f"copy {_ms(copied)} ({len(copied_text.splitlines())} lines)"
    )
