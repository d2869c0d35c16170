"""The eight real letters of ../shared/external-letters, opened as a user opens them.

Each is checked for its hand count (the folder's README), its first three and last names as
the file writes them (titles kept, no markup, no role text), its sections where it has
several (the "group" field), and countries where the entries state them.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import EXTERNAL

from viewer.core.opening import open_document, plan_file

pytestmark = pytest.mark.skipif(
    not EXTERNAL.is_dir(), reason=f"the shared external letters are not at {EXTERNAL}"
)

# file: (hand count, first three names, last name), names read from the files by hand
LETTERS = {
    "nz_paul_hopkinson_open_letter_2008-10-30.txt": (
        33, ("John Minto", "Mike Treen", "Nick Kelly"), "Nigel Hefford"),
    "uk_feminist_scholars_huang_xueqin_2022.txt": (
        55, ("Dr. Sarah Abel", "Juliet Allen", "Dr. Kim Allen"), "Professor Nira Yuval-Davis"),
    "hk_former_officials_legislators_2019-07-23.txt": (
        34, ("王永平", "方敏生", "布簡瓊"), "盧子健"),
    "rms_open_letter_2021-03-23.md": (
        3081, ("Molly de Blanc", "Nathan Freitas", "Matthew Garrett"), "Zvi Gilboa"),
    "fr_nofakescience_signataires_2019.html": (
        5384, ("Bonneel Nicolas", "Bucher Guillaume", "Damas Florian"), "Zylberman William"),
    "github_do_not_ban_us_2019.md": (
        764, ("1995parham", "88250", "A C Sreedhar Reddy"), "Şahin Mersin"),
    "de_gemeinsame_erklaerung_2018-03-15.md": (
        32, ("Henryk M. Broder", "Uwe Tellkamp", "Dr. Thilo Sarrazin"), "Prof. Max Otte"),
    "ngo_digital_rights_defenders_2019-12-17.md": (
        37, ("Access Now", "Amnesty International", "Arab Digital Expression Foundation - ADEF"),
        "Vigilance for Democracy and the Civic State"),
}  # fmt: skip
MARKUP = re.compile(r"<[a-zA-Z/!][^>]*>|\*\*|\]\(|&[a-z]+;|&#\d+;")


@pytest.fixture(scope="module")
def docs():
    return {name: open_document(EXTERNAL / name) for name in LETTERS}


def test_the_readme_states_these_hand_counts():
    readme = (EXTERNAL / "README.md").read_text(encoding="utf-8")
    for name, (count, _first, _last) in LETTERS.items():
        row = next(line for line in readme.splitlines() if f"`{name}`" in line)
        assert re.match(rf"{count}\b", row.split("|")[4].strip())


@pytest.mark.parametrize("name", list(LETTERS))
def test_count_first_three_and_last_names(docs, name):
    count, first, last = LETTERS[name]
    people = docs[name].signatories
    assert len(people) == count
    assert tuple(s.name for s in people[:3]) == first
    assert people[-1].name == last
    assert [s.position for s in people[:5]] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("name", list(LETTERS))
def test_markup_never_reaches_a_field(docs, name):
    for s in docs[name].signatories:
        for value in (s.name, s.role, s.country, *(v for k, v in s.extra if k != "url")):
            assert value is None or not MARKUP.search(value), value
        assert s.name == s.name.strip() and "\n" not in s.name


def test_rms_sections_are_groups(docs):
    groups = Counter(
        s.extra_value("group") for s in docs["rms_open_letter_2021-03-23.md"].signatories
    )
    assert groups == {None: 16, "Organizations": 61, "Individuals": 3004}


def test_nofakescience_three_lists_are_three_groups(docs):
    people = docs["fr_nofakescience_signataires_2019.html"].signatories
    groups = Counter(s.extra_value("group") for s in people)
    assert groups == {
        "Rédacteurs NoFakeScience": 20,
        "Signataires": 230,
        "Signataires post-publication": 5134,
    }
    assert people[0].role == "Chercheur en informatique"  # "Nom Prénom - rôle"
    names = {s.name for s in people}
    assert not names & {"Dans la presse", "Le Monde", "Pour la Science"}  # the press sidebar


def test_github_supporters_and_their_countries(docs):
    people = docs["github_do_not_ban_us_2019.md"].signatories
    assert people[0].country == "Iran" and people[1].country == "China"
    assert people[0].extra_value("url") == "https://github.com/1995parham"
    # The earlier lists of projects and links are not signatories.
    assert not any("kutt" in s.name or "Gitlab" in s.name for s in people)
    plan = plan_file(EXTERNAL / "github_do_not_ban_us_2019.md")
    from_iran = [r for r in plan.rows if re.search(r"\bfrom Iran \U0001F1EE\U0001F1F7", r.source)]
    assert len(from_iran) > 250
    assert all(r.signatory.country == "Iran" for r in from_iran)


def test_german_sign_off_line_gives_the_first_name_and_comments_are_left_out(docs):
    people = docs["de_gemeinsame_erklaerung_2018-03-15.md"].signatories
    names = [s.name for s in people]
    assert "Reiner Arlt" not in names and "Kommentare" not in " ".join(names)
    warnings = " ".join(w.message for w in docs["de_gemeinsame_erklaerung_2018-03-15.md"].warnings)
    assert "Kommentare" in warnings and "not read as signatories" in warnings


def test_organisations_with_acronyms_and_expansions_stay_whole(docs):
    names = [s.name for s in docs["ngo_digital_rights_defenders_2019-12-17.md"].signatories]
    assert "Committee for the Protection of Journalists (CPJ)" in names
    assert "Idec - Instituto Brasileiro de Defesa do Consumidor" in names


def test_hk_stated_count_is_read_and_matches(docs):
    doc = docs["hk_former_officials_legislators_2019-07-23.txt"]
    assert doc.metadata.published_count == 34
    assert not any("says 34" in w.message for w in doc.warnings)


@pytest.mark.parametrize("name", list(LETTERS))
def test_every_decision_is_a_warning(name):
    plan = plan_file(EXTERNAL / name)
    text = " ".join(w.message for w in plan.warnings)
    assert "start of the signatory list" in text
    if len(plan.sections) > 1:
        assert f"{len(plan.sections)} sections" in text
        for section in plan.sections:
            if section.section.heading:
                assert section.section.heading in text
