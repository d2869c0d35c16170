"""The table's cells: what the model shows for a file read as columns, and how they paint.

The model reads a CSV's page of rows straight from its columns (no Signatory per row) and the
table paints through one delegate (cell_delegate.py) instead of Qt's stock one asking seven
roles a cell: both must show exactly what the slow ways showed.
"""

from __future__ import annotations

import csv

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QStyledItemDelegate
from uihelp import open_window

from viewer.core.opening import open_document
from viewer.core.query.engine import Query, QueryEngine
from viewer.core.signatory_table import SignatoryTable
from viewer.ui.common.wording import NOT_STATED_LABEL
from viewer.ui.signatories.cell_delegate import CellDelegate
from viewer.ui.signatories.signatory_model import SignatoryModel

ROWS = [
    ("Ana García", "", "Spain", "Labour", ""),
    ("Bob Jones", "MP", "", "Green", "b@example.org"),
    ("Çelik Ayşe", "Senator", "Türkiye", "", "c@example.org"),
    ("Dora Ölz", "", "", "", ""),
    ("Eve Adams", "MP", "Spain", "Labour", "e@example.org"),
] * 30  # more rows than a block of cells, with gaps between the shown ones


def _letter(tmp_path):
    path = tmp_path / "letter.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "role", "country", "party", "email"])
        writer.writerows(ROWS)
    return open_document(path)


def _expected(model: SignatoryModel, row: int, column: int) -> str:
    value = model.columns[column].value(model.signatory(row))
    if value is not None:
        return value
    return model.columns[column].missing or ""


def test_a_csv_read_as_columns_shows_its_signatories_values(qtmodeltester, tmp_path):
    document = _letter(tmp_path)
    assert isinstance(document.signatories, SignatoryTable)  # the path under test
    engine = QueryEngine(document)
    for query in (Query(), Query(text="a"), Query(text="spain", sort_column="name")):
        result = engine.run(query)
        model = SignatoryModel(document.signatories, result, extra_keys=engine.columns.extra_keys)
        assert model.columnCount() == 6  # #, name, role, country, party, email
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                assert index.data() == _expected(model, row, column), (query, row, column)
                not_stated = index.data() == NOT_STATED_LABEL
                font = index.data(Qt.ItemDataRole.FontRole)
                assert (font is not None and font.italic()) == not_stated
        qtmodeltester.check(model)


def test_the_delegate_paints_the_page_as_qts_own_delegate(qtbot):
    window = open_window(qtbot)
    table = window.table
    window.state.toggle("country", None)  # rows whose country is "Not stated" (italic)
    table.setColumnHidden(0, False)  # "#", right-aligned
    table.selectionModel().select(
        table.model().index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert isinstance(table.itemDelegate(), CellDelegate)
    for _ in range(3):  # the chips, the scroll bar and the widths settle first
        QApplication.processEvents()
    ours = table.viewport().grab().toImage()
    table.setItemDelegate(QStyledItemDelegate(table))
    stock = table.viewport().grab().toImage()
    assert table.model().rowCount() > 1
    assert ours == stock
