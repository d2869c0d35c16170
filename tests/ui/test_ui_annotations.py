"""Statuses, saved views and filter undo, used as a user does: context menu, shortcut,
typing, clicks; a restart is a new window on the same XDG folders."""

from __future__ import annotations

import json

from openhelp import LOAD_TIMEOUT_MS, stub_save_dialog
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
)
from uihelp import click_header, shown_names, type_filter
from uihelp import open_window as open_shown

from viewer.ui.annotations.query_history import PAUSE_MS
from viewer.ui.annotations.status_dialog import StatusDialog


def open_window(qtbot):
    """The window, shown and active (the keys a user presses go to the active window)."""
    window = open_shown(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def when_shown(kind, act) -> None:
    """Run act(widget) once a modal widget or popup of kind is up (a dialog's exec blocks)."""

    def poll():
        widget = QApplication.activeModalWidget() or QApplication.activePopupWidget()
        if isinstance(widget, kind) and widget.isVisible():
            act(widget)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def fill_status(qtbot, status: str, note: str, url: str):
    """Answer the status dialog by keyboard: choose status, type note and URL, press Enter."""

    def answer(dialog: StatusDialog):
        combo = dialog.status
        combo.setFocus()
        while combo.currentText().lower() != status:
            qtbot.keyClick(combo, Qt.Key.Key_Down)
        qtbot.keyClicks(dialog.note, note)
        qtbot.keyClicks(dialog.url, url)
        qtbot.keyClick(dialog.url, Qt.Key.Key_Return)

    when_shown(StatusDialog, answer)


def select_rows(qtbot, window, first: int, last: int) -> None:
    table = window.table
    rect = table.visualRect(table.model().index(first, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    rect = table.visualRect(table.model().index(last, 1))
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        rect.center(),
    )


def choose_in_context_menu(qtbot, window, text: str) -> None:
    """Right-click the table and click the entry text."""

    def click(menu: QMenu):
        action = next(a for a in menu.actions() if a.text().replace("&", "") == text)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    when_shown(QMenu, click)
    window.table.customContextMenuRequested.emit(QPoint(10, 10))


def click_picker_row(qtbot, window, facet: str, row: int) -> list[str]:
    """Open a facet's picker, click its row, close it; the rows it listed."""
    picker = window.filter_bar.pickers[facet]
    window.filter_bar.open_picker(facet)
    qtbot.waitUntil(picker.menu().isVisible)
    model = picker.model
    labels = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    rect = picker.list_view.visualRect(model.index(row, 0))
    qtbot.mouseClick(picker.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    picker.menu().close()
    return labels


def status_counts(window) -> dict[str | None, int]:
    return {c.value: c.count for c in window.state.result.facet_counts["status"]}


def test_status_set_from_the_context_menu_survives_a_restart(qtbot, bundled, monkeypatch, tmp_path):
    window = open_window(qtbot)
    window.resize(1400, 900)
    select_rows(qtbot, window, 0, 2)
    chosen = shown_names(window)[:3]
    assert "status" not in window.filter_bar.pickers  # nobody checked yet: no Status picker
    fill_status(qtbot, "confirmed", "On the party's list", "https://example.org/mps")
    choose_in_context_menu(qtbot, window, "Set Status\u2026")
    qtbot.waitUntil(lambda: status_counts(window).get("confirmed") == 3)
    assert window.status_count.text().endswith("\u00b7 3 confirmed")
    assert window.filter_bar.pickers["status"].isVisible()  # the first status brings it
    assert "status" in window.menus.grouping_actions  # and the chart's grouping by status
    window.close()

    again = open_window(qtbot)
    assert status_counts(again) == {"unchecked": len(bundled.signatories) - 3, "confirmed": 3}
    assert again.status_count.text().endswith(
        "158 signatories \u00b7 23 countries \u00b7 3 confirmed"
    )
    # The Status picker lists the counts and filters by them.
    labels = click_picker_row(qtbot, again, "status", 2)
    assert labels[1:] == ["unchecked (155)", "confirmed (3)"]
    assert shown_names(again) == chosen
    assert "confirmed" in again.filter_bar.chips.chip_texts()[-1]
    # The chart groups by status (View > Chart Grouping > By Status).
    again.menus.grouping_actions["status"].trigger()
    assert again.chart.facet == "status"
    # The JSON export carries status, note and URL.
    out = tmp_path / "out.json"
    stub_save_dialog(monkeypatch, out)
    again.exporting.menu.aboutToShow.emit()
    again.exporting.actions["json"].trigger()
    qtbot.waitUntil(lambda: out.exists(), timeout=LOAD_TIMEOUT_MS)
    entries = json.loads(out.read_text(encoding="utf-8"))["signatories"]
    assert [e["name"] for e in entries] == chosen
    first = entries[0]["verification"]
    assert first["status"] == "confirmed"
    assert first["note"] == "On the party's list"
    assert first["url"] == "https://example.org/mps"


def test_ctrl_e_sets_a_status_and_a_bad_url_is_refused(qtbot):
    window = open_window(qtbot)
    select_rows(qtbot, window, 4, 4)
    name = shown_names(window)[4]
    seen = []

    def answer(dialog: StatusDialog):
        dialog.status.setCurrentIndex(2)  # disputed
        qtbot.keyClicks(dialog.url, "not a web address")
        qtbot.keyClick(dialog.url, Qt.Key.Key_Return)
        seen.append(dialog.problem.isVisible())
        dialog.url.clear()
        qtbot.keyClicks(dialog.note, "no answer to our mail")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    when_shown(StatusDialog, answer)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: status_counts(window).get("disputed") == 1)
    assert seen == [True]
    given = window.annotations.verification.given
    assert [(k[1], v.status, v.note) for k, v in given.items()] == [
        (name, "disputed", "no answer to our mail")
    ]


def test_ctrl_z_undoes_a_filter_and_ctrl_shift_z_redoes_it(qtbot):
    window = open_window(qtbot)
    everyone = shown_names(window)
    type_filter(qtbot, window, "lim kit")  # two words: two steps
    qtbot.waitUntil(lambda: len(shown_names(window)) < len(everyone))
    filtered = shown_names(window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.state.query.text == "lim "
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.state.query.text == ""
    assert window.filter_bar.edit.text() == ""
    assert shown_names(window) == everyone
    assert not window.annotations.undo_action.isEnabled()
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.table, Qt.Key.Key_Z, redo)
    qtbot.keyClick(window.table, Qt.Key.Key_Z, redo)
    assert window.filter_bar.edit.text() == "lim kit"
    assert shown_names(window) == filtered


def test_a_pause_in_typing_ends_an_undo_step(qtbot):
    window = open_window(qtbot)
    type_filter(qtbot, window, "li")
    qtbot.wait(PAUSE_MS + 200)  # the user pauses: no condition to wait for but time
    qtbot.keyClicks(window.filter_bar.edit, "m")
    click_header(qtbot, window.table, 1)  # sort by name: a step of its own
    assert window.state.query.sort_column == "name"
    window.table.setFocus()
    steps = []
    for _ in range(3):
        qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        steps.append((window.state.query.text, window.state.query.sort_column))
    assert steps == [("lim", "position"), ("li", "position"), ("", "position")]


def save_view_named(qtbot, window, name: str) -> None:
    def answer(dialog: QInputDialog):
        edit = dialog.findChild(QLineEdit)
        qtbot.keyClicks(edit, name)
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    when_shown(QInputDialog, answer)
    window.annotations.views.menu.aboutToShow.emit()
    window.annotations.views.save_action.trigger()


def test_a_saved_view_restores_filter_sort_and_grouping_after_a_restart(qtbot):
    window = open_window(qtbot)
    window.resize(1400, 900)
    type_filter(qtbot, window, "wong")
    click_picker_row(qtbot, window, "country", 1)  # the most frequent country
    click_header(qtbot, window.table, 1)
    click_header(qtbot, window.table, 1)  # name, descending
    window.chart.set_grouping("role")
    wanted = window.state.query
    names = shown_names(window)
    assert wanted.is_filtered and wanted.descending and names
    save_view_named(qtbot, window, "Wong, by name")
    qtbot.waitUntil(lambda: "Wong, by name" in window.annotations.views.views())
    window.close()

    again = open_window(qtbot)
    again.menus.clear_action.trigger()
    again.chart.set_grouping("country")
    views = again.annotations.views
    views.menu.aboutToShow.emit()
    entry = next(a for a in views.menu.actions() if a.text() == "Wong, by name")
    entry.trigger()
    assert again.state.query == wanted
    assert shown_names(again) == names
    assert again.chart.facet == "role"
    # ... and Ctrl+Z goes back to the view before it.
    again.table.setFocus()
    qtbot.keyClick(again.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not again.state.query.is_filtered
    # Delete takes it off the menu.
    views.delete_menu.actions()[0].trigger()
    views.menu.aboutToShow.emit()
    assert "Wong, by name" not in [a.text() for a in views.menu.actions()]


def test_a_note_on_a_passage_is_listed_kept_and_exported(qtbot, monkeypatch, tmp_path):
    window = open_window(qtbot)
    window.resize(1400, 900)
    view = window.letter_view
    cursor = view.document().find("arrest and detention")
    assert not cursor.isNull()
    rect = view.cursorRect(cursor)  # the end of the found words, on screen
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() - QPoint(4, 0))
    qtbot.waitUntil(lambda: view.textCursor().hasSelection())
    word = view.textCursor().selectedText()
    assert word in "arrest and detention"
    assert window.annotations.notes.add_action.isEnabled()

    def answer(dialog: QInputDialog):
        edit = dialog.findChild(QPlainTextEdit)
        qtbot.keyClicks(edit, "The arrest was on 3 September.")
        ok = next(b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == "OK")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_shown(QInputDialog, answer)
    qtbot.keyClick(
        view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    notes_list = window.annotations.notes.list
    qtbot.waitUntil(lambda: notes_list.count() == 1)
    assert window.annotations.notes.dock.isVisible()
    assert notes_list.item(0).text() == f"\u201c{word}\u201d\nThe arrest was on 3 September."
    window.close()

    again = open_window(qtbot)
    again.resize(1400, 900)
    listed = again.annotations.notes.list
    assert listed.count() == 1 and again.annotations.notes.dock.isVisible()
    # Enter on the note selects its passage in the letter.
    again.letter_view.setTextCursor(QTextCursor(again.letter_view.document()))
    listed.setFocus()
    listed.setCurrentRow(0)
    qtbot.keyClick(listed, Qt.Key.Key_Return)
    assert again.letter_view.textCursor().selectedText() == word
    for fmt in ("json", "md"):
        out = tmp_path / f"out.{fmt}"
        stub_save_dialog(monkeypatch, out)
        again.exporting.menu.aboutToShow.emit()
        again.exporting.actions[fmt].trigger()
        qtbot.waitUntil(out.exists, timeout=LOAD_TIMEOUT_MS)
    notes = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["notes"]
    assert [(n["quote"], n["note"]) for n in notes] == [(word, "The arrest was on 3 September.")]
    markdown = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert f"## Notes\n\n> {word}\n\nThe arrest was on 3 September." in markdown
    # Delete in the list takes the note away.
    qtbot.keyClick(listed, Qt.Key.Key_Delete)
    assert listed.count() == 0
    assert again.annotations.store.notes(again.state.document.source.sha256) == []
