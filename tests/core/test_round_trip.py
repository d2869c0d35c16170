"""Nothing lost on the way out: every export reopens as the document it was made from (less
what the format does not carry, tests/roundtrips.py), and the import plan never crashes.

Hypothesis properties over arbitrary documents (markup, odd white space, line breaks and
any Unicode in every field) and over mutations of the real letters; bounded in time (a few
seconds each). tests/fuzz_readers.py runs the same checks for as long as it is asked to.
"""

from __future__ import annotations

import functools
import time

import pytest
from conftest import BUNDLED_LETTER, EXTERNAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from roundtrips import (
    FORMATS,
    LAYOUT_CHOICES,
    MARKUP_PIECES,
    as_read,
    documents,
    exported,
    line_recipes,
    plan_outcome,
    rebuilt,
    round_trip_difference,
    seed_files,
)

from viewer.core.errors import ParseError
from viewer.core.limits import MAX_LINE_CHARS
from viewer.core.model import Document, Letter, Paragraph, Signatory, numbered
from viewer.core.opening import parse_document

SEEDS = seed_files(EXTERNAL if EXTERNAL.is_dir() else None, BUNDLED_LETTER)
LETTERS = [name for name in SEEDS if not name.startswith("bundled-export")]
# Mutations in every run start from the smaller letters (a mutated 300 kB page takes a
# second to read and export four times); tests/fuzz_readers.py takes them all.
SMALL = [name for name in LETTERS if len(SEEDS[name]) < 30_000]
BOUNDED = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize("fmt", FORMATS)
@BOUNDED
@given(documents(st))
def test_any_document_the_readers_accept_reopens_from_every_export(fmt, made):
    doc = as_read(made)  # what the JSON reader, which accepts the most, makes of it
    if doc is None:
        return
    assert round_trip_difference(doc, fmt, letter=False) is None


@functools.cache
def _read(name: str) -> Document:
    return parse_document(SEEDS[name], name)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", LETTERS)
def test_every_real_letter_reopens_whole_from_every_export(name, fmt):
    assert round_trip_difference(_read(name), fmt) is None


@BOUNDED
@given(line_recipes(st, SMALL), st.sampled_from(FORMATS))
def test_mutated_real_letters_reopen_whole_from_every_export(recipe, fmt):
    try:
        doc = parse_document(*reversed(rebuilt(recipe, SEEDS)))
    except ParseError:
        return  # refused with a sentence: the readers' own properties cover that
    assert round_trip_difference(doc, fmt) is None


corrections = st.lists(
    st.one_of(
        st.tuples(st.just("boundary"), st.integers(-3, 400)),
        st.tuples(st.just("end"), st.integers(-3, 400) | st.none()),
        st.tuples(st.just("layout"), st.sampled_from([*LAYOUT_CHOICES, "columns", ""])),
    ),
    max_size=4,
)


@BOUNDED
@given(line_recipes(st, SMALL), corrections)
def test_the_plan_of_a_mutated_letter_is_a_plan_or_a_parse_error(recipe, changes):
    name, data = rebuilt(recipe, SEEDS)
    plan_outcome(data.decode("utf-8", "surrogatepass"), changes, name)


@BOUNDED
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=40), corrections)
def test_the_plan_of_any_markup_soup_is_a_plan_or_a_parse_error(pieces, changes):
    plan_outcome("".join(pieces), changes)


def _long_document(length: int) -> Document:
    words = " ".join(["Lorem"] * (length // 6))
    people = numbered([Signatory("Jane Doe", "x" * length), Signatory("John Roe")])
    return Document(Letter(body=(Paragraph(words),)), people)


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_a_value_longer_than_a_line_of_a_letter_survives_the_export(fmt):
    doc = _long_document(150_000)
    longest = max(map(len, exported(doc, fmt).decode("utf-8").split("\n")))
    if fmt == "md":  # the paragraph is wrapped; the table row cannot be, and is refused
        assert "lines of a letter are at most 100,000" in round_trip_difference(doc, fmt)
        short = Document(doc.letter, numbered([Signatory("Jane Doe")]))
        assert max(map(len, exported(short, fmt).decode().split("\n"))) <= MAX_LINE_CHARS
        assert round_trip_difference(short, fmt) is None
        return
    assert longest > MAX_LINE_CHARS  # JSON and CSV are read without the line limit
    assert round_trip_difference(doc, fmt) is None


@pytest.mark.parametrize("name", ["huge.txt", "huge.md", "huge.csv", "huge.json"])
def test_fifty_megabytes_on_one_line_are_refused_quickly_in_every_format(name):
    start = time.perf_counter()
    with pytest.raises(ParseError):
        parse_document(b"a" * 50_000_000, name)
    assert time.perf_counter() - start < 2.0  # (1 s when the machine is quiet)
