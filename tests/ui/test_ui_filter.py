"""The filter field, the pickers, the chips and the status line, used as a person would."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolButton
from uihelp import focused, matching, open_window, shown_column, shown_names, type_filter


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def _status(shown: int, total: int, countries: int) -> str:
    one = lambda n, a, b: a if n == 1 else b
    return (
        f"Showing {shown} of {total} {one(total, 'signatory', 'signatories')} \u00b7 "
        f"{countries} {one(countries, 'country', 'countries')}"
    )


def test_typing_malaysia_shows_the_malaysians(qtbot, window, bundled):
    type_filter(qtbot, window, "malaysia")
    expected = matching(bundled, "malaysia")
    assert len(expected) == sum(1 for s in bundled.signatories if s.country == "Malaysia") == 60
    assert window.table.model().rowCount() == len(expected)
    assert set(shown_column(window, 3)) == {"Malaysia"}
    status = window.findChild(object, "statusCount")
    assert status.text() == _status(60, len(bundled.signatories), 1)
    assert status.text() == "Showing 60 of 158 signatories \u00b7 1 country"


def test_accents_and_case_are_ignored(qtbot, window, bundled):
    type_filter(qtbot, window, "rossner")
    assert shown_names(window) == [s.name for s in bundled.signatories if "Rößner" in s.name]
    assert shown_names(window) == ["Tabea Rößner"]


def test_several_words_narrow_together(qtbot, window):
    type_filter(qtbot, window, "senator france")
    assert shown_names(window) == ["André Gattolin"]
    assert window.status_count.text().endswith("\u00b7 1 country")


def test_escape_clears_the_filter(qtbot, window, bundled):
    type_filter(qtbot, window, "germany")
    assert window.table.model().rowCount() == len(matching(bundled, "germany"))
    qtbot.keyClick(window.filter_bar.edit, Qt.Key.Key_Escape)
    assert window.filter_bar.edit.text() == ""
    assert window.table.model().rowCount() == len(bundled.signatories)


def test_no_match_says_so_in_the_table_and_offers_to_clear(qtbot, window, bundled):
    type_filter(qtbot, window, "xyz")
    panel = window.findChild(object, "emptyResult")
    assert window.table.model().rowCount() == 0
    assert panel.isVisible()
    assert "No signatory matches \u201cxyz\u201d" in panel.label.text()
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert window.filter_bar.edit.text() == ""
    assert window.table.model().rowCount() == len(bundled.signatories)
    assert not panel.isVisible()


def test_ctrl_l_focuses_the_filter_with_its_text_selected(qtbot, window):
    type_filter(qtbot, window, "spain")
    window.table.setFocus()
    qtbot.waitUntil(lambda: focused() is window.table)
    qtbot.keyClick(window.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.filter_bar.edit
    assert window.filter_bar.edit.selectedText() == "spain"


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return])
def test_down_or_enter_moves_to_the_first_row(qtbot, window, key):
    type_filter(qtbot, window, "germany")
    qtbot.keyClick(window.filter_bar.edit, key)
    assert focused() is window.table
    assert window.table.currentIndex().row() == 0
    assert len(window.table.selectionModel().selectedRows()) == 1


def _open(qtbot, picker) -> None:
    picker.menu().popup(picker.mapToGlobal(QPoint(0, picker.height())))
    qtbot.waitUntil(picker.list_view.isVisible)


def _pick(qtbot, picker, label: str) -> None:
    """Open the picker's menu and click the row that names label."""
    _open(qtbot, picker)
    model = picker.model
    rows = [
        r for r in range(model.rowCount()) if model.data(model.index(r)).startswith(label + " (")
    ]
    assert rows, f"{label} is not offered"
    rect = picker.list_view.visualRect(model.index(rows[0]))
    qtbot.mouseClick(picker.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_choosing_germany_and_spain_shows_both(qtbot, window, bundled):
    picker = window.findChild(object, "countryFilter")
    _pick(qtbot, picker, "Germany")
    _pick(qtbot, picker, "Spain")
    picker.menu().hide()
    expected = [s.name for s in bundled.signatories if s.country in ("Germany", "Spain")]
    assert len(expected) == 16
    assert sorted(shown_names(window)) == sorted(expected)
    assert window.status_count.text() == _status(16, len(bundled.signatories), 2)
    assert picker.text() == "Countries: 2 chosen"
    chips = window.filter_bar.chips
    assert not chips.hint.isVisible()
    assert [t.split()[0] for t in chips.chip_texts()] == ["Germany", "Spain"]


def test_removing_a_chip_removes_that_country(qtbot, window, bundled):
    window.state.set_facet("country", frozenset({"Germany", "Spain"}))
    chip = next(
        b for b in window.filter_bar.chips.findChildren(QToolButton) if b.text().startswith("Spain")
    )
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert set(shown_column(window, 3)) == {"Germany"}
    qtbot.waitUntil(lambda: window.filter_bar.chips.chip_texts() == ["Germany  \u2715"])


def test_only_the_current_chips_are_on_screen_after_choosing_again_and_again(qtbot, window):
    chips = window.filter_bar.chips
    for country in ("Germany", "Spain", "Italy", "France"):
        window.state.toggle("country", country)
        window.state.toggle("country", country)
    window.state.toggle("country", "Spain")
    # Replaced chips wait for the event loop to be deleted; they must not be seen meanwhile.
    shown = [b.text() for b in chips.findChildren(QToolButton) if b.isVisible()]
    assert shown == ["Spain  \u2715", "Clear all"]


def test_all_row_clears_the_choice(qtbot, window, bundled):
    picker = window.filter_bar.country_picker
    _pick(qtbot, picker, "Germany")
    _pick(qtbot, picker, "All countries")
    picker.menu().hide()
    assert window.table.model().rowCount() == len(bundled.signatories)
    chips = window.filter_bar.chips
    assert chips.chip_texts() == [] and chips.hint.isVisible()


def test_with_nothing_chosen_the_chips_row_says_how_to_choose(window):
    hint = window.filter_bar.chips.hint
    assert hint.isVisible()
    assert "country" in hint.text() and "click a bar" in hint.text()
    window.resize(1280, 800)
    QApplication.processEvents()
    assert hint.shown_text() == hint.text()


def test_a_narrow_pane_shortens_the_hint_and_keeps_its_width(qtbot, window):
    hint = window.filter_bar.chips.hint
    window.resize(1280, 800)
    QApplication.processEvents()
    pane = window.signatories_pane.width()
    window.splitter.setSizes([900, 200])
    QApplication.processEvents()
    assert window.signatories_pane.width() < pane
    assert hint.shown_text().endswith("\u2026") and hint.toolTip() == hint.text()


def test_choosing_a_first_country_changes_the_chips_row_and_leaves_the_table_in_place(
    qtbot, window
):
    """The row keeps its height with nothing chosen: the table neither moves nor shrinks
    when the first chip comes, nor when the last goes (no relayout of the pane)."""
    window.resize(1280, 800)  # a laptop's window: the pickers' new captions fit their row
    QApplication.processEvents()
    table = window.table
    place = table.geometry()
    window.state.toggle("country", "Germany")
    qtbot.waitUntil(lambda: window.filter_bar.chips.chip_texts() == ["Germany  \u2715"])
    assert not window.filter_bar.chips.hint.isVisible()
    assert all(b.isVisible() for b in window.filter_bar.chips.buttons())  # at once, not later
    QApplication.processEvents()
    assert table.geometry() == place
    window.state.toggle("country", "Germany")
    QApplication.processEvents()
    assert window.filter_bar.chips.hint.isVisible()
    assert table.geometry() == place


def test_picker_lists_every_country_with_its_count_and_not_stated(qtbot, window, bundled):
    _open(qtbot, window.filter_bar.country_picker)
    model = window.filter_bar.country_picker.model
    rows = [model.data(model.index(r)) for r in range(model.rowCount())]
    counts = Counter(s.country for s in bundled.signatories)
    assert rows[0] == f"All countries ({len(bundled.signatories)})"
    assert rows[-1] == f"Not stated ({counts[None]})"
    expected = {f"{c} ({n})" for c, n in counts.items() if c is not None}
    assert set(rows[1:-1]) == expected
    assert len(rows) == len(bundled.countries) + 2


def test_role_picker_filters_by_role(qtbot, window, bundled):
    picker = window.findChild(object, "roleFilter")
    _pick(qtbot, picker, "Senator")
    picker.menu().hide()
    assert sorted(shown_names(window)) == sorted(
        s.name for s in bundled.signatories if s.role == "Senator"
    )


def test_picker_keeps_its_list_open_for_several_choices_by_keyboard(qtbot, window):
    picker = window.filter_bar.country_picker
    _open(qtbot, picker)
    view = picker.list_view
    view.setCurrentIndex(picker.model.index(1))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.isVisible()
    assert len(window.state.query.facet_values("country")) == 2
