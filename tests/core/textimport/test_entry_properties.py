"""Properties of read_section over arbitrary and generated sections (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from viewer.core.textimport.blocks import Inline, Link
from viewer.core.textimport.entry_fields import read_section

# What markup left in a name would look like: bold marks, a tag, a link's target, cell or
# line breaks ("<" alone, as in "0<", is text).
_MARKUP = re.compile(r"\*\*|</?[A-Za-z][^>]*>|\]\(|[\t\n]")

words = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x24F),
    min_size=2,
    max_size=9,
)
name_words = words.map(lambda w: w[0].upper() + w[1:].lower())
names = st.lists(name_words, min_size=2, max_size=3).map(" ".join)
roles = st.tuples(
    st.sampled_from(["Professor", "Lecturer", "Journalist", "Ingénieur", "Senator", "Écrivain"]),
    st.lists(words.map(str.lower), max_size=3),
).map(lambda t: " ".join([t[0], *t[1]]))
any_inline = st.builds(
    Inline,
    text=st.text(max_size=120),
    links=st.lists(st.builds(Link, st.text(max_size=12), st.text(max_size=20)), max_size=2).map(
        tuple
    ),
    strong=st.lists(st.text(max_size=15), max_size=2).map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(any_inline, max_size=12), st.none() | st.text(max_size=30))
def test_never_raises_and_names_are_clean(items, heading):
    section = read_section(items, heading)
    assert len(section.entries) == len(items)
    assert isinstance(section.layout, str) and section.layout
    for entry in section.entries:
        if entry is None:
            continue
        assert entry.name and entry.name == entry.name.strip()
        assert not _MARKUP.search(entry.name), entry.name
    left_out = sum(e is None for e in section.entries)
    assert left_out == 0 or section.warnings


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(names, roles), min_size=1, max_size=8),
    st.sampled_from([" - ", " \u2013 ", " / ", ", "]),
)
def test_a_separator_splits_name_from_role(pairs, separator):
    assume(all(role not in name for name, role in pairs))  # "Aa Senator" - "Senator"
    section = read_section([Inline(f"{n}{separator}{r}") for n, r in pairs])
    for (name, role), entry in zip(pairs, section.entries, strict=True):
        assert entry.name == name
        assert role not in entry.name
        assert entry.role == role
        assert entry.country is None  # nothing states one


@settings(max_examples=200, deadline=None)
@given(st.lists(names, min_size=1, max_size=8))
def test_bare_names_are_kept_whole(listed):
    section = read_section([Inline(n) for n in listed])
    assert [e.name for e in section.entries] == listed
    assert all(e.role is None and e.country is None for e in section.entries)
