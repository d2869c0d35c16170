"""The letter pane: laid out as a letter, plain text only, the "Signed by" line, find."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from uihelp import focused, open_window

from viewer.core.model import Document, ItemList, Letter, Paragraph, Signatory, numbered
from viewer.core.wording import signed_by_line
from viewer.ui.letter.letter_view import LIST_ONLY, LetterView


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def _blocks(view) -> list[str]:
    doc = view.document()
    out, block = [], doc.begin()
    while block.isValid():
        out.append(block.text())
        block = block.next()
    return out


def test_letter_is_laid_out_in_its_parts(window, bundled):
    view = window.findChild(object, "letterView")
    assert view.isReadOnly() and not view.openLinks() and not view.openExternalLinks()
    letter = bundled.letter
    blocks = _blocks(view)
    for part in (
        *letter.addressee,
        letter.date,
        letter.salutation,
        *letter.paragraphs,
        letter.closing,
    ):
        assert part in blocks
    # The demands form one real list, one item per demand, in order.
    lists, items = [], []
    block = view.document().begin()
    while block.isValid():
        if block.textList() is not None:
            if block.textList() not in lists:
                lists.append(block.textList())
            items.append(block.text())
        block = block.next()
    assert len(lists) == 1
    assert items == list(letter.demands)
    assert blocks.index(letter.salutation) < blocks.index(letter.paragraphs[0])
    assert blocks.index(letter.closing) > blocks.index(items[-1])


def test_signed_by_line_counts_from_the_document(window, bundled):
    n, countries = len(bundled.signatories), len(bundled.countries)
    line = f"Signed by {n} parliamentarians from {countries} countries"
    assert line == "Signed by 158 parliamentarians from 23 countries"
    assert signed_by_line(bundled) == line
    assert _blocks(window.letter_view)[-1] == line


def test_signed_by_line_takes_you_to_the_table(qtbot, window):
    view = window.letter_view
    doc = view.document()
    block = doc.lastBlock()
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.Right, n=5)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    pos = view.cursorRect(cursor).center()
    assert view.anchorAt(pos) == "#signatories"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert focused() is window.table
    assert window.table.currentIndex().row() == 0


def test_a_list_without_letter_text_says_so(qtbot, window):
    assert LIST_ONLY not in window.letter_view.toPlainText()  # the 2017 letter has its text
    names = Document(signatories=numbered([Signatory("Ana", "MP", "Chile")]))
    view = LetterView()
    qtbot.addWidget(view)
    view.show_document(names)
    assert _blocks(view) == [LIST_ONLY, signed_by_line(names)]


def test_text_from_a_file_is_never_markup(qtbot):
    hostile = (
        '<img src="http://127.0.0.1:9/x"> <a href="file:///etc/passwd">x</a> '
        "<b>bold</b> <style>body{color:red}</style> **not bold** &amp;"
    )
    doc = Document(
        letter=Letter(
            addressee=("<i>Dear</i>",),
            body=(Paragraph(hostile), ItemList(("<script>alert(1)</script>",))),
        ),
        signatories=numbered([Signatory("<b>Name</b>", "MP", "<u>Land</u>")]),
    )
    view = LetterView()
    qtbot.addWidget(view)
    view.show_document(doc)
    text = view.toPlainText()
    assert hostile in text
    assert "<i>Dear</i>" in text and "<script>alert(1)</script>" in text
    html = view.toHtml()
    assert "<img" not in html and 'href="file' not in html
    assert view.loadResource(0, "http://127.0.0.1:9/x") is None


def test_ctrl_f_finds_in_the_letter_and_esc_returns(qtbot, window):
    view = window.letter_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.findChild(object, "findBar")
    assert bar.isVisible()
    assert focused() is bar.edit
    qtbot.keyClicks(bar.edit, "kem sokha")
    assert bar.current_text() == "Kem Sokha"
    first = view.textCursor().selectionStart()
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert view.textCursor().selectionStart() > first
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert view.textCursor().selectionStart() == first
    qtbot.keyClicks(bar.edit, "zzz")
    assert bar.status.text() == "No matches"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert focused() is view


def test_letter_scrolls_from_the_keyboard(qtbot, window):
    view = window.letter_view
    window.resize(900, 500)
    view.setFocus()
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    before = view.verticalScrollBar().value()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.verticalScrollBar().value() > before
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.verticalScrollBar().value() == view.verticalScrollBar().maximum()
