"""Folding, sort keys and the query engine over the bundled letter."""

import numpy as np
import pytest

from viewer.core.folding import fold, sort_key
from viewer.core.query.engine import Query, QueryEngine, describe_counts


@pytest.fixture(scope="module")
def engine(bundled):
    return QueryEngine(bundled)


def names(engine, result):
    return [engine.document.signatories[i].name for i in result.rows]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("rossner", "Tabea Rößner"),
        ("muller", "Beate Müller-Gemmeke"),
        ("jauregui", "Ramón Jáuregui Atondo"),
        ("RÖSSNER", "Tabea Rößner"),
    ],
)
def test_matching_ignores_case_and_accents(engine, typed, found):
    assert names(engine, engine.run(Query(text=typed))) == [found]


def test_country_search_is_case_insensitive(engine):
    assert len(engine.run(Query(text="GERMANY"))) == 11
    assert len(engine.run(Query(text="malaysia"))) == 60


def test_several_words_narrow_together(engine):
    assert names(engine, engine.run(Query(text="senator france"))) == ["André Gattolin"]
    assert names(engine, engine.run(Query(text="france senator"))) == ["André Gattolin"]


def test_narrowing_and_widening_give_fresh_answers(engine):
    assert len(engine.run(Query(text="m"))) > len(engine.run(Query(text="ma")))
    wide = engine.run(Query(text="ger"))
    assert len(engine.run(Query(text="germ"))) == 11
    assert len(engine.run(Query(text="ger"))) == len(wide)
    assert len(engine.run(Query(text=""))) == 158


def test_sort_keys_put_accented_letters_with_their_base():
    words = ["Zeta", "Öztürk", "Oberg", "Abel"]
    assert sorted(words, key=sort_key) == ["Abel", "Oberg", "Öztürk", "Zeta"]
    assert fold("Straße") == "strasse"


def test_not_stated_sorts_last_both_ways(engine):
    for descending in (False, True):
        result = engine.run(Query().sorted_by("country", descending))
        countries = [engine.document.signatories[i].country for i in result.rows]
        assert countries[-6:] == [None] * 6
        stated = countries[:-6]
        assert stated == sorted(stated, key=sort_key, reverse=descending)


def test_source_order_and_reverse(engine):
    rows = engine.run(Query()).rows
    assert list(rows) == list(range(158))
    assert list(engine.run(Query().sorted_by("position", True)).rows) == list(range(157, -1, -1))


def test_sort_ties_keep_source_order(engine):
    rows = engine.run(Query().sorted_by("country")).rows
    germany = [i for i in rows if engine.document.signatories[i].country == "Germany"]
    assert germany == sorted(germany)


def test_facets_and_counts(engine):
    result = engine.run(Query(facets={"country": frozenset({"Germany", "Spain"})}))
    assert len(result) == 16
    visible = {f.label: f.count for f in result.visible_counts["country"]}
    assert visible == {"Germany": 11, "Spain": 5}
    # the country picker still offers every country, counted without its own filter
    facet = {f.label: f.count for f in result.facet_counts["country"]}
    assert facet["Malaysia"] == 60 and facet["not stated"] == 6 and len(facet) == 24
    assert describe_counts(result) == "Showing 16 of 158 signatories \u00b7 2 countries"


def test_not_stated_is_a_choosable_value(engine):
    result = engine.run(Query(facets={"country": frozenset({None})}))
    assert len(result) == 6
    assert describe_counts(result) == "Showing 6 of 158 signatories \u00b7 0 countries"


def test_toggle_and_roles(engine):
    q = Query().toggled("country", "Germany")
    assert len(engine.run(q)) == 11
    assert len(engine.run(q.toggled("country", "Germany"))) == 158
    senators = engine.run(Query(facets={"role": frozenset({"Senator"})}))
    assert {engine.document.signatories[i].country for i in senators.rows} == {
        "France",
        "Argentina",
        "Philippines",
    }
    one = engine.run(Query(text="gattolin"))
    assert describe_counts(one) == "Showing 1 of 158 signatories \u00b7 1 country"


def test_counts_always_sum_to_rows(engine):
    for q in (
        Query(),
        Query(text="member"),
        Query(text="zzz"),
        Query(facets={"role": frozenset({None})}),
    ):
        result = engine.run(q)
        assert sum(f.count for f in result.visible_counts["country"]) == len(result)
        assert isinstance(result.rows, np.ndarray)
