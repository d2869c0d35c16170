"""The facets a document can be filtered and charted by, as data rather than code per field.

A facet is one categorical field of the signatories: the two every document has (country,
role) and each further column whose values repeat (a CSV's "party", an imported letter's
"affiliation", the "group" the importer gives to letters with sections). The query engine,
the pickers, the chips, the chart, the status line, the saved window state and the command
line all read the same Facet: its key, field, label, nouns and shortcut.

Which further columns are facets (``is_categorical``): a column is worth counting when its
values are shared. On average each stated value must stand for at least 1.5 rows (a column of
names, e-mail addresses, ORCIDs or URLs is about 1.0: nothing to count), and it may have at
most 1,000 distinct values: beyond that a picker is a list nobody scrolls and nearly every bar
of the chart folds into "Other". On the letters at
hand this takes the UK scholars' affiliations (48 rows, 28 institutions: 1.7), the New Zealand
letter's affiliations (11 rows, 3 values: 3.7), and leaves out the GitHub letter's handles
(1.01) and single remarks such as one signatory's pronouns (at 1.5 rows a value, some value
is always on two rows). The French NoFakeScience list's 2,164 affiliations are past the cap.
The chart opens on the first facet passing the same test (``chart_grouping``), so a letter
without countries is charted by what its signatories share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from viewer.core.formats.column_names import extra_column_title
from viewer.core.model import Signatory

FURTHER_PREFIX = "extra:"  # a further column's facet key: "extra:party" (as its sort column)
MAX_FIELD_CHARS = 200  # characters of a further column's name a key may carry
MIN_ROWS_PER_VALUE = 1.5
MAX_FACET_VALUES = 1000
MAX_SHORTCUTS = 9  # Ctrl+1 .. Ctrl+9 group the chart by the first nine facets


@dataclass(frozen=True)
class Facet:
    """One field signatories can be filtered and counted by.

    key: how a Query, the saved window state and the chart name it ("country", "role",
    "extra:party"); field: the Signatory attribute or further column it reads ("party");
    label: its title ("Party"); one/many: its nouns ("party", "parties"); shortcut: the key
    that groups the chart by it in this document ("Ctrl+3"), if any; legacy_state_key: the
    window state entry that held its choice before facets were data ("countries").
    """

    key: str
    field: str
    label: str
    one: str
    many: str
    shortcut: str | None = None
    legacy_state_key: str | None = None

    @property
    def builtin(self) -> bool:
        """Country or role (or a registered facet): not one of the document's further columns."""
        return not self.key.startswith(FURTHER_PREFIX)

    @property
    def state_key(self) -> str:
        """The name its chosen values are saved under in the window state."""
        return self.key

    def noun(self, n: int) -> str:
        return self.one if n == 1 else self.many

    def value_of(self, signatory: Signatory) -> str | None:
        """The signatory's value for this facet (None: not stated)."""
        if self.key in _REGISTERED:
            return None  # the user's, not the signatory's: the engine's columns hold it
        if self.builtin:
            return getattr(signatory, self.field)
        return signatory.extra_value(self.field) or None


COUNTRY = Facet("country", "country", "Country", "country", "countries", None, "countries")
ROLE = Facet("role", "role", "Role", "role", "roles", None, "roles")
BUILTINS: tuple[Facet, ...] = (COUNTRY, ROLE)
BUILTIN_KEYS = tuple(f.key for f in BUILTINS)


# Facets whose values come from outside the document (a status the user gives each
# signatory): key -> (facet, the value every row has until told otherwise). Registering one
# makes its key valid in a Query and in saved state; an engine counts it once it is added to
# the engine's columns (Columns.add_facet), as the window does, so a document read for the
# command line or a test has only its own facets.
_REGISTERED: dict[str, tuple[Facet, str]] = {}


def register_facet(facet: Facet, default: str) -> Facet:
    """Make facet's key one a Query may name, each row at default until told otherwise."""
    _REGISTERED[facet.key] = (facet, default)
    return facet


def registered_default(key: str) -> str | None:
    """The value a registered facet has on a row nobody set (None: not registered)."""
    found = _REGISTERED.get(key)
    return found[1] if found else None


def further_key(field: str) -> str:
    """The facet key of a further column: "party" -> "extra:party"."""
    return FURTHER_PREFIX + field


def is_facet_key(key: str) -> bool:
    """Whether key is well formed: a built-in facet or any further column's key.

    Whether the open document has that column is the engine's question (saved state outlives
    the document it was saved with).
    """
    if key in BUILTIN_KEYS or key in _REGISTERED:
        return True
    field = key[len(FURTHER_PREFIX) :] if key.startswith(FURTHER_PREFIX) else ""
    return bool(field) and len(field) <= MAX_FIELD_CHARS and field.strip() == field


def further_facet(field: str) -> Facet:
    """The facet of a further column, its nouns made from its header ("party", "parties")."""
    # "Party" reads "party" in a sentence; capitals inside ("ORCID", "R&D unit") are kept.
    one = field[:1].lower() + field[1:] if field[1:] == field[1:].lower() else field
    return Facet(further_key(field), field, extra_column_title(field), one, plural_noun(one))


_ES_ENDINGS = ("s", "x", "z", "ch", "sh")


def plural_noun(noun: str) -> str:
    """The English plural of a column's name ("party" -> "parties", "group" -> "groups").

    A name that does not end in an ASCII letter (a header in Chinese, an acronym with digits)
    is kept as it is: a wrong plural reads worse than the singular.
    """
    if not noun or not re.search(r"[A-Za-z]$", noun) or noun.isupper():
        return noun
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if noun.endswith(_ES_ENDINGS):
        return noun + "es"
    return noun + "s"


def is_categorical(values: Sequence[str | None]) -> bool:
    """Whether a column's values repeat enough to be counted (see the module's docstring).

    A slice at a time, in C (set.update, list.count): a column of unique values (e-mail
    addresses) is given up after its first slice, a categorical one costs one pass.
    """
    distinct: set[str | None] = set()
    stated = 0
    for first in range(0, len(values), _SLICE):
        chunk = values[first : first + _SLICE]
        distinct.update(chunk)
        stated += len(chunk) - chunk.count(None) - chunk.count("")
        if _stated_values(distinct) > MAX_FACET_VALUES:
            return False
    return repeats_enough(stated, _stated_values(distinct))


_SLICE = 1 << 16


def _stated_values(distinct: set[str | None]) -> int:
    return len(distinct) - (None in distinct) - ("" in distinct)


def repeats_enough(stated: int, distinct: int) -> bool:
    """Whether stated rows over distinct values make a column worth counting."""
    return 0 < distinct <= MAX_FACET_VALUES and stated >= MIN_ROWS_PER_VALUE * distinct


def chart_grouping(facets: Sequence[Facet], groupable: Iterable[str], wanted: str) -> str:
    """The facet a document's chart groups by when it opens: the one the user chose last if
    this document's values of it repeat (groupable), else the first that does, so that a
    letter stating no country is counted by affiliation rather than as "Not stated 55"."""
    keys = [f.key for f in facets]
    groupable = [k for k in keys if k in set(groupable)]
    if wanted in groupable:
        return wanted
    if groupable:
        return groupable[0]
    return wanted if wanted in keys else keys[0]


def with_shortcuts(facets: Sequence[Facet]) -> tuple[Facet, ...]:
    """The facets in order, the first nine with Ctrl+1 .. Ctrl+9."""
    return tuple(
        replace(f, shortcut=f"Ctrl+{i + 1}" if i < MAX_SHORTCUTS else None)
        for i, f in enumerate(facets)
    )


def document_facets(further: Sequence[str]) -> tuple[Facet, ...]:
    """A document's facets: country and role, then its categorical further columns in the
    order they first appear (further: their field names, already found categorical)."""
    return with_shortcuts([*BUILTINS, *(further_facet(f) for f in further)])


def find_facet(facets: Sequence[Facet], name: str) -> Facet | None:
    """The facet a user names: its key, its field or its label, case ignored ("Party")."""
    for facet in facets:
        if name == facet.key:
            return facet
    folded = name.strip().casefold()
    for facet in facets:
        if folded in (facet.field.casefold(), facet.label.casefold(), facet.many.casefold()):
            return facet
    return None


def facet_for_key(key: str) -> Facet:
    """The facet a key names, without a document: a built-in or a further column's.

    For wording a choice restored or typed where the document is not at hand; raises
    ValueError for a key that cannot name a facet.
    """
    for facet in BUILTINS:
        if facet.key == key:
            return facet
    if key in _REGISTERED:
        return _REGISTERED[key][0]
    if not is_facet_key(key):
        raise ValueError(f"unknown facet {key!r}")
    return further_facet(key[len(FURTHER_PREFIX) :])


def in_reading_order(keys: Iterable[str]) -> list[str]:
    """Facet keys as a reader meets them: country, role, then further ones by name."""
    builtin = [f.key for f in BUILTINS if f.key in set(keys)]
    return builtin + sorted(k for k in set(keys) if k not in BUILTIN_KEYS)
