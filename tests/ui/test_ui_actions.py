"""The one action helper (viewer.ui.common.actions), the status helper, and the menus built in
one place (viewer.ui.menus.MenuBar), in their order."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow
from uihelp import open_window

from viewer.ui.common.actions import key_sequences, make_action
from viewer.ui.common.status import UNTIL_REPLACED, show_status


def test_an_action_has_its_keys_tip_and_slot(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    calls = []
    action = make_action(
        window, "Find &Next", lambda: calls.append(1), QKeySequence.StandardKey.FindNext,
        "The next match", name="findNext",
    )  # fmt: skip
    # A standard key stands for every binding the platform has for it.
    assert action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.FindNext)
    assert action.toolTip() == action.statusTip() == "The next match"
    assert action.objectName() == "findNext" and not action.isCheckable()
    action.trigger()
    assert calls == [1]
    toggle = make_action(window, "&Wide", None, ["Ctrl+1", "Ctrl+2"], checkable=True)
    assert [k.toString() for k in toggle.shortcuts()] == ["Ctrl+1", "Ctrl+2"]
    toggle.trigger()
    assert toggle.isChecked()


def test_key_sequences_of_nothing_is_nothing():
    assert key_sequences(()) == [] and key_sequences("") == []


def test_a_status_message_stays_until_replaced(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    show_status(window, "Exporting\u2026", UNTIL_REPLACED)
    qtbot.wait(20)
    assert window.statusBar().currentMessage() == "Exporting\u2026"
    show_status(window, "Exported 3 signatories.", 30)
    assert window.statusBar().currentMessage() == "Exported 3 signatories."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=2000)


def _texts(menu) -> list[str]:
    return ["---" if a.isSeparator() else a.text().replace("&", "") for a in menu.actions()]


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def test_the_menus_hold_every_part_s_commands_in_order(window):
    menus = window.menus
    bar = [a.menu() for a in window.menuBar().actions()]
    assert bar == [menus.file_menu, menus.edit_menu, menus.view_menu, menus.help_menu]
    assert _texts(menus.file_menu) == [
        "Open\u2026", "Open Folder\u2026", "Open Recent", "Open the 2017 Letter", "---",
        "Review Import\u2026", "Compare Letters\u2026", "---", "Export", "---", "Print\u2026",
        "Export as PDF\u2026",
        "---", "Quit",
    ]  # fmt: skip
    assert _texts(menus.edit_menu) == [
        "Undo Filter", "Redo Filter", "---",
        "Find in Letter\u2026", "Find Next", "Find Previous", "Filter Signatories",
        "Clear Filters", "---", "Select All", "---", "Copy Signatories", "Copy with Citation",
        "Copy Citation of the Letter", "Citation Style", "Names for Citing\u2026",
        "Include Citation When Copying", "---", "Set Status\u2026", "Add Note to Passage\u2026",
    ]  # fmt: skip
    assert _texts(menus.view_menu) == [
        "Countries Chart", "Letters", "Chart Grouping", "Columns", "---", "Zoom In", "Zoom Out",
        "Normal Size", "---", "Letter Font", "Comfortable Line Length", "Paragraph Numbers",
        "Theme", "---", "Saved Views", "Notes", "---",
        "Reset Layout",
    ]  # fmt: skip
    assert _texts(menus.help_menu) == ["Keyboard Shortcuts", "---", "About Letter Viewer"]


def test_chart_grouping_in_the_menu_follows_the_chart(window):
    menus = window.menus
    menus.grouping_actions["role"].trigger()
    assert window.chart.facet == "role"
    window.chart.set_grouping("country")
    assert menus.grouping_actions["country"].isChecked()
    assert not menus.grouping_actions["role"].isChecked()
