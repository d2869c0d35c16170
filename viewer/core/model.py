"""Immutable values: the letter, its signatories and the document that holds them."""

from __future__ import annotations

import datetime as _dt
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import repeat
from operator import attrgetter


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the letter's body."""

    text: str


@dataclass(frozen=True)
class ItemList:
    """A list inside the body (the letter's demands), one string per item."""

    items: tuple[str, ...]


Block = Paragraph | ItemList


@dataclass(frozen=True)
class Letter:
    """The text of a letter, laid out as a reader sees it."""

    addressee: tuple[str, ...] = ()
    date: str | None = None
    salutation: str | None = None
    body: tuple[Block, ...] = ()
    closing: str | None = None

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.body if isinstance(b, Paragraph))

    @property
    def demands(self) -> tuple[str, ...]:
        """The items of every list in the body, in order."""
        return tuple(item for b in self.body if isinstance(b, ItemList) for item in b.items)


@dataclass(frozen=True)
class NameParts:
    """A name's parts as a document (or a user's correction) states them; None where unstated.

    honorific holds what is never cited: titles before the name ("Dr.", "Professor") and
    post-nominals after it ("MP", "PhD"); suffix is the part that is ("Jr.", "III").
    """

    given: str | None = None
    family: str | None = None
    particle: str | None = None  # "van", "de", "von der": written before the family name
    suffix: str | None = None
    honorific: str | None = None


@dataclass(frozen=True, slots=True)  # slots: a million of them take 60 MB less
class Signatory:
    """One signatory. A role or country the source does not state is None, never guessed."""

    name: str
    role: str | None = None
    country: str | None = None
    position: int = 0  # 1-based place in the source list
    family_name: str | None = None  # only when the source states it (used by citations)
    extra: tuple[tuple[str, str], ...] = ()  # further columns, e.g. from a CSV
    name_parts: NameParts | None = None  # stated parts (JSON, a correction); see cite.names

    def extra_value(self, key: str) -> str | None:
        for k, v in self.extra:
            if k == key:
                return v
        return None


def signatories_from_columns(
    names: Sequence[str],
    roles: Sequence[str | None],
    countries: Sequence[str | None],
    positions: Iterable[int],
    family_names: Iterable[str | None],
    extras: Iterable[tuple[tuple[str, str], ...]],
    name_parts: Iterable[NameParts | None] | None = None,
) -> list[Signatory]:
    """Signatory(name, role, country, position, family_name, extra, name_parts) for each row
    of the columns (name_parts None for every row unless given), made without calling
    __init__ once per row.

    A frozen dataclass's __init__ sets each field through object.__setattr__ in Python:
    1.1 s for a million rows. Here each field is written through its slot's descriptor,
    one C-level pass per column (0.4 s), with exactly the values __init__ would store.
    """
    made = list(map(object.__new__, repeat(Signatory, len(names))))
    for slot, values in (
        (Signatory.name, names),
        (Signatory.role, roles),
        (Signatory.country, countries),
        (Signatory.position, positions),
        (Signatory.family_name, family_names),
        (Signatory.extra, extras),
        (Signatory.name_parts, repeat(None) if name_parts is None else name_parts),
    ):
        deque(map(slot.__set__, made, values), maxlen=0)  # type: ignore[attr-defined]
    return made


@dataclass(frozen=True)
class Metadata:
    """Facts about a letter that its text does not carry (publisher, URL, ...)."""

    title: str | None = None
    description: str | None = None  # how citations describe an untitled letter
    addressee: str | None = None
    date: str | None = None  # ISO 8601, YYYY-MM-DD
    subject: str | None = None
    publisher: str | None = None
    publisher_short: str | None = None
    headline: str | None = None
    url: str | None = None
    published_count: int | None = None
    published_countries: int | None = None
    published_count_text: str | None = None
    accessed: str | None = None  # ISO date a citation gives as "accessed"
    language: str | None = None
    # Set by an export of some of the signatories: the letter had subset_of of them, the
    # rows were chosen by subset_filter (in words), from the file with original_sha256.
    subset_of: int | None = None
    subset_filter: str | None = None
    original_sha256: str | None = None

    def iso_date(self) -> _dt.date | None:
        if not self.date:
            return None
        try:
            return _dt.date.fromisoformat(self.date)
        except ValueError:
            return None


@dataclass(frozen=True)
class Source:
    """Where a document came from: path (if any), SHA-256 of its bytes, the format read."""

    path: str | None = None
    sha256: str | None = None
    format: str | None = None
    encoding: str | None = None


@dataclass(frozen=True)
class ImportWarning:
    """Something a reader could not place; shown to the user, never fatal."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class Document:
    """A letter with its signatories, metadata, provenance and import warnings."""

    letter: Letter = field(default_factory=Letter)
    signatories: Sequence[Signatory] = ()  # a tuple, or a SignatoryTable for a large CSV
    metadata: Metadata = field(default_factory=Metadata)
    source: Source = field(default_factory=Source)
    warnings: tuple[ImportWarning, ...] = ()

    @property
    def title(self) -> str:
        """A short human title for window captions and file names."""
        m = self.metadata
        if m.title:
            return m.title
        if m.headline:
            return m.headline
        if m.description:
            return m.description
        if self.letter.addressee:
            return f"Letter to {self.letter.addressee[0]}"
        if self.source.path:
            from pathlib import PurePath

            return PurePath(self.source.path).name
        return "Untitled letter"

    # Cached (the document never changes) and made in C: the window's "Signed by" line asks
    # for these on the GUI thread, where a loop over a million signatories is a 0.3 s freeze;
    # the worker that opens a file asks first (viewer.core.opening).
    @cached_property
    def countries(self) -> tuple[str, ...]:
        """Distinct stated countries in order of first appearance."""
        return _distinct(self.signatories, "country")

    @cached_property
    def roles(self) -> tuple[str, ...]:
        """Distinct stated roles in order of first appearance."""
        return _distinct(self.signatories, "role")

    def with_signatories(self, signatories: tuple[Signatory, ...]) -> Document:
        return replace(self, signatories=signatories)


def _distinct(signatories: Sequence[Signatory], field: str) -> tuple[str, ...]:
    """The signatories' values of field (None and empty ones left out) without repeats, in
    order; a slice at a time, so that a worker doing this lets the GUI thread run in between.
    Signatories held as columns (viewer.core.signatory_table) know theirs already."""
    known = getattr(signatories, "distinct", None)
    if known is not None:
        return known(field)
    value = attrgetter(field)
    seen: dict[str | None, None] = {}
    for first in range(0, len(signatories), _DISTINCT_SLICE):
        seen.update(dict.fromkeys(map(value, signatories[first : first + _DISTINCT_SLICE])))
    return tuple(filter(None, seen))


_DISTINCT_SLICE = 1 << 16


def numbered(signatories: list[Signatory] | tuple[Signatory, ...]) -> tuple[Signatory, ...]:
    """Give signatories their 1-based source positions in list order."""
    return tuple(replace(s, position=i) for i, s in enumerate(signatories, start=1))
