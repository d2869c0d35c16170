"""What a citation says about a letter, gathered once from a Document.

Every style formats the same Facts, so the styles can never disagree about who wrote the
letter, when, or where it was published. Text from the document is cleaned here (runs of
white space, line breaks and tabs become one space); nothing is guessed: a name is split
into family and given names where the document states the family name or the rules of
viewer.core.cite.names can decide it.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from viewer.core.cite.names import AS_WRITTEN, cited_name
from viewer.core.folding import fold
from viewer.core.model import Document, Signatory

# The organiser first: where a letter names its publisher, that group is the default author
# (the first-listed signatory did not publish it); without one, the signatories are.
AUTHOR_MODES = ("organiser", "signatories")
DEFAULT_AUTHORS = AUTHOR_MODES[0]
AUTHOR_MODE_LABELS = {
    "organiser": "The organiser (publisher) as group author",
    "signatories": "The signatories",
}

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_NUMBERS = {m[:3].lower(): i for i, m in enumerate(MONTHS, start=1)}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DMY_RE = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})$", re.I)
_MDY_RE = re.compile(rf"^{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$", re.I)
_MY_RE = re.compile(rf"^{_MONTH},?\s+(\d{{4}})$", re.I)
_GENERIC_START = ("Letter ", "Open letter ")


def clean(text: str | None) -> str | None:
    """Text on one line with single spaces; None for missing or blank text."""
    if text is None:
        return None
    text = " ".join(str(text).split())
    return text or None


@dataclass(frozen=True)
class DateParts:
    """A date as precise as the source states it: a year, maybe a month, maybe a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def month_name(self) -> str | None:
        return MONTHS[self.month - 1] if self.month else None


def parse_date(text: str | None) -> DateParts | None:
    """ISO dates, "4 December 2017", "December 4, 2017", "December 2017"; None otherwise."""
    text = clean(text)
    if not text:
        return None
    if m := _ISO_RE.match(text):
        return _checked(int(m[1]), _int(m[2]), _int(m[3]))
    if m := _DMY_RE.match(text):
        return _checked(int(m[3]), _MONTH_NUMBERS[m[2][:3].lower()], int(m[1]))
    if m := _MDY_RE.match(text):
        return _checked(int(m[3]), _MONTH_NUMBERS[m[1][:3].lower()], int(m[2]))
    if m := _MY_RE.match(text):
        return _checked(int(m[2]), _MONTH_NUMBERS[m[1][:3].lower()], None)
    return None


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _checked(year: int, month: int | None, day: int | None) -> DateParts | None:
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return DateParts(year, month, day)


@dataclass(frozen=True)
class PersonName:
    """An author's name as cited (titles and post-nominals removed), with its parts where the
    document states them or the rules of viewer.core.cite.names decide them."""

    literal: str
    family: str | None = None
    given: str | None = None
    suffix: str | None = None
    family_first: bool = False  # written family name first ("Chong Chieng Jen")
    is_group: bool = False  # an organisation as author
    particle: str | None = None  # "de", "van der": kept with the family name
    how: str = AS_WRITTEN  # how the parts were decided (names.DOCUMENT, RULE, AS_WRITTEN)

    @property
    def family_name(self) -> str | None:
        """The family name with its particle: "de Carvalho"."""
        if not self.family:
            return None
        return f"{self.particle} {self.family}" if self.particle else self.family

    @property
    def is_inverted(self) -> bool:
        """True where the styles' "Family, Given" form differs from the name as written."""
        return bool(self.family and self.given and not self.family_first)

    def inverted(self, demote_particle: bool = False) -> str:
        """ "Family, Given[, Suffix]" where the family name is known; else as written.
        demote_particle: "Carvalho, Domingos de" (CSL's display-and-sort, as Chicago's)."""
        if not self.is_inverted:
            return self.literal
        family, given = self.family_name, self.given
        if demote_particle and self.particle:
            family, given = self.family, f"{self.given} {self.particle}"
        parts = [family, given] + ([self.suffix] if self.suffix else [])
        return ", ".join(p for p in parts if p)

    def with_initials(self) -> str:
        """APA's "Family, G. G.[, Suffix]" where the family name is known; else as written."""
        if not (self.family and self.given):
            return self.literal
        parts = [self.family_name, initials(self.given)] + ([self.suffix] if self.suffix else [])
        return ", ".join(p for p in parts if p)

    def surname(self) -> str:
        """The name an in-text citation uses: the family name, or the whole name."""
        return self.family_name or self.literal


def initials(given: str) -> str:
    """Initials of given names: "Jean-Paul" -> "J.-P.", "Antonio L." -> "A. L."; no nicknames."""
    out = []
    for token in given.split():
        if token[0] in "\"“‘'(":
            continue  # a nickname in quotes or brackets is not a given name
        if re.fullmatch(r"(?:\w\.)+", token):
            out.append(" ".join(f"{c}." for c in token.split(".") if c))
            continue
        parts = [p for p in token.split("-") if p]
        letters = [next((c for c in p if c.isalpha()), "") for p in parts]
        out.append("-".join(f"{c.upper()}." for c in letters if c))
    return " ".join(x for x in out if x)


def name_of(s: Signatory, countries_stated: bool = False) -> PersonName:
    """A signatory's name as cited: parts as the document states or the rules decide them."""
    c = cited_name(s, countries_stated)
    p = c.parts
    if not (p.family and p.given):
        return PersonName(c.literal, suffix=p.suffix, how=c.how)
    return PersonName(
        c.literal,
        family=p.family,
        given=p.given,
        suffix=p.suffix,
        family_first=c.family_first,
        particle=p.particle,
        how=c.how,
    )


class SignatoryNames(Sequence[PersonName]):
    """The signatories' names, each split when read: a style that prints seven of a million
    names reads seven (the window previews citations of very long lists)."""

    def __init__(self, people: Sequence[Signatory], countries_stated: bool = False) -> None:
        self._people = people
        self._countries = countries_stated

    def __len__(self) -> int:
        return len(self._people)

    def __iter__(self) -> Iterator[PersonName]:
        return (name_of(s, self._countries) for s in self._people)

    @overload
    def __getitem__(self, index: int) -> PersonName: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[PersonName, ...]: ...
    def __getitem__(self, index: int | slice) -> PersonName | tuple[PersonName, ...]:
        if isinstance(index, slice):
            return tuple(name_of(s, self._countries) for s in self._people[index])
        return name_of(self._people[index], self._countries)


@dataclass(frozen=True)
class Facts:
    """Everything a style may print about one letter, already cleaned."""

    authors: Sequence[PersonName]
    organiser_is_author: bool
    title: str | None  # the letter's own title, if it has one
    description: str  # what the guides print for an untitled letter: "Letter to ..."
    recipient: str | None
    date: DateParts | None
    accessed: DateParts | None
    publisher: str | None
    headline: str | None  # the title of the page that published the letter
    url: str | None
    language: str | None
    key: str  # an ASCII citation key: "abdullah2017"

    @property
    def is_english(self) -> bool:
        return not self.language or self.language.lower().split("-")[0] in ("en", "eng")


def organiser_available(doc: Document) -> bool:
    """Whether the document names a publisher that can stand as group author."""
    return clean(doc.metadata.publisher) is not None


def facts_for(doc: Document, authors: str = DEFAULT_AUTHORS) -> Facts:
    """The facts of a document for citing, with authors as chosen (see AUTHOR_MODES)."""
    if authors not in AUTHOR_MODES:
        raise ValueError(f"unknown authors mode {authors!r} (choose {' or '.join(AUTHOR_MODES)})")
    m = doc.metadata
    publisher = clean(m.publisher)
    people = SignatoryNames(doc.signatories, bool(doc.countries))
    # Fall back to whichever authors exist: never cite nobody when someone can be named.
    use_organiser = publisher is not None and (authors == "organiser" or not people)
    names: Sequence[PersonName] = (
        (PersonName(publisher, is_group=True),) if use_organiser and publisher else people
    )
    description, recipient = _description(doc)
    date = parse_date(m.date) or parse_date(doc.letter.date)
    return Facts(
        authors=names,
        organiser_is_author=use_organiser,
        title=clean(m.title),
        description=description,
        recipient=recipient,
        date=date,
        accessed=parse_date(m.accessed),
        publisher=publisher,
        headline=clean(m.headline),
        url=clean(m.url),
        language=clean(m.language),
        key=_key(names, clean(m.publisher_short), date),
    )


def _description(doc: Document) -> tuple[str, str | None]:
    """("Letter to X", "X"): from the metadata's description, else from the addressee."""
    described = clean(doc.metadata.description)
    if described:
        for start in _GENERIC_START:
            if described.startswith(start + "to "):
                return described, described[len(start) + 3 :] or None
        return described, clean(doc.metadata.addressee)
    addressee = clean(doc.metadata.addressee) or next(
        (a for a in (clean(x) for x in doc.letter.addressee) if a), None
    )
    if addressee:
        return f"Letter to {addressee}", addressee
    return "Letter", None


def lower_generic(description: str) -> str:
    """The description inside a sentence ("letter to X"); one of another kind keeps its capital."""
    if description.startswith(_GENERIC_START) or description == "Letter":
        return description[0].lower() + description[1:]
    return description


def _key(names: Sequence[PersonName], short: str | None, date: DateParts | None) -> str:
    if names and names[0].is_group and short:
        base = short
    elif names:
        base = names[0].family_name or names[0].literal.split()[0]
    else:
        base = "letter"
    ascii_base = re.sub(r"[^a-z0-9]", "", fold(base)) or "letter"
    return ascii_base + (str(date.year) if date else "")
