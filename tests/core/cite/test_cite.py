"""Citations: every style for the bundled letter, written out from the guides' rules.

The expected strings below were composed by hand from the style rules (Chicago 17 14.76,
14.206; APA 7 9.8, 9.21, 10.16; MLA 9 2.1-2.6) and the facts of the letter and its metadata;
they are not copies of the program's output. Machine formats are parsed as well as compared.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.cite import (
    STYLE_IDS,
    STYLES,
    UnknownStyleError,
    body_paragraphs,
    cite_letter,
    cite_letter_html,
    cite_quote,
    cite_quote_html,
    cite_signatories,
    paragraph_at,
    paragraphs_of_text,
    parse_date,
    signatory_line,
    signatory_names,
)
from viewer.core.cite.facts import DateParts, initials
from viewer.core.cite.titlecase import headline_case
from viewer.core.formats.json_document import document_from_json, document_to_json
from viewer.core.model import Document, ItemList, Letter, Metadata, Paragraph, Signatory, numbered
from viewer.core.opening import open_document

# -- facts of the letter (from data/*.meta.json and the letter's own text) ---------------
URL = (
    "https://aseanmp.org/publications/post/mps-from-23-countries-call-for-the-release-of-kem-sokha"
)
SHOWN_URL = URL.removeprefix("https://")
APHR = "ASEAN Parliamentarians for Human Rights"
TO = "Samdech Techo Hun Sen, Prime Minister of the Kingdom of Cambodia"
HEADLINE = "MPs from 23 countries call for the release of Kem Sokha"  # as APHR wrote it
HEADLINE_TC = "MPs from 23 Countries Call for the Release of Kem Sokha"  # headline style, by hand
# The first nineteen names and the last, in the order of the letter's list.
FIRST_19 = [
    "Abdullah Sani Abdul Hamid", "Ahmed Munzoor Shaik Emam", "Alan Lowenthal", "Alessia Mosca",
    "Alice Lau Kiong Yieng", "Ana Gomes", "André Gattolin", "Antonio L. Tinio",
    'Arlene "Kaka" Bag-ao', "Arlene Brosas", "Azman Ismail", "Barbara Lochbihler",
    "Beate Müller-Gemmeke", "Bendita Moniz Magno", "Bertu Merlas", "Bob Blackman",
    "Boon Chye Lee", "Brando Benifei", "Brigida A. Correia",
]  # fmt: skip
LAST = "Zairil Khir Johari"
FIRST = FIRST_19[0]
GERMANS = [
    ("Barbara Lochbihler", "Member of the European Parliament"),
    ("Beate Müller-Gemmeke", "Member of the Bundestag"),
    ("Claudia Roth", "Member of the Bundestag"),
    ("Kai Gehring", "Member of the Bundestag"),
    ("Kerstin Andreae", "Member of the Bundestag"),
    ("Norbert Neuser", "Member of the European Parliament"),
    ("Omid Nouripour", "Member of the Bundestag"),
    ("Sylvia Kotting-Uhl", "Member of the Bundestag"),
    ("Tabea Rößner", "Member of the Bundestag"),
    ("Thomas Gambke", "Member of the Bundestag"),
    ("Uwe Kekeritz", "Member of the Bundestag"),
]

# Chicago note: four or more authors -> first and "et al."; description lower case in the
# note; the page title in quotes and headline style, comma inside; site; URL; period.
CHICAGO_NOTE = (
    f"{FIRST} et al., letter to {TO}, December 4, 2017, in \u201c{HEADLINE_TC},\u201d "
    f"{APHR}, {URL}."
)
CHICAGO_NOTE_ORGANISER = (
    f"{APHR}, letter to {TO}, December 4, 2017, in \u201c{HEADLINE_TC},\u201d {APHR}, {URL}."
)
# Chicago bibliography: more than ten authors -> the first seven, then "et al.".
CHICAGO_BIB = (
    f"{', '.join(FIRST_19[:7])}, et al. Letter to {TO}, December 4, 2017. "
    f"In \u201c{HEADLINE_TC},\u201d {APHR}. {URL}."
)
# APA: 21 or more -> first nineteen, ". . .", the last; no ampersand; description in
# brackets; "In" + italic page title (plain here); site; URL without a period. Names whose
# order the rules decide (Latin script, given name first, from a country where that is the
# rule) are inverted with initials; Malaysian and Indonesian names, a patronymic ("Shaik"),
# and a name without a stated country (the last) stay as written.
APA_FIRST_19 = [
    "Abdullah Sani Abdul Hamid", "Ahmed Munzoor Shaik Emam", "Lowenthal, A.", "Mosca, A.",
    "Alice Lau Kiong Yieng", "Gomes, A.", "Gattolin, A.", "Tinio, A. L.", "Bag-ao, A.",
    "Brosas, A.", "Azman Ismail", "Lochbihler, B.", "Müller-Gemmeke, B.", "Magno, B. M.",
    "Bertu Merlas", "Blackman, B.", "Boon Chye Lee", "Benifei, B.", "Correia, B. A.",
]  # fmt: skip
BIBTEX_FIRST_10 = [
    "{Abdullah Sani Abdul Hamid}", "{Ahmed Munzoor Shaik Emam}", "{Lowenthal}, Alan",
    "{Mosca}, Alessia", "{Alice Lau Kiong Yieng}", "{Gomes}, Ana", "{Gattolin}, André",
    "{Tinio}, Antonio L.", '{Bag-ao}, Arlene "Kaka"', "{Brosas}, Arlene",
]  # fmt: skip
APA = (
    f"{', '.join(APA_FIRST_19)}, . . . {LAST}. (2017, December 4). [Letter to {TO}]. "
    f"In {HEADLINE}. {APHR}. {URL}"
)
# APA with the organiser as author: the site name equals the author and is left out.
APA_ORGANISER = f"{APHR}. (2017, December 4). [Letter to {TO}]. In {HEADLINE}. {URL}"
# MLA: three or more -> first and "et al."; description plain; container italic, title case;
# publisher; "4 Dec. 2017"; URL without https://.
MLA = f"{FIRST} et al. Letter to {TO}. {HEADLINE_TC}, {APHR}, 4 Dec. 2017, {SHOWN_URL}."
# MLA: an organisation that is author and publisher is given only as publisher.
MLA_ORGANISER = f"Letter to {TO}. {HEADLINE_TC}, {APHR}, 4 Dec. 2017, {SHOWN_URL}."
PLAIN = (
    f"{FIRST} and 157 others, Letter to {TO}, 4 December 2017 "
    f"({APHR}, \u201c{HEADLINE}\u201d, {URL})."
)
BIBTEX = (
    "@misc{abdullah2017,\n"
    f"  author       = {{{' and '.join(BIBTEX_FIRST_10)} and others}},\n"
    f"  title        = {{{{Letter to {TO}}}}},\n"
    f"  howpublished = {{{APHR}}},\n"
    f"  note         = {{Published in ``{HEADLINE}''}},\n"
    "  year         = {2017},\n"
    "  month        = dec,\n"
    f"  url          = {{{URL}}},\n"
    "}"
)


# -- the bundled letter, style by style ---------------------------------------------------


def test_the_source_order_the_expectations_rely_on(bundled):
    names = [s.name for s in bundled.signatories]
    assert names[:19] == FIRST_19 and names[-1] == LAST and len(names) == 158


@pytest.mark.parametrize(
    ("style", "authors", "expected"),
    [
        ("chicago-note", "signatories", CHICAGO_NOTE),
        ("chicago-note", "organiser", CHICAGO_NOTE_ORGANISER),
        ("chicago-bib", "signatories", CHICAGO_BIB),
        ("chicago-bib", "organiser", f"{APHR}. " + CHICAGO_BIB.split("et al. ", 1)[1]),
        ("apa", "signatories", APA),
        ("apa", "organiser", APA_ORGANISER),
        ("mla", "signatories", MLA),
        ("mla", "organiser", MLA_ORGANISER),
        ("plain", "signatories", PLAIN),
        ("bibtex", "signatories", BIBTEX),
    ],
)
def test_bundled_letter_in_each_style(bundled, style, authors, expected):
    assert cite_letter(bundled, style, authors) == expected


def test_default_is_the_chicago_note_with_the_organiser_as_author(bundled):
    # Issue 17: the letter names its publisher (APHR), so APHR is the default author, not
    # whoever happens to be listed first.
    assert cite_letter(bundled) == CHICAGO_NOTE_ORGANISER
    for style in STYLE_IDS:
        assert APHR in cite_letter(bundled, style)
        assert FIRST not in cite_letter(bundled, style)


def test_html_has_italics_where_the_style_has_them_and_links(bundled):
    apa = cite_letter_html(bundled, "apa", "signatories")
    assert f"In <i>{HEADLINE}</i>. {APHR}." in apa
    assert apa.endswith(f'<a href="{URL}">{URL}</a>')
    mla = cite_letter_html(bundled, "mla", "signatories")
    assert mla.startswith(f"{FIRST} et al. Letter to {TO}. <i>{HEADLINE_TC}</i>, {APHR}")
    assert mla.endswith(f'<a href="{URL}">{SHOWN_URL}</a>.')
    assert "<i>" not in cite_letter_html(bundled, "chicago-note")
    for style in STYLE_IDS:  # the HTML says the same as the text
        text = re.sub(r"<[^>]+>", "", cite_letter_html(bundled, style))
        assert html.unescape(text) == cite_letter(bundled, style)


# -- BibTeX, parsed by a strict parser ----------------------------------------------------


def parse_bibtex(text: str) -> tuple[str, str, dict[str, str]]:
    """One @type{key, field = {value} | bareword, ...}; raises on anything else."""
    m = re.fullmatch(r"@(\w+)\{([A-Za-z0-9_:-]+),\n(.*)\}", text, re.S)
    assert m, text
    kind, key, body = m[1], m[2], m[3]
    fields: dict[str, str] = {}
    i = 0
    while i < len(body):
        fm = re.compile(r"\s*([a-z]+)\s*=\s*").match(body, i)
        assert fm, body[i:]
        name, i = fm[1], fm.end()
        if body[i] == "{":
            depth, start = 0, i
            while True:
                depth += {"{": 1, "}": -1}.get(body[i], 0)
                i += 1
                if depth == 0:
                    break
                assert i < len(body), "unbalanced braces"
            value = body[start + 1 : i - 1]
        else:
            wm = re.compile(r"[a-z0-9]+").match(body, i)
            assert wm, body[i:]
            value, i = wm[0], wm.end()
        assert name not in fields
        fields[name] = value
        tail = re.compile(r",?\n").match(body, i)
        assert tail, body[i:]
        i = tail.end()
    return kind, key, fields


def split_top_level(value: str, sep: str = " and ") -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(value):
        c = value[i]
        depth += {"{": 1, "}": -1}.get(c, 0)
        if depth == 0 and value.startswith(sep, i):
            parts.append(value[start:i])
            i += len(sep)
            start = i
            continue
        i += 1
    return [*parts, value[start:]]


def test_bibtex_parses_and_ends_with_and_others(bundled):
    kind, key, fields = parse_bibtex(cite_letter(bundled, "bibtex", "signatories"))
    assert (kind, key) == ("misc", "abdullah2017")
    authors = split_top_level(fields["author"])
    assert authors[-1] == "others" and len(authors) == 11
    assert authors[:10] == BIBTEX_FIRST_10
    assert fields["month"] == "dec" and fields["year"] == "2017"
    assert fields["title"] == "{Letter to " + TO + "}"


# -- RIS, line by line -------------------------------------------------------------------

RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ")


def check_ris(text: str) -> list[tuple[str, str]]:
    lines = text.split("\n")
    assert all(RIS_LINE.match(line) for line in lines), lines
    assert lines[0] == "TY  - PCOMM" and lines[-1] == "ER  - "
    assert sum(line.startswith("TY  - ") for line in lines) == 1
    assert sum(line.startswith("ER  - ") for line in lines) == 1
    return [(line[:2], line[6:]) for line in lines]


def test_ris_record(bundled):
    pairs = check_ris(cite_letter(bundled, "ris", "signatories"))
    authors = [v for t, v in pairs if t == "AU"]
    assert len(authors) == 158  # every name, in order
    assert authors[:4] == [FIRST, "Ahmed Munzoor Shaik Emam", "Lowenthal, Alan", "Mosca, Alessia"]
    # "Family, Given, Suffix" where decided; as written (no comma, RIS would split) otherwise
    assert "Baguilat, Teddy, Jr." in authors and "Lim Kit Siang" in authors
    assert all(a.count(",") <= 2 for a in authors)
    assert [p for p in pairs if p[0] != "AU"] == [
        ("TY", "PCOMM"),
        ("TI", f"Letter to {TO}"),
        ("T2", HEADLINE),
        ("PB", APHR),
        ("PY", "2017"),
        ("DA", "2017/12/04/"),
        ("UR", URL),
        ("LA", "en"),
        ("ER", ""),
    ]


# -- CSL-JSON against the schema (csl-data.json of CSL 1.0.2) -------------------------------

_CSL_TYPES = (
    "article article-journal article-magazine article-newspaper bill book broadcast chapter "
    "classic collection dataset document entry entry-dictionary entry-encyclopedia event "
    "figure graphic hearing interview legal_case legislation manuscript map motion_picture "
    "musical_score pamphlet paper-conference patent performance periodical "
    "personal_communication post post-weblog regulation report review review-book software "
    "song speech standard thesis treaty webpage"
)
CSL_TYPES = frozenset(_CSL_TYPES.split())
CSL_NAME_KEYS = {
    "family", "given", "dropping-particle", "non-dropping-particle", "suffix", "comma-suffix",
    "static-ordering", "literal", "parse-names",
}  # fmt: skip
CSL_STRING_FIELDS = {"title", "publisher", "container-title", "URL", "language", "genre", "note"}


def check_csl(text: str) -> dict:
    data = json.loads(text)
    assert isinstance(data, list) and len(data) == 1
    item = data[0]
    assert {"id", "type"} <= item.keys()  # the schema's required fields
    assert isinstance(item["id"], str | int) and item["type"] in CSL_TYPES
    for key, value in item.items():
        if key in ("author", "recipient"):
            assert isinstance(value, list)
            for name in value:
                assert isinstance(name, dict) and name.keys() <= CSL_NAME_KEYS
                assert all(isinstance(v, str) for v in name.values())
        elif key in ("issued", "accessed"):
            parts = value["date-parts"]
            assert value.keys() == {"date-parts"} and 1 <= len(parts) <= 2
            assert all(1 <= len(p) <= 3 and all(isinstance(x, int) for x in p) for p in parts)
        else:
            assert key in CSL_STRING_FIELDS | {"id", "type"}, key
            assert isinstance(value, str)
    return item


def test_csl_json_item(bundled):
    item = check_csl(cite_letter(bundled, "csl-json", "signatories"))
    assert item["type"] == "personal_communication"
    assert len(item["author"]) == 158
    assert item["author"][:3] == [
        {"literal": FIRST},
        {"literal": "Ahmed Munzoor Shaik Emam"},
        {"family": "Lowenthal", "given": "Alan"},
    ]
    assert {"literal": "Lim Kit Siang"} in item["author"]
    assert item["recipient"] == [{"literal": TO}]
    assert "title" not in item  # the recipient makes the description; no title to repeat it
    assert item["issued"] == {"date-parts": [[2017, 12, 4]]}
    assert (item["publisher"], item["container-title"], item["URL"]) == (APHR, HEADLINE, URL)
    organiser = check_csl(cite_letter(bundled, "csl-json", "organiser"))
    assert organiser["author"] == [{"literal": APHR}] and organiser["id"] == "aphr2017"


# -- how many authors each guide names ----------------------------------------------------

PEOPLE = [f"Person {chr(ord('A') + i)}{chr(ord('a') + i)}" for i in range(25)]


def doc_with(n: int, **meta) -> Document:
    metadata = Metadata(description="Letter to the Minister", date="2020-03-01", **meta)
    # Malaysia: a country whose names the rules leave as written, so that these lists
    # compare names as written and test the guides' truncation alone.
    people = numbered([Signatory(p, country="Malaysia") for p in PEOPLE[:n]])
    return Document(signatories=people, metadata=metadata)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 10, 11, 20, 21, 25])
def test_author_lists_follow_each_guide(n):
    doc = doc_with(n)
    names = PEOPLE[:n]
    note = cite_letter(doc, "chicago-note").split(", letter to")[0]
    bib = cite_letter(doc, "chicago-bib").split(" Letter to")[0]
    apa = cite_letter(doc, "apa").split(" (2020")[0]
    mla = cite_letter(doc, "mla").split(" Letter to")[0]
    series = ", ".join(names[:-1]) + (", and " if n > 2 else " and ") + names[-1]
    if n == 1:
        assert (note, bib, apa, mla) == (names[0], names[0] + ".", names[0] + ".", names[0] + ".")
        return
    assert note == (f"{names[0]} et al." if n >= 4 else series)
    assert bib == (", ".join(names[:7]) + ", et al." if n > 10 else series + ".")
    if n > 20:
        assert apa == ", ".join(names[:19]) + ", . . . " + names[-1] + "."
    else:
        amp = ", & " if n > 2 else " & "  # two full names: no initials for a comma to follow
        assert apa == ", ".join(names[:-1]) + amp + names[-1] + "."
    assert mla == (f"{names[0]} et al." if n >= 3 else f"{names[0]} and {names[1]}.")
    authors = split_top_level(parse_bibtex(cite_letter(doc, "bibtex"))[2]["author"])
    assert authors == ["{" + p + "}" for p in names[:10]] + (["others"] if n > 10 else [])


# -- names: inverted only where the family name is stated ---------------------------------


def test_names_the_rules_cannot_decide_stay_as_written(bundled):
    # Issue 17: "Lim Kit Siang" (Malaysia) has no family name a rule could find; "Alan
    # Lowenthal" (United States) is a Latin-script name, given name first.
    lim = replace(bundled, signatories=numbered([Signatory("Lim Kit Siang", country="Malaysia")]))
    assert cite_letter(lim, "chicago-bib", "signatories").startswith("Lim Kit Siang. Letter to")
    assert cite_letter(lim, "apa", "signatories").startswith("Lim Kit Siang. (2017")
    assert cite_letter(lim, "mla", "signatories").startswith("Lim Kit Siang. Letter to")
    assert "AU  - Lim Kit Siang\n" in cite_letter(lim, "ris", "signatories")
    both = replace(bundled, signatories=numbered([bundled.signatories[2], lim.signatories[0]]))
    assert cite_letter(both, "apa", "signatories").startswith(
        "Lowenthal, A., & Lim Kit Siang. (2017"
    )
    assert cite_letter(both, "chicago-bib", "signatories").startswith(
        "Lowenthal, Alan, and Lim Kit Siang. Letter to"
    )


def family_doc() -> Document:
    people = [
        Signatory("Charles Santiago", family_name="Santiago"),
        Signatory("Teddy Baguilat, Jr.", family_name="Baguilat"),
        Signatory("Chong Chieng Jen", family_name="Chong"),
        Signatory("Jean-Paul Antonio L. Martin", family_name="Martin"),
        Signatory("Lim Kit Siang", family_name="Tan"),  # not in the name: as written
    ]
    return Document(
        signatories=numbered(people),
        metadata=Metadata(description="Letter to the Minister", date="2017-12-04"),
    )


def test_stated_family_names_invert_the_way_each_guide_wants():
    doc = family_doc()
    assert cite_letter(doc, "chicago-bib").startswith(
        "Santiago, Charles, Teddy Baguilat, Jr., Chong Chieng Jen, Jean-Paul Antonio L. Martin, "
        "and Lim Kit Siang. Letter to the Minister, December 4, 2017."
    )
    assert cite_letter(doc, "apa").startswith(
        "Santiago, C., Baguilat, T., Jr., Chong, C. J., Martin, J.-P. A. L., & Lim Kit Siang. "
        "(2017, December 4)."
    )
    assert cite_letter(doc, "mla").startswith("Santiago, Charles, et al. Letter to the Minister.")
    two = replace(doc, signatories=doc.signatories[:2])
    assert cite_letter(two, "mla").startswith("Santiago, Charles, and Teddy Baguilat, Jr. Letter")
    assert cite_letter(two, "chicago-bib").startswith("Santiago, Charles, and Teddy Baguilat, Jr.")
    assert cite_letter(two, "apa").startswith("Santiago, C., & Baguilat, T., Jr. (2017")
    csl = check_csl(cite_letter(doc, "csl-json"))["author"]
    assert csl == [
        {"family": "Santiago", "given": "Charles"},
        {"family": "Baguilat", "given": "Teddy", "suffix": "Jr."},
        {"family": "Chong", "given": "Chieng Jen"},
        {"family": "Martin", "given": "Jean-Paul Antonio L."},
        {"literal": "Lim Kit Siang"},
    ]
    authors = split_top_level(parse_bibtex(cite_letter(doc, "bibtex"))[2]["author"])
    assert authors[:2] == ["{Santiago}, Charles", "{Baguilat}, {Jr.}, Teddy"]
    assert authors[-1] == "{Lim Kit Siang}"
    ris = [v for t, v in check_ris(cite_letter(doc, "ris")) if t == "AU"]
    assert ris[:2] == ["Santiago, Charles", "Baguilat, Teddy, Jr."]


def test_family_name_survives_the_json_format():
    doc = document_from_json(document_to_json(family_doc()))
    assert cite_letter(doc, "apa").startswith("Santiago, C., Baguilat, T., Jr.,")


def test_initials():
    assert initials("Charles") == "C."
    assert initials("Jean-Paul") == "J.-P."
    assert initials('Arlene "Kaka"') == "A."
    assert initials("A.B. Smith") == "A. B. S."


# -- letters without metadata, or with part of it -------------------------------------------

SLOPPY = [r"\bNone\b", r"\(\s*\)", r"\[\s*\]", r"“\s*”", r",\s*,", r"\s,", r",\.", r"\.\.(?! \.)",
          r"  ", r"^\s", r"\s$", r"\bnull\b", r"\{\s*\}"]  # fmt: skip


def assert_clean(text: str, style: str = "plain") -> None:
    """No "None", empty brackets, dangling commas or double spaces in what a reader sees."""
    if style == "ris":
        values = [v for _, v in check_ris(text)[:-1]]
    elif style == "bibtex":
        values = list(parse_bibtex(text)[2].values())
    elif style == "csl-json":
        item = check_csl(text)
        values = [v for v in item.values() if isinstance(v, str)]
        values += [n.get("literal", "") for n in item.get("author", [])]
    else:
        values = [text]
    for value in values:
        for pattern in SLOPPY:
            assert not re.search(pattern, value), (pattern, value)


@pytest.fixture
def no_metadata(tmp_path, source_text):
    path = tmp_path / "letter.txt"
    path.write_text(source_text, encoding="utf-8")
    doc = open_document(path)
    assert doc.metadata == Metadata()
    return doc


def test_letter_without_metadata_cites_cleanly(no_metadata):
    to = "His Excellency Samdech Techo Hun Sen"  # the letter's own first addressee line
    assert cite_letter(no_metadata, "chicago-note") == (
        f"{FIRST} et al., letter to {to}, December 4, 2017."
    )
    assert cite_letter(no_metadata, "mla") == f"{FIRST} et al. Letter to {to}. 4 Dec. 2017."
    assert cite_letter(no_metadata, "apa").endswith(
        f"{LAST}. (2017, December 4). [Letter to {to}]."
    )
    assert (
        cite_letter(no_metadata, "plain")
        == f"{FIRST} and 157 others, Letter to {to}, 4 December 2017."
    )
    for style in STYLE_IDS:
        for authors in ("signatories", "organiser"):  # no publisher: the signatories stay
            assert_clean(cite_letter(no_metadata, style, authors), style)
    check_ris(cite_letter(no_metadata, "ris"))
    check_csl(cite_letter(no_metadata, "csl-json"))
    parse_bibtex(cite_letter(no_metadata, "bibtex"))


def test_signatories_only_no_date_no_addressee():
    doc = Document(signatories=numbered([Signatory("Ana Gomes"), Signatory("Julie Ward")]))
    # Both names are Latin-script, given name first: the rules invert them (issue 17).
    assert cite_letter(doc, "chicago-note") == "Ana Gomes and Julie Ward, letter, n.d."
    assert cite_letter(doc, "chicago-bib") == "Gomes, Ana, and Julie Ward. Letter, n.d."
    assert cite_letter(doc, "apa") == "Gomes, A., & Ward, J. (n.d.). [Letter]."
    assert cite_letter(doc, "mla") == "Gomes, Ana, and Julie Ward. Letter."
    assert cite_letter(doc, "plain") == "Ana Gomes and Julie Ward, Letter."
    for style in STYLE_IDS:
        assert_clean(cite_letter(doc, style), style)


@pytest.mark.parametrize(
    ("meta", "note", "apa"),
    [
        (
            {"publisher": APHR},
            f"Ana Gomes, letter to the Minister, n.d., {APHR}.",
            f"Gomes, A. (n.d.). [Letter to the Minister]. {APHR}.",
        ),
        (
            {"url": URL, "date": "2017-12"},
            f"Ana Gomes, letter to the Minister, December 2017, {URL}.",
            f"Gomes, A. (2017, December). [Letter to the Minister]. {URL}",
        ),
        (
            {"headline": HEADLINE, "date": "2017"},
            f"Ana Gomes, letter to the Minister, 2017, in \u201c{HEADLINE_TC}.\u201d",
            f"Gomes, A. (2017). [Letter to the Minister]. In {HEADLINE}.",
        ),
        (
            {"url": URL, "accessed": "2024-05-01"},
            f"Ana Gomes, letter to the Minister, n.d., accessed May 1, 2024, {URL}.",
            f"Gomes, A. (n.d.). [Letter to the Minister]. {URL}",
        ),
    ],
)
def test_partial_metadata_leaves_out_what_is_missing(meta, note, apa):
    doc = Document(
        signatories=numbered([Signatory("Ana Gomes")]),
        metadata=Metadata(description="Letter to the Minister", **meta),
    )
    assert cite_letter(doc, "chicago-note", "signatories") == note
    assert cite_letter(doc, "apa", "signatories") == apa
    for style in STYLE_IDS:
        assert_clean(cite_letter(doc, style), style)
    check_ris(cite_letter(doc, "ris"))
    check_csl(cite_letter(doc, "csl-json"))
    parse_bibtex(cite_letter(doc, "bibtex"))


def test_organiser_without_signatories_is_the_author(bundled):
    doc = replace(bundled, signatories=())
    assert cite_letter(doc, "apa") == APA_ORGANISER
    assert cite_letter(doc, "mla") == MLA_ORGANISER


def test_no_title_case_for_a_headline_in_another_language():
    doc = doc_with(1, headline="Abgeordnete fordern die Freilassung", language="de")
    note = cite_letter(doc, "chicago-note")
    assert note.endswith("in \u201cAbgeordnete fordern die Freilassung.\u201d")


def test_a_titled_letter_is_quoted_not_described():
    doc = doc_with(1, title="Free Kem Sokha now")
    assert (
        cite_letter(doc, "chicago-note")
        == "Person Aa, \u201cFree Kem Sokha Now,\u201d March 1, 2020."
    )
    # APA 9.21: the form in brackets after the title (as citeproc-py with apa.csl prints it)
    assert cite_letter(doc, "apa") == "Person Aa. (2020, March 1). Free Kem Sokha now [Letter]."
    assert check_csl(cite_letter(doc, "csl-json"))["title"] == "Free Kem Sokha now"


# -- escaping -----------------------------------------------------------------------------

NASTY = [
    "{Evil} Brace}",
    "100% & Sons #1 $5 a_b ^ ~",
    'Quote "Me" \u201cNow\u201d',
    "<script>alert('x')</script>",
    "Line\nBreak\r\nName",
    "Tab\tName",
    "back\\slash",
    '=HYPERLINK("http://x")',
    "Smith and Jones",
]


def nasty_doc() -> Document:
    meta = Metadata(
        description="Letter to <b>{X}</b> & co",
        publisher="P&L <i>Press</i>",
        headline="Head\nline % with } brace",
        url="https://example.org/a b?x={1}&y=<2>",
        date="2020-01-02",
    )
    people = numbered([Signatory(n, role="<b>Role</b>", country="=1+1") for n in NASTY])
    return Document(signatories=people, metadata=meta)


def test_bibtex_escapes_every_special():
    _, _, fields = parse_bibtex(cite_letter(nasty_doc(), "bibtex", "signatories"))
    authors = split_top_level(fields["author"])
    assert len(authors) == len(NASTY)  # "Smith and Jones" is one braced author
    assert authors[0] == r"{\textbraceleft{}Evil\textbraceright{} Brace\textbraceright{}}"
    assert authors[1] == r"{100\% \& Sons \#1 \$5 a\_b \textasciicircum{} \textasciitilde{}}"
    assert authors[4] == "{Name}, Line Break" and authors[5] == "{Name}, Tab"  # by the rules
    assert authors[6] == r"{back\textbackslash{}slash}"
    assert authors[8] == "{Smith and Jones}"
    assert fields["url"] == "https://example.org/a%20b?x=%7B1%7D&y=<2>"
    assert "\n" not in fields["note"]


def test_ris_keeps_one_line_per_value():
    pairs = check_ris(cite_letter(nasty_doc(), "ris", "signatories"))
    assert ("AU", "Name, Line Break") in pairs and ("T2", "Head line % with } brace") in pairs


def test_csl_json_round_trips_nasty_names():
    item = check_csl(cite_letter(nasty_doc(), "csl-json", "signatories"))
    written = [a.get("literal") or f"{a['given']} {a['family']}" for a in item["author"]]
    assert written == [" ".join(n.split()) for n in NASTY]


def test_html_escapes_every_field():
    doc = nasty_doc()
    for style in STYLE_IDS:
        out = cite_letter_html(doc, style)
        assert "<script>" not in out and "<b>" not in out and "<i>Press" not in out
        assert "&lt;b&gt;" in out  # the description's tags, shown as text
        text = re.sub(r"<[^>]+>", "", out)
        assert html.unescape(text) == cite_letter(doc, style)
    clip = cite_signatories(doc, doc.signatories, "apa")
    assert "<script>" not in clip.html and "&lt;b&gt;Role&lt;/b&gt;" in clip.html


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=12), st.text(max_size=40))
def test_any_names_give_well_formed_records(names, description):
    people = numbered([Signatory(n) for n in names if n.strip()])
    doc = Document(signatories=people, metadata=Metadata(description=description or None))
    parse_bibtex(cite_letter(doc, "bibtex"))
    check_ris(cite_letter(doc, "ris"))
    check_csl(cite_letter(doc, "csl-json"))
    for style in ("chicago-note", "apa", "mla"):
        out = cite_letter_html(doc, style)
        assert html.unescape(re.sub(r"<[^>]+>", "", out)) == cite_letter(doc, style)


# -- signatories --------------------------------------------------------------------------


def test_signatory_line():
    assert signatory_line(Signatory("Charles Santiago", "Member of Parliament", "Malaysia")) == (
        "Charles Santiago, Member of Parliament, Malaysia"
    )
    assert signatory_line(Signatory("Zairil Khir Johari")) == "Zairil Khir Johari"
    assert signatory_line(Signatory("A B", country="Spain")) == "A B, Spain"
    assert signatory_names([Signatory("A B", "MP"), Signatory("C D")]) == "A B\nC D\n"


def test_copying_the_german_signatories(bundled):
    germans = [s for s in bundled.signatories if s.country == "Germany"]
    clip = cite_signatories(bundled, germans, "chicago-note")
    lines = [f"{n}, {r}, Germany" for n, r in GERMANS]
    # The letter's citation names its organiser, APHR, by default, after a line saying how
    # many of the letter's signatories these are (issue 17).
    share = "11 of 158 signatories of:"
    assert clip.text == "\n".join(lines) + f"\n\n{share}\n" + CHICAGO_NOTE_ORGANISER + "\n"
    items = re.findall(r"<li>(.*?)</li>", clip.html)
    assert items == lines and clip.html.count("<ul>") == 1
    assert clip.tsv.split("\n") == [
        "Name\tRole\tCountry",
        *(f"{n}\t{r}\tGermany" for n, r in GERMANS),
        "",
        share,
        CHICAGO_NOTE_ORGANISER,
        "",
    ]
    assert f"<p>{share}<br>\n" in clip.html
    everyone = cite_signatories(bundled, bundled.signatories, "chicago-note")
    assert "signatories of:" not in everyone.text  # all of them: nothing to say
    bare = cite_signatories(bundled, germans, "apa", include_citation=False)
    assert bare.text == "\n".join(lines) + "\n" and APHR not in bare.html + bare.tsv


def test_tsv_neutralises_formulas():
    people = [
        Signatory("=SUM(A1)", "+1", "-2"),
        Signatory("@cmd", "\tTab", "\rCR"),
        Signatory("Plain Name", "Role", "Country"),
    ]
    clip = cite_signatories(Document(signatories=tuple(people)), people, "plain", False)
    rows = [r.split("\t") for r in clip.tsv.rstrip("\n").split("\n")[1:]]
    assert rows == [
        ["'=SUM(A1)", "'+1", "'-2"],
        ["'@cmd", "' Tab", "' CR"],
        ["Plain Name", "Role", "Country"],
    ]


def test_record_style_in_signatory_clipping(bundled):
    clip = cite_signatories(bundled, bundled.signatories[:1], "ris")
    assert clip.text.startswith(f"{FIRST}, Member of Parliament, Malaysia\n\nTY  - PCOMM\n")
    assert "<pre>TY  - PCOMM" in clip.html
    plain_organiser = f"{APHR}, " + PLAIN.split(" others, ", 1)[1].replace(f"({APHR}, ", "(")
    assert clip.tsv.rstrip("\n").split("\n")[-1] == plain_organiser  # a cell holds no record


# -- quoting ------------------------------------------------------------------------------

SENTENCE = (
    "We are aware that national elections are scheduled for July 2018, and hope to ensure "
    "that they are genuine, participatory, and inclusive."
)


def test_paragraph_numbers(bundled):
    paras = body_paragraphs(bundled)
    assert [p.number for p in paras] == [1, 2, 3, 4, 5, 6]  # five paragraphs and the list
    assert paras[2].text.startswith(SENTENCE) and len(paras[5].pieces) == 4
    assert paragraphs_of_text(bundled, SENTENCE) == 3
    assert paragraphs_of_text(bundled, "national\nelections  are scheduled") == 3
    assert paragraphs_of_text(bundled, "and turmoil.\u2029In line with these") == (4, 5)
    assert paragraphs_of_text(bundled, "Repeal all recent amendments") == 6
    assert paragraphs_of_text(bundled, "Dear Prime Minister") is None
    shown = "Dear Sir,\n\n" + "\n\n".join(
        "\n".join(f"- {i}" for i in p.pieces) if len(p.pieces) > 1 else p.pieces[0] for p in paras
    )
    assert paragraph_at(bundled, shown, shown.index("national elections")) == 3
    assert paragraph_at(bundled, shown, shown.index("Repeal all")) == 6
    assert paragraph_at(bundled, shown, 2) is None


def test_quote_in_each_style(bundled):
    quote = f"\u201c{SENTENCE}\u201d"
    bare = f"\u201c{SENTENCE[:-1]}\u201d"
    note = CHICAGO_NOTE.replace(f"{APHR}, {URL}", f"{APHR}, para. 3, {URL}")
    assert cite_quote(bundled, SENTENCE, 3, "chicago-note", "signatories") == f"{quote}\n\n{note}"
    assert (
        cite_quote(bundled, SENTENCE, 3, "chicago-bib", "signatories")
        == f"{quote}\n\n{CHICAGO_BIB}"
    )
    assert cite_quote(bundled, SENTENCE, 3, "apa", "signatories") == (
        f"{bare} ({FIRST} et al., 2017, para. 3).\n\n{APA}"
    )
    assert (
        cite_quote(bundled, SENTENCE, 3, "mla", "signatories")
        == f"{bare} ({FIRST} et al., par. 3).\n\n{MLA}"
    )
    assert cite_quote(bundled, SENTENCE, (3, 4), "mla", "signatories").startswith(
        f"{bare} ({FIRST} et al., pars. 3\u20134)."
    )
    assert cite_quote(bundled, SENTENCE, 3, "mla", "organiser").startswith(
        f"{bare} (Letter to Samdech Techo Hun Sen, par. 3)."
    )
    assert cite_quote(bundled, SENTENCE, 3, "plain", "signatories").endswith(
        "4 December 2017, para. 3 (" + PLAIN.split(" (", 1)[1]
    )
    ris = cite_quote(bundled, SENTENCE, 3, "ris", "signatories").split("\n\n")
    assert ris[0] == f"{quote} (para. 3)"
    check_ris(ris[1])
    assert cite_quote(bundled, SENTENCE, None, "apa", "signatories").startswith(
        f"{bare} ({FIRST} et al., 2017)."
    )


def test_a_quote_cites_the_organiser_by_default(bundled):
    note = CHICAGO_NOTE_ORGANISER.replace(f"{APHR}, {URL}", f"{APHR}, para. 3, {URL}")
    assert cite_quote(bundled, SENTENCE, 3) == f"\u201c{SENTENCE}\u201d\n\n{note}"
    assert cite_quote(bundled, SENTENCE, 3, "apa").startswith(
        f"\u201c{SENTENCE[:-1]}\u201d ({APHR}, 2017, para. 3).\n\n{APA_ORGANISER}"
    )


def test_quote_marks_inside_a_quote_become_single(bundled):
    out = cite_quote(bundled, 'He said "free" and \u201cfair\u201d', 2, "chicago-note")
    assert out.startswith("\u201cHe said \u2018free\u2019 and \u2018fair\u2019\u201d\n\n")


def test_quote_html_escapes(bundled):
    out = cite_quote_html(bundled, "<b>bold</b> & co", 3, "apa")
    assert out.startswith("<p>\u201c&lt;b&gt;bold&lt;/b&gt; &amp; co\u201d (") and "<i>" in out


# -- styles, dates, title case ----------------------------------------------------------------


def test_style_list_for_a_menu():
    assert STYLE_IDS == (
        "chicago-note", "chicago-bib", "apa", "mla", "bibtex", "ris", "csl-json", "plain",
    )  # fmt: skip
    labels = [s.label for s in STYLES]
    assert len(set(labels)) == len(labels) and all(labels)


def test_unknown_style_or_authors_mode(bundled):
    with pytest.raises(UnknownStyleError, match="chicago-note"):
        cite_letter(bundled, "harvard")
    with pytest.raises(ValueError, match="organiser"):
        cite_letter(bundled, "apa", authors="editors")


def test_parse_date():
    assert parse_date("2017-12-04") == DateParts(2017, 12, 4)
    assert parse_date("4 December 2017") == DateParts(2017, 12, 4)
    assert parse_date("4th Dec. 2017") == DateParts(2017, 12, 4)
    assert parse_date("December 4, 2017") == DateParts(2017, 12, 4)
    assert parse_date("Sept 2017") == DateParts(2017, 9)
    assert parse_date("2017") == DateParts(2017)
    assert parse_date("31 February 2017") is None
    assert parse_date("yesterday") is None and parse_date(None) is None


def test_mla_abbreviates_months_except_may_june_july():
    expected = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June",
                "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")  # fmt: skip
    for month, abbreviation in enumerate(expected, start=1):
        doc = replace(
            doc_with(1), metadata=replace(doc_with(1).metadata, date=f"2019-{month:02d}-09")
        )
        assert (
            cite_letter(doc, "mla") == f"Person Aa. Letter to the Minister. 9 {abbreviation} 2019."
        )
    plain = cite_letter(replace(doc, metadata=replace(doc.metadata, date="2019-09-09")), "plain")
    assert plain == "Person Aa, Letter to the Minister, 9 September 2019."


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (HEADLINE, HEADLINE_TC),
        ("the state of democracy in cambodia", "The State of Democracy in Cambodia"),
        ("what we stand for", "What We Stand For"),
        ("a letter: on the rule of law", "A Letter: On the Rule of Law"),
        ("twenty-six years of non-binding pledges", "Twenty-Six Years of Non-binding Pledges"),
        ("an iPhone and the CNRP's seats", "An iPhone and the CNRP's Seats"),
    ],
)
def test_headline_case(title, expected):
    assert headline_case(title) == expected


def test_a_list_counts_as_one_paragraph():
    letter = Letter(body=(Paragraph("One."), ItemList(("a", "b")), Paragraph("Three.")))
    doc = Document(letter=letter)
    assert paragraphs_of_text(doc, "Three.") == 3


def test_a_quote_over_two_paragraphs_keeps_its_break(bundled):
    third, fourth = bundled.letter.paragraphs[2], bundled.letter.paragraphs[3]
    selected = f"{third[-40:]}\u2029{fourth[:30]}"  # as Qt's selectedText() gives it
    text = cite_quote(bundled, selected, (3, 4), "chicago-note")
    quote, citation = text.split("\n\n")
    # Chicago 13.30: each paragraph opens with a quotation mark; only the last one closes.
    assert quote == f"\u201c{third[-40:]}\n\u201c{fourth[:30]}\u201d"
    assert "paras. 3\u20134" in citation
    html_out = cite_quote_html(bundled, selected, (3, 4), "apa")
    paragraphs = re.findall(r"<p>(.*?)</p>", html_out)
    assert len(paragraphs) == 3 and paragraphs[1].endswith("paras. 3\u20134).")
