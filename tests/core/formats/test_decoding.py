"""Files that are not UTF-8: a declared fallback that the document reports, or a clear error."""

from __future__ import annotations

import codecs

import pytest

from viewer.core.errors import ParseError
from viewer.core.formats.decoding import decode_letter_bytes
from viewer.core.formats.file_bytes import read_file_bytes
from viewer.core.opening import open_document, parse_document, plan_file

LETTER = (
    "Dear Minister,\n\nPlease act \u201cnow\u201d.\n\nSigned:\n\n"
    "Ren\u00e9e Fran\u00e7ois, Senator\n"
)


def test_utf8_reads_without_a_warning():
    doc = parse_document(LETTER.encode("utf-8"), "a.txt")
    assert doc.source.encoding == "utf-8" and doc.warnings[-1].line  # only the list warning
    assert not any("UTF-8" in w.message for w in doc.warnings)
    bom = parse_document(codecs.BOM_UTF8 + LETTER.encode("utf-8"), "a.txt")
    assert bom.signatories == doc.signatories and bom.source.encoding == "utf-8"


def test_windows_1252_is_read_and_said():
    data = LETTER.encode("cp1252")  # curly quotes are bytes 0x93/0x94 there
    doc = parse_document(data, "old.txt")
    assert doc.signatories[0].name == "Ren\u00e9e Fran\u00e7ois"
    assert "\u201cnow\u201d" in doc.letter.paragraphs[0]
    assert doc.source.encoding == "cp1252"
    first = doc.warnings[0]
    assert first.line is None and "Windows-1252" in first.message and "UTF-8" in first.message


def test_latin1_when_windows_1252_cannot_read_it():
    # 0x81 means nothing in Windows-1252; one stray such byte in a long letter is tolerated.
    plain = LETTER.replace("\u201c", '"').replace("\u201d", '"')
    data = (plain + "Text. " * 40).encode("latin-1") + b"\x81\n"
    decoded = decode_letter_bytes(data)
    assert decoded.encoding == "latin-1" and "Latin-1" in decoded.warning


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark(tmp_path, codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + LETTER.encode(codec))
    doc = open_document(path)
    assert doc.signatories[0].name == "Ren\u00e9e Fran\u00e7ois"
    assert doc.source.encoding == "utf-16"
    assert "UTF-16" in doc.warnings[0].message


def test_utf8_with_a_broken_byte_is_refused_with_its_line():
    data = "Dear R\u00f6ssner,\n\nok\n".encode() + b"caf\xe9\n"
    with pytest.raises(ParseError, match="not valid UTF-8") as info:
        parse_document(data, "mixed.txt")
    assert info.value.line == 4


@pytest.mark.parametrize(
    "data",
    [
        b"Signed:\n\nJane\x00Doe\n",
        b"\x01\x02\x03\x04\x05\x06" * 50 + b"\nSigned:\nA B\n",
        b"\xff\xfe\x00garbage",  # a UTF-16 mark before binary data
        bytes(range(256)) * 4,
    ],
)
def test_binary_is_refused(data):
    with pytest.raises(ParseError, match="binary"):
        parse_document(data, "blob.txt")


def test_size_is_checked_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2_000_000)
    with pytest.raises(ParseError, match="2 MB; letters this viewer opens are at most 1 MB"):
        read_file_bytes(path, limit=1_000_000)


def test_line_and_row_caps(monkeypatch):
    monkeypatch.setattr("viewer.core.textimport.plan.MAX_LINES", 5)
    with pytest.raises(ParseError, match="at most 5"):
        parse_document(b"Signed:\n\nA B\nC D\nE F\nG H\n", "many.txt")
    monkeypatch.setattr("viewer.core.textimport.plan.MAX_LINES", 1000)
    monkeypatch.setattr("viewer.core.textimport.plan.MAX_SIGNATORIES", 2)
    with pytest.raises(ParseError, match="More than 2 signatories"):
        parse_document(b"Signed:\n\nAnn Bee\nCid Dee\nEve Eff\n", "many.txt")


def test_review_plan_keeps_the_encoding_and_the_sidecar_through_corrections(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(LETTER.encode("cp1252"))
    (tmp_path / "old.meta.json").write_text('{"title": "From the sidecar"}', encoding="utf-8")
    plan = plan_file(path)
    moved = plan.with_boundary(5).with_layout("lines")
    doc = moved.to_document()
    assert doc.source.encoding == "cp1252" and doc.source.path == str(path)
    assert "Windows-1252" in doc.warnings[0].message
    assert doc.metadata.title == "From the sidecar"
    assert doc == open_document(path)
