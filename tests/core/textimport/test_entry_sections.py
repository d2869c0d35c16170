"""read_section: a section's layout decided from all its items, then each item read in it.

One test per separator kind, per language, and for the entries that are not signatories.
"""

from __future__ import annotations

import pytest

from viewer.core.textimport.blocks import Inline, Link
from viewer.core.textimport.entry_fields import EntryFields, read_section


def _items(*texts: str) -> list[Inline]:
    return [Inline(t, line=i) for i, t in enumerate(texts, start=1)]


def _fields(*texts: str, heading: str | None = None) -> list[EntryFields | None]:
    return list(read_section(_items(*texts), heading).entries)


def _people(entries) -> list[tuple]:
    return [(e.name, e.role, e.country) for e in entries]


# --- separators ---------------------------------------------------------------------------


def test_comma_fields_role_then_institution():
    section = read_section(
        _items(
            "Jane Doe, Lecturer, University of Leeds",
            "Dr. Sarah Abel, Centre of Latin American Studies, University of Cambridge",
            "Ann Lee, Greenpeace",
            "Jane Roe, Member of Parliament, Kenya",
        )
    )
    assert section.layout == "Name, Role, Institution"
    first, second, third, fourth = section.entries
    assert (first.name, first.role, first.extra) == (
        "Jane Doe",
        "Lecturer",
        (("affiliation", "University of Leeds"),),
    )
    assert second.name == "Dr. Sarah Abel" and second.role is None
    assert third.extra == (("affiliation", "Greenpeace"),)
    assert (fourth.role, fourth.country) == ("Member of Parliament", "Kenya")


@pytest.mark.parametrize("dash", ["-", "\u2013", "\u2014"])
def test_dash_role_as_written(dash):
    section = read_section(
        _items(
            f"Jane Doe {dash} Senator",
            f"John Smith {dash} Ingénieur civil {dash} trader",
            f"Mary Major {dash} Professeur, Université de Strasbourg (France)",
        )
    )
    assert section.layout == "Name - Role"
    assert _people(section.entries) == [
        ("Jane Doe", "Senator", None),
        ("John Smith", f"Ingénieur civil {dash} trader", None),
        ("Mary Major", "Professeur, Université de Strasbourg", "France"),
    ]


def test_slash_and_bold_name():
    plain = _fields("Brian Eno / Artist", "Jane Doe / Writer, Editor")
    assert _people(plain) == [("Brian Eno", "Artist", None), ("Jane Doe", "Writer, Editor", None)]
    bold = read_section(
        [
            Inline("Brian Eno / Artist", strong=("Brian Eno",)),
            Inline("Jean-Luc Godard / Filmmaker", strong=("Jean-Luc Godard",)),
        ]
    )
    assert bold.layout == "**Name** / Role"
    assert _people(bold.entries) == [
        ("Brian Eno", "Artist", None),
        ("Jean-Luc Godard", "Filmmaker", None),
    ]


def test_parenthesis_affiliation_or_country():
    entries = _fields(
        "Molly de Blanc (Debian Project, GNOME Foundation)",
        "Matthew Garrett (Former member of the FSF board of directors)",
        "Jane Doe (Kenya)",
        "Nathan Freitas",
    )
    assert entries[0].extra == (("affiliation", "Debian Project, GNOME Foundation"),)
    assert entries[1].role == "Former member of the FSF board of directors"
    assert (entries[2].name, entries[2].country) == ("Jane Doe", "Kenya")
    assert entries[3] == EntryFields("Nathan Freitas")


def test_link_name_keeps_its_url():
    section = read_section(
        [
            Inline("Jane Doe, Writer", links=(Link("Jane Doe", "https://example.org/jane"),)),
            Inline("John Roe", links=(Link("John Roe", "https://example.org/john"),)),
        ]
    )
    assert section.layout == "[Name](url)"
    jane, john = section.entries
    assert (jane.name, jane.role, jane.extra) == (
        "Jane Doe",
        "Writer",
        (("url", "https://example.org/jane"),),
    )
    assert (john.name, john.extra) == ("John Roe", (("url", "https://example.org/john"),))


def test_name_from_country_with_flags_handles_and_typos():
    link = lambda handle: (Link(handle, f"https://github.com/{handle}"),)
    section = read_section(
        [
            Inline(
                "1995parham from Iran \U0001f1ee\U0001f1f7 (1995parham)", links=link("1995parham")
            ),
            Inline("Erfan Mahdavi form Iran \U0001f1ee\U0001f1f7 (erfanwd)", links=link("erfanwd")),
            Inline("AmirhoseiN Aliakbarian Iran \U0001f1ee\U0001f1f7 (amir)", links=link("amir")),
            Inline("Amir Ganji \U0001f1ee\U0001f1f7 (amirgi73)", links=link("amirgi73")),
            Inline("Andreas Basurto from the United States \U0001f1fa\U0001f1f8"),
            Inline("Adam Yi from China and Australia \U0001f1e8\U0001f1f3 \U0001f1e6\U0001f1fa"),
            Inline("AbdElmomen Kadhim (bluemix)", links=link("bluemix")),
            Inline("Edgar from \U0001f1e6\U0001f1f2"),
        ]
    )
    assert section.layout == "Name from Country"
    names = [e.name for e in section.entries]
    assert names == [
        "1995parham", "Erfan Mahdavi", "AmirhoseiN Aliakbarian", "Amir Ganji",
        "Andreas Basurto", "Adam Yi", "AbdElmomen Kadhim", "Edgar",
    ]  # fmt: skip
    countries = [e.country for e in section.entries]
    assert countries == [
        "Iran", "Iran", "Iran", "Iran", "United States", "China", None, "Armenia",
    ]  # fmt: skip
    first = section.entries[0]
    assert dict(first.extra) == {"handle": "1995parham", "url": "https://github.com/1995parham"}
    assert dict(section.entries[5].extra)["countries"] == "China and Australia"


def test_form_is_a_typo_only_where_the_section_writes_from():
    entries = _fields("Jane Doe form Iran", "John Roe, Lecturer")
    assert entries[0].country is None and entries[0].name == "Jane Doe form Iran"


def test_second_line_and_table_cells():
    lines = _fields("Jane Doe\nMember of Parliament, Kenya", "John Roe\nSenator, Philippines")
    assert _people(lines) == [
        ("Jane Doe", "Member of Parliament", "Kenya"),
        ("John Roe", "Senator", "Philippines"),
    ]
    cells = _fields("Jane Doe\tSenator\tKenya", "John Roe\tJournalist\tGhana")
    assert _people(cells) == [("Jane Doe", "Senator", "Kenya"), ("John Roe", "Journalist", "Ghana")]


# --- surnames -----------------------------------------------------------------------------


def test_surname_in_capitals_is_the_family_name():
    section = read_section(
        _items("DUPONT Jean - Ingénieur", "MARTIN Claire - Chercheuse", "LE GALL Anne - Médecin")
    )
    assert section.layout == "SURNAME Given name - Role"
    assert [(e.name, e.family_name) for e in section.entries] == [
        ("DUPONT Jean", "DUPONT"),
        ("MARTIN Claire", "MARTIN"),
        ("LE GALL Anne", "LE GALL"),
    ]
    assert _fields("Houari ZEGAI from Algeria")[0].family_name == "ZEGAI"
    # all capitals, or capitals that are post-nominals, mark no surname
    assert _fields("LEONARDO MORANTES-AFRICANO, teacher")[0].family_name is None
    assert _fields("Clare Louise Walsh, MA, IDS Alumni")[0].family_name is None


def test_surname_first_section_shown_by_its_particles():
    section = read_section(
        _items(
            "Durin Audrey - Ingénieure de recherche",
            "de La Roche Saint André Christophe - Chercheur en biologie",
            "Van den Bossche Kevin - Vulgarisateur",
            "Le Bars Hervé - Ingénieur",
            "da Costa Nathan - Étudiant",
            "Sauvage Jean Pierre - Professeur",
        )
    )
    assert section.layout == "Surname Given name - Role"
    families = [e.family_name for e in section.entries]
    # where the given name is one word the surname is stated; "Jean Pierre" leaves it open
    assert families == ["Durin", None, "Van den Bossche", "Le Bars", "da Costa", None]
    # the same names given first: no family name is guessed
    given_first = _fields("Audrey Durin - Engineer", "Kevin Van den Bossche - Writer")
    assert [e.family_name for e in given_first] == [None, None]


def test_pseudonym_with_the_separator_stays_whole():
    section = read_section(
        _items(
            "Durin Audrey - Ingénieure de recherche",
            "Duroc Yann - Chercheur (Biologie Végétale)",
            "Fabre Jérôme - Ingénieur Civil - Trader de change",
            "Peha - Un Monde Riant - Vulgarisateur de l'esprit critique",
            "Fankhauser Christian - Professeur",
            "Favier Zoé - Ingénieure",
            "Fellous Marc - Chercheur",
        )
    )
    names = [e.name for e in section.entries]
    assert (
        names[2] == "Fabre Jérôme"
        and section.entries[2].role == "Ingénieur Civil - Trader de change"
    )
    assert names[3] == "Peha - Un Monde Riant"
    assert section.entries[3].role == "Vulgarisateur de l'esprit critique"
    assert any("pseudonym" in w.message and w.line == 4 for w in section.warnings)


# --- organisations and unusual names ------------------------------------------------------


def test_organisations_stay_whole():
    entries = _fields(
        "Committee for the Protection of Journalists (CPJ)",
        "Idec - Instituto Brasileiro de Defesa do Consumidor",
        "Instituto Nupef - Núcleo de Pesquisas, Estudos e Formação",
        "Amnesty International",
        "Gulf Centre for Human Rights (GCHR)",
        "EFF",
        "Fundación Huaira (Ecuador)",
        heading="Signatories",
    )
    assert [e.name for e in entries] == [
        "Committee for the Protection of Journalists (CPJ)",
        "Idec - Instituto Brasileiro de Defesa do Consumidor",
        "Instituto Nupef - Núcleo de Pesquisas, Estudos e Formação",
        "Amnesty International",
        "Gulf Centre for Human Rights (GCHR)",
        "EFF",
        "Fundación Huaira",
    ]
    assert entries[-1].country == "Ecuador"
    assert all(e.role is None and e.family_name is None for e in entries)


def test_a_heading_of_organisations_decides():
    entries = _fields(
        "Access Now", "Karisma", "Derechos Digitales - Chile", heading="Organizations"
    )
    assert [e.name for e in entries] == ["Access Now", "Karisma", "Derechos Digitales"]
    assert [e.country for e in entries] == [None, None, "Chile"]  # a country stated after it


def test_dash_in_a_list_of_names_splits_only_before_a_role():
    entries = _fields(
        "Jane Doe", "John Roe", "Mary Major", "Ann Lee - Senator", "Idec - Instituto Brasileiro"
    )
    assert [(e.name, e.role) for e in entries] == [
        ("Jane Doe", None),
        ("John Roe", None),
        ("Mary Major", None),
        ("Ann Lee", "Senator"),
        ("Idec - Instituto Brasileiro", None),
    ]


@pytest.mark.parametrize("name", ["a764934018", "1995parham", "Karisma", "ainar-g", "0x5c"])
def test_handles_and_single_words_are_names(name):
    assert _fields(name, "Jane Doe", "John Roe")[0] == EntryFields(name)


def test_titles_kept_footnote_marks_and_markup_dropped():
    entries = _fields(
        "Dr. Sarah Abel*", "Prof. Dr. Hans Müller\u00b9", "**Ann Lee**", "Mike Treen\\*"
    )
    assert [e.name for e in entries] == [
        "Dr. Sarah Abel", "Prof. Dr. Hans Müller", "Ann Lee", "Mike Treen",
    ]  # fmt: skip


def test_pronouns_are_a_field():
    (entry,) = _fields("Dr Emma Jones (she/her), Lecturer in Gender, University College London")
    assert (entry.name, entry.role) == ("Dr Emma Jones", "Lecturer in Gender")
    assert dict(entry.extra)["pronouns"] == "she/her"


# --- languages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (  # German: roles with -in, titles kept
            ("Prof. Dr. Anna Müller, Professorin, Universität Wien",
             "Dr. Jörg Bernig, Schriftsteller, Dresden"),
            [("Prof. Dr. Anna Müller", "Professorin", None),
             ("Dr. Jörg Bernig", "Schriftsteller", None)],
        ),
        (  # Spanish, en dash
            ("María García – Periodista, El País", "José Pérez – Investigador (España)"),
            [("María García", "Periodista, El País", None),
             ("José Pérez", "Investigador", "España")],
        ),
        (  # Portuguese and Italian, comma
            ("Ana Souza, jornalista, Brasil", "Marco Rossi, ricercatore, Italia"),
            [("Ana Souza", "jornalista", "Brasil"), ("Marco Rossi", "ricercatore", "Italia")],
        ),
        (  # Russian
            ("Иван Петров, профессор, МГУ", "Анна Смирнова, журналист"),
            [("Иван Петров", "профессор", None), ("Анна Смирнова", "журналист", None)],
        ),
        (  # Chinese: a role in full-width parentheses
            ("王永平（前局長）", "俞宗怡（前局長）", "陳方安生"),
            [("王永平", "前局長", None), ("俞宗怡", "前局長", None), ("陳方安生", None, None)],
        ),
        (  # Japanese
            ("山田太郎（東京大学教授）", "佐藤花子（弁護士）"),
            [("山田太郎", "東京大学教授", None), ("佐藤花子", "弁護士", None)],
        ),
        (  # Arabic, dash
            ("أحمد علي - صحفي", "سارة حسن - باحثة"),
            [("أحمد علي", "صحفي", None), ("سارة حسن", "باحثة", None)],
        ),
    ],
)  # fmt: skip
def test_languages(texts, expected):
    assert _people(_fields(*texts)) == expected


# --- items that are not entries -----------------------------------------------------------


def test_not_entries_come_back_as_none_with_a_warning():
    section = read_section(
        _items(
            "Jane Doe, Lecturer",
            "https://example.org/sign",
            "and 200 others",
            "",
            "\u2026",
            "et 120 autres signataires",
            "John Roe, Professor",
        )
    )
    assert [e is None for e in section.entries] == [False, True, True, True, True, True, False]
    messages = " ".join(w.message for w in section.warnings)
    assert "a link" in messages and "further signatories" in messages
    assert "empty" in messages
    assert {w.line for w in section.warnings} >= {2, 3}


def test_one_entry_per_item_and_no_warning_for_a_clean_list():
    section = read_section(_items("Jane Doe", "John Roe", "Ann Lee"))
    assert len(section.entries) == 3 and section.warnings == ()
    assert section.layout == "Name"
    assert read_section([]).entries == ()


def test_markdown_links_left_as_text_are_read_as_links():
    (entry,) = _fields("Reza Rahimi from Iran ([reza](https://github.com/reza))")
    assert (entry.name, entry.country) == ("Reza Rahimi", "Iran")
    assert dict(entry.extra) == {"handle": "reza", "url": "https://github.com/reza"}


def test_warnings_name_the_entries_that_break_the_layout():
    section = read_section(
        _items("Jane Doe - Senator", "John Roe - Journalist", "Ann Lee", "Mary Major - Editor")
    )
    (warning,) = section.warnings
    assert warning.line == 3 and warning.message.startswith("1 entry has no \u201c-\u201d")
    github = read_section(_items("Reza from Iran", "Ali from Iran", "Sara", "Mina from Iran"))
    assert [w.message for w in github.warnings] == ["1 entry states no country (line 3)."]


def test_a_heading_of_individuals_says_they_are_people():
    texts = ("UNION Jane", "COLLEGE Tom", "PARTY Ann")  # surnames that are organisation words
    assert [e.family_name for e in _fields(*texts)] == [None, None, None]
    people = _fields(*texts, heading="Individuals")
    assert [e.family_name for e in people] == ["UNION", "COLLEGE", "PARTY"]
    among = _fields("DOE Jane", "ROE John", heading="Strong supporters among us")
    assert [e.family_name for e in among] == ["DOE", "ROE"]  # no "ong" (NGO) in "among"


def test_surname_comma_given_name():
    section = read_section(
        _items("Doe, Jane, Lecturer, University of Leeds", "Roe, John", "Lee, Ann (Kenya)")
    )
    assert section.layout == "Surname, Given name, Role, Institution"
    assert [(e.name, e.family_name, e.role, e.country) for e in section.entries] == [
        ("Doe, Jane", "Doe", "Lecturer", None),
        ("Roe, John", "Roe", None, None),
        ("Lee, Ann", "Lee", None, "Kenya"),
    ]
    # full names before the comma: "Name, Affiliation", and a one-word name among them
    mixed = _fields("Ann Lee, Greenpeace", "Jo Roe, teacher", "Smith, Greenpeace")
    assert [(e.name, e.family_name) for e in mixed] == [
        ("Ann Lee", None), ("Jo Roe", None), ("Smith", None),
    ]  # fmt: skip


def test_a_country_after_the_last_dash():
    entries = _fields("María García – Periodista – España", "José Pérez – Investigador")
    assert _people(entries) == [
        ("María García", "Periodista", "España"),
        ("José Pérez", "Investigador", None),
    ]


def test_at_handles_are_a_field():
    entries = _fields("Aaron M. Ucko (@ucko, Debian Developer)", "Aaron Lee Marais (@gear4s)")
    assert dict(entries[0].extra) == {"handle": "@ucko", "affiliation": "Debian Developer"}
    assert dict(entries[1].extra) == {"handle": "@gear4s"}
    assert [e.name for e in entries] == ["Aaron M. Ucko", "Aaron Lee Marais"]


def test_more_languages_and_layouts():
    german = _fields(
        "Jan Weber aus Deutschland", "Anna Novak aus Österreich", "Luca Rossi aus der Schweiz"
    )
    assert _people(german) == [
        ("Jan Weber", None, "Deutschland"), ("Anna Novak", None, "Österreich"),
        ("Luca Rossi", None, "Schweiz"),
    ]  # fmt: skip
    spanish = read_section(
        _items(
            "GARCÍA LÓPEZ María - Periodista", "PÉREZ Juan - Abogado", "DE LA TORRE Ana - Médica"
        )
    )
    assert [e.family_name for e in spanish.entries] == ["GARCÍA LÓPEZ", "PÉREZ", "DE LA TORRE"]
    russian = _fields("Иван Петров — журналист, Россия", "Анна Смирнова — профессор МГУ")
    assert _people(russian) == [
        ("Иван Петров", "журналист", "Россия"), ("Анна Смирнова", "профессор МГУ", None),
    ]  # fmt: skip
    french_organisations = _fields(
        "Association Sciences Citoyennes - ASC", "Collectif Zététique (France)",
        "Ligue des droits de l'Homme", heading="Organisations signataires",
    )  # fmt: skip
    assert _people(french_organisations) == [
        ("Association Sciences Citoyennes - ASC", None, None),
        ("Collectif Zététique", None, "France"),
        ("Ligue des droits de l'Homme", None, None),
    ]


def test_chinese_name_space_role():
    section = read_section(
        _items("李鵬飛 前立法局議員", "陳方安生\u3000前政務司司長", "王永平 前公務員事務局局長")
    )
    assert section.layout == "Name Role (CJK, a space between)"
    assert _people(section.entries) == [
        ("李鵬飛", "前立法局議員", None),
        ("陳方安生", "前政務司司長", None),
        ("王永平", "前公務員事務局局長", None),
    ]
    # names alone: no space to split at, and one "name role" among names stays as written
    names = _fields("王永平", "方敏生", "布簡瓊", "李鵬飛 前議員")
    assert [e.name for e in names] == ["王永平", "方敏生", "布簡瓊", "李鵬飛 前議員"]
