"""Citations in the window, used as a person would: select, press the keys, read the clipboard."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu
from uihelp import matching, type_filter
from uihelp import open_window as open_shown

from viewer.core.cite import STYLE_IDS, body_paragraphs, cite_letter, cite_quote
from viewer.core.cite.signatories import TSV_HEADER
from viewer.core.formats.csv_writer import neutralise_formula
from viewer.core.model import Signatory
from viewer.core.storage.settings import PREFERENCES_FILE, config_dir
from viewer.ui.cite import citation_store
from viewer.ui.cite.citation_store import excerpt
from viewer.ui.cite.clipboard import TSV_MIME
from viewer.ui.common.worker import Job, Worker
from viewer.ui.letter.letter_view import paragraph_number

# A user's own letter: no metadata file, names a spreadsheet would run as formulas, markup.
SMALL_LETTER = """\
The Minister of Examples

12 March 2021

Dear Minister,

We write about the first matter. It is serious.

We ask you to act on the second matter & the <third>.

- Release the prisoners
- Open the archives

Yours sincerely,

Ana <b>Bold</b> & Co
Member of Parliament, Germany

=HYPERLINK("http://example.org")
Senator, France

+49 Caller

-Minus Person
Member of Parliament, Malaysia

@Sum Person
"""
SLOPPY = [r"\bNone\b", r"\(\s*\)", r"\[\s*\]", r",\s*,", r" ,", r"\bnull\b"]


def open_window(qtbot, path=None):
    """The window, shown and active (the keys a user presses go to the active window)."""
    window = open_shown(qtbot, path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp):
    """Each test starts with an empty clipboard, so nothing is read from a test before."""
    QApplication.clipboard().setMimeData(QMimeData())


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


@pytest.fixture
def small_letter(tmp_path):
    path = tmp_path / "small-letter.txt"
    path.write_text(SMALL_LETTER, encoding="utf-8")
    return path


def clipboard():
    return QApplication.clipboard().mimeData()


def line_of(s: Signatory) -> str:
    """The issue's rule: name, role, country, the parts the letter does not state left out."""
    return ", ".join(part for part in (s.name, s.role, s.country) if part)


def select_all_rows(qtbot, window) -> None:
    """Click into the table, then Ctrl+A."""
    table = window.table
    first = table.visualRect(table.model().index(0, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)


def press_copy(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)


def status(window) -> str:
    return window.statusBar().currentMessage()


class ListItems(HTMLParser):
    """The text of each <li>, and all the text outside the list."""

    def __init__(self, html: str):
        super().__init__()
        self.items: list[str] = []
        self.rest: list[str] = []
        self._in_item = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self._in_item = True
            self.items.append("")

    def handle_endtag(self, tag):
        if tag == "li":
            self._in_item = False

    def handle_data(self, data):
        if self._in_item:
            self.items[-1] += data
        else:
            self.rest.append(data)


def texts_of(html: str) -> str:
    parser = ListItems(html)
    return "".join(parser.rest).strip()


# -- the signatory table ---------------------------------------------------------------------------


CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_ctrl_c_copies_the_german_signatories_with_the_citation(qtbot, window, bundled):
    germans = [s for s in bundled.signatories if s.country == "Germany"]
    assert len(germans) == 11
    type_filter(qtbot, window, "germany")
    assert matching(bundled, "germany") == germans  # the filter shows exactly them
    select_all_rows(qtbot, window)
    press_copy(qtbot, window.table)

    mime = clipboard()
    citation = cite_letter(bundled, window.citations.style)
    assert window.citations.style == "chicago-note"
    lines = mime.text().split("\n")
    assert lines[:11] == [line_of(s) for s in germans]
    assert lines[11] == ""
    assert lines[12] == "11 of 158 signatories of:"  # some of the letter's (issue 17)
    assert "\n".join(lines[13:]).strip("\n") == citation

    listed = ListItems(mime.html())
    assert [item.split(", ")[0] for item in listed.items] == [s.name for s in germans]
    assert listed.items == [line_of(s) for s in germans]
    # the citation after the share line, their markup aside
    assert "".join(listed.rest).strip() == "11 of 158 signatories of:\n" + citation

    rows = [r.split("\t") for r in bytes(mime.data(TSV_MIME)).decode("utf-8").split("\n")]
    assert rows[0] == list(TSV_HEADER)
    assert rows[1:12] == [[s.name, s.role or "", s.country or ""] for s in germans]
    assert rows[12] == [""] and rows[13] == ["11 of 158 signatories of:"]
    assert len(rows[14]) == 1 and "Germany" not in rows[14][0]
    assert "Copied 11 signatories with the Chicago note citation" in status(window)


def test_rows_are_copied_in_the_order_shown(qtbot, window, bundled):
    type_filter(qtbot, window, "germany")
    window.state.sort_by("name", descending=True)
    select_all_rows(qtbot, window)
    press_copy(qtbot, window.table)
    names = [line.split(", ")[0] for line in clipboard().text().split("\n")[:11]]
    model = window.table.model()
    assert names == [model.signatory(r).name for r in range(model.rowCount())]
    assert names == sorted(names, reverse=True, key=str.casefold)


def test_without_the_citation_only_the_lines_are_copied(qtbot, window, bundled):
    window.citations.include_action.trigger()  # Edit > Include Citation When Copying: off
    assert not window.citations.include_action.isChecked()
    type_filter(qtbot, window, "germany")
    select_all_rows(qtbot, window)
    press_copy(qtbot, window.table)
    germans = [s for s in bundled.signatories if s.country == "Germany"]
    mime = clipboard()
    assert mime.text() == "".join(f"{line_of(s)}\n" for s in germans)
    assert ListItems(mime.html()).items == [line_of(s) for s in germans]
    assert texts_of(mime.html()) == ""
    tsv = bytes(mime.data(TSV_MIME)).decode("utf-8").rstrip("\n").split("\n")
    assert len(tsv) == 12  # the header and the eleven
    assert "without a citation" in status(window)


def test_a_plain_signatory_line_leaves_out_what_is_not_stated(qtbot, window, bundled):
    unstated = next(s for s in bundled.signatories if s.role is None and s.country is None)
    type_filter(qtbot, window, unstated.name)
    select_all_rows(qtbot, window)
    press_copy(qtbot, window.table)
    first = clipboard().text().split("\n")[0]
    assert first == unstated.name
    assert "None" not in clipboard().text() and "Not stated" not in clipboard().text()


def test_nothing_selected_copies_nothing_and_says_why(qtbot, window):
    QApplication.clipboard().setText("before")
    window.table.setFocus()
    window.table.clearSelection()
    press_copy(qtbot, window.table)
    assert clipboard().text() == "before"
    assert "No signatories are selected" in status(window)


def test_context_menu_offers_the_three_copies(qtbot, window):
    seen: list[str] = []

    def read_and_close():
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(a.text().replace("&", "") for a in menu.actions() if not a.isSeparator())
        menu.close()

    QTimer.singleShot(0, read_and_close)
    window.table.customContextMenuRequested.emit(QPoint(10, 10))
    qtbot.waitUntil(lambda: bool(seen))
    for text in ("Copy Citation", "Copy as Tab-Separated", "Copy Names Only"):
        assert text in seen


def test_copy_names_only_and_as_tab_separated(qtbot, window, bundled):
    type_filter(qtbot, window, "germany")
    select_all_rows(qtbot, window)
    germans = [s for s in bundled.signatories if s.country == "Germany"]
    window.citations.copy_names_action.trigger()
    assert clipboard().text() == "".join(f"{s.name}\n" for s in germans)
    assert "Copied the names of 11 signatories" in status(window)

    window.citations.copy_tsv_action.trigger()
    mime = clipboard()
    rows = mime.text().split("\n")
    assert rows[0].split("\t") == list(TSV_HEADER)
    assert [r.split("\t") for r in rows[1:12]] == [[s.name, s.role, s.country] for s in germans]
    assert bytes(mime.data(TSV_MIME)).decode("utf-8") == mime.text()
    assert "<table>" in mime.html() and "<td>Claudia Roth</td>" in mime.html()


def test_a_users_letter_copies_neutralised_cells_and_escaped_html(qtbot, small_letter):
    window = open_window(qtbot, small_letter)
    people = window.state.document.signatories
    select_all_rows(qtbot, window)
    press_copy(qtbot, window.table)
    mime = clipboard()
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in mime.html()
    assert "<b>Bold" not in mime.html()
    assert ListItems(mime.html()).items == [line_of(s) for s in people]
    rows = [r.split("\t") for r in bytes(mime.data(TSV_MIME)).decode().split("\n")]
    names = [row[0] for row in rows[1 : 1 + len(people)]]
    assert names == [neutralise_formula(s.name) for s in people]
    assert [n[0] for n in names[1:]] == ["'"] * 4  # = + - @ all start with an apostrophe
    assert mime.text().split("\n")[: len(people)] == [line_of(s) for s in people]


# -- the letter pane -------------------------------------------------------------------------------


def select_in_letter(view, text: str, block_text: str) -> None:
    """Select text inside the block that reads block_text, as a drag over it would."""
    block = view.document().begin()
    while block.isValid() and block.text() != block_text:
        block = block.next()
    assert block.isValid(), block_text
    start = block.position() + block.text().index(text)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()


def third_paragraph_sentence(doc) -> tuple[str, str]:
    third = doc.letter.paragraphs[2]  # the third paragraph of the body
    sentence = re.findall(r"[^.]+\.", third)[1].strip()
    return third, sentence


def test_ctrl_shift_c_copies_a_quotation_with_its_paragraph(qtbot, window, bundled):
    view = window.letter_view
    third, sentence = third_paragraph_sentence(bundled)
    assert body_paragraphs(bundled)[2].text == third
    select_in_letter(view, sentence, third)
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL_SHIFT)
    text = clipboard().text()
    quote, citation = text.split("\n\n")
    assert quote == f"\u201c{sentence}\u201d"
    assert ", para. 3, " in citation
    note = cite_letter(bundled, "chicago-note")
    assert citation.replace(", para. 3", "") == note  # the note, with the paragraph added
    assert text == cite_quote(bundled, sentence, 3, "chicago-note")
    assert "para. 3" in clipboard().html() and "\u201c" in clipboard().html()
    assert "Copied the quotation with its Chicago note citation (para. 3)" in status(window)

    press_copy(qtbot, view)  # the pane's own Ctrl+C stays a plain copy
    assert clipboard().text() == sentence


def test_the_pane_context_menu_offers_copy_with_citation(qtbot, window, bundled):
    view = window.letter_view
    third, sentence = third_paragraph_sentence(bundled)
    select_in_letter(view, sentence, third)
    seen: list[tuple[str, bool]] = []

    def read_and_close():
        menu = QApplication.activePopupWidget()
        for a in menu.actions():  # "&Copy\tCtrl+C": the label without mnemonic and keys
            seen.append((a.text().split("\t")[0].replace("&", ""), a.isEnabled()))
        menu.close()

    QTimer.singleShot(0, read_and_close)
    centre = view.viewport().rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre, view.mapToGlobal(centre))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: bool(seen))
    texts = [t for t, _ in seen]
    assert "Copy with Citation" in texts
    assert texts.index("Copy with Citation") == texts.index("Copy") + 1
    assert dict(seen)["Copy with Citation"]


def test_paragraph_numbers_of_the_view_match_the_citation_core(window, bundled):
    numbered = {}
    block = window.letter_view.document().begin()
    while block.isValid():
        if (number := paragraph_number(block)) is not None:
            numbered.setdefault(number, []).append(block.text())
        block = block.next()
    paragraphs = body_paragraphs(bundled)
    assert sorted(numbered) == [p.number for p in paragraphs]
    for p in paragraphs:
        assert numbered[p.number] == list(p.pieces)


def test_selections_across_paragraphs_lists_and_outside_the_body(window, bundled):
    view = window.letter_view
    letter = bundled.letter
    doc = view.document()

    def select(first: str, last: str) -> object:
        a = doc.find(first)
        b = doc.find(last)
        cursor = QTextCursor(doc)
        cursor.setPosition(a.selectionStart())
        cursor.setPosition(b.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        return view.selected_paragraphs()

    third, fourth = letter.paragraphs[2], letter.paragraphs[3]
    assert select(third[-30:], fourth[:30]) == (3, 4)
    demands = next(p.number for p in body_paragraphs(bundled) if len(p.pieces) > 1)
    assert select(letter.demands[1][:20], letter.demands[2][:20]) == demands
    assert select(letter.addressee[0][:10], letter.addressee[0][:10]) is None
    # From the very end of paragraph 2 into paragraph 3: only paragraph 3 is quoted.
    end_of_second = doc.find(letter.paragraphs[1][-20:]).selectionEnd()
    cursor = QTextCursor(doc)
    cursor.setPosition(end_of_second)
    cursor.setPosition(doc.find(third[:15]).selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selected_paragraphs() == 3


def test_copy_with_citation_needs_a_selection(qtbot, window):
    # Issue 17: the shortcut is never silent; with nothing selected it says so.
    view = window.letter_view
    view.setFocus()
    view.moveCursor(QTextCursor.MoveOperation.Start)
    before = QApplication.clipboard().text()
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL_SHIFT)
    assert "Nothing is selected in the letter" in status(window)
    assert QApplication.clipboard().text() == before


# -- the letter's citation, the style menu, the preview --------------------------------------


def choose_in_menu(qtbot, window, style: str) -> list[str]:
    """Open the Cite button's menu, read the preview, click the style's entry."""
    citations = window.citations
    previews: list[str] = []

    def click():
        menu = citations.menu
        qtbot.waitUntil(menu.isVisible)
        previews.append(citations.preview.text)
        rect = menu.actionGeometry(citations.style_actions[style])
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=rect.center())

    QTimer.singleShot(0, click)
    citations.button.showMenu()
    # The offscreen platform leaves no window active after a popup; a desktop re-activates it.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return previews


def test_the_style_menu_chooses_the_style_and_it_is_remembered(qtbot, window, bundled):
    citations = window.citations
    previews = choose_in_menu(qtbot, window, "apa")
    assert previews == [cite_letter(bundled, "chicago-note")]  # the preview before choosing
    assert citations.style == "apa" and citations.style_actions["apa"].isChecked()
    assert citations.button.text() == "Cite (APA)"
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL_ALT)
    assert clipboard().text() == cite_letter(bundled, "apa")
    assert "Copied the letter's APA citation" in status(window)
    citations.authors_actions["organiser"].trigger()
    stored = json.loads((config_dir() / PREFERENCES_FILE).read_text("utf-8"))
    assert stored["citation_style"] == "apa" and stored["citation_authors"] == "organiser"
    window.close()

    second = open_window(qtbot)
    assert second.citations.style == "apa"
    assert second.citations.style_actions["apa"].isChecked()
    assert second.citations.authors_actions["organiser"].isChecked()
    second.citations.copy_letter_action.trigger()
    assert clipboard().text() == cite_letter(bundled, "apa", "organiser")


def test_the_preview_and_tooltip_show_the_exact_text(qtbot, window, bundled):
    citations = window.citations
    tip = citations.button.toolTip()
    note = cite_letter(bundled, "chicago-note")
    assert html.escape(note) in tip
    # Hovering a style in the open menu previews it before it is chosen.
    citations.menu.aboutToShow.emit()
    assert citations.preview.text == note
    citations.style_actions["mla"].hover()
    assert citations.preview.text == cite_letter(bundled, "mla")
    citations.style_actions["bibtex"].hover()
    assert citations.preview.text == cite_letter(bundled, "bibtex")
    assert citations.style == "chicago-note"  # hovering does not choose


def test_a_letter_without_metadata_cites_cleanly_in_every_style(qtbot, small_letter):
    window = open_window(qtbot, small_letter)
    doc = window.state.document
    citations = window.citations
    assert not citations.authors_actions["organiser"].isEnabled()  # no publisher to name
    for style in STYLE_IDS:
        citations.style_actions[style].trigger()
        qtbot.keyClick(window, Qt.Key.Key_C, CTRL_ALT)
        text = clipboard().text()
        assert text == cite_letter(doc, style)
        checked = text if style not in ("bibtex", "csl-json") else text.replace("{}", "")
        for pattern in SLOPPY[:1] if style == "csl-json" else SLOPPY:
            assert not re.search(pattern, checked), (style, pattern, text)
    select_all_rows(qtbot, window)
    citations.style_actions["plain"].trigger()
    press_copy(qtbot, window.table)
    for pattern in SLOPPY:
        assert not re.search(pattern, clipboard().text()), pattern


# -- large letters: slow citations are made in the background ----------------------------------


def test_long_records_are_made_in_the_background(qtbot, window, bundled, monkeypatch):
    monkeypatch.setattr(citation_store, "SYNC_LIMIT", 10)  # 158 signatories count as many
    citations = window.citations
    citations.style_actions["csl-json"].trigger()
    # Nothing is handed back before the event loop runs: the record is still being made.
    assert "being prepared" in citations.button.toolTip()
    citations.copy_letter_action.trigger()
    assert "Preparing the CSL-JSON citation of 158 signatories" in status(window)
    csl = cite_letter(bundled, "csl-json")
    qtbot.waitUntil(lambda: clipboard().text() == csl)
    assert "Copied the letter's CSL-JSON citation" in status(window)
    assert html.escape(csl.split("\n")[3]) in citations.button.toolTip()

    citations.style_actions["ris"].trigger()
    type_filter(qtbot, window, "germany")
    select_all_rows(qtbot, window)
    press_copy(qtbot, window.table)
    ris = cite_letter(bundled, "ris")
    qtbot.waitUntil(lambda: clipboard().text().endswith(ris + "\n"))
    germans = [s for s in bundled.signatories if s.country == "Germany"]
    assert clipboard().text() == "".join(f"{line_of(s)}\n" for s in germans) + f"\n{ris}\n"
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is None)  # no busy cursor left


def test_only_ris_and_csl_json_grow_with_the_signatories(bundled):
    many = tuple(Signatory(f"Person {i}", "MP", "Spain", i + 1) for i in range(3000))
    doc = bundled.with_signatories(many)
    for style in STYLE_IDS:  # the signatories as authors (the default is the organiser)
        size = len(cite_letter(doc, style, "signatories"))
        if style in citation_store.FULL_AUTHOR_STYLES:
            assert size > 3000 * len("Person 1000")
        else:
            assert size < 2500, style


def test_the_style_menu_works_from_the_keyboard(qtbot, window, bundled):
    citations = window.citations
    seen: list[str] = []

    def keys():
        menu = citations.menu
        qtbot.waitUntil(menu.isVisible)
        for _ in range(2):  # past the preview box, onto the second style
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        seen.append(citations.preview.text)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, keys)
    citations.button.showMenu()
    assert seen == [cite_letter(bundled, "chicago-bib")]  # previewed while moving over it
    assert citations.style == "chicago-bib"


def test_ctrl_c_in_the_filter_field_copies_its_text(qtbot, window):
    type_filter(qtbot, window, "germany")
    edit = window.filter_bar.edit
    edit.selectAll()
    press_copy(qtbot, edit)
    assert clipboard().text() == "germany"


# -- the pieces underneath ------------------------------------------------------------------------


def test_the_worker_runs_one_job_at_a_time_and_reports_errors(qtbot):
    import threading

    worker = Worker()
    running = []
    results: list[int] = []
    lock = threading.Lock()

    def job(n: int) -> Job:
        def run(_progress) -> int:
            with lock:
                running.append(n)
                assert len(running) == 1  # never two at once
            running.remove(n)
            return n * n

        return Job(f"job {n}", run, results.append)

    for n in range(5):
        worker.submit(job(n))
    qtbot.waitUntil(lambda: len(results) == 5)
    assert results == [0, 1, 4, 9, 16]
    assert not worker.busy

    def fail(_progress) -> None:
        raise ValueError("broken record")

    with qtbot.captureExceptions() as raised:
        worker.submit(Job("failing", fail, results.append))
        qtbot.waitUntil(lambda: bool(raised))
    assert isinstance(raised[0][1], ValueError)
    assert not worker.busy and len(results) == 5


def test_an_excerpt_is_the_start_and_says_how_much_follows():
    assert excerpt("one line\n") == "one line"
    text = "\n".join(f"line {i}" for i in range(100)) + "\n"
    shown = excerpt(text, max_lines=3)
    assert shown == "line 0\nline 1\nline 2\n\u2026 (97 more lines)"
    assert excerpt("x" * 50, max_chars=10) == "x" * 10 + "\u2026"
