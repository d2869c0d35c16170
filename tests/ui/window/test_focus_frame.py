"""The table's keyboard focus is plain to see: a frame around the current row, 3:1 or more
against the row's backgrounds (WCAG 2.x non-text contrast) in the light and the dark theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from readhelp import contrast, give_focus, theme_settled
from uihelp import open_window

R = QPalette.ColorRole


def _frame_pixels(table) -> list[QColor]:
    """The colours drawn along the top edge of the current row, across the shown cells."""
    image = table.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    top = table.rowViewportPosition(table.currentIndex().row())
    width = min(table.horizontalHeader().length(), table.viewport().width())
    return [image.pixelColor(int(x * ratio), int(top * ratio)) for x in range(4, width - 4, 17)]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_current_row_is_framed_while_the_table_has_the_focus(qtbot, theme):
    window = open_window(qtbot)
    window.reading.theme_actions[theme].trigger()
    theme_settled(qtbot, window)
    table = window.table
    give_focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the current row, selected, away from the header
    assert table.currentIndex().row() >= 1
    palette = table.palette()
    qtbot.waitUntil(lambda: len({c.rgb() for c in _frame_pixels(table)}) == 1)
    frame = _frame_pixels(table)[0]
    for ground in (R.Base, R.AlternateBase, R.Highlight):
        ratio = contrast(frame, palette.color(ground))
        print(theme, ground.name, round(ratio, 2))
        assert ratio >= 3.0, (theme, ground.name, ratio)
    # The frame goes with the focus: the edge is the row's own colour again.
    window.filter_bar.edit.setFocus()
    qtbot.waitUntil(lambda: not table.hasFocus())
    qtbot.waitUntil(lambda: frame.rgb() not in {c.rgb() for c in _frame_pixels(table)})
