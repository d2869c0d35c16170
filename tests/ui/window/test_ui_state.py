"""The window remembers its layout and view across runs; bad state files never stop it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from uihelp import click_header, open_window, type_filter

from viewer.core.storage.settings import STATE_FILE, state_dir
from viewer.ui.signatories.signatory_model import COLUMN_INDEX


def _close(qtbot, window) -> None:
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_second_window_restores_geometry_docks_sort_and_filter(qtbot):
    first = open_window(qtbot)
    first.resize(700, 520)
    first.move(30, 20)
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.chart_dock)
    country = COLUMN_INDEX["country"]
    click_header(qtbot, first.table, country)
    click_header(qtbot, first.table, country)  # descending
    first.table.column_actions[COLUMN_INDEX["position"]].setChecked(True)
    type_filter(qtbot, first, "malaysia")
    first.chart.set_grouping("role")
    qtbot.waitUntil(lambda: first.size().width() == 700)
    # A width dragged in the pane as it is now (a dragged width is kept as a share of the
    # pane: sized before the dock moved, it would be another number of pixels after), and
    # one this narrow pane can give with the other columns in sight.
    first.table.horizontalHeader().resizeSection(COLUMN_INDEX["name"], 100)
    share = 100 / first.table.viewport().width()
    geometry = first.geometry()
    _close(qtbot, first)
    assert (state_dir() / STATE_FILE).is_file()

    second = open_window(qtbot)
    assert second.size() == geometry.size()
    # Qt's offscreen platform guesses a title bar when restoring: a few pixels of slack.
    moved = second.geometry().topLeft() - geometry.topLeft()
    assert abs(moved.x()) <= 4 and abs(moved.y()) <= 4
    assert second.dockWidgetArea(second.chart_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert second.chart_dock.isVisible()
    assert (second.state.query.sort_column, second.state.query.descending) == ("country", True)
    header = second.table.horizontalHeader()
    assert header.sortIndicatorSection() == country
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert not header.isSectionHidden(COLUMN_INDEX["position"])
    assert second.table.column_actions[COLUMN_INDEX["position"]].isChecked()
    # The same share of the pane (Qt gives a restored left dock a few pixels more or less).
    pane = second.table.viewport().width()
    assert abs(header.sectionSize(COLUMN_INDEX["name"]) / pane - share) < 0.03
    assert header.length() <= pane
    # The filter is back, and visibly so.
    assert second.filter_bar.edit.text() == "malaysia"
    assert second.table.model().rowCount() == 60
    assert "last filter" in second.statusBar().currentMessage()
    assert second.chart.facet == "role"
    _close(qtbot, second)

    # And once more: a hidden dock and a chosen country survive too.
    third = open_window(qtbot)
    third.chart_dock.hide()
    third.state.set_facet("country", frozenset({"Malaysia", None}))
    _close(qtbot, third)
    fourth = open_window(qtbot)
    assert not fourth.chart_dock.isVisible()
    assert fourth.state.query.facet_values("country") == frozenset({"Malaysia", None})
    assert fourth.filter_bar.chips.chip_texts() == ["Malaysia  \u2715", "Not stated  \u2715"]


def test_corrupt_state_file_gives_defaults_keeps_the_file_and_says_so(qtbot):
    path = state_dir() / STATE_FILE
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"schema_version": 1, "geometry": "AAAA", "filter_te')
    window = open_window(qtbot)
    assert window.filter_bar.edit.text() == ""
    assert window.state.query.sort_column == "position"
    kept = list(path.parent.glob(f"{STATE_FILE}.corrupt-*"))
    assert len(kept) == 1
    message = window.statusBar().currentMessage()
    assert "could not be read" in message and kept[0].name in message
    _close(qtbot, window)
    assert path.is_file()  # a fresh, good file replaced it
    again = open_window(qtbot)
    assert again.statusBar().currentMessage() == ""


def test_geometry_from_a_missing_screen_is_brought_back(qtbot):
    from viewer.core.storage.settings import window_state_file
    from viewer.ui.window_layout import to_b64

    probe = open_window(qtbot)
    probe.setGeometry(5000, 4000, 640, 480)  # as if saved on a second monitor now unplugged
    saved = window_state_file().load()[0]
    saved.geometry = to_b64(probe.saveGeometry())
    window_state_file().save(saved)
    probe.hide()
    window = open_window(qtbot)
    screen = window.screen().availableGeometry()
    assert screen.intersects(window.geometry())
    assert screen.contains(window.geometry().center())


def test_restored_filter_drops_countries_the_document_does_not_have(qtbot):
    from viewer.core.storage.settings import WindowState, window_state_file

    window_state_file().save(WindowState(facets={"country": ["Atlantis", "Germany"]}))
    window = open_window(qtbot)
    assert window.state.query.facet_values("country") == frozenset({"Germany"})
