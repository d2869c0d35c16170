"""Page furniture and page joins of PDF text, on pages of lines as pypdf lays them out."""

from __future__ import annotations

from viewer.core.formats.pdf_text import drop_page_furniture, join_pages, page_lines

PROSE = "We, the undersigned, write to express our concern over the arrest of a man who"


def test_running_headers_footers_and_page_numbers_go():
    pages = [
        ["The Letter \u00b7 2017", "", *[f"Name {n}.{i}\n\nMember of Parliament" for i in
         range(n)], "", name, "", f"- {n} -"]
        for n, name in enumerate(["Ana Gomes", "Bob Blackman", "Carlos Zarate", "Dee Dee"], 1)
    ]  # fmt: skip
    pages = [page_lines("\n".join(page)) for page in pages]
    kept, note = drop_page_furniture(pages)
    assert kept == [page[2:-2] for page in pages]
    assert note == (
        "The PDF's 4 running header or footer lines and 4 page numbers were left out of the text."
    )


def test_a_line_that_opens_pages_but_stands_between_them_too_stays():
    pages = [["Member of Parliament, Malaysia", "", "Name A", "", "Member of Parliament, Malaysia"],
             ["Member of Parliament, Malaysia", "", "Name B"]]  # fmt: skip
    kept, note = drop_page_furniture(pages)
    assert kept == pages and note is None


def test_page_number_forms():
    for footer in ("3", "Page 3", "Page 3 of 10", "3/10", "Seite 3 von 10", "p. 3", "第 3 页"):
        kept, _ = drop_page_furniture([["Body", footer]])
        assert kept == [["Body"]], footer
    kept, _ = drop_page_furniture([["Body", "3 December 2017"]])
    assert kept == [["Body", "3 December 2017"]]


def test_a_page_break_inside_a_paragraph_is_joined_and_between_blocks_is_a_blank_line():
    pages = [[PROSE, "is held.", "", "Charles Honoris"], ["Member of Parliament", "", PROSE],
             ["going on."]]  # fmt: skip
    assert join_pages(pages) == (
        f"{PROSE} is held.\n\nCharles Honoris\n\nMember of Parliament\n\n{PROSE} going on.\n"
    )


def test_a_text_without_blank_lines_keeps_its_lines():
    pages = [["Charles Honoris", "Member of Parliament, Indonesia", "Anna Lee"], ["MP, Malaysia"]]
    assert join_pages(pages) == (
        "Charles Honoris\nMember of Parliament, Indonesia\nAnna Lee\nMP, Malaysia\n"
    )


def test_a_word_broken_after_its_hyphen_is_one_word():
    long_line = PROSE + " Beate Müller-"
    assert join_pages([[long_line, "Gemmeke", "", "x"]]).startswith(PROSE + " Beate Müller-Gemmeke")


def test_page_lines_undo_ligatures_tabs_and_end_blanks():
    assert page_lines("\n\n of\ufb01ce\tand\ufb03x  \n\n") == [" office andffix"]
