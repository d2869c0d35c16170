"""Facets beyond country and role: a CSV's "party" column as a picker, chips and chart grouping.

The CSV is opened through File > Open with the dialog stubbed; the chart is grouped by choosing
"Party" in the dock's combo with the mouse (or by its shortcut), a value is chosen by clicking
its bar; then the filter's chips, the table's rows, the status line and the chart must agree.
Expected rows and counts come from the CSV's own lines.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest
from openhelp import open_with_dialog
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel
from uihelp import open_window, shown_names

from viewer.core.storage.settings import WindowState, window_state_file
from viewer.ui.signatories.facet_picker import FacetListModel

HEADER = ["name", "role", "country", "party", "email"]
ROWS = [
    ["Ana Gómez", "MP", "Spain", "Labour", "ana@example.org"],
    ["Ben Okafor", "MP", "Nigeria", "Green", "ben@example.org"],
    ["Chloé Martin", "Senator", "France", "Labour", "chloe@example.org"],
    ["Dieter Groß", "MP", "Germany", "National", "dieter@example.org"],
    ["Eve Adams", "MP", "United Kingdom", "Labour", "eve@example.org"],
    ["Farid Haddad", "Senator", "Malaysia", "", "farid@example.org"],
    ["Gita Rao", "MP", "India", "Green", "gita@example.org"],
]
PARTY = 3
PARTIES = Counter(r[PARTY] or "Not stated" for r in ROWS)  # Labour 3, Green 2, ...


def _names_of(party: str) -> list[str]:
    return [r[0] for r in ROWS if r[PARTY] == party]


@pytest.fixture
def csv_path(tmp_path) -> str:
    path = tmp_path / "parties.csv"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([HEADER, *ROWS])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return str(path)


@pytest.fixture
def window(qtbot, monkeypatch, csv_path):
    window = open_window(qtbot)
    open_with_dialog(qtbot, window, monkeypatch, csv_path)
    qtbot.waitUntil(lambda: window.table.model().rowCount() == len(ROWS))
    return window


def _choose_grouping(qtbot, window, label: str) -> None:
    """Open the dock's "Group by" list with a click, go down to the entry, press Enter.

    (Qt's popup ignores a click that follows its opening too closely, so the keys choose.)
    """
    combo = window.chart.grouping
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    row = next(i for i in range(combo.count()) if combo.itemText(i) == label)
    key = Qt.Key.Key_Down if row >= combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(row - combo.currentIndex())):
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == label


def _click_bar(qtbot, plot, label: str) -> None:
    """A real mouse click on the middle of the bar, sent to the plot's viewport."""
    index = next(i for i, b in enumerate(plot.bars) if b.label == label)
    pos = plot.mapFromScene(plot.bar_centre(index))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _bars(window) -> dict[str, tuple[int, bool]]:
    return {b.label: (b.count, b.counted) for b in window.chart.plot.bars}


def test_group_the_chart_by_party_and_click_a_bar(qtbot, window):
    chart = window.chart
    texts = [chart.grouping.itemText(i) for i in range(chart.grouping.count())]
    assert texts == ["Country", "Role", "Party"]  # the unique e-mail column is no facet
    _choose_grouping(qtbot, window, "Party")
    assert chart.facet == "extra:party"
    assert window.chart_dock.windowTitle() == "Parties"
    assert window.menus.grouping_actions["extra:party"].isChecked()
    assert _bars(window) == {party: (n, True) for party, n in PARTIES.items()}
    assert window.status_count.text() == "Showing 7 of 7 signatories \u00b7 3 parties"

    _click_bar(qtbot, chart.plot, "Labour")
    # The filter: one chip under "Parties:", the party picker names it.
    assert window.state.query.facet_values("extra:party") == frozenset({"Labour"})
    chips = window.filter_bar.chips
    assert chips.isVisible() and chips.chip_texts() == ["Labour  \u2715"]
    assert window.filter_bar.pickers["extra:party"].text() == "Party: Labour"
    # The table: exactly the Labour rows, in the file's order.
    assert shown_names(window) == _names_of("Labour")
    # The count: three shown, one party among them.
    assert window.status_count.text() == "Showing 3 of 7 signatories \u00b7 1 party"
    # The chart: Labour solid with its three, the others faint outlines with their counts.
    bars = _bars(window)
    assert bars["Labour"] == (3, True)
    assert {label: counted for label, (_n, counted) in bars.items() if label != "Labour"} == {
        "Green": False,
        "National": False,
        "Not stated": False,
    }
    assert sum(n for n, counted in bars.values() if counted) == window.table.model().rowCount()

    _click_bar(qtbot, chart.plot, "Labour")  # again: taken out of the filter
    assert window.state.query.facet_values("extra:party") == frozenset()
    assert chips.hint.isVisible() and chips.chip_texts() == []
    assert len(shown_names(window)) == len(ROWS)
    assert window.status_count.text() == "Showing 7 of 7 signatories \u00b7 3 parties"


def test_party_chip_removes_its_value_and_country_counts_follow(qtbot, window):
    _choose_grouping(qtbot, window, "Party")
    _click_bar(qtbot, window.chart.plot, "Green")
    _choose_grouping(qtbot, window, "Country")
    assert window.chart_dock.windowTitle() == "Countries"
    assert window.status_count.text() == "Showing 2 of 7 signatories \u00b7 2 countries"
    assert {b.label for b in window.chart.plot.bars if b.counted} == {"Nigeria", "India"}
    chip = next(b for b in window.filter_bar.chips.buttons() if b.property("chip"))
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert window.table.model().rowCount() == len(ROWS)
    assert window.status_count.text() == "Showing 7 of 7 signatories \u00b7 7 countries"


def test_ctrl_3_groups_by_the_third_facet(qtbot, window):
    action = window.menus.grouping_actions["extra:party"]
    assert action.shortcut() == QKeySequence("Ctrl+3")
    assert action.text().replace("&", "") == "By Party"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.table, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.chart.facet == "extra:party"
    qtbot.keyClick(window.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.chart.facet == "country"


def test_the_party_picker_lists_counts_and_filters(qtbot, window):
    picker = window.filter_bar.pickers["extra:party"]
    assert picker.text() == "Party: all" and picker.isVisible()
    picker.menu().aboutToShow.emit()  # what opening the menu does first: fill the list
    model = picker.model
    shown = [model.data(model.index(r)) for r in range(model.rowCount())]
    assert shown == ["All parties (7)", "Labour (3)", "Green (2)", "National (1)", "Not stated (1)"]
    view = picker.list_view
    view.setCurrentIndex(model.index(3))  # National
    qtbot.keyClick(view, Qt.Key.Key_Space)  # Space on a row chooses it
    assert shown_names(window) == _names_of("National")
    assert window.filter_bar.chips.chip_texts() == ["National  \u2715"]


def test_the_facet_list_model_of_a_further_facet_passes_the_model_tester(qtmodeltester, window):
    result = window.state.result
    model = FacetListModel("extra:party")
    model.set_counts(result.facet_counts["extra:party"], frozenset({"Labour", None}))
    qtmodeltester.check(model)
    assert model.rowCount() == 5


def test_a_saved_party_filter_and_grouping_come_back_with_the_file(qtbot, csv_path):
    window_state_file().save(
        WindowState(facets={"extra:party": ["Green", "Atlantis"]}, chart_grouping="extra:party")
    )
    window = open_window(qtbot, csv_path)
    assert window.state.query.facet_values("extra:party") == frozenset({"Green"})
    assert window.chart.facet == "extra:party"
    assert shown_names(window) == _names_of("Green")
    assert window.filter_bar.chips.chip_texts() == ["Green  \u2715"]


def test_a_grouping_the_next_letter_lacks_waits_for_one_that_has_it(qtbot, window):
    _choose_grouping(qtbot, window, "Party")
    loader = window.opening.loader
    window.opening.bundled_action.trigger()
    qtbot.waitUntil(lambda: not loader.busy)
    combo = window.chart.grouping
    assert [combo.itemText(i) for i in range(combo.count())] == ["Country", "Role"]
    assert window.chart.facet == "country" and "extra:party" not in window.filter_bar.pickers
    assert window.status_count.text() == "Showing 158 of 158 signatories \u00b7 23 countries"


def test_a_column_name_is_shown_as_written_never_as_markup_or_a_shortcut(
    qtbot, monkeypatch, tmp_path
):
    path = tmp_path / "blocs.csv"
    path.write_text(
        "name,R&D <b>bloc</b>\nAna,Left & Co\nBen,Left & Co\nCleo,Right\nDan,Right\n", "utf-8"
    )
    window = open_window(qtbot)
    open_with_dialog(qtbot, window, monkeypatch, path)
    key = "extra:R&D <b>bloc</b>"
    action = window.menus.grouping_actions[key]
    assert action.text() == "By &R&&D <b>bloc</b>"
    picker = window.filter_bar.pickers[key]
    assert picker.text() == "R&&D <b>bloc</b>: all"
    picker.menu().aboutToShow.emit()
    qtbot.keyClick(picker.list_view, Qt.Key.Key_Down)
    qtbot.keyClick(picker.list_view, Qt.Key.Key_Space)
    assert window.state.query.facet_values(key) == frozenset({"Left & Co"})
    chips = window.filter_bar.chips
    assert chips.chip_texts() == ["Left && Co  \u2715"]
    headings = [w for w in chips.findChildren(QLabel) if w.isVisibleTo(chips)]
    assert [h.text() for h in headings] == ["R&D <b>bloc</b>:"]
    assert all(h.textFormat() == Qt.TextFormat.PlainText for h in headings)


def test_more_facets_than_the_row_holds_wait_under_more_filters(qtbot, monkeypatch, tmp_path):
    columns = ["party", "chamber", "region", "committee"]  # ("state" names a country column)
    lines = ["name," + ",".join(columns)]
    lines += [f"P{i}," + ",".join(f"{c}{i % 2}" for c in columns) for i in range(6)]
    path = tmp_path / "wide.csv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    window = open_window(qtbot)
    open_with_dialog(qtbot, window, monkeypatch, path)
    bar = window.filter_bar
    shown = [k for k, p in bar.pickers.items() if p.isVisible()]
    assert shown == ["country", "role", "extra:party", "extra:chamber"]
    more = bar.more
    assert more.isVisible()
    entries = [a.text() for a in more.menu().actions()]
    assert entries == ["Region\u2026", "Committee\u2026"]
    more.menu().actions()[1].trigger()  # Committee...
    picker = bar.pickers["extra:committee"]
    qtbot.waitUntil(picker.list_view.isVisible)
    assert picker.isVisible()
    assert [a.text() for a in more.menu().actions()] == ["Region\u2026"]
    qtbot.keyClick(picker.list_view, Qt.Key.Key_Down)
    qtbot.keyClick(picker.list_view, Qt.Key.Key_Space)
    picker.menu().hide()
    assert shown_names(window) == ["P0", "P2", "P4"]
    # A value chosen elsewhere (the chart) shows its facet's picker too.
    window.chart.set_grouping("extra:region")
    _click_bar(qtbot, window.chart.plot, "region0")
    assert bar.pickers["extra:region"].isVisible() and not more.isVisible()
    assert shown_names(window) == ["P0", "P2", "P4"]
    assert window.status_count.text() == "Showing 3 of 6 signatories \u00b7 1 region"
    assert bar.chips.chip_texts() == ["region0  \u2715", "committee0  \u2715"]


def test_asking_for_a_grouping_this_letter_lacks_keeps_the_wish(qtbot, monkeypatch, csv_path):
    window = open_window(qtbot)  # the 2017 letter: no party
    window.chart.set_grouping("extra:party")
    assert window.chart.facet == "country" and window.chart.wanted == "extra:party"
    open_with_dialog(qtbot, window, monkeypatch, csv_path)
    assert window.chart.facet == "extra:party"
    assert window.status_count.text() == "Showing 7 of 7 signatories \u00b7 3 parties"
