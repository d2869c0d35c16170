"""The Letters dock: letters opened are listed, searched, sorted and opened with a click;
a moved file is said so; the last letter open comes back at the next start."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import letters_2019 as hk
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from uihelp import open_window

from viewer import app as app_module
from viewer.core.library.letters import Library
from viewer.ui.library.letters_model import LettersModel
from viewer.ui.main_window import MainWindow


def open_and_wait(qtbot, window, path: Path) -> None:
    window.opening.open_path(path)
    qtbot.waitUntil(lambda: window.state.document.source.path == str(path), timeout=10_000)


def show_letters(qtbot, window):
    """View > Letters by its shortcut, as a user opens it."""
    qtbot.keyClick(
        window,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dock = window.library.dock
    qtbot.waitUntil(dock.isVisible)
    return dock


def click_row(qtbot, table, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def titles(dock) -> list[str]:
    return [dock.model.entry(r).title for r in range(dock.model.rowCount())]


def test_letters_opened_are_listed_searched_sorted_and_opened_by_a_click(qtbot, tmp_path):
    june14, june23, july = hk.make_letters(tmp_path)
    window = open_window(qtbot)
    for path in (june14, july, june23):
        open_and_wait(qtbot, window, path)
    dock = show_letters(qtbot, window)
    assert window.library.toggle_action in window.menus.view_menu.actions()
    assert window.library.compare_action in window.menus.file_menu.actions()
    qtbot.waitUntil(lambda: dock.model.rowCount() == 3)
    assert titles(dock)[0] == "Second appeal to the Chief Executive"  # last opened first
    dock.sort_box.setCurrentText("Most signatories")
    assert [dock.model.entry(r).count for r in range(3)] == [34, 9, 9]
    dock.sort_box.setCurrentText("Date, oldest first")
    assert [dock.model.entry(r).date for r in range(3)] == [
        "2019-06-14",
        "2019-06-23",
        "2019-07-23",
    ]
    qtbot.mouseClick(dock.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dock.search, "urgent")
    assert titles(dock) == ["Urgent appeal to the Chief Executive"]
    click_row(qtbot, dock.table, 0)
    qtbot.waitUntil(lambda: window.state.document.source.path == str(june14), timeout=10_000)
    assert window.windowTitle().startswith("Urgent appeal to the Chief Executive")


def test_a_letter_whose_file_moved_is_said_so_not_opened(qtbot, tmp_path):
    june14, june23, _july = hk.make_letters(tmp_path)
    window = open_window(qtbot)
    open_and_wait(qtbot, window, june14)
    open_and_wait(qtbot, window, june23)
    june14.rename(tmp_path / "elsewhere.csv")
    dock = show_letters(qtbot, window)
    window.library.refresh()
    row = next(r for r in range(2) if dock.model.entry(r).path == str(june14))
    shown = dock.model.data(dock.model.index(row, 0))
    assert shown == "Urgent appeal to the Chief Executive (moved or deleted)"
    click_row(qtbot, dock.table, row)
    assert "is no longer at" in window.statusBar().currentMessage()
    assert window.state.document.source.path == str(june23)  # nothing else changed


def test_a_changed_file_is_said_so_when_opened_again(qtbot, tmp_path):
    june14, _june23, _july = hk.make_letters(tmp_path)
    window = open_window(qtbot)
    open_and_wait(qtbot, window, june14)
    june14.write_text(
        hk.JUNE_14_CSV + "Emily LAU（劉慧卿）,Former Legislative Councillor\n", "utf-8"
    )
    window.opening.open_path(june14)
    qtbot.waitUntil(lambda: len(window.state.document.signatories) == 10, timeout=10_000)
    qtbot.waitUntil(
        lambda: "has changed since you opened it" in window.statusBar().currentMessage()
    )
    assert sorted(e.count for e in Library().entries()) == [9, 10]  # both kept


def test_ctrl_click_selects_letters_without_opening_them(qtbot, tmp_path):
    june14, june23, _july = hk.make_letters(tmp_path)
    window = open_window(qtbot)
    open_and_wait(qtbot, window, june14)
    open_and_wait(qtbot, window, june23)
    dock = show_letters(qtbot, window)
    qtbot.waitUntil(lambda: dock.model.rowCount() == 2)
    click_row(qtbot, dock.table, 1, Qt.KeyboardModifier.ControlModifier)
    click_row(qtbot, dock.table, 0, Qt.KeyboardModifier.ControlModifier)
    assert len(dock.selected_ids()) == 2
    assert window.state.document.source.path == str(june23)


def test_the_last_letter_open_is_opened_at_the_next_start(qtbot, tmp_path, monkeypatch):
    _june14, june23, _july = hk.make_letters(tmp_path)
    window = open_window(qtbot)
    open_and_wait(qtbot, window, june23)
    window.close()
    assert start_and_read_document_path(qtbot, monkeypatch) == str(june23)
    june23.unlink()  # gone: the start shows the 2017 letter and says why
    path, message = start_and_read_document_path(qtbot, monkeypatch, with_message=True)
    assert path != str(june23) and "is no longer at" in message


def start_and_read_document_path(qtbot, monkeypatch, with_message=False):
    """Run app.main([]) as a start does; read the shown window's letter, then quit."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    app = QApplication.instance()
    seen: list = []
    windows: list = []  # closed once main() has returned: a close inside would quit the app
    before = set(app.topLevelWidgets())  # windows of an earlier start in this test

    def look() -> None:
        shown = [
            w
            for w in app.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and w not in before
        ]
        if not shown:
            QTimer.singleShot(20, look)
            return
        w = shown[0]
        seen.append((w.state.document.source.path, w.statusBar().currentMessage()))
        windows.append(w)
        app.exit(0)

    guard = QTimer(singleShot=True, interval=30_000)
    guard.timeout.connect(lambda: app.exit(99))
    guard.start()
    QTimer.singleShot(0, look)
    try:
        assert app_module.main([]) == 0
    finally:
        guard.stop()
    for w in windows:
        qtbot.addWidget(w)  # pytest-qt closes it at the end of the test
    path, message = seen[0]
    return (path, message) if with_message else path


def test_the_letters_model_passes_the_model_tester(qtmodeltester, tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    from viewer.core.opening import open_document

    for path in hk.make_letters(tmp_path):
        library.record(open_document(path))
    model = LettersModel()
    model.set_entries(library.entries())
    qtmodeltester.check(model)
    model.set_search("appeal")
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    assert model.rowCount() == 2  # the two June letters


def test_a_damaged_library_is_set_aside_and_said_once(qtbot):
    from viewer.core.library.location import library_path

    path = library_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database, whatever it was\n" * 40)
    window = open_window(qtbot)
    qtbot.waitUntil(lambda: "could not be read" in window.statusBar().currentMessage())
    assert "library of letters" in window.statusBar().currentMessage()
    (kept,) = path.parent.glob("library.sqlite3.corrupt-*")
    assert kept.name in window.statusBar().currentMessage()
    window.close()
    again = open_window(qtbot)
    qtbot.waitUntil(lambda: again.library._library is not None)
    assert again.library.library.notice is None  # the new file is good: nothing more to say
