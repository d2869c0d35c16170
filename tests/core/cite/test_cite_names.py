"""Name parts for citing: from the document first, then the rules, else as written."""

from __future__ import annotations

import pytest
from conftest import EXTERNAL

from viewer.core.cite import cite_letter
from viewer.core.cite.names import AS_WRITTEN, DOCUMENT, RULE, cited_name, split_titles
from viewer.core.formats.json_document import document_from_json, document_to_json
from viewer.core.model import Document, Metadata, NameParts, Signatory, numbered
from viewer.core.opening import open_document


@pytest.mark.parametrize(
    ("name", "honorific", "core", "suffix"),
    [
        ("Dr. Sarah Abel", "Dr.", "Sarah Abel", None),
        ("Dr Helen Coskeran", "Dr", "Helen Coskeran", None),
        ("Professor Sir Richard Jolly", "Professor Sir", "Richard Jolly", None),
        ("Mrs. Achas Burin", "Mrs.", "Achas Burin", None),
        ("Clare Louise Walsh, MA", "MA", "Clare Louise Walsh", None),
        ("Bob Blackman MP", "MP", "Bob Blackman", None),
        ("Teddy Baguilat, Jr.", None, "Teddy Baguilat", "Jr."),
        ("Prof. Dr. Anna Schmidt", "Prof. Dr.", "Anna Schmidt", None),
        ("Person Ii", None, "Person Ii", None),  # "II" is a suffix, "Ii" is not
        ("Ma Ying", None, "Ma Ying", None),  # "MA" is a degree, "Ma" a family name
        ("Professor", None, "Professor", None),  # a title alone is kept as the name
    ],
)
def test_titles_and_post_nominals_are_separated(name, honorific, core, suffix):
    assert split_titles(name) == (honorific, core, suffix)


@pytest.mark.parametrize(
    ("name", "country", "given", "particle", "family", "how"),
    [
        ("Alan Lowenthal", "United States of America", "Alan", None, "Lowenthal", RULE),
        ("Beate Müller-Gemmeke", "Germany", "Beate", None, "Müller-Gemmeke", RULE),
        ("Domingos de Carvalho", "Timor-Leste", "Domingos", "de", "Carvalho", RULE),
        ("Ursula von der Leyen", "Germany", "Ursula", "von der", "Leyen", RULE),
        ("Emmi De Jesus", "Philippines", "Emmi", "De", "Jesus", RULE),
        ("Lim Kit Siang", "Malaysia", None, None, None, AS_WRITTEN),
        ("Azman Ismail", "Malaysia", None, None, None, AS_WRITTEN),
        ("Orbán Viktor", "Hungary", None, None, None, AS_WRITTEN),
        ("Wan Azizah Wan Ismail", None, None, None, None, AS_WRITTEN),  # patronymic marker
        ("Raja Kamarul Baharin Shah Raja Ahmad", "Malaysia", None, None, None, AS_WRITTEN),
        ("Ramón Jáuregui Atondo", "Spain", None, None, None, AS_WRITTEN),  # two surnames
        ("Javier Nart", "Spain", "Javier", None, "Nart", RULE),
        ("Fadli Zon", "Indonesia", None, None, None, AS_WRITTEN),
        ("Lee Cheuk-yan", None, None, None, None, AS_WRITTEN),
        ("王永平", None, None, None, None, AS_WRITTEN),
        ("ឃឹម សុខា", None, None, None, None, AS_WRITTEN),
        ("Madonna", None, None, None, None, AS_WRITTEN),
        ("a764934018", None, None, None, None, AS_WRITTEN),
        ("Smith and Jones", None, None, None, None, AS_WRITTEN),
    ],
)
def test_the_rules_decide_only_unambiguous_names(name, country, given, particle, family, how):
    c = cited_name(Signatory(name, country=country))
    assert (c.parts.given, c.parts.particle, c.parts.family, c.how) == (
        given,
        particle,
        family,
        how,
    )
    assert c.reason  # every decision says why


def test_particles_stay_with_the_family_name():
    people = [
        Signatory("Patricino F. dos Reis", country="Timor-Leste"),
        Signatory("Emmi De Jesus", country="Philippines"),
    ]
    doc = Document(signatories=numbered(people), metadata=Metadata(description="Letter"))
    assert cite_letter(doc, "apa").startswith("dos Reis, P. F., & De Jesus, E. (n.d.).")
    # Chicago demotes the particle of the inverted first name (CSL's display-and-sort)
    assert cite_letter(doc, "chicago-bib").startswith("Reis, Patricino F. dos, and Emmi De Jesus.")


def test_a_list_with_countries_leaves_a_row_without_one_as_written():
    assert cited_name(Signatory("Ong Kian Ming"), countries_stated=True).how == AS_WRITTEN
    assert cited_name(Signatory("Ong Kian Ming"), countries_stated=False).how == RULE


def test_the_document_comes_first():
    stated = Signatory("Chong Chieng Jen", family_name="Chong", country="Malaysia")
    c = cited_name(stated, countries_stated=True)
    assert (c.how, c.parts.family, c.parts.given, c.family_first) == (
        DOCUMENT,
        "Chong",
        "Chieng Jen",
        True,
    )
    capitals = cited_name(Signatory("HUANG Xueqin"))
    assert (capitals.how, capitals.parts.family, capitals.parts.given) == (
        DOCUMENT,
        "Huang",
        "Xueqin",
    )
    assert capitals.literal == "Huang Xueqin" and capitals.family_first
    parts = NameParts(given="Kit Siang", family="Lim")
    explicit = cited_name(Signatory("Lim Kit Siang", country="Malaysia", name_parts=parts))
    assert (explicit.how, explicit.parts.family, explicit.family_first) == (DOCUMENT, "Lim", True)


def test_name_parts_survive_the_json_format():
    parts = NameParts(given="Kit Siang", family="Lim", honorific="Tan Sri")
    doc = Document(
        signatories=numbered([Signatory("Tan Sri Lim Kit Siang", name_parts=parts)]),
        metadata=Metadata(description="Letter to the Minister", date="2017-12-04"),
    )
    back = document_from_json(document_to_json(doc))
    assert back.signatories[0].name_parts == parts
    assert cite_letter(back, "apa").startswith("Lim, K. S. (2017, December 4).")
    assert "Tan Sri" not in cite_letter(back, "chicago-note")


def test_a_csv_with_first_and_last_name_columns_states_the_parts(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(
        "first name,last name,country\nKit Siang,Lim,Malaysia\nAlan,Lowenthal,USA\n", "utf-8"
    )
    doc = open_document(path)
    assert cite_letter(doc, "apa").startswith("Lim, K. S., & Lowenthal, A. (n.d.).")


def test_the_uk_letter_cites_no_titles_and_inverts_by_the_rules():
    doc = open_document(EXTERNAL / "uk_feminist_scholars_huang_xueqin_2022.txt")
    apa = cite_letter(doc, "apa")
    assert apa.startswith("Abel, S., Allen, J., Allen, K., Andrews, M., Assiter, A.,")
    for style in ("chicago-note", "chicago-bib", "mla", "plain"):
        text = cite_letter(doc, style)
        assert "Dr" not in text.split("An Open Letter")[0] and "Professor" not in text
