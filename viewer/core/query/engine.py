"""Filter, sort and facet counts over the signatories, computed on columns.

The document's signatories are turned once into columns: the names folded for matching, as
one UTF-8 byte buffer with a substring index (textindex.py); the names as written (ties in
collation.py); each facet (country, role and the categorical further columns, facets.py) as
integer ids. A query then yields one array of row indices in display order plus the counts
per value of every facet, so the table, the chart, the status line and the clipboard all read
the same result and can never disagree.

Built for a million rows: a word is searched in the names' bytes, or in the occurrences of
the word it extends; a role or country is matched once per distinct value, not per row; a
facet choice is a lookup table over ids; counts are one bincount; a sort is a permutation
made once per column and direction, then filtered by the result.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from operator import attrgetter

import numpy as np

from viewer.core.categories import categories_of_cells
from viewer.core.distinct import distinct
from viewer.core.folding import fold, sort_key, terms
from viewer.core.model import Document, Signatory
from viewer.core.progress import Progress
from viewer.core.query.collation import TextOrdering, text_order, text_ranks
from viewer.core.query.facets import (
    BUILTINS,
    COUNTRY,
    MAX_FACET_VALUES,
    Facet,
    document_facets,
    further_key,
    is_categorical,
    is_facet_key,
    repeats_enough,
    with_shortcuts,
)
from viewer.core.query.text_index import TextIndex
from viewer.core.signatory_table import SignatoryTable
from viewer.core.text_column import TextColumn, build_text_columns, fold_column
from viewer.core.wording import plural

SORT_COLUMNS = ("position", "name", "role", "country")
EXTRA_SORT_PREFIX = "extra:"  # a sort by a further column names it "extra:<key>"
MAX_EXTRA_KEY = 200  # characters of a further column's name a sort may carry
NOT_STATED = "not stated"
# The names' sort keys are made in parts shared by two threads (collation.TextOrdering): at
# least NAME_PARTS, and one per NAME_PART_ROWS rows, so that the last part, which one thread
# finishes alone, is short (at 3M rows six parts left the other thread idle for 160 ms;
# 23 parts took 150 ms less in all).
NAME_PARTS = 6
NAME_PART_ROWS = 1 << 17
Selection = tuple[tuple[str, frozenset[str | None]], ...]  # (facet key, chosen values), by key


def extra_sort_column(key: str) -> str:
    """The sort column that stands for a further column (an imported "affiliation")."""
    return EXTRA_SORT_PREFIX + key


def extra_sort_key(column: str) -> str | None:
    """The further column a sort column names ("extra:party" -> "party"); None otherwise."""
    if column.startswith(EXTRA_SORT_PREFIX):
        return column[len(EXTRA_SORT_PREFIX) :]
    return None


def is_sort_column(column: str) -> bool:
    """Whether a query may sort by column: a fixed one or any well-formed further column.

    Whether the open document has that further column is the engine's question (a query
    outlives its document; an unknown further column sorts in source order).
    """
    if column in SORT_COLUMNS:
        return True
    key = extra_sort_key(column)
    return bool(key) and len(key) <= MAX_EXTRA_KEY and key.strip() == key


@dataclass(frozen=True)
class Query:
    """What the user asked to see: words, the values chosen per facet, the sort.

    facets maps a facet key ("country", "extra:party") to the values chosen, None standing
    for "not stated"; it may be given as a dict and is kept as pairs sorted by key without
    empty choices, so that equal queries compare (and hash) equal.
    """

    text: str = ""
    facets: Selection = ()
    sort_column: str = "position"
    descending: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "facets", _selection(self.facets))

    def with_text(self, text: str) -> Query:
        return replace(self, text=text)

    def toggled(self, facet: str, value: str | None) -> Query:
        """The query with one value of a facet added to or removed from its filter."""
        chosen = self.facet_values(facet)
        return self.with_facet(facet, chosen - {value} if value in chosen else chosen | {value})

    def with_facet(self, facet: str, values: Iterable[str | None]) -> Query:
        """The query with a facet's chosen values replaced (empty: the facet unfiltered)."""
        chosen = {**self.chosen, facet: frozenset(values)}
        return replace(self, facets=chosen)

    def without_facets(self) -> Query:
        """The same words and sort, every facet unfiltered."""
        return replace(self, facets=())

    def facet_values(self, facet: str) -> frozenset[str | None]:
        return self.chosen.get(facet, frozenset())

    @property
    def chosen(self) -> dict[str, frozenset[str | None]]:
        """Facet key -> chosen values, for the facets with a choice."""
        return dict(self.facets)

    def sorted_by(self, column: str, descending: bool = False) -> Query:
        if not is_sort_column(column):
            raise ValueError(f"cannot sort by {column!r}")
        return replace(self, sort_column=column, descending=descending)

    @property
    def is_filtered(self) -> bool:
        return bool(self.text.strip() or self.facets)


def _selection(
    facets: Mapping[str, Iterable[str | None]] | Iterable[tuple[str, Iterable[str | None]]],
) -> Selection:
    """Choices as sorted (key, frozenset) pairs, empty ones left out; raises ValueError for a
    key that cannot name a facet."""
    pairs = facets.items() if isinstance(facets, Mapping) else facets
    made = {}
    for key, values in pairs:
        if not isinstance(key, str) or not is_facet_key(key):
            raise ValueError(f"unknown facet {key!r}")
        if values := frozenset(values):
            made[key] = values
    return tuple(sorted(made.items()))


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
    # per facet key, counted when first read (QueryEngine.run)
    visible_counts: Mapping[str, tuple[FacetCount, ...]] = field(default_factory=dict)
    facet_counts: Mapping[str, tuple[FacetCount, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return int(self.rows.size)

    def shown_values(self, facet: str) -> int:
        """Distinct stated values of a facet among the shown rows (0: not a facet here)."""
        return sum(1 for f in self.visible_counts.get(facet, ()) if f.value is not None)


class _Category:
    """A column of categories (one facet's values) as integer ids."""

    def __init__(
        self,
        values: Sequence,
        key: Callable[[object], str | None] | None = None,
        progress: Progress | None = None,
    ):
        """Ids for values (or key(value) for each), in slices so a worker thread lets the
        GUI thread run in between."""
        progress = progress or Progress()
        index: dict[str | None, int] = {None: -1}  # "not stated" gets the last id at the end
        self.ids = np.empty(len(values), dtype=np.intp)
        for first in range(0, len(values), _ROWS_PER_STEP):
            chunk = values[first : first + _ROWS_PER_STEP]
            if key is not None:
                chunk = list(map(key, chunk))
            for value in dict.fromkeys(chunk):
                index.setdefault(value, len(index) - 1)
            got = np.fromiter(map(index.__getitem__, chunk), dtype=np.intp, count=len(chunk))
            self.ids[first : first + len(chunk)] = got
            progress.report((first + len(chunk)) / len(values))
        labels = [v for v in index if v is not None]
        self.ids[self.ids < 0] = len(labels)
        self.labels: list[str | None] = [*labels, None]  # the last id is "not stated"
        self._finish()

    def _finish(self) -> None:
        self.all_counts = np.bincount(self.ids, minlength=len(self.labels))
        self._all_facets: tuple[FacetCount, ...] | None = None
        self._id_of = {label: i for i, label in enumerate(self.labels)}
        self._folded = [fold(label) for label in self.labels[:-1]]

    @classmethod
    def from_ids(cls, ids: np.ndarray, labels: tuple[str, ...]) -> _Category:
        """Ids made already (viewer.core.categories: not stated is len(labels))."""
        made = cls.__new__(cls)
        made.ids = ids
        made.labels = [*labels, None]
        made._finish()
        return made

    @classmethod
    def constant(cls, size: int, value: str) -> _Category:
        """Every row at one value (a status nobody has set yet), without a pass over rows."""
        return cls([value] * size) if size <= 1 else cls._repeated(size, value)

    @classmethod
    def _repeated(cls, size: int, value: str) -> _Category:
        made = cls([value])
        made.ids = np.zeros(size, dtype=np.intp)
        made.all_counts = np.bincount(made.ids, minlength=len(made.labels))
        return made

    def wanted(self, chosen: frozenset[str | None]) -> np.ndarray:
        """For each id, whether it is one of the chosen values."""
        wanted = np.zeros(len(self.labels), dtype=bool)
        for value in chosen:
            if value in self._id_of:
                wanted[self._id_of[value]] = True
        return wanted

    def mask(self, chosen: frozenset[str | None]) -> np.ndarray:
        """For each row, whether its value is one of the chosen ones."""
        return self.wanted(chosen)[self.ids]

    def containing(self, word: str) -> np.ndarray | None:
        """For each id, whether its folded label contains word; None if none does."""
        hits = [i for i, label in enumerate(self._folded) if word in label]
        if not hits:
            return None
        found = np.zeros(len(self.labels), dtype=bool)
        found[hits] = True
        return found

    def count(self, rows: np.ndarray | None) -> np.ndarray:
        """Rows per id over rows (None: all rows)."""
        if rows is None:
            return self.all_counts
        return np.bincount(self.ids[rows], minlength=len(self.labels))

    def counts(self, rows: np.ndarray | None) -> tuple[FacetCount, ...]:
        """Counts per category over rows, most first; ties in order of appearance."""
        return self.facet_counts(self.count(rows))

    def facet_counts(self, counts: np.ndarray) -> tuple[FacetCount, ...]:
        """FacetCounts of the ids counted, most first; ties in order of appearance."""
        if counts is self.all_counts and self._all_facets is not None:
            return self._all_facets
        order = np.argsort(-counts, kind="stable")
        order = order[counts[order] > 0]
        labels = self.labels
        made = _facet_counts([labels[i] for i in order.tolist()], counts[order].tolist())
        if counts is self.all_counts:
            self._all_facets = made
        return made

    def ranks(self) -> np.ndarray:
        """Collation rank of each row's value; -1 for not stated."""
        stated = sorted(range(len(self.labels) - 1), key=lambda i: sort_key(self.labels[i]))
        rank_of = np.full(len(self.labels), -1, dtype=np.int64)
        rank_of[stated] = np.arange(len(stated))
        return rank_of[self.ids]


class _SortOrder:
    """Display orders of all rows by one column: ranks and both directions' permutations.

    ascending, if given, is the rows in ascending order (ties in source order) made with
    the ranks (collation.text_order): it is part of the column's keys, kept by clear_sorts.
    """

    def __init__(self, ranks: np.ndarray, ascending: np.ndarray | None = None):
        self.ranks = ranks  # -1: not stated, sorted last both ways
        self._top = int(ranks.max(initial=0)) + 1  # the key of "not stated"
        self.built = ascending
        self._orders: dict[bool, np.ndarray] = {}
        if ascending is not None:
            self._orders[False] = _frozen(ascending)

    @property
    def nbytes(self) -> int:
        return self.ranks.nbytes + sum(o.nbytes for o in self._orders.values())

    def keys(self, descending: bool, rows: np.ndarray | None = None) -> np.ndarray:
        """A sort key per row (of rows, or all); a stable sort breaks ties by position."""
        ranks = self.ranks if rows is None else self.ranks[rows]
        stated = ranks >= 0
        if descending:
            return np.where(stated, self._top - 1 - ranks, self._top)
        return np.where(stated, ranks, self._top)

    def order(self, descending: bool) -> np.ndarray:
        """All rows in display order."""
        if descending not in self._orders:
            self._orders[descending] = _frozen(self._made(descending))
        return self._orders[descending]

    def _made(self, descending: bool) -> np.ndarray:
        if descending and False in self._orders:  # the ascending order, runs turned around
            return _descending(self._orders[False], self.ranks)
        keys = self.keys(descending)
        if self._top < 1 << 16:  # few values (roles, countries): numpy's radix sort
            keys = keys.astype(np.uint16)
        return np.argsort(keys, kind="stable")

    def arrange(self, rows: np.ndarray | None, descending: bool) -> np.ndarray:
        """rows (ascending; None for all) in display order."""
        if rows is not None and rows.size * 16 < self.ranks.size:  # few rows: sort them alone
            return rows[np.argsort(self.keys(descending, rows), kind="stable")]
        full = self.order(descending)
        if rows is None:
            return full
        keep = np.zeros(full.size, dtype=bool)
        keep[rows] = True
        return full[keep[full]]


def _descending(ascending: np.ndarray, ranks: np.ndarray) -> np.ndarray:
    """The rows in descending order of rank, ties in source order, not stated (-1) last,
    from the ascending order (ties in source order, not stated last): reversed, each run of
    equal ranks turned back, the not-stated rows moved to the end. No sort: a few passes."""
    unstated = int(np.count_nonzero(ranks < 0))
    stated = ascending[: ascending.size - unstated][::-1]
    keys = ranks[stated]
    heads = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    ends = np.append(heads[1:], keys.size)
    run = np.repeat(np.arange(heads.size), ends - heads)
    place = heads[run] + ends[run] - 1 - np.arange(keys.size)
    out = np.empty(ascending.size, dtype=ascending.dtype)
    out[place] = stated
    out[keys.size :] = ascending[keys.size :]
    return out


class Columns:
    """The signatories as columns, built once per document.

    Building is a pure function of the signatories, so it may run in a worker thread;
    progress, if given, hears the fraction built as it goes and may stop the building
    (viewer.core.progress.Cancelled).
    """

    def __init__(self, signatories: Sequence[Signatory], progress: Progress | None = None):
        progress = progress or Progress()
        self.size = len(signatories)
        self._signatories = signatories
        self._sorts: dict[str, _SortOrder] = {}
        self._built_sorts: dict[str, _SortOrder] = {}
        self.all_rows = _frozen(np.arange(self.size))
        # Further fields (an imported letter's affiliations) are searchable too; most
        # documents have none, and then this costs nothing.
        # Their keys in first-seen order are the table's further columns.
        self.extra_texts: tuple[TextIndex, ...] = ()
        self.extra_keys: tuple[str, ...] = ()
        self._extra_columns: dict[str, tuple[TextColumn, TextColumn]] = {}  # raw, folded
        if isinstance(signatories, SignatoryTable):
            further = self._from_table(signatories, progress)
        else:
            further = self._from_signatories(signatories, progress.part(0, 0.7))
        self._searched = tuple(self.category.values())  # further ones are in extra_texts
        self.facets: tuple[Facet, ...] = document_facets(further)
        progress.part(0, 0.7).report(1.0)  # a check for cancel before the sort keys
        self.build_sort_keys(progress.part(0.7, 1))

    def _from_signatories(self, signatories: Sequence[Signatory], progress: Progress) -> list[str]:
        """Columns of Signatory values (a document read row by row); the further facets."""
        self.names, self.raw_names = build_text_columns(
            signatories, key=attrgetter("name"), raw=True, progress=progress.part(0, 0.6)
        )
        self.text = TextIndex(self.names, progress.part(0.6, 0.85))
        self.category = {
            facet.key: _Category(
                signatories,
                attrgetter(facet.field),
                progress.part(0.85 + i * 0.06, 0.91 + i * 0.06),
            )
            for i, facet in enumerate(BUILTINS)
        }
        if not any(s.extra for s in signatories):
            return []
        (extras,) = build_text_columns(signatories, key=_extra_text)
        self.extra_texts = (TextIndex(extras),)
        self.extra_keys = tuple(dict.fromkeys(k for s in signatories for k, _ in s.extra))
        return self._further_facets(progress.part(0.97, 0.99))

    def _from_table(self, table: SignatoryTable, progress: Progress) -> list[str]:
        """Columns of a table read as columns (a CSV): its names folded by the reader, its
        categories as ids; nothing per row in Python. The further facets.

        The names' sort keys, the longest part, are made in parts (collation.TextOrdering)
        by a second thread meanwhile, and by this one once the rest is built (numpy lets go
        of the interpreter lock while it sorts): a machine has two cores.
        """
        self.raw_names = table.names
        self.names = table.folded_names or fold_column(table.names, progress.part(0, 0.2))
        parts = max(NAME_PARTS, self.names.size // NAME_PART_ROWS)
        ordering = TextOrdering(self.names, self.raw_names, None, progress.check, parts)
        tasks = list(reversed(ordering.tasks))
        with ThreadPoolExecutor(1) as pool:
            helper = pool.submit(_run_all, tasks)
            try:
                further = self._table_columns(table, progress.part(0.2, 0.7))
                _run_all(tasks)
            finally:
                tasks.clear()  # cancelled: the helper stops after its current part
            helper.result()
        self._sorts["name"] = _SortOrder(*ordering.result())
        return further

    def _table_columns(self, table: SignatoryTable, progress: Progress) -> list[str]:
        """The search index, the categories and the further columns of a table."""
        self.text = TextIndex(self.names, progress.part(0, 0.8))
        read = {"country": table.countries, "role": table.roles}
        self.category = {}
        for facet in BUILTINS:
            column = read[facet.field]
            ids, labels = (column.ids, column.labels) if column else (self._none(), ())
            self.category[facet.key] = _Category.from_ids(ids, labels)
        stated = []
        for i, (key, raw) in enumerate(table.extras):
            folded = table.folded_extras[i] if table.folded_extras else fold_column(raw)
            empty = raw.lengths == 0
            if not empty.all():
                stated.append((int(np.argmin(empty)), i, key, raw, folded))
        stated.sort()  # in order of the first row that has a value (as for other documents)
        self.extra_keys = tuple(key for _first, _i, key, _raw, _folded in stated)
        self._extra_columns = {key: (raw, folded) for _f, _i, key, raw, folded in stated}
        self.extra_texts = tuple(TextIndex(folded) for *_rest, folded in stated)
        found = []
        for key, (raw, _folded) in self._extra_columns.items():
            ids = _categorical_ids(raw)
            if ids is not None:
                self.category[further_key(key)] = _Category.from_ids(*ids)
                found.append(key)
        progress.report(1.0)
        return found

    def _none(self) -> np.ndarray:
        return np.zeros(self.size, dtype=np.int32)  # id 0 of no labels: not stated

    def _further_facets(self, progress: Progress) -> list[str]:
        """The further columns that are facets (facets.is_categorical), their ids built."""
        found = []
        columns = _extra_columns(self._signatories, self.extra_keys)
        for i, (key, values) in enumerate(zip(self.extra_keys, columns, strict=True)):
            if is_categorical(values):
                part = progress.part(i / len(columns), (i + 1) / len(columns))
                self.category[further_key(key)] = _Category(values, None, part)
                found.append(key)
        return found

    def add_facet(self, facet: Facet, default: str) -> None:
        """Count a facet whose values come from outside the document (the user's status of
        each row), every row at default until set_values; after the document's own facets."""
        if self.facet(facet.key) is None:
            self.facets = with_shortcuts([*self.facets, facet])
        self.category[facet.key] = _Category.constant(self.size, default)
        self._sorts.pop(facet.key, None)

    def set_values(self, key: str, values: Sequence[str | None]) -> None:
        """Give an added facet (the user's status of each row) its values, one per row."""
        if self.facet(key) is None:
            raise KeyError(f"no facet {key!r} was added")
        if len(values) != self.size:
            raise ValueError(f"{len(values)} values for {self.size} rows")
        self.category[key] = _Category(values)
        self._sorts.pop(key, None)

    def groupable(self) -> tuple[str, ...]:
        """Keys of the facets whose values repeat enough to chart (facets.repeats_enough);
        every further facet does, country and role in most letters."""
        found = []
        for key, cat in self.category.items():
            stated = cat.all_counts[:-1]  # the last id is "not stated"
            if repeats_enough(int(stated.sum()), int(np.count_nonzero(stated))):
                found.append(key)
        return tuple(found)

    def facet(self, key: str) -> Facet | None:
        """The document's facet of that key; None if it has none (another document's)."""
        return next((f for f in self.facets if f.key == key), None)

    @property
    def nbytes(self) -> int:
        """Memory the columns hold (arrays and caches), for measuring."""
        total = self.names.nbytes + self.raw_names.nbytes + self.text.nbytes + self.all_rows.nbytes
        total += sum(index.nbytes + index.column.nbytes for index in self.extra_texts)
        total += sum(c.ids.nbytes for c in self.category.values())
        return total + sum(order.nbytes for order in self._sorts.values())

    def build_sort_keys(self, progress: Progress | None = None) -> None:
        """Build every column's sort keys now, with the columns (on the worker thread that
        opens a file), so that a first click on a header only orders rows by them."""
        progress = progress or Progress()
        columns = [*SORT_COLUMNS[1:], *map(extra_sort_column, self.extra_keys)]
        for i, column in enumerate(columns):
            self.sort_order(column)
            progress.report((i + 1) / len(columns))
        self._built_sorts = dict(self._sorts)

    def clear_sorts(self) -> None:
        """Forget the orders sorting has made, and the keys built lazily on a first sort; the
        keys built with the columns stay (they are part of the document's columns)."""
        self._sorts = {c: _SortOrder(o.ranks, o.built) for c, o in self._built_sorts.items()}

    def sort_order(self, column: str) -> _SortOrder:
        """The sort order of a column, built the first time it is asked for."""
        order = self._sorts.get(column)
        if order is None:
            order = _SortOrder(*self._keys(column))
            self._sorts[column] = order
        return order

    def ranks(self, column: str) -> np.ndarray:
        """Sort ranks for a column (-1: not stated)."""
        return self.sort_order(column).ranks

    def can_sort_by(self, column: str) -> bool:
        """Whether column is one this document's rows can be sorted by."""
        key = extra_sort_key(column)
        return column in SORT_COLUMNS if key is None else key in self.extra_keys

    def _keys(self, column: str) -> tuple[np.ndarray, np.ndarray | None]:
        """A column's sort ranks, and its rows in ascending order where the ranks came with
        it (a text column's: collation.text_order)."""
        if column in self.category:
            return self.category[column].ranks(), None
        key = extra_sort_key(column)
        if key in self._extra_columns:
            raw, folded = self._extra_columns[key]
            ranks, ascending = text_order(folded, raw)
            empty = raw.lengths == 0
            ranks[empty] = -1  # not stated: last both ways
            last = empty[ascending]
            return ranks, np.concatenate([ascending[~last], ascending[last]])
        if key is not None:
            return _extra_ranks(self._signatories, key), None
        if isinstance(self._signatories, SignatoryTable):
            return text_order(self.names, self.raw_names)
        names = [s.name for s in self._signatories]
        return text_order(self.names, self.raw_names, names)

    def match(self, term: str, rows: np.ndarray | None = None) -> np.ndarray:
        """Rows (of those given, or all) whose name, role, country or other field has term.

        Given rows, a role or country is looked up for those rows only: a word typed one
        character further is checked among the rows the shorter word matched, not among
        all of a million (QueryEngine._word_rows)."""
        needle = term.encode("utf-8", "surrogatepass")
        hits = self.text.rows(needle)
        for extra in self.extra_texts:
            hits = distinct(np.concatenate((hits, extra.rows(needle))))
        if rows is not None:
            hits = _intersect(rows, hits, self.size)
        extra = [
            (cat, found) for cat in self._searched if (found := cat.containing(term)) is not None
        ]
        if not extra:
            return hits
        if rows is not None:
            return _with_categories(rows, hits, extra, self.size)
        mask = np.zeros(self.size, dtype=bool)
        mask[hits] = True
        for cat, found in extra:
            mask |= found[cat.ids]
        return np.flatnonzero(mask)


class QueryEngine:
    """Runs queries over one document; remembers recent words' matches to narrow from."""

    def __init__(self, document: Document, columns: Columns | None = None):
        self.document = document
        self.columns = columns or Columns(document.signatories)
        self._words: OrderedDict[str, np.ndarray] = OrderedDict()

    @property
    def size(self) -> int:
        return self.columns.size

    def clear_cache(self, sorts: bool = False) -> None:
        """Forget remembered matches (and, with sorts=True, sort orders); they are rebuilt
        when next needed. For memory pressure, and for measuring first-time costs."""
        self._words.clear()
        self.columns.text.clear_cache()
        if sorts:
            self.columns.clear_sorts()

    def prepare_sort(self, column: str) -> None:
        """Build a column's sort order now (e.g. in a worker) so the first sort is instant."""
        if column != "position" and self.can_sort_by(column):
            self.columns.sort_order(column).order(descending=False)

    @property
    def facets(self) -> tuple[Facet, ...]:
        """The document's facets: country, role, then its categorical further columns."""
        return self.columns.facets

    def run(self, query: Query) -> Result:
        text_rows = self._text_rows(terms(query.text))
        cats = dict(self.columns.category)  # as at this query (a status set later is new)
        # A choice for a facet this document lacks (restored from another) filters nothing.
        wanted = {f: cats[f].wanted(values) for f, values in query.facets if f in cats}
        shown = _filtered(text_rows, cats, wanted, skip=None)
        counted = _FacetCounter(text_rows, cats, wanted, shown)
        rows = _frozen(self._sorted(shown, query))  # may be shared with a cache: read-only
        return Result(query, rows, self.size, counted.visible, counted.facet_counts)

    def _text_rows(self, words: list[str]) -> np.ndarray | None:
        """Rows matching every word (None: no text filter); fewest matches first."""
        if not words:
            return None
        found = sorted((self._word_rows(w) for w in dict.fromkeys(words)), key=len)
        rows = found[0]
        for more in found[1:]:
            rows = _intersect(rows, more, self.size)
        return rows

    def _word_rows(self, word: str) -> np.ndarray:
        rows = self._words.get(word)
        if rows is None:
            rows = _frozen(self.columns.match(word, self._narrowest(word)))
            self._words[word] = rows
            if len(self._words) > _WORDS_KEPT:
                self._words.popitem(last=False)
        else:
            self._words.move_to_end(word)
        return rows

    def _narrowest(self, word: str) -> np.ndarray | None:
        """The fewest rows a remembered word inside this one matched (None: none is): a row
        holding word in a field holds that word there too, so only those need checking."""
        best = None
        for old, rows in self._words.items():
            if old in word and (best is None or rows.size < best.size):
                best = rows
        if best is not None and best.size * _NARROW_SHARE >= self.size:
            return None  # most rows: one pass over them all is quicker than picking them out
        return best

    def can_sort_by(self, column: str) -> bool:
        """Whether this document has the column (a further column belongs to some only)."""
        return self.columns.can_sort_by(column)

    def _sorted(self, rows: np.ndarray | None, query: Query) -> np.ndarray:
        """Rows in display order; not stated last both ways, ties in source order.

        A further column this document lacks (a sort restored from another document)
        gives the source order rather than an error.
        """
        if query.sort_column == "position" or not self.can_sort_by(query.sort_column):
            if rows is None:
                rows = self.columns.all_rows
            reverse = query.descending and query.sort_column == "position"
            return rows[::-1] if reverse else rows
        return self.columns.sort_order(query.sort_column).arrange(rows, query.descending)


_WORDS_KEPT = 16
_NARROW_SHARE = 8  # a word is checked among an earlier word's rows if they are 1/8 or fewer
_ROWS_PER_STEP = 1 << 16  # rows handled between progress reports (and GIL releases)


def _run_all(tasks: list[Callable[[], None]]) -> None:
    """Run tasks taken from the end of a list that another thread takes from too
    (list.pop is atomic), until it is empty."""
    while True:
        try:
            task = tasks.pop()
        except IndexError:
            return
        task()


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


def _filtered(
    rows: np.ndarray | None,
    cats: dict[str, _Category],
    wanted: dict[str, np.ndarray],
    skip: str | None,
) -> np.ndarray | None:
    """rows (None: all) kept by every facet choice but skip's; None if nothing filtered."""
    for facet, ok in wanted.items():
        if facet == skip:
            continue
        ids = cats[facet].ids
        rows = np.flatnonzero(ok[ids]) if rows is None else rows[ok[ids[rows]]]
    return rows


def _extra_columns(
    signatories: Sequence[Signatory], keys: tuple[str, ...]
) -> list[list[str | None]]:
    """Each further column as a list of values (None: empty or missing), in one pass."""
    columns: list[list[str | None]] = [[None] * len(signatories) for _ in keys]
    by_key = dict(zip(keys, columns, strict=True))
    for row, s in enumerate(signatories):
        for key, value in s.extra:
            if value:
                by_key[key][row] = value
    return columns


def _categorical_ids(raw: TextColumn) -> tuple[np.ndarray, tuple[str, ...]] | None:
    """A further column's ids and labels if it is categorical (facets.repeats_enough); None
    if not, found out from its first rows where its values do not repeat (e-mail addresses)."""
    starts, ends = raw.starts[:-1], raw.starts[1:] - 1
    sample = min(raw.size, _CATEGORY_SAMPLE)
    if sample < raw.size:
        few = categories_of_cells(raw.data, starts[:sample], ends[:sample])
        if len(few.labels) > MAX_FACET_VALUES:
            return None
    made = categories_of_cells(raw.data, starts, ends)
    stated = int(np.count_nonzero(made.ids < len(made.labels)))
    if not repeats_enough(stated, len(made.labels)):
        return None
    return made.ids, made.labels


_CATEGORY_SAMPLE = 1 << 16


def _extra_text(s: Signatory) -> str:
    return " \x1f ".join(value for _, value in s.extra)


def _extra_ranks(signatories: Sequence[Signatory], key: str) -> np.ndarray:
    """Collation ranks of one further column; -1 where a row has no value for it.

    The same collation as names (collation.text_ranks): base letters first, then the text.
    """
    values = [s.extra_value(key) or "" for s in signatories]
    folded, raw = build_text_columns(values, raw=True)
    ranks = text_ranks(folded, raw, values)
    missing = np.fromiter((not v for v in values), dtype=bool, count=len(values))
    ranks[missing] = -1
    return ranks


def _intersect(a: np.ndarray, b: np.ndarray, size: int) -> np.ndarray:
    """Sorted rows in both a and b (each sorted, without repeats)."""
    if a.size > b.size:
        a, b = b, a
    if a.size * 8 < b.size:
        return a[np.isin(a, b, assume_unique=True, kind="sort")] if a.size else a
    keep = np.zeros(size, dtype=bool)
    keep[b] = True
    return a[keep[a]]


def _facet_counts(values: list[str | None], counts: list[int]) -> tuple[FacetCount, ...]:
    """FacetCount(value, count) for each pair, made once: a keystroke brings back most of
    the last one's pairs, and a frozen dataclass costs more to make than to look up."""
    made = _FACET_COUNTS
    if len(made) > _FACET_COUNTS_KEPT:
        made.clear()
    return tuple(
        made.get(pair) or made.setdefault(pair, FacetCount(*pair))
        for pair in zip(values, counts, strict=True)
    )


_FACET_COUNTS: dict[tuple[str | None, int], FacetCount] = {}
_FACET_COUNTS_KEPT = 1 << 16


def _with_categories(
    rows: np.ndarray, hits: np.ndarray, extra: list[tuple[_Category, np.ndarray]], size: int
) -> np.ndarray:
    """Those of rows (sorted) in hits (sorted, some of them) or whose category is found."""
    if rows.size * 8 < size:  # few: find the hits among them
        keep = np.zeros(rows.size, dtype=bool)
        keep[np.searchsorted(rows, hits)] = True
        for cat, found in extra:
            keep |= found[cat.ids[rows]]
        return rows[keep]
    mask = np.zeros(size, dtype=bool)  # many: a mask over all rows, without a search
    mask[hits] = True
    for cat, found in extra:
        mask[rows[found[cat.ids[rows]]]] = True
    return np.flatnonzero(mask)


class _Counts(Mapping[str, tuple[FacetCount, ...]]):
    """FacetCounts per facet key, each made when first read."""

    def __init__(self, keys: Iterable[str], make: Callable[[str], tuple[FacetCount, ...]]):
        self._keys = tuple(keys)
        self._make = make
        self._made: dict[str, tuple[FacetCount, ...]] = {}

    def __getitem__(self, key: str) -> tuple[FacetCount, ...]:
        made = self._made.get(key)
        if made is None:
            if key not in self._keys:
                raise KeyError(key)
            made = self._made[key] = self._make(key)
        return made

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return repr(dict(self))


class _FacetCounter:
    """One query's counts per facet, each counted when first asked for.

    A keystroke's chart and status line read one facet; counting every facet over the rows
    shown cost a pass over them each (a million rows: milliseconds a facet). A facet's own
    choice is left out of its counts, so its picker still offers the values not chosen.
    """

    def __init__(
        self,
        text_rows: np.ndarray | None,
        cats: dict[str, _Category],
        wanted: dict[str, np.ndarray],
        shown: np.ndarray | None,
    ):
        self._text_rows, self._cats, self._wanted, self._shown = text_rows, cats, wanted, shown
        self._counts: dict[str, np.ndarray] = {}
        self.facet_counts = _Counts(cats, self._facet_counts)
        self.visible = _Counts(cats, self._visible)

    def _count(self, facet: str) -> np.ndarray:
        counts = self._counts.get(facet)
        if counts is None:
            rows = self._shown
            if facet in self._wanted:
                rows = _filtered(self._text_rows, self._cats, self._wanted, skip=facet)
            counts = self._counts[facet] = self._cats[facet].count(rows)
        return counts

    def _facet_counts(self, facet: str) -> tuple[FacetCount, ...]:
        return self._cats[facet].facet_counts(self._count(facet))

    def _visible(self, facet: str) -> tuple[FacetCount, ...]:
        if facet not in self._wanted:
            return self.facet_counts[facet]
        return self._cats[facet].facet_counts(self._count(facet) * self._wanted[facet])


def describe_counts(
    result: Result,
    facet: Facet = COUNTRY,
    noun: tuple[str, str] = ("signatory", "signatories"),
) -> str:
    """ "Showing 11 of 158 signatories · 1 country"; "... · 2 parties" by another facet."""
    shown = len(result)
    values = result.shown_values(facet.key)
    text = f"Showing {shown:,} of {plural(result.total, *noun)}"
    return text + f" \u00b7 {values:,} {facet.noun(values)}"
