"""One entry line split into name, role, country and affiliation, by the documented rules."""

from __future__ import annotations

import pytest

from viewer.core.textimport.entry_fields import looks_like_name, parse_entry, strip_footnote_marks

AFF = "affiliation"


@pytest.mark.parametrize(
    ("text", "name", "role", "country", "extra"),
    [
        # titles and suffixes stay part of the name as written
        ("Dr. Sarah Abel", "Dr. Sarah Abel", None, None, ()),
        ("Professor Sir Richard Jolly, SOAS", "Professor Sir Richard Jolly", None, None,
         ((AFF, "SOAS"),)),
        ("Teddy Baguilat, Jr.", "Teddy Baguilat, Jr.", None, None, ()),
        ("Clare Walsh, MA, Institute of Development Studies", "Clare Walsh, MA", None, None,
         ((AFF, "Institute of Development Studies"),)),
        # role words make a role; what follows is the affiliation
        ("Jane Doe, Lecturer, University of Leeds", "Jane Doe", "Lecturer", None,
         ((AFF, "University of Leeds"),)),
        ("Jo Roe, teacher, educator", "Jo Roe", "teacher, educator", None, ()),
        ("Ann Lee, Greenpeace", "Ann Lee", None, None, ((AFF, "Greenpeace"),)),
        # a country only when it is one
        ("Jane Doe, Member of Parliament, Kenya", "Jane Doe", "Member of Parliament", "Kenya", ()),
        ("Jane Doe, MP (Kenya)", "Jane Doe", "MP", "Kenya", ()),
        ("Jane Doe, Columbia University, New York City", "Jane Doe", None, None,
         ((AFF, "Columbia University, New York City"),)),
        ("Jane Doe (France)", "Jane Doe", None, "France", ()),
        ("Jane Doe (Labour), MP for Leeds", "Jane Doe", "MP for Leeds", None,
         ((AFF, "Labour"),)),
        ("Jane Doe (n\u00e9e Smith)", "Jane Doe (n\u00e9e Smith)", None, None, ()),
        # separators
        ("Jane Doe - Senator", "Jane Doe", "Senator", None, ()),
        ("Jane Doe \u2014 Member of Parliament, Kenya", "Jane Doe", "Member of Parliament",
         "Kenya", ()),
        ("Beate M\u00fcller-Gemmeke", "Beate M\u00fcller-Gemmeke", None, None, ()),
        # pronouns and footnote marks are not part of the name
        ("Dr Emma Jones (she/her), Lecturer", "Dr Emma Jones", "Lecturer", None,
         (("pronouns", "she/her"),)),
        ("Mike Treen*, director Unite Union\u2020", "Mike Treen", "director Unite Union", None,
         ()),
        # Chinese: a role in full-width parentheses
        ("\u738b\u6c38\u5e73\uff08\u524d\u5c40\u9577\uff09", "\u738b\u6c38\u5e73",
         "\u524d\u5c40\u9577", None, ()),
    ],
)  # fmt: skip
def test_entries(text, name, role, country, extra):
    entry = parse_entry(text)
    assert (entry.name, entry.role, entry.country, entry.extra) == (name, role, country, extra)
    assert not entry.split_without_comma


@pytest.mark.parametrize(
    ("text", "name", "institution"),
    [
        (
            "Dr Megan Clayton University of Canterbury",
            "Dr Megan Clayton",
            "University of Canterbury",
        ),
        ("Jane Doe Durham University", "Jane Doe", "Durham University"),
    ],
)
def test_missing_comma_before_an_institution(text, name, institution):
    entry = parse_entry(text)
    assert (entry.name, entry.extra) == (name, ((AFF, institution),))
    assert entry.split_without_comma


def test_names_that_only_look_like_institutions_stay_whole():
    assert parse_entry("Jane College").name == "Jane College"  # too short to split
    assert parse_entry("Labour Party").name == "Labour Party"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unite Union* (Auckland)", "Unite Union (Auckland)"),
        ("Leeds\u00b9, York\u2020\u2021", "Leeds, York"),
        ("Smith[2] and Jones[^3]", "Smith and Jones"),
        ("2 * 3", "2 * 3"),
    ],
)
def test_footnote_marks(text, expected):
    assert strip_footnote_marks(text) == expected


@pytest.mark.parametrize(
    ("text", "is_name"),
    [
        ("LEONARDO MORANTES-AFRICANO", True),
        ("Ludwig van Beethoven", True),
        ("\u9673\u65b9\u5b89\u751f", True),
        ("please add your name below", False),
        ("\u53c3\u52a0\u806f\u7f72\u7684 \u9023\u7d50", False),  # "the link to sign": has 的
        ("12345", False),
        ("A " * 12, False),
    ],
)
def test_looks_like_name(text, is_name):
    assert looks_like_name(text) is is_name
