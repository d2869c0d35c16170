"""The filter in words, as a printout's header says it."""

from __future__ import annotations

from viewer.core.query.engine import Query
from viewer.core.query.filter_summary import describe_filter, describe_sort


def test_no_filter_says_all_and_the_order():
    assert describe_filter(Query()) == "All signatories, in the letter's order"
    assert describe_sort(Query(descending=True)) == "in reverse letter order"


def test_text_countries_roles_and_sort_all_appear():
    query = Query(
        text="  rossner ",
        facets={"country": frozenset({"Spain", "Germany", None}), "role": frozenset({"MP"})},
        sort_column="name",
        descending=True,
    )
    assert describe_filter(query) == (
        "Matching \u201crossner\u201d; countries: Germany, Spain, not stated; role: MP; "
        "sorted by name (Z\u2013A)"
    )


def test_one_country_is_singular():
    text = describe_filter(
        Query(facets={"country": frozenset({"Malaysia"})}, sort_column="country")
    )
    assert text == "Country: Malaysia; sorted by country (A\u2013Z)"
