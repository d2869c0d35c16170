"""PDF letters, made here with Qt's PDF writer as a user makes them, open like the text.

The 2017 letter printed to PDF (page numbers on every page), and laid out page by page with a
running header and a "Page N of M" footer, with page breaks inside a paragraph and between a
signatory's name and role: each opens with the 158 signatories of the text file, the same
names, roles and countries, and the same letter.
"""

from __future__ import annotations

import io

import pypdf
import pytest
from conftest import BUNDLED_LETTER
from pdfhelp import HEADER, paged_pdf, printed_pdf, scanned_pdf

from viewer.core.errors import ParseError
from viewer.core.formats.pdf_text import pdf_text
from viewer.core.opening import open_document, parse_document
from viewer.core.progress import Cancelled, Progress


def fields(document) -> list[tuple]:
    return [(s.name, s.role, s.country) for s in document.signatories]


@pytest.fixture(scope="module")
def text_letter():
    return open_document(BUNDLED_LETTER)


def test_the_2017_letter_printed_to_pdf_opens_with_its_158_signatories(
    qapp, tmp_path, source_text, text_letter
):
    path = printed_pdf(source_text, tmp_path / "kem-sokha.pdf")
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) > 2
    assert reader.pages[0].extract_text().rstrip().endswith("1")  # Qt prints page numbers
    document = open_document(path)
    assert len(document.signatories) == 158
    assert fields(document) == fields(text_letter)
    assert document.letter == text_letter.letter
    assert document.source.format == "pdf"
    assert any("page number" in w.message for w in document.warnings)


def _name_then_role(lines: list[str], index: int) -> bool:
    """A page break between a signatory's name and its role line (two lines below)."""
    return lines[index] == "Charles Honoris"


def _inside_first_paragraph(lines: list[str], index: int) -> bool:
    """A page break after the first line of the letter's first paragraph, which goes on."""
    return lines[index].startswith("We, the undersigned") and bool(lines[index + 1])


def test_a_paged_pdf_with_running_header_footer_and_blocks_across_pages(
    qapp, tmp_path, source_text, text_letter
):
    made = paged_pdf(
        source_text,
        tmp_path / "paged.pdf",
        lambda lines, i: _name_then_role(lines, i) or _inside_first_paragraph(lines, i),
    )
    ends = [(page[-1], after[0]) for page, after in zip(made.pages, made.pages[1:], strict=False)]
    assert ("Charles Honoris", "Member of the House of Representatives, Indonesia") in ends
    assert any(last.startswith("We, the undersigned") for last, _ in ends)  # a paragraph split
    document = open_document(made.path)
    assert fields(document) == fields(text_letter)
    assert document.letter.paragraphs == text_letter.letter.paragraphs
    shown = " ".join(f"{s.name} {s.role}" for s in document.signatories)
    assert "Page" not in shown and HEADER not in shown
    assert any("running header" in w.message for w in document.warnings)


def test_a_pdf_without_a_text_layer_says_it_may_be_a_scan(qapp, tmp_path):
    path = scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(ParseError, match="no text layer") as caught:
        open_document(path)
    assert "scan" in caught.value.message and caught.value.path == str(path)


def _encrypted(source, tmp_path, user_password: str):
    writer = pypdf.PdfWriter(clone_from=source)
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = tmp_path / f"locked-{bool(user_password)}.pdf"
    writer.write(out)
    return out


def test_a_pdf_locked_by_a_password_is_refused_in_plain_words(qapp, tmp_path, source_text):
    source = printed_pdf(source_text, tmp_path / "letter.pdf")
    with pytest.raises(ParseError, match="protected by a password"):
        open_document(_encrypted(source, tmp_path, "secret"))


def test_a_pdf_with_only_an_owner_password_opens(qapp, tmp_path, source_text):
    source = printed_pdf(source_text, tmp_path / "letter.pdf")
    assert len(open_document(_encrypted(source, tmp_path, "")).signatories) == 158


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF\n", b"%PDF-1.4\n"],
)
def test_a_broken_pdf_is_a_parse_error(tmp_path, data):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(ParseError, match="damaged"):
        open_document(path)


def test_a_text_file_named_pdf_is_a_parse_error(tmp_path):
    path = tmp_path / "not.pdf"
    path.write_text("Dear all,\n\nYours sincerely,\n\nA. Person\n", encoding="utf-8")
    with pytest.raises(ParseError, match="damaged"):
        open_document(path)


def test_a_pdf_without_its_extension_is_read_as_a_pdf(qapp, tmp_path, source_text):
    path = printed_pdf(source_text, tmp_path / "letter.pdf")
    renamed = path.rename(tmp_path / "letter-download")
    assert open_document(renamed).source.format == "pdf"


def test_pages_report_progress_and_cancel_stops_at_the_next_page(qapp, tmp_path, source_text):
    data = printed_pdf(source_text, tmp_path / "letter.pdf").read_bytes()
    pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
    seen: list[float] = []
    parse_document(data, "letter.pdf", progress=Progress(lambda _s, f: seen.append(f)))
    assert len(seen) >= pages and seen == sorted(seen) and seen[-1] == 1.0
    reports: list[float] = []

    def report(_stage: str, fraction: float) -> None:
        reports.append(fraction)
        progress.cancel()  # after the first page

    progress = Progress(report)
    with pytest.raises(Cancelled):
        pdf_text(data, "letter.pdf", progress)
    assert len(reports) == 1  # stopped at the second page
