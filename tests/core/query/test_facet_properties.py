"""Filtering and counting by any facet, against a plain Python reference (hypothesis).

Random documents carry further columns beside name, role and country: a party and a group
drawn from small pools (mostly categorical), and a note that is nearly unique per row (never
a facet). Sessions toggle values of every facet in any order, with words typed between; the
engine's rows and every facet's counts must be the reference's each time. The reference
decides which columns are facets by the rule written plainly: at least 1.5 stated rows a
distinct value, at most 1,000 values.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.folding import fold
from viewer.core.model import Document, Signatory
from viewer.core.query.engine import Query, QueryEngine

PARTIES = ["Labour", "labour", "Grüne", "Verts", "Partido Ñ"]
GROUPS = ["Academics", "Unions", "MPs"]
FURTHER = ("party", "group", "note")
WORDS = "abelnorsuüñ"


def _value_of(s: Signatory, key: str) -> str | None:
    if key in ("country", "role"):
        return getattr(s, key)
    return s.extra_value(key.removeprefix("extra:")) or None


def reference_facets(doc: Document) -> list[str]:
    keys = ["country", "role"]
    seen = list(dict.fromkeys(k for s in doc.signatories for k, _ in s.extra))
    for field in seen:
        values = [v for s in doc.signatories if (v := s.extra_value(field))]
        distinct = len(set(values))
        if distinct and len(values) >= 1.5 * distinct and distinct <= 1000:
            keys.append("extra:" + field)
    return keys


@st.composite
def documents(draw) -> Document:
    n = draw(st.integers(0, 25))
    people = []
    for i in range(n):
        extra = []
        if party := draw(st.sampled_from([*PARTIES, ""])):
            extra.append(("party", party))
        if group := draw(st.sampled_from([*GROUPS, ""])):
            extra.append(("group", group))
        extra.append(("note", f"n{i}{draw(st.sampled_from(WORDS))}"))
        people.append(
            Signatory(
                name=draw(st.text(alphabet=WORDS + " ", min_size=1, max_size=8)).strip() or "x",
                role=draw(st.none() | st.sampled_from(["MP", "Senator"])),
                country=draw(st.none() | st.sampled_from(["Spain", "Malaysia"])),
                position=i + 1,
                extra=tuple(draw(st.permutations(extra))),
            )
        )
    return Document(signatories=tuple(people))


KEYS = ["country", "role", *(f"extra:{f}" for f in FURTHER)]
VALUES = [None, "Spain", "Malaysia", "MP", "Senator", *PARTIES, *GROUPS, "n1a", "n2b"]
actions = st.one_of(
    st.tuples(st.sampled_from(KEYS), st.sampled_from(VALUES)),
    st.tuples(st.just("text"), st.text(alphabet=WORDS + " ", max_size=4)),
)


def reference_rows(doc: Document, query: Query, facets: list[str], skip: str | None = None):
    words = fold(query.text).split()
    rows = []
    for i, s in enumerate(doc.signatories):
        fields = [fold(s.name), fold(s.role or ""), fold(s.country or "")]
        fields += [fold(v) for _, v in s.extra]
        if not all(any(w in f for f in fields) for w in words):
            continue
        chosen = {k: v for k, v in query.facets if k in facets and k != skip}
        if all(_value_of(s, k) in values for k, values in chosen.items()):
            rows.append(i)
    return rows


def reference_counts(doc: Document, rows: list[int], key: str) -> list[tuple[str | None, int]]:
    """Most first; ties in order of first appearance, "not stated" last."""
    counts = Counter(_value_of(doc.signatories[i], key) for i in rows)
    first = {}
    for s in doc.signatories:
        first.setdefault(_value_of(s, key), len(first))
    first[None] = len(doc.signatories) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))


def check(engine: QueryEngine, doc: Document, query: Query) -> None:
    facets = reference_facets(doc)
    assert [f.key for f in engine.facets] == facets
    result = engine.run(query)
    expected = reference_rows(doc, query, facets)
    assert result.rows.tolist() == expected, query
    assert sorted(result.facet_counts) == sorted(facets)
    for key in facets:
        got = [(c.value, c.count) for c in result.visible_counts[key]]
        assert got == reference_counts(doc, expected, key), (query, key)
        others = reference_rows(doc, query, facets, skip=key)
        got = [(c.value, c.count) for c in result.facet_counts[key]]
        assert got == reference_counts(doc, others, key), (query, key, "picker")
        shown = {_value_of(doc.signatories[i], key) for i in expected} - {None}
        assert result.shown_values(key) == len(shown), (query, key)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents(), steps=st.lists(actions, min_size=1, max_size=20))
def test_any_facet_filters_and_counts_as_the_reference(doc, steps):
    engine = QueryEngine(doc)
    query = Query()
    check(engine, doc, query)
    for kind, arg in steps:
        query = query.with_text(arg) if kind == "text" else query.toggled(kind, arg)
        check(engine, doc, query)
