"""The signatory table: sorting by header clicks, columns, selection, models."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QHeaderView
from uihelp import click_header, matching, open_window, shown_column, type_filter

from viewer.core.query.engine import Query, QueryEngine
from viewer.ui.signatories.facet_picker import FacetListModel
from viewer.ui.signatories.signatory_model import COLUMN_INDEX, SignatoryModel

COUNTRY = COLUMN_INDEX["country"]


def base_letters(text: str) -> str:
    """The rule for ordering: letters compare without case or accents (Ö with O)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def _countries(window) -> list[str | None]:
    model = window.table.model()
    return [model.signatory(r).country for r in range(model.rowCount())]


def test_sorting_by_country_puts_not_stated_last_both_ways(qtbot, window, bundled):
    missing = sum(1 for s in bundled.signatories if s.country is None)
    assert missing == 6
    table = window.table
    click_header(qtbot, table, COUNTRY)
    shown = _countries(window)
    assert shown[-missing:] == [None] * missing
    assert shown[:-missing] == sorted(shown[:-missing], key=base_letters)
    assert shown_column(window, COUNTRY)[-1] == "Not stated"
    assert table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder

    click_header(qtbot, table, COUNTRY)
    shown = _countries(window)
    assert shown[-missing:] == [None] * missing
    assert shown[:-missing] == sorted(shown[:-missing], key=base_letters, reverse=True)
    assert table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_third_click_returns_to_the_letters_order(qtbot, window, bundled):
    for _ in range(3):
        click_header(qtbot, window.table, COLUMN_INDEX["name"])
    model = window.table.model()
    positions = [model.signatory(r).position for r in range(model.rowCount())]
    assert positions == [s.position for s in bundled.signatories]
    assert window.state.query.sort_column == "position"


def test_sorting_by_name_is_accent_aware(qtbot, window, bundled):
    click_header(qtbot, window.table, COLUMN_INDEX["name"])
    names = shown_column(window, COLUMN_INDEX["name"])
    assert names == sorted((s.name for s in bundled.signatories), key=base_letters)


def test_sort_keeps_the_filter(qtbot, window, bundled):
    type_filter(qtbot, window, "germany")
    click_header(qtbot, window.table, COLUMN_INDEX["name"])
    expected = sorted((s.name for s in matching(bundled, "germany")), key=base_letters)
    assert shown_column(window, COLUMN_INDEX["name"]) == expected


def test_not_stated_is_muted_and_italic(window, bundled):
    model = window.table.model()
    row = next(r for r in range(model.rowCount()) if model.signatory(r).country is None)
    cell = model.index(row, COUNTRY)
    assert model.data(cell) == "Not stated"
    muted = model.data(cell, Qt.ItemDataRole.ForegroundRole)
    palette = window.table.palette()
    assert muted != palette.color(QPalette.ColorRole.Text)
    assert muted != palette.color(QPalette.ColorRole.Base)
    assert isinstance(model.data(cell, Qt.ItemDataRole.FontRole), QFont)
    assert model.data(cell, Qt.ItemDataRole.FontRole).italic()
    stated = model.index(0, COLUMN_INDEX["name"])
    assert model.data(stated, Qt.ItemDataRole.ForegroundRole) is None


def test_source_position_column_is_hidden_and_offered_in_the_header_menu(window):
    header = window.table.horizontalHeader()
    assert header.isSectionHidden(COLUMN_INDEX["position"])
    actions = window.table.column_actions
    assert [a.text().replace("&", "") for a in actions] == [
        "Source position (#)",
        "Name",
        "Role",
        "Country",
    ]
    assert [a.isChecked() for a in actions] == [False, True, True, True]
    actions[COLUMN_INDEX["position"]].trigger()
    assert not header.isSectionHidden(COLUMN_INDEX["position"])
    assert window.table.model().data(window.table.model().index(0, 0)) == "1"


def test_the_last_visible_column_cannot_be_hidden(window):
    actions = window.table.column_actions
    for key in ("name", "role", "country"):
        actions[COLUMN_INDEX[key]].setChecked(False)
    header = window.table.horizontalHeader()
    assert sum(not header.isSectionHidden(i) for i in range(header.count())) == 1


def test_ctrl_a_selects_every_shown_row(qtbot, window, bundled):
    type_filter(qtbot, window, "germany")
    qtbot.keyClick(window.filter_bar.edit, Qt.Key.Key_Down)
    qtbot.keyClick(window.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    selected = window.table.selected_signatories()
    assert [s.name for s in selected] == [s.name for s in matching(bundled, "germany")]


def test_rows_are_whole_row_multi_select_with_fixed_heights(window):
    table = window.table
    assert table.selectionBehavior() == table.SelectionBehavior.SelectRows
    assert table.selectionMode() == table.SelectionMode.ExtendedSelection
    assert table.alternatingRowColors()
    assert table.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed


def test_tooltip_holds_the_full_entry_escaped(window):
    model = window.table.model()
    tip = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    s = model.signatory(0)
    assert s.name in tip and s.role in tip and s.country in tip


def test_models_pass_the_model_tester(qtmodeltester, bundled):
    engine = QueryEngine(bundled)
    for query in (Query(), Query(text="germany"), Query(text="xyz"), Query(sort_column="country")):
        model = SignatoryModel(bundled.signatories, engine.run(query))
        qtmodeltester.check(model)
    facet = FacetListModel("country")
    result = engine.run(Query(facets={"country": frozenset({"Germany", None})}))
    facet.set_counts(result.facet_counts["country"], result.query.facet_values("country"))
    qtmodeltester.check(facet)


def test_model_resets_on_each_query_and_reads_rows_lazily(qtbot, window):
    model = window.table.model()
    with qtbot.waitSignal(model.modelReset):
        window.state.set_text("spain")
    assert model.rowCount() == len(window.state.result.rows)


def test_selection_survives_sorting_and_filtering(qtbot, window, bundled):
    type_filter(qtbot, window, "germany")
    qtbot.keyClick(window.filter_bar.edit, Qt.Key.Key_Down)
    qtbot.keyClick(window.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    germans = {s.name for s in matching(bundled, "germany")}
    click_header(qtbot, window.table, COLUMN_INDEX["name"])
    assert {s.name for s in window.table.selected_signatories()} == germans
    window.filter_bar.edit.clear()  # every row shown again; the Germans stay selected
    assert window.table.model().rowCount() == len(bundled.signatories)
    assert {s.name for s in window.table.selected_signatories()} == germans


@pytest.mark.slow
def test_select_all_on_a_big_list_paints_at_once(qtbot):
    """Qt's header asks flags() of every row when a column is selected; we keep it from that."""
    import time

    from PySide6.QtWidgets import QApplication

    from viewer.core.model import Document, Signatory, numbered
    from viewer.ui.common.view_state import ViewState
    from viewer.ui.signatories.signatory_table import SignatoryTable

    people = [Signatory(f"Person {i}", "MP", f"Land {i % 97}") for i in range(200_000)]
    table = SignatoryTable(ViewState(Document(signatories=numbered(people))))
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    start = time.perf_counter()
    table.selectAll()
    QApplication.processEvents()
    rows = table.selected_rows()
    elapsed = time.perf_counter() - start
    assert rows.size == 200_000
    assert elapsed < 1.0  # about 0.01 s; Qt's own path takes several seconds here
