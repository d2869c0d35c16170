"""The signatories of a large list as columns, made into Signatory values only when asked.

A CSV of a million rows is read into columns (viewer.core.formats.csv_columns): the names and
every further field as byte columns, roles and countries as category ids. ``SignatoryTable``
is the document's ``signatories`` then: a read-only sequence that behaves as the tuple of
Signatory values it stands for (length, indexing, slicing, iteration, equality), but makes
each Signatory when it is asked for, so opening the file makes none. The query engine reads
the columns themselves (viewer.core.query.engine).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain, repeat
from typing import overload

from viewer.core.categories import Categories
from viewer.core.model import Signatory, signatories_from_columns
from viewer.core.text_column import TextColumn

_BATCH = 1 << 14  # rows made at a time when iterating


class SignatoryTable(Sequence[Signatory]):
    """Signatories held as columns; position i + 1 for row i (they are numbered as read)."""

    def __init__(
        self,
        names: TextColumn,
        roles: Categories | None = None,
        countries: Categories | None = None,
        family_names: TextColumn | None = None,
        extras: tuple[tuple[str, TextColumn], ...] = (),
        folded_names: TextColumn | None = None,
        folded_extras: tuple[TextColumn, ...] = (),
    ):
        """folded_names and folded_extras, if given, are the names and further fields folded
        for matching (viewer.core.text_column.fold_column), made by the reader as it checked
        the text; the query engine uses them instead of folding again."""
        self.folded_names = folded_names
        self.folded_extras = folded_extras
        self.names = names
        self.roles = roles
        self.countries = countries
        self.family_names = family_names
        self.extras = extras
        self._size = names.size

    # -- as a sequence ---------------------------------------------------------------------

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> Signatory: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Signatory, ...]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            first, last, step = index.indices(self._size)
            if step == 1:
                return tuple(self._made(first, last)) if first < last else ()
            return tuple(self[i] for i in range(first, last, step))
        row = int(index)  # a numpy integer too
        if row < 0:
            row += self._size
        if not 0 <= row < self._size:
            raise IndexError("signatory index out of range")
        return self._made(row, row + 1)[0]

    def __iter__(self) -> Iterator[Signatory]:
        batches = (self._made(f, f + _BATCH) for f in range(0, self._size, _BATCH))
        return chain.from_iterable(batches)

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(other) == self._size and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))  # as the tuple it equals

    def __repr__(self) -> str:
        return f"SignatoryTable({self._size:,} signatories)"

    # -- columns ----------------------------------------------------------------------------

    def distinct(self, field: str) -> tuple[str, ...]:
        """Stated roles or countries without repeats, in order of first appearance."""
        column = self.roles if field == "role" else self.countries
        return column.labels if column is not None else ()

    @property
    def nbytes(self) -> int:
        held = [self.names, self.roles, self.countries, self.family_names]
        held += [column for _key, column in self.extras]
        return sum(c.nbytes for c in held if c is not None)

    def _made(self, first: int, last: int) -> list[Signatory]:
        """Signatories of rows first..last-1, made a column at a time."""
        last = min(last, self._size)
        n = last - first
        return signatories_from_columns(
            self.names.texts(first, last),
            self.roles.values(first, last) if self.roles else [None] * n,
            self.countries.values(first, last) if self.countries else [None] * n,
            range(first + 1, last + 1),
            self._family(first, last) if self.family_names else repeat(None, n),
            self._extra(first, last) if self.extras else repeat((), n),
        )

    def _family(self, first: int, last: int) -> list[str | None]:
        assert self.family_names is not None
        return [v or None for v in self.family_names.texts(first, last)]

    def _extra(self, first: int, last: int) -> list[tuple[tuple[str, str], ...]]:
        keys = [key for key, _column in self.extras]
        columns = [column.texts(first, last) for _key, column in self.extras]
        return [
            tuple((k, v) for k, v in zip(keys, row, strict=True) if v)
            for row in zip(*columns, strict=True)
        ]
