"""An error in a slot or a worker gives one dialog, and the window keeps working."""

import threading

import pytest
from PySide6.QtCore import QThread

from viewer.app import create_main_window
from viewer.ui.dialogs.error_reporter import ErrorReporter, activity


@pytest.fixture
def window_and_reporter(qtbot, tmp_path):
    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    reporter = ErrorReporter(lambda: window, tmp_path / "logs")
    reporter.install()
    yield window, reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.close()


def test_slot_error_then_the_window_still_filters(qtbot, window_and_reporter):
    window, reporter = window_and_reporter

    def broken_view(_result):
        with activity("updating the view"):
            raise RuntimeError("a view failed")

    window.state.changed.connect(broken_view)
    qtbot.keyClicks(window.filter_bar.edit, "ma")
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog.text().startswith("Something went wrong while updating the view.")
    window.state.changed.disconnect(broken_view)
    reporter.dialog.close()

    window.filter_bar.edit.clear()
    qtbot.keyClicks(window.filter_bar.edit, "malaysia")
    qtbot.waitUntil(lambda: window.table.model().rowCount() == 60)
    assert window.status_count.text() == "Showing 60 of 158 signatories \u00b7 1 country"


def test_worker_error_reaches_the_gui_thread_and_window_survives(qtbot, window_and_reporter):
    window, reporter = window_and_reporter

    def work():
        with activity("opening the file"):
            raise OSError("disk vanished")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog.thread() is QThread.currentThread()
    assert "opening the file" in reporter.dialog.text()
    qtbot.keyClicks(window.filter_bar.edit, "rossner")
    qtbot.waitUntil(lambda: window.table.model().rowCount() == 1)
