"""The importer on letters written here, one for each kind of layout and for the ambiguities.

Each letter is small enough to read in the test, so every expected value can be checked by eye
against the text above it.
"""

from __future__ import annotations

import pytest

from viewer.core.errors import ParseError
from viewer.core.formats.letter_layout import parse_text_letter
from viewer.core.textimport.plan import analyse, import_text_letter


def _rows(doc) -> list[tuple]:
    return [(s.name, s.role, s.country) for s in doc.signatories]


def _warning(doc, fragment: str):
    found = [w for w in doc.warnings if fragment in w.message]
    assert found, [str(w) for w in doc.warnings]
    return found[0]


def test_bundled_letter_is_exactly_the_strict_reading(source_text):
    strict = parse_text_letter(source_text)
    doc = import_text_letter(source_text)
    assert doc.signatories == strict.signatories
    assert doc.letter == strict.letter
    assert len(doc.signatories) == 158
    assert doc.warnings == ()
    plan = analyse(source_text)
    assert plan.layout == "blocks"
    lines = source_text.split("\n")
    assert lines[plan.boundary - 1] == "Yours sincerely,"
    assert lines[plan.list_start - 1] == "Abdullah Sani Abdul Hamid"
    assert lines[plan.list_end - 1] == "Zairil Khir Johari"


def test_blocks_after_a_sign_off():
    doc = import_text_letter(
        "Dear Minister,\n\nPlease act.\n\nYours faithfully,\n\n"
        "Jane Doe\nMember of Parliament, Kenya\n\nJohn Roe\nSenator, Philippines\n\nAnn Lee\n"
    )
    assert _rows(doc) == [
        ("Jane Doe", "Member of Parliament", "Kenya"),
        ("John Roe", "Senator", "Philippines"),
        ("Ann Lee", None, None),
    ]
    assert doc.warnings == ()


def test_one_per_line_name_role_institution():
    doc = import_text_letter(
        "Dear Editor,\n\nWe object.\n\nSigned:\n\n"
        "Jane Doe, Lecturer, University of Leeds\n"
        "John Roe, Member of Parliament, Kenya\n"
        "Dr Ann Lee, Centre for Law, University of York\n"
        "Bo Chen, Student\n"
        "Teddy Baguilat, Jr., Representative, Philippines\n"
    )
    jane, john, ann, bo, teddy = doc.signatories
    assert (jane.role, jane.country, jane.extra) == (
        "Lecturer",
        None,
        (("affiliation", "University of Leeds"),),
    )
    assert (john.role, john.country, john.extra) == ("Member of Parliament", "Kenya", ())
    assert (ann.name, ann.role) == ("Dr Ann Lee", None)  # a centre is not a role
    assert ann.extra_value("affiliation") == "Centre for Law, University of York"
    assert (bo.role, bo.extra) == ("Student", ())
    assert (teddy.name, teddy.role, teddy.country) == (
        "Teddy Baguilat, Jr.",
        "Representative",
        "Philippines",
    )
    warning = _warning(doc, "start of the signatory list")
    assert warning.line == 5 and "one signatory a line" in warning.message


def test_name_dash_role_and_names_alone():
    doc = import_text_letter(
        "We ask you to act.\n\nSignatories:\n\n"
        "Jane Doe - Senator\nJohn Roe \u2013 Member of Parliament, Kenya\n"
        "Beate M\u00fcller-Gemmeke\nAnn Lee\n"
    )
    assert _rows(doc) == [
        ("Jane Doe", "Senator", None),
        ("John Roe", "Member of Parliament", "Kenya"),
        ("Beate M\u00fcller-Gemmeke", None, None),  # a hyphen inside a name is no separator
        ("Ann Lee", None, None),
    ]


def test_numbered_with_titles_and_a_gap():
    doc = import_text_letter(
        "Dear Minister,\n\nPlease act now.\n\nSincerely,\n\n"
        "1. Dr Jane Doe, Member of Parliament, Kenya\n"
        "2. Prof. John Roe, Senator, Philippines\n"
        "3. Mrs Ann Lee, Lecturer, University of Nairobi\n"
        "5. Sir Tim Smith\n"
        "6) Ms Bo Chen\n"
    )
    names = [s.name for s in doc.signatories]
    assert names == ["Dr Jane Doe", "Prof. John Roe", "Mrs Ann Lee", "Sir Tim Smith", "Ms Bo Chen"]
    assert _warning(doc, "numbering goes from 3 to 5").line == 10
    assert doc.letter.closing == "Sincerely,"


def test_numbered_entries_with_continuation_lines():
    doc = import_text_letter(
        "Text.\n\nSignatories\n\n1. Jane Doe\n   Member of Parliament, Kenya\n"
        "2. John Roe, Professor of Law,\n   University of Ghana\n"
    )
    assert _rows(doc) == [
        ("Jane Doe", "Member of Parliament", "Kenya"),
        ("John Roe", "Professor of Law", None),
    ]
    assert doc.signatories[1].extra_value("affiliation") == "University of Ghana"


def test_bulleted_with_countries_in_parentheses():
    doc = import_text_letter(
        "# Open letter on rivers\n\nTo the Minister,\n\nClean the rivers.\n\n## Signed by\n\n"
        "- Jane Doe (France)\n- John Roe (Member of the Bundestag, Germany)\n"
        "* Ann Lee (Green Party)\n+ Bo Chen (Atlantis)\n"
    )
    assert _rows(doc) == [
        ("Jane Doe", None, "France"),
        ("John Roe", "Member of the Bundestag", "Germany"),
        ("Ann Lee", None, None),
        ("Bo Chen", None, None),  # not a country this viewer knows: never guessed
    ]
    assert doc.signatories[2].extra_value("affiliation") == "Green Party"
    assert doc.signatories[3].extra_value("affiliation") == "Atlantis"
    assert doc.metadata.title == "Open letter on rivers"
    assert doc.letter.paragraphs == ("To the Minister,", "Clean the rivers.")


def test_markdown_table_with_extra_columns():
    doc = import_text_letter(
        "Statement.\n\n**Signatories**\n\n"
        "| Name | Position | Nationality | Organisation |\n| --- | --- | --- | --- |\n"
        "| Jane Doe | MP | Kenya | Green \\| Party |\n| John Roe |  |  |  |\n"
    )
    assert _rows(doc) == [("Jane Doe", "MP", "Kenya"), ("John Roe", None, None)]
    assert doc.signatories[0].extra == (("Organisation", "Green | Party"),)
    assert doc.letter.paragraphs == ("Statement.",)


def test_country_headings_group_the_entries_under_them():
    doc = import_text_letter(
        "Dear all,\n\nText of the letter.\n\nYours faithfully,\n\n"
        "France\nJane Doe, Senator\nPierre Dupont\n\n"
        "## Germany\nHans Meier, Member of the Bundestag\n\n"
        "**Academics:**\nAnn Lee, Professor\n"
    )
    assert _rows(doc) == [
        ("Jane Doe", "Senator", "France"),
        ("Pierre Dupont", None, "France"),
        ("Hans Meier", "Member of the Bundestag", "Germany"),
        ("Ann Lee", "Professor", "Germany"),
    ]
    assert doc.signatories[3].extra_value("group") == "Academics"
    warning = _warning(doc, "as headings for the entries under them")
    assert "line 7 \u201cFrance\u201d (their country)" in warning.message


def test_markdown_noise_never_reaches_the_names():
    doc = import_text_letter(
        "---\ntitle: A page\ndate: 2020-05-01T10:00:00Z\n---\n"
        "Dear X,\n\nText.\n\nSigned:\n\n"
        "Jane Doe\\*, University of Leeds\\*  \n"
        "**John Roe**, Reader, SOAS\\\n"
        "_Ann Lee_ (she/they), Professor\u00a0\u00a0\n"
        "Bo\u00a0Chen\u2020, [Amnesty](https://amnesty.org) &amp; Co\n"
        "Eve  Park\u00b9\n"
    )
    assert [s.name for s in doc.signatories] == [
        "Jane Doe",
        "John Roe",
        "Ann Lee",
        "Bo Chen",
        "Eve Park",
    ]
    assert doc.signatories[0].extra_value("affiliation") == "University of Leeds"
    assert doc.signatories[2].extra_value("pronouns") == "she/they"
    assert doc.signatories[3].extra_value("affiliation") == "Amnesty & Co"
    assert (doc.metadata.headline, doc.metadata.date) == ("A page", "2020-05-01")
    assert doc.letter.salutation == "Dear X,"


def test_chinese_headings_full_width_colon_and_inline_names():
    doc = import_text_letter("聲明全文。\n\n签名人：张三、李四、王五\n赵六\n")
    assert [s.name for s in doc.signatories] == ["张三", "李四", "王五", "赵六"]
    doc = import_text_letter("聲明。\n\n聯署人（共 3 人）：\n 王永平 \n 方敏生 \n")
    assert [s.name for s in doc.signatories] == ["王永平", "方敏生"]
    assert "says 3 signatories, but 2 were read" in " ".join(w.message for w in doc.warnings)


def test_sign_off_then_heading_is_one_boundary():
    text = (
        "Dear X,\n\nText.\n\nYours sincerely,\n\nJane Doe, Director\n\n"
        "Co-signatories:\n\n- John Roe\n- Ann Lee\n"
    )
    doc = import_text_letter(text)  # the author signs, and so do the co-signatories
    assert [s.name for s in doc.signatories] == ["Jane Doe", "John Roe", "Ann Lee"]
    assert doc.signatories[0].role == "Director"
    plan = analyse(text)
    moved = plan.with_boundary(9)  # a user who wants only the co-signatories
    assert [s.name for s in moved.signatories] == ["John Roe", "Ann Lee"]
    assert moved.heading == "Co-signatories:" and moved.layout == "bulleted"
    merged = import_text_letter("Dear X,\n\nText.\n\nYours sincerely,\n\nSignatories\n\nA Bee\n")
    assert merged.letter.closing == "Yours sincerely,"
    assert merged.letter.paragraphs == ("Text.",)


def test_list_found_without_a_heading_is_a_warning():
    doc = import_text_letter(
        "Dear all,\n\nWe, the undersigned scholars, call on the government to release the "
        "prisoners now.\n\nJane Doe\nJohn Roe\nAnn Lee\nBo Chen\n"
    )
    assert [s.name for s in doc.signatories] == ["Jane Doe", "John Roe", "Ann Lee", "Bo Chen"]
    assert _warning(doc, "No sign-off or heading").line == 5
    assert len(doc.letter.paragraphs) == 1


def test_lines_that_are_not_names_are_left_out_and_said():
    doc = import_text_letter(
        "Text.\n\nSigned:\n\nJane Doe\nplease add your name below\nJohn Roe\n\n"
        "Share this\n\nThank you for reading this letter and sharing it with your friends.\n"
    )
    assert [s.name for s in doc.signatories] == ["Jane Doe", "John Roe"]
    assert _warning(doc, "did not look like a signatory").line == 6
    end = _warning(doc, "not read as signatories")
    # "Share this" (line 9) is page furniture: no block at all, so the text after the list
    # starts with the sentence on line 11.
    assert end.line == 11 and "ends at line 7" in end.message


def test_press_release_end_and_footnotes_end_the_list():
    doc = import_text_letter(
        "Text.\n\nSigned:\n\nJane Doe, Unite Union*\nJohn Roe\n\n"
        "* organisations for identification only\n\nENDS\n\nJane Footer\n"
    )
    assert [s.name for s in doc.signatories] == ["Jane Doe", "John Roe"]
    assert doc.signatories[0].extra_value("affiliation") == "Unite Union"


def test_introduction_before_the_letter_is_left_out_and_said():
    doc = import_text_letter(
        "News site\n\nToday forty scientists wrote to the minister about the river, and we "
        "publish their letter in full below.\n\n"
        "The Minister of Water\nParliament Buildings\n\nDear Minister,\n\nClean it.\n\n"
        "Yours sincerely,\n\nJane Doe\n"
    )
    assert doc.letter.addressee == ("The Minister of Water", "Parliament Buildings")
    assert doc.letter.paragraphs == ("Clean it.",)
    assert _warning(doc, "introduction").line == 3


def test_plan_corrections_end_and_layout():
    text = "Text.\n\nSigned:\n\nJane Doe, MP, Kenya\nJohn Roe\nAnn Lee\n"
    plan = analyse(text)
    assert plan.layout == "lines" and len(plan.rows) == 3
    shorter = plan.with_list_end(6)
    assert [s.name for s in shorter.signatories] == ["Jane Doe", "John Roe"]
    blocks = plan.with_layout("blocks")
    assert blocks.layout == "blocks"
    assert shorter.with_layout("lines").list_end == 6  # corrections accumulate
    assert plan.with_layout(None).rows == plan.rows
    with pytest.raises(ParseError, match="no list layout called “columns”"):
        plan.with_layout("columns")
    with pytest.raises(ParseError, match="cannot start at line 999"):
        plan.with_boundary(999)
    with pytest.raises(ParseError, match="numbered 1 to 8"):
        plan.with_list_end(0)
    doc = plan.to_document()
    assert doc.signatories == plan.signatories and doc.warnings == plan.warnings


def test_text_without_a_list_is_a_plan_without_rows_and_a_parse_error():
    plan = analyse("Just a note.\n\nNothing else.", "note.md")
    assert plan.rows == () and plan.boundary is None and plan.layout is None
    assert plan.letter.paragraphs == ("Just a note.", "Nothing else.")
    with pytest.raises(ParseError, match="No list of signatories") as info:
        plan.to_document()
    assert info.value.path == "note.md"
    with pytest.raises(ParseError, match="No list of signatories"):
        import_text_letter("Dear X,\n\nText.\n\nYours sincerely,\n\n\n")


def test_paragraph_blocks_name_then_lines_about_the_person():
    doc = import_text_letter(
        "Text.\n\nSignatories\n\n"
        "Jane Doe\nProfessor of Law, University of Ghana\n\n"
        "John Roe (he/him)\nUniversity of Leeds\n\n"
        "Ann Lee\nMember of Parliament\nKenya\n\n"
        "For more information contact us.\n"
    )
    assert _rows(doc) == [
        ("Jane Doe", "Professor of Law", None),
        ("John Roe", None, None),
        ("Ann Lee", "Member of Parliament", "Kenya"),
    ]
    assert doc.signatories[0].extra_value("affiliation") == "University of Ghana"
    assert doc.signatories[1].extra == (
        ("affiliation", "University of Leeds"),
        ("pronouns", "he/him"),
    )
    assert "one paragraph a signatory" in _warning(doc, "start of the signatory list").message
    plan = analyse("Dear X,\n\nText.\n\nYours sincerely,\n\nJane Doe\nDirector, Amnesty\n")
    assert (plan.rows[0].first_line, plan.rows[0].last_line) == (7, 8)
    assert plan.signatories[0].role == "Director"


def test_names_mixed_with_name_country_lines_are_not_blocks():
    # "John Roe, Kenya" is a whole entry, not the role line of "Jane Doe" above it.
    doc = import_text_letter(
        "Text.\n\nSigned:\n\nJane Doe\nJohn Roe, Kenya\nAnn Lee\nBo Chen, France\n"
    )
    assert _rows(doc) == [
        ("Jane Doe", None, None),
        ("John Roe", None, "Kenya"),
        ("Ann Lee", None, None),
        ("Bo Chen", None, "France"),
    ]


def test_press_release_with_country_last_and_an_end_mark():
    doc = import_text_letter(
        "FOR IMMEDIATE RELEASE\n\nWe, the undersigned, urge the government to act now on "
        "climate change before it is too late.\n\nSignatories (in alphabetical order):\n\n"
        "Prof. Ana Silva, Professor of Climate Science, University of Lisbon, Portugal\n"
        "Chen Wei, PhD Student, Tsinghua University, China\n\n###\n\n"
        "Media contact: press@example.org\n"
    )
    assert _rows(doc) == [
        ("Prof. Ana Silva", "Professor of Climate Science", "Portugal"),
        ("Chen Wei", "PhD Student", "China"),
    ]
    assert doc.signatories[0].extra_value("affiliation") == "University of Lisbon"
    assert _warning(doc, "not read as signatories").line == 10  # the "###"


def test_nested_bullets_and_dashes_add_fields_to_their_entry():
    doc = import_text_letter(
        "Text.\n\n## Signed\n\n* **Jane Doe**, Senator \u2014 Philippines\n"
        "  * Chair, Committee on Justice\n* **John Roe**, MEP (Germany)\n"
    )
    assert _rows(doc) == [
        ("Jane Doe", "Senator, Chair", "Philippines"),
        ("John Roe", "MEP", "Germany"),
    ]
    assert doc.signatories[0].extra_value("affiliation") == "Committee on Justice"
    plan = analyse("Text.\n\n## Signed\n\n* Jane Doe\n  * Senator\n* John Roe\n")
    assert [(r.first_line, r.last_line) for r in plan.rows] == [(5, 6), (7, 7)]
