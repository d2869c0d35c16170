"""Print and PDF: letter, shown signatories, chart; header with title, filter, date; pages."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pypdf  # the test extra installs it: the PDF's text is read back
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from uihelp import open_window

from viewer.core.model import Document, Letter, Paragraph, Signatory, numbered
from viewer.core.query.engine import Query, QueryEngine
from viewer.ui import menus
from viewer.ui.output import printing


def _pages(path) -> list[str]:
    """Each page's text with whitespace runs made one space (PDF text has tabs and breaks),
    ligatures the font drew ("\ufb00" for "ff") written out again (NFKC)."""
    reader = pypdf.PdfReader(str(path))
    return [_words(unicodedata.normalize("NFKC", page.extract_text())) for page in reader.pages]


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def test_export_pdf_holds_letter_shown_signatories_chart_and_headers(
    qtbot, window, bundled, tmp_path, monkeypatch
):
    window.state.toggle("country", "Germany")
    window.state.sort_by("name", descending=True)
    target = tmp_path / "kem sokha letter"  # no suffix: ".pdf" is added
    monkeypatch.setattr(
        menus.QFileDialog, "getSaveFileName", lambda *args: (str(target), "PDF documents (*.pdf)")
    )
    window.reading.pdf_action.trigger()
    written = tmp_path / "kem sokha letter.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    pages = _pages(written)
    # Every page: the title, the filter in force, the date; "Page n of N".
    today = dt.date.today()
    header = window.reading.printout().header_lines()
    assert header[0] == f"{bundled.title} \u2014 printed {today.day} {today:%B %Y}"
    assert header[1].startswith("Filter: Country: Germany; sorted by name (Z\u2013A) \u2014 ")
    bodies = []
    for n, page in enumerate(pages, start=1):
        footer = f"Page {n} of {len(pages)}"
        for line in (*header, footer):
            assert _words(line) in page
            page = page.replace(_words(line), " ")
        bodies.append(page)
    text = _words(" ".join(bodies))  # the text without headers: paragraphs run across pages
    # The letter, whole.
    for paragraph in bundled.letter.paragraphs:
        assert _words(paragraph) in text
    # The shown signatories in the window's order, and no one else.
    germans = sorted((s for s in bundled.signatories if s.country == "Germany"),
                     key=lambda s: s.name, reverse=True)  # fmt: skip
    positions = [text.index(s.name) for s in germans]
    assert positions == sorted(positions)
    shown = {s.name for s in germans}
    others = [s.name for s in bundled.signatories if s.name not in shown and len(s.name) > 12]
    assert not [name for name in others if name in text]
    # The chart: its heading and its numbers in words.
    assert "Signatories per country" in text
    assert f"Germany {len(germans)}" in text
    assert "Saved as" in window.statusBar().currentMessage()


def _preview(qtbot, window):
    """File > Print, as the menu opens it: the preview, its pages drawn."""
    window.reading.print_action.trigger()
    preview = window.reading.dialogs["print"]
    qtbot.waitUntil(preview.isVisible)
    qtbot.waitUntil(lambda: preview.pages > 0)
    return preview


def _print_to_pdf(qtbot, preview, out) -> list[str]:
    """What the preview's Print button does once the system's dialog is answered: the pages
    as previewed go to the printer (here a PDF file), and the preview closes."""
    printer = preview.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    preview.preview.print_()
    preview.accept()
    return _pages(out)


def test_file_print_previews_and_prints_the_chosen_parts(qtbot, window, bundled, tmp_path):
    window.state.set_text("rossner")
    preview = _preview(qtbot, window)
    assert preview.objectName() == "printPreview"
    assert set(preview.boxes) == {"letter", "signatories", "chart"}
    assert all(box.isChecked() for box in preview.boxes.values())
    whole = preview.pages
    qtbot.mouseClick(preview.boxes["letter"], Qt.MouseButton.LeftButton)  # no letter
    qtbot.waitUntil(lambda: preview.pages < whole)
    text = " ".join(_print_to_pdf(qtbot, preview, tmp_path / "no-letter.pdf"))
    assert "Tabea Rößner" in text
    assert "Filter: Matching \u201crossner\u201d" in text
    assert "Signatories per country" in text
    assert _words(bundled.letter.paragraphs[0])[:60] not in text
    assert "Sent" in window.statusBar().currentMessage()
    assert window.reading.print_parts == frozenset({"signatories", "chart"})

    preview = _preview(qtbot, window)  # the next preview starts with that choice
    assert not preview.boxes["letter"].isChecked()
    qtbot.mouseClick(preview.boxes["letter"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.boxes["signatories"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.boxes["chart"], Qt.MouseButton.LeftButton)
    assert preview.parts == frozenset({"letter"})
    # The last part cannot be un-chosen.
    assert not preview.boxes["letter"].isEnabled()
    text = " ".join(_print_to_pdf(qtbot, preview, tmp_path / "letter-only.pdf"))
    assert _words(bundled.letter.paragraphs[0]) in _words(text)
    assert "Tabea Rößner" not in text and "Signatories per country" not in text
    assert window.reading.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)


def test_a_closed_preview_prints_nothing(qtbot, window):
    preview = _preview(qtbot, window)
    qtbot.mouseClick(preview.boxes["chart"], Qt.MouseButton.LeftButton)
    preview.reject()  # Esc, or the window's close button
    assert "Sent" not in window.statusBar().currentMessage()
    assert window.reading.print_parts == frozenset({"letter", "signatories", "chart"})


def _heading_pages(doc, page_height: float) -> list[tuple[int, int]]:
    """(page of each heading's line, page of the first line after it)."""
    layout, out = doc.documentLayout(), []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().boolProperty(printing.HEADING):
            after = block.next()
            first = layout.blockBoundingRect(after).top() + after.layout().lineAt(0).y()
            line = layout.blockBoundingRect(block).top() + block.layout().lineAt(0).y()
            out.append((int(line // page_height), int(first // page_height)))
        block = block.next()
    return out


def test_no_heading_is_left_alone_at_the_foot_of_a_page(qapp):
    """Lists of 1 to 90 people move the chart's heading down the page; wherever it falls, the
    first line after it is on its page."""
    moved = 0
    page = printing.QSizeF(400, 500)
    for n in range(1, 90):
        people = numbered([Signatory(f"Person {i}", "MP", "Land") for i in range(n)])
        document = Document(letter=Letter(body=(Paragraph("A short letter."),)),
                            signatories=people)  # fmt: skip
        result = QueryEngine(document).run(Query())
        doc = printing.build_document(printing.Printout(document, result), None, page.width())
        doc.setPageSize(page)
        before = _heading_pages(doc, page.height())
        printing.keep_headings_with_text(doc, page.height())
        after = _heading_pages(doc, page.height())
        moved += before != after
        assert all(heading == first for heading, first in after), (n, after)
    assert moved  # some lengths did leave a heading alone before it was moved


def test_document_text_is_printed_as_text_never_markup(qapp, tmp_path):
    hostile = "<b>bold</b> &amp; <img src=x> **not bold**"
    doc = Document(
        letter=Letter(addressee=("<i>To</i>",), body=(Paragraph(hostile),)),
        signatories=numbered([Signatory("<u>Name</u>", None, "<script>x</script>")]),
    )
    result = QueryEngine(doc).run(Query())
    path = tmp_path / "hostile.pdf"
    printing.export_pdf(printing.Printout(doc, result, "country", dt.date(2017, 12, 4)), path)
    text = " ".join(_pages(path))
    for literal in (hostile, "<i>To</i>", "<u>Name</u>", "<script>x</script>"):
        assert _words(literal) in text
    assert "printed 4 December 2017" in text
    assert "Not stated" in text  # the missing role


def test_a_long_list_is_cut_and_says_so(qapp, monkeypatch, bundled):
    monkeypatch.setattr(printing, "MAX_PRINTED_ROWS", 10)
    result = QueryEngine(bundled).run(Query())
    doc = printing.build_document(printing.Printout(bundled, result), None, 500)
    text = doc.toPlainText()
    assert f"The first 10 of the {len(bundled.signatories)} shown signatories are printed." in text
    assert bundled.signatories[9].name in text and bundled.signatories[-1].name not in text


def test_an_unwritable_target_says_so_and_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "missing folder" / "out.pdf"
    monkeypatch.setattr(menus.QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    window.reading.pdf_action.trigger()
    box = window.reading.dialogs["error"]
    assert box.isVisible() and str(target) in box.text()
    assert not target.exists()
    box.close()


def test_pdf_file_names_come_from_the_title():
    assert printing.pdf_file_name('MPs: "free" Kem/Sokha?') == "MPs free Kem Sokha.pdf"
    assert printing.pdf_file_name("...") == "letter.pdf"
    assert re.fullmatch(r".{120}\.pdf", printing.pdf_file_name("x" * 300))
