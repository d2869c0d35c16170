"""read_section over the real entries of the letters in ../shared/external-letters.

The items are cut out of the files with a simple regex here, as test data only (the block
readers do that in the importer); the expected names, roles and countries are what each
file shows, computed from the item text where a rule can be stated independently.
"""

from __future__ import annotations

import html
import re

import pytest
from conftest import EXTERNAL

from viewer.core.countries import country_code, flag_code
from viewer.core.textimport.blocks import Inline, Link
from viewer.core.textimport.entry_fields import read_section, strip_footnote_marks

pytestmark = pytest.mark.skipif(
    not EXTERNAL.is_dir(), reason=f"the shared external letters are not at {EXTERNAL}"
)

_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_FLAG = re.compile(r"[\U0001F1E6-\U0001F1FF]{2}")


def _text(name: str) -> str:
    return (EXTERNAL / name).read_text(encoding="utf-8")


def _markdown_item(source: str, line: int) -> Inline:
    """What a Markdown reader gives for a list item's text: links kept aside, marks gone."""
    links = tuple(Link(t, u) for t, u in _MD_LINK.findall(source))
    return Inline(_MD_LINK.sub(r"\1", source).replace("`", "").strip(), line, links)


def _numbered_lines(text: str, pattern: str) -> list[tuple[int, str]]:
    return [
        (number, m.group(1))
        for number, line in enumerate(text.split("\n"), start=1)
        if (m := re.match(pattern, line))
    ]


# --- NoFakeScience (French HTML): "Nom Prénom - rôle", surname first ------------------------


@pytest.fixture(scope="module")
def french():
    page = _text("fr_nofakescience_signataires_2019.html")
    items = [Inline(html.unescape(t).strip()) for t in re.findall(r"<li>([^<]*)</li>", page)]
    return items, read_section(items, "Signataires")


def test_french_names_are_the_text_before_the_dash(french):
    items, section = french
    assert len(items) == 5384 and all(e is not None for e in section.entries)
    assert section.layout == "Surname Given name - Role"
    for item, entry in zip(items, section.entries, strict=True):
        text = strip_footnote_marks(item.text)  # "(PT*)" loses its mark
        assert text.startswith(entry.name), text
        assert entry.role not in entry.name
        assert text.endswith(f" - {entry.role}") or (
            entry.country and text.rstrip(")").endswith(entry.country)
        )
        if " - " in entry.name:  # a pseudonym that holds the separator: its first word alone
            assert len(entry.name.split(" - ")[0].split()) == 1
    names = [e.name for e in section.entries]
    assert names[:3] == ["Bonneel Nicolas", "Bucher Guillaume", "Damas Florian"]
    assert names[-1] == items[-1].text.split(" - ")[0]


def test_french_pseudonyms_and_family_names(french):
    _, section = french
    people = {e.name: e for e in section.entries}
    assert people["Peha - Un Monde Riant"].role.startswith("Vulgarisateur")
    assert people["RôM - Evidence Based Bonne Humeur"].role.startswith("Vulgarisation")
    assert people["Fabre Jérôme"].role == "Ingénieur Civil - Trader de change"
    assert people["Van den Bossche Kevin"].family_name == "Van den Bossche"
    assert people["Durin Audrey"].family_name == "Durin"
    assert people["Sauvage Jean Pierre"].family_name is None  # where the surname ends is open
    assert people["Sauvage Jean Pierre"].country == "France"  # "(France)" at the end
    assert people["Cliche Jean-François"].country is None  # "(Québec)" is no country
    assert dict(people["Giraud Thibaut"].extra)["alias"] == "Monsieur Phi"
    assert dict(people["Beausse Yoann"].extra)["affiliation"] == "Humain Curieux"
    stated = [e for e in section.entries if e.country]
    assert len(stated) < 20  # a country only where an entry writes one


# --- "A Message to GitHub": "Name from Country 🇮🇷 ([handle](url))" ---------------------------


@pytest.fixture(scope="module")
def github():
    text = _text("github_do_not_ban_us_2019.md")
    start = text.index("## Supporters")
    offset = text[:start].count("\n")
    bullets = _numbered_lines(text[start:], r"^- (.*)$")
    items = [_markdown_item(source, offset + n) for n, source in bullets]
    return items, read_section(items, "Supporters (list sorted alphabetically)")


def test_github_every_supporter_is_an_entry(github):
    items, section = github
    assert len(items) == 764 and all(e is not None for e in section.entries)
    assert section.layout == "Name from Country"
    names = [e.name for e in section.entries]
    assert names[:3] == ["1995parham", "88250", "A C Sreedhar Reddy"]
    assert names[-1] == "Şahin Mersin"
    assert "a764934018" in names  # lower-case handles are names


def test_github_names_countries_and_handles(github):
    items, section = github
    for item, entry in zip(items, section.entries, strict=True):
        text = item.text
        assert text.startswith(entry.name), (text, entry.name)
        assert " from " not in entry.name.lower() and not _FLAG.search(entry.name)
        stated = re.search(r" (?:from|form) (?:the )?([A-Z][\w.]*(?: [A-Z][\w.]*)*)", text)
        if stated and country_code(stated.group(1)):
            assert entry.country == stated.group(1), text
        flags = _FLAG.findall(text)
        if flags and flag_code(flags[0]):
            assert entry.country is not None, text
        if not flags and not stated:
            assert entry.country is None, text  # never guessed
        if item.links:
            assert dict(entry.extra)["url"] == item.links[0].url
            assert dict(entry.extra)["handle"].startswith(item.links[0].text)
    people = {e.name: e for e in section.entries}
    assert people["Erfan Mahdavi"].country == "Iran"  # "form Iran"
    assert people["Ali MohammadPur"].country == "Iran"  # a flag without "from"
    assert people["AbdElmomen Kadhim"].country is None  # nothing stated
    assert people["Adam Yi"].country == "China"


# --- digital rights defenders: one organisation a line -------------------------------------


def test_ngo_organisations_stay_whole():
    text = _text("ngo_digital_rights_defenders_2019-12-17.md")
    block = text.split("### Signatories", 1)[1].split("![", 1)[0]
    lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
    section = read_section([Inline(ln) for ln in lines], "Signatories")
    assert len(lines) == 37
    assert [e.name for e in section.entries] == lines
    assert all(e.role is None and e.family_name is None for e in section.entries)


# --- RMS open letter: "Name (Affiliation)" and numbered lists ------------------------------


@pytest.fixture(scope="module")
def rms():
    text = _text("rms_open_letter_2021-03-23.md")
    signed = text.split("Signed,", 1)[1].split("###", 1)[0]
    organisations = text.split("### Organizations", 1)[1].split("### Individuals", 1)[0]
    individuals = text.split("### Individuals", 1)[1]
    return (
        [Inline(t) for t in re.findall(r"^- (.+)$", signed, re.M)],
        [Inline(t) for t in re.findall(r"^1\. (.+)$", organisations, re.M)],
        [_markdown_item(t, None) for t in re.findall(r"^1\. (.+)$", individuals, re.M)],
    )


def test_rms_sections(rms):
    signed, organisations, individuals = rms
    assert (len(signed), len(organisations), len(individuals)) == (16, 61, 3003)
    first = read_section(signed, "Signed,")
    assert [e.name for e in first.entries][:3] == [
        "Molly de Blanc", "Nathan Freitas", "Matthew Garrett",
    ]  # fmt: skip
    assert first.entries[0].extra == (("affiliation", "Debian Project, GNOME Foundation"),)
    orgs = read_section(organisations, "Organizations")
    assert [e.name for e in orgs.entries] == [
        re.sub(r"\s*\((\w+)\)$", lambda m: "" if country_code(m.group(1)) else m.group(0), i.text)
        for i in organisations
    ]
    people = read_section(individuals, "Individuals")
    for item, entry in zip(individuals, people.entries, strict=True):
        text = " ".join(item.text.split())  # no-break spaces read as spaces
        assert entry is not None
        assert text.startswith(entry.name)
        birth_name = re.search(r"\((?:née|born|formerly) [^()]*\)$", entry.name)
        assert not entry.name.endswith(")") or birth_name, text  # a parenthesis is a field
    names = [e.name for e in people.entries]
    assert "Signed Kiran Graefenstedt" in names  # an entry that starts with a sign-off word


# --- New Zealand, UK, Hong Kong, Germany: one entry a line ---------------------------------


def test_nz_comma_layout_and_the_lines_without_a_comma():
    text = _text("nz_paul_hopkinson_open_letter_2008-10-30.txt")
    block = text.split("Signed:", 1)[1].split("\n\n")[1]
    lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
    section = read_section([Inline(ln, n) for n, ln in enumerate(lines, 1)], "Signed:")
    assert section.layout == "Name, Role, Institution" and len(lines) == 33
    for line, entry in zip(lines, section.entries, strict=True):
        assert line.startswith(entry.name) and line[len(entry.name)] in ", "
        assert "*" not in entry.name and entry.country is None
    people = {e.name: e for e in section.entries}
    assert people["Mike Treen"].role == "national director Unite Union"
    assert dict(people["Dr Megan Clayton"].extra)["affiliation"] == "University of Canterbury"
    assert any("no comma" in w.message for w in section.warnings)


def test_uk_numbered_comma_fields():
    text = _text("uk_feminist_scholars_huang_xueqin_2022.txt")
    numbered = re.findall(r"^ {4}\d+\. (.+)$", text, re.M)
    section = read_section([Inline(t) for t in numbered], "COSIGNATORIES")
    assert len(numbered) == 55
    for entry_text, entry in zip(numbered, section.entries, strict=True):
        assert entry_text.startswith(entry.name)
    people = {e.name: e for e in section.entries}
    assert people["Dr Emma Jones"].role == "Lecturer in Gender and Education"
    assert dict(people["Dr Emma Jones"].extra)["pronouns"] == "she/her"
    assert people["LEONARDO MORANTES-AFRICANO"].role == "teacher, educator"
    assert people["LEONARDO MORANTES-AFRICANO"].family_name is None  # all capitals
    assert section.entries[0].name == "Dr. Sarah Abel"
    assert section.entries[-1].name == "Professor Nira Yuval-Davis"


def test_hk_names_only():
    text = _text("hk_former_officials_legislators_2019-07-23.txt")
    block = text.split("聯署人：", 1)[1].split("\n\n", 1)[0]
    lines = [ln.strip() for ln in block.split("\n")[1:] if ln.strip()]
    section = read_section([Inline(ln) for ln in lines], "聯署人：")
    assert len(lines) == 34
    assert [e.name for e in section.entries] == lines
    assert all(e.role is None and e.country is None for e in section.entries)


def test_german_names_keep_their_titles():
    text = _text("de_gemeinsame_erklaerung_2018-03-15.md")
    after = text.split("gez.", 1)[1]
    lines = [re.sub(r"<[^>]+>", "", ln).strip() for ln in after.split("\n")]
    names = []
    for line in lines:
        if not line:
            break
        names.append(line)
    section = read_section([Inline(n) for n in names], "gez.")
    assert len(names) == 32
    assert [e.name for e in section.entries] == names
    assert "Dr. Thilo Sarrazin" in names and names[-1] == "Prof. Max Otte"
