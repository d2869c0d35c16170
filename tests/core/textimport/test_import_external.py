"""Real open letters from elsewhere (../shared/external-letters), opened as a user opens them.

Expected counts are the hand counts of the folder's README (and of issue 5); the expected
body boundaries, names and roles come from reading the files. Where a check can be computed
from the file independently of the importer (the names as the lines start, the line numbers
of headings), it is.
"""

from __future__ import annotations

import re

import pytest
from conftest import EXTERNAL

from viewer.core.opening import open_document, plan_file
from viewer.core.textimport.plan import analyse

pytestmark = pytest.mark.skipif(
    not EXTERNAL.is_dir(), reason=f"the shared external letters are not at {EXTERNAL}"
)

NZ = "nz_paul_hopkinson_open_letter_2008-10-30.txt"
UK = "uk_feminist_scholars_huang_xueqin_2022.txt"
HK = "hk_former_officials_legislators_2019-07-23.txt"
HAND_COUNTS = {NZ: 33, UK: 55, HK: 34}  # issue 5 and the folder's README


def _text(name: str) -> str:
    return (EXTERNAL / name).read_text(encoding="utf-8")


def _line_number(name: str, predicate) -> int:
    """1-based number of the first line of the file that satisfies predicate."""
    for number, line in enumerate(_text(name).split("\n"), start=1):
        if predicate(line):
            return number
    raise AssertionError("no such line")


@pytest.fixture(scope="module")
def docs():
    return {name: open_document(EXTERNAL / name) for name in HAND_COUNTS}


def _body_text(doc) -> str:
    letter = doc.letter
    parts = [*letter.addressee, letter.salutation or "", *letter.paragraphs, *letter.demands]
    return "\n".join(parts)


def test_readme_states_the_same_hand_counts():
    readme = (EXTERNAL / "README.md").read_text(encoding="utf-8")
    for name, count in HAND_COUNTS.items():
        row = next(line for line in readme.splitlines() if f"`{name}`" in line)
        cells = [c.strip() for c in row.split("|")]
        assert re.match(rf"{count}\b", cells[4]), cells[4]  # the "hand count" column


@pytest.mark.parametrize("name", list(HAND_COUNTS))
def test_counts_and_clean_names(docs, name):
    doc = docs[name]
    assert len(doc.signatories) == HAND_COUNTS[name]
    assert [s.position for s in doc.signatories] == list(range(1, HAND_COUNTS[name] + 1))
    assert doc.source.format == "text" and doc.source.encoding == "utf-8"
    for s in doc.signatories:
        for value in (s.name, s.role, s.country, *(v for _, v in s.extra)):
            if value is None:
                continue
            assert value == value.strip(), value
            assert "  " not in value and "\u00a0" not in value, value
            assert "*" not in value and "\\" not in value, value
        assert not re.match(r"^\d+[.)]", s.name), s.name
        assert not s.name.endswith((",", ";", ":")), s.name


@pytest.mark.parametrize("name", list(HAND_COUNTS))
def test_page_noise_is_not_letter_text(docs, name):
    body = _body_text(docs[name])
    for noise in ("---", "title:", "slug:", "http", "Advertisement", "<figure", "![", "**"):
        assert noise not in body, noise


def test_nz_names_are_how_each_line_starts(docs):
    text = _text(NZ)
    after = text.split("Signed:", 1)[1]
    lines = [ln.strip() for ln in after.split("\n\n", 2)[1].split("\n")]
    names = [s.name for s in docs[NZ].signatories]
    assert len(lines) == len(names)
    for line, name in zip(lines, names, strict=True):
        assert line.startswith(name)
        assert line[len(name)] in ", "  # a comma, or a space where the comma is missing


def test_nz_fields_and_body(docs):
    doc = docs[NZ]
    people = {s.name: s for s in doc.signatories}
    assert people["John Minto"].role.startswith("chairman Quality Public Education Coalition")
    assert people["Mike Treen"].role == "national director Unite Union"
    assert people["Prof Tim David"].extra_value("affiliation") == "University of Canterbury"
    # The two lines without a comma: the name stops before the university.
    for name in ("Dr Megan Clayton", "Dr Paul Broady"):
        assert people[name].extra_value("affiliation") == "University of Canterbury"
        assert people[name].role is None
    assert people["Fiona O'Neill"].extra_value("affiliation") == "University of Canterbury"
    assert doc.signatories[-1].name == "Nigel Hefford"
    assert all(s.country is None for s in doc.signatories)  # cities are never countries
    paragraphs = doc.letter.paragraphs
    assert paragraphs[0].startswith("Schoolteacher and Workers Party Christchurch East")
    assert paragraphs[-1].endswith("demand that this undemocratic law be scrapped.")
    assert len(paragraphs) == 3
    assert doc.letter.closing == "Signed:"
    assert doc.metadata.title.startswith("Open Letter and Sign-on Statement")
    assert doc.metadata.date == "2008-10-30"
    body = _body_text(doc)
    for intro in ("Over 30 prominent academics", "Below is the open letter", "Scoop"):
        assert intro not in body


def test_nz_warnings_say_what_was_assumed(docs):
    warnings = {w.line: w.message for w in docs[NZ].warnings}
    signed = _line_number(NZ, lambda ln: ln.strip() == "Signed:")
    assert "start of the signatory list" in warnings[signed]
    clayton = _line_number(NZ, lambda ln: "Clayton University" in ln)
    broady = _line_number(NZ, lambda ln: "Broady University" in ln)
    assert f"lines {clayton}, {broady}" in warnings[clayton]
    intro = _line_number(NZ, lambda ln: ln.startswith("Below is the open letter"))
    assert "introduction" in warnings[intro]
    footnote = _line_number(NZ, lambda ln: ln.startswith("\\* educational"))
    assert "not read as signatories" in warnings[footnote]


def test_uk_names_are_the_numbered_entries(docs):
    numbered = re.findall(r"^ {4}(\d+)\. (.+)$", _text(UK), re.M)
    assert [int(n) for n, _ in numbered] == list(range(1, 56))
    for (_, entry), person in zip(numbered, docs[UK].signatories, strict=True):
        assert entry.startswith(person.name)
        assert entry[len(person.name)] in ", "


def test_uk_fields_and_body(docs):
    doc = docs[UK]
    people = {s.name: s for s in doc.signatories}
    assert doc.signatories[0].name == "Dr. Sarah Abel"
    assert doc.signatories[-1].name == "Professor Nira Yuval-Davis"
    juliet = people["Juliet Allen"]  # a trailing no-break space in the file
    assert (juliet.role, juliet.extra_value("affiliation")) == (
        "PhD Candidate",
        "University of Cambridge",
    )
    emma = people["Dr Emma Jones"]  # "(she/her)" is not part of the name
    assert emma.extra_value("pronouns") == "she/her"
    assert emma.role == "Lecturer in Gender and Education"
    assert emma.extra_value("affiliation") == "University College London"
    assert people["LEONARDO MORANTES-AFRICANO"].role == "teacher, educator"
    assert "Jerker Edström" in people and "Dr Gráinne McMahon" in people
    assert "Professor Sir Richard Jolly" in people  # titles stay as written
    assert people["Professor Andrea Cornwall"].extra_value("affiliation") == "SOAS"
    assert people["Professor Andrea Cornwall"].role is None
    assert all(s.country is None for s in doc.signatories)
    letter = doc.letter
    assert (
        letter.salutation == "Dear Mr.Zheng Zeguang, the Chinese Ambassador to the United Kingdom,"
    )
    assert letter.paragraphs[0] == (
        "I have the honour of delivering this open letter on behalf of 55 feminists based in "
        "the UK."
    )
    assert letter.paragraphs[-1].startswith("We strongly urge Chinese authorities")
    assert doc.metadata.title.startswith("An Open Letter to the Chinese Ambassador")
    body = _body_text(doc)
    assert not re.search(r"[\u4e00-\u9fff]", body)  # the Chinese preface is not the letter
    assert "Reporters without Borders" not in body  # a footnote after the list


def test_uk_warnings(docs):
    warnings = {w.line: w.message for w in docs[UK].warnings}
    heading = _line_number(UK, lambda ln: ln.startswith("COSIGNATORIES"))
    assert "numbered list" in warnings[heading]
    footnote = _line_number(UK, lambda ln: ln.startswith("[1]https"))
    assert "not read as signatories" in warnings[footnote]


def test_hk_names_are_the_lines_after_the_heading(docs):
    text = _text(HK)
    block = text.split("聯署人：", 1)[1].split("\n\n", 1)[0]
    expected = [ln.strip() for ln in block.split("\n")[1:]]
    assert [s.name for s in docs[HK].signatories] == expected
    assert all(s.role is None and s.country is None and not s.extra for s in docs[HK].signatories)


def test_hk_body_and_stated_count(docs):
    doc = docs[HK]
    paragraphs = doc.letter.paragraphs
    assert paragraphs[0].startswith("我們曾於6月23日發起聯署致函行政長官林鄭月娥")
    assert paragraphs[-1].endswith("提出有助社會和解的適當措施的建議。")
    body = _body_text(doc)
    assert "多名前高官及立法會議員" not in body  # the news report before the statement
    assert "請加入成為眾新聞" not in body  # the subscription footer
    assert doc.metadata.published_count == 34  # "34 人" in the heading
    assert not any("says 34" in w.message for w in doc.warnings)


def test_plans_give_the_review_view_its_boundaries():
    nz = analyse(_text(NZ), NZ)
    assert nz.boundary == _line_number(NZ, lambda ln: ln.strip() == "Signed:")
    assert nz.list_start == nz.boundary + 2
    assert nz.list_end == _line_number(NZ, lambda ln: ln.startswith("Nigel Hefford"))
    assert nz.letter_start == _line_number(NZ, lambda ln: ln.startswith("Open Letter and Sign-on"))
    assert nz.front_matter_end == 7
    assert nz.layout == "lines" and nz.extra_columns == ("affiliation",)
    uk = analyse(_text(UK), UK)
    assert uk.layout == "numbered"
    assert [r.first_line for r in uk.rows][:2] == [
        _line_number(UK, lambda ln: ln.startswith("    1. ")),
        _line_number(UK, lambda ln: ln.startswith("    2. ")),
    ]
    hk = analyse(_text(HK), HK)
    assert hk.heading.startswith("聯署人") and hk.stated_count == 34


@pytest.mark.parametrize("name", list(HAND_COUNTS))
def test_review_plan_of_a_file_gives_what_opening_it_gives(docs, name):
    plan = plan_file(EXTERNAL / name)
    assert plan.to_document() == docs[name]
    assert plan.to_document().source == docs[name].source
