"""Print and PDF: letter, shown signatories, chart; header with title, filter, date; pages."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pypdf  # the test extra installs it: the PDF's text is read back
import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog
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


def test_file_print_paints_through_the_print_dialog(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "printed.pdf"

    class AcceptingDialog:
        """The system's dialog, answered "Print" with a PDF printer chosen."""

        def __init__(self, printer: QPrinter, _parent):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))

        def setWindowTitle(self, _title):
            pass

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(menus, "QPrintDialog", AcceptingDialog)
    window.state.set_text("rossner")
    window.reading.print_action.trigger()
    text = " ".join(_pages(out))
    assert "Tabea Rößner" in text
    assert "Filter: Matching \u201crossner\u201d" in text
    assert window.reading.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)


def test_a_cancelled_print_prints_nothing(window, tmp_path, monkeypatch):
    painted = []
    monkeypatch.setattr(printing, "paint", lambda *a: painted.append(a))

    class Cancelled:
        def __init__(self, *_):
            pass

        def setWindowTitle(self, _title):
            pass

        def exec(self):
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(menus, "QPrintDialog", Cancelled)
    window.reading.print_action.trigger()
    assert painted == []


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
