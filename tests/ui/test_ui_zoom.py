"""Zoom, the letter's font and line length: per pane, by keyboard and wheel, remembered."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontInfo, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication
from readhelp import give_focus
from uihelp import open_window

from viewer.core.storage.settings import preferences_file
from viewer.ui.common.zoom import ZOOM_STEPS, next_zoom
from viewer.ui.letter.letter_view import (
    DOCUMENT_MARGIN,
    FONT_SCALE,
    NUMBER_GUTTER,
    LetterView,
    ReadingStyle,
)

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def _letter_points(window) -> float:
    return window.letter_view.document().defaultFont().pointSizeF()


def _base_points(window) -> float:
    return QApplication.font(window.letter_view).pointSizeF()


def test_zoom_steps_cover_the_stored_range_and_step_both_ways():
    assert next_zoom(100, +1) == 110 and next_zoom(100, -1) == 90
    assert next_zoom(300, +1) == 300 and next_zoom(50, -1) == 50
    assert next_zoom(104, +1) == 110 and next_zoom(104, -1) == 100  # off-step values snap
    from viewer.core.storage.settings import ZOOM_RANGE

    assert (ZOOM_STEPS[0], ZOOM_STEPS[-1]) == ZOOM_RANGE


def test_ctrl_plus_minus_zero_zoom_the_letter_when_it_has_the_focus(qtbot, window):
    base = _base_points(window) * FONT_SCALE
    table_points = window.table.font().pointSizeF()
    give_focus(qtbot, window.letter_view)
    qtbot.keyClick(window.letter_view, Qt.Key.Key_Plus, CTRL)
    assert _letter_points(window) == pytest.approx(base * 1.10)
    qtbot.keyClick(window.letter_view, Qt.Key.Key_Equal, CTRL)  # Ctrl+= without Shift
    assert _letter_points(window) == pytest.approx(base * 1.25)
    for _ in range(3):
        qtbot.keyClick(window.letter_view, Qt.Key.Key_Minus, CTRL)
    assert _letter_points(window) == pytest.approx(base * 0.90)
    qtbot.keyClick(window.letter_view, Qt.Key.Key_0, CTRL)
    assert _letter_points(window) == pytest.approx(base)
    assert window.table.font().pointSizeF() == table_points  # the table kept its size
    assert "Letter at 100%" in window.statusBar().currentMessage()


def test_the_same_keys_zoom_the_table_when_it_has_the_focus(qtbot, window):
    letter = _letter_points(window)
    base = QApplication.font(window.table).pointSizeF()
    row = window.table.verticalHeader().defaultSectionSize()
    give_focus(qtbot, window.table)
    qtbot.keyClick(window.table, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(window.table, Qt.Key.Key_Plus, CTRL)
    assert window.table.font().pointSizeF() == pytest.approx(base * 1.25)
    assert window.table.verticalHeader().defaultSectionSize() > row
    assert window.table.horizontalHeader().font().pointSizeF() == pytest.approx(base * 1.25)
    # "Not stated" is drawn in the italic of the zoomed font too.
    model = window.table.model()
    row = next(r for r in range(model.rowCount()) if model.signatory(r).role is None)
    italic = model.data(model.index(row, 2), Qt.ItemDataRole.FontRole)
    assert italic.italic() and italic.pointSizeF() == pytest.approx(base * 1.25)
    assert _letter_points(window) == letter
    # Focus in the filter field zooms the table too: it belongs to the signatories pane.
    give_focus(qtbot, window.filter_bar.edit)
    qtbot.keyClick(window.filter_bar.edit, Qt.Key.Key_0, CTRL)
    assert window.table.font().pointSizeF() == pytest.approx(base)


def test_ctrl_wheel_zooms_the_pane_under_the_mouse(qtbot, window):
    letter = _letter_points(window)
    _wheel(window.letter_view.viewport(), +120)
    assert _letter_points(window) > letter
    table = window.table.font().pointSizeF()
    _wheel(window.table.viewport(), -120)
    assert window.table.font().pointSizeF() < table


def _wheel(widget, delta: int) -> None:
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, delta),
        Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_zoom_font_and_width_are_remembered_by_the_next_window(qtbot):
    first = open_window(qtbot)
    give_focus(qtbot, first.letter_view)
    for _ in range(3):
        qtbot.keyClick(first.letter_view, Qt.Key.Key_Plus, CTRL)  # 110, 125, 150
    give_focus(qtbot, first.table)
    qtbot.keyClick(first.table, Qt.Key.Key_Minus, CTRL)  # 90
    first.reading.font_actions["sans"].trigger()
    first.reading.width_action.trigger()
    stored = json.loads(preferences_file().path.read_text("utf-8"))
    assert (stored["letter_zoom"], stored["table_zoom"]) == (150, 90)
    assert (stored["letter_font"], stored["reading_width"]) == ("sans", False)
    first.close()

    second = open_window(qtbot)
    base = _base_points(second)
    assert _letter_points(second) == pytest.approx(base * FONT_SCALE * 1.5)
    table_base = QApplication.font(second.table).pointSizeF()
    assert second.table.font().pointSizeF() == pytest.approx(table_base * 0.9)
    assert second.reading.font_actions["sans"].isChecked()
    assert not second.reading.width_action.isChecked()
    assert second.letter_view.reading_style.font == "sans"


def test_serif_and_sans_are_different_typefaces(qtbot, window):
    window.reading.font_actions["serif"].trigger()
    serif = QFontInfo(window.letter_view.document().defaultFont())
    window.reading.font_actions["sans"].trigger()
    sans = QFontInfo(window.letter_view.document().defaultFont())
    assert serif.family() != sans.family()
    assert sans.family() == QFontInfo(window.letter_view.font()).family()


def _longest_line(view) -> int:
    doc = view.document()
    longest, block = 0, doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            longest = max(longest, layout.lineAt(i).textLength())
        block = block.next()
    return longest


def test_lines_stay_at_a_reading_length_in_a_wide_pane(qtbot, bundled):
    view = LetterView()
    qtbot.addWidget(view)
    view.show_document(bundled)
    view.resize(1800, 700)
    view.show()
    qtbot.waitUntil(lambda: view.viewport().width() > 1700)
    assert view.reading_style.reading_width
    comfortable = _longest_line(view)
    # A comfortable measure: no line longer than 80 characters, none much shorter than 60.
    assert 60 <= comfortable <= 80
    # The column is centred: the same room on both sides.
    fmt = view.document().rootFrame().frameFormat()
    assert fmt.leftMargin() == pytest.approx(fmt.rightMargin()) and fmt.leftMargin() > 200
    view.set_reading_style(ReadingStyle(reading_width=False))
    assert _longest_line(view) > 1.5 * comfortable
    # A narrow pane uses its whole width, less the document margin (on the left, the wider
    # gutter of the paragraph numbers, issue 17).
    view.set_reading_style(ReadingStyle())
    view.resize(400, 700)
    qtbot.waitUntil(lambda: view.viewport().width() < 420)
    fmt = view.document().rootFrame().frameFormat()
    assert (fmt.leftMargin(), fmt.rightMargin()) == (NUMBER_GUTTER, DOCUMENT_MARGIN)


def test_zoom_actions_use_the_standard_keys(window):
    reading = window.reading
    for binding in QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn):
        assert binding in reading.zoom_in_action.shortcuts()
    for binding in QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut):
        assert binding in reading.zoom_out_action.shortcuts()
    assert QKeySequence("Ctrl+0") in reading.zoom_reset_action.shortcuts()
