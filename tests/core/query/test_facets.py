"""The facet registry: which fields are facets, their names, and the Query's choices per facet."""

from __future__ import annotations

import pytest
from conftest import EXTERNAL

from viewer.core.model import Document, Signatory
from viewer.core.opening import open_document
from viewer.core.query.engine import Columns, Query, QueryEngine, describe_counts
from viewer.core.query.facets import (
    BUILTINS,
    MAX_FACET_VALUES,
    chart_grouping,
    facet_for_key,
    find_facet,
    further_facet,
    is_categorical,
    is_facet_key,
    plural_noun,
)

PARTIES = ["Labour", "Green", "Labour", "National", "Green", "Labour", "", "National"]


def _doc(**columns: list[str]) -> Document:
    """Signatories "P1".."Pn" with the further columns given (an empty cell: not stated)."""
    n = len(next(iter(columns.values())))
    people = tuple(
        Signatory(
            name=f"P{i + 1}",
            position=i + 1,
            extra=tuple((key, values[i]) for key, values in columns.items() if values[i]),
        )
        for i in range(n)
    )
    return Document(signatories=people)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (PARTIES, True),  # 7 stated rows, 3 values
        ([f"p{i}@example.org" for i in range(40)], False),  # unique: nothing to count
        (["a", "a", "b", "c"], False),  # 4 rows, 3 values: 1.33 a value
        (["a", "a", "b"], True),  # 3 rows, 2 values: 1.5 a value
        (["a", "a"], True),
        (["a"], False),
        (["", None, ""], False),
        ([f"v{i % (MAX_FACET_VALUES + 1)}" for i in range(5 * (MAX_FACET_VALUES + 1))], False),
        ([f"v{i % MAX_FACET_VALUES}" for i in range(5 * MAX_FACET_VALUES)], True),
    ],
)
def test_a_further_column_is_a_facet_when_its_values_repeat(values, expected):
    assert is_categorical(values) is expected


def test_document_facets_are_country_role_then_categorical_columns_in_column_order():
    emails = [f"p{i}@example.org" for i in range(len(PARTIES))]
    groups = ["A", "A", "A", "B", "B", "B", "B", "B"]
    doc = _doc(party=PARTIES, email=emails, group=groups, pronouns=["she/her", *[""] * 7])
    facets = Columns(doc.signatories).facets
    assert [f.key for f in facets] == ["country", "role", "extra:party", "extra:group"]
    assert [f.shortcut for f in facets] == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"]
    party = facets[2]
    assert (party.field, party.label, party.one, party.many) == (
        "party",
        "Party",
        "party",
        "parties",
    )
    assert party.state_key == "extra:party" and not party.builtin


def test_only_the_first_nine_facets_have_shortcuts():
    columns = {f"c{i}": ["x", "x", "y", "y"] for i in range(10)}
    facets = Columns(_doc(**columns).signatories).facets
    assert len(facets) == 12
    assert [f.shortcut for f in facets[8:]] == ["Ctrl+9", None, None, None]


@pytest.mark.parametrize(
    ("noun", "plural"),
    [
        ("party", "parties"),
        ("group", "groups"),
        ("affiliation", "affiliations"),
        ("home institution", "home institutions"),
        ("class", "classes"),
        ("day", "days"),
        ("ORCID", "ORCID"),
        ("政党", "政党"),
    ],
)
def test_plural_nouns(noun, plural):
    assert plural_noun(noun) == plural


def test_a_further_facet_keeps_the_headers_capitals_where_it_had_them():
    assert further_facet("Home institution").label == "Home institution"
    assert further_facet("Home institution").many == "home institutions"
    assert further_facet("ORCID").one == "ORCID"
    assert further_facet("Party").many == "parties"
    assert further_facet("R&D unit").many == "R&D units"
    assert facet_for_key("extra:group").label == "Group"
    assert facet_for_key("country") is BUILTINS[0]
    with pytest.raises(ValueError):
        facet_for_key("extra:")


@pytest.mark.parametrize(
    ("key", "ok"),
    [
        ("country", True),
        ("role", True),
        ("extra:party", True),
        ("extra:Home institution", True),
        ("party", False),  # a further column is always named by its "extra:" key
        ("extra:", False),
        ("extra: party", False),
        ("extra:" + "x" * 201, False),
        ("name", False),
    ],
)
def test_facet_keys(key, ok):
    assert is_facet_key(key) is ok


def test_a_user_names_a_facet_by_key_field_label_or_plural():
    facets = Columns(_doc(party=PARTIES).signatories).facets
    for name in ("extra:party", "party", "Party", "PARTIES", " party "):
        assert find_facet(facets, name).key == "extra:party", name
    assert find_facet(facets, "countries").key == "country"
    assert find_facet(facets, "shoe size") is None


def test_query_choices_are_canonical():
    assert Query(facets={"country": set(), "role": frozenset()}) == Query()
    a = Query(facets={"extra:party": {"Labour"}, "country": {"Spain"}})
    b = Query().with_facet("country", {"Spain"}).toggled("extra:party", "Labour")
    assert a == b and hash(a) == hash(b)
    assert a.facets == (("country", frozenset({"Spain"})), ("extra:party", frozenset({"Labour"})))
    assert b.toggled("extra:party", "Labour").chosen == {"country": frozenset({"Spain"})}
    assert a.without_facets() == Query() and a.is_filtered and not Query().is_filtered
    with pytest.raises(ValueError):
        Query(facets={"shoe size": {"42"}})


def test_engine_filters_and_counts_by_a_further_facet():
    doc = _doc(party=PARTIES)
    engine = QueryEngine(doc)
    result = engine.run(Query(facets={"extra:party": {"Labour", None}}))
    assert [doc.signatories[i].name for i in result.rows] == ["P1", "P3", "P6", "P7"]
    visible = [(c.value, c.count) for c in result.visible_counts["extra:party"]]
    assert visible == [("Labour", 3), (None, 1)]
    picker = [(c.value, c.count) for c in result.facet_counts["extra:party"]]
    assert picker == [("Labour", 3), ("Green", 2), ("National", 2), (None, 1)]
    party = engine.columns.facet("extra:party")
    assert describe_counts(result, party) == "Showing 4 of 8 signatories \u00b7 1 party"


def test_a_choice_for_a_facet_the_document_lacks_filters_nothing():
    engine = QueryEngine(_doc(party=PARTIES))
    result = engine.run(Query(facets={"extra:group": {"A"}}))
    assert len(result) == 8 and "extra:group" not in result.facet_counts


def test_the_chart_groups_by_the_wish_if_it_repeats_else_the_first_facet_that_does():
    doc = _doc(party=PARTIES)
    columns = Columns(doc.signatories)
    assert columns.groupable() == ("extra:party",)  # no country or role stated
    assert chart_grouping(columns.facets, columns.groupable(), "country") == "extra:party"
    assert chart_grouping(columns.facets, columns.groupable(), "extra:party") == "extra:party"
    assert chart_grouping(columns.facets, (), "role") == "role"
    assert chart_grouping(columns.facets, (), "extra:group") == "country"


def test_the_2017_letter_is_charted_by_country(bundled):
    columns = Columns(bundled.signatories)
    assert [f.key for f in columns.facets] == ["country", "role"]
    assert chart_grouping(columns.facets, columns.groupable(), "country") == "country"


@pytest.mark.skipif(not EXTERNAL.is_dir(), reason="no shared external letters")
@pytest.mark.parametrize(
    "name",
    ["uk_feminist_scholars_huang_xueqin_2022.txt", "nz_paul_hopkinson_open_letter_2008-10-30.txt"],
)
def test_letters_without_countries_are_charted_by_affiliation(name):
    columns = Columns(open_document(EXTERNAL / name).signatories)
    keys = [f.key for f in columns.facets]
    assert "extra:affiliation" in keys and "extra:pronouns" not in keys
    assert chart_grouping(columns.facets, columns.groupable(), "country") == "extra:affiliation"
