"""Filter, sort and facet counts over the signatories, computed on columns.

The document's signatories are turned once into columns (folded search text, sort ranks,
category ids). A query then yields one array of row indices in display order plus the
counts per country and role, so the table, the chart, the status line and the clipboard
all read the same result and can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from viewer.core.folding import fold, sort_key, terms
from viewer.core.model import Document, Signatory

SORT_COLUMNS = ("position", "name", "role", "country")
FACETS = ("country", "role")
NOT_STATED = "not stated"


@dataclass(frozen=True)
class Query:
    """What the user asked to see. None in countries/roles stands for "not stated"."""

    text: str = ""
    countries: frozenset[str | None] = frozenset()
    roles: frozenset[str | None] = frozenset()
    sort_column: str = "position"
    descending: bool = False

    def with_text(self, text: str) -> Query:
        return replace(self, text=text)

    def toggled(self, facet: str, value: str | None) -> Query:
        """The query with one country (or role) added to or removed from its filter."""
        chosen = self.facet_values(facet)
        chosen = chosen - {value} if value in chosen else chosen | {value}
        return replace(self, **{_facet_field(facet): frozenset(chosen)})

    def with_facet(self, facet: str, values: frozenset[str | None]) -> Query:
        return replace(self, **{_facet_field(facet): frozenset(values)})

    def facet_values(self, facet: str) -> frozenset[str | None]:
        return getattr(self, _facet_field(facet))

    def sorted_by(self, column: str, descending: bool = False) -> Query:
        if column not in SORT_COLUMNS:
            raise ValueError(f"cannot sort by {column!r}")
        return replace(self, sort_column=column, descending=descending)

    @property
    def is_filtered(self) -> bool:
        return bool(self.text.strip() or self.countries or self.roles)


def _facet_field(facet: str) -> str:
    if facet not in FACETS:
        raise ValueError(f"unknown facet {facet!r}")
    return "countries" if facet == "country" else "roles"


@dataclass(frozen=True)
class FacetCount:
    value: str | None  # None: not stated
    count: int

    @property
    def label(self) -> str:
        return self.value if self.value is not None else NOT_STATED


@dataclass(frozen=True)
class Result:
    """The rows a query shows, in display order, with counts over them."""

    query: Query
    rows: np.ndarray  # indices into the document's signatories
    total: int
    visible_counts: dict[str, tuple[FacetCount, ...]] = field(default_factory=dict)
    facet_counts: dict[str, tuple[FacetCount, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return int(self.rows.size)

    @property
    def shown_countries(self) -> int:
        """Distinct stated countries among the shown rows."""
        return sum(1 for f in self.visible_counts["country"] if f.value is not None)


class _Category:
    """A column of categories (countries or roles) as integer ids."""

    def __init__(self, values: Sequence[str | None]):
        labels = list(dict.fromkeys(v for v in values if v is not None))
        self.labels: list[str | None] = [*labels, None]  # the last id is "not stated"
        lookup = {v: i for i, v in enumerate(labels)}
        missing = len(labels)
        self.ids = np.fromiter(
            (lookup.get(v, missing) if v is not None else missing for v in values),
            dtype=np.int32,
            count=len(values),
        )
        self._id_of = {label: i for i, label in enumerate(self.labels)}

    def mask(self, chosen: frozenset[str | None]) -> np.ndarray:
        wanted = np.zeros(len(self.labels), dtype=bool)
        for value in chosen:
            if value in self._id_of:
                wanted[self._id_of[value]] = True
        return wanted[self.ids]

    def counts(self, rows: np.ndarray | None) -> tuple[FacetCount, ...]:
        """Counts per category over rows, most first; ties in order of appearance."""
        ids = self.ids if rows is None else self.ids[rows]
        counts = np.bincount(ids, minlength=len(self.labels))
        order = np.argsort(-counts, kind="stable")
        return tuple(FacetCount(self.labels[i], int(counts[i])) for i in order if counts[i] > 0)


def _ranks(values: Sequence[str | None]) -> np.ndarray:
    """Rank of each value in collation order; -1 for not stated."""
    distinct = sorted({v for v in values if v is not None}, key=sort_key)
    rank_of = {v: i for i, v in enumerate(distinct)}
    return np.fromiter(
        (rank_of[v] if v is not None else -1 for v in values),
        dtype=np.int32,
        count=len(values),
    )


class Columns:
    """The signatories as columns, built once per document."""

    def __init__(self, signatories: Sequence[Signatory]):
        self.size = len(signatories)
        names = [s.name for s in signatories]
        roles = [s.role for s in signatories]
        countries = [s.country for s in signatories]
        self.search = np.array(
            [
                # Extra fields (an imported letter's affiliations) are searchable too.
                "\x1f".join(
                    (
                        fold(s.name),
                        fold(s.role or ""),
                        fold(s.country or ""),
                        *(fold(v) for _, v in s.extra),
                    )
                ).encode("utf-8")
                for s in signatories
            ],
            dtype=np.bytes_,
        )
        self.category = {"country": _Category(countries), "role": _Category(roles)}
        self._sort_values: dict[str, Sequence[str | None]] = {
            "name": names,
            "role": roles,
            "country": countries,
        }
        self._rank_cache: dict[str, np.ndarray] = {}

    def ranks(self, column: str) -> np.ndarray:
        """Sort ranks for a column, built the first time it is sorted."""
        if column not in self._rank_cache:
            self._rank_cache[column] = _ranks(self._sort_values[column])
        return self._rank_cache[column]

    def match(self, term: str, rows: np.ndarray | None) -> np.ndarray:
        """Rows (of those given, or all) whose folded text contains term."""
        needle = term.encode("utf-8")
        if rows is None:
            return np.flatnonzero(np.strings.find(self.search, needle) >= 0)
        if rows.size == 0:
            return rows
        return rows[np.strings.find(self.search[rows], needle) >= 0]


class QueryEngine:
    """Runs queries over one document; remembers the last text match to narrow from."""

    def __init__(self, document: Document, columns: Columns | None = None):
        self.document = document
        self.columns = columns or Columns(document.signatories)
        self._last_terms: list[str] = []
        self._last_text_rows: np.ndarray | None = None

    @property
    def size(self) -> int:
        return self.columns.size

    def run(self, query: Query) -> Result:
        text_rows = self._text_rows(terms(query.text))
        base = self._facet_filtered(text_rows, query, skip=None)
        facet_counts = {
            facet: self.columns.category[facet].counts(
                self._facet_filtered(text_rows, query, skip=facet)
            )
            for facet in FACETS
        }
        rows = self._sorted(base, query)
        visible = {facet: self.columns.category[facet].counts(rows) for facet in FACETS}
        return Result(query, rows, self.size, visible, facet_counts)

    def _text_rows(self, words: list[str]) -> np.ndarray | None:
        """Rows matching every word (None: no text filter), narrowing the last match."""
        if not words:
            self._last_terms, self._last_text_rows = [], None
            return None
        start: np.ndarray | None = None
        todo = words
        if self._last_text_rows is not None and _narrows(self._last_terms, words):
            start, todo = self._last_text_rows, words  # every new word is checked again
        rows = start
        for word in todo:
            rows = self.columns.match(word, rows)
        self._last_terms, self._last_text_rows = words, rows
        return rows

    def _facet_filtered(
        self, rows: np.ndarray | None, query: Query, skip: str | None
    ) -> np.ndarray:
        mask: np.ndarray | None = None
        for facet in FACETS:
            chosen = query.facet_values(facet)
            if facet == skip or not chosen:
                continue
            m = self.columns.category[facet].mask(chosen)
            mask = m if mask is None else mask & m
        if rows is None:
            return np.arange(self.size) if mask is None else np.flatnonzero(mask)
        return rows if mask is None else rows[mask[rows]]

    def _sorted(self, rows: np.ndarray, query: Query) -> np.ndarray:
        """Rows in display order; not stated last both ways, ties in source order."""
        if query.sort_column == "position":
            return rows[::-1].copy() if query.descending else rows
        ranks = self.columns.ranks(query.sort_column)[rows]
        if query.descending:
            ranks = np.where(ranks < 0, -1, ranks.max(initial=0) - ranks)
        key = np.where(ranks < 0, np.iinfo(np.int32).max, ranks)
        return rows[np.argsort(key, kind="stable")]


def _narrows(old: list[str], new: list[str]) -> bool:
    """True if every row matching new also matches old (each old word is in a new one)."""
    return bool(old) and all(any(o in n for n in new) for o in old)


def describe_counts(result: Result, noun: tuple[str, str] = ("signatory", "signatories")) -> str:
    """ "Showing 11 of 158 signatories · 1 country" """
    shown = len(result)
    countries = result.shown_countries
    plural: Callable[[int, str, str], str] = lambda n, one, many: one if n == 1 else many
    text = f"Showing {shown:,} of {result.total:,} {plural(result.total, *noun)}"
    return text + f" \u00b7 {countries:,} {plural(countries, 'country', 'countries')}"
