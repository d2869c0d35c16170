"""Sorting by a further column of a file (a CSV's "party"), GUI-free.

The rule: the same collation as names (folding.sort_key: base letters first, the text as
written breaks ties), rows without a value last in both directions, ties in source order.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.folding import sort_key
from viewer.core.formats.column_names import column_set_key, extra_column_title
from viewer.core.model import Document, Signatory, numbered
from viewer.core.query import engine as query_module
from viewer.core.query.engine import Query, QueryEngine, extra_sort_column, is_sort_column

PARTY = extra_sort_column("party")


def _doc(parties: list[str | None], affiliations: list[str | None] | None = None) -> Document:
    people = []
    for i, party in enumerate(parties):
        extra = []
        if affiliations is not None and affiliations[i] is not None:
            extra.append(("affiliation", affiliations[i]))
        if party is not None:
            extra.append(("party", party))
        people.append(Signatory(f"Person {i}", "MP", "Land", extra=tuple(extra)))
    return Document(signatories=numbered(people))


def _expected(parties: list[str | None], descending: bool) -> list[int]:
    """Row indices in the rule's order, written the plain way."""
    stated = [i for i, p in enumerate(parties) if p]
    stated.sort(key=lambda i: sort_key(parties[i]), reverse=descending)  # stable: ties by place
    return stated + [i for i, p in enumerate(parties) if not p]


PARTIES = ["Labour", None, "Greens", "élan", "Bündnis", "labour", None, "Zukunft", "Labour", ""]


@pytest.mark.parametrize("descending", [False, True])
def test_extra_column_sorts_with_the_names_collation_empty_last(descending):
    doc = _doc(PARTIES)
    engine = QueryEngine(doc)
    rows = engine.run(Query().sorted_by(PARTY, descending)).rows.tolist()
    assert rows == _expected(PARTIES, descending)
    # Rows without a party (no field, or an empty one) end the list both ways.
    assert [PARTIES[i] or None for i in rows[-3:]] == [None, None, None]


def test_extra_sort_keeps_the_filter():
    doc = _doc(PARTIES)
    rows = QueryEngine(doc).run(Query(text="labour").sorted_by(PARTY)).rows.tolist()
    wanted = [i for i in _expected(PARTIES, False) if PARTIES[i] and "labour" in PARTIES[i].lower()]
    assert rows == wanted


def test_sort_keys_are_built_with_the_columns_and_the_order_cached(monkeypatch):
    engine = QueryEngine(_doc(PARTIES))
    assert engine.columns.extra_keys == ("party",)
    assert PARTY in engine.columns._sorts  # built with the columns, as the names' keys are

    def refuse(*_args, **_kwargs):
        raise AssertionError("the party's sort keys were built on the sort")

    monkeypatch.setattr(query_module, "text_ranks", refuse)
    engine.run(Query().sorted_by(PARTY))
    order = engine.columns._sorts[PARTY]
    engine.run(Query().sorted_by(PARTY, True))
    assert engine.columns._sorts[PARTY] is order


def test_extra_keys_in_first_seen_order_over_all_rows():
    doc = _doc([None, "Greens", "Labour"], ["Uni A", None, "Uni B"])
    assert QueryEngine(doc).columns.extra_keys == ("affiliation", "party")
    later = _doc(["Greens", None], [None, "Uni A"])  # affiliation first seen on row 2
    assert QueryEngine(later).columns.extra_keys == ("party", "affiliation")


def test_unknown_extra_column_gives_source_order_not_an_error():
    engine = QueryEngine(_doc(PARTIES))
    query = Query().sorted_by(extra_sort_column("shoe size"), True)
    assert not engine.can_sort_by(query.sort_column)
    assert engine.run(query).rows.tolist() == list(range(len(PARTIES)))
    engine.prepare_sort(query.sort_column)  # nothing to prepare, nothing raised


def test_sort_column_names():
    assert is_sort_column("name") and is_sort_column("extra:party")
    assert is_sort_column("extra:Home institution")
    for bad in ("shoe size", "extra:", "extra: party", "extra:" + "x" * 500):
        assert not is_sort_column(bad)
        with pytest.raises(ValueError):
            Query().sorted_by(bad)


def test_titles_and_column_set_keys():
    assert extra_column_title("party") == "Party"
    assert extra_column_title("home institution") == "Home Institution"
    assert extra_column_title("ORCID") == "ORCID"
    assert extra_column_title("Home institution") == "Home institution"
    plain = column_set_key(("position", "name", "role", "country"))
    assert plain == column_set_key(("position", "name", "role", "country"))
    assert plain != column_set_key(("position", "name", "role", "country", "extra:party"))
    assert column_set_key(("a", "b")) != column_set_key(("b", "a"))


values = st.one_of(
    st.none(), st.just(""), st.text(alphabet="aAbBéÉøØß \"'([ıİ王", min_size=1, max_size=6)
)


@settings(max_examples=150, deadline=None)
@given(st.lists(values, max_size=40), st.booleans())
def test_extra_sort_matches_the_plain_rule(parties, descending):
    doc = _doc(parties)
    if all(p is None for p in parties):  # no further field at all: no such column
        assert QueryEngine(doc).columns.extra_keys == ()
        return
    rows = QueryEngine(doc).run(Query().sorted_by(PARTY, descending)).rows.tolist()
    assert rows == _expected(parties, descending)
