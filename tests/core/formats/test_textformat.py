"""The reader of the plain-text letter layout, on the bundled letter and on variants."""

import re

import pytest

from viewer.core.errors import ParseError
from viewer.core.formats.letter_layout import parse_text_letter, split_role_line, write_text_letter
from viewer.core.model import ItemList, Paragraph


def _source_list_lines(source_text: str) -> list[str]:
    """The non-blank lines after the closing, computed from the source independently."""
    tail = source_text.split("Yours sincerely,", 1)[1]
    return [ln for ln in tail.split("\n") if ln.strip()]


def test_bundled_letter_counts(bundled):
    people = bundled.signatories
    assert len(people) == 158
    assert [s.position for s in people] == list(range(1, 159))
    not_stated = [s for s in people if s.role is None and s.country is None]
    assert len(not_stated) == 6
    assert all((s.role is None) == (s.country is None) for s in people)
    assert len({s.country for s in people if s.country}) == 23
    assert bundled.warnings == ()


def test_every_entry_is_character_for_character_the_source(bundled, source_text):
    rebuilt = []
    for s in bundled.signatories:
        rebuilt.append(s.name)
        if s.role:
            rebuilt.append(f"{s.role}, {s.country}")
    assert rebuilt == _source_list_lines(source_text)


def test_names_with_commas_and_diacritics(bundled):
    names = [s.name for s in bundled.signatories]
    assert "Teddy Baguilat, Jr." in names
    for name in (
        "Tabea Rößner",
        "Beate Müller-Gemmeke",
        "Ramón Jáuregui Atondo",
        "Sergio Gutiérrez Prieto",
        "Frédérique Ries",
        "André Gattolin",
    ):
        assert name in names
    teddy = next(s for s in bundled.signatories if s.name.startswith("Teddy"))
    assert (teddy.role, teddy.country) == ("Member of the House of Representatives", "Philippines")


def test_not_stated_are_never_guessed(bundled):
    missing = [s.name for s in bundled.signatories if s.country is None]
    assert missing == [
        "Dr. Ko Chung Sen",
        "Julian Tan Kok Ping",
        "Lim Lip Eng",
        "Ong Kian Ming",
        "Sivakumar Varatharaju Naidu",
        "Zairil Khir Johari",
    ]


def test_letter_structure(bundled, source_text):
    letter = bundled.letter
    assert letter.addressee == (
        "His Excellency Samdech Techo Hun Sen",
        "Prime Minister Kingdom of Cambodia",
    )
    assert letter.date == "4 December 2017"
    assert letter.salutation == "Dear Prime Minister Hun Sen,"
    assert letter.closing == "Yours sincerely,"
    assert len(letter.paragraphs) == 5
    for para in letter.paragraphs:
        assert para in source_text
    demands = letter.demands
    assert len(demands) == 4
    assert demands[2].endswith("to electoral laws; and")  # the stray " and" joins item 3
    assert demands[3].startswith("Recommit")
    assert isinstance(letter.body[-1], ItemList)


@pytest.mark.parametrize("closing", ["Sincerely,", "Yours faithfully,", "Signed,", "Signed:"])
def test_other_closings(closing):
    text = f"Dear Minister,\n\nPlease act.\n\n{closing}\n\nJane Doe\nMP, Kenya\n\nJohn Roe\n"
    doc = parse_text_letter(text)
    assert [(s.name, s.role, s.country) for s in doc.signatories] == [
        ("Jane Doe", "MP", "Kenya"),
        ("John Roe", None, None),
    ]
    assert doc.letter.closing == closing


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("MP, Kenya", ("MP", "Kenya")),
        ("Senator, Philippines", ("Senator", "Philippines")),
        ("Member of the Bundestag, Germany", ("Member of the Bundestag", "Germany")),
        ("Member of Parliament, Atlantis", ("Member of Parliament", "Atlantis")),
        ("Teddy Baguilat, Jr.", None),
        ("Jane Doe", None),
    ],
)
def test_role_lines(line, expected):
    assert split_role_line(line) == expected


def test_unplaceable_line_becomes_a_warning_not_a_crash():
    text = "Dear all,\n\nText.\n\nYours sincerely,\n\nMP, Kenya\n\nJane Doe\n\n12345\n"
    doc = parse_text_letter(text)
    assert [s.name for s in doc.signatories] == ["Jane Doe"]
    assert [w.line for w in doc.warnings] == [7, 11]
    assert "follows no name" in doc.warnings[0].message


def test_paragraphs_wrapped_over_lines_are_joined():
    doc = parse_text_letter("Dear X,\n\nOne line\ncontinued here.\n\nSincerely,\n\nA B\n")
    assert doc.letter.body == (Paragraph("One line continued here."),)


def test_text_without_signatories_is_a_parse_error():
    with pytest.raises(ParseError, match="No list of signatories"):
        parse_text_letter("Just a note.\n\nNothing else.", "note.txt")
    with pytest.raises(ParseError) as info:
        parse_text_letter("Dear X,\n\nText.\n\nYours sincerely,\n\n\n")
    assert info.value.line == 5


def test_writer_round_trip(bundled):
    written = write_text_letter(bundled)
    again = parse_text_letter(written)
    assert again.letter == bundled.letter
    assert again.signatories == bundled.signatories
    assert re.search(r"^Teddy Baguilat, Jr\.$", written, re.M)
