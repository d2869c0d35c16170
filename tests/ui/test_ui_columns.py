"""Further columns of an opened file (a CSV's affiliation and party) as table columns.

Opened through File > Open with the dialog stubbed; sorted by header clicks; hidden through
the header's context menu; remembered per column set across windows; copied with Ctrl+C's
tab-separated form. Expected orders come from folding.sort_key, the rule written plainly.
"""

from __future__ import annotations

import csv
import io

import pytest
from openhelp import LOAD_TIMEOUT_MS, open_with_dialog
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu
from uihelp import click_header, open_window, shown_column, type_filter

from viewer.app import create_main_window
from viewer.core.folding import fold, sort_key
from viewer.core.query.engine import Query, QueryEngine, extra_sort_column
from viewer.core.storage.settings import WindowState, window_state_file
from viewer.ui.cite.clipboard import TSV_MIME
from viewer.ui.signatories.signatory_model import COLUMN_INDEX, SignatoryModel

HEADER = ["name", "role", "country", "affiliation", "party"]
ROWS = [
    ["Ana Gómez", "Senator", "Spain", "Universidad de Sevilla", "Verdes"],
    ["Ben Okafor", "MP", "Nigeria", "", "labour"],
    ["Chloé Martin", "Députée", "France", "Sciences Po", "Écologistes"],
    ["Dieter Groß", "MdB", "Germany", "TU Berlin", "Bündnis 90"],
    ["Eve Adams", "MP", "United Kingdom", "<b>LSE</b>", "Labour"],
    ["Farid Haddad", "Senator", "Malaysia", "", ""],
    ["Gita Rao", "MP", "India", "IIT Delhi", "aam aadmi"],
]
PARTY, AFFILIATION = 5, 4  # table columns, after #, Name, Role, Country
IN_ROW = {PARTY: 4, AFFILIATION: 3}  # the same fields in ROWS


def _write_csv(folder) -> str:
    path = folder / "extra-columns.csv"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([HEADER, *ROWS])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return str(path)


@pytest.fixture
def csv_path(tmp_path) -> str:
    return _write_csv(tmp_path)


def _headers(table) -> list[str]:
    model = table.model()
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]


def _shown_sections(table) -> list[int]:
    header = table.horizontalHeader()
    return [i for i in range(header.count()) if not header.isSectionHidden(i)]


def _expected_party_order(descending: bool) -> list[str]:
    stated = [r[0] for r in ROWS if r[IN_ROW[PARTY]]]
    stated.sort(
        key=lambda n: sort_key(next(r[IN_ROW[PARTY]] for r in ROWS if r[0] == n)),
        reverse=descending,
    )
    return stated + [r[0] for r in ROWS if not r[IN_ROW[PARTY]]]


def _hide_from_header_menu(qtbot, table, title: str) -> None:
    """Right-click the header and untick a column in the menu that opens."""
    header = table.horizontalHeader()

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text().replace("&", "") == title)
        assert action.isChecked()
        action.trigger()
        menu.close()

    QTimer.singleShot(0, choose)
    header.customContextMenuRequested.emit(QPoint(5, header.height() // 2))


def _open_bundled(qtbot, window) -> None:
    loader = window.opening.loader
    window.opening.bundled_action.trigger()
    qtbot.waitUntil(lambda: not loader.busy, timeout=LOAD_TIMEOUT_MS)


def test_csv_columns_show_filter_sort_hide_and_are_remembered(qtbot, monkeypatch, csv_path):
    window = open_window(qtbot)
    name = COLUMN_INDEX["name"]
    window.table.horizontalHeader().resizeSection(name, 150)  # the 2017 letter's own layout
    assert _headers(window.table) == ["#", "Name", "Role", "Country"]

    open_with_dialog(qtbot, window, monkeypatch, csv_path)
    table = window.table
    assert _headers(table) == ["#", "Name", "Role", "Country", "Affiliation", "Party"]
    assert _shown_sections(table) == [1, 2, 3, AFFILIATION, PARTY]
    assert shown_column(window, PARTY) == [r[IN_ROW[PARTY]] for r in ROWS]
    assert shown_column(window, AFFILIATION) == [
        r[IN_ROW[AFFILIATION]] for r in ROWS
    ]  # "<b>LSE</b>" as text
    view_columns = [a.text().replace("&", "") for a in window.menus.columns_menu.actions()]
    assert view_columns[-2:] == ["Affiliation", "Party"]

    type_filter(qtbot, window, "labour")
    assert shown_column(window, name) == [r[0] for r in ROWS if "labour" in fold(r[IN_ROW[PARTY]])]
    window.filter_bar.edit.clear()

    click_header(qtbot, table, PARTY)
    assert window.state.query.sort_column == extra_sort_column("party")
    assert shown_column(window, name) == _expected_party_order(False)
    assert table.horizontalHeader().sortIndicatorSection() == PARTY
    click_header(qtbot, table, PARTY)
    assert shown_column(window, name) == _expected_party_order(True)
    assert shown_column(window, PARTY)[-1] == ""  # no party: last both ways, an empty cell
    click_header(qtbot, table, PARTY)
    assert shown_column(window, name) == [r[0] for r in ROWS]

    _hide_from_header_menu(qtbot, table, "Affiliation")
    assert table.horizontalHeader().isSectionHidden(AFFILIATION)
    window.close()

    again = open_window(qtbot, csv_path)
    assert _headers(again.table)[-2:] == ["Affiliation", "Party"]
    assert again.table.horizontalHeader().isSectionHidden(AFFILIATION)
    assert not again.table.horizontalHeader().isSectionHidden(PARTY)
    affiliation_action = again.table.column_actions[AFFILIATION]
    assert not affiliation_action.isChecked()

    _open_bundled(qtbot, again)
    assert _headers(again.table) == ["#", "Name", "Role", "Country"]
    assert again.table.horizontalHeader().sectionSize(name) == 150
    assert len(again.table.column_actions) == 4
    assert len(again.menus.columns_menu.actions()) == 4


def test_tab_separated_copy_has_the_shown_further_columns(qtbot, monkeypatch, csv_path):
    window = open_window(qtbot, csv_path)
    table = window.table
    table.setFocus()
    table.selectAll()

    def copied() -> list[list[str]]:
        window.citations.copy_tsv_action.trigger()
        text = QApplication.clipboard().mimeData().data(TSV_MIME).data().decode("utf-8")
        return [line.split("\t") for line in text.split("\n")]

    rows = copied()
    assert rows[0] == ["Name", "Role", "Country", "Affiliation", "Party"]
    assert rows[1 : 1 + len(ROWS)] == ROWS
    table.column_actions[AFFILIATION].setChecked(False)
    rows = copied()
    assert rows[0] == ["Name", "Role", "Country", "Party"]
    assert rows[1 : 1 + len(ROWS)] == [[*r[:3], r[IN_ROW[PARTY]]] for r in ROWS]


def test_tooltip_lists_further_fields_escaped(qtbot, csv_path):
    window = open_window(qtbot, csv_path)
    model = window.table.model()
    tip = model.data(model.index(4, 1), Qt.ItemDataRole.ToolTipRole)
    assert "Affiliation: &lt;b&gt;LSE&lt;/b&gt;" in tip and "Party: Labour" in tip
    assert "<b>LSE</b>" not in tip


def test_saved_sort_by_a_further_column_is_restored_or_falls_back(qtbot, csv_path):
    window_state_file().save(WindowState(sort_column="extra:party", sort_descending=True))
    on_csv = open_window(qtbot, csv_path)
    assert on_csv.state.query.sort_column == "extra:party"
    assert shown_column(on_csv, COLUMN_INDEX["name"]) == _expected_party_order(True)
    on_csv.hide()

    window_state_file().save(WindowState(sort_column="extra:party", sort_descending=True))
    letter = open_window(qtbot)  # the 2017 letter has no party column
    assert (letter.state.query.sort_column, letter.state.query.descending) == ("position", False)
    model = letter.table.model()
    assert [model.signatory(r).position for r in range(3)] == [1, 2, 3]
    assert letter.table.horizontalHeader().sortIndicatorSection() == COLUMN_INDEX["position"]


def test_opening_a_letter_without_the_sorted_column_returns_to_source_order(
    qtbot, monkeypatch, csv_path
):
    window = open_window(qtbot, csv_path)
    click_header(qtbot, window.table, PARTY)
    _open_bundled(qtbot, window)
    assert window.state.query.sort_column == "position"
    assert window.table.model().signatory(0).position == 1


def test_models_with_and_without_further_columns_pass_the_model_tester(
    qtmodeltester, bundled, csv_path
):
    from viewer.core.opening import open_document

    doc = open_document(csv_path)
    engine = QueryEngine(doc)
    keys = engine.columns.extra_keys
    for query in (Query(), Query(text="labour"), Query(sort_column=extra_sort_column("party"))):
        model = SignatoryModel(doc.signatories, engine.run(query), extra_keys=keys)
        assert model.columnCount() == 6
        qtmodeltester.check(model)
    plain = SignatoryModel(bundled.signatories, QueryEngine(bundled).run(Query()))
    assert plain.columnCount() == 4
    qtmodeltester.check(plain)
    # One model switching between the two column sets stays consistent too.
    plain.set_result(engine.run(Query()), doc.signatories, keys)
    assert plain.columnCount() == 6
    qtmodeltester.check(plain)


@pytest.mark.parametrize("size", [(1440, 900), (1366, 768)])
def test_restored_widths_fit_a_narrower_pane(qtbot, size):
    """Widths saved in a wide window do not push Country out of sight in a smaller one."""
    wide = open_window(qtbot)
    wide.resize(2400, 900)
    qtbot.waitUntil(lambda: wide.table.viewport().width() > 1000)
    header = wide.table.horizontalHeader()
    for key, width in (("name", 420), ("role", 560)):
        header.resizeSection(COLUMN_INDEX[key], width)
    wide.close()

    window = create_main_window()  # restores the wide layout; shown at a laptop's size
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    table = window.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    country = COLUMN_INDEX["country"]
    assert header.sectionViewportPosition(country) + 40 < table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    # Proportions are kept: Role stays wider than Name.
    assert header.sectionSize(COLUMN_INDEX["role"]) > header.sectionSize(COLUMN_INDEX["name"])


def test_the_filter_field_names_the_further_columns_it_searches(qtbot, monkeypatch, csv_path):
    window = open_window(qtbot)
    edit = window.filter_bar.edit
    assert edit.placeholderText() == "Filter by name, role or country"
    open_with_dialog(qtbot, window, monkeypatch, csv_path)
    assert edit.placeholderText() == "Filter by name, role, country or affiliation, party"
    assert "affiliation, party" in edit.toolTip()
    window.opening.bundled_action.trigger()
    qtbot.waitUntil(lambda: edit.placeholderText() == "Filter by name, role or country")
