"""The fast query engine against a plain reference, on random documents and query sequences.

The reference is written the obvious way: fold each row, check every word is in its name,
role or country, keep the chosen facets, sort with sort_key with "not stated" last. Typing,
deleting, pasting, choosing facets and sorting in any order must give the reference's answer
every time, so narrowing from remembered matches can never show stale rows.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core import text_column
from viewer.core.folding import fold, sort_key
from viewer.core.model import Document, Signatory
from viewer.core.query import collation, text_index
from viewer.core.query import engine as query_module
from viewer.core.query.collation import text_ranks
from viewer.core.query.engine import (
    SORT_COLUMNS,
    Query,
    QueryEngine,
)
from viewer.core.text_column import build_text_columns

# Letters that fold in interesting ways: accents, ß, ligatures, dotted I, final sigma,
# a combining accent on its own, other scripts, quotes and brackets sort_key strips,
# and the separators the engine must not trip over.
ALPHABET = "aAbBeEmMnNoOrRsSáÁäÄéÉøØßẞæÆœİıσςΣиИйЙ王李ا\u0301 -'\"([.\n\x00\x1f\u00a0"
WORD_ALPHABET = "abemnorsáäéøßæσиμ王'(-"

texts = st.text(alphabet=ALPHABET, max_size=12)
names = texts.filter(lambda t: t.strip() != "")
ROLES = ["Senator", "senator", "Member of Parliament", "Sénateur", "MP", "Ñandú"]
COUNTRIES = ["Germany", "Spain", "España", "Malaysia", "Côte d'Ivoire", "Ελλάδα", "germany"]


@st.composite
def documents(draw, max_rows: int = 30) -> Document:
    rows = draw(
        st.lists(
            st.tuples(
                names,
                st.none() | st.sampled_from(ROLES),
                st.none() | st.sampled_from(COUNTRIES),
            ),
            min_size=0,
            max_size=max_rows,
        )
    )
    people = tuple(
        Signatory(name=n, role=r, country=c, position=i)
        for i, (n, r, c) in enumerate(rows, start=1)
    )
    return Document(signatories=people)


# One user action: type a character, delete one, paste text, toggle a facet value, sort.
actions = st.one_of(
    st.tuples(st.just("type"), st.sampled_from(WORD_ALPHABET + " ")),
    st.tuples(st.just("delete"), st.integers(1, 3)),
    st.tuples(st.just("paste"), st.text(alphabet=WORD_ALPHABET + " ", max_size=8)),
    st.tuples(st.just("country"), st.none() | st.sampled_from(COUNTRIES)),
    st.tuples(st.just("role"), st.none() | st.sampled_from(ROLES)),
    st.tuples(st.just("sort"), st.tuples(st.sampled_from(SORT_COLUMNS), st.booleans())),
)


def apply(query: Query, action: tuple) -> Query:
    kind, arg = action
    if kind == "type":
        return query.with_text(query.text + arg)
    if kind == "delete":
        return query.with_text(query.text[:-arg])
    if kind == "paste":
        return query.with_text(arg)
    if kind in ("country", "role"):
        return query.toggled(kind, arg)
    return query.sorted_by(*arg)


def reference_rows(doc: Document, query: Query, skip: str | None = None) -> list[int]:
    """Rows matching the query, in display order; skip ignores one facet's choice."""
    words = fold(query.text).split()
    rows = []
    for i, s in enumerate(doc.signatories):
        fields = (fold(s.name), fold(s.role or ""), fold(s.country or ""))
        if not all(any(w in f for f in fields) for w in words):
            continue
        chosen = query.chosen
        if skip != "country" and chosen.get("country") and s.country not in chosen["country"]:
            continue
        if skip != "role" and chosen.get("role") and s.role not in chosen["role"]:
            continue
        rows.append(i)
    if query.sort_column == "position":
        return rows[::-1] if query.descending else rows

    def value(i: int) -> str | None:
        return getattr(doc.signatories[i], query.sort_column)

    stated = [i for i in rows if value(i) is not None]
    stated.sort(key=lambda i: sort_key(value(i)), reverse=query.descending)  # stable both ways
    return stated + [i for i in rows if value(i) is None]


def reference_counts(doc: Document, rows: list[int], facet: str) -> list[tuple[str | None, int]]:
    """Counts per value over rows: most first, ties in order of first appearance in the
    document with "not stated" last."""
    counts = Counter(getattr(doc.signatories[i], facet) for i in rows)
    first_seen = {}
    for s in doc.signatories:
        first_seen.setdefault(getattr(s, facet), len(first_seen))
    first_seen[None] = len(doc.signatories) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], first_seen[kv[0]]))


def check(engine: QueryEngine, doc: Document, query: Query) -> None:
    result = engine.run(query)
    assert not result.rows.flags.writeable  # rows may be shared with the engine's caches
    expected = reference_rows(doc, query)
    assert result.rows.tolist() == expected, query
    assert result.total == len(doc.signatories)
    for facet in ("country", "role"):
        got = [(f.value, f.count) for f in result.visible_counts[facet]]
        assert got == reference_counts(doc, expected, facet), (query, facet)
        others = reference_rows(doc, query, skip=facet)
        got = [(f.value, f.count) for f in result.facet_counts[facet]]
        assert got == reference_counts(doc, others, facet), (query, facet, "picker")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents(), steps=st.lists(actions, min_size=1, max_size=25))
def test_engine_matches_reference_through_a_session(doc, steps):
    engine = QueryEngine(doc)
    query = Query()
    check(engine, doc, query)
    for action in steps:
        query = apply(query, action)
        check(engine, doc, query)


@pytest.fixture
def tiny_chunks(monkeypatch):
    """Chunks of a few rows and bytes, so every chunk boundary in the build is crossed."""
    monkeypatch.setattr(text_column, "_CHUNK", 3)
    monkeypatch.setattr(text_column, "_FOLD_CHARS", 5)
    monkeypatch.setattr(text_index, "_ROWS_PER_STEP", 4)
    monkeypatch.setattr(text_index, "_LOOKUP_BLOCKS_PER_STEP", 1)
    monkeypatch.setattr(query_module, "_ROWS_PER_STEP", 5)
    monkeypatch.setattr(text_index, "_SCAN_BYTES", 6)
    monkeypatch.setattr(text_index, "_KEEP_OFFSETS", 3)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(doc=documents(max_rows=80), steps=st.lists(actions, min_size=1, max_size=12))
def test_engine_matches_reference_across_chunk_boundaries(tiny_chunks, doc, steps):
    engine = QueryEngine(doc)
    query = Query()
    for action in steps:
        query = apply(query, action)
        check(engine, doc, query)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=10), max_size=40))
def test_folded_column_is_fold_of_every_row(values):
    folded, raw = build_text_columns(values, raw=True)
    for i, v in enumerate(values):
        assert folded.text(i) == fold(v).replace("\n", " ")
        assert raw.text(i) == v.replace("\n", " ")
    assert folded.exact == raw.exact == all("\n" not in v for v in values)


@pytest.mark.parametrize("rounds_up_to", [collation.ROUNDS_UP_TO, 0, 3])
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=10) | st.text(max_size=6), max_size=40))
def test_ranks_follow_sort_key(monkeypatch, rounds_up_to, values):
    """The numpy rounds and the Python finish (for long ties) agree with sort_key."""
    monkeypatch.setattr(collation, "ROUNDS_UP_TO", rounds_up_to)
    folded, raw = build_text_columns(values, raw=True)
    ranks = text_ranks(folded, raw, values)
    keys = [sort_key(v) for v in values]
    for i in range(len(values)):
        for j in range(len(values)):
            assert (ranks[i] < ranks[j]) == (keys[i] < keys[j])
            assert (ranks[i] == ranks[j]) == (keys[i] == keys[j])


@pytest.mark.parametrize("parts", [2, 3, 7])
@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=10) | st.text(max_size=6), max_size=60))
def test_ranking_in_parts_on_two_threads_gives_the_same_order(parts, values):
    """The names' keys made in parts by two threads (as the engine does for a table) are
    the ranks and order made in one piece: each part holds a range of leading bytes."""
    folded, raw = build_text_columns(values, raw=True)
    whole_ranks, whole_order = collation.text_order(folded, raw, values)
    ordering = collation.TextOrdering(folded, raw, values, parts=parts)
    tasks = list(reversed(ordering.tasks))
    with ThreadPoolExecutor(1) as pool:
        helper = pool.submit(query_module._run_all, tasks)
        query_module._run_all(tasks)
        helper.result()
    ranks, order = ordering.result()
    assert ranks.tolist() == whole_ranks.tolist()
    assert order.tolist() == whole_order.tolist()
    keys = [sort_key(v) for v in values]
    assert [keys[i] for i in order] == sorted(keys)  # and it is sort_key's order


@pytest.mark.parametrize(
    ("scan_bytes", "keep"), [(text_index._SCAN_BYTES, 1 << 22), (2, 1), (6, 4)]
)
@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.text(alphabet=ALPHABET, max_size=14), min_size=1, max_size=40),
    st.lists(st.text(alphabet=WORD_ALPHABET, min_size=1, max_size=4), min_size=1, max_size=6),
)
def test_text_index_finds_exactly_the_rows_holding_a_term(
    monkeypatch, scan_bytes, keep, values, words
):
    """Whether the buffer is scanned whole or a few bytes at a time, with occurrences kept
    for narrowing or not."""
    monkeypatch.setattr(text_index, "_SCAN_BYTES", scan_bytes)
    monkeypatch.setattr(text_index, "_KEEP_OFFSETS", keep)
    folded = build_text_columns(values)[0]
    index = text_index.TextIndex(folded)
    for word in words:  # one index across words, so remembered matches are reused
        for end in range(1, len(word) + 1):
            term = fold(word[:end])
            if not term:
                continue
            got = index.rows(term.encode("utf-8", "surrogatepass")).tolist()
            assert got == [i for i, v in enumerate(values) if term in fold(v).replace("\n", " ")]


def test_large_result_paths_agree_with_small_ones():
    """Above a size threshold, sorting and intersecting switch to mask-based paths."""
    rng = np.random.default_rng(7)
    people = tuple(
        Signatory(
            name="".join(rng.choice(list("abcdeéß"), size=int(rng.integers(1, 6)))),
            role=[None, "MP", "Senator"][int(rng.integers(0, 3))],
            country=[None, "Spain", "Chile", "Peru"][int(rng.integers(0, 4))],
            position=i + 1,
        )
        for i in range(3000)
    )
    doc = Document(signatories=people)
    engine = QueryEngine(doc)
    for text in ("", "a", "ab", "a b", "e", "ss", "abc", "é d"):
        for column in SORT_COLUMNS:
            for descending in (False, True):
                check(engine, doc, Query(text=text).sorted_by(column, descending))
    check(engine, doc, Query(text="a", facets={"country": frozenset({"Spain", None})}))
