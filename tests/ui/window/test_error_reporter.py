"""Errors from slots and from worker threads give one plain-words dialog on the GUI thread."""

import threading

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from viewer.core.storage.settings import LOG_NAME
from viewer.ui.dialogs.error_reporter import ErrorReporter, activity


@pytest.fixture
def reporter(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    rep = ErrorReporter(lambda: window, tmp_path / "logs")
    rep.install()
    yield rep
    rep.uninstall()
    if rep.dialog is not None:
        rep.dialog.close()


def _fail_copying():
    with activity("copying"):
        raise RuntimeError("clipboard exploded")


def test_slot_exception_gives_one_dialog_and_a_log(qtbot, reporter, tmp_path):
    QTimer.singleShot(0, _fail_copying)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    box = reporter.dialog
    assert box.text() == "Something went wrong while copying. Your document is unchanged."
    assert "Traceback" not in box.text() and "RuntimeError" in box.detailedText()
    assert box.thread() is QApplication.instance().thread()
    log = (tmp_path / "logs" / LOG_NAME).read_text("utf-8")
    assert "clipboard exploded" in log and "while copying" in log


def test_repeated_errors_do_not_stack_dialogs(qtbot, reporter):
    for _ in range(3):
        QTimer.singleShot(0, _fail_copying)
    qtbot.waitUntil(
        lambda: reporter.dialog is not None and "3 times" in reporter.dialog.informativeText()
    )
    boxes = [w for w in QApplication.topLevelWidgets() if w is reporter.dialog]
    assert len(boxes) == 1
    visible_boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if type(w).__name__ == "QMessageBox" and w.isVisible()
    ]
    assert len(visible_boxes) <= 1


def test_worker_thread_error_reaches_the_gui_thread(qtbot, reporter):
    def work():
        with activity("opening the file"):
            raise ValueError("bad row")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog.thread() is QThread.currentThread()
    assert "while opening the file" in reporter.dialog.text()


def test_unwritable_log_folder_still_shows_the_dialog(qtbot, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    window = QMainWindow()
    qtbot.addWidget(window)
    rep = ErrorReporter(lambda: window, blocker / "logs")
    rep.report(RuntimeError("boom"))
    qtbot.waitUntil(lambda: rep.dialog is not None and rep.dialog.isVisible())
    assert rep.dialog.text() == "Something went wrong. Your document is unchanged."
    rep.dialog.close()
