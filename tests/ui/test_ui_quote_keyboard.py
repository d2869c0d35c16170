"""Reading for citing (issue 17): keyboard selection in the letter, Ctrl+Shift+C, the
paragraph numbers in the margin, quotations over several paragraphs, the provenance header."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from uihelp import open_window as open_shown

from viewer.core.model import Document, Letter, Metadata, Paragraph, Signatory, numbered
from viewer.ui.letter.letter_view import paragraph_number

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | SHIFT
MAX_PRESSES = 400  # a bound for the loops that walk the caret, so a failure cannot hang


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp):
    QApplication.clipboard().setMimeData(QMimeData())


@pytest.fixture
def window(qtbot):
    window = open_shown(qtbot)
    window.resize(1100, 800)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.letter_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return window


def caret(view):
    return view.textCursor()


def press(qtbot, view, key, mods=Qt.KeyboardModifier.NoModifier, until=None) -> None:
    """Press a key (again and again while until() is false, if given)."""
    if until is None:
        qtbot.keyClick(view, key, mods)
        return
    for _ in range(MAX_PRESSES):
        if until():
            return
        qtbot.keyClick(view, key, mods)
    raise AssertionError(f"{key} never got there")


def to_paragraph(qtbot, view, number: int) -> None:
    """Ctrl+Home, then Down until the caret is on the first line of paragraph `number`."""
    press(qtbot, view, Qt.Key.Key_Home, CTRL)
    press(qtbot, view, Qt.Key.Key_Down,
          until=lambda: paragraph_number(caret(view).block()) == number)  # fmt: skip
    assert caret(view).positionInBlock() == 0  # Down from the very start keeps column 0


def second_sentence(text: str) -> tuple[int, str]:
    first, second = re.findall(r"[^.]+\.", text)[:2]
    start = len(first) + (len(second) - len(second.lstrip()))
    return start, second.strip()


def status(window) -> str:
    return window.statusBar().currentMessage()


def test_a_sentence_of_paragraph_3_selected_with_the_keyboard_is_quoted_with_para_3(
    qtbot, window, bundled
):
    view = window.letter_view
    to_paragraph(qtbot, view, 3)
    block = caret(view).block()
    start, sentence = second_sentence(block.text())
    # Ctrl+Right to the sentence, Ctrl+Shift+Right over it, Shift+Left/Right to its period.
    press(qtbot, view, Qt.Key.Key_Right, CTRL, until=lambda: caret(view).positionInBlock() >= start)
    assert caret(view).positionInBlock() == start
    end = start + len(sentence)
    press(qtbot, view, Qt.Key.Key_Right, CTRL_SHIFT,
          until=lambda: caret(view).positionInBlock() >= end - 1)  # fmt: skip
    press(qtbot, view, Qt.Key.Key_Left, SHIFT, until=lambda: caret(view).positionInBlock() <= end)
    press(qtbot, view, Qt.Key.Key_Right, SHIFT, until=lambda: caret(view).positionInBlock() >= end)
    assert caret(view).selectedText() == sentence

    qtbot.keyClick(view, Qt.Key.Key_C, CTRL_SHIFT)
    text = QApplication.clipboard().text()
    quote, citation = text.split("\n\n")
    assert quote == f"\u201c{sentence}\u201d"
    assert "para. 3" in citation and "ASEAN Parliamentarians for Human Rights" in citation
    assert "(para. 3)" in status(window)

    # The margin shows the same number beside the paragraph the quote came from.
    marks = dict(view.paragraph_marks())
    assert sorted(marks) == [1, 2, 3, 4, 5, 6]
    first_line = view.cursorRect(view.document().find(block.text()[:20]))
    assert marks[3].top() <= first_line.center().y() <= marks[3].bottom()
    assert drawn(view, marks[3])  # the number is painted there ...
    window.reading.numbers_action.trigger()  # View > Paragraph Numbers, off
    assert view.paragraph_marks() == [] and not drawn(view, marks[3])  # ... and not now
    window.reading.numbers_action.trigger()
    assert dict(view.paragraph_marks())[3] == marks[3]


def drawn(view, rect) -> bool:
    """Whether anything other than the background is painted inside rect."""
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    base = QColor(view.palette().color(view.viewport().backgroundRole())).rgb()
    r = rect.toAlignedRect()
    for x in range(max(r.left(), 0), r.right()):
        for y in range(max(r.top(), 0), r.bottom()):
            if image.pixel(QPoint(int(x * ratio), int(y * ratio))) != base:
                return True
    return False


def test_the_margin_numbers_are_the_ones_the_citations_use(window, bundled):
    view = window.letter_view
    marks = view.paragraph_marks()
    doc = view.document()
    for number, rect in marks:  # each number sits beside the block that starts that paragraph
        block = doc.begin()
        while paragraph_number(block) != number:
            block = block.next()
        assert rect.right() < doc.rootFrame().frameFormat().leftMargin()  # in the margin
        y = doc.documentLayout().blockBoundingRect(block).top() - view.verticalScrollBar().value()
        assert abs(rect.top() - y) < 1


def test_shift_end_selects_to_the_end_of_the_line_and_is_quoted(qtbot, window):
    view = window.letter_view
    to_paragraph(qtbot, view, 2)
    qtbot.keyClick(view, Qt.Key.Key_End, SHIFT)
    selected = caret(view).selectedText()
    block_text = caret(view).block().text()
    assert selected and block_text.startswith(selected)  # the first line of paragraph 2
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL_SHIFT)
    assert "para. 2" in QApplication.clipboard().text()


def test_a_quote_over_two_paragraphs_keeps_its_break(qtbot, window, bundled):
    view = window.letter_view
    to_paragraph(qtbot, view, 3)
    in_fourth = lambda: paragraph_number(caret(view).block()) == 4
    press(qtbot, view, Qt.Key.Key_Down, SHIFT, until=in_fourth)
    qtbot.keyClick(view, Qt.Key.Key_End, SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL_SHIFT)
    mime = QApplication.clipboard().mimeData()
    quote, citation = mime.text().split("\n\n")
    first, second = quote.split("\n")
    third = bundled.letter.paragraphs[2]
    assert first == f"\u201c{third}"  # a paragraph of a quotation opens; only the last closes
    assert second.startswith("\u201c") and second.endswith("\u201d")
    assert bundled.letter.paragraphs[3].startswith(second[1:-1])
    assert "paras. 3\u20134" in citation
    paragraphs = re.findall(r"<p>(.*?)</p>", mime.html(), re.S)
    assert len(paragraphs) == 3 and paragraphs[0].startswith("\u201c")
    assert paragraphs[1].startswith("\u201c") and "paras. 3\u20134" in paragraphs[2]


def test_the_viewers_own_lines_are_never_quoted(qtbot, window, bundled):
    view = window.letter_view
    to_paragraph(qtbot, view, 6)  # the demands, then the closing and "Signed by 158 ..."
    qtbot.keyClick(view, Qt.Key.Key_End, CTRL_SHIFT)
    assert "Signed by" in caret(view).selectedText()  # selected, as the reader sees it
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL_SHIFT)
    text = QApplication.clipboard().text()
    assert "Signed by" not in text and "158" not in text.split("\n\n")[0]
    assert bundled.letter.demands[0] in text


def test_the_header_says_what_the_letter_is(window, bundled):
    header = window.letter_pane.header
    shown = {k: v.text() for k, v in header.values.items()}
    assert shown["Letter"].startswith("Letter to Samdech Techo Hun Sen")
    assert shown["Date"] == "4 December 2017"
    assert shown["Published by"] == "ASEAN Parliamentarians for Human Rights"
    assert shown["Source"] == bundled.metadata.url
    assert shown["Signatories"] == "158 signatories"
    sha = bundled.source.sha256
    assert shown["File"] == f"SHA-256 {sha[:12]}\u2026" and sha in header.values["File"].toolTip()
    assert all(v.textFormat() == Qt.TextFormat.PlainText for v in header.values.values())


def test_the_header_shows_markup_as_text(qtbot, window):
    doc = Document(
        letter=Letter(body=(Paragraph("We ask."),)),
        signatories=numbered([Signatory("Ana <b>Bold</b>")]),
        metadata=Metadata(title="<b>Free</b> & <i>fair</i>", publisher="<a href='x'>P</a>"),
    )
    window.state.set_document(doc)  # as opening a file does
    values = window.letter_pane.header.values
    assert values["Letter"].text() == "<b>Free</b> & <i>fair</i>"
    assert values["Published by"].text() == "<a href='x'>P</a>"
    assert "File" not in values  # a document made in memory has no file


def _header_fits(window) -> bool:
    area = window.letter_pane.header_area
    return area.height() >= area.widget().height() and not area.verticalScrollBar().isVisible()


def test_the_header_keeps_to_a_quarter_of_a_narrow_pane_and_is_whole_in_a_wide_one(qtbot, window):
    """In a narrow window the header's wrapped lines scroll within a quarter of the pane, so
    the letter stays in view; in a wide one the header is shown whole."""
    pane = window.letter_pane
    window.resize(1024, 640)
    window.splitter.setSizes([240, 500])
    qtbot.waitUntil(lambda: pane.header_area.height() <= max(48, pane.height() // 4) + 1)
    assert pane.header_area.height() <= pane.height() // 4 + 1
    assert pane.view.height() > pane.height() // 2  # the letter keeps most of the pane
    bottoms = {v.geometry().bottom() + 1 for v in pane.header.values.values()}
    assert pane.header_area.height() in bottoms  # it ends at a whole line, not across one
    window.resize(1900, 1050)
    window.splitter.setSizes([700, 900])
    qtbot.waitUntil(lambda: _header_fits(window))
    assert pane.header_area.height() > 0
