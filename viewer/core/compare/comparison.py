"""Several letters -> one table of people, with a column per letter.

Signatories are one person when their names have the same match key (names.match_key) or
they share an identifier that is personal in both letters (identifiers.py), or when the
user confirmed a suggestion. Names that only look alike (names.suggestion_reason) are
suggestions: shown, never merged until confirmed; a rejected one is not shown again.
Verdicts come in as a mapping from a pair of (letter SHA-256, match key) to True/False.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from string import ascii_uppercase

from viewer.core.compare.clusters import Clusters
from viewer.core.compare.identifiers import personal_identifiers
from viewer.core.compare.names import blocking_keys, name_forms, suggestion_reason
from viewer.core.model import Document

Side = tuple[str, str]  # (letter SHA-256, match key)
Pair = tuple[Side, Side]
MAX_BLOCK = 400  # a word shared by more names than this ("john") suggests nothing alone


@dataclass(frozen=True)
class ComparedLetter:
    label: str  # "A", "B", ...
    title: str
    date: str | None
    sha256: str
    count: int


@dataclass(frozen=True)
class Person:
    """One person: the name shown, and the name as written in each letter (None: not there)."""

    name: str
    signed: tuple[str | None, ...]
    confirmed: bool = False  # joined by a verdict of the user

    def signed_in(self, letter: int) -> bool:
        return self.signed[letter] is not None


@dataclass(frozen=True)
class Suggestion:
    """Two people who may be one; a and b are indexes into Comparison.people."""

    a: int
    b: int
    name_a: str
    letter_a: int
    name_b: str
    letter_b: int
    reason: str
    sides: Pair  # the key a verdict on this suggestion is stored under


@dataclass(frozen=True)
class Comparison:
    letters: tuple[ComparedLetter, ...]
    people: tuple[Person, ...]
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True)
class _Member:
    letter: int
    name: str
    key: str


def letter_label(index: int) -> str:
    return ascii_uppercase[index] if index < 26 else f"L{index + 1}"


def letter_sha(doc: Document) -> str:
    """The letter's SHA-256; for a document made in memory, one of its title and names."""
    if doc.source.sha256:
        return doc.source.sha256
    text = "\n".join([doc.title, *(s.name for s in doc.signatories)])
    return hashlib.sha256(text.encode()).hexdigest()


def compare_documents(
    docs: Sequence[Document], decisions: Mapping[Pair, bool] | None = None
) -> Comparison:
    decisions = decisions or {}
    letters = tuple(
        ComparedLetter(letter_label(i), d.title, d.metadata.date, letter_sha(d), len(d.signatories))
        for i, d in enumerate(docs)
    )
    members = [
        _Member(i, s.name, name_forms(s.name).key)
        for i, d in enumerate(docs)
        for s in d.signatories
        if name_forms(s.name).key
    ]
    clusters = Clusters(len(members))
    _join_exact(members, docs, clusters)
    candidates = _candidates(members)
    confirmed = _join_confirmed(members, letters, candidates, decisions, clusters)
    people, person_of = _people(members, clusters, len(docs), confirmed)
    suggestions = _suggestions(members, letters, candidates, decisions, person_of, people)
    return Comparison(letters, tuple(people), tuple(suggestions))


def _join_exact(members: list[_Member], docs: Sequence[Document], clusters: Clusters) -> None:
    first: dict[str, int] = {}
    for number, member in enumerate(members):
        clusters.union(first.setdefault(f"k:{member.key}", number), number)
    number = 0
    for doc in docs:
        named = [s for s in doc.signatories if name_forms(s.name).key]
        for ids in personal_identifiers(named):
            for ident in ids:
                clusters.union(first.setdefault(f"i:{ident}", number), number)
            number += 1


def _candidates(members: list[_Member]) -> list[tuple[int, int, str]]:
    """Pairs of members of different letters whose names may be one person, with why."""
    blocks: dict[str, list[int]] = {}
    for number, member in enumerate(members):
        for key in blocking_keys(name_forms(member.name)):
            blocks.setdefault(key, []).append(number)
    seen: set[tuple[str, str]] = set()
    found = []
    for block in blocks.values():
        if len(block) > MAX_BLOCK:
            continue
        for x, y in combinations(block, 2):
            a, b = members[x], members[y]
            if a.letter == b.letter or a.key == b.key or (a.key, b.key) in seen:
                continue
            seen.add((a.key, b.key))
            reason = suggestion_reason(name_forms(a.name), name_forms(b.name))
            if reason:
                found.append((x, y, reason))
    return found


def _sides(members: list[_Member], letters: tuple[ComparedLetter, ...], x: int, y: int) -> Pair:
    a = (letters[members[x].letter].sha256, members[x].key)
    b = (letters[members[y].letter].sha256, members[y].key)
    return (a, b) if a <= b else (b, a)


def _join_confirmed(members, letters, candidates, decisions, clusters) -> set[int]:
    """Merge the pairs the user said are one person; the members so joined."""
    joined: set[int] = set()
    for x, y, _reason in candidates:
        if decisions.get(_sides(members, letters, x, y)) is True:
            clusters.union(x, y)
            joined.update((x, y))
    return joined


def _people(members, clusters, n_letters, confirmed) -> tuple[list[Person], dict[int, int]]:
    people: list[Person] = []
    person_of: dict[int, int] = {}
    for group in clusters.groups().values():
        signed: list[str | None] = [None] * n_letters
        for number in group:
            member = members[number]
            if signed[member.letter] is None:
                signed[member.letter] = member.name
            person_of[number] = len(people)
        name = _shown_name([members[n].name for n in group])
        people.append(Person(name, tuple(signed), any(n in confirmed for n in group)))
    return people, person_of


def _shown_name(names: list[str]) -> str:
    """The fullest form: one with both scripts ("Peter LAI（黎慶寧）") before one with one."""
    return max(names, key=lambda n: (len(name_forms(n).cjk) > 0 and len(name_forms(n).words) > 0,
                                     len(name_forms(n).words), -names.index(n)))  # fmt: skip


def _suggestions(members, letters, candidates, decisions, person_of, people) -> list[Suggestion]:
    found: list[Suggestion] = []
    pairs: set[tuple[int, int]] = set()
    for x, y, reason in candidates:
        pa, pb = sorted((person_of[x], person_of[y]))
        sides = _sides(members, letters, x, y)
        if pa == pb or (pa, pb) in pairs or sides in decisions:
            continue
        both = [people[pa].signed_in(i) and people[pb].signed_in(i) for i in range(len(letters))]
        if any(both):
            continue  # both signed one letter: two people, or a repeat within that letter
        pairs.add((pa, pb))
        a, b = (x, y) if person_of[x] == pa else (y, x)
        found.append(
            Suggestion(pa, pb, members[a].name, members[a].letter, members[b].name,
                       members[b].letter, reason, sides)
        )  # fmt: skip
    return found
