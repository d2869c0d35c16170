"""Sort keys are built with the columns for ordinary documents, on first sort for huge ones."""

from __future__ import annotations

import pytest

import viewer.core.query.engine as query_module
from viewer.core.folding import sort_key
from viewer.core.model import Document, Signatory
from viewer.core.query.engine import Query, QueryEngine

NAMES = ("Émile Zola", "anna Berg", "Zoë Ångström", "Ólafur", "bob", "Ana")


def _doc() -> Document:
    people = [
        Signatory(n, "MP", c, i + 1) for i, (n, c) in enumerate(zip(NAMES, "ABCABC", strict=True))
    ]
    return Document(signatories=tuple(people))


def _names(engine: QueryEngine, descending: bool = False) -> list[str]:
    result = engine.run(Query(sort_column="name", descending=descending))
    return [engine.document.signatories[int(i)].name for i in result.rows]


def _no_text_ranks(monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("the name sort keys were built on the sort, not with the columns")

    monkeypatch.setattr(query_module, "text_ranks", refuse)


def test_a_first_sort_uses_the_keys_built_with_the_columns(monkeypatch):
    engine = QueryEngine(_doc())
    _no_text_ranks(monkeypatch)
    expected = sorted(NAMES, key=sort_key)
    assert _names(engine) == expected
    assert _names(engine, descending=True) == expected[::-1]
    # Forgetting the orders (as the benchmark does to time a first sort) keeps the keys.
    engine.clear_cache(sorts=True)
    assert _names(engine) == expected


@pytest.mark.parametrize("column", ["role", "country"])
def test_facet_columns_sort_by_their_prebuilt_keys(monkeypatch, column):
    engine = QueryEngine(_doc())
    result = engine.run(Query(sort_column=column))
    values = [getattr(engine.document.signatories[int(i)], column) for i in result.rows]
    assert values == sorted(values, key=sort_key)
