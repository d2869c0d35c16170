"""Accessibility: names and descriptions, the Tab walk, the chart's numbers as text."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget, QWidgetAction
from readhelp import give_focus
from uihelp import focused, open_window

from viewer.ui.common.accessibility import is_control, tab_chain


@pytest.fixture
def window(qtbot):
    window = open_window(qtbot)
    # Everything that can appear: the find bar, chips for a chosen country, the chart's table.
    window.letter_pane.find_bar.open_bar()
    window.state.toggle("country", "Germany")
    window.chart.table_toggle.setChecked(True)
    return window


def _controls(window) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if is_control(w)]


def test_every_control_has_an_accessible_name_and_description(window):
    controls = _controls(window)
    names = {w.objectName() for w in controls}
    for expected in (
        "letterView",
        "findEdit",
        "filterEdit",
        "countryFilter",
        "roleFilter",
        "signatoryTable",
        "chartGrouping",
        "chartTableToggle",
        "chartDataTable",
    ):
        assert expected in names, expected  # fmt: skip
    missing = [
        f"{type(w).__name__} {w.objectName()!r} {w.accessibleName()!r}"
        for w in controls
        if not w.accessibleName().strip() or not w.accessibleDescription().strip()
    ]
    assert not missing, missing


def test_tab_from_the_letter_reaches_every_control_in_reading_order(qtbot, window):
    give_focus(qtbot, window.letter_view)
    visited = [window.letter_view]
    for _ in range(60):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() is window.letter_view and len(visited) > 1:
            break  # round the whole window (the letter's own link takes one Tab first)
        if focused() not in visited:
            visited.append(focused())
    shown = [w for w in _controls(window) if w.isVisible() and w.isEnabled()]
    assert set(shown) <= set(visited), [w.objectName() or type(w).__name__
                                        for w in shown if w not in visited]  # fmt: skip
    chain = [w for w in tab_chain(window) if w.isVisible()]
    assert [w for w in visited if w in chain] == chain
    chips = window.filter_bar.chips
    first_chip = next(w for w in visited if chips.isAncestorOf(w))
    # The chips come after the pickers and before the table, as they sit on screen.
    assert (visited.index(window.filter_bar.role_picker) < visited.index(first_chip)
            < visited.index(window.table))  # fmt: skip


def test_shift_tab_walks_back(qtbot, window):
    give_focus(qtbot, window.filter_bar.edit)
    qtbot.keyClick(window.filter_bar.edit, Qt.Key.Key_Backtab)
    assert focused() is window.letter_pane.find_bar.close_button


def test_the_chart_is_also_text(window, bundled):
    window.state.clear_filters()
    counts = Counter(s.country or "Not stated" for s in bundled.signatories)
    description = window.chart.plot.accessibleDescription()
    assert description.startswith("Signatories per country: ")
    for country, n in counts.items():
        assert f"{country} {n}" in description
    assert window.chart.accessibleDescription() == description


def test_the_charts_table_filters_by_keyboard(qtbot, window):
    window.state.clear_filters()
    table = window.chart.table
    assert table.isVisible() and not window.chart.plot.isVisible()
    rows = [table.topLevelItem(i).text(0) for i in range(table.topLevelItemCount())]
    assert "Malaysia" in rows and "Not stated" in rows
    give_focus(qtbot, table)
    table.setCurrentItem(table.topLevelItem(rows.index("Germany")))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert window.state.query.facet_values("country") == frozenset({"Germany"})
    assert table.currentItem().text(0) == "Germany"  # the row stays current after the redraw
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.state.query.facet_values("country") == frozenset()
    # The toggle itself works from the keyboard.
    give_focus(qtbot, window.chart.table_toggle)
    qtbot.keyClick(window.chart.table_toggle, Qt.Key.Key_Space)
    assert window.chart.plot.isVisible() and not table.isVisible()


def test_every_tool_button_and_toolbar_action_has_a_tooltip(window):
    buttons = [b for b in window.findChildren(QToolButton) if is_control(b)]
    assert buttons  # the find bar's, the chips', the chart's
    assert all(b.toolTip().strip() for b in buttons), [b.text() for b in buttons
                                                      if not b.toolTip().strip()]  # fmt: skip
    toolbar_actions = [a for bar in window.findChildren(QToolBar) for a in bar.actions()]
    assert toolbar_actions  # the Cite button's toolbar
    for action in toolbar_actions:
        # A widget in a toolbar (the Cite button) shows its own tooltip.
        shown = action.defaultWidget() if isinstance(action, QWidgetAction) else action
        assert action.isSeparator() or shown.toolTip().strip(), action.text()
