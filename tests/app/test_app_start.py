"""`letter-viewer FILE` with a file that cannot be read: the same answer, small or large.

A small file is read before the window is built; a large one after, in the background with
its progress bar. Either way the user gets the message naming the file and the line, on
stderr and in a dialog, and the app exits with status 2.
"""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from viewer import app as app_module
from viewer.ui.opening import load_progress

BAD_LINE = 4


def _bad_csv(path, rows: int) -> None:
    good = "".join(f"Person {i},MP,Kenya\n" for i in range(rows))
    path.write_text("name,role,country\nAnna Berg,MP,Sweden\nJon Tal,MP,Chad\n,MP,Peru\n" + good)


@pytest.mark.parametrize("large", [False, True], ids=["small", "large"])
def test_a_bad_file_on_the_command_line_is_reported_and_exits_2(
    qtbot, monkeypatch, tmp_path, capsys, large
):
    path = tmp_path / "bad.csv"
    _bad_csv(path, 50)
    if large:  # as a file over 20 MB is: opened after the window is up
        monkeypatch.setattr(load_progress, "LARGE_FILE_BYTES", path.stat().st_size)
    assert load_progress.opens_in_background(path) == large
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    # main() installs the error reporter; put the hooks back afterwards
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    app = QApplication.instance()
    guard = QTimer(singleShot=True, interval=30_000)  # a hang fails instead of blocking
    guard.timeout.connect(lambda: app.exit(99))
    guard.start()
    try:
        status = app_module.main([str(path)])
    finally:
        guard.stop()  # a later exit() would end whatever event loop runs then

    assert status == 2
    where = f"bad.csv, line {BAD_LINE}"
    assert len(shown) == 1 and where in shown[0] and "could not be opened" in shown[0]
    err = capsys.readouterr().err
    assert err.startswith(f"letter-viewer: {where}: ")
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
