"""Edit > Names for Citing: the table of names, how each was decided, corrections kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from uihelp import open_window

from viewer.core.cite import cite_letter
from viewer.core.formats.json_document import document_from_json, document_to_json
from viewer.ui.dialogs.names_review import CORRECTED, FAMILY, GIVEN, NamesModel


def test_the_names_model_passes_the_model_tester(qtmodeltester, bundled):
    qtmodeltester.check(NamesModel(bundled))


def test_each_row_says_how_its_name_was_decided(bundled):
    model = NamesModel(bundled)
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    lowenthal, lim = rows["Alan Lowenthal"], rows["Lim Kit Siang"]
    assert model.index(lowenthal, GIVEN).data() == "Alan"
    assert model.index(lowenthal, FAMILY).data() == "Lowenthal"
    assert model.index(lowenthal, 3).data().startswith("Given Family (rule)")
    assert model.index(lim, FAMILY).data() == ""
    assert "names from Malaysia are not Given Family" in model.index(lim, 3).data()
    dr = rows["Dr. Ko Chung Sen"]
    assert "no country stated" in model.index(dr, 3).data()


def test_a_correction_typed_in_the_table_is_cited_and_kept(qtbot, bundled):
    window = open_window(qtbot)
    lim_row = next(i for i, s in enumerate(bundled.signatories) if s.name == "Lim Kit Siang")
    window.citations.names_action.trigger()
    dialog = window.citations.names_dialog
    qtbot.waitExposed(dialog)
    table = dialog.table
    for column, text in ((FAMILY, "Lim"), (GIVEN, "Kit Siang")):
        index = table.model().index(lim_row, column)
        table.scrollTo(index)
        table.setCurrentIndex(index)
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_F2)  # edit the cell, as a user does
        qtbot.waitUntil(lambda: table.viewport().findChild(QLineEdit) is not None)
        editor = table.viewport().findChild(QLineEdit)  # the cell's editor
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.viewport().findChild(QLineEdit) is None)  # committed
        assert table.model().index(lim_row, column).data() == text
    assert table.model().index(lim_row, 3).data() == CORRECTED
    dialog.accept()
    qtbot.waitUntil(lambda: window.citations.names_dialog is None)
    doc = window.state.document
    assert doc.signatories[lim_row].name_parts.family == "Lim"
    one = doc.with_signatories((doc.signatories[lim_row],))
    assert cite_letter(one, "apa", "signatories").startswith("Lim, K. S. (2017")
    back = document_from_json(document_to_json(doc))  # kept in the JSON export
    assert back.signatories[lim_row].name_parts == doc.signatories[lim_row].name_parts
    assert "Corrected 1 name" in window.statusBar().currentMessage()


def test_cancel_changes_nothing(qtbot):
    window = open_window(qtbot)
    before = window.state.document
    window.citations.names_action.trigger()
    dialog = window.citations.names_dialog
    dialog.model.setData(dialog.model.index(0, FAMILY), "Hamid")
    dialog.reject()
    qtbot.waitUntil(lambda: window.citations.names_dialog is None)
    assert window.state.document is before
