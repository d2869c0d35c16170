"""Import warnings in the status bar, their details, and Review Import, used as a user would.

Line numbers expected here are found in the files themselves (the line that says "Signed:",
the line of a given name), not copied from what the importer answers.
"""

from __future__ import annotations

import pytest
from conftest import BUNDLED_LETTER, EXTERNAL
from openhelp import LOAD_TIMEOUT_MS, assert_unchanged, open_with_dialog, snapshot
from PySide6.QtCore import Qt
from uihelp import open_window, shown_names

from viewer.core.opening import plan_file, source_lines
from viewer.ui.dialogs.review_rows import ReviewRowsModel

NZ = EXTERNAL / "nz_paul_hopkinson_open_letter_2008-10-30.txt"
UK = EXTERNAL / "uk_feminist_scholars_huang_xueqin_2022.txt"
HK = EXTERNAL / "hk_former_officials_legislators_2019-07-23.txt"

pytestmark = pytest.mark.skipif(not EXTERNAL.is_dir(), reason="no shared external letters")


def line_of(path, predicate) -> int:
    """The 1-based number of the first line of the file that satisfies predicate."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if predicate(line))


def nz_entry_lines() -> list[int]:
    """Lines of the NZ list: from "Signed:" to the footnote, the non-blank ones."""
    lines = NZ.read_text(encoding="utf-8").split("\n")
    start = line_of(NZ, lambda ln: ln.strip() == "Signed:")
    end = line_of(NZ, lambda ln: ln.startswith("\\* educational institutions"))
    return [i for i in range(start + 1, end) if lines[i - 1].strip()]


@pytest.fixture
def window(qtbot, monkeypatch):
    window = open_window(qtbot)
    open_with_dialog(qtbot, window, monkeypatch, NZ)
    return window


def open_review(qtbot, window):
    """File > Review Import; the dialog once it is shown."""
    window.opening.review_action.trigger()
    qtbot.waitUntil(
        lambda: (
            window.opening.review_dialog is not None and window.opening.review_dialog.isVisible()
        ),
        timeout=LOAD_TIMEOUT_MS,
    )
    return window.opening.review_dialog


def table_names(dialog) -> list[str]:
    model = dialog.rows_model
    return [model.data(model.index(r, 2)) for r in range(model.rowCount())]


# -- the notice and its details ----------------------------------------------------------


def test_the_status_bar_says_how_many_things_were_assumed(window):
    warnings = window.state.document.warnings
    notice = window.opening.notice
    assert notice.isVisible()
    expected = f"{len(warnings)} things in this file were read with assumptions \u2014"
    assert notice.label.text() == expected
    assert notice.details_button.text() == "Details\u2026"


def test_details_list_every_assumption_with_its_line(qtbot, window):
    qtbot.mouseClick(window.opening.notice.details_button, Qt.MouseButton.LeftButton)
    dialog = window.opening.notes_dialog
    qtbot.waitUntil(dialog.isVisible)
    expected = [
        f"Line {w.line:,}: {w.message}" if w.line else w.message
        for w in window.state.document.warnings
    ]
    assert dialog.messages() == expected
    signed = line_of(NZ, lambda ln: ln.strip() == "Signed:")
    assert any(m.startswith(f"Line {signed}: ") and "Signed:" in m for m in dialog.messages())
    assert dialog.review_button.isVisible()
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.opening.review_dialog is not None)
    assert not dialog.isVisible()
    window.opening.review_dialog.reject()


def test_html_in_a_warning_is_shown_as_written(qtbot, monkeypatch, tmp_path):
    letter = tmp_path / "tags.txt"
    letter.write_text(
        "Dear Minister,\n\nPlease act.\n\nSigned:\n\nAna Ruiz, Mayor\nBea Soto, Senator\n\n"
        "Press contact <b>Jo</b> at the office, call us now please.\n",
        encoding="utf-8",
    )
    window = open_window(qtbot)
    open_with_dialog(qtbot, window, monkeypatch, letter)
    window.opening.show_import_notes()
    notes = window.opening.notes_dialog.messages()
    assert len(notes) == len(window.state.document.warnings) > 0
    assert any("<b>Jo</b>" in note for note in notes)  # the file's text, quoted as written
    assert window.opening.notice.label.textFormat() == Qt.TextFormat.PlainText


# -- Review Import -----------------------------------------------------------------------------


def test_review_shows_the_boundary_the_end_and_the_rows(qtbot, window):
    dialog = open_review(qtbot, window)
    entries = nz_entry_lines()
    assert dialog.start_spin.value() == line_of(NZ, lambda ln: ln.strip() == "Signed:")
    assert dialog.end_spin.value() == entries[-1]
    assert table_names(dialog) == shown_names(window)
    assert dialog.rows_model.rowCount() == len(entries) == 33
    assert dialog.layout_combo.currentData() is None  # as found
    assert dialog.summary.text().startswith("33 signatories, read as one signatory a line")
    source = dialog.text.toPlainText().split("\n")
    assert source == source_lines(dialog.plan)
    assert len(source) == len(NZ.read_text(encoding="utf-8").split("\n"))
    marks = dialog.text.marks
    assert marks.start == dialog.start_spin.value() and marks.end == entries[-1]
    assert [first for first, _last in marks.rows] == entries


def test_moving_the_start_rereads_the_list_live(qtbot, window):
    dialog = open_review(qtbot, window)
    small = line_of(NZ, lambda ln: ln.startswith("Dr David Small"))
    dialog.start_spin.setValue(small)
    expected = [n for n in nz_entry_lines() if n >= small]
    assert [dialog.rows_model.import_row(r).first_line for r in range(len(expected))] == expected
    assert table_names(dialog)[0] == "Dr David Small"
    assert dialog.rows_model.rowCount() == len(expected)


def test_moving_the_end_and_opening_makes_the_document(qtbot, window):
    before = window.state.document
    dialog = open_review(qtbot, window)
    end = line_of(NZ, lambda ln: ln.startswith("Dr Bryce Edwards"))
    dialog.end_spin.setValue(end)
    expected = [n for n in nz_entry_lines() if n <= end]
    assert dialog.rows_model.rowCount() == len(expected)
    assert table_names(dialog)[-1] == "Dr Bryce Edwards"
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.state.document is not before
    names = shown_names(window)
    assert len(names) == len(expected) and names[-1] == "Dr Bryce Edwards"
    count = len(expected)
    assert window.status_count.text().startswith(f"Showing {count} of {count} signatories")
    assert f"\u2014 {count} signatories" in window.windowTitle()
    # Reviewing again starts from the corrected reading, not the file's first one.
    again = open_review(qtbot, window)
    assert again.end_spin.value() == end
    again.reject()


def test_another_layout_and_reset(qtbot, window):
    dialog = open_review(qtbot, window)
    combo = dialog.layout_combo
    combo.setCurrentIndex(combo.findData("numbered"))
    assert dialog.rows_model.rowCount() == 0  # the NZ entries carry no numbers
    assert not dialog.ok_button.isEnabled()
    assert "No signatories" in dialog.summary.text()
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.rows_model.rowCount() == 33 and dialog.ok_button.isEnabled()
    assert combo.currentData() is None
    assert dialog.plan is dialog.detected


def test_choosing_a_row_shows_its_lines_and_clicking_a_line_its_row(qtbot, window):
    dialog = open_review(qtbot, window)
    row = dialog.rows_model.import_row(5)
    dialog.rows.selectRow(5)
    assert dialog.text.current_line() in (row.first_line, row.last_line)
    other = dialog.rows_model.import_row(9)
    dialog.show_line(other.first_line)
    assert dialog.rows.selectionModel().currentIndex().row() == 9


def test_cancel_keeps_the_document(qtbot, window):
    before = snapshot(window)
    dialog = open_review(qtbot, window)
    dialog.start_spin.setValue(line_of(NZ, lambda ln: ln.startswith("Dr David Small")))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not window.opening.loader.busy
    assert_unchanged(window, before)


def test_review_is_for_text_letters_only(qtbot, monkeypatch, tmp_path):
    sheet = tmp_path / "people.csv"
    sheet.write_text("name\nAna\n", encoding="utf-8")
    window = open_window(qtbot)
    assert window.opening.review_action.isEnabled()  # the 2017 letter is a text file
    open_with_dialog(qtbot, window, monkeypatch, sheet)
    assert not window.opening.review_action.isEnabled()


def test_the_2017_letter_reviews_as_blocks_without_warnings(qtbot, monkeypatch):
    window = open_window(qtbot)
    open_with_dialog(qtbot, window, monkeypatch, BUNDLED_LETTER)
    dialog = open_review(qtbot, window)
    assert dialog.rows_model.rowCount() == 158
    assert dialog.start_spin.value() == line_of(
        BUNDLED_LETTER, lambda ln: ln.strip() == "Yours sincerely,"
    )
    assert dialog.notes.toPlainText() == ""


def test_a_file_changed_since_opening_is_said(qtbot, monkeypatch, tmp_path):
    letter = tmp_path / "letter.txt"
    body = "Dear Minister,\n\nPlease act.\n\nSigned:\n\nAna Ruiz, Mayor\nBea Soto, Senator\n"
    letter.write_text(body, encoding="utf-8")
    window = open_window(qtbot)
    open_with_dialog(qtbot, window, monkeypatch, letter)
    letter.write_text(body + "Carla Diaz, Lecturer\n", encoding="utf-8")
    dialog = open_review(qtbot, window)
    assert dialog.rows_model.rowCount() == 3
    assert any(
        "changed since it was opened" in label.text()
        for label in dialog.findChildren(type(dialog.summary))
    )


def test_the_source_view_offers_start_and_end_at_the_clicked_line(qtbot, window):
    dialog = open_review(qtbot, window)
    view = dialog.text
    small = line_of(NZ, lambda ln: ln.startswith("Dr David Small"))
    view.scroll_to_line(small)
    menu = view.context_menu(view.cursorRect(view.textCursor()).center())
    by_text = {a.text(): a for a in menu.actions()}
    assert f"End the List at Line {small}" in by_text
    by_text[f"Start the List at Line {small}"].trigger()
    assert dialog.start_spin.value() == small
    assert table_names(dialog)[0] == "Dr David Small"


def test_review_rows_model_passes_the_model_tester(qtmodeltester):
    model = ReviewRowsModel()
    model.set_plan(plan_file(UK))
    qtmodeltester.check(model)
    assert model.row_of_line(model.import_row(3).first_line) == 3
    assert model.row_of_line(1) is None


def test_the_summary_names_the_sections_as_plain_text(qtbot, monkeypatch, tmp_path):
    letter = tmp_path / "two.md"
    letter.write_text(
        "Text.\n\nSincerely,\n\n### &lt;b&gt;Organisations&lt;/b&gt;\n\n"
        "- River Watch\n- Lake Trust\n\n"
        "### Individuals\n\n1. Ana Lima\n2. Bo Chen\n",
        encoding="utf-8",
    )
    window = open_window(qtbot)
    open_with_dialog(qtbot, window, monkeypatch, letter)
    dialog = open_review(qtbot, window)
    assert dialog.rows_model.rowCount() == 4
    assert "In 2 sections: <b>Organisations</b>, Individuals." in dialog.summary.text()
    assert dialog.summary.textFormat() == Qt.TextFormat.PlainText


def test_a_list_that_no_longer_matches_the_stated_count_is_warned_of(qtbot, monkeypatch):
    window = open_window(qtbot)
    open_with_dialog(qtbot, window, monkeypatch, HK)
    dialog = open_review(qtbot, window)
    warning = dialog.count_warning
    stated = dialog.plan.stated_count
    assert stated is not None and dialog.rows_model.rowCount() == stated  # as the letter says
    assert not warning.isVisible()
    second = dialog.rows_model.import_row(1).first_line
    dialog.start_spin.setValue(second)  # the first signatory left out
    assert dialog.rows_model.rowCount() == stated - 1
    assert warning.isVisible()
    assert f"The letter says {stated} signatories, but {stated - 1} are read" in warning.text()
    dialog.reset()
    assert not warning.isVisible()
    dialog.reject()


def test_the_legend_is_shown_whole_in_a_narrow_dialog(qtbot, window):
    dialog = open_review(qtbot, window)
    dialog.resize(640, 600)
    legend = dialog.findChild(object, "reviewLegend")
    qtbot.waitUntil(lambda: legend.width() < 400)
    # Every word of the legend within its label: wrapped onto more lines, never cut.
    assert legend.wordWrap()
    qtbot.waitUntil(lambda: legend.height() >= legend.heightForWidth(legend.width()))
    assert legend.width() >= legend.minimumSizeHint().width()
    dialog.reject()
